import {formatNumber, formatPercent} from "../lib/format.js";
import type {Exposure, FactorName} from "../lib/factor-exposure.js";
import {dataTable, type Column} from "./data-table.js";

export interface ExposureRow {
  ticker: string;
  name: string;
  exposure: Exposure | null;
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const withT = (b: string, t: number) => `${b} (${formatNumber(t, {digits: 1})})`;

/**
 * Full-period factor loadings, one row per fund (its ticker first) and one
 * column per factor headed by the factor's name, each loading with its HAC
 * t-statistic in brackets; then annualised alpha with its t and 95% interval,
 * R² and the sample.
 *
 * - names: the model's factors, in order (the table's factor columns)
 * - caption: a note under the table (the model, the lag)
 */
export function exposureTable(
  rows: readonly ExposureRow[],
  {names, caption}: {names: readonly FactorName[]; caption?: string}
): HTMLTableElement {
  // Only rows with an exposure reach the figure columns: the others are one note (see `note` below).
  const e = (r: ExposureRow) => r.exposure!;
  const factorColumns: Column<ExposureRow>[] = names.map((name, j) => ({
    label: name,
    title: `${name} loading (β), with its Newey-West t-statistic in brackets`,
    value: (r) => withT(formatNumber(e(r).beta[j], {digits: 2}), e(r).t[j]),
    numeric: true,
    nowrap: true
  }));
  return dataTable(
    rows,
    [
      {
        label: "Fund",
        value: (r) => Object.assign(document.createElement("strong"), {title: r.name, textContent: r.ticker})
      },
      ...factorColumns,
      {
        label: "Alpha, annual (t) [95%]",
        value: (r) =>
          `${withT(formatPercent(e(r).alphaAnnual, {sign: true}), e(r).alphaT)} [${formatPercent(e(r).alphaLow, {sign: true})}, ${formatPercent(e(r).alphaHigh, {sign: true})}]`,
        numeric: true
      },
      {label: "R²", value: (r) => formatNumber(e(r).rSquared, {digits: 2}), numeric: true},
      {label: "Days", value: (r) => String(e(r).n), numeric: true},
      {label: "Period", value: (r) => `${day(e(r).first)} → ${day(e(r).last)}`, nowrap: true}
    ],
    {
      className: "exposure-table",
      caption,
      data: (r) => ({ticker: r.ticker}),
      note: (r) => (r.exposure ? null : "not enough days in common with the factors in this period")
    }
  );
}
