import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {describe, it, expect} from "vitest";
import {parseDay} from "../../src/lib/dates.js";
import {formatPercent} from "../../src/lib/format.js";
import type {TickerPrices} from "../../src/lib/price-panel.js";
import {scoreboard} from "../../src/lib/scoreboard.js";
import {totalReturnIndex} from "../../src/lib/total-return.js";
import {fundLookup, type Fund} from "../../src/lib/universe.js";

function prices(ticker: string, days: string[], closes: number[]): TickerPrices {
  const close = Float64Array.from(closes);
  const nan = new Float64Array(close.length).fill(NaN);
  return {
    ticker,
    date: Float64Array.from(days, parseDay),
    close,
    adjClose: nan,
    dividend: new Float64Array(close.length),
    index: totalReturnIndex(close)
  };
}

const DAYS = ["2025-12-30", "2025-12-31", "2026-01-02", "2026-01-05", "2026-01-06"];
// YTD windows start at the 2025-12-31 close:
// IJR 100 → 110 → 99 → 105: total return +5%, returns +1/10, −1/10, +6/99, max drawdown 99/110 − 1 = −10%.
// IVV 200 → 202 → 204 → 206: +3%, never below its peak.
// IVW 50 → 49 → 48 → 49.5: −1%, max drawdown 48/50 − 1 = −4%.
const PRICES = new Map<string, TickerPrices>([
  ["IVW", prices("IVW", DAYS, [50, 50, 49, 48, 49.5])],
  ["IJR", prices("IJR", DAYS, [90, 100, 110, 99, 105])],
  ["IVV", prices("IVV", DAYS, [200, 200, 202, 204, 206])],
  ["IJS", prices("IJS", DAYS.slice(2), [30, 31, 32])],
  ["ABC", prices("ABC", DAYS, [10, 10, 10, 10, 10])]
]);

