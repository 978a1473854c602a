/**
 * Windowed sums, means and standard deviations over the last `window`
 * values, in O(n) whatever the window. Missing-data policy: a window holding
 * a NaN is NaN, and the NaN stops mattering once it leaves the window. The
 * first window − 1 outputs are NaN (warm-up), never 0.
 */

/** Returns the window when it is an integer ≥ 1, else throws with the offending value. */
export function checkWindow(window: number): number {
  if (!Number.isInteger(window) || window < 1) throw new Error(`invalid window: ${window}`);
  return window;
}

/**
 * Sum of each value and the window − 1 before it.
 *
 * - window: how many values each sum covers, an integer ≥ 1 (default 21)
 */
export function rollingSum(values: ArrayLike<number>, {window = 21}: {window?: number} = {}): Float64Array {
  checkWindow(window);
  const n = values.length;
  const out = new Float64Array(n).fill(NaN);
  let sum = 0;
  let clean = window - 1; // first position whose window is full and free of NaN
  let rebuild = 0; // next position at which the sum is recomputed from its window
  for (let i = 0; i < n; ++i) {
    const v = values[i];
    if (v !== v) {
      // The sum may carry the NaN until it leaves; it is rebuilt the moment it has.
      clean = rebuild = i + window;
      continue;
    }
    // A running sum drifts as values enter and leave, and keeps the rounding
    // error of a huge value after it has left. Recomputing it from the window
    // every `window` steps (amortised O(1) a step) bounds the error to that of
    // summing the at most 2·window values seen since, the order of a naive loop's.
    if (i === rebuild) {
      rebuild = i + window;
      sum = v;
      for (let j = Math.max(0, i - window + 1); j < i; ++j) sum += values[j];
    } else {
      sum += v;
      if (i >= window) sum -= values[i - window];
    }
    if (i >= clean) out[i] = sum;
  }
  return out;
}

/**
 * Arithmetic mean of each value and the window − 1 before it.
 *
 * - window: how many values each mean covers, an integer ≥ 1 (default 21)
 */
export function rollingMean(values: ArrayLike<number>, {window = 21}: {window?: number} = {}): Float64Array {
  const out = rollingSum(values, {window});
  for (let i = 0; i < out.length; ++i) out[i] /= window;
  return out;
}

/**
 * Sample standard deviation (n − 1, as pandas) of each value and the
 * window − 1 before it; NaN for a window of 1.
 *
 * - window: how many values each deviation covers, an integer ≥ 1 (default 21)
 */
export function rollingStd(values: ArrayLike<number>, {window = 21}: {window?: number} = {}): Float64Array {
  checkWindow(window);
  const n = values.length;
  const out = new Float64Array(n).fill(NaN);
  // Sums of (x − c) and (x − c)² with c a value from the window: sums of raw
  // squares would cancel catastrophically for prices (mean ≫ deviation).
  let c = 0;
  let s1 = 0;
  let s2 = 0;
  let clean = window - 1; // first position whose window is full and free of NaN
  let rebuild = 0; // next position at which the sums are recomputed (see rollingSum)
  for (let i = 0; i < n; ++i) {
    const v = values[i];
    if (v !== v) {
      clean = rebuild = i + window;
      continue;
    }
    if (i === rebuild) {
      // Periodic recompute bounds drift and re-centres c on the newest value.
      rebuild = i + window;
      c = v;
      s1 = s2 = 0;
      for (let j = Math.max(0, i - window + 1); j < i; ++j) {
        const d = values[j] - c;
        s1 += d;
        s2 += d * d;
      }
    } else if (i >= window) {
      // The value entering and the value leaving in one fused update.
      const d = v - c;
      const e = values[i - window] - c;
      s1 += d - e;
      s2 += (d - e) * (d + e);
    } else {
      const d = v - c;
      s1 += d;
      s2 += d * d;
    }
    if (i >= clean && window > 1) out[i] = Math.sqrt(Math.max(0, (s2 - (s1 * s1) / window) / (window - 1)));
  }
  return out;
}
