import {alignOnCommonDates} from "./align.js";
import {indexOnOrBefore} from "./dates.js";
import {periodEnds, type Interval} from "./period-ends.js";
import {rollingZScore} from "./percentile.js";
import {relativeStrength} from "./relative-strength.js";

/**
 * An open approximation of the JdK RS-Ratio and RS-Momentum of a relative
 * rotation graph (the originals are proprietary). With RS the fund's
 * total-return index over the benchmark's, sampled at period ends:
 *
 *   RS-Ratio    = 100 + (RS − mean of the last n RS) / sd of the last n RS
 *   RS-Momentum = 100 + (R − mean of the last m R) / sd of the last m R, R = RS-Ratio
 *
 * Both are rolling z-scores (sample sd, as pandas), so 100 is the centre and
 * one point is one standard deviation. RS-Momentum measures the RS-Ratio's
 * rate of change: R − its m-period mean is a weighted sum of its last m − 1
 * changes, the latest weighted most. NaN during warm-up (n − 1, then m − 1
 * more periods), wherever RS is missing, and where a window is flat.
 */

/**
 * RS-Ratio of a relative-strength series: 100 + its rolling z-score.
 *
 * - window: periods in the mean and sd, an integer ≥ 2 (default 26)
 */
export function rsRatio(rs: ArrayLike<number>, {window = 26}: {window?: number} = {}): Float64Array {
  checkSpan(window);
  return rollingZScore(rs, {window}).map((z) => 100 + z);
}

/**
 * RS-Momentum of an RS-Ratio series: 100 + the RS-Ratio's rolling z-score.
 *
 * - window: periods in the mean and sd, an integer ≥ 2 (default 13)
 */
export function rsMomentum(ratio: ArrayLike<number>, {window = 13}: {window?: number} = {}): Float64Array {
  checkSpan(window);
  return rollingZScore(ratio, {window}).map((z) => 100 + z);
}

/** A fund's rotation against a benchmark: one point per period end up to the as-of close. */
export interface Rotation {
  /** The period-end closes both funds share, epoch ms. */
  date: Float64Array;
  rs: Float64Array;
  ratio: Float64Array;
  momentum: Float64Array;
}

/** Options of rotation: the as-of day, the sampling and the two windows (in periods of that sampling). */
export interface RotationOptions {
  /** Last day, epoch ms; the as-of close is the last close on or before it (default: the last close). */
  asOf?: number;
  interval?: Interval;
  ratioWindow?: number;
  momentumWindow?: number;
}

/**
 * RS, RS-Ratio and RS-Momentum of a fund against a benchmark, on the closes
 * both have, up to the as-of day, sampled at period ends (the as-of close is
 * the last point, so a week under way ends there).
 *
 * - asOf: last day, epoch ms (default: the last common close)
 * - interval: "weekly" (last close of each week) or "daily" (default "weekly")
 * - ratioWindow: RS-Ratio's window in periods (default 26)
 * - momentumWindow: RS-Momentum's window in periods (default 13)
 */
export function rotation(
  fund: {date: ArrayLike<number>; index: ArrayLike<number>},
  benchmark: {date: ArrayLike<number>; index: ArrayLike<number>},
  {asOf = Infinity, interval = "weekly", ratioWindow = 26, momentumWindow = 13}: RotationOptions = {}
): Rotation {
  const {date, values} = alignOnCommonDates([
    {date: fund.date, values: [fund.index]},
    {date: benchmark.date, values: [benchmark.index]}
  ]);
  const end = indexOnOrBefore(date, asOf) + 1;
  const ends = periodEnds(date.subarray(0, end), {interval});
  const pick = (a: Float64Array) => Float64Array.from(ends, (i) => a[i]);
  const rs = relativeStrength(pick(values[0][0]), pick(values[1][0]));
  const ratio = rsRatio(rs, {window: ratioWindow});
  return {date: pick(date), rs, ratio, momentum: rsMomentum(ratio, {window: momentumWindow})};
}

// A z-score over one value has no sd: the smallest window that means anything is 2.
function checkSpan(window: number): void {
  if (!Number.isInteger(window) || window < 2) throw new Error(`invalid window: ${window}`);
}
