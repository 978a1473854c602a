import * as Plot from "@observablehq/plot";
import {formatDay} from "../lib/dates.js";
import {formatPercent} from "../lib/format.js";
import {crossoverName} from "../lib/moving-average.js";
import type {TrendStudy} from "../lib/trend-study.js";

interface TrendOptions {
  width?: number;
  /** Date range shown, epoch ms. */
  from?: number;
  to?: number;
  /** A price level to draw, e.g. a breakout level the researcher names. */
  threshold?: number;
  fastLabel?: string;
  slowLabel?: string;
}

function visible(study: TrendStudy, from = -Infinity, to = Infinity): number[] {
  const out: number[] = [];
  for (let i = 0; i < study.date.length; ++i) if (study.date[i] >= from && study.date[i] <= to) out.push(i);
  return out;
}

/**
 * Price and total return with two moving averages, their crossovers marked,
 * the prior high as a labelled rule and an optional threshold rule.
 */
export function trendChart(
  study: TrendStudy,
  {
    width = 640,
    from,
    to,
    threshold,
    fastLabel = `${study.fastDays}-day average`,
    slowLabel = `${study.slowDays}-day average`
  }: TrendOptions = {}
) {
  const I = visible(study, from, to);
  const x = (i: number) => new Date(study.date[i]);
  const crosses = study.crossovers.filter((c) => I.length && c.index >= I[0] && c.index <= I[I.length - 1]);
  const high = study.priorHigh;
  const totalLabel = Number.isFinite(study.rebaseDate)
    ? `total return, rebased to price on ${formatDay(study.rebaseDate)}`
    : "total return";
  const series = {
    domain: ["price", totalLabel, fastLabel, slowLabel],
    range: ["currentColor", "#9c9c9c", "#f28e2b", "#4e79a7"]
  };
  return Plot.plot({
    width,
    height: 380,
    marginRight: 110,
    x: {type: "utc", label: null, domain: I.length ? [x(I[0]), x(I[I.length - 1])] : undefined},
    y: {label: `${study.ticker} price`, grid: true},
    color: {...series, legend: true},
    marks: [
      Plot.lineY(I, {x, y: (i) => study.totalReturn[i], stroke: () => totalLabel, strokeWidth: 1}),
      Plot.lineY(I, {x, y: (i) => study.price[i], stroke: () => "price", strokeWidth: 1.2}),
      Plot.lineY(I, {x, y: (i) => study.fast[i], stroke: () => fastLabel, strokeWidth: 1.2}),
      Plot.lineY(I, {x, y: (i) => study.slow[i], stroke: () => slowLabel, strokeWidth: 1.5}),
      Plot.dot(crosses, {
        x: (c) => x(c.index),
        y: (c) => study.slow[c.index],
        symbol: (c) => (c.direction > 0 ? "triangle" : "times"),
        stroke: (c) => (c.direction > 0 ? "#1a9850" : "#d73027"),
        r: 5,
        title: (c) =>
          `${crossoverName(c.direction, {fast: study.fastDays, slow: study.slowDays})} ${formatDay(study.date[c.index])}`
      }),
      Number.isFinite(high.value) ? Plot.ruleY([high.value], {stroke: "#1a9850", strokeDasharray: "4,3"}) : null,
      Number.isFinite(high.value)
        ? Plot.text([high.value], {
            y: (d) => d,
            frameAnchor: "right",
            dx: 108,
            textAnchor: "end",
            text: () =>
              `prior high ${high.value.toFixed(2)}\n${formatDay(high.date)} (${formatPercent(high.distance, {sign: true})})`,
            fill: "#1a9850"
          })
        : null,
      threshold !== undefined && Number.isFinite(threshold) ? Plot.ruleY([threshold], {stroke: "#d62728"}) : null,
      threshold !== undefined && Number.isFinite(threshold)
        ? Plot.text([threshold], {
            y: (d) => d,
            frameAnchor: "left",
            dy: -6,
            textAnchor: "start",
            text: () => `threshold ${threshold}`,
            fill: "#d62728"
          })
        : null,
      Plot.tip(
        I,
        Plot.pointerX({
          x,
          y: (i) => study.price[i],
          title: (i) =>
            `${formatDay(study.date[i])}\nprice ${study.price[i].toFixed(2)}\n${fastLabel} ${study.fast[i].toFixed(2)}\n${slowLabel} ${study.slow[i].toFixed(2)}`
        })
      )
    ]
  });
}

/** The total-return drawdown below the trend chart, on the same x range. */
export function drawdownChart(study: TrendStudy, {width = 640, from, to}: TrendOptions = {}) {
  const I = visible(study, from, to);
  const x = (i: number) => new Date(study.date[i]);
  return Plot.plot({
    width,
    height: 160,
    marginRight: 110,
    x: {type: "utc", label: null, domain: I.length ? [x(I[0]), x(I[I.length - 1])] : undefined},
    y: {label: "Drawdown (%)", percent: true, grid: true},
    marks: [
      Plot.areaY(I, {x, y: (i) => study.drawdown[i], fill: "#d73027", fillOpacity: 0.3}),
      Plot.lineY(I, {x, y: (i) => study.drawdown[i], stroke: "#d73027", strokeWidth: 1}),
      Plot.ruleY([0])
    ]
  });
}
