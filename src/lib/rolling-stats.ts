import {checkWindow, rollingStd} from "./rolling.js";
import {TRADING_DAYS} from "./volatility.js";

/**
 * Windowed risk statistics of daily returns, in O(n) whatever the window.
 * Missing-data policy: a window in which either series has a NaN is NaN
 * (simpleReturns is NaN at position 0, so the first full window ends at
 * position `window`); the first window − 1 outputs are NaN.
 */

/**
 * Annualised volatility over the last `window` returns: the sample standard
 * deviation × √periodsPerYear, as annualizedVolatility and QuantStats.
 *
 * - window: how many returns each estimate covers, an integer ≥ 1 (default 63, a quarter)
 * - periodsPerYear: how many returns make a year (default 252)
 */
export function rollingVolatility(
  returns: ArrayLike<number>,
  {window = 63, periodsPerYear = TRADING_DAYS}: {window?: number; periodsPerYear?: number} = {}
): Float64Array {
  if (!(periodsPerYear > 0)) throw new Error(`invalid periodsPerYear: ${periodsPerYear}`);
  const out = rollingStd(returns, {window});
  const scale = Math.sqrt(periodsPerYear);
  for (let i = 0; i < out.length; ++i) out[i] *= scale;
  return out;
}

/**
 * Sample covariance (n − 1) of a and b over the last `window` positions.
 *
 * - window: how many positions each estimate covers, an integer ≥ 1 (default 63)
 */
export function rollingCovariance(a: ArrayLike<number>, b: ArrayLike<number>, {window = 63}: {window?: number} = {}): Float64Array {
  return pairMoments(a, b, window, COVARIANCE);
}

/**
 * Pearson correlation of a and b over the last `window` positions; NaN when
 * either is constant over the window.
 *
 * - window: how many positions each estimate covers, an integer ≥ 1 (default 63)
 */
export function rollingCorrelation(a: ArrayLike<number>, b: ArrayLike<number>, {window = 63}: {window?: number} = {}): Float64Array {
  return pairMoments(a, b, window, CORRELATION);
}

/**
 * Beta of an asset to a benchmark over the last `window` positions,
 * cov(asset, bench) / var(bench); NaN when the benchmark is constant.
 *
 * - window: how many positions each estimate covers, an integer ≥ 1 (default 63)
 */
export function rollingBeta(asset: ArrayLike<number>, bench: ArrayLike<number>, {window = 63}: {window?: number} = {}): Float64Array {
  return pairMoments(asset, bench, window, BETA);
}

// A statistic picked by number rather than by callback keeps the hot loop monomorphic.
const COVARIANCE = 0;
const CORRELATION = 1;
const BETA = 2;

// Each full window free of NaN gets its statistic from the centred co-moments Σdadb, Σda², Σdb².
function pairMoments(a: ArrayLike<number>, b: ArrayLike<number>, window: number, statistic: number): Float64Array {
  checkWindow(window);
  if (a.length !== b.length) throw new Error(`length mismatch: ${a.length} vs ${b.length}`);
  const n = a.length;
  const out = new Float64Array(n).fill(NaN);
  // Sums of shifted values (x − c) keep raw cross-products from cancelling;
  // recomputing them every `window` steps (amortised O(1)) bounds drift and re-centres c.
  let ca = 0, cb = 0, sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, missing = 0;
  for (let i = 0, recompute = 0; i < n; ++i, --recompute) {
    if (recompute === 0) {
      recompute = window;
      ca = a[i] === a[i] ? a[i] : 0;
      cb = b[i] === b[i] ? b[i] : 0;
      sa = sb = saa = sbb = sab = missing = 0;
      for (let j = Math.max(0, i - window + 1); j <= i; ++j) {
        const x = a[j] - ca, y = b[j] - cb;
        if (x === x && y === y) (sa += x), (sb += y), (saa += x * x), (sbb += y * y), (sab += x * y);
        else ++missing;
      }
    } else {
      const x = a[i] - ca, y = b[i] - cb;
      if (x === x && y === y) (sa += x), (sb += y), (saa += x * x), (sbb += y * y), (sab += x * y);
      else ++missing;
      if (i >= window) {
        const u = a[i - window] - ca, v = b[i - window] - cb;
        if (u === u && v === v) (sa -= u), (sb -= v), (saa -= u * u), (sbb -= v * v), (sab -= u * v);
        else --missing;
      }
    }
    if (i >= window - 1 && missing === 0 && window > 1) {
      const mab = sab - (sa * sb) / window;
      const maa = Math.max(0, saa - (sa * sa) / window);
      const mbb = Math.max(0, sbb - (sb * sb) / window);
      out[i] =
        statistic === COVARIANCE ? mab / (window - 1)
        : statistic === CORRELATION ? (maa > 0 && mbb > 0 ? mab / Math.sqrt(maa * mbb) : NaN)
        : mbb > 0 ? mab / mbb : NaN;
    }
  }
  return out;
}
