// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {fundValuationTable} from "../../src/components/fund-valuation-table.js";
import {medianComparison, type FundValuation} from "../../src/lib/fund-valuation.js";

// A snapshot in the shape of src/data/fund-valuation.json's rows, large funds first as the loader may write them.
const ROWS: FundValuation[] = [
  {ticker: "IVV", pe: 24.8312, pb: 4.6049, ps: 2.9871, pcf: 16.66},
  {ticker: "IVE", pe: 19.12, pb: 2.851, ps: 1.7449, pcf: 12.04},
  {ticker: "IJR", pe: 15.234, pb: 1.754, ps: 1.0, pcf: null},
  {ticker: "IWC", pe: null, pb: 1.3, ps: 0.7761, pcf: 8.96},
  {ticker: "IJH", pe: 17.5, pb: 2.2, ps: 1.3, pcf: 11},
  {ticker: "IJS", pe: 12.9, pb: 1.2, ps: 0.7, pcf: 7.3}
];

describe("fundValuationTable(rows)", () => {
  const table = fundValuationTable(ROWS);
  const cells = [...table.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent));

  it("has the header Fund, Name, Size, P/E, P/B, P/S, P/CF", () => {
    expect([...table.tHead!.rows[0].cells].map((c) => c.textContent)).toEqual([
      "Fund",
      "Name",
      "Size",
      "P/E",
      "P/B",
      "P/S",
      "P/CF"
    ]);
  });

  it("lists micro, then small, mid and large funds, with names and sizes from the universe", () => {
    expect([...table.tBodies[0].rows].map((r) => r.dataset.ticker)).toEqual(["IWC", "IJR", "IJS", "IJH", "IVV", "IVE"]);
    expect(cells[0].slice(0, 3)).toEqual(["IWC", "iShares Micro-Cap", "micro"]);
    expect(cells[4].slice(0, 3)).toEqual(["IVV", "iShares Core S&P 500", "large"]);
  });

  it("writes P/E and P/CF with 1 decimal, P/B and P/S with 2, and a dash where missing", () => {
    expect(cells[4].slice(3)).toEqual(["24.8×", "4.60×", "2.99×", "16.7×"]);
    expect(cells[1].slice(3)).toEqual(["15.2×", "1.75×", "1.00×", "–"]);
    expect(cells[0].slice(3)).toEqual(["–", "1.30×", "0.78×", "9.0×"]);
  });

  it("right-aligns the four multiples", () => {
    for (const r of [table.tHead!.rows[0], ...table.tBodies[0].rows]) {
      expect([...r.cells].map((c) => c.style.textAlign === "right")).toEqual([
        false,
        false,
        false,
        true,
        true,
        true,
        true
      ]);
    }
  });

  it("goes with the median comparison, computed by hand", () => {
    // Small side: IJR 15.234 and IJS 12.9 (IWC has no P/E) → (15.234 + 12.9) / 2 = 14.067.
    // Large side: IVV 24.8312 and IVE 19.12 → 21.9756. IJH (mid) is left out.
    expect(medianComparison(ROWS)).toBe(
      "Small-cap funds' holdings trade at a median 14.1× earnings against 22.0× for large-cap funds (2 funds against 2 funds)."
    );
  });

  it("is an empty body for no rows", () => {
    expect(fundValuationTable([]).tBodies[0].rows.length).toBe(0);
  });
});
