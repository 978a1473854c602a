import {describe, it, expect} from "vitest";
import {rollingVolatility, rollingCovariance, rollingCorrelation, rollingBeta} from "../../src/lib/rolling-stats.js";
import {annualizedVolatility} from "../../src/lib/volatility.js";
import {simpleReturns} from "../../src/lib/returns.js";
import {
  expectSeriesClose,
  naiveWindow,
  naivePairWindow,
  noisyWithGaps,
  indexWithGaps,
  variance,
  covariance
} from "./kernel-fixtures.js";

const n = 40;
const windows = Array.from({length: n + 1}, (_, k) => k + 1);
const bench = noisyWithGaps(n, {seed: 81, scale: 0.02});
// An asset with beta ≈ 1.3 to the benchmark plus its own noise, and its own gaps.
const asset = Float64Array.from(
  noisyWithGaps(n, {seed: 82, scale: 0.01, nanRate: 0.03}),
  (e, i) => 1.3 * bench[i] + e + 0.001
);
const cleanBench = noisyWithGaps(n, {seed: 83, scale: 0.02, nanRate: 0});
const cleanAsset = Float64Array.from(
  noisyWithGaps(n, {seed: 84, scale: 0.01, nanRate: 0}),
  (e, i) => 0.8 * cleanBench[i] + e
);
const pairs = {gaps: [asset, bench], clean: [cleanAsset, cleanBench]};

const correlation = (x: number[], y: number[]) => covariance(x, y) / Math.sqrt(variance(x) * variance(y));

describe("rollingCovariance, rollingCorrelation, rollingBeta against naive loops", () => {
  for (const [name, [a, b]] of Object.entries(pairs)) {
    it(`rollingCovariance(${name}) matches a naive two-pass covariance for every window 1…${n + 1}`, () => {
      for (const w of windows)
        expectSeriesClose(rollingCovariance(a, b, {window: w}), naivePairWindow(a, b, w, covariance), 1e-9, `w=${w}`);
    });
    it(`rollingCorrelation(${name}) matches a naive Pearson correlation for every window 1…${n + 1}`, () => {
      for (const w of windows)
        expectSeriesClose(rollingCorrelation(a, b, {window: w}), naivePairWindow(a, b, w, correlation), 1e-9, `w=${w}`);
    });
    it(`rollingBeta(${name}) matches a naive cov / var for every window 1…${n + 1}`, () => {
      const beta = (x: number[], y: number[]) => covariance(x, y) / variance(y);
      for (const w of windows)
        expectSeriesClose(rollingBeta(a, b, {window: w}), naivePairWindow(a, b, w, beta), 1e-9, `w=${w}`);
    });
  }
  it("a series is perfectly correlated with itself and has beta 2 to half of itself", () => {
    const x = cleanBench;
    const corr = rollingCorrelation(x, x, {window: 5});
    const beta = rollingBeta(
      x,
      x.map((v) => v / 2),
      {window: 5}
    );
    for (let i = 4; i < n; ++i) {
      expect(corr[i]).toBeCloseTo(1, 12);
      expect(beta[i]).toBeCloseTo(2, 12);
    }
  });
  it("is NaN when the benchmark is constant (no ±Infinity) and for window 1", () => {
    expect(Array.from(rollingBeta([1, 2, 3], [1, 1, 1], {window: 2}))).toEqual([NaN, NaN, NaN]);
    expect(Array.from(rollingCorrelation([1, 2, 3], [1, 1, 1], {window: 3}))).toEqual([NaN, NaN, NaN]);
    expect(Array.from(rollingCorrelation([1, 2, 3], [3, 2, 1], {window: 1}))).toEqual([NaN, NaN, NaN]);
  });
  it("rejects a bad window and mismatched lengths; empty in, empty out", () => {
    expect(() => rollingCorrelation([1], [1], {window: 0})).toThrow("invalid window: 0");
    expect(() => rollingBeta([1, 2], [1])).toThrow("length mismatch: 2 vs 1");
    expect(rollingCovariance([], [], {window: 3}).length).toBe(0);
  });
});

describe("rollingVolatility(returns, {window})", () => {
  it(`is the naive sample sd × √252 for every window 1…${n + 1}`, () => {
    for (const w of windows) {
      expectSeriesClose(
        rollingVolatility(bench, {window: w}),
        naiveWindow(bench, w, (x) => Math.sqrt(variance(x) * 252)),
        1e-9,
        `w=${w}`
      );
    }
  });
  it("agrees with annualizedVolatility over each full window of simpleReturns (first full window ends at position `window`)", () => {
    const index = indexWithGaps(60, {seed: 85, nanRate: 0});
    const returns = simpleReturns(index);
    const out = rollingVolatility(returns, {window: 20});
    expect(out.slice(0, 20).every(Number.isNaN)).toBe(true);
    for (let i = 20; i < 60; ++i) expect(out[i]).toBeCloseTo(annualizedVolatility(returns.slice(i - 19, i + 1)), 12);
  });
  it("honours periodsPerYear and rejects a non-positive one", () => {
    expect(rollingVolatility([0, 0.02, -0.02], {window: 3, periodsPerYear: 1})[2]).toBeCloseTo(0.02, 14);
    expect(() => rollingVolatility([0], {periodsPerYear: 0})).toThrow("invalid periodsPerYear: 0");
  });
});
