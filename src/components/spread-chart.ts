import * as Plot from "@observablehq/plot";
import {formatNumber} from "../lib/format.js";
import type {PairStudy} from "../lib/pair-study.js";

/** Rows of the days of each study inside [from, to] (epoch ms), the shape Plot's marks take. */
export function studyRows(studies: readonly PairStudy[], {from = -Infinity, to = Infinity} = {}) {
  return studies.flatMap((s) => {
    const pair = `${s.small}−${s.large}`;
    const rows = [];
    for (let i = 0; i < s.date.length; ++i) {
      if (s.date[i] < from || s.date[i] > to) continue;
      rows.push({
        pair,
        date: new Date(s.date[i]),
        spread: s.spread[i],
        ratio: s.ratio[i],
        ratioAverage: s.ratioAverage[i]
      });
    }
    return rows;
  });
}

/** One panel per pair, stacked on a shared time axis: the layout both charts use. */
function panels(studies: readonly PairStudy[], width: number) {
  return {
    width,
    height: 40 + 130 * studies.length,
    marginLeft: 50,
    marginRight: 90,
    x: {type: "utc" as const, label: null},
    fy: {label: null, domain: studies.map((s) => `${s.small}−${s.large}`)}
  };
}

/**
 * The rolling small-minus-large spread of each pair, one panel per pair,
 * filled green above zero (small ahead) and red below.
 *
 * - width: chart width in pixels (default 640)
 * - window: the spread's window in days, for the axis label
 * - from, to: date range shown, epoch ms (default everything)
 */
export function spreadChart(
  studies: readonly PairStudy[],
  {width = 640, window = 252, from, to}: {width?: number; window?: number; from?: number; to?: number} = {}
) {
  const rows = studyRows(studies, {from, to});
  return Plot.plot({
    ...panels(studies, width),
    y: {label: `${window}-day spread (points)`, grid: true},
    marks: [
      Plot.areaY(rows, {
        x: "date",
        y1: 0,
        y2: (d) => Math.max(0, d.spread),
        fy: "pair",
        fill: "#1a9850",
        fillOpacity: 0.35
      }),
      Plot.areaY(rows, {
        x: "date",
        y1: 0,
        y2: (d) => Math.min(0, d.spread),
        fy: "pair",
        fill: "#d73027",
        fillOpacity: 0.35
      }),
      Plot.lineY(rows, {x: "date", y: "spread", fy: "pair", strokeWidth: 1}),
      Plot.ruleY([0]),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: "date",
          y: "spread",
          fy: "pair",
          title: (d) => `${d.pair} ${d.date.toISOString().slice(0, 10)}\n${formatNumber(d.spread)} points`
        })
      )
    ]
  });
}

/**
 * The relative-strength ratio (small / large, 1 at the start of the range)
 * with its moving average, one panel per pair.
 *
 * - width: chart width in pixels (default 640)
 * - average: the moving average's length in days, for the legend (default 200)
 * - from, to: date range shown, epoch ms (default everything)
 */
export function ratioChart(
  studies: readonly PairStudy[],
  {width = 640, average = 200, from, to}: {width?: number; average?: number; from?: number; to?: number} = {}
) {
  const rows = studyRows(studies, {from, to});
  return Plot.plot({
    ...panels(studies, width),
    y: {label: "Relative strength (small ÷ large)", grid: true},
    color: {domain: ["ratio", `${average}-day average`], range: ["currentColor", "#f28e2b"], legend: true},
    marks: [
      Plot.ruleY([1], {strokeDasharray: "2,3"}),
      Plot.lineY(rows, {x: "date", y: "ratio", fy: "pair", stroke: () => "ratio", strokeWidth: 1}),
      Plot.lineY(rows, {
        x: "date",
        y: "ratioAverage",
        fy: "pair",
        stroke: () => `${average}-day average`,
        strokeWidth: 1.5
      }),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: "date",
          y: "ratio",
          fy: "pair",
          title: (d) => `${d.pair} ${d.date.toISOString().slice(0, 10)}\nratio ${d.ratio.toFixed(3)}`
        })
      )
    ]
  });
}
