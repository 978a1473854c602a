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

/** The scoreboard as a plain HTML table, one row per fund, in the chart's order. */
export function scoreboardTable(rows: readonly ScoreboardRow[]): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "scoreboard-table";
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
