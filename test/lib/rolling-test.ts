import {describe, it, expect} from "vitest";
import {checkWindow, rollingSum, rollingMean, rollingStd} from "../../src/lib/rolling.js";
import {expectSeriesClose, naiveWindow, noisyWithGaps, indexWithGaps, mean, variance} from "./kernel-fixtures.js";

const n = 40;
const windows = Array.from({length: n + 1}, (_, k) => k + 1);
const sum = (x: number[]) => x.reduce((s, v) => s + v, 0);

describe("rollingSum, rollingMean, rollingStd against naive loops", () => {
  const inputs = {
    gaps: noisyWithGaps(n, {seed: 7, offset: 0.3}),
    clean: noisyWithGaps(n, {seed: 8, nanRate: 0}),
    prices: indexWithGaps(n, {seed: 9, nanRate: 0.05})
  };
  for (const [name, values] of Object.entries(inputs)) {
    it(`rollingSum(${name}, {window: 1…${n + 1}}) matches a naive sum`, () => {
      for (const w of windows)
        expectSeriesClose(rollingSum(values, {window: w}), naiveWindow(values, w, sum), 1e-9, `w=${w}`);
    });
    it(`rollingMean(${name}, {window: 1…${n + 1}}) matches a naive mean`, () => {
      for (const w of windows)
        expectSeriesClose(rollingMean(values, {window: w}), naiveWindow(values, w, mean), 1e-9, `w=${w}`);
    });
    it(`rollingStd(${name}, {window: 1…${n + 1}}) matches a naive two-pass sample sd`, () => {
      for (const w of windows) {
        expectSeriesClose(
          rollingStd(values, {window: w}),
          naiveWindow(values, w, (x) => Math.sqrt(variance(x))),
          1e-9,
          `w=${w}`
        );
      }
    });
  }
});

describe("rolling warm-up, NaN and options", () => {
  it("rollingMean([1, 2, 3, 4, 5], {window: 3}) is NaN for the first 2 values, then 2, 3, 4", () => {
    const out = rollingMean([1, 2, 3, 4, 5], {window: 3});
    expect(Array.from(out)).toEqual([NaN, NaN, 2, 3, 4]);
  });
  it("rollingSum([1, NaN, 3, 4, 5, 6], {window: 2}) is NaN while the NaN is in the window, then recovers", () => {
    expect(Array.from(rollingSum([1, NaN, 3, 4, 5, 6], {window: 2}))).toEqual([NaN, NaN, NaN, 7, 9, 11]);
  });
  it("rollingStd([2, 4, 4, 4, 5, 5, 7, 9], {window: 8}) is the textbook sample sd √(32/7)", () => {
    const out = rollingStd([2, 4, 4, 4, 5, 5, 7, 9], {window: 8});
    expect(out[7]).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(out.slice(0, 7).every(Number.isNaN)).toBe(true);
  });
  it("rollingStd(values, {window: 1}) is all NaN (a sample sd needs two values)", () => {
    expect(Array.from(rollingStd([1, 2, 3], {window: 1}))).toEqual([NaN, NaN, NaN]);
  });
  it("rollingStd of a constant series is exactly 0", () => {
    expect(Array.from(rollingStd(new Float64Array(10).fill(123.456), {window: 4}).slice(3))).toEqual(Array(7).fill(0));
  });
  it("rollingStd stays accurate on prices far from 0 (1e9 + small noise)", () => {
    const values = noisyWithGaps(300, {seed: 3, offset: 1e9, nanRate: 0});
    expectSeriesClose(
      rollingStd(values, {window: 20}),
      naiveWindow(values, 20, (x) => Math.sqrt(variance(x))),
      1e-6
    );
  });
  it("rollingSum sheds the rounding error of a huge value within `window` steps of its leaving (periodic recompute)", () => {
    const values = [1, 1e17, ...Array.from({length: 20}, (_, i) => i + 2)];
    const out = rollingSum(values, {window: 5});
    // The 1e17 leaves after position 5; by position 10 the sum has been recomputed from the window.
    for (let i = 10; i < values.length; ++i) expect(out[i]).toBe(values.slice(i - 4, i + 1).reduce((a, b) => a + b));
  });
  it("rolling kernels give all NaN for window > n, and empty for empty input", () => {
    expect(Array.from(rollingMean([1, 2, 3], {window: 4}))).toEqual([NaN, NaN, NaN]);
    expect(rollingStd([], {window: 3}).length).toBe(0);
    expect(Array.from(rollingSum([5], {window: 1}))).toEqual([5]);
  });
  it("rollingMean does not mutate its input", () => {
    const values = new Float64Array([1, 2, 3]);
    rollingMean(values, {window: 2});
    expect(Array.from(values)).toEqual([1, 2, 3]);
  });
  it("checkWindow(k) throws `invalid window: k` for 0, negatives, fractions and NaN", () => {
    for (const k of [0, -1, 2.5, NaN, Infinity]) expect(() => checkWindow(k)).toThrow(`invalid window: ${k}`);
    expect(() => rollingMean([1], {window: 0})).toThrow("invalid window: 0");
    expect(checkWindow(3)).toBe(3);
  });
});
