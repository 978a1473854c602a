import {formatDay} from "../src/lib/dates.js";
import type {PriceSeries} from "./types.js";

/**
 * Appends freshly fetched days to a cached series. Yahoo back-adjusts
 * history: a new dividend or split rescales every earlier adjusted (and, for
 * a split, plain) close by one factor. Measuring that factor on the first
 * overlapping day and applying it to the cached rows keeps the whole series
 * on the new basis without refetching it. Returns null when the two do not
 * overlap, so the caller fetches the full history instead.
 */
export function mergeIncremental(
  cached: PriceSeries,
  fresh: PriceSeries
): {series: PriceSeries; warnings: string[]} | null {
  if (fresh.date.length === 0) return {series: cached, warnings: []};
  const first = fresh.date[0];
  const overlap = cached.date.indexOf(first);
  if (overlap < 0) return null;
  const warnings: string[] = [];
  const factor = (column: "close" | "adjClose") => {
    const f = fresh[column][0] / cached[column][overlap];
    if (!Number.isFinite(f)) return 1;
    if (Math.abs(f - 1) > 1e-6) {
      warnings.push(
        `${cached.ticker}: ${column} before ${formatDay(first)} rescaled by ${f.toPrecision(6)} (a new dividend or split)`
      );
    }
    return f;
  };
  const closeFactor = factor("close");
  const adjFactor = factor("adjClose");
  // Yahoo quotes past dividends on the split-adjusted basis too.
  const scaled: Record<string, number> = {close: closeFactor, adjClose: adjFactor, dividend: closeFactor};
  const series = {ticker: cached.ticker} as PriceSeries;
  for (const c of ["date", "close", "adjClose", "dividend", "split", "volume"] as const) {
    const out = new Float64Array(overlap + fresh.date.length);
    const f = scaled[c] ?? 1;
    for (let i = 0; i < overlap; ++i) out[i] = cached[c][i] * f;
    out.set(fresh[c], overlap);
    series[c] = out;
  }
  return {series, warnings};
}
