import {html} from "htl";
import {formatNumber, formatPercent} from "../lib/format.js";
import type {Exposure} from "../lib/factor-exposure.js";
import {dataTable} from "./data-table.js";

export interface ExposureRow {
  ticker: string;
  name: string;
  exposure: Exposure | null;
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const withT = (b: string, t: number) => `${b} (${formatNumber(t)})`;

/**
 * Full-period factor loadings per fund with t-statistics in brackets,
 * annualised alpha, R² and the sample, as a plain HTML table.
 */
export function exposureTable(rows: readonly ExposureRow[]): HTMLTableElement {
  // Only rows with an exposure reach the figure columns: the others are one note (see `note` below).
  const e = (r: ExposureRow) => r.exposure!;
  return dataTable(
    rows,
    [
      {label: "Fund", value: (r) => html`<strong title=${r.name}>${r.ticker}</strong>`},
      {label: "Mkt-RF β (t)", value: (r) => withT(formatNumber(e(r).beta.mkt, {digits: 2}), e(r).t.mkt), numeric: true},
      {label: "SMB β (t)", value: (r) => withT(formatNumber(e(r).beta.smb, {digits: 2}), e(r).t.smb), numeric: true},
      {label: "HML β (t)", value: (r) => withT(formatNumber(e(r).beta.hml, {digits: 2}), e(r).t.hml), numeric: true},
      {
        label: "Alpha, annual (t)",
        value: (r) => withT(formatPercent(e(r).alphaAnnual, {sign: true}), e(r).alphaT),
        numeric: true
      },
      {label: "R²", value: (r) => formatNumber(e(r).rSquared, {digits: 2}), numeric: true},
      {label: "Days", value: (r) => String(e(r).n), numeric: true},
      {label: "Period", value: (r) => `${day(e(r).first)} → ${day(e(r).last)}`}
    ],
    {
      className: "exposure-table",
      data: (r) => ({ticker: r.ticker}),
      note: (r) => (r.exposure ? null : "not enough days in common with the factors in this period")
    }
  );
}
