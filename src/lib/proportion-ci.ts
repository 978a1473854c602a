/** A proportion with its confidence interval; all NaN when n is 0. */
export interface ProportionInterval {
  estimate: number;
  lower: number;
  upper: number;
}

/**
 * Wilson score interval for a binomial proportion (Wilson 1927; Agresti &
 * Coull 1998): unlike the normal approximation it stays inside [0, 1] and
 * behaves at 0 or n successes and for small n, as episode counts are.
 *
 * - z: normal quantile of the confidence level (default 1.96, 95%)
 */
export function wilsonInterval(successes: number, n: number, {z = 1.96}: {z?: number} = {}): ProportionInterval {
  if (!Number.isInteger(n) || n < 0) throw new Error(`invalid n: ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n)
    throw new Error(`invalid successes: ${successes} of ${n}`);
  if (!(z > 0) || !Number.isFinite(z)) throw new Error(`invalid z: ${z}`);
  if (n === 0) return {estimate: NaN, lower: NaN, upper: NaN};
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // Clamp the rounding error at 0 and n successes, where one bound is exactly 0 or 1.
  return {
    estimate: p,
    lower: successes === 0 ? 0 : Math.max(0, center - half),
    upper: successes === n ? 1 : Math.min(1, center + half)
  };
}
