import {deviation, mean} from "d3";
import {excessReturns} from "./excess-returns.js";
import {TRADING_DAYS} from "./volatility.js";

/**
 * Annualised Sharpe ratio of daily returns: the mean daily excess return ÷ its sample standard deviation × √252
 * (QuantStats' `sharpe`). NaN returns (or rates) are skipped; NaN with fewer than two excess returns or none
 * varying.
 *
 * - riskFree: the daily risk-free rate, one per return (see riskFree), or a constant (default 0)
 * - periodsPerYear: how many returns make a year (default 252)
 */
export function sharpeRatio(
  returns: ArrayLike<number>,
  {riskFree = 0, periodsPerYear = TRADING_DAYS}: {riskFree?: ArrayLike<number> | number; periodsPerYear?: number} = {}
): number {
  const excess = excessReturns(returns, riskFree);
  const sd = deviation(excess);
  if (sd === undefined || !(sd > 0)) return NaN;
  return (mean(excess)! / sd) * Math.sqrt(periodsPerYear);
}
