import {formatPercent} from "../lib/format.js";
import type {ScoreboardRow} from "../lib/scoreboard.js";
import {dataTable} from "./data-table.js";

/** How the columns are computed, under the table wherever it appears (the code's conventions, checked in test/lib/drawdown-test.ts). */
export const SCOREBOARD_CONVENTIONS =
  "Total return runs from the base close to the last close, dividends included. Volatility is the sample standard deviation of daily total returns within the period × √252 (QuantStats and empyrical agree). Max drawdown is the worst fall from a running peak, the base close included: empyrical's convention (QuantStats starts at the first day's close, so it misses a fall on the first day).";

/** The scoreboard as a plain HTML table, one row per fund, in the chart's order, with its conventions as a caption below. */
export function scoreboardTable(rows: readonly ScoreboardRow[]): HTMLTableElement {
  return dataTable(
    rows,
    [
      {label: "Ticker", value: (r) => r.ticker},
      {label: "Name", value: (r) => r.name},
      {label: "Size", value: (r) => r.size},
      {label: "Style", value: (r) => r.style},
      {label: "Total return", value: (r) => formatPercent(r.totalReturn), numeric: true},
      {label: "Volatility (ann.)", value: (r) => formatPercent(r.volatility), numeric: true},
      {label: "Max drawdown", value: (r) => formatPercent(r.maxDrawdown), numeric: true},
      {label: "From close of", value: (r) => r.startDate},
      {label: "To close of", value: (r) => r.endDate}
    ],
    {className: "scoreboard-table", data: (r) => ({ticker: r.ticker}), caption: SCOREBOARD_CONVENTIONS}
  );
}
