import * as Plot from "@observablehq/plot";
import {formatPercent} from "../lib/format.js";
import type {YearRow} from "../lib/year-by-year.js";

/** The cells of the heatmap: one per year and fund with a return (also the figure's CSV). */
export function yearCells(rows: readonly YearRow[], tickers: readonly string[]) {
  return rows.flatMap((r) =>
    tickers.filter((t) => r.values.has(t)).map((ticker) => ({year: r.label, ticker, value: r.values.get(ticker)!}))
  );
}

/**
 * Calendar-year returns as a heatmap, years down and funds across, in a diverging colour centred on 0 (the
 * "periodic table" of which fund won which year), each cell labelled with its return.
 *
 * - width: chart width in pixels (default 640)
 */
export function yearHeatmap(
  rows: readonly YearRow[],
  tickers: readonly string[],
  {width = 640}: {width?: number} = {}
) {
  const cells = yearCells(rows, tickers);
  const extent = Math.max(0.01, ...cells.map((c) => Math.abs(c.value)));
  return Plot.plot({
    width,
    height: 40 + 22 * rows.length,
    marginLeft: 110,
    x: {axis: "top", label: null, domain: tickers},
    y: {label: null, domain: rows.map((r) => r.label)},
    color: {
      type: "diverging",
      scheme: "PiYG",
      domain: [-extent, extent],
      legend: true,
      label: "Return",
      tickFormat: "%"
    },
    marks: [
      Plot.cell(cells, {x: "ticker", y: "year", fill: "value", inset: 0.5}),
      Plot.text(cells, {
        x: "ticker",
        y: "year",
        text: (c) => formatPercent(c.value),
        fill: (c) => (Math.abs(c.value) > extent * 0.6 ? "white" : "black")
      })
    ]
  });
}
