import {formatDay} from "./dates.js";

/** One fall from a peak and, when it came, the recovery to that peak. */
export interface DrawdownPeriod {
  /** Last close at the running peak before the fall, the lowest close, and the first close back at or above the peak (null: not recovered). */
  peak: string;
  trough: string;
  recovery: string | null;
  /** Trough ÷ peak − 1, a negative fraction. */
  depth: number;
  /** Trading days from the peak to the trough, and from the trough to the recovery (null: not recovered). */
  daysToTrough: number;
  daysToRecover: number | null;
}

/**
 * The deepest drawdown periods of a total-return index, deepest first. A period runs from a close at the running
 * peak to the first close at or above that peak again (the recovery), or to the last close when it has not
 * recovered; periods never overlap. The first close counts as a peak (empyrical's convention: the base close is
 * included). Missing (NaN) closes are skipped.
 *
 * - count: how many periods to return (default 5)
 */
export function drawdownPeriods(
  dates: ArrayLike<number>,
  index: ArrayLike<number>,
  {count = 5}: {count?: number} = {}
): DrawdownPeriod[] {
  if (!(count >= 0)) throw new Error(`invalid count: ${count}`);
  const periods: DrawdownPeriod[] = [];
  let peak = -1; // index of the running peak's close
  let trough = -1; // index of the lowest close since the peak, while below it
  // Positions among valid closes, so that "trading days" skip missing values too.
  let rank = 0;
  let peakRank = 0;
  let troughRank = 0;
  const close = (recovery: number | null, recoveryRank: number) =>
    periods.push({
      peak: formatDay(dates[peak]),
      trough: formatDay(dates[trough]),
      recovery: recovery === null ? null : formatDay(dates[recovery]),
      depth: index[trough] / index[peak] - 1,
      daysToTrough: troughRank - peakRank,
      daysToRecover: recovery === null ? null : recoveryRank - troughRank
    });
  for (let i = 0; i < index.length; ++i) {
    const v = index[i];
    if (!(v > 0)) continue;
    ++rank;
    if (peak < 0 || v >= index[peak]) {
      if (trough >= 0) close(i, rank);
      peak = i;
      peakRank = rank;
      trough = -1;
    } else if (trough < 0 || v < index[trough]) {
      trough = i;
      troughRank = rank;
    }
  }
  if (trough >= 0) close(null, rank);
  return periods.sort((a, b) => a.depth - b.depth).slice(0, count);
}
