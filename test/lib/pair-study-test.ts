import {describe, expect, it} from "vitest";
import {pairStudy, pairSummary, parsePairs} from "../../src/lib/pair-study.js";
import type {TickerPrices} from "../../src/lib/price-panel.js";

const DAY = 86_400_000;
function prices(ticker: string, days: number[], index: number[]): TickerPrices {
  const date = Float64Array.from(days, (d) => d * DAY);
  const idx = Float64Array.from(index);
  return {ticker, date, close: idx, adjClose: idx, dividend: new Float64Array(idx.length), index: idx};
}

describe("pairStudy(small, large, {window})", () => {
  // Small: 1, 1.1, 1.21, 1.1, 1.32 on days 0..4; large has no day 2 and an extra day 5.
  const small = prices("S", [0, 1, 2, 3, 4], [1, 1.1, 1.21, 1.1, 1.32]);
  const large = prices("L", [0, 1, 3, 4, 5], [1, 1, 1.2, 1.2, 1.5]);
  const s = pairStudy(small, large, {window: 1, ratioAverage: 2});

  it("aligns the two funds on their common days", () => {
    expect(Array.from(s.date, (t) => t / DAY)).toEqual([0, 1, 3, 4]);
  });

  it("spreads are small minus large return in points, positive when small leads", () => {
    // Day 1: +10% vs 0% → +10; day 3: 1.1/1.1 − 1 = 0 vs +20% → −20; day 4: +20% vs 0% → +20.
    expect(Number.isNaN(s.spread[0])).toBe(true);
    expect(s.spread[1]).toBeCloseTo(10, 10);
    expect(s.spread[2]).toBeCloseTo(-20, 10);
    expect(s.spread[3]).toBeCloseTo(20, 10);
  });

  it("the ratio is small / large rebased to 1, with its moving average", () => {
    expect(Array.from(s.ratio)).toEqual([1, 1.1, 1.1 / 1.2, 1.32 / 1.2].map((v) => expect.closeTo(v, 12)));
    expect(s.ratioAverage[1]).toBeCloseTo((1 + 1.1) / 2, 12);
  });

  it("percentile ranks each spread in its history so far", () => {
    // Spreads 10, −20, 20: ranks 1/1, 1/2, 3/3.
    expect(Array.from(s.percentile.subarray(1))).toEqual([1, 0.5, 1]);
  });

  it("rebase sets where the ratio is 1", () => {
    const r = pairStudy(small, large, {window: 1, rebase: 3 * DAY});
    expect(Number.isNaN(r.ratio[1])).toBe(true);
    expect(r.ratio[2]).toBe(1);
    expect(r.ratio[3]).toBeCloseTo(1.2, 12);
  });

  it("rebaseDate is the common day the ratio is 1, not the date asked for", () => {
    // Day 2 is not a common day (large has none): the base is day 3's close.
    const r = pairStudy(small, large, {window: 1, rebase: 2 * DAY});
    expect(r.rebaseDate).toBe(3 * DAY);
    expect(r.ratio[2]).toBe(1);
    expect(s.rebaseDate).toBe(0);
  });
});

describe("pairSummary(study, {end})", () => {
  const small = prices("S", [0, 1, 2, 3, 4, 5], [1, 1.1, 1.2, 1.1, 1.2, 1.3]);
  const large = prices("L", [0, 1, 2, 3, 4, 5], [1, 1, 1, 1, 1, 1]);
  const s = pairStudy(small, large, {window: 1});

  it("reads the last day: spread, percentile, current streak, longest streak", () => {
    const r = pairSummary(s);
    expect(r.pair).toBe("S−L");
    expect(r.date).toBe(5 * DAY);
    expect(r.spread).toBeCloseTo((1.3 / 1.2 - 1) * 100, 10);
    // Positive on days 1, 2, then negative on 3, positive on 4, 5.
    // The current run (days 4 and 5) is 2 days long, counted as the longest streak is.
    expect(r.currentStreak).toBe(2);
    expect(r.longest).toEqual({days: 2, from: 1 * DAY, to: 2 * DAY});
  });

  it("stops at the last day on or before end", () => {
    const r = pairSummary(s, {end: 3.5 * DAY});
    expect(r.date).toBe(3 * DAY);
    expect(r.spread).toBeLessThan(0);
    expect(Number.isNaN(r.currentStreak)).toBe(true);
  });

  it("an empty study gives NaN and no streak", () => {
    const e = pairStudy(prices("S", [], []), prices("L", [], []), {window: 1});
    expect(pairSummary(e)).toMatchObject({date: NaN, spread: NaN, longest: null});
  });
});

describe("parsePairs(text)", () => {
  it("reads SMALL-LARGE pairs, any dash, any case", () => {
    expect(parsePairs("iwc-SPY, IJR − IVV,IWM–IWB")).toEqual([
      {small: "IWC", large: "SPY"},
      {small: "IJR", large: "IVV"},
      {small: "IWM", large: "IWB"}
    ]);
  });
  it("ignores empty pieces and rejects a malformed one by name", () => {
    expect(parsePairs(" , ")).toEqual([]);
    expect(() => parsePairs("IJR-IVV, IJR")).toThrow('cannot read the pair "IJR"');
  });
});
