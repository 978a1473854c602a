import {formatNumber, formatPercent} from "../lib/format.js";
import type {EraStats} from "../lib/size-eras.js";
import {dataTable} from "./data-table.js";

/**
 * SMB by era, one row per era: the years it covers, the average and the
 * compounded annual return, the t-statistic of the average, and how many years were positive.
 *
 * - caption: a note under the table (the vintage)
 */
export function eraTable(rows: readonly EraStats[], {caption}: {caption?: string} = {}): HTMLTableElement {
  return dataTable(
    rows,
    [
      {label: "Era", value: (r) => r.label, nowrap: true},
      {label: "Years", value: (r) => `${r.first}–${r.last}`, nowrap: true},
      {label: "Average", value: (r) => formatPercent(r.mean, {sign: true}), numeric: true},
      {label: "Compounded", value: (r) => formatPercent(r.compound, {sign: true}), numeric: true},
      {
        label: "t",
        value: (r) => formatNumber(r.t, {digits: 2}),
        numeric: true,
        title: "mean / (sd / √n), years taken as independent"
      },
      {label: "Volatility", value: (r) => formatPercent(r.sd), numeric: true},
      {label: "Years positive", value: (r) => `${Math.round(r.positive * r.n)} of ${r.n}`, numeric: true}
    ],
    {className: "era-table", caption, data: (r) => ({era: r.label})}
  );
}
