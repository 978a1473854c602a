const DAY_MS = 86_400_000;

/**
 * The longest drawdown of an index in calendar days: from a close at the running peak (the first close counts as
 * one) to the first close back at or above it, or to the last close when the index has not recovered. 0 when it
 * never fell; NaN with no valid close. Missing or non-positive closes are skipped.
 */
export function longestDrawdown(dates: ArrayLike<number>, index: ArrayLike<number>): number {
  let longest = NaN;
  let peak = -1;
  let last = -1;
  let below = false; // a close below the peak since it was set
  for (let i = 0; i < index.length; ++i) {
    const v = index[i];
    if (!(v > 0)) continue;
    if (peak < 0) longest = 0;
    if (peak < 0 || v >= index[peak]) {
      if (below) longest = Math.max(longest, (dates[i] - dates[peak]) / DAY_MS);
      peak = i;
      below = false;
    } else below = true;
    last = i;
  }
  // A drawdown still open at the end runs to the last close.
  if (below) longest = Math.max(longest, (dates[last] - dates[peak]) / DAY_MS);
  return longest;
}
