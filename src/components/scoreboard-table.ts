import {formatPercent} from "../lib/format.js";
import type {ScoreboardRow} from "../lib/scoreboard.js";

const COLUMNS: [label: string, cell: (r: ScoreboardRow) => string, numeric?: boolean][] = [
  ["Ticker", (r) => r.ticker],
  ["Name", (r) => r.name],
  ["Size", (r) => r.size],
  ["Style", (r) => r.style],
  ["Total return", (r) => formatPercent(r.totalReturn), true],
  ["Volatility (ann.)", (r) => formatPercent(r.volatility), true],
  ["Max drawdown", (r) => formatPercent(r.maxDrawdown), true],
  ["From close of", (r) => r.startDate],
  ["To close of", (r) => r.endDate]
];

/** How the columns are computed, under the table wherever it appears (the code's conventions, checked in test/lib/drawdown-test.ts). */
export const SCOREBOARD_CONVENTIONS =
  "Total return runs from the base close to the last close, dividends included. Volatility is the sample standard deviation of daily total returns within the period × √252 (QuantStats and empyrical agree). Max drawdown is the worst fall from a running peak, the base close included: empyrical's convention (QuantStats starts at the first day's close, so it misses a fall on the first day).";

/** The scoreboard as a plain HTML table, one row per fund, in the chart's order, with its conventions as a caption below. */
export function scoreboardTable(rows: readonly ScoreboardRow[]): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "scoreboard-table";
  const caption = table.createCaption();
  caption.className = "table-note";
  caption.textContent = SCOREBOARD_CONVENTIONS;
  const head = table.createTHead().insertRow();
  for (const [label, , numeric] of COLUMNS) {
    const th = document.createElement("th");
    th.textContent = label;
    if (numeric) th.style.textAlign = "right";
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    tr.dataset.ticker = r.ticker;
    for (const [, cell, numeric] of COLUMNS) {
      const td = tr.insertCell();
      td.textContent = cell(r);
      if (numeric) td.style.textAlign = "right";
    }
  }
  return table;
}
