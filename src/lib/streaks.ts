/**
 * Runs of a spread series above zero (small caps ahead). NaN positions are
 * skipped: a data gap neither ends nor extends a run, and lengths count
 * positions (trading days) from a run's first to its last positive value.
 */

/** A run of positive values: first and last position (inclusive) and end − start + 1. */
export interface Streak {
  start: number;
  end: number;
  length: number;
}

/** Every run of positive values, in order. */
export function positiveStreaks(spread: ArrayLike<number>): Streak[] {
  const out: Streak[] = [];
  let start = -1;
  let last = -1;
  for (let i = 0; i < spread.length; ++i) {
    const v = spread[i];
    if (v !== v) continue;
    if (v > 0) {
      if (start < 0) start = i;
      last = i;
    } else if (start >= 0) {
      out.push({start, end: last, length: last - start + 1});
      start = -1;
    }
  }
  if (start >= 0) out.push({start, end: last, length: last - start + 1});
  return out;
}

/** The longest run of positive values (the earliest on a tie), or undefined when the spread is never positive. */
export function longestPositiveStreak(spread: ArrayLike<number>): Streak | undefined {
  let best: Streak | undefined;
  for (const s of positiveStreaks(spread)) if (!best || s.length > best.length) best = s;
  return best;
}

/**
 * Length of the positive run so far at each position where the spread is
 * positive, counted as positiveStreaks counts (1 on the day it turns, so a
 * run's last value is its length); NaN where it is zero, negative or NaN.
 */
export function currentPositiveStreak(spread: ArrayLike<number>): Float64Array {
  const n = spread.length;
  const out = new Float64Array(n).fill(NaN);
  let start = -1;
  for (let i = 0; i < n; ++i) {
    const v = spread[i];
    if (v !== v) continue;
    if (v > 0) out[i] = i - (start < 0 ? (start = i) : start) + 1;
    else start = -1;
  }
  return out;
}
