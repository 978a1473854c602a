import {floatColumn, type ColumnTable} from "./table-columns.js";
import {totalReturnIndex} from "./total-return.js";

/** One ticker's aligned daily columns; missing values are NaN. */
export interface TickerPrices {
  ticker: string;
  date: Float64Array;
  close: Float64Array;
  adjClose: Float64Array;
  dividend: Float64Array;
  /** Total-return index, 1 on the first day (see totalReturnIndex). */
  index: Float64Array;
}

/**
 * Splits the long-format prices table (sorted by ticker then date) into one
 * set of typed arrays per ticker, so pages compute on arrays and never touch
 * Arrow rows again when an input changes.
 */
export function pricesByTicker(table: ColumnTable): Map<string, TickerPrices> {
  const n = table.numRows;
  const missing = (name: string): never => {
    throw new Error(`prices table has no "${name}" column`);
  };
  const floats = (name: string) => floatColumn(table, name) ?? missing(name);
  const date = floats("date");
  const close = floats("close");
  const adjClose = floats("adjClose");
  const dividend = floats("dividend");
  // Decoded once: a per-row get() on a dictionary column costs more than all the arithmetic after it.
  const ticker = Array.from((table.getChild("ticker") ?? missing("ticker")).toArray() as ArrayLike<unknown>, String);
  const out = new Map<string, TickerPrices>();
  let start = 0;
  for (let i = 1; i <= n; ++i) {
    const t = ticker[start];
    if (i < n && ticker[i] === t) continue;
    const slice = <A extends Float64Array>(a: A) => a.subarray(start, i) as A;
    const p = {ticker: t, date: slice(date), close: slice(close), adjClose: slice(adjClose), dividend: slice(dividend)};
    out.set(t, {...p, index: totalReturnIndex(p.close, {adjClose: p.adjClose, dividend: p.dividend})});
    start = i;
  }
  return out;
}
