import {formatDay} from "../lib/dates.js";
import {formatNumber} from "../lib/format.js";
import type {Interval} from "../lib/period-ends.js";
import type {RotationRow} from "../lib/rotation-study.js";
import {dataTable} from "./data-table.js";

/**
 * The rotation graph as a table, one row per fund: RS-Ratio, RS-Momentum,
 * the quadrant, the periods since the fund entered it and when, and the
 * heading of its last step; a fund without values says why in one cell.
 *
 * - interval: "weekly" or "daily", for the column's unit (default "weekly")
 * - caption: the sentence under the table (default none)
 */
export function rotationTable(
  rows: readonly RotationRow[],
  {interval = "weekly", caption}: {interval?: Interval; caption?: string} = {}
): HTMLTableElement {
  const unit = interval === "weekly" ? "Weeks" : "Days";
  return dataTable(
    rows,
    [
      {label: "Fund", value: (r) => r.ticker},
      {label: "RS-Ratio", value: (r) => formatNumber(r.ratio, {digits: 2}), numeric: true},
      {label: "RS-Momentum", value: (r) => formatNumber(r.momentum, {digits: 2}), numeric: true},
      {label: "Quadrant", value: (r) => r.run?.quadrant ?? "–"},
      {
        label: `${unit} there`,
        value: (r) => (r.run ? `${r.run.atLeast ? "≥ " : ""}${r.run.periods}` : "–"),
        numeric: true,
        title: `${unit} since the fund entered its quadrant (0: it entered at this close; ≥: as far back as its history goes)`
      },
      {label: "Entered", value: (r) => (r.run ? formatDay(r.entered) : "–"), nowrap: true},
      {
        label: "Heading",
        value: (r) => (r.heading ? `${r.heading.compass} ${Math.round(r.heading.degrees)}°` : "–"),
        nowrap: true,
        title: "Direction of the last step on the graph: N is RS-Momentum rising, E is RS-Ratio rising, clockwise"
      },
      {label: "As of close", value: (r) => (Number.isFinite(r.close) ? formatDay(r.close) : "–"), nowrap: true}
    ],
    {className: "rotation-table", data: (r) => ({ticker: r.ticker}), note: (r) => r.note, caption}
  );
}
