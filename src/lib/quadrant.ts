/**
 * Where a point of a relative rotation graph sits and where it is going:
 * the quadrant around (100, 100), how long the latest run in it has lasted,
 * and the direction of the last step. A point on a centre line counts on
 * the side of 100 and above (RS-Ratio 100 is Leading or Weakening).
 */

export type Quadrant = "Leading" | "Weakening" | "Lagging" | "Improving";

/** The quadrants clockwise from the top right, the way funds usually rotate through them. */
export const QUADRANTS: readonly Quadrant[] = ["Leading", "Weakening", "Lagging", "Improving"];

/** The quadrant of one point: RS-Ratio ≥ 100 is Leading or Weakening, RS-Momentum ≥ 100 Leading or Improving; null for NaN. */
export function quadrantOf(ratio: number, momentum: number): Quadrant | null {
  if (!(ratio === ratio && momentum === momentum)) return null;
  if (ratio >= 100) return momentum >= 100 ? "Leading" : "Weakening";
  return momentum >= 100 ? "Improving" : "Lagging";
}

/** The latest run of points in one quadrant. */
export interface QuadrantRun {
  quadrant: Quadrant;
  /** Position of the run's first point (the period the fund entered the quadrant). */
  start: number;
  /** Periods since it entered: 0 when the latest point is its first in the quadrant. */
  periods: number;
  /** The run reaches back to the first point with both values: it entered at least `periods` periods ago. */
  atLeast: boolean;
}

/**
 * The quadrant of the last point and the run of consecutive points in it
 * that ends there; null when the last point has no value.
 */
export function quadrantRun(ratio: ArrayLike<number>, momentum: ArrayLike<number>): QuadrantRun | null {
  if (ratio.length !== momentum.length) throw new Error(`length mismatch: ${ratio.length} vs ${momentum.length}`);
  const last = ratio.length - 1;
  const quadrant = last >= 0 ? quadrantOf(ratio[last], momentum[last]) : null;
  if (!quadrant) return null;
  let start = last;
  while (start > 0 && quadrantOf(ratio[start - 1], momentum[start - 1]) === quadrant) --start;
  const atLeast = start === 0 || quadrantOf(ratio[start - 1], momentum[start - 1]) === null;
  return {quadrant, start, periods: last - start, atLeast};
}

const COMPASS = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"];

/** A step's direction on the graph. */
export interface Heading {
  /** Compass degrees in the graph's units: 0 up (RS-Momentum rising), 90 right (RS-Ratio rising), clockwise. */
  degrees: number;
  /** The nearest of the eight compass points. */
  compass: string;
}

/**
 * The direction of the step from (ratio0, momentum0) to (ratio1, momentum1),
 * each axis in its own points; null when the step is missing or zero.
 */
export function heading(ratio0: number, momentum0: number, ratio1: number, momentum1: number): Heading | null {
  const dx = ratio1 - ratio0;
  const dy = momentum1 - momentum0;
  if (!(dx === dx && dy === dy) || (dx === 0 && dy === 0)) return null;
  const degrees = ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360;
  return {degrees, compass: COMPASS[Math.round(degrees / 45) % 8]};
}
