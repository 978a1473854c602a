import {toMonthEnd} from "./regimes.js";

/**
 * Month-level helpers for the regime study: lags (for publication delays)
 * and monthly returns of a daily total-return index. NaN propagates.
 */

/** values shifted `k` positions later (value at i is values[i − k]); NaN for the first k. */
export function lag(values: ArrayLike<number>, k: number): Float64Array {
  if (!Number.isInteger(k) || k < 0) throw new Error(`invalid lag: ${k}`);
  const out = new Float64Array(values.length).fill(NaN);
  for (let i = k; i < values.length; ++i) out[i] = values[i - k];
  return out;
}

/** Month-end dates and the month's total return, from the last index value of each month to the next; the first month is NaN. */
export function monthlyReturns(dates: Float64Array, index: Float64Array): {dates: Float64Array; values: Float64Array} {
  const m = toMonthEnd(dates, index, {how: "last"});
  const values = new Float64Array(m.values.length).fill(NaN);
  for (let i = 1; i < values.length; ++i) values[i] = m.values[i] / m.values[i - 1] - 1;
  return {dates: m.dates, values};
}
