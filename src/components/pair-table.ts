import {formatDay} from "../lib/dates.js";
import {formatNumber, formatOrdinal} from "../lib/format.js";
import type {pairSummary} from "../lib/pair-study.js";
import {dataTable} from "./data-table.js";

type Summary = ReturnType<typeof pairSummary>;

/** One row per pair: today's spread (points), its percentile in the pair's history, the current and the longest positive streak. */
export function pairTable(rows: readonly Summary[]): HTMLTableElement {
  return dataTable(
    rows,
    [
      {label: "Pair", value: (r) => r.pair},
      {label: "As of", value: (r) => (Number.isFinite(r.date) ? formatDay(r.date) : "–")},
      {label: "Spread (points)", value: (r) => formatNumber(r.spread), numeric: true},
      {label: "Percentile in history", value: (r) => formatOrdinal(r.percentile), numeric: true},
      {
        label: "Current positive streak (days)",
        value: (r) =>
          Number.isFinite(r.currentStreak) ? String(r.currentStreak) : r.spread <= 0 ? "not positive" : "–",
        numeric: true
      },
      {
        label: "Longest positive streak",
        value: (r) =>
          r.longest
            ? `${r.longest.days} days, ${formatDay(r.longest.from)} → ${formatDay(r.longest.to)}`
            : "never positive"
      }
    ],
    {className: "pair-table", data: (r) => ({pair: r.pair})}
  );
}
