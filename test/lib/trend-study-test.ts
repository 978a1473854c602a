import {describe, expect, it} from "vitest";
import type {TickerPrices} from "../../src/lib/price-panel.js";
import {trendStudy} from "../../src/lib/trend-study.js";

const DAY = 86_400_000;
function prices(close: number[], adjClose = close): TickerPrices {
  const c = Float64Array.from(close);
  const a = Float64Array.from(adjClose);
  return {
    ticker: "T",
    date: Float64Array.from(close, (_, i) => i * DAY),
    close: c,
    adjClose: a,
    dividend: new Float64Array(c.length),
    index: a.map((v) => v / a[0])
  };
}

describe("trendStudy(prices, {fast, slow, end})", () => {
  // Falls, then rises through its old high: the fast average crosses the slow one upward.
  const p = prices([10, 9, 8, 7, 8, 9, 10, 11, 12]);
  const t = trendStudy(p, {fast: 2, slow: 4});

  it("moving averages of the close with warm-up NaN", () => {
    expect(Number.isNaN(t.fast[0])).toBe(true);
    expect(t.fast[1]).toBe(9.5);
    expect(Number.isNaN(t.slow[2])).toBe(true);
    expect(t.slow[3]).toBe(8.5);
  });

  it("marks the crossover where the fast average goes above the slow one", () => {
    // fast − slow: day 3 7.5−8.5 <0, day 4 7.5−8 <0, day 5 8.5−8 >0.
    expect(t.crossovers).toEqual([{index: 5, direction: 1}]);
  });

  it("the prior high is the highest close before the last day, with its date and distance", () => {
    expect(t.priorHigh).toEqual({value: 11, date: 7 * DAY, distance: 12 / 11 - 1});
  });

  it("drawdown is of the total-return index from its running peak", () => {
    expect(t.drawdown[3]).toBeCloseTo(7 / 10 - 1, 12);
    expect(t.drawdown[8]).toBe(0);
  });

  it("end cuts the study at the last day on or before it", () => {
    const cut = trendStudy(p, {fast: 2, slow: 4, end: 4.5 * DAY});
    expect(cut.date.length).toBe(5);
    expect(cut.priorHigh).toEqual({value: 10, date: 0, distance: 8 / 10 - 1});
  });

  it("the total-return line starts at the first price, so both share an axis", () => {
    const withDividends = trendStudy(prices([10, 10, 10], [9, 9.5, 10]), {fast: 2, slow: 2});
    expect(Array.from(withDividends.totalReturn)).toEqual(
      [10, (9.5 / 9) * 10, (10 / 9) * 10].map((v) => expect.closeTo(v, 12))
    );
  });

  it("start rebases the total-return line to the price on the first day on or after it", () => {
    // Price 10 throughout, total return 9 → 9.5 → 10: from day 1 the line is 10 there, 10 × 10/9.5 after, 10 × 9/9.5 before.
    const later = trendStudy(prices([10, 10, 10], [9, 9.5, 10]), {fast: 2, slow: 2, start: 0.5 * DAY});
    expect(later.rebaseDate).toBe(1 * DAY);
    expect(later.totalReturn[1]).toBeCloseTo(10, 12);
    expect(later.totalReturn[2]).toBeCloseTo((10 * 10) / 9.5, 12);
    expect(later.totalReturn[0]).toBeCloseTo((10 * 9) / 9.5, 12);
    expect(trendStudy(prices([10, 10, 10], [9, 9.5, 10]), {fast: 2, slow: 2}).rebaseDate).toBe(0);
  });

  it("a one-day series has no prior high", () => {
    const one = trendStudy(prices([5]), {fast: 2, slow: 4});
    expect(one.priorHigh.value).toBeNaN();
    expect(one.crossovers).toEqual([]);
  });
});
