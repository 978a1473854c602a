import {formatDay} from "../src/lib/dates.js";
import type {PriceSeries} from "./types.js";

/**
 * How far (relative) a measured rescaling factor may stray from the one the
 * new dividends and splits explain. Yahoo's adjustment differs a little from
 * the textbook 1 − dividend / previous close, and a few small dividends over
 * a pull window stay inside this; another fund's prices (7.77× for IVV over
 * IJR), a zero or a sign flip do not.
 */
export const FACTOR_TOLERANCE = 0.05;

type Column = "close" | "adjClose";

/** A dividend or split in the fresh rows that the cache does not have: what it does to earlier closes. */
interface NewEvent {
  day: number;
  close: number;
  adjClose: number;
  text: string;
}

/**
 * Appends freshly fetched days to a cached series. Yahoo back-adjusts
 * history: a new dividend or split rescales every earlier adjusted (and, for
 * a split, plain) close by one factor. Measuring that factor on the first
 * overlapping day and applying it to the cached rows keeps the whole series
 * on the new basis without refetching it. The factor must be finite, positive
 * and within FACTOR_TOLERANCE of what the fresh rows' new dividends and splits
 * explain (1 when there are none); otherwise the answer is rejected with the
 * reason and the cache is left alone. Cached days the fresh rows do not cover
 * (after their end, or a day they lack) are kept: an answer replaces only the
 * days it has. Returns null when the two do not overlap, so the caller
 * fetches the full history instead.
 */
export function mergeIncremental(
  cached: PriceSeries,
  fresh: PriceSeries
): {series: PriceSeries; warnings: string[]} | {rejected: string} | null {
  if (fresh.date.length === 0) return {series: cached, warnings: []};
  const first = fresh.date[0];
  const last = fresh.date[fresh.date.length - 1];
  const overlap = cached.date.indexOf(first);
  if (overlap < 0) return null;
  const events = newEvents(cached, fresh);
  const expected = (column: Column, day: number) => events.reduce((p, e) => (e.day > day ? p * e[column] : p), 1);
  const warnings: string[] = [];
  const residual = {close: 1, adjClose: 1};
  for (const column of ["close", "adjClose"] as const) {
    const f = fresh[column][0] / cached[column][overlap];
    // No adjusted close on one side (a source without one): nothing to measure, nothing to rescale.
    if (Number.isNaN(fresh[column][0]) || Number.isNaN(cached[column][overlap])) continue;
    const explained = expected(column, first);
    const because = events.length ? events.map((e) => e.text).join(", ") : "no new dividend or split";
    if (!(Number.isFinite(f) && f > 0) || Math.abs(f / explained - 1) > FACTOR_TOLERANCE) {
      return {
        rejected:
          `${cached.ticker}: the answer's ${column} on ${formatDay(first)} is ${fresh[column][0]}, ${f.toPrecision(4)}× the cached ` +
          `${cached[column][overlap]}, and ${because} explains ${explained.toPrecision(4)}×`
      };
    }
    if (Math.abs(f - 1) > 1e-6) {
      warnings.push(
        `${cached.ticker}: ${column} before ${formatDay(first)} rescaled by ${f.toPrecision(6)} (a new dividend or split)`
      );
    }
    residual[column] = f / explained;
  }
  // A cached day's factor: what the new events after it explain, times Yahoo's own restatement; none past the answer's end.
  const scale = (column: Column, day: number) => (day > last ? 1 : residual[column] * expected(column, day));
  const freshAt = new Map(Array.from(fresh.date, (t, j) => [t, j]));
  const rows: {from: PriceSeries; i: number; close: number; adjClose: number}[] = [];
  for (let i = 0; i < cached.date.length; ++i) {
    const day = cached.date[i];
    if (day < first || !freshAt.has(day))
      rows.push({from: cached, i, close: scale("close", day), adjClose: scale("adjClose", day)});
  }
  for (let j = 0; j < fresh.date.length; ++j) rows.push({from: fresh, i: j, close: 1, adjClose: 1});
  rows.sort((a, b) => a.from.date[a.i] - b.from.date[b.i]);
  const column = (c: keyof Omit<PriceSeries, "ticker">, f: (r: (typeof rows)[number]) => number) =>
    Float64Array.from(rows, (r) => r.from[c][r.i] * f(r));
  const series: PriceSeries = {
    ticker: cached.ticker,
    date: column("date", () => 1),
    close: column("close", (r) => r.close),
    adjClose: column("adjClose", (r) => r.adjClose),
    // Yahoo quotes past dividends on the split-adjusted basis too.
    dividend: column("dividend", (r) => r.close),
    split: column("split", () => 1),
    volume: column("volume", () => 1)
  };
  return {series, warnings};
}

/** The dividends and splits after the fresh rows' first day that the cache does not already hold on that day. */
function newEvents(cached: PriceSeries, fresh: PriceSeries): NewEvent[] {
  const cachedAt = new Map(Array.from(cached.date, (t, i) => [t, i]));
  const events: NewEvent[] = [];
  for (let j = 1; j < fresh.date.length; ++j) {
    const i = cachedAt.get(fresh.date[j]);
    const day = formatDay(fresh.date[j]);
    const r = fresh.split[j];
    if (r !== 1 && (i === undefined || cached.split[i] === 1))
      events.push({day: fresh.date[j], close: 1 / r, adjClose: 1 / r, text: `a split of ${r} on ${day}`});
    const d = fresh.dividend[j];
    if (d > 0 && (i === undefined || !(cached.dividend[i] > 0)))
      events.push({
        day: fresh.date[j],
        close: 1,
        adjClose: 1 - d / fresh.close[j - 1],
        text: `a dividend of ${d} on ${day}`
      });
  }
  return events;
}
