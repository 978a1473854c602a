import * as Plot from "@observablehq/plot";
import {ROLLING_METRICS, type RollingRisk} from "../lib/rolling-risk.js";

/** The chart's rows: one per day, statistic and window (also the figure's CSV); NaN days are left out. */
export function rollingRiskRows(risk: RollingRisk) {
  return risk.lines.flatMap(({metric, window, values}) =>
    Array.from(values, (value, i) => ({date: new Date(risk.date[i]), metric, window: `${window}-day`, value})).filter(
      (r) => Number.isFinite(r.value)
    )
  );
}

const PANEL_HEIGHT = 130;

/**
 * Rolling volatility, beta, correlation and Sharpe stacked in one SVG, one panel each with its own y scale and the
 * same x axis (the date range of the data), one line per window.
 *
 * - width: chart width in pixels (default 640)
 */
export function rollingRiskChart(risk: RollingRisk, {width = 640}: {width?: number} = {}): SVGSVGElement {
  const rows = rollingRiskRows(risk);
  const windows = [...new Set(risk.lines.map((l) => `${l.window}-day`))];
  const x = {
    type: "utc" as const,
    label: null,
    domain: [new Date(risk.date[0]), new Date(risk.date[risk.date.length - 1])]
  };
  const outer = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  const height = ROLLING_METRICS.length * PANEL_HEIGHT + 30;
  outer.setAttribute("width", String(width));
  outer.setAttribute("height", String(height));
  outer.setAttribute("viewBox", `0 0 ${width} ${height}`);
  outer.setAttribute("font-family", "system-ui, sans-serif");
  outer.setAttribute("font-size", "10");
  ROLLING_METRICS.forEach((metric, k) => {
    const data = rows.filter((r) => r.metric === metric);
    const last = k === ROLLING_METRICS.length - 1;
    const panel = Plot.plot({
      width,
      height: PANEL_HEIGHT + (last ? 30 : 0),
      marginLeft: 50,
      marginRight: 70,
      marginBottom: last ? 30 : 6,
      marginTop: 16,
      x: {...x, axis: last ? "bottom" : null},
      y: {label: metric, grid: true, tickFormat: metric === "Volatility" ? "%" : undefined, nice: true},
      color: {domain: windows, range: ["#9ecae1", "#08519c"]},
      marks: [
        metric === "Volatility" ? null : Plot.ruleY([metric === "Sharpe" ? 0 : 1], {strokeOpacity: 0.4}),
        Plot.lineY(data, {x: "date", y: "value", stroke: "window", strokeWidth: 1.3}),
        Plot.text(
          data,
          Plot.selectLast({
            x: "date",
            y: "value",
            z: "window",
            text: "window",
            fill: "window",
            dx: 4,
            textAnchor: "start"
          })
        )
      ]
    }) as SVGSVGElement;
    panel.setAttribute("y", String(k * PANEL_HEIGHT));
    outer.append(panel);
  });
  return outer;
}
