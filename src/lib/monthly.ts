import {alignMonthly, toMonthEnd} from "./regimes.js";

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

/**
 * Month-end dates and the month's total return, from the last index value of
 * each month to the next; the first month is NaN, and so is the last unless
 * the data reach its last trading day (a month holding one trading day is
 * not a month's return).
 */
export function monthlyReturns(dates: Float64Array, index: Float64Array): {dates: Float64Array; values: Float64Array} {
  const m = toMonthEnd(dates, index, {how: "last"});
  const values = new Float64Array(m.values.length).fill(NaN);
  for (let i = 1; i < values.length; ++i) values[i] = m.values[i] / m.values[i - 1] - 1;
  if (values.length && !completesMonth(dates[dates.length - 1])) values[values.length - 1] = NaN;
  return {dates: m.dates, values};
}

/** Whether data ending on `lastDay` (epoch ms) complete its month: they reach the month's last trading day. */
export function completesMonth(lastDay: number): boolean {
  return lastDay >= lastTradingDay(lastDay);
}

/**
 * toMonthEnd for a daily series, complete months only: a month still running
 * (the data stop before its last trading day) is dropped, so that a month's
 * mean or last value is never that of a few days.
 * - how: "last" (default) or "mean", as toMonthEnd
 */
export function completeMonths(
  dates: Float64Array,
  values: Float64Array,
  {how = "last"}: {how?: "last" | "mean"} = {}
): {dates: Float64Array; values: Float64Array} {
  const m = toMonthEnd(dates, values, {how});
  if (!m.dates.length || completesMonth(dates[dates.length - 1])) return m;
  return {dates: m.dates.slice(0, -1), values: m.values.slice(0, -1)};
}

/**
 * The US market's last trading day of the month holding `t` (epoch ms): the
 * last weekday that is not Good Friday or Memorial Day, the two exchange
 * holidays that can end a month. One-off closures are not known.
 */
export function lastTradingDay(t: number): number {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const easter = easterSunday(y);
  const holidays = new Set([easter - 2 * DAY, memorialDay(y)]);
  let day = Date.UTC(y, m + 1, 0);
  for (;;) {
    const w = new Date(day).getUTCDay();
    if (w !== 0 && w !== 6 && !holidays.has(day)) return day;
    day -= DAY;
  }
}

const DAY = 86_400_000;

/** Easter Sunday of a year (Gregorian; the anonymous algorithm in Meeus, Astronomical Algorithms), epoch ms. */
function easterSunday(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - Math.floor(b / 4) - g + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return Date.UTC(y, Math.floor(n / 31) - 1, (n % 31) + 1);
}

/** The last Monday of May, epoch ms. */
function memorialDay(y: number): number {
  const may31 = Date.UTC(y, 4, 31);
  return may31 - ((new Date(may31).getUTCDay() + 6) % 7) * DAY;
}

/**
 * The monthly small-minus-large return of two daily total-return indexes, on
 * the small fund's month ends (NaN where the large fund has no return that
 * month). A fraction, like the returns it subtracts, so it compounds as French's SMB does.
 */
export function monthlySpread(
  small: {date: Float64Array; index: Float64Array},
  large: {date: Float64Array; index: Float64Array}
): {dates: Float64Array; values: Float64Array} {
  const s = monthlyReturns(small.date, small.index);
  const l = alignMonthly(s.dates, monthlyReturns(large.date, large.index));
  return {dates: s.dates, values: s.values.map((v, i) => v - l[i])};
}
