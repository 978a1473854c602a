/**
 * Daily returns minus the risk-free rate of the same day; a number is a constant rate (0: no risk-free rate).
 * NaN wherever either is missing.
 */
export function excessReturns(returns: ArrayLike<number>, riskFree: ArrayLike<number> | number = 0): Float64Array {
  if (typeof riskFree !== "number" && riskFree.length !== returns.length)
    throw new Error(`length mismatch: ${returns.length} returns, ${riskFree.length} risk-free rates`);
  // A plain loop: Float64Array.from with a callback costs ~20× more, and the backtest's sensitivity grid calls this
  // once per cell.
  const out = new Float64Array(returns.length);
  if (typeof riskFree === "number") for (let i = 0; i < out.length; ++i) out[i] = returns[i] - riskFree;
  else for (let i = 0; i < out.length; ++i) out[i] = returns[i] - riskFree[i];
  return out;
}
