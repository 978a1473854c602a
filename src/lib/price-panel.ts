import {totalReturnIndex} from "./total-return.js";

/** The columns of an Arrow table this module reads (structural, so tests can pass apache-arrow Tables or stand-ins). */
interface ColumnTable {
  numRows: number;
  getChild(name: string): {toArray(): ArrayLike<unknown>; isValid(i: number): boolean; nullCount: number; get(i: number): unknown} | null;
}

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
  const column = (name: string) => {
    const vector = table.getChild(name);
    if (!vector) throw new Error(`prices table has no "${name}" column`);
    return vector;
  };
  const floats = (name: string) => {
    const vector = column(name);
    const out = Float64Array.from(vector.toArray() as ArrayLike<number>);
    // Arrow stores nulls as 0 in the value buffer: restore them as NaN.
    if (vector.nullCount > 0) for (let i = 0; i < n; ++i) if (!vector.isValid(i)) out[i] = NaN;
    return out;
  };
  const date = floats("date");
  const close = floats("close");
  const adjClose = floats("adjClose");
  const dividend = floats("dividend");
  // Decoded once: a per-row get() on a dictionary column costs more than all the arithmetic after it.
  const ticker = Array.from(column("ticker").toArray() as ArrayLike<unknown>, String);
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
