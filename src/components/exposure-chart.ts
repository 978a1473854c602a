import * as Plot from "@observablehq/plot";

export interface LoadingPoint {
  date: Date;
  ticker: string;
  /** The factor's name: "Mkt-RF", "SMB", "HML", "RMW", "CMA" or "Mom". */
  factor: string;
  beta: number;
}

/**
 * Rolling factor loadings per fund, one panel per factor, one line per fund,
 * in the order they first appear, with the zero line: above zero on SMB = behaves
 * like small caps, on HML = like value.
 *
 * - width: chart width in pixels (default 640)
 * - title: figure title (default none)
 */
export function exposureChart(
  points: readonly LoadingPoint[],
  {width = 640, title}: {width?: number; title?: string} = {}
) {
  const factors = [...new Set(points.map((p) => p.factor))];
  return Plot.plot({
    title,
    width,
    // Six factors (five factors and momentum) at full height would fill two screens.
    height: 60 + (factors.length > 3 ? 150 : 200) * factors.length,
    marginTop: 24,
    marginLeft: 50,
    marginRight: 60,
    x: {label: null},
    // Each panel's title names the loading, above the panel where no line can run under it.
    y: {label: null, grid: true},
    fy: {label: null, domain: factors, axis: null, padding: 0.14},
    color: {legend: true, label: "Fund"},
    marks: [
      Plot.ruleY([0], {stroke: "currentColor", strokeOpacity: 0.5}),
      // The facet's name above its panel (the gap between panels): the right margin holds the funds' labels.
      Plot.text(factors, {
        fy: (d: string) => d,
        text: (d: string) => `${d} loading (β)`,
        frameAnchor: "top-left",
        lineAnchor: "bottom",
        dy: -8,
        fontWeight: "bold",
        fill: "currentColor"
      }),
      Plot.lineY(points, {
        x: "date",
        y: "beta",
        z: "ticker",
        stroke: "ticker",
        fy: "factor",
        strokeWidth: 1.2,
        tip: {format: {y: (d: number) => d.toFixed(2)}}
      }),
      Plot.text(
        points,
        Plot.selectLast({
          x: "date",
          y: "beta",
          z: "ticker",
          fy: "factor",
          text: "ticker",
          fill: "ticker",
          textAnchor: "start",
          dx: 4
        })
      )
    ]
  });
}
