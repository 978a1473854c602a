import * as Plot from "@observablehq/plot";
import {SIZE_COLOR} from "./size-colors.js";

/** One side's median multiple in one day's snapshot. */
export interface MedianPoint {
  date: Date;
  side: "Small caps" | "Large caps";
  value: number;
}

/** The small side in the small-cap colour, the large side in the large-cap colour (size-colors.ts). */
const SIDES = {
  domain: ["Small caps", "Large caps"],
  range: [SIZE_COLOR.range[SIZE_COLOR.domain.indexOf("small")], SIZE_COLOR.range[SIZE_COLOR.domain.indexOf("large")]]
};

/**
 * The small and large funds' median multiple at each recorded snapshot: a line
 * and a dot per side and day (snapshots come on irregular days, so each one
 * shows), the tip giving the day and the value.
 * - width: chart width in pixels (default 640)
 * - label: the y axis label (default "Median P/E of the holdings")
 * - title: figure title (default none)
 */
export function valuationHistoryChart(
  points: readonly MedianPoint[],
  {width = 640, label = "Median P/E of the holdings", title}: {width?: number; label?: string; title?: string} = {}
) {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return Plot.plot({
    title,
    width,
    height: 260,
    marginLeft: 50,
    marginRight: 20,
    color: {...SIDES, legend: true},
    x: {label: null, type: "utc"},
    y: {label, grid: true, zero: false},
    marks: [
      Plot.lineY(points, {x: "date", y: "value", stroke: "side", strokeWidth: 1.6}),
      Plot.dot(points, {
        x: "date",
        y: "value",
        fill: "side",
        r: 3.5,
        tip: {format: {x: day, y: (v: number) => `${v.toFixed(1)}×`, fill: true}}
      })
    ]
  });
}
