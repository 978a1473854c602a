// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {scoreboardTable} from "../../src/components/scoreboard-table.js";
import type {ScoreboardRow} from "../../src/lib/scoreboard.js";
import {normalise} from "./snapshot.js";

// The scoreboard chart's funds (best first), one with NaN volatility (a one-day window) to show the dash.
const ROWS: ScoreboardRow[] = [
  {
    ticker: "IWC",
    name: "iShares Micro-Cap",
    size: "micro",
    style: "blend",
    totalReturn: 0.124,
    volatility: 0.241,
    maxDrawdown: -0.083,
    startDate: "2025-12-31",
    endDate: "2026-02-27"
  },
  {
    ticker: "IJR",
    name: "iShares Core S&P Small-Cap 600",
    size: "small",
    style: "core",
    totalReturn: 0.087,
    volatility: 0.198,
    maxDrawdown: -0.061,
    startDate: "2025-12-31",
    endDate: "2026-02-27"
  },
  {
    ticker: "SPY",
    name: "SPDR S&P 500",
    size: "market",
    style: "blend",
    totalReturn: -0.0004,
    volatility: NaN,
    maxDrawdown: 0,
    startDate: "2026-02-26",
    endDate: "2026-02-27"
  },
  {
    ticker: "IVW",
    name: "iShares S&P 500 Growth",
    size: "large",
    style: "growth",
    totalReturn: -0.042,
    volatility: 0.181,
    maxDrawdown: -0.097,
    startDate: "2025-12-31",
    endDate: "2026-02-27"
  }
];

describe("scoreboardTable(rows)", () => {
  const table = scoreboardTable(ROWS);

  it("matches the snapshot", async () => {
    await expect(normalise(table)).toMatchFileSnapshot("./__snapshots__/scoreboard-table.html");
  });

  it("has one body row per fund, in the rows' order, with the figures formatted as percentages", () => {
    const rows = [...table.tBodies[0].rows];
    expect(rows.map((r) => r.dataset.ticker)).toEqual(["IWC", "IJR", "SPY", "IVW"]);
    expect(rows.map((r) => [...r.cells].map((c) => c.textContent))).toEqual([
      ["IWC", "iShares Micro-Cap", "micro", "blend", "12.4%", "24.1%", "-8.3%", "2025-12-31", "2026-02-27"],
      ["IJR", "iShares Core S&P Small-Cap 600", "small", "core", "8.7%", "19.8%", "-6.1%", "2025-12-31", "2026-02-27"],
      ["SPY", "SPDR S&P 500", "market", "blend", "0.0%", "–", "0.0%", "2026-02-26", "2026-02-27"],
      ["IVW", "iShares S&P 500 Growth", "large", "growth", "-4.2%", "18.1%", "-9.7%", "2025-12-31", "2026-02-27"]
    ]);
  });

  it("right-aligns the three numeric columns, header and cells", () => {
    const aligned = (cells: HTMLCollectionOf<HTMLTableCellElement>) =>
      [...cells].map((c) => c.style.textAlign === "right");
    const expected = [false, false, false, false, true, true, true, false, false];
    expect(aligned(table.tHead!.rows[0].cells)).toEqual(expected);
    for (const r of table.tBodies[0].rows) expect(aligned(r.cells)).toEqual(expected);
  });

  it("is an empty body with its header for no rows", () => {
    const empty = scoreboardTable([]);
    expect(empty.tBodies[0].rows).toHaveLength(0);
    expect(empty.tHead!.rows[0].cells).toHaveLength(9);
  });
});

describe("scoreboardTable conventions", () => {
  it("states the max-drawdown convention the code uses (empyrical's, base close included) under the table", () => {
    const caption = scoreboardTable([]).caption!.textContent!;
    expect(caption).toMatch(/base close included: empyrical's convention/);
    expect(caption).not.toMatch(/follow QuantStats' conventions/);
  });
});
