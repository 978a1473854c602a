import {utcMonth, utcYear} from "d3";
import {describe, expect, it} from "vitest";
import {periodReturns} from "../../src/lib/period-returns.js";

const day = (s: string) => Date.parse(`${s}T00:00:00Z`);

describe("periodReturns(dates, index, interval, options)", () => {
  const dates = ["2024-12-30", "2024-12-31", "2025-01-15", "2025-01-31", "2025-02-14", "2025-02-28", "2025-03-07"].map(
    day
  );
  const index = [90, 100, 105, NaN, 110, 121, 133.1];

  it("chains each period from the last close before it, skipping missing closes", () => {
    const months = periodReturns(dates, index, utcMonth);
    expect(months.map((m) => [m.startDate, m.endDate])).toEqual([
      ["2024-12-30", "2024-12-31"],
      ["2024-12-31", "2025-01-15"],
      ["2025-01-15", "2025-02-28"],
      ["2025-02-28", "2025-03-07"]
    ]);
    // By hand: 100/90, 105/100, 121/105, 133.1/121.
    expect(months.map((m) => m.value)).toEqual([100 / 90 - 1, 105 / 100 - 1, 121 / 105 - 1, 133.1 / 121 - 1]);
    expect(months.map((m) => m.period)).toEqual([
      day("2024-12-01"),
      day("2025-01-01"),
      day("2025-02-01"),
      day("2025-03-01")
    ]);
  });

  it("marks a period the base cuts, and one the data end inside unless `ended` says the last close is its last", () => {
    const years = periodReturns(dates, index, utcYear);
    expect(years.map((y) => [y.partialStart, y.partialEnd])).toEqual([
      [true, false],
      [false, true]
    ]);
    expect(periodReturns(dates, index, utcYear, {ended: () => true}).at(-1)!.partialEnd).toBe(false);
  });

  it("starts at the last close on or before `from` and ends at the last close on or before `to`", () => {
    const months = periodReturns(dates, index, utcMonth, {from: day("2025-01-20"), to: day("2025-02-20")});
    expect(months.map((m) => [m.startDate, m.endDate, m.partialStart, m.partialEnd])).toEqual([
      ["2025-01-15", "2025-02-14", false, true]
    ]);
    expect(months[0].value).toBeCloseTo(110 / 105 - 1, 12);
  });

  it("gives nothing for no data, one close, or a range before the first close", () => {
    expect(periodReturns([], [], utcMonth)).toEqual([]);
    expect(periodReturns([day("2025-01-02")], [100], utcMonth)).toEqual([]);
    expect(periodReturns(dates, index, utcMonth, {to: day("2020-01-01")})).toEqual([]);
  });
});
