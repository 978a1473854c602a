// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {pairTable} from "../../src/components/pair-table.js";
import {pairStudy, pairSummary} from "../../src/lib/pair-study.js";
import type {TickerPrices} from "../../src/lib/price-panel.js";
import {normalise, weekdays} from "./snapshot.js";

const N = 30;
const DATES = weekdays(Date.UTC(2025, 5, 2), N);

function fund(ticker: string, close: (i: number) => number): TickerPrices {
  const c = Float64Array.from({length: N}, (_, i) => Math.round(close(i) * 100) / 100);
  return {ticker, date: DATES, close: c, adjClose: c, dividend: new Float64Array(N), index: c.map((v) => v / c[0])};
}

// Three pairs over 30 weekdays of June–July 2025 with a 5-day spread: IJR ahead at the end after an
// earlier, longer lead; IWC behind at the end; IJS behind throughout (never positive).
const SPY = fund("SPY", (i) => 600 * (1 + 0.002 * i));
const SUMMARIES = [
  pairSummary(
    pairStudy(
      fund("IJR", (i) => 110 * (1 + 0.002 * i + 0.02 * Math.cos(i / 2.5))),
      SPY,
      {window: 5}
    )
  ),
  pairSummary(
    pairStudy(
      fund("IWC", (i) => 130 * (1 + 0.002 * i + 0.02 * Math.sin(i / 2.5))),
      SPY,
      {window: 5}
    )
  ),
  pairSummary(
    pairStudy(
      fund("IJS", (i) => 100 * (1 - 0.003 * i)),
      SPY,
      {window: 5}
    )
  ),
  // A pair with no data in the window: every figure a dash.
  {pair: "VBR−VTV", date: NaN, spread: NaN, percentile: NaN, currentStreak: NaN, longest: null}
];

describe("pairTable(summaries)", () => {
  const table = pairTable(SUMMARIES);

  it("matches the snapshot", async () => {
    await expect(normalise(table)).toMatchFileSnapshot("./__snapshots__/pair-table.html");
  });

  it("has one row per pair with its spread to 1 decimal, percentile as an ordinal and streaks", () => {
    const rows = [...table.tBodies[0].rows];
    expect(rows.map((r) => r.dataset.pair)).toEqual(["IJR−SPY", "IWC−SPY", "IJS−SPY", "VBR−VTV"]);
    const cells = rows.map((r) => [...r.cells].map((c) => c.textContent!));
    SUMMARIES.slice(0, 3).forEach((s, k) => {
      expect(cells[k][1]).toBe("2025-07-11"); // the 30th weekday from 2 June
      expect(cells[k][2]).toBe(s.spread.toFixed(1));
      expect(cells[k][3]).toBe(`${Math.round(s.percentile * 100)}${cells[k][3].slice(-2)}`);
    });
    expect(cells[0][4]).toBe(String(SUMMARIES[0].currentStreak));
    expect(Number(cells[0][2])).toBeGreaterThan(0);
    expect(cells[1][4]).toBe("not positive");
    expect(Number(cells[1][2])).toBeLessThan(0);
    expect(cells[2][4]).toBe("not positive");
    expect(cells[2][5]).toBe("never positive");
    expect(cells[3]).toEqual(["VBR−VTV", "–", "–", "–", "–", "never positive"]);
  });

  it("writes the longest positive streak as its length and dates", () => {
    const {longest} = SUMMARIES[0];
    expect(longest).not.toBeNull();
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    expect(table.tBodies[0].rows[0].cells[5].textContent).toBe(
      `${longest!.days} days, ${day(longest!.from)} → ${day(longest!.to)}`
    );
    // The current lead (2 days) is not the longest: that was the earlier one.
    expect(longest!.days).toBeGreaterThan(SUMMARIES[0].currentStreak);
  });

  it("counts the current streak as the longest streak is counted: an unbroken lead shows the same days in both", () => {
    const ahead = pairSummary(
      pairStudy(
        fund("IJH", (i) => 100 * (1 + 0.01 * i)),
        SPY,
        {window: 5}
      )
    );
    const cells = [...pairTable([ahead]).tBodies[0].rows[0].cells].map((c) => c.textContent!);
    // 30 days, the first 5-day spread on day 6: 25 positive days, in both columns.
    expect(cells[4]).toBe("25");
    expect(cells[5]).toMatch(/^25 days, /);
  });

  it("never writes a signed zero: a spread of -0.03 points is 0.0", () => {
    const flat = {...SUMMARIES[1], spread: -0.03};
    expect(pairTable([flat]).tBodies[0].rows[0].cells[2].textContent).toBe("0.0");
  });

  it("right-aligns the three number columns", () => {
    for (const r of [table.tHead!.rows[0], ...table.tBodies[0].rows]) {
      expect([...r.cells].map((c) => c.style.textAlign === "right")).toEqual([false, false, true, true, true, false]);
    }
  });
});
