import {formatDay, parseDay} from "../src/lib/dates.js";
import {readCachedSeries, writeCachedSeries} from "./cache.js";
import {mergeIncremental} from "./merge.js";
import {screenOutcome} from "./price-rules.js";
import type {Settings} from "./settings.js";
import {csvSource} from "./sources/csv.js";
import {sampleSource} from "./sources/sample.js";
import {yahooSource} from "./sources/yahoo.js";
import type {SeriesProvenance} from "../src/lib/contracts.js";
import type {PriceSeries, PriceSource, ProgressEvent} from "./types.js";

const DAY_MS = 86_400_000;
/** Days re-fetched before the cached end, so the merge has an overlap to measure re-adjustment on. */
const OVERLAP_DAYS = 10;
/** A series whose last day is older than this many calendar days is flagged stale. */
export const STALE_DAYS = 5;

/** The prices the site shows, and where each series came from. */
export interface PriceLoad {
  series: PriceSeries[];
  provenance: SeriesProvenance[];
  /** The source actually used: for "auto", which of yahoo, cache or sample won. */
  source: "yahoo" | "cache" | "csv" | "sample";
  notes: string[];
}

export interface LoadOptions {
  /** Replaces the live Yahoo source (tests point it at a loopback server). */
  yahoo?: PriceSource;
  /** Now, as epoch ms (tests pin it). */
  now?: number;
  onProgress?: (event: ProgressEvent) => void;
  log?: (message: string) => void;
}

/** Loads prices per the settings: yahoo (cached, incremental), csv, sample, or auto = yahoo → cache → sample. */
export async function loadPrices(settings: Settings, options: LoadOptions = {}): Promise<PriceLoad> {
  const {now = Date.now(), log = () => {}} = options;
  const end = formatDay(now);
  switch (settings.source) {
    case "csv": {
      const outcomes = await csvSource({dir: settings.dataDir!}).fetch(settings.tickers, {
        start: settings.start,
        end,
        onProgress: options.onProgress
      });
      const load = fromOutcomes("csv", outcomes, now);
      if (load.series.length === 0)
        throw new Error(`no ticker could be read from ${settings.dataDir}:\n  ${load.notes.join("\n  ")}`);
      return load;
    }
    case "sample":
      return sampleLoad(settings, end, now, []);
    case "yahoo": {
      const load = await yahooLoad(settings, options, now);
      if (load.series.length === 0)
        throw new Error(
          `Yahoo gave no data and nothing is cached:\n  ${load.notes.join("\n  ")}\nSet WORKBENCH_SOURCE=sample to work offline, or csv with WORKBENCH_DATA_DIR.`
        );
      return load;
    }
    case "auto": {
      const load = await yahooLoad(settings, options, now);
      if (load.series.length > 0) return load;
      log(`auto: no live or cached prices (${load.notes[0] ?? "no detail"}); using synthetic sample data`);
      return sampleLoad(settings, end, now, [
        `Live prices unavailable and nothing cached, so this is synthetic sample data. ${load.notes[0] ?? ""}`.trim()
      ]);
    }
  }
}

async function sampleLoad(settings: Settings, end: string, now: number, notes: string[]): Promise<PriceLoad> {
  const outcomes = await sampleSource().fetch(settings.tickers, {start: settings.start, end});
  const load = fromOutcomes("sample", outcomes, now);
  return {...load, notes: [...notes, ...load.notes]};
}

