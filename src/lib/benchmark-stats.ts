import {TRADING_DAYS} from "./volatility.js";

/**
 * Statistics of a fund's daily returns against a benchmark's on the same days (arrays of equal length). Missing-data
 * policy: a day on which either return is NaN is skipped; NaN when fewer than two days are left or a needed
 * variance is zero.
 */

/** Beta of the fund to the benchmark: the sample covariance of their returns ÷ the benchmark's sample variance. */
export function beta(returns: ArrayLike<number>, benchmark: ArrayLike<number>): number {
  const m = moments(returns, benchmark);
  return m.vb > 0 ? m.cov / m.vb : NaN;
}

/** Pearson correlation of the fund's returns with the benchmark's. */
export function correlation(returns: ArrayLike<number>, benchmark: ArrayLike<number>): number {
  const m = moments(returns, benchmark);
  return m.va > 0 && m.vb > 0 ? m.cov / Math.sqrt(m.va * m.vb) : NaN;
}

/**
 * Tracking error: the sample standard deviation of the daily active return (fund − benchmark) × √252.
 *
 * - periodsPerYear: how many returns make a year (default 252)
 */
export function trackingError(
  returns: ArrayLike<number>,
  benchmark: ArrayLike<number>,
  {periodsPerYear = TRADING_DAYS}: {periodsPerYear?: number} = {}
): number {
  const {n, varActive} = moments(returns, benchmark);
  return n < 2 ? NaN : Math.sqrt(varActive * periodsPerYear);
}

/**
 * Information ratio: the annualised mean active return (mean daily fund − benchmark × 252) ÷ the tracking error.
 *
 * - periodsPerYear: how many returns make a year (default 252)
 */
export function informationRatio(
  returns: ArrayLike<number>,
  benchmark: ArrayLike<number>,
  {periodsPerYear = TRADING_DAYS}: {periodsPerYear?: number} = {}
): number {
  const {n, meanActive, varActive} = moments(returns, benchmark);
  return n < 2 || !(varActive > 0) ? NaN : (meanActive * periodsPerYear) / Math.sqrt(varActive * periodsPerYear);
}

// Sample (n − 1) moments over the days both returns exist, centred first so long series lose no precision.
function moments(a: ArrayLike<number>, b: ArrayLike<number>) {
  if (a.length !== b.length) throw new Error(`length mismatch: ${a.length} vs ${b.length}`);
  const days: number[] = [];
  for (let i = 0; i < a.length; ++i) if (!Number.isNaN(a[i]) && !Number.isNaN(b[i])) days.push(i);
  const n = days.length;
  let ma = 0;
  let mb = 0;
  for (const i of days) ((ma += a[i]), (mb += b[i]));
  ma /= n;
  mb /= n;
  let va = 0;
  let vb = 0;
  let cov = 0;
  let vd = 0;
  for (const i of days) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    va += da * da;
    vb += db * db;
    cov += da * db;
    // The active return's own deviation, so a fund against itself has exactly zero tracking error.
    vd += (da - db) * (da - db);
  }
  const d = n - 1;
  return {n, va: va / d, vb: vb / d, cov: cov / d, meanActive: ma - mb, varActive: vd / d};
}
