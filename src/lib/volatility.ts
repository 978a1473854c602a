/** Trading days in a year, the QuantStats/empyrical convention. */
export const TRADING_DAYS = 252;

/**
 * Annualised volatility of daily returns: the sample standard deviation
 * (n − 1, as pandas and QuantStats) times √252. NaN returns are skipped;
 * NaN when fewer than two remain.
 *
 * - periodsPerYear: how many returns make a year (default 252)
 */
export function annualizedVolatility(returns: ArrayLike<number>, {periodsPerYear = TRADING_DAYS} = {}): number {
  // Welford's update: one pass, no cancellation on long series.
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < returns.length; ++i) {
    const r = returns[i];
    if (Number.isNaN(r)) continue;
    const delta = r - mean;
    mean += delta / ++n;
    m2 += delta * (r - mean);
  }
  return n < 2 ? NaN : Math.sqrt((m2 / (n - 1)) * periodsPerYear);
}