/** Fetches each ticker from Yahoo incrementally on top of its cache; a ticker that fails falls back to its cache. */
async function yahooLoad(settings: Settings, options: LoadOptions, now: number): Promise<PriceLoad> {
  const {yahoo = yahooSource(), log = () => {}} = options;
  const fetchedAt = new Date(now).toISOString();
  const end = formatDay(now);
  const cached = new Map(settings.tickers.map((t) => [t, readCachedSeries(settings.cacheDir, "yahoo", t, log)]));
  // One request per ticker, each from a few days before its cached end (or the start when uncached).
  const groups = new Map<string, string[]>();
  for (const t of settings.tickers) {
    const c = cached.get(t);
    const from =
      c && c.series.date.length
        ? formatDay(c.series.date[c.series.date.length - 1] - OVERLAP_DAYS * DAY_MS)
        : settings.start;
    groups.set(from, [...(groups.get(from) ?? []), t]);
  }
  const series: PriceSeries[] = [];
  const provenance: SeriesProvenance[] = [];
  const notes: string[] = [];
  let live = 0;
  for (const [from, tickers] of groups) {
    const outcomes = (await yahoo.fetch(tickers, {start: from, end, onProgress: options.onProgress})).map(
      screenOutcome
    );
    for (const outcome of outcomes) {
      const c = cached.get(outcome.ticker) ?? null;
      const warnings = [...outcome.warnings];
      let s: PriceSeries | null = null;
      if (outcome.ok) {
        const merged = c ? mergeIncremental(c.series, outcome.series) : {series: outcome.series, warnings: []};
        if (merged && "series" in merged) {
          s = merged.series;
          warnings.push(...merged.warnings);
        } else {
          // No overlap with the cache (a long absence), or an answer at odds with it that no dividend or split
          // explains: only Yahoo's whole current history, checked by the same rules, can say which side is right.
          if (merged) warnings.push(`${merged.rejected}; fetched the whole history again`);
          const full = screenOutcome((await yahoo.fetch([outcome.ticker], {start: settings.start, end}))[0]);
          if (!full.ok) warnings.push(full.error);
          else if (
            c &&
            c.series.date.length &&
            !(full.series.date[0] <= Math.max(c.series.date[0], parseDay(settings.start)))
          )
            // Never let an answer replace more history than it covers.
            warnings.push(
              `${outcome.ticker}: the full history from Yahoo starts ${full.series.date.length ? formatDay(full.series.date[0]) : "nowhere"}, after the cached ${formatDay(c.series.date[0])}; kept the cached copy`
            );
          else s = full.series;
        }
        // No rows is no data: fall back to the cache or report a failure, so "auto" can still turn to the sample.
        if (s && s.date.length === 0) {
          if (warnings.length === 0) warnings.push(`${outcome.ticker}: Yahoo returned no rows`);
          s = null;
        }
      }
      if (s) {
        writeCachedSeries(settings.cacheDir, "yahoo", s, fetchedAt);
        series.push(s);
        provenance.push(describe(s, "yahoo", {fetchedAt, fromCache: false, warnings, now}));
        live++;
      } else if (c && c.series.date.length > 0) {
        const error = outcome.ok ? warnings.join("; ") : outcome.error;
        warnings.push(`live fetch failed (${error}); using the copy cached ${c.fetchedAt}`);
        series.push(c.series);
        provenance.push(describe(c.series, "cache", {fetchedAt: c.fetchedAt, fromCache: true, warnings, now}));
      } else {
        const error = outcome.ok ? warnings.join("; ") : outcome.error;
        notes.push(error);
        provenance.push(failed(outcome.ticker, "yahoo", error));
      }
    }
  }
  const source = live > 0 ? "yahoo" : "cache";
  return {series, provenance, source, notes};
}

function fromOutcomes(
  source: "csv" | "sample",
  outcomes: Awaited<ReturnType<PriceSource["fetch"]>>,
  now: number
): PriceLoad {
  const series: PriceSeries[] = [];
  const provenance: SeriesProvenance[] = [];
  const notes: string[] = [];
  for (const o of outcomes.map(screenOutcome)) {
    if (o.ok) {
      series.push(o.series);
      provenance.push(
        describe(o.series, source, {
          fetchedAt: new Date(now).toISOString(),
          fromCache: false,
          warnings: o.warnings,
          now
        })
      );
    } else {
      notes.push(o.error);
      provenance.push(failed(o.ticker, source, o.error));
    }
  }
  return {series, provenance, source, notes};
}

function describe(
  s: PriceSeries,
  source: SeriesProvenance["source"],
  {fetchedAt, fromCache, warnings, now}: {fetchedAt: string; fromCache: boolean; warnings: string[]; now: number}
): SeriesProvenance {
  const n = s.date.length;
  const last = n ? s.date[n - 1] : NaN;
  const synthetic = source === "sample";
  const all = [...warnings];
  if (synthetic) all.unshift("synthetic: generated sample data, not market prices");
  const age = Math.floor((now - last) / DAY_MS);
  if (!synthetic && age > STALE_DAYS) all.push(`stale: last close ${formatDay(last)} is ${age} days old`);
  return {
    id: `prices:${s.ticker}`,
    kind: "prices",
    ticker: s.ticker,
    source,
    first: n ? formatDay(s.date[0]) : null,
    last: n ? formatDay(last) : null,
    rows: n,
    fetchedAt,
    fromCache,
    synthetic,
    totalReturnBasis: Array.prototype.some.call(s.adjClose, (v: number) => v > 0) ? "adjClose" : "close+dividends",
    warnings: all
  };
}

function failed(ticker: string, source: SeriesProvenance["source"], error: string): SeriesProvenance {
  return {
    id: `prices:${ticker}`,
    kind: "prices",
    ticker,
    source,
    first: null,
    last: null,
    rows: 0,
    fetchedAt: null,
    fromCache: false,
    synthetic: false,
    warnings: [`failed: ${error}`]
  };
}
