import {formatNumber, formatPercent} from "../lib/format.js";
import type {Exposure} from "../lib/factor-exposure.js";

export interface ExposureRow {
  ticker: string;
  name: string;
  exposure: Exposure | null;
}

const HEADERS = ["Fund", "Mkt-RF β (t)", "SMB β (t)", "HML β (t)", "Alpha, annual (t)", "R²", "Days", "Period"];
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const withT = (b: string, t: number) => `${b} (${formatNumber(t)})`;

/**
 * Full-period factor loadings per fund with t-statistics in brackets,
 * annualised alpha, R² and the sample, as a plain HTML table.
 */
export function exposureTable(rows: readonly ExposureRow[]): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "exposure-table";
  const head = table.createTHead().insertRow();
  HEADERS.forEach((label, j) => {
    const th = document.createElement("th");
    th.textContent = label;
    if (j > 0 && j < 7) th.style.textAlign = "right";
    head.append(th);
  });
  const body = table.createTBody();
  for (const {ticker, name, exposure: e} of rows) {
    const tr = body.insertRow();
    tr.dataset.ticker = ticker;
    const first = tr.insertCell();
    first.textContent = ticker;
    first.title = name;
    first.style.fontWeight = "bold";
    if (!e) {
      const c = tr.insertCell();
      c.colSpan = HEADERS.length - 1;
      c.textContent = "not enough days in common with the factors in this period";
      continue;
    }
    const cells = [
      withT(formatNumber(e.beta.mkt, {digits: 2}), e.t.mkt),
      withT(formatNumber(e.beta.smb, {digits: 2}), e.t.smb),
      withT(formatNumber(e.beta.hml, {digits: 2}), e.t.hml),
      withT(formatPercent(e.alphaAnnual, {sign: true}), e.alphaT),
      formatNumber(e.rSquared, {digits: 2}),
      String(e.n),
      `${day(e.first)} → ${day(e.last)}`
    ];
    cells.forEach((text, j) => {
      const c = tr.insertCell();
      c.textContent = text;
      if (j < 6) c.style.textAlign = "right";
    });
  }
  return table;
}