describe("scoreboard(prices, tickers)", () => {
  it('scoreboard(prices, ["IVW", "IJR", "IVV"]) sorts best total return first', () => {
    const {rows, missing} = scoreboard(PRICES, ["IVW", "IJR", "IVV"]);
    expect(rows.map((r) => r.ticker)).toEqual(["IJR", "IVV", "IVW"]);
    expect(missing).toEqual([]);
  });
  it("scoreboard total returns and max drawdowns equal the hand computations", () => {
    const {rows} = scoreboard(PRICES, ["IVW", "IJR", "IVV"]);
    const [ijr, ivv, ivw] = rows;
    expect(ijr.totalReturn).toBeCloseTo(0.05, 12);
    expect(ivv.totalReturn).toBeCloseTo(0.03, 12);
    expect(ivw.totalReturn).toBeCloseTo(-0.01, 12);
    expect(ijr.maxDrawdown).toBeCloseTo(-0.1, 12);
    expect(ivv.maxDrawdown).toBe(0);
    expect(ivw.maxDrawdown).toBeCloseTo(-0.04, 12);
  });
  it("scoreboard volatility is the sample sd of the window's daily returns × √252", () => {
    // IJR returns 1/10, −1/10, 2/33: mean 2/99; deviations 0.1 − 2/99, −0.1 − 2/99, 2/33 − 2/99;
    // squared sum 0.0224487 / (3 − 1) = 0.0112244, sd 0.1059451, × √252 = 1.6818264.
    const {rows} = scoreboard(PRICES, ["IJR"]);
    const m = 2 / 99;
    const variance = ((0.1 - m) ** 2 + (-0.1 - m) ** 2 + (2 / 33 - m) ** 2) / 2;
    expect(rows[0].volatility).toBeCloseTo(Math.sqrt(variance * 252), 12);
    expect(rows[0].volatility).toBeCloseTo(1.6818264, 6);
  });
  it("a fund declared in the universe (meta.json's) is scored with its name, size and style, not as other", () => {
    const fund = fundLookup([
      {ticker: "ABC", name: "Avantis-like Small Value", size: "small", style: "value", declared: true} as Fund
    ]);
    const {rows} = scoreboard(PRICES, ["ABC", "IJR"], {fund});
    expect(rows.find((r) => r.ticker === "ABC")).toEqual({
      ticker: "ABC",
      name: "Avantis-like Small Value",
      size: "small",
      style: "value",
      totalReturn: 0,
      volatility: 0,
      maxDrawdown: 0,
      startDate: "2025-12-31",
      endDate: "2026-01-06"
    });
    // Built-in funds keep their description.
    expect(rows.find((r) => r.ticker === "IJR")).toMatchObject({name: "iShares Core S&P Small-Cap 600", size: "small"});
  });
  it("scoreboard rows carry the fund description and the dates used", () => {
    const {rows} = scoreboard(PRICES, ["IJR", "ABC"]);
    expect(rows[0]).toMatchObject({
      ticker: "IJR",
      name: "iShares Core S&P Small-Cap 600",
      size: "small",
      style: "core",
      startDate: "2025-12-31",
      endDate: "2026-01-06"
    });
    expect(rows[1]).toMatchObject({
      ticker: "ABC",
      name: "ABC",
      size: "other",
      totalReturn: 0,
      maxDrawdown: 0,
      volatility: 0
    });
  });
  it("scoreboard lists missing tickers with the reason", () => {
    const {rows, missing} = scoreboard(PRICES, ["IWM", "IJS", "IVV"]);
    expect(rows.map((r) => r.ticker)).toEqual(["IVV"]);
    expect(missing).toEqual([
      {ticker: "IWM", reason: "no data loaded"},
      {ticker: "IJS", reason: "history does not cover the period"}
    ]);
  });
  it("scoreboard(prices, tickers, {asOf}) ends the window on or before asOf", () => {
    const {rows} = scoreboard(PRICES, ["IJR", "IVW"], {asOf: "2026-01-04"});
    expect(rows.map((r) => [r.ticker, r.endDate])).toEqual([
      ["IJR", "2026-01-02"],
      ["IVW", "2026-01-02"]
    ]);
    expect(rows[0].totalReturn).toBeCloseTo(0.1, 12);
    expect(rows[1].totalReturn).toBeCloseTo(-0.02, 12);
    expect(rows[0].volatility).toBeNaN(); // one return in the window
  });
  it('scoreboard(prices, tickers, {period: "custom", from}) starts at the close on or before from', () => {
    const {rows} = scoreboard(PRICES, ["IJR"], {period: "custom", from: "2026-01-02"});
    expect(rows[0].startDate).toBe("2026-01-02");
    expect(rows[0].totalReturn).toBeCloseTo(105 / 110 - 1, 12);
  });
  it("scoreboard(prices, []) is empty", () => {
    expect(scoreboard(PRICES, [])).toEqual({rows: [], missing: [], close: "", clamped: false, offDay: []});
  });
  it("scoreboard(prices, tickers, {asOf}) after the last close clamps to it and says so", () => {
    const board = scoreboard(PRICES, ["IJR", "IVV"], {asOf: "2026-01-09"});
    expect(board.clamped).toBe(true);
    expect(board.close).toBe("2026-01-06");
    expect(board.rows.map((r) => [r.ticker, r.endDate])).toEqual([
      ["IJR", "2026-01-06"],
      ["IVV", "2026-01-06"]
    ]);
    expect(board.rows[0].totalReturn).toBeCloseTo(0.05, 12);
    // A year later the YTD period is still the one ending at the last close, not an empty 2027.
    const later = scoreboard(PRICES, ["IJR"], {asOf: "2027-01-05"});
    expect(later.clamped).toBe(true);
    expect(later.rows[0].startDate).toBe("2025-12-31");
    expect(scoreboard(PRICES, ["IJR"], {asOf: "2026-01-04"}).clamped).toBe(false);
  });
  it("scoreboard ranks funds to the close most of them share and flags the ones that end on another day", () => {
    const late = prices("IWC", [...DAYS, "2026-01-07"], [10, 10, 11, 12, 13, 20]);
    const early = prices("IJH", DAYS.slice(0, 4), [40, 40, 41, 42]);
    const all = new Map([...PRICES, ["IWC", late], ["IJH", early]]);
    const board = scoreboard(all, ["IJR", "IVV", "IVW", "IWC", "IJH"]);
    // Three funds end 2026-01-06: the ranking is to that close, IWC included (to 13, not to its 20 of the 7th).
    expect(board.close).toBe("2026-01-06");
    expect(board.clamped).toBe(false);
    expect(board.rows.map((r) => r.ticker)).toEqual(["IWC", "IJR", "IVV", "IVW"]);
    expect(board.rows[0].totalReturn).toBeCloseTo(0.3, 12);
    expect(new Set(board.rows.map((r) => r.endDate))).toEqual(new Set(["2026-01-06"]));
    // IJH ends on the 5th: named, not ranked.
    expect(board.offDay).toEqual([
      {ticker: "IWC", lastClose: "2026-01-07", ranked: true},
      {ticker: "IJH", lastClose: "2026-01-05", ranked: false}
    ]);
  });
  it("scoreboard's max drawdown includes the base close (empyrical's convention)", () => {
    // Base close 100, then 90 on the first day and 95: empyrical counts the fall to 90 (−10%);
    // QuantStats, starting from the first day's close, would see only 90 → 95 (0%).
    const p = new Map([["IJR", prices("IJR", DAYS.slice(1, 4), [100, 90, 95])]]);
    expect(scoreboard(p, ["IJR"]).rows[0].maxDrawdown).toBeCloseTo(-0.1, 12);
  });
});

