import {formatDay} from "../lib/dates.js";
import {formatNumber, formatOrdinal} from "../lib/format.js";
import type {pairSummary} from "../lib/pair-study.js";

type Summary = ReturnType<typeof pairSummary>;

/** One row per pair: today's spread, its percentile in the pair's history, the current and the longest positive streak. */
export function pairTable(rows: readonly Summary[]): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "pair-table";
  table.innerHTML = `<thead><tr><th>Pair</th><th>As of</th><th style="text-align:right">Spread (points)</th><th style="text-align:right">Percentile in history</th><th style="text-align:right">Current positive streak (days)</th><th>Longest positive streak</th></tr></thead>`;
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    tr.dataset.pair = r.pair;
    const cells = [
      r.pair,
      Number.isFinite(r.date) ? formatDay(r.date) : "–",
      formatNumber(r.spread),
      formatOrdinal(r.percentile),
      Number.isFinite(r.currentStreak) ? String(r.currentStreak) : r.spread <= 0 ? "not positive" : "–",
      r.longest ? `${r.longest.days} days, ${formatDay(r.longest.from)} → ${formatDay(r.longest.to)}` : "never positive"
    ];
    cells.forEach((text, i) => {
      const td = tr.insertCell();
      td.textContent = text;
      if (i >= 2 && i <= 4) td.style.textAlign = "right";
    });
  }
  return table;
}
