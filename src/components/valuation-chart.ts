import * as Plot from "@observablehq/plot";
import {logAxisY, logTicks} from "./log-ticks.js";

export interface ValuationPoint {
  date: Date;
  /** e.g. "Smallest quintile (5x5)". */
  group: string;
  bm: number;
}

/**
 * Value-weighted BE/ME of small and big size groups through time, on a log
 * scale (BE/ME ranges from 0.2 to 3 over a century), small in red, big in blue,
 * the 2×3 halves dashed.
 *
 * - width: chart width in pixels (default 640)
 * - title: figure title (default none)
 */
export function valuationChart(
  points: readonly ValuationPoint[],
  {width = 640, title}: {width?: number; title?: string} = {}
) {
  const groups = [...new Set(points.map((p) => p.group))];
  return Plot.plot({
    title,
    width,
    height: 320,
    marginLeft: 50,
    y: {type: "log"},
    x: {label: null},
    color: {
      domain: groups,
      range: groups.map((g) =>
        /small/i.test(g) ? (/2x3/.test(g) ? "#ef8a62" : "#b2182b") : /2x3/.test(g) ? "#67a9cf" : "#2166ac"
      ),
      legend: true
    },
    marks: [
      logAxisY(logTicks(points.map((p) => p.bm)), {label: "Book-to-market (BE/ME, log scale)"}),
      // strokeDasharray is a constant, not a channel: one mark per style.
      Plot.lineY(
        points.filter((p) => !/2x3/.test(p.group)),
        {x: "date", y: "bm", z: "group", stroke: "group", strokeWidth: 1.4, tip: true}
      ),
      Plot.lineY(
        points.filter((p) => /2x3/.test(p.group)),
        {x: "date", y: "bm", z: "group", stroke: "group", strokeWidth: 1.2, strokeDasharray: "4,3", tip: true}
      )
    ]
  });
}
