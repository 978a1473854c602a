import * as Plot from "@observablehq/plot";
import {formatDay} from "../lib/dates.js";
import {quadrantOf} from "../lib/quadrant.js";
import type {RotationRow} from "../lib/rotation-study.js";

/** One drawn point of a fund's tail: the CSV download's rows too. */
export interface RotationPoint {
  ticker: string;
  date: string;
  ratio: number;
  momentum: number;
  quadrant: string;
}

// Quadrant shading in the colours charting sites use for it, so a reader of StockCharts finds their way.
const QUADRANT_FILL = {Leading: "#2ca02c", Weakening: "#e6b800", Lagging: "#d62728", Improving: "#1f77b4"};

/** The points a rotation chart draws: each fund's tail, oldest first. */
export function rotationPoints(rows: readonly RotationRow[]): RotationPoint[] {
  return rows.flatMap(({ticker, series, tail}) =>
    tail.map((i) => {
      const [ratio, momentum] = [series.ratio[i], series.momentum[i]];
      return {ticker, date: formatDay(series.date[i]), ratio, momentum, quadrant: quadrantOf(ratio, momentum)!};
    })
  );
}

/**
 * A relative rotation graph: RS-Ratio across, RS-Momentum up, centred on
 * (100, 100), the four quadrants shaded and named, and each fund's tail
 * ending in a larger dot at its as-of point, labelled with its ticker. The
 * scale is square and symmetric around 100, so a heading on screen is the
 * heading in the table.
 *
 * - width: chart width in pixels (default 640)
 * - height: chart height in pixels (default: the width, at most 560)
 * - extent: the half-width of both axes in points (default: fits every tail, at least 1.5)
 */
export function rotationChart(
  rows: readonly RotationRow[],
  {width = 640, height = Math.min(width, 560), extent}: {width?: number; height?: number; extent?: number} = {}
) {
  const points = rotationPoints(rows);
  const heads = rows.filter((r) => r.tail.length).map((r) => points.filter((p) => p.ticker === r.ticker).at(-1)!);
  // Half-steps, so the frame holds still while the tails move a little (as the play button steps through time).
  const far = Math.max(1.5, ...points.map((p) => Math.max(Math.abs(p.ratio - 100), Math.abs(p.momentum - 100))));
  const d = extent ?? Math.ceil(far * 1.1 * 2) / 2;
  const [lo, hi] = [100 - d, 100 + d];
  // Square plotting area: the margins of x and y differ, so the frame's sides are matched, not the svg's.
  const [marginLeft, marginRight, marginTop, marginBottom] = [48, 20, 20, 40];
  const side = Math.max(120, Math.min(width - marginLeft - marginRight, height - marginTop - marginBottom));
  const quadrants = [
    {name: "Leading", x1: 100, x2: hi, y1: 100, y2: hi, x: hi, y: hi, anchor: "end"},
    {name: "Weakening", x1: 100, x2: hi, y1: lo, y2: 100, x: hi, y: lo, anchor: "end"},
    {name: "Lagging", x1: lo, x2: 100, y1: lo, y2: 100, x: lo, y: lo, anchor: "start"},
    {name: "Improving", x1: lo, x2: 100, y1: 100, y2: hi, x: lo, y: hi, anchor: "start"}
  ] as const;
  const tickers = rows.filter((r) => r.tail.length).map((r) => r.ticker);
  const svg = Plot.plot({
    width: side + marginLeft + marginRight,
    height: side + marginTop + marginBottom,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    x: {domain: [lo, hi], label: "RS-Ratio →", labelAnchor: "right", grid: true},
    y: {domain: [lo, hi], label: "↑ RS-Momentum", labelAnchor: "top", grid: true},
    color: {domain: tickers, scheme: "tableau10"},
    marks: [
      Plot.rect(quadrants, {
        x1: "x1",
        x2: "x2",
        y1: "y1",
        y2: "y2",
        fill: (q: (typeof quadrants)[number]) => QUADRANT_FILL[q.name],
        fillOpacity: 0.1
      }),
      ...quadrants.map((q) =>
        Plot.text([q], {
          x: "x",
          y: "y",
          text: "name",
          textAnchor: q.anchor,
          dx: q.anchor === "end" ? -6 : 6,
          dy: q.y === hi ? 10 : -10,
          fill: QUADRANT_FILL[q.name],
          fontWeight: "bold",
          fontSize: 13
        })
      ),
      Plot.ruleX([100], {strokeOpacity: 0.5}),
      Plot.ruleY([100], {strokeOpacity: 0.5}),
      Plot.line(points, {
        x: "ratio",
        y: "momentum",
        z: "ticker",
        stroke: "ticker",
        strokeWidth: 1.5
      }),
      Plot.dot(points, {x: "ratio", y: "momentum", fill: "ticker", r: 2}),
      Plot.dot(heads, {x: "ratio", y: "momentum", fill: "ticker", r: 4.5, stroke: "var(--theme-background, white)"}),
      Plot.text(heads, {
        x: "ratio",
        y: "momentum",
        text: "ticker",
        fill: "ticker",
        dx: 8,
        dy: -8,
        textAnchor: "start",
        fontWeight: "bold",
        stroke: "var(--theme-background, white)",
        strokeWidth: 3,
        paintOrder: "stroke"
      }),
      Plot.tip(
        points,
        Plot.pointer({
          x: "ratio",
          y: "momentum",
          title: (p: RotationPoint) =>
            `${p.ticker} ${p.date}\nRS-Ratio ${p.ratio.toFixed(2)}\nRS-Momentum ${p.momentum.toFixed(2)}\n${p.quadrant}`
        })
      )
    ]
  });
  svg.classList.add("rotation-chart");
  return svg;
}
