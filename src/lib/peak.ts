import {checkWindow} from "./rolling.js";

/**
 * Highs of a series: the running peak, the windowed maximum and the distance
 * from the prior high. The running peak skips NaN (a missing day still has a
 * peak behind it); a windowed maximum is NaN while its window holds a NaN.
 */

/**
 * Highest valid value up to and including each position; NaN before the
 * first valid value. value / peak − 1 is drawdown() from drawdown.ts.
 */
export function runningPeak(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  let peak = NaN;
  for (let i = 0; i < n; ++i) {
    const v = values[i];
    if (v > peak || peak !== peak) peak = v === v ? v : peak;
    out[i] = peak;
  }
  return out;
}

/**
 * Maximum of each value and the window − 1 before it, in O(n) with a
 * monotone deque; NaN during warm-up and while the window holds a NaN.
 *
 * - window: how many values each maximum covers, an integer ≥ 1 (default 252)
 */
export function rollingMax(values: ArrayLike<number>, {window = 252}: {window?: number} = {}): Float64Array {
  checkWindow(window);
  const n = values.length;
  const out = new Float64Array(n).fill(NaN);
  // Candidates whose values decrease from head to tail: the head is the
  // window's maximum, and each position enters and leaves at most once. The
  // values are kept beside their positions so the loop reads typed arrays only.
  const position = new Int32Array(n);
  const candidate = new Float64Array(n);
  let head = 0;
  let tail = 0;
  // First position whose window is full and free of NaN.
  let clean = window - 1;
  for (let i = 0; i < n; ++i) {
    const v = values[i];
    if (v !== v) clean = i + window;
    else {
      while (tail > head && candidate[tail - 1] <= v) --tail;
      position[tail] = i;
      candidate[tail++] = v;
    }
    while (head < tail && position[head] <= i - window) ++head;
    if (i >= clean) out[i] = candidate[head];
  }
  return out;
}

/**
 * Highest value before each position, today excluded: over all history
 * (NaN skipped) by default, or over the `window` positions before it.
 *
 * - window: how many prior positions to look back, an integer ≥ 1 (default all history)
 */
export function priorHigh(values: ArrayLike<number>, {window}: {window?: number} = {}): Float64Array {
  if (window !== undefined) checkWindow(window);
  const n = values.length;
  const high = window === undefined ? runningPeak(values) : rollingMax(values, {window});
  const out = new Float64Array(n).fill(NaN);
  out.set(high.subarray(0, Math.max(0, n - 1)), Math.min(1, n));
  return out;
}

/**
 * How far each value is above (positive) or below (negative) its prior high,
 * value / priorHigh − 1; NaN when either is missing.
 *
 * - window: how many prior positions to look back, an integer ≥ 1 (default all history)
 */
export function distanceFromHigh(values: ArrayLike<number>, {window}: {window?: number} = {}): Float64Array {
  const out = priorHigh(values, {window});
  for (let i = 0; i < out.length; ++i) out[i] = values[i] / out[i] - 1;
  return out;
}
