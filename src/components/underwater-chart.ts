import * as Plot from "@observablehq/plot";

/** One day of one fund's drawdown from its running peak (a fraction ≤ 0). */
export interface UnderwaterRow {
  ticker: string;
  date: Date;
  drawdown: number;
}

/**
 * The underwater chart: each fund's drawdown from its running peak over time, one line per fund, 0 at a new high.
 *
 * - width: chart width in pixels (default 640)
 * - tickers: the funds in legend order (default: their order in the rows)
 */
export function underwaterChart(
  rows: readonly UnderwaterRow[],
  {width = 640, tickers = [...new Set(rows.map((r) => r.ticker))]}: {width?: number; tickers?: readonly string[]} = {}
) {
  return Plot.plot({
    width,
    height: 300,
    marginLeft: 50,
    x: {type: "utc", label: null},
    y: {
      label: "Below the running peak",
      tickFormat: "%",
      grid: true,
      domain: [Math.min(-0.01, ...rows.map((r) => r.drawdown)), 0]
    },
    color: {legend: true, domain: tickers},
    marks: [
      Plot.ruleY([0], {strokeOpacity: 0.5}),
      Plot.lineY(rows, {x: "date", y: "drawdown", stroke: "ticker", strokeWidth: 1.2}),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: "date",
          y: "drawdown",
          stroke: "ticker",
          title: (r) => `${r.ticker} ${r.date.toISOString().slice(0, 10)}: ${(r.drawdown * 100).toFixed(1)}%`
        })
      )
    ]
  });
}
