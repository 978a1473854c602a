import type {BacktestRow, BacktestStudy} from "../lib/backtest-study.js";
import {formatDay} from "../lib/dates.js";
import {formatNumber, formatPercent} from "../lib/format.js";
import {CASH, SMALL, type Holding} from "../lib/switching-rules.js";
import {dataTable, type Column} from "./data-table.js";

/** The metrics columns after the first cell: what each line earned and risked, and how the strategy traded. */
const METRICS: Column<BacktestRow>[] = [
  {label: "Total return", value: (r) => formatPercent(r.totalReturn), numeric: true},
  {
    label: "CAGR",
    value: (r) => formatPercent(r.cagr),
    numeric: true,
    title: "Compound annual growth, 365.25-day years"
  },
  {label: "Volatility", value: (r) => formatPercent(r.volatility), numeric: true, title: "Daily returns, × √252"},
  {
    label: "Sharpe",
    value: (r) => formatNumber(r.sharpe, {digits: 2}),
    numeric: true,
    title: "Mean daily return over the risk-free rate ÷ its deviation, × √252"
  },
  {label: "Max drawdown", value: (r) => formatPercent(r.maxDrawdown), numeric: true},
  {label: "Switches a year", value: (r) => formatNumber(r.switchesPerYear), numeric: true},
  {label: "Days in small", value: (r) => formatPercent(r.shareSmall, {digits: 0}), numeric: true}
];

/** The metrics table: a row per line, its first cell the line's name (Strategy, the small ticker, the large ticker, 50/50). */
export function metricsTable(rows: readonly BacktestRow[], {caption}: {caption?: string} = {}): HTMLTableElement {
  return dataTable(rows, [{label: "Line", value: (r) => r.name}, ...METRICS], {
    className: "backtest-table",
    data: (r) => ({line: r.name}),
    rowClass: (r) => (r.name === "Strategy" ? "backtest-strategy" : undefined),
    caption
  });
}

/** In-sample and out-of-sample metrics in one table: a row per part and line, its first cells the part and the line. */
export function splitTable(parts: readonly {part: string; rows: readonly BacktestRow[]}[]): HTMLTableElement {
  const rows = parts.flatMap(({part, rows}) => rows.map((row) => ({...row, part})));
  return dataTable(
    rows,
    [
      {label: "Part", value: (r) => `${r.part}, ${r.start} to ${r.end}`, nowrap: true},
      {label: "Line", value: (r) => r.name},
      ...(METRICS as Column<BacktestRow & {part: string}>[])
    ],
    {
      className: "backtest-split-table",
      data: (r) => ({part: r.part, line: r.name}),
      rowClass: (r) => (r.name === "Strategy" ? "backtest-strategy" : undefined)
    }
  );
}

/** Every switch of the run: a row per switch, its first cell the close at which it is made, with the days the last holding lasted. */
export function switchTable(
  study: BacktestStudy,
  {names = ["small", "large"]}: {names?: readonly [string, string]} = {}
): HTMLTableElement {
  const name = (h: Holding) => (h === SMALL ? names[0] : h === CASH ? "cash" : names[1]);
  const offset = study.start;
  const rows = study.run.switches.map((s, k, all) => ({
    ...s,
    date: formatDay(study.dates[s.index - offset]),
    held: s.index - (k ? all[k - 1].index : offset)
  }));
  return dataTable(
    rows,
    [
      {label: "Close", value: (r) => r.date, nowrap: true},
      {label: "Sold", value: (r) => name(r.from)},
      {label: "Bought", value: (r) => name(r.to)},
      {label: "Days held", value: (r) => String(r.held), numeric: true, title: "Trading days the sold holding lasted"},
      {label: "Equity after", value: (r) => r.equity.toFixed(3), numeric: true}
    ],
    {className: "switch-table", data: (r) => ({date: r.date})}
  );
}
