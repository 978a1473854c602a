import {excessReturns} from "./excess-returns.js";
import {TRADING_DAYS} from "./volatility.js";

/**
 * Annualised Sortino ratio of daily returns, QuantStats' convention: the mean daily excess return ÷ the downside
 * deviation √(mean of min(excess, 0)²), the mean taken over every return, × √252. NaN returns (or rates) are
 * skipped; NaN with no return, Infinity when no excess return is negative and the mean is positive.
 *
 * - riskFree: the daily risk-free rate, one per return (see riskFree), or a constant (default 0)
 * - periodsPerYear: how many returns make a year (default 252)
 */
export function sortinoRatio(
  returns: ArrayLike<number>,
  {riskFree = 0, periodsPerYear = TRADING_DAYS}: {riskFree?: ArrayLike<number> | number; periodsPerYear?: number} = {}
): number {
  let n = 0;
  let sum = 0;
  let downside = 0;
  for (const x of excessReturns(returns, riskFree)) {
    if (Number.isNaN(x)) continue;
    ++n;
    sum += x;
    if (x < 0) downside += x * x;
  }
  if (n === 0) return NaN;
  const mean = sum / n;
  // No losing day: the ratio is unbounded (or undefined when nothing was earned either).
  if (downside === 0) return mean > 0 ? Infinity : NaN;
  return (mean / Math.sqrt(downside / n)) * Math.sqrt(periodsPerYear);
}