const dir = path.resolve(import.meta.dirname, "../../../shared/data/prices");
if (!existsSync(dir)) console.warn(`scoreboard-test: skipping the real-data test, ${dir} is absent`);

/** Reads Date, Close and AdjClose from a Yahoo-style CSV (empty or "null" cells become NaN). */
function readPrices(ticker: string): TickerPrices {
  const [header, ...lines] = readFileSync(path.join(dir, `${ticker}.csv`), "utf8")
    .trim()
    .split(/\r?\n/);
  const columns = header.split(",");
  const [d, c, a] = ["Date", "Close", "AdjClose"].map((name) => columns.indexOf(name));
  const cells = lines.map((line) => line.split(","));
  const number = (text: string) => (text === "" || text === "null" ? NaN : Number(text));
  const close = Float64Array.from(cells, (row) => number(row[c]));
  const adjClose = Float64Array.from(cells, (row) => number(row[a]));
  return {
    ticker,
    date: Float64Array.from(cells, (row) => parseDay(row[d])),
    close,
    adjClose,
    dividend: new Float64Array(close.length),
    index: totalReturnIndex(close, {adjClose})
  };
}

describe.skipIf(!existsSync(dir))("scoreboard on the shared price data, YTD as of 2026-02-03", () => {
  const tickers = ["IVW", "IJR", "IVV", "SPY"];
  const board = () => scoreboard(new Map(tickers.map((t) => [t, readPrices(t)])), tickers, {asOf: "2026-02-03"});
  it("scoreboard gives IVW a YTD total return of -0.80%, the reference article's figure", () => {
    const {rows, missing} = board();
    expect(missing).toEqual([]);
    const ivw = rows.find((r) => r.ticker === "IVW")!;
    expect([ivw.startDate, ivw.endDate]).toEqual(["2025-12-31", "2026-02-03"]);
    expect((ivw.totalReturn * 100).toFixed(2)).toBe("-0.80");
    expect(formatPercent(ivw.totalReturn)).toBe("-0.8%");
  });
  it("scoreboard scores all four funds over the same window, sorted best first", () => {
    const {rows} = board();
    expect(rows.map((r) => r.ticker).sort()).toEqual([...tickers].sort());
    for (const r of rows) expect([r.startDate, r.endDate]).toEqual(["2025-12-31", "2026-02-03"]);
    for (let i = 1; i < rows.length; ++i) expect(rows[i - 1].totalReturn).toBeGreaterThanOrEqual(rows[i].totalReturn);
    // IVV and SPY both track the S&P 500: their total returns agree to within a few basis points.
    const [ivv, spy] = ["IVV", "SPY"].map((t) => rows.find((r) => r.ticker === t)!.totalReturn);
    expect(Math.abs(ivv - spy)).toBeLessThan(0.001);
  });
});
