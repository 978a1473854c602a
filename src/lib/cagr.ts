const DAY_MS = 86_400_000;

/** Calendar days in an average year, the CAGR convention (QuantStats, empyrical's dates). */
export const DAYS_PER_YEAR = 365.25;

/**
 * Compound annual growth rate of an index from its first valid close (the base) to its last:
 * (end ÷ base)^(365.25 ÷ calendar days between them) − 1. Missing or non-positive closes are skipped; NaN with fewer
 * than two closes or when they fall on the same day.
 */
export function cagr(dates: ArrayLike<number>, index: ArrayLike<number>): number {
  let first = -1;
  let last = -1;
  for (let i = 0; i < index.length; ++i) {
    if (!(index[i] > 0)) continue;
    if (first < 0) first = i;
    last = i;
  }
  const days = (dates[last] - dates[first]) / DAY_MS;
  if (first < 0 || !(days > 0)) return NaN;
  return (index[last] / index[first]) ** (DAYS_PER_YEAR / days) - 1;
}
