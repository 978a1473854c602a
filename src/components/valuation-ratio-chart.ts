import * as Plot from "@observablehq/plot";
import {logAxisY, logTicks} from "./log-ticks.js";

export interface RatioPoint {
  date: Date;
  ratio: number;
}

/**
 * The small/big BE/ME ratio through time with its median over the window as
 * a labelled rule and today's value as a labelled dot. Higher = small caps
 * cheaper relative to large.
 *
 * - width: chart width in pixels (default 640)
 * - median: the window's median ratio (drawn when finite)
 * - current: {date, ratio, label} of the latest month (drawn when given)
 * - title: figure title (default none)
 */
export function valuationRatioChart(
  points: readonly RatioPoint[],
  {
    width = 640,
    median,
    current,
    title
  }: {width?: number; median?: number; current?: {date: Date; ratio: number; label: string}; title?: string} = {}
) {
  const first = points[0]?.date;
  // Only the ticks inside the data's range: the rest would sit outside the frame (and in a downloaded SVG).
  const ticks = logTicks([...points.map((p) => p.ratio), median ?? NaN]);
  return Plot.plot({
    title,
    width,
    height: 300,
    marginLeft: 50,
    marginRight: 20,
    // Log scale: the 1930s–40s ratios reach 15, and equal moves in log are equal percentage changes in relative cheapness.
    y: {type: "log"},
    x: {label: null},
    marks: [
      logAxisY(ticks, {label: "Small ÷ big BE/ME (log scale; higher = small cheaper)"}),
      Plot.lineY(points, {
        x: "date",
        y: "ratio",
        stroke: "#b2182b",
        strokeWidth: 1.4,
        tip: {format: {y: (d: number) => d.toFixed(2)}}
      }),
      Number.isFinite(median) ? Plot.ruleY([median!], {stroke: "currentColor", strokeDasharray: "5,4"}) : null,
      Number.isFinite(median) && first
        ? Plot.text([median!], {
            x: first,
            y: (d: number) => d,
            text: (d: number) => `median ${d.toFixed(2)}`,
            textAnchor: "start",
            dy: -7,
            dx: 4,
            fill: "currentColor",
            stroke: "var(--theme-background)",
            strokeWidth: 3,
            paintOrder: "stroke"
          })
        : null,
      current ? Plot.dot([current], {x: "date", y: "ratio", r: 4, fill: "#b2182b", stroke: "white"}) : null,
      current
        ? Plot.text([current], {
            x: "date",
            y: "ratio",
            text: "label",
            textAnchor: "end",
            dx: -8,
            dy: -10,
            fontWeight: "bold",
            stroke: "var(--theme-background)",
            strokeWidth: 3,
            paintOrder: "stroke",
            fill: "currentColor"
          })
        : null
    ]
  });
}
