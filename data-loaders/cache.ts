import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {formatDay} from "../src/lib/dates.js";
import {writeFileAtomic} from "./atomic.js";
import {priceProblem} from "./price-rules.js";
import type {PriceSeries} from "./types.js";

const COLUMNS = ["date", "close", "adjClose", "dividend", "split", "volume"] as const;
const VERSION = 1;

/** A cached series with when it was fetched and from where. */
export interface CachedSeries {
  series: PriceSeries;
  fetchedAt: string;
  source: string;
}

function seriesPath(cacheDir: string, source: string, ticker: string): string {
  return join(cacheDir, "prices", source, `${ticker}.json`);
}

/** Reads a cached series; null when absent. A corrupt file is reported and treated as absent, never trusted. */
export function readCachedSeries(
  cacheDir: string,
  source: string,
  ticker: string,
  warn: (m: string) => void = () => {}
): CachedSeries | null {
  const path = seriesPath(cacheDir, source, ticker);
  if (!existsSync(path)) return null;
  try {
    const json = JSON.parse(readFileSync(path, "utf8"));
    if (json.version !== VERSION || json.ticker !== ticker) throw new Error("unexpected version or ticker");
    const n = json.columns.date.length;
    const series = {ticker} as PriceSeries;
    for (const c of COLUMNS) {
      const values: (number | null)[] = json.columns[c];
      if (values.length !== n) throw new Error(`column ${c} has ${values.length} values, expected ${n}`);
      series[c] = Float64Array.from(values, (v) => (v === null ? NaN : v));
    }
    // A copy written before every answer was checked may hold zeros or negatives: refetch rather than show them.
    for (let i = 0; i < n; ++i) {
      const problem = priceProblem(series.close[i], series.adjClose[i]);
      if (problem) throw new Error(`${problem} on ${formatDay(series.date[i])}`);
    }
    return {series, fetchedAt: json.fetchedAt, source: json.source};
  } catch (error) {
    warn(`ignoring unreadable cache file ${path}: ${(error as Error).message}; it will be fetched again`);
    return null;
  }
}

/** Writes a series to the cache atomically (NaN as null, since JSON has no NaN). */
export function writeCachedSeries(cacheDir: string, source: string, series: PriceSeries, fetchedAt: string): void {
  const columns: Record<string, (number | null)[]> = {};
  for (const c of COLUMNS) columns[c] = Array.from(series[c], (v) => (Number.isNaN(v) ? null : v));
  const json = {version: VERSION, ticker: series.ticker, source, fetchedAt, columns};
  writeFileAtomic(seriesPath(cacheDir, source, series.ticker), JSON.stringify(json));
}

/** Every cached ticker of a source, with the file's size and modification time (for status and fingerprints). */
export function listCache(
  cacheDir: string,
  source: string
): {ticker: string; path: string; size: number; mtimeMs: number}[] {
  const dir = join(cacheDir, "prices", source);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      const {size, mtimeMs} = statSync(path);
      return {ticker: f.slice(0, -5), path, size, mtimeMs};
    });
}
