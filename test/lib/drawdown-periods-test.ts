import {readFileSync} from "node:fs";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {parseDay} from "../../src/lib/dates.js";
import {drawdownPeriods} from "../../src/lib/drawdown-periods.js";
import {hasSharedPrices, readAdjusted} from "./shared-prices.js";

const dates = Float64Array.from({length: 9}, (_, i) => parseDay("2024-01-01") + i * 86_400_000);

describe("drawdownPeriods(dates, index, {count})", () => {
  it("finds each fall from a peak to the first close back at it, deepest first", () => {
    const index = Float64Array.of(100, 90, 95, 100, 120, 60, 80, 90, 110);
    expect(drawdownPeriods(dates, index)).toEqual([
      {
        peak: "2024-01-05",
        trough: "2024-01-06",
        recovery: null,
        depth: -0.5,
        daysToTrough: 1,
        daysToRecover: null
      },
      {
        peak: "2024-01-01",
        trough: "2024-01-02",
        recovery: "2024-01-04",
        depth: expect.closeTo(-0.1, 12),
        daysToTrough: 1,
        daysToRecover: 2
      }
    ]);
  });

  it("counts the base close as a peak (empyrical), and keeps the count asked for", () => {
    const index = Float64Array.of(100, 80, 100, 95, 100, 99, 100, 50, 100);
    const periods = drawdownPeriods(dates, index, {count: 2});
    expect(periods.map((p) => p.depth)).toEqual([-0.5, -0.2].map((v) => expect.closeTo(v, 12)));
    expect(periods[1].peak).toBe("2024-01-01");
    expect(() => drawdownPeriods(dates, index, {count: NaN})).toThrow("invalid count: NaN");
  });

  it("skips missing closes when it counts trading days, and is empty for a series that only rises", () => {
    const index = Float64Array.of(100, NaN, 90, NaN, 100, 101, 102, 103, 104);
    expect(drawdownPeriods(dates, index)).toEqual([
      expect.objectContaining({trough: "2024-01-03", recovery: "2024-01-05", daysToTrough: 1, daysToRecover: 1})
    ]);
    expect(drawdownPeriods(dates, Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9))).toEqual([]);
    expect(drawdownPeriods(new Float64Array(0), new Float64Array(0))).toEqual([]);
  });
});

const REFERENCE = path.resolve(import.meta.dirname, "../reference/returns-reference.json");

describe.skipIf(!hasSharedPrices)("drawdownPeriods on the shared real prices", () => {
  const reference = JSON.parse(readFileSync(REFERENCE, "utf8"));
  for (const ticker of ["IJR", "IWM", "IVV", "SPY"]) {
    it(`${ticker}'s five worst equal test/reference/returns-reference.py`, () => {
      const {dates, index} = readAdjusted(ticker);
      const expected = reference[ticker].drawdowns.map((p: {depth: number}) => ({
        ...p,
        depth: expect.closeTo(p.depth, 12)
      }));
      expect(drawdownPeriods(dates, index)).toEqual(expected);
    });
  }
});
