import {expect} from "vitest";
import {seededRandom} from "./seeded-random.js";

export {seededRandom};

/** n values offset + scale·(u − 0.5), with NaN gaps: isolated NaNs and one run of three (none when nanRate is 0). */
export function noisyWithGaps(n: number, {seed = 1, offset = 0, scale = 1, nanRate = 0.08} = {}): Float64Array {
  const random = seededRandom(seed);
  const out = Float64Array.from({length: n}, () => offset + scale * (random() - 0.5));
  for (let i = 0; i < n; ++i) if (random() < nanRate) out[i] = NaN;
  if (n > 20 && nanRate > 0) out[15] = out[16] = out[17] = NaN;
  return out;
}

/** A seeded random-walk price index starting near 100, with NaN gaps. */
export function indexWithGaps(n: number, {seed = 1, nanRate = 0.08} = {}): Float64Array {
  const random = seededRandom(seed);
  let level = 100;
  const out = Float64Array.from({length: n}, () => (level *= 1 + 0.04 * (random() - 0.5)));
  for (let i = 0; i < n; ++i) if (random() < nanRate) out[i] = NaN;
  return out;
}

/**
 * Asserts two series are equal position by position: both NaN, or within
 * `tol` relative to max(1, |expected|) (an absolute floor, so values that
 * cancel to nearly 0 are not held to an impossible relative error).
 */
export function expectSeriesClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol = 1e-9,
  label = ""
): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; ++i) {
    const a = actual[i];
    const e = expected[i];
    if (Number.isNaN(e) || Number.isNaN(a)) {
      expect(a, `${label} position ${i}`).toBeNaN();
      expect(e, `${label} position ${i} (expected)`).toBeNaN();
    } else if (Math.abs(a - e) > tol * Math.max(1, Math.abs(e))) {
      expect(a, `${label} position ${i}`).toBe(e);
    }
  }
}

/** Naive O(n·w) windowed reduction: NaN during warm-up or when the window holds a NaN. */
export function naiveWindow(values: ArrayLike<number>, window: number, reduce: (w: number[]) => number): Float64Array {
  const out = new Float64Array(values.length).fill(NaN);
  for (let i = window - 1; i < values.length; ++i) {
    const w = Array.from({length: window}, (_, j) => values[i - window + 1 + j]);
    if (!w.some(Number.isNaN)) out[i] = reduce(w);
  }
  return out;
}

/** Naive O(n·w) windowed reduction over two series: NaN when either holds a NaN in the window. */
export function naivePairWindow(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  window: number,
  reduce: (x: number[], y: number[]) => number
): Float64Array {
  const out = new Float64Array(a.length).fill(NaN);
  for (let i = window - 1; i < a.length; ++i) {
    const x = Array.from({length: window}, (_, j) => a[i - window + 1 + j]);
    const y = Array.from({length: window}, (_, j) => b[i - window + 1 + j]);
    if (!x.some(Number.isNaN) && !y.some(Number.isNaN)) out[i] = reduce(x, y);
  }
  return out;
}

export const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;

/** Two-pass sample variance, as pandas and R's var(). */
export const variance = (x: number[]) => {
  const m = mean(x);
  return x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1);
};

export const covariance = (x: number[], y: number[]) => {
  const mx = mean(x);
  const my = mean(y);
  return x.reduce((s, v, i) => s + (v - mx) * (y[i] - my), 0) / (x.length - 1);
};
