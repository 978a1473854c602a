import {readFileSync} from "node:fs";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {parseDay} from "../../src/lib/dates.js";
import {calendarMonthReturns} from "../../src/lib/month-returns.js";
import {hasSharedPrices, readAdjusted} from "./shared-prices.js";

const days = (...texts: string[]) => Float64Array.from(texts, parseDay);

describe("calendarMonthReturns(dates, index, {from, to})", () => {
  const dates = days("2024-01-31", "2024-02-15", "2024-02-29", "2024-03-28", "2024-04-10");
  const index = Float64Array.of(100, 105, 110, 99, 104);

  it("runs each month from the last close of the month before to its own last close", () => {
    const months = calendarMonthReturns(dates, index);
    expect(months.map((m) => [m.year, m.month, m.startDate, m.endDate, m.partial])).toEqual([
      [2024, 1, "2024-01-31", "2024-02-29", false],
      [2024, 2, "2024-02-29", "2024-03-28", false],
      // 10 April is not April's last trading day, and no later close says otherwise.
      [2024, 3, "2024-03-28", "2024-04-10", true]
    ]);
    expect(months.map((m) => m.value)).toEqual([0.1, -0.1, 104 / 99 - 1].map((v) => expect.closeTo(v, 12)));
  });

  it("starts at the base (the last close on or before from), marking the month it cuts", () => {
    const months = calendarMonthReturns(dates, index, {from: parseDay("2024-02-20"), to: parseDay("2024-03-31")});
    expect(months.map((m) => [m.month, m.startDate, m.partial])).toEqual([
      [1, "2024-02-15", true],
      [2, "2024-02-29", false]
    ]);
    expect(months[0].value).toBeCloseTo(110 / 105 - 1, 12);
  });

  it("skips missing closes and is empty with fewer than two", () => {
    expect(calendarMonthReturns(dates, Float64Array.of(100, NaN, 110, NaN, 104)).map((m) => m.value)).toEqual([
      expect.closeTo(0.1, 12),
      expect.closeTo(104 / 110 - 1, 12)
    ]);
    expect(calendarMonthReturns(days("2024-01-31"), Float64Array.of(1))).toEqual([]);
    expect(calendarMonthReturns(new Float64Array(0), new Float64Array(0))).toEqual([]);
  });
});

describe.skipIf(!hasSharedPrices)("calendarMonthReturns on the shared real prices", () => {
  const reference = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, "../reference/metrics-reference.json"), "utf8")
  );
  for (const {from, to, ijrMonths} of reference.ranges) {
    it(`IJR ${from} to ${to} equals the pandas month-end returns of test/reference/metrics-reference.py`, () => {
      const {dates, index} = readAdjusted("IJR");
      const months = calendarMonthReturns(dates, index, {from: parseDay(from), to: parseDay(to)});
      const key = (m: {year: number; month: number}) => `${m.year}-${String(m.month + 1).padStart(2, "0")}`;
      expect(Object.fromEntries(months.map((m) => [key(m), m.value]))).toEqual(
        Object.fromEntries(Object.entries(ijrMonths).map(([k, v]) => [k, expect.closeTo(v as number, 12)]))
      );
    });
  }
});
