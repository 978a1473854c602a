import {readFileSync} from "node:fs";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {calendarYearReturns} from "../../src/lib/calendar-returns.js";
import {parseDay} from "../../src/lib/dates.js";
import {hasSharedPrices, readAdjusted, SHARED_PRICES} from "./shared-prices.js";

const days = (...texts: string[]) => Float64Array.from(texts, parseDay);

describe("calendarYearReturns(dates, index, {from, to})", () => {
  const dates = days("2023-12-29", "2024-06-28", "2024-12-31", "2025-03-31", "2025-12-31", "2026-03-06");
  const index = Float64Array.of(100, 110, 121, 100, 133.1, 120);

  it("runs each year from the last close of the year before to its own last close", () => {
    const years = calendarYearReturns(dates, index);
    expect(years.map((y) => [y.label, y.startDate, y.endDate])).toEqual([
      ["2024", "2023-12-29", "2024-12-31"],
      ["2025", "2024-12-31", "2025-12-31"],
      ["2026 (to Mar 6)", "2025-12-31", "2026-03-06"]
    ]);
    expect(years.map((y) => y.value)).toEqual([0.21, 0.1, 120 / 133.1 - 1].map((v) => expect.closeTo(v, 12)));
    expect(years.map((y) => y.partial)).toEqual([false, false, true]);
  });

  it("starts a range at the last close on or before from, and labels a year cut by it", () => {
    const years = calendarYearReturns(dates, index, {from: parseDay("2024-07-01"), to: parseDay("2025-06-30")});
    expect(years.map((y) => [y.label, y.startDate, y.endDate])).toEqual([
      ["2024 (from Jun 28)", "2024-06-28", "2024-12-31"],
      ["2025 (to Mar 31)", "2024-12-31", "2025-03-31"]
    ]);
    expect(years[0].value).toBeCloseTo(0.1, 12);
    expect(years[1].value).toBeCloseTo(100 / 121 - 1, 12);
  });

  it("takes a base on the year's last close as a whole year, and data ending on 31 December as a complete year", () => {
    const years = calendarYearReturns(dates, index, {from: parseDay("2024-12-31"), to: parseDay("2025-12-31")});
    expect(years).toEqual([expect.objectContaining({label: "2025", partial: false, value: expect.closeTo(0.1, 12)})]);
  });

  it("skips missing closes, and is empty with fewer than two closes", () => {
    const gappy = Float64Array.of(100, NaN, 121, NaN, 133.1, NaN);
    expect(calendarYearReturns(dates, gappy).map((y) => y.value)).toEqual([
      expect.closeTo(0.21, 12),
      expect.closeTo(0.1, 12)
    ]);
    expect(calendarYearReturns(days("2024-01-02"), Float64Array.of(1))).toEqual([]);
    expect(calendarYearReturns(new Float64Array(0), new Float64Array(0))).toEqual([]);
  });
});

const REFERENCE = path.resolve(import.meta.dirname, "../reference/returns-reference.json");
if (!hasSharedPrices) console.warn(`calendar-returns-test: ${SHARED_PRICES} is absent, the real-data check is skipped`);

describe.skipIf(!hasSharedPrices)("calendarYearReturns on the shared real prices", () => {
  const reference = JSON.parse(readFileSync(REFERENCE, "utf8"));
  for (const ticker of ["IJR", "IWM", "IVV", "SPY"]) {
    it(`${ticker} 2006–2025 equals test/reference/returns-reference.py`, () => {
      const {dates, index} = readAdjusted(ticker);
      const years = calendarYearReturns(dates, index, {from: parseDay("2005-12-31"), to: parseDay("2025-12-31")});
      expect(Object.fromEntries(years.map((y) => [String(y.year), y.value]))).toEqual(
        Object.fromEntries(
          Object.entries(reference[ticker].years).map(([y, v]) => [y, expect.closeTo(v as number, 12)])
        )
      );
      expect(years.every((y) => !y.partial)).toBe(true);
    });
  }
});
