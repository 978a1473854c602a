import {formatNumber, formatPercent} from "../lib/format.js";
import type {RegimeRow} from "../lib/regimes.js";
import {dataTable} from "./data-table.js";

/**
 * Forward small-minus-big return after each regime, one column per horizon:
 * mean, plain t-statistic, Newey-West t-statistic (at the table's lag) and months. The row matching `highlight` (the reference
 * article's claim by default: easing, yields falling, growth accelerating) is
 * marked (class regime-claim); the single-flag rows and the eight
 * combinations each start a group (class regime-group), where the table's logic changes.
 *
 * - highlight: the flags of the row to mark (default all three true)
 */
export function regimeTable(
  tables: readonly {horizon: number; lag: number; rows: readonly RegimeRow[]}[],
  {
    highlight = {easing: true, yieldFalling: true, growthAccelerating: true}
  }: {highlight?: {easing: boolean; yieldFalling: boolean; growthAccelerating: boolean}} = {}
): HTMLTableElement {
  const marked = (row: RegimeRow) =>
    row.easing === highlight.easing &&
    row.yieldFalling === highlight.yieldFalling &&
    row.growthAccelerating === highlight.growthAccelerating;
  return dataTable(
    tables[0]?.rows ?? [],
    [
      {label: "Regime", value: (row) => row.label + (marked(row) ? "  ← the article's claim" : "")},
      ...tables.map((t) => ({
        label: `Next ${t.horizon} months: mean (t; HAC t) · months`,
        title: `t: plain, treating months as independent; HAC t: Newey-West with lag ${t.lag} months`,
        value: (_: RegimeRow, k: number) => {
          const r = t.rows[k];
          return r.count
            ? `${formatPercent(r.mean, {sign: true})} (${formatNumber(r.tStat)}; ${formatNumber(r.hacTStat)}) · ${r.count}`
            : "–";
        },
        numeric: true
      }))
    ],
    {
      className: "regime-table",
      rowClass: (row, k) =>
        [marked(row) ? "regime-claim" : "", k === 1 || k === 7 ? "regime-group" : ""].filter(Boolean).join(" ") ||
        undefined
    }
  );
}
