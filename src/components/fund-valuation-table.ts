import {sortBySize, type FundValuation} from "../lib/fund-valuation.js";
import {fundInfo} from "../lib/universe.js";

// P/B and P/S sit near 1–5, where a second decimal still tells funds apart; P/E and P/CF do not need it.
const COLUMNS: readonly [keyof Omit<FundValuation, "ticker">, string, string, number][] = [
  ["pe", "P/E", "Price to earnings of the holdings", 1],
  ["pb", "P/B", "Price to book", 2],
  ["ps", "P/S", "Price to sales", 2],
  ["pcf", "P/CF", "Price to cash flow", 1]
];

/** One row per fund, smallest size first: ticker, name, size, then its holdings' P/E, P/B, P/S and P/CF ("–" where missing). */
export function fundValuationTable(rows: readonly FundValuation[]): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "fund-valuation-table";
  const head = table.createTHead().insertRow();
  for (const [label, title, right] of [
    ["Fund", "", false],
    ["Name", "", false],
    ["Size", "", false],
    ...COLUMNS.map(([, l, t]) => [l, t, true])
  ] as [string, string, boolean][]) {
    const th = document.createElement("th");
    th.textContent = label;
    if (title) th.title = title;
    if (right) th.style.textAlign = "right";
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of sortBySize(rows)) {
    const info = fundInfo(r.ticker);
    const tr = body.insertRow();
    tr.dataset.ticker = r.ticker;
    for (const text of [r.ticker, info.name, info.size]) tr.insertCell().textContent = text;
    for (const [key, , , digits] of COLUMNS) {
      const td = tr.insertCell();
      const v = r[key];
      td.textContent = v !== null && Number.isFinite(v) ? `${v.toFixed(digits)}×` : "–";
      td.style.textAlign = "right";
    }
  }
  return table;
}
