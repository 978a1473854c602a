import * as Plot from "@observablehq/plot";
import type {BacktestStudy} from "../lib/backtest-study.js";
import {drawdown} from "../lib/drawdown.js";
import {formatPercent} from "../lib/format.js";
import {CASH, SMALL} from "../lib/switching-rules.js";
import {logAxisY, logTicks} from "./log-ticks.js";

/** The four lines' colours: the strategy in the page's ink, small caps warm, large caps cool (as SIZE_COLOR), the mix grey. */
const LINE_COLORS = ["currentColor", "#ef8a62", "#2166ac", "#999999"];

/** Every line at every close, long format: {date, line, value} (value from `values` of each line's equity). */
export function backtestRows(
  study: BacktestStudy,
  values: (equity: Float64Array) => Float64Array = (e) => e
): {date: Date; line: string; value: number}[] {
  return study.lines.flatMap(({name, equity}) => {
    const v = values(equity);
    return Array.from(study.dates, (t, i) => ({date: new Date(t), line: name, value: v[i]}));
  });
}

/** Spans of days held in the small fund or in cash: from the close that chose the holding to the close after its last day. */
export function holdingSpans(study: BacktestStudy): {x1: Date; x2: Date; holding: string}[] {
  const {dates, positions} = study;
  const last = dates.length - 1;
  const out: {x1: Date; x2: Date; holding: string}[] = [];
  for (let i = 0; i < last;) {
    let j = i;
    while (j + 1 < last && positions[j + 1] === positions[i]) ++j;
    if (positions[i] === SMALL || positions[i] === CASH)
      out.push({
        x1: new Date(dates[i]),
        x2: new Date(dates[j + 1]),
        holding: positions[i] === SMALL ? "small" : "cash"
      });
    i = j + 1;
  }
  return out;
}

/**
 * Growth of 1 for the strategy and its three benchmarks on a log scale (equal
 * distances are equal percentage moves), with the days the strategy holds
 * the small fund shaded (cash in grey).
 */
export function backtestEquityChart(study: BacktestStudy, {width = 640}: {width?: number} = {}) {
  const rows = backtestRows(study);
  const names = study.lines.map((l) => l.name);
  return Plot.plot({
    width,
    height: 380,
    marginLeft: 48,
    x: {type: "utc", label: null},
    y: {type: "log", label: "Growth of 1 (log scale)", axis: null},
    color: {domain: names, range: LINE_COLORS, legend: true},
    marks: [
      Plot.rectX(holdingSpans(study), {
        x1: "x1",
        x2: "x2",
        fill: (d) => (d.holding === "small" ? "#ef8a62" : "#bbbbbb"),
        fillOpacity: 0.15
      }),
      ...logAxisY(logTicks(rows.map((r) => r.value)), {label: "Growth of 1 (log scale)"}),
      Plot.ruleY([1], {strokeOpacity: 0.4}),
      Plot.lineY(rows, {
        x: "date",
        y: "value",
        stroke: "line",
        strokeWidth: (d) => (d.line === "Strategy" ? 2 : 1.2),
        tip: {format: {value: (v: number) => v.toFixed(3), stroke: true}}
      })
    ]
  });
}

/** Each line's fall from its running peak (a fraction, 0 at a new high), the strategy in the page's ink. */
export function backtestDrawdownChart(study: BacktestStudy, {width = 640}: {width?: number} = {}) {
  const rows = backtestRows(study, drawdown);
  return Plot.plot({
    width,
    height: 240,
    marginLeft: 48,
    x: {type: "utc", label: null},
    y: {label: "Drawdown", tickFormat: (d: number) => formatPercent(d, {digits: 0}), grid: true},
    color: {domain: study.lines.map((l) => l.name), range: LINE_COLORS, legend: true},
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(rows, {
        x: "date",
        y: "value",
        stroke: "line",
        strokeWidth: (d) => (d.line === "Strategy" ? 2 : 1),
        tip: {format: {value: (v: number) => formatPercent(v), stroke: true}}
      })
    ]
  });
}
