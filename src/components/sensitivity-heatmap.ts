import * as Plot from "@observablehq/plot";
import {quantile} from "d3";
import {formatPercent} from "../lib/format.js";
import type {SensitivityGrid} from "../lib/sensitivity.js";

/** Axis labels of the grid's parameters. */
const LABELS: Record<string, string> = {
  ma: "Moving average (days)",
  window: "Window (days)",
  enter: "Enter above (points)",
  cost: "Cost (bp of traded value)"
};

/**
 * The sensitivity grid as a heatmap of CAGR: each cell a run with those two
 * parameters, coloured by how far its CAGR is above (blue) or below (red)
 * `benchmark` (the better fund's CAGR), the chosen cell outlined.
 *
 * - benchmark: the CAGR the colours are centred on (default 0)
 */
export function sensitivityHeatmap(
  grid: SensitivityGrid,
  {width = 640, benchmark = 0}: {width?: number; benchmark?: number} = {}
) {
  // The scale spans the 80th percentile of the cells' distances from the benchmark (at least one point): one ruinous
  // corner (a short average at a high cost) would otherwise wash every other cell out to white.
  const spread = Math.max(
    0.01,
    quantile(
      grid.cells.map((c) => Math.abs(c.cagr - benchmark)),
      0.8
    ) ?? 0
  );
  return Plot.plot({
    width,
    height: 60 + 36 * grid.y.values.length,
    marginLeft: 60,
    padding: 0.04,
    x: {type: "band", domain: grid.x.values, label: LABELS[grid.x.name] ?? grid.x.name},
    y: {type: "band", domain: grid.y.values, label: LABELS[grid.y.name] ?? grid.y.name},
    color: {
      type: "diverging",
      scheme: "RdBu",
      pivot: benchmark,
      domain: [benchmark - spread, benchmark + spread],
      clamp: true,
      legend: true,
      label: "CAGR",
      tickFormat: (d: number) => formatPercent(d, {digits: 0})
    },
    marks: [
      Plot.cell(grid.cells, {
        x: "x",
        y: "y",
        fill: "cagr",
        title: (c) =>
          `${grid.x.name} ${c.x}, ${grid.y.name} ${c.y}: CAGR ${formatPercent(c.cagr)}, Sharpe ${c.sharpe.toFixed(2)}, ${c.switches.toFixed(1)} switches a year`
      }),
      Plot.cell(
        grid.cells.filter((c) => c.chosen),
        {x: "x", y: "y", stroke: "currentColor", strokeWidth: 2.5, fill: null}
      ),
      Plot.text(grid.cells, {
        x: "x",
        y: "y",
        text: (c) => formatPercent(c.cagr),
        fill: (c) => (Math.abs(c.cagr - benchmark) > spread * 0.6 ? "white" : "black")
      })
    ]
  });
}
