/**
 * Daily returns minus the risk-free rate of the same day; a number is a constant rate (0: no risk-free rate).
 * NaN wherever either is missing.
 */
export function excessReturns(returns: ArrayLike<number>, riskFree: ArrayLike<number> | number = 0): Float64Array {
  if (typeof riskFree !== "number" && riskFree.length !== returns.length)
    throw new Error(`length mismatch: ${returns.length} returns, ${riskFree.length} risk-free rates`);
  return Float64Array.from(returns, (r, i) => r - (typeof riskFree === "number" ? riskFree : riskFree[i]));
}
