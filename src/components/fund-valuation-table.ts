import {sortBySize, type FundValuation, type Multiple} from "../lib/fund-valuation.js";
import {fundInfo, type Fund} from "../lib/universe.js";
import {dataTable, type Column} from "./data-table.js";

// P/B and P/S sit near 1–5, where a second decimal still tells funds apart; P/E and P/CF do not need it.
const MULTIPLES: readonly [key: Multiple, label: string, title: string, digits: number][] = [
  ["pe", "P/E", "Price to earnings of the holdings", 1],
  ["pb", "P/B", "Price to book", 2],
  ["ps", "P/S", "Price to sales", 2],
  ["pcf", "P/CF", "Price to cash flow", 1]
];

/**
 * One row per fund, smallest size first: ticker, name, size, then its holdings' P/E, P/B, P/S and P/CF ("–" where missing).
 *
 * - fund: ticker to fund, for the name and size (default fundInfo; pages pass the declared universe's lookup)
 */
export function fundValuationTable(
  rows: readonly FundValuation[],
  {fund = fundInfo}: {fund?: (ticker: string) => Fund} = {}
): HTMLTableElement {
  const multiples: Column<FundValuation>[] = MULTIPLES.map(([key, label, title, digits]) => ({
    label,
    title,
    numeric: true,
    value: (r) => {
      const v = r[key];
      return v !== null && Number.isFinite(v) ? `${v.toFixed(digits)}×` : "–";
    }
  }));
  return dataTable(
    sortBySize(rows, {fund}),
    [
      {label: "Fund", value: (r) => r.ticker},
      {label: "Name", value: (r) => fund(r.ticker).name},
      {label: "Size", value: (r) => fund(r.ticker).size},
      ...multiples
    ],
    {className: "fund-valuation-table", data: (r) => ({ticker: r.ticker})}
  );
}
