import {describe, it, expect} from "vitest";
import {expandingPercentile, rollingPercentile, rollingZScore, expandingZScore} from "../../src/lib/percentile.js";
import {expectSeriesClose, naiveWindow, noisyWithGaps, mean, variance} from "./kernel-fixtures.js";

const n = 40;
// Rounded to one decimal so ties occur and the averaging of tied ranks is exercised.
const values = noisyWithGaps(n, {seed: 51, scale: 2, nanRate: 0.05}).map((v) => Math.round(v * 10) / 10);
const clean = noisyWithGaps(n, {seed: 52, scale: 2, nanRate: 0}).map((v) => Math.round(v * 10) / 10);

// pandas' rank(method="average", pct=True) of the last element of a window.
function naiveRank(x: number[]): number {
  const v = x[x.length - 1];
  const less = x.filter((u) => u < v).length;
  const equal = x.filter((u) => u === v).length;
  return (less + (equal + 1) / 2) / x.length;
}

describe("rollingPercentile(values, {window}) and rollingZScore", () => {
  it(`rollingPercentile matches a naive rank for every window 1…${n + 1}, with ties, with and without NaN gaps`, () => {
    for (const x of [values, clean]) {
      for (let w = 1; w <= n + 1; ++w)
        expectSeriesClose(rollingPercentile(x, {window: w}), naiveWindow(x, w, naiveRank), 1e-12, `w=${w}`);
    }
  });
  it(`rollingZScore matches (x − mean) / sd of a naive window for every window 1…${n + 1}`, () => {
    for (const x of [values, clean]) {
      for (let w = 1; w <= n + 1; ++w) {
        const naive = naiveWindow(x, w, (win) => {
          const sd = Math.sqrt(variance(win));
          return sd > 0 ? (win[win.length - 1] - mean(win)) / sd : NaN;
        });
        expectSeriesClose(rollingZScore(x, {window: w}), naive, 1e-9, `w=${w}`);
      }
    }
  });
  it("rollingPercentile([3, 1, 2, 5, 4], {window: 3}) is NaN, NaN, 2/3, 1, 2/3", () => {
    const out = rollingPercentile([3, 1, 2, 5, 4], {window: 3});
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeNaN();
    expect(Array.from(out.slice(2))).toEqual([2 / 3, 1, 2 / 3]);
  });
  it("rollingZScore of a constant window is NaN, not ±Infinity", () => {
    expect(Array.from(rollingZScore([2, 2, 2], {window: 2}))).toEqual([NaN, NaN, NaN]);
  });
  it("throws `invalid window` and returns all NaN for window > n", () => {
    expect(() => rollingPercentile([1], {window: 0})).toThrow("invalid window: 0");
    expect(Array.from(rollingPercentile([1, 2], {window: 3}))).toEqual([NaN, NaN]);
    expect(rollingZScore([], {window: 2}).length).toBe(0);
  });
});

describe("expandingPercentile(values, {minPeriods}) and expandingZScore", () => {
  it("expandingPercentile([3, 1, 2]) is 1, 0.5, 2/3, as pandas' expanding().rank(pct=True)", () => {
    expect(Array.from(expandingPercentile([3, 1, 2]))).toEqual([1, 0.5, 2 / 3]);
  });
  it("averages ties: expandingPercentile([1, 1]) is 1, 0.75", () => {
    expect(Array.from(expandingPercentile([1, 1]))).toEqual([1, 0.75]);
  });
  it("matches a naive rank over the valid history, skipping NaN", () => {
    const naive = Float64Array.from(values, (v, i) =>
      Number.isNaN(v) ? NaN : naiveRank([...Array.from(values.slice(0, i)).filter((u) => !Number.isNaN(u)), v])
    );
    expectSeriesClose(expandingPercentile(values), naive, 1e-12);
  });
  it("is NaN until minPeriods valid values and at NaN positions", () => {
    expect(Array.from(expandingPercentile([5, NaN, 4, 6], {minPeriods: 2}))).toEqual([NaN, NaN, 0.5, 1]);
    expect(() => expandingPercentile([1], {minPeriods: 0})).toThrow("invalid minPeriods: 0");
    expect(expandingPercentile([]).length).toBe(0);
  });
  it("expandingZScore matches (x − mean) / sd of the valid history so far", () => {
    const naive = Float64Array.from(values, (v, i) => {
      const x = Array.from(values.slice(0, i + 1)).filter((u) => !Number.isNaN(u));
      const sd = Math.sqrt(variance(x));
      return Number.isNaN(v) || x.length < 2 || !(sd > 0) ? NaN : (v - mean(x)) / sd;
    });
    expectSeriesClose(expandingZScore(values), naive, 1e-9);
  });
  it("expandingZScore([1, 2, 3]) is NaN, 1/√2, 1 and rejects minPeriods < 2", () => {
    const out = expandingZScore([1, 2, 3]);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeCloseTo(Math.SQRT1_2, 14);
    expect(out[2]).toBeCloseTo(1, 14);
    expect(() => expandingZScore([1], {minPeriods: 1})).toThrow("invalid minPeriods: 1");
  });
});
