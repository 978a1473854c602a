import * as Plot from "@observablehq/plot";

/** One fund's dot: its annualised volatility and CAGR over the range. */
export interface RiskReturnPoint {
  ticker: string;
  volatility: number;
  cagr: number;
}

/**
 * CAGR against volatility, one labelled dot per fund (funds up and to the left paid more per unit of risk).
 *
 * - width: chart width in pixels (default 640)
 */
export function riskReturnScatter(points: readonly RiskReturnPoint[], {width = 640}: {width?: number} = {}) {
  const shown = points.filter((p) => Number.isFinite(p.volatility) && Number.isFinite(p.cagr));
  return Plot.plot({
    width,
    height: 340,
    marginLeft: 50,
    marginRight: 40,
    inset: 20,
    x: {label: "Volatility (annualised) →", tickFormat: "%", grid: true},
    y: {label: "↑ CAGR", tickFormat: "%", grid: true},
    marks: [
      Plot.ruleY([0], {strokeOpacity: 0.4}),
      Plot.dot(shown, {x: "volatility", y: "cagr", fill: "steelblue", r: 5}),
      Plot.text(shown, {x: "volatility", y: "cagr", text: "ticker", dy: -11, fontWeight: "bold"})
    ]
  });
}
