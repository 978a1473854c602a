import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {csvParse} from "d3-dsv";
import {parseDay} from "../../src/lib/dates.js";

/** The shared real prices (../shared/data/prices), absent on a user's fresh clone: tests that need them skip. */
export const SHARED_PRICES = path.resolve(import.meta.dirname, "../../../shared/data/prices");
export const hasSharedPrices = existsSync(SHARED_PRICES);

/** Dates and the adjusted close (a total-return index) of one of the shared CSV files. */
export function readAdjusted(ticker: string): {dates: Float64Array; index: Float64Array} {
  const rows = csvParse(readFileSync(path.join(SHARED_PRICES, `${ticker}.csv`), "utf8"));
  return {
    dates: Float64Array.from(rows, (r) => parseDay(r.Date!)),
    index: Float64Array.from(rows, (r) => +r.AdjClose!)
  };
}
