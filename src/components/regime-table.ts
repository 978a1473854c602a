import {formatNumber, formatPercent} from "../lib/format.js";
import type {RegimeRow} from "../lib/regimes.js";

/**
 * Forward small-minus-big return after each regime, one column per horizon:
 * mean, t-statistic and months. The row matching `highlight` (the reference
 * article's claim by default: easing, yields falling, growth accelerating) is marked.
 *
 * - highlight: the flags of the row to mark (default all three true)
 */
export function regimeTable(
  tables: readonly {horizon: number; rows: readonly RegimeRow[]}[],
  {
    highlight = {easing: true, yieldFalling: true, growthAccelerating: true}
  }: {highlight?: {easing: boolean; yieldFalling: boolean; growthAccelerating: boolean}} = {}
): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "regime-table";
  const head = table.createTHead().insertRow();
  for (const label of ["Regime", ...tables.map((t) => `Next ${t.horizon} months: mean (t) · months`)]) {
    const th = document.createElement("th");
    th.textContent = label;
    if (label !== "Regime") th.style.textAlign = "right";
    head.append(th);
  }
  const body = table.createTBody();
  const rows = tables[0]?.rows ?? [];
  rows.forEach((row, k) => {
    const tr = body.insertRow();
    const marked =
      row.easing === highlight.easing &&
      row.yieldFalling === highlight.yieldFalling &&
      row.growthAccelerating === highlight.growthAccelerating;
    // A gap before the single-flag rows and before the eight combinations, which is where the table's logic changes.
    if (k === 1 || k === 7) tr.style.borderTop = "2px solid var(--theme-foreground-faintest)";
    if (marked) {
      tr.className = "regime-claim";
      tr.style.background = "color-mix(in srgb, var(--theme-green) 18%, transparent)";
      tr.style.fontWeight = "bold";
    }
    const name = tr.insertCell();
    name.textContent = row.label + (marked ? "  ← the article's claim" : "");
    for (const t of tables) {
      const r = t.rows[k];
      const c = tr.insertCell();
      c.style.textAlign = "right";
      c.textContent = r.count ? `${formatPercent(r.mean, {sign: true})} (${formatNumber(r.tStat)}) · ${r.count}` : "–";
    }
  });
  return table;
}
