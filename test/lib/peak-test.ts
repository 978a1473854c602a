import {describe, it, expect} from "vitest";
import {runningPeak, rollingMax, priorHigh, distanceFromHigh} from "../../src/lib/peak.js";
import {drawdown} from "../../src/lib/drawdown.js";
import {expectSeriesClose, naiveWindow, noisyWithGaps, indexWithGaps} from "./kernel-fixtures.js";

const n = 40;
const inputs = {
  gaps: noisyWithGaps(n, {seed: 71}),
  clean: noisyWithGaps(n, {seed: 72, nanRate: 0}),
  index: indexWithGaps(n, {seed: 73})
};

describe("rollingMax(values, {window})", () => {
  for (const [name, values] of Object.entries(inputs)) {
    it(`matches a naive max for every window 1…${n + 1} (${name})`, () => {
      for (let w = 1; w <= n + 1; ++w)
        expectSeriesClose(
          rollingMax(values, {window: w}),
          naiveWindow(values, w, (x) => Math.max(...x)),
          0,
          `w=${w}`
        );
    });
  }
  it("rollingMax([1, 3, 2, NaN, 1, 0, 5], {window: 2}) is NaN while the NaN is in the window, then recovers", () => {
    expect(Array.from(rollingMax([1, 3, 2, NaN, 1, 0, 5], {window: 2}))).toEqual([NaN, 3, 3, NaN, NaN, 1, 5]);
  });
  it("handles ties and a falling series, and gives all NaN for window > n", () => {
    expect(Array.from(rollingMax([2, 2, 2, 1], {window: 2}))).toEqual([NaN, 2, 2, 2]);
    expect(Array.from(rollingMax([5, 4, 3, 2], {window: 3}))).toEqual([NaN, NaN, 5, 4]);
    expect(Array.from(rollingMax([1, 2], {window: 3}))).toEqual([NaN, NaN]);
    expect(rollingMax([], {window: 1}).length).toBe(0);
    expect(() => rollingMax([1], {window: 0})).toThrow("invalid window: 0");
  });
});

describe("runningPeak, priorHigh, distanceFromHigh", () => {
  it("runningPeak([NaN, 2, 1, NaN, 3, 2]) is NaN before the first value, then the highest so far (NaN days keep it)", () => {
    expect(Array.from(runningPeak([NaN, 2, 1, NaN, 3, 2]))).toEqual([NaN, 2, 2, 2, 3, 3]);
    expect(runningPeak([]).length).toBe(0);
  });
  it("value / runningPeak − 1 is drawdown() from drawdown.ts", () => {
    const index = inputs.index;
    const peak = runningPeak(index);
    expectSeriesClose(
      Float64Array.from(index, (v, i) => v / peak[i] - 1),
      drawdown(index),
      0
    );
  });
  it("priorHigh([1, 3, 2, 4]) excludes today: NaN, 1, 3, 3", () => {
    expect(Array.from(priorHigh([1, 3, 2, 4]))).toEqual([NaN, 1, 3, 3]);
    expect(Array.from(priorHigh([7]))).toEqual([NaN]);
    expect(priorHigh([]).length).toBe(0);
  });
  it("priorHigh(values, {window: 2}) is the max of the two positions before today", () => {
    expect(Array.from(priorHigh([5, 1, 2, 3, 1], {window: 2}))).toEqual([NaN, NaN, 5, 2, 3]);
    expect(() => priorHigh([1], {window: 0})).toThrow("invalid window: 0");
  });
  it("distanceFromHigh is positive on a breakout, negative below the prior high, NaN on missing days", () => {
    const out = distanceFromHigh([100, 110, 99, NaN, 121]);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeCloseTo(0.1, 14);
    expect(out[2]).toBeCloseTo(-0.1, 14);
    expect(out[3]).toBeNaN();
    expect(out[4]).toBeCloseTo(0.1, 14);
  });
  it("distanceFromHigh matches a naive prior max for every lookback 1…n+1", () => {
    const values = inputs.index;
    for (let w = 1; w <= n + 1; ++w) {
      const naive = Float64Array.from(values, (v, i) => {
        const prior = Array.from(values.slice(Math.max(0, i - w), i));
        return i < w || prior.some(Number.isNaN) ? NaN : v / Math.max(...prior) - 1;
      });
      expectSeriesClose(distanceFromHigh(values, {window: w}), naive, 1e-12, `w=${w}`);
    }
  });
});
