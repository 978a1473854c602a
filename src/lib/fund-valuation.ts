import {SIZE_ORDER, fundInfo, sizeSide, type Fund} from "./universe.js";

/**
 * Fund-level valuation: the multiples of each ETF's holdings (P/E, P/B, P/S,
 * P/CF), as data-loaders/fund-valuation.ts writes them to
 * src/data/fund-valuation.json. Missing data policy: a multiple the provider
 * does not give is null, and medians skip it.
 */
export interface FundValuation {
  ticker: string;
  pe: number | null;
  pb: number | null;
  ps: number | null;
  pcf: number | null;
}

/** One fund's multiples in the snapshot of one day, as the history in the cache keeps them. */
export interface FundValuationHistoryRow extends FundValuation {
  /** The day of the snapshot (UTC), YYYY-MM-DD. */
  date: string;
  /** ISO time of that snapshot's fetch. */
  fetchedAt: string;
}

/** The snapshot the page reads: live (fetched by this run), from the on-disk cache, or none. */
export interface FundValuationSnapshot {
  status: "live" | "cache" | "none";
  /** ISO time of the fetch the rows come from; null when none. */
  fetchedAt: string | null;
  rows: FundValuation[];
  warnings: string[];
  /** Every snapshot kept so far for these funds, one row per fund per day, oldest first (data-loaders/valuation-history.ts). */
  history: FundValuationHistoryRow[];
}

export type Multiple = "pe" | "pb" | "ps" | "pcf";

/** A snapshot older than this many days is stale. */
export const STALE_DAYS = 7;

/** Median of the finite values (mean of the middle two for an even count); NaN when there are none. */
export function median(values: readonly (number | null)[]): number {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/**
 * The funds smallest size first (SIZE_ORDER), keeping the input's order within a size; a new array.
 * - fund: ticker to fund (default fundInfo; pages pass the declared universe's lookup)
 */
export function sortBySize<T extends {ticker: string}>(
  rows: readonly T[],
  {fund = fundInfo}: {fund?: (ticker: string) => Fund} = {}
): T[] {
  const rank = (r: T) => SIZE_ORDER.indexOf(fund(r.ticker).size);
  return rows
    .map((r, i) => ({r, i}))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map(({r}) => r);
}

/**
 * Median of one multiple across the small side's funds and across the large side's (see sizeSide), with how many funds each side has.
 * - metric: which multiple (default "pe")
 * - fund: ticker to fund (default fundInfo)
 */
export function sizeMedians(
  rows: readonly FundValuation[],
  {metric = "pe", fund = fundInfo}: {metric?: Multiple; fund?: (ticker: string) => Fund} = {}
) {
  const side = (name: "small" | "large") =>
    rows.filter((r) => sizeSide(fund(r.ticker).size) === name && r[metric] !== null && Number.isFinite(r[metric]));
  const small = side("small");
  const large = side("large");
  return {
    small: median(small.map((r) => r[metric])),
    large: median(large.map((r) => r[metric])),
    smallCount: small.length,
    largeCount: large.length
  };
}

/**
 * The small and large sides' median of one multiple in each day's snapshot, oldest first, with how many funds each
 * side had that day (see sizeMedians); a day missing one side has NaN there.
 * - metric: which multiple (default "pe")
 * - fund: ticker to fund (default fundInfo)
 */
export function medianHistory(
  history: readonly FundValuationHistoryRow[],
  {metric = "pe", fund = fundInfo}: {metric?: Multiple; fund?: (ticker: string) => Fund} = {}
): {date: string; small: number; large: number; smallCount: number; largeCount: number}[] {
  const days = [...new Set(history.map((r) => r.date))].sort();
  return days.map((date) => ({
    date,
    ...sizeMedians(
      history.filter((r) => r.date === date),
      {metric, fund}
    )
  }));
}

/**
 * The sentence comparing the median P/E of small and micro-cap funds with that of large-cap funds,
 * e.g. "Small-cap funds' holdings trade at a median 15.2× earnings against 24.8× for large-cap funds";
 * null when either side has no P/E.
 */
export function medianComparison(
  rows: readonly FundValuation[],
  {fund = fundInfo}: {fund?: (ticker: string) => Fund} = {}
): string | null {
  const {small, large, smallCount, largeCount} = sizeMedians(rows, {fund});
  if (!smallCount || !largeCount) return null;
  const funds = (n: number) => `${n} fund${n === 1 ? "" : "s"}`;
  return `Small-cap funds' holdings trade at a median ${small.toFixed(1)}× earnings against ${large.toFixed(1)}× for large-cap funds (${funds(smallCount)} against ${funds(largeCount)}).`;
}

/** Whether a snapshot fetched at fetchedAt (ISO) is more than `days` (default STALE_DAYS) old at time now (epoch ms). */
export function isStale(fetchedAt: string, now: number, {days = STALE_DAYS}: {days?: number} = {}): boolean {
  const t = Date.parse(fetchedAt);
  if (Number.isNaN(t)) throw new Error(`invalid fetchedAt: ${fetchedAt}`);
  return now - t > days * 86_400_000;
}
