import {parseDay} from "../src/lib/dates.js";
import {download, type RequestOptions} from "./network.js";

/**
 * FRED series from the fredgraph.csv layout: a header `observation_date,<ID>`
 * (older downloads: `DATE,<ID>`), then YYYY-MM-DD and a value per row. FRED
 * writes "." (older) or nothing (newer) for a missing value, e.g. market
 * holidays in daily series: both become NaN, never 0.
 */

export interface FredSeries {
  id: string;
  /** Epoch ms at 00:00 UTC of each observation date (monthly series are dated the 1st). */
  dates: Float64Array;
  values: Float64Array;
}

/**
 * Parses a fredgraph.csv text into typed arrays for one series.
 * - id: the series' column to read, e.g. "DGS10" (required; found by header name)
 */
export function parseFredCsv(text: string, {id}: {id: string}): FredSeries {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (!lines.length) throw new Error(`FRED ${id}: empty file`);
  const header = lines[0].split(",").map((c) => c.trim().replace(/^"|"$/g, ""));
  if (!/^(observation_date|date)$/i.test(header[0])) throw new Error(`FRED ${id}: unexpected header ${lines[0]}`);
  const column = header.findIndex((c) => c.toUpperCase() === id.toUpperCase());
  if (column < 1) throw new Error(`FRED ${id}: no column ${id} in header ${lines[0]}`);
  const n = lines.length - 1;
  const dates = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; ++i) {
    const cells = lines[i + 1].split(",");
    dates[i] = parseDay(cells[0]);
    if (Number.isNaN(dates[i])) throw new Error(`FRED ${id}: bad date on line ${i + 2}: ${cells[0]}`);
    const cell = (cells[column] ?? "").trim();
    values[i] = cell === "" || cell === "." ? NaN : +cell;
  }
  return {id, dates, values};
}

/**
 * Downloads `${baseUrl}?id=${id}` (no API key needed) and returns the CSV text.
 * - baseUrl: the fredgraph endpoint (default "https://fred.stlouisfed.org/graph/fredgraph.csv")
 * - fetch: injectable for tests (default globalThis.fetch)
 * - timeoutMs: abort after this long (default 20000)
 */
export async function fetchFred(
  id: string,
  {
    baseUrl = "https://fred.stlouisfed.org/graph/fredgraph.csv",
    fetch = globalThis.fetch,
    timeoutMs = 20000
  }: {baseUrl?: string} & Pick<RequestOptions, "fetch" | "timeoutMs"> = {}
): Promise<string> {
  return new TextDecoder().decode(await download(`${baseUrl}?id=${encodeURIComponent(id)}`, {fetch, timeoutMs}));
}
