import {excessReturns} from "./excess-returns.js";
import {rollingMean, rollingStd} from "./rolling.js";
import {TRADING_DAYS} from "./volatility.js";

/**
 * Rolling annualised Sharpe ratio over the last `window` daily returns: the window's mean excess return ÷ its sample
 * standard deviation × √252 (sharpeRatio on each window). A window holding a NaN is NaN, as in rolling-stats.ts.
 *
 * - window: how many returns each estimate covers, an integer ≥ 2 (default 252)
 * - riskFree: the daily risk-free rate, one per return (see riskFree), or a constant (default 0)
 * - periodsPerYear: how many returns make a year (default 252)
 */
export function rollingSharpe(
  returns: ArrayLike<number>,
  {
    window = TRADING_DAYS,
    riskFree = 0,
    periodsPerYear = TRADING_DAYS
  }: {window?: number; riskFree?: ArrayLike<number> | number; periodsPerYear?: number} = {}
): Float64Array {
  const excess = excessReturns(returns, riskFree);
  const mean = rollingMean(excess, {window});
  const sd = rollingStd(excess, {window});
  const scale = Math.sqrt(periodsPerYear);
  return mean.map((m, i) => (sd[i] > 0 ? (m / sd[i]) * scale : NaN));
}
