import {formatPercent} from "../lib/format.js";
import type {DrawdownPeriod} from "../lib/drawdown-periods.js";
import type {YearRow} from "../lib/year-by-year.js";
import {dataTable} from "./data-table.js";

/** The calendar-year table: a row per year, its first cell the year, then one column per fund headed by its ticker. */
export function yearTable(rows: readonly YearRow[], tickers: readonly string[]): HTMLTableElement {
  return dataTable(
    rows,
    [
      {label: "Year", value: (r) => r.label, nowrap: true},
      ...tickers.map((t) => ({label: t, numeric: true, value: (r: YearRow) => formatPercent(r.values.get(t) ?? NaN)}))
    ],
    {className: "year-table", data: (r) => ({year: String(r.year)})}
  );
}

/** The worst drawdown periods of each fund: a row per period, its first cell the fund's ticker. */
export function drawdownTable(periods: readonly (DrawdownPeriod & {ticker: string})[]): HTMLTableElement {
  return dataTable(
    periods,
    [
      {label: "Fund", value: (p) => p.ticker},
      {label: "Peak", value: (p) => p.peak, nowrap: true},
      {label: "Trough", value: (p) => p.trough, nowrap: true},
      {label: "Recovery", value: (p) => p.recovery ?? "not recovered", nowrap: true},
      {label: "Depth", value: (p) => formatPercent(p.depth), numeric: true},
      {label: "Days to trough", value: (p) => String(p.daysToTrough), numeric: true},
      {
        label: "Days to recover",
        value: (p) => (p.daysToRecover === null ? "–" : String(p.daysToRecover)),
        numeric: true
      }
    ],
    {className: "drawdown-table", data: (p) => ({ticker: p.ticker})}
  );
}
