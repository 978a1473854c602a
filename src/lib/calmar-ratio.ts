import {cagr} from "./cagr.js";
import {maxDrawdown} from "./drawdown.js";

/**
 * Calmar ratio of an index: its CAGR ÷ |max drawdown|, the drawdown measured from the running peak with the first
 * close (the base) included. Missing or non-positive closes are skipped; NaN when it never fell or has too few closes.
 */
export function calmarRatio(dates: ArrayLike<number>, index: ArrayLike<number>): number {
  const valid = Array.from(index, (v) => (v > 0 ? v : NaN));
  const worst = maxDrawdown(valid);
  return worst < 0 ? cagr(dates, index) / -worst : NaN;
}
