import * as Plot from "@observablehq/plot";
import {formatPercent} from "../lib/format.js";
import type {MonthReturn} from "../lib/month-returns.js";
import type {YearReturn} from "../lib/calendar-returns.js";

export const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The heatmap's cells: one per month with a return, then one per year ("Year" column); also the figure's CSV. */
export function monthCells(months: readonly MonthReturn[], years: readonly YearReturn[]) {
  return [
    ...months.map((m) => ({year: String(m.year), month: MONTH_NAMES[m.month], value: m.value, partial: m.partial})),
    ...years.map((y) => ({year: String(y.year), month: "Year", value: y.value, partial: y.partial}))
  ];
}

/**
 * One fund's monthly returns as a heatmap, years down and months across with the year's total in the last column
 * (QuantStats' monthly_heatmap), in a diverging colour centred on 0; a month or year the range cuts is labelled
 * with an asterisk.
 *
 * - width: chart width in pixels (default 640)
 */
export function monthHeatmap(
  months: readonly MonthReturn[],
  years: readonly YearReturn[],
  {width = 640}: {width?: number} = {}
) {
  const cells = monthCells(months, years);
  const yearsShown = [...new Set(cells.map((c) => c.year))].sort();
  // Colour by the months alone: a year's total would wash them out.
  const extent = Math.max(0.01, ...months.map((m) => Math.abs(m.value)));
  const label = (c: (typeof cells)[number]) => `${formatPercent(c.value)}${c.partial ? "*" : ""}`;
  return Plot.plot({
    width,
    height: 40 + 22 * yearsShown.length,
    marginLeft: 44,
    x: {axis: "top", label: null, domain: [...MONTH_NAMES, "Year"]},
    y: {label: null, domain: yearsShown},
    color: {
      type: "diverging",
      scheme: "PiYG",
      domain: [-extent, extent],
      legend: true,
      label: "Return",
      tickFormat: "%"
    },
    marks: [
      Plot.cell(
        cells.filter((c) => c.month !== "Year"),
        {x: "month", y: "year", fill: "value", inset: 0.5}
      ),
      Plot.cell(
        cells.filter((c) => c.month === "Year"),
        {x: "month", y: "year", fill: "currentColor", fillOpacity: 0.08, inset: 0.5}
      ),
      Plot.text(
        cells.filter((c) => c.month !== "Year"),
        {
          x: "month",
          y: "year",
          text: label,
          fontSize: width < 560 ? 8 : 10,
          fill: (c) => (Math.abs(c.value) > extent * 0.6 ? "white" : "black")
        }
      ),
      Plot.text(
        cells.filter((c) => c.month === "Year"),
        {x: "month", y: "year", text: label, fontSize: width < 560 ? 8 : 10, fontWeight: "bold"}
      )
    ]
  });
}
