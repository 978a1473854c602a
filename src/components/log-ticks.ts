import * as Plot from "@observablehq/plot";

/** Round values a reader can read off a log axis, 0.1 to 30. */
const CANDIDATES = [0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 4, 6, 10, 15, 20, 30];

/**
 * Ticks for a log axis over the values' range: only those inside it (a tick
 * outside the frame lands on the other axis's labels), and up to the
 * largest value, so the top of the line is labelled. NaN values are skipped.
 */
export function logTicks(values: Iterable<number>): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) if (v > 0) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
  return CANDIDATES.filter((t) => t >= lo && t <= hi);
}

/**
 * A y axis and grid for a log scale with every tick labelled. Plot passes a
 * log scale's tick format through d3's, which blanks some labels (0.7, 6, …);
 * an explicit text channel keeps them all.
 *
 * - label: the axis label
 * - format: tick text (default String)
 */
export function logAxisY(
  ticks: readonly number[],
  {label, format = String}: {label?: string; format?: (d: number) => string} = {}
): Plot.Markish[] {
  return [Plot.gridY(ticks), Plot.axisY(ticks, {label, text: (d: number) => format(d)})];
}
