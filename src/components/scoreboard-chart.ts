import * as Plot from "@observablehq/plot";
import {formatPercent} from "../lib/format.js";
import type {ScoreboardRow} from "../lib/scoreboard.js";
import {sizeColor} from "./size-colors.js";

/**
 * Total return per fund as sorted horizontal bars coloured by size bucket,
 * each labelled with its value (the reference article's scoreboard).
 *
 * - width: chart width in pixels (default 640)
 * - title: figure title (default none)
 */
export function scoreboardChart(
  rows: readonly ScoreboardRow[],
  {width = 640, title}: {width?: number; title?: string} = {}
) {
  const extent = Math.max(0.01, ...rows.map((r) => Math.abs(r.totalReturn)));
  // Room for the labels beyond the longest bars; Plot applies `percent` before the domain, hence ×100.
  const lo = (Math.min(0, ...rows.map((r) => r.totalReturn)) - extent * 0.15) * 100;
  const hi = (Math.max(0, ...rows.map((r) => r.totalReturn)) + extent * 0.15) * 100;
  return Plot.plot({
    title,
    width,
    height: 40 + 28 * rows.length,
    marginLeft: 60,
    marginRight: 60,
    x: {label: "Total return (%)", percent: true, grid: true, domain: [lo, hi]},
    y: {label: null, domain: rows.map((r) => r.ticker)},
    color: {...sizeColor(rows.map((r) => r.size)), legend: true, label: "Size"},
    marks: [
      Plot.barX(rows, {
        x: "totalReturn",
        y: "ticker",
        fill: "size",
        tip: {format: {x: (d: number) => formatPercent(d)}},
        title: (r: ScoreboardRow) =>
          `${r.ticker} ${r.name}\n${formatPercent(r.totalReturn)} (${r.startDate} → ${r.endDate})`
      }),
      // Labels sit just past the end of each bar, on the outside whichever way it points.
      Plot.text(
        rows.filter((r) => r.totalReturn >= 0),
        {
          x: "totalReturn",
          y: "ticker",
          text: (r: ScoreboardRow) => formatPercent(r.totalReturn),
          textAnchor: "start",
          dx: 4
        }
      ),
      Plot.text(
        rows.filter((r) => r.totalReturn < 0),
        {
          x: "totalReturn",
          y: "ticker",
          text: (r: ScoreboardRow) => formatPercent(r.totalReturn),
          textAnchor: "end",
          dx: -4
        }
      ),
      Plot.ruleX([0])
    ]
  });
}
