import {formatNumber, formatPercent} from "../lib/format.js";
import type {PerformanceMetrics} from "../lib/performance-metrics.js";
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

const ratio = (x: number) => formatNumber(x, {digits: 2});

/** The metrics table's columns: header, tooltip and how a row's value is written (display precision). */
export const METRIC_COLUMNS: readonly {
  key: Exclude<keyof PerformanceMetrics, "start" | "end" | "riskFreeCarried">;
  label: string;
  title: string;
  format: (x: number) => string;
}[] = [
  {key: "totalReturn", label: "Total return", title: "Last close ÷ base close − 1", format: formatPercent},
  {key: "cagr", label: "CAGR", title: "(end ÷ base)^(365.25 ÷ calendar days) − 1", format: formatPercent},
  {key: "volatility", label: "Volatility", title: "Sample sd of daily returns × √252", format: formatPercent},
  {key: "sharpe", label: "Sharpe", title: "Mean daily excess return ÷ its sd × √252", format: ratio},
  {
    key: "sortino",
    label: "Sortino",
    title: "Mean daily excess return ÷ √(mean of min(excess, 0)²) × √252",
    format: ratio
  },
  {key: "calmar", label: "Calmar", title: "CAGR ÷ |max drawdown|", format: ratio},
  {
    key: "maxDrawdown",
    label: "Max drawdown",
    title: "Worst fall from the running peak, base close included",
    format: formatPercent
  },
  {
    key: "longestDrawdown",
    label: "Longest drawdown (days)",
    title: "Calendar days from a peak to the recovery (or the end)",
    format: (x) => formatNumber(x, {digits: 0})
  },
  {key: "bestYear", label: "Best year", title: "Best whole calendar year in the range", format: formatPercent},
  {key: "worstYear", label: "Worst year", title: "Worst whole calendar year in the range", format: formatPercent},
  {
    key: "positiveMonths",
    label: "Positive months",
    title: "Share of whole months with a positive return",
    format: (x) => formatPercent(x, {digits: 0})
  },
  {key: "beta", label: "Beta", title: "Cov(fund, benchmark) ÷ var(benchmark), daily returns", format: ratio},
  {key: "correlation", label: "Correlation", title: "Correlation of daily returns with the benchmark", format: ratio},
  {key: "trackingError", label: "Tracking error", title: "Sd of daily active return × √252", format: formatPercent},
  {
    key: "informationRatio",
    label: "Information ratio",
    title: "Mean daily active return × 252 ÷ tracking error",
    format: ratio
  },
  {
    key: "upCapture",
    label: "Up capture",
    title: "Annualised return in the benchmark's up months ÷ the benchmark's",
    format: (x) => formatPercent(x, {digits: 0})
  },
  {
    key: "downCapture",
    label: "Down capture",
    title: "Annualised return in the benchmark's down months ÷ the benchmark's",
    format: (x) => formatPercent(x, {digits: 0})
  }
];

/** The metrics table: a row per fund, its first cell the ticker, then every metric at display precision. */
export function metricsTable(rows: readonly (PerformanceMetrics & {ticker: string})[]): HTMLTableElement {
  return dataTable(
    rows,
    [
      {label: "Fund", value: (r) => r.ticker},
      ...METRIC_COLUMNS.map(({key, label, title, format}) => ({
        label,
        title,
        numeric: true,
        value: (r: PerformanceMetrics) => format(r[key])
      }))
    ],
    {
      className: "metrics-table",
      data: (r) => ({ticker: r.ticker}),
      note: (r) => (r.start ? null : "fewer than two closes in this range")
    }
  );
}
