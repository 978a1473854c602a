import {DateDay, Dictionary, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray} from "apache-arrow";
import type {PriceSeries} from "./types.js";

const VALUE_COLUMNS = ["close", "adjClose", "dividend", "split", "volume"] as const;

/**
 * Writes price series as one long-format Arrow IPC file sorted by ticker then
 * date (the contract in docs/architecture.md): date (Date32 day), ticker (dictionary
 * string), close, adjClose, dividend, split, volume (Float64, missing = null).
 */
export function pricesToArrow(series: readonly PriceSeries[]): Uint8Array {
  const sorted = [...series].sort((a, b) => (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0));
  const dates: Date[] = [];
  const tickers: string[] = [];
  const values: Record<string, (number | null)[]> = Object.fromEntries(VALUE_COLUMNS.map((c) => [c, []]));
  for (const s of sorted) {
    for (let i = 0; i < s.date.length; ++i) {
      dates.push(new Date(s.date[i]));
      tickers.push(s.ticker);
      for (const c of VALUE_COLUMNS) values[c].push(Number.isNaN(s[c][i]) ? null : s[c][i]);
    }
  }
  const table = new Table({
    date: vectorFromArray(dates, new DateDay()),
    ticker: vectorFromArray(tickers, new Dictionary(new Utf8(), new Int32())),
    ...Object.fromEntries(VALUE_COLUMNS.map((c) => [c, vectorFromArray(values[c], new Float64())]))
  });
  return tableToIPC(table, "file");
}
