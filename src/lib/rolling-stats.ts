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
export function rollingCovariance(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  {window = 63}: {window?: number} = {}
): Float64Array {
  return pairMoments(a, b, window, COVARIANCE);
}

/**
 * Pearson correlation of a and b over the last `window` positions; NaN when
 * either is constant over the window.
 *
 * - window: how many positions each estimate covers, an integer ≥ 1 (default 63)
 */
export function rollingCorrelation(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  {window = 63}: {window?: number} = {}
): Float64Array {
  return pairMoments(a, b, window, CORRELATION);
}

/**
 * Beta of an asset to a benchmark over the last `window` positions,
 * cov(asset, bench) / var(bench); NaN when the benchmark is constant.
 *
 * - window: how many positions each estimate covers, an integer ≥ 1 (default 63)
 */
export function rollingBeta(
  asset: ArrayLike<number>,
  bench: ArrayLike<number>,
  {window = 63}: {window?: number} = {}
): Float64Array {
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
  const inv = 1 / window; // one multiply a step instead of three divides
  // Sums of shifted values (x − c) keep raw cross-products from cancelling.
  // As in rollingSum, they are rebuilt every `window` steps (amortised O(1)),
  // bounding drift and re-centring c, and the moment a NaN has left the window.
  let ca = 0,
    cb = 0,
    sa = 0,
    sb = 0,
    saa = 0,
    sbb = 0,
    sab = 0;
  let clean = window - 1; // first position whose window is full and free of NaN
  let rebuild = 0; // next position at which the sums are recomputed
  for (let i = 0; i < n; ++i) {
    const ai = a[i],
      bi = b[i];
    if (ai !== ai || bi !== bi) {
      clean = rebuild = i + window;
      continue;
    }
    if (i === rebuild) {
      rebuild = i + window;
      ca = ai;
      cb = bi;
      sa = sb = saa = sbb = sab = 0;
      for (let j = Math.max(0, i - window + 1); j < i; ++j) {
        const x = a[j] - ca,
          y = b[j] - cb;
        ((sa += x), (sb += y), (saa += x * x), (sbb += y * y), (sab += x * y));
      }
    } else if (i >= window) {
      // The pair entering and the pair leaving in one fused update.
      const x = ai - ca,
        y = bi - cb,
        u = a[i - window] - ca,
        v = b[i - window] - cb;
      ((sa += x - u), (sb += y - v), (saa += (x - u) * (x + u)), (sbb += (y - v) * (y + v)), (sab += x * y - u * v));
    } else {
      const x = ai - ca,
        y = bi - cb;
      ((sa += x), (sb += y), (saa += x * x), (sbb += y * y), (sab += x * y));
    }
    if (i >= clean && window > 1) {
      const mab = sab - sa * sb * inv;
      const maa = Math.max(0, saa - sa * sa * inv);
      const mbb = Math.max(0, sbb - sb * sb * inv);
      out[i] =
        statistic === COVARIANCE
          ? mab / (window - 1)
          : statistic === CORRELATION
            ? maa > 0 && mbb > 0
              ? mab / Math.sqrt(maa * mbb)
              : NaN
            : mbb > 0
              ? mab / mbb
              : NaN;
    }
  }
  return out;
}
