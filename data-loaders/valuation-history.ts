import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {FundValuation, FundValuationHistoryRow} from "../src/lib/fund-valuation.js";
import {writeFileAtomic} from "./atomic.js";

/**
 * The fund valuation snapshots accumulated in the cache
 * (<cacheDir>/fund-valuation-history.json): one row per fund per day, the
 * day being that of the snapshot's fetch, so the Valuation page can show how
 * small and large funds' multiples moved. Every prepare or pull that has a
 * snapshot appends it; a second snapshot of the same day replaces the first
 * (the later fetch wins), so appending is safe to repeat.
 */

const FILE = "fund-valuation-history.json";
const VERSION = 1;

/** The accumulated rows, sorted by day then ticker; [] when there is no history or it is unreadable (reported). */
export function readValuationHistory(
  cacheDir: string,
  warn: (m: string) => void = () => {}
): FundValuationHistoryRow[] {
  const path = join(cacheDir, FILE);
  if (!existsSync(path)) return [];
  try {
    const json = JSON.parse(readFileSync(path, "utf8"));
    if (json?.version !== VERSION || !Array.isArray(json.rows)) throw new Error("not a fund valuation history");
    return json.rows.filter(
      (r: FundValuationHistoryRow) =>
        /^\d{4}-\d{2}-\d{2}$/.test(r?.date) && typeof r.ticker === "string" && !Number.isNaN(Date.parse(r.fetchedAt))
    );
  } catch (error) {
    warn(`ignored unreadable valuation history ${path}: ${(error as Error).message}`);
    return [];
  }
}

/**
 * Adds a snapshot's rows to the history under the day of `fetchedAt` (UTC),
 * replacing that day's rows of the same funds when this fetch is later, and
 * writes the file atomically when anything changed. Returns the whole history.
 */
export function appendValuationHistory(
  cacheDir: string,
  {fetchedAt, rows}: {fetchedAt: string; rows: readonly FundValuation[]},
  warn: (m: string) => void = () => {}
): FundValuationHistoryRow[] {
  const history = readValuationHistory(cacheDir, warn);
  const date = new Date(fetchedAt).toISOString().slice(0, 10);
  const byKey = new Map(history.map((r) => [`${r.date} ${r.ticker}`, r]));
  let changed = false;
  for (const {ticker, pe, pb, ps, pcf} of rows) {
    const key = `${date} ${ticker}`;
    const old = byKey.get(key);
    if (old && Date.parse(old.fetchedAt) >= Date.parse(fetchedAt)) continue;
    byKey.set(key, {date, ticker, fetchedAt, pe, pb, ps, pcf});
    changed = true;
  }
  const all = [...byKey.values()].sort((a, b) => a.date.localeCompare(b.date) || a.ticker.localeCompare(b.ticker));
  if (changed) writeFileAtomic(join(cacheDir, FILE), JSON.stringify({version: VERSION, rows: all}, null, 1));
  return all;
}
