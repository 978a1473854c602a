import {describe, expect, it} from "vitest";
import {parseDay} from "../../src/lib/dates.js";
import {yearByYear, yearsBeaten} from "../../src/lib/year-by-year.js";

const days = (...texts: string[]) => Float64Array.from(texts, parseDay);
const prices = new Map([
  [
    "IJR",
    {date: days("2023-12-29", "2024-12-31", "2025-12-31", "2026-03-06"), index: Float64Array.of(1, 1.2, 1.32, 1.2)}
  ],
  [
    "SPY",
    {date: days("2023-12-29", "2024-12-31", "2025-12-31", "2026-03-06"), index: Float64Array.of(1, 1.1, 1.32, 1.4)}
  ],
  // Listed from 2024-12-31: its first year starts a year later.
  ["NEW", {date: days("2024-12-31", "2025-12-31"), index: Float64Array.of(10, 9)}]
]);

describe("yearByYear(prices, tickers, {from, to})", () => {
  it("puts each fund's calendar-year returns side by side, a row per year, a partial year labelled", () => {
    const rows = yearByYear(prices, ["IJR", "SPY", "NEW", "GONE"]);
    expect(rows.map((r) => [r.label, r.partial, Object.fromEntries(r.values)])).toEqual([
      ["2024", false, {IJR: expect.closeTo(0.2, 12), SPY: expect.closeTo(0.1, 12)}],
      ["2025", false, {IJR: expect.closeTo(0.1, 12), SPY: expect.closeTo(0.2, 12), NEW: expect.closeTo(-0.1, 12)}],
      ["2026 (to Mar 6)", true, {IJR: expect.closeTo(1.2 / 1.32 - 1, 12), SPY: expect.closeTo(1.4 / 1.32 - 1, 12)}]
    ]);
  });

  it("is empty for no funds", () => {
    expect(yearByYear(prices, [])).toEqual([]);
  });
});

describe("yearsBeaten(rows, ticker, benchmark)", () => {
  it("counts whole years in which both have a return, and those the fund won", () => {
    const rows = yearByYear(prices, ["IJR", "SPY", "NEW"]);
    expect(yearsBeaten(rows, "IJR", "SPY")).toEqual({wins: 1, years: 2});
    expect(yearsBeaten(rows, "NEW", "SPY")).toEqual({wins: 0, years: 1});
    expect(yearsBeaten(rows, "IJR", "GONE")).toEqual({wins: 0, years: 0});
  });
});
