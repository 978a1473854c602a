import type {SeriesProvenance} from "../src/lib/contracts.js";
import {formatDay, parseDay} from "../src/lib/dates.js";
import {readCachedSeries, writeCachedSeries} from "./cache.js";
import {mergeIncremental} from "./merge.js";
import type {Settings} from "./settings.js";
import {openSource, type NetworkOptions, type SourceDefinition} from "./source.js";
import {SOURCES} from "./sources/index.js";
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
  /** The source actually used (for "auto": the live source, or the sample), or "cache" when only cached copies were had. */
  source: string;
  /** How a source line names it. */
  sourceTitle: string;
  /** Generated data, not market prices. */
  synthetic: boolean;
  notes: string[];
}

export interface LoadOptions {
  /** The source registry, sources/index.ts (tests register fakes). */
  sources?: readonly SourceDefinition[];
  /** How network sources make requests (tests: a loopback base URL, no waits). */
  network?: NetworkOptions;
  /** Now, as epoch ms (tests pin it). */
  now?: number;
  onProgress?: (event: ProgressEvent) => void;
  log?: (message: string) => void;
}

/**
 * The sources "auto" tries, in registry order: every network source that needs no key, or whose key is set
 * (Yahoo, then Tiingo with a key), then their caches; and its last resort, the first synthetic source.
 */
export function autoSources(
  sources: readonly SourceDefinition[] = SOURCES,
  settings?: Pick<Settings, "sources">
): {
  live: SourceDefinition[];
  fallback: SourceDefinition;
} {
  const live = sources.filter((s) => s.kind === "network" && (!s.needsKey || settings?.sources[s.name]?.key));
  const fallback = sources.find((s) => s.kind === "synthetic");
  if (!live.some((s) => !s.needsKey) || !fallback)
    throw new Error("the source registry needs a keyless network source and a synthetic one for auto");
  return {live, fallback};
}

/**
 * Loads prices per the settings: a network source cached and refreshed
 * incrementally, a files or synthetic source read afresh, or "auto": each live
 * source in turn for the tickers the ones before it could not give, else their
 * caches, else the synthetic sample, saying which answered for each ticker.
 */
export async function loadPrices(settings: Settings, options: LoadOptions = {}): Promise<PriceLoad> {
  const {now = Date.now(), log = () => {}, sources = SOURCES} = options;
  if (settings.source === "auto") {
    const {live, fallback} = autoSources(sources, settings);
    const load = await cachedLoad(live, settings, options, now);
    if (load.series.length > 0) return load;
    log(`auto: no live or cached prices (${load.notes[0] ?? "no detail"}); using synthetic sample data`);
    const sample = await freshLoad(fallback, settings, options, now);
    const why = `Live prices unavailable and nothing cached, so this is synthetic sample data. ${load.notes[0] ?? ""}`;
    return {...sample, notes: [why.trim(), ...sample.notes]};
  }
  const definition = sources.find((s) => s.name === settings.source);
  if (!definition) throw new Error(`unknown source "${settings.source}"`);
  if (definition.kind !== "network") {
    const load = await freshLoad(definition, settings, options, now);
    if (load.series.length === 0)
      throw new Error(
        `no ticker could be read from ${definition.where?.(settings) ?? definition.title}:\n  ${load.notes.join("\n  ")}`
      );
    return load;
  }
  const load = await cachedLoad([definition], settings, options, now);
  if (load.series.length === 0)
    throw new Error(
      `${definition.title} gave no data and nothing is cached:\n  ${load.notes.join("\n  ")}\nSet WORKBENCH_SOURCE=sample to work offline, or csv with WORKBENCH_DATA_DIR.`
    );
  return load;
}

/** A files or synthetic source, read in full every time. */
async function freshLoad(
  definition: SourceDefinition,
  settings: Settings,
  options: LoadOptions,
  now: number
): Promise<PriceLoad> {
  const source = openSource(definition, settings, options.network);
  const outcomes = await source.fetch(settings.tickers, {
    start: settings.start,
    end: formatDay(now),
    onProgress: options.onProgress
  });
  return fromOutcomes(definition, outcomes, now);
}

/** One ticker after a live source was asked: its series and provenance, or why not (with the warnings gathered). */
type LiveResult =
  | {ticker: string; ok: true; series: PriceSeries; provenance: SeriesProvenance}
  | {ticker: string; ok: false; error: string; warnings: string[]};

/**
 * Network sources in turn, each asked only for the tickers the ones before it
 * could not give (incrementally on top of its own cache); a ticker no source
 * gave falls back to the newest cached copy among them.
 */
async function cachedLoad(
  definitions: readonly SourceDefinition[],
  settings: Settings,
  options: LoadOptions,
  now: number
): Promise<PriceLoad> {
  const {log = () => {}} = options;
  const answered = new Map<string, Extract<LiveResult, {ok: true}>>();
  const failures = new Map<string, {errors: string[]; warnings: string[]}>();
  for (const definition of definitions) {
    const pending = settings.tickers.filter((t) => !answered.has(t));
    if (!pending.length) break;
    for (const r of await liveLoad(definition, pending, settings, options, now)) {
      if (r.ok) answered.set(r.ticker, r);
      else {
        const f = failures.get(r.ticker) ?? {errors: [], warnings: []};
        // With several sources, each error says which one it is from, under one ticker prefix.
        f.errors.push(definitions.length > 1 ? `${definition.name}: ${r.error.replace(`${r.ticker}: `, "")}` : r.error);
        f.warnings.push(...r.warnings);
        failures.set(r.ticker, f);
      }
    }
  }
  const series: PriceSeries[] = [];
  const provenance: SeriesProvenance[] = [];
  const notes: string[] = [];
  const used = new Set<SourceDefinition>();
  const cacheUsed = new Set<SourceDefinition>();
  for (const ticker of settings.tickers) {
    const live = answered.get(ticker);
    if (live) {
      series.push(live.series);
      provenance.push(live.provenance);
      used.add(definitions.find((d) => d.name === live.provenance.source) ?? definitions[0]);
      continue;
    }
    const {errors, warnings} = failures.get(ticker)!;
    const error = definitions.length > 1 ? `${ticker}: ${errors.join("; ")}` : errors[0];
    // The newest cached copy among the sources: a ticker may have moved between them.
    const cached = definitions
      .map((definition) => ({definition, c: readCachedSeries(settings.cacheDir, definition.name, ticker, log)}))
      .filter(({c}) => c && c.series.date.length > 0)
      .sort((a, b) => b.c!.series.date[b.c!.series.date.length - 1] - a.c!.series.date[a.c!.series.date.length - 1])[0];
    if (cached) {
      const {definition, c} = cached;
      const all = [...warnings, `live fetch failed (${error}); using the copy cached ${c!.fetchedAt}`];
      series.push(c!.series);
      provenance.push(describe(c!.series, definition, {fetchedAt: c!.fetchedAt, fromCache: true, warnings: all, now}));
      cacheUsed.add(definition);
    } else {
      notes.push(error);
      provenance.push(failed(ticker, definitions[0], error));
    }
  }
  const live = definitions.filter((d) => used.has(d));
  if (live.length)
    return {
      series,
      provenance,
      source: live.map((d) => d.name).join(", "),
      sourceTitle: live.map((d) => d.title).join(" and "),
      synthetic: false,
      notes
    };
  const cachedFrom = definitions.filter((d) => cacheUsed.has(d));
  return {
    series,
    provenance,
    source: "cache",
    sourceTitle: `${(cachedFrom.length ? cachedFrom : definitions.slice(0, 1)).map((d) => d.title).join(" and ")} from the local cache`,
    synthetic: false,
    notes
  };
}

/**
 * Asks one network source for `tickers`, each from a few days before its
 * cached end (or the start when uncached), merges the answer into the cache
 * and writes it back; a cached copy younger than the source's freshForMs is
 * used without asking. A ticker whose answer cannot be had is a failure here:
 * the caller decides between another source and the cache.
 */
async function liveLoad(
  definition: SourceDefinition,
  tickers: readonly string[],
  settings: Settings,
  options: LoadOptions,
  now: number
): Promise<LiveResult[]> {
  const {log = () => {}} = options;
  const name = definition.name;
  const source = openSource(definition, settings, options.network);
  const fetchedAt = new Date(now).toISOString();
  const end = formatDay(now);
  const cached = new Map(tickers.map((t) => [t, readCachedSeries(settings.cacheDir, name, t, log)]));
  const results = new Map<string, LiveResult>();
  const groups = new Map<string, string[]>();
  for (const t of tickers) {
    const c = cached.get(t);
    const n = c?.series.date.length ?? 0;
    if (c && n && definition.freshForMs !== undefined && now - Date.parse(c.fetchedAt) < definition.freshForMs) {
      const provenance = describe(c.series, definition, {fetchedAt: c.fetchedAt, fromCache: false, warnings: [], now});
      results.set(t, {ticker: t, ok: true, series: c.series, provenance});
      continue;
    }
    const from = c && n ? formatDay(c.series.date[n - 1] - OVERLAP_DAYS * DAY_MS) : settings.start;
    groups.set(from, [...(groups.get(from) ?? []), t]);
  }
  for (const [from, group] of groups) {
    const outcomes = await source.fetch(group, {start: from, end, onProgress: options.onProgress});
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
          // explains: only the source's whole current history, checked by the same rules, can say which side is right.
          if (merged) warnings.push(`${merged.rejected}; fetched the whole history again`);
          const full = (await source.fetch([outcome.ticker], {start: settings.start, end}))[0];
          if (!full.ok) warnings.push(full.error);
          else if (
            c &&
            c.series.date.length &&
            !(full.series.date[0] <= Math.max(c.series.date[0], parseDay(settings.start)))
          )
            // Never let an answer replace more history than it covers.
            warnings.push(
              `${outcome.ticker}: the full history from ${definition.title} starts ${full.series.date.length ? formatDay(full.series.date[0]) : "nowhere"}, after the cached ${formatDay(c.series.date[0])}; kept the cached copy`
            );
          else s = full.series;
        }
        // No rows is no data: fall back to the cache or report a failure, so "auto" can still turn to the sample.
        if (s && s.date.length === 0) {
          if (warnings.length === 0) warnings.push(`${outcome.ticker}: ${name} returned no rows`);
          s = null;
        }
      }
      if (s) {
        writeCachedSeries(settings.cacheDir, name, s, fetchedAt);
        const provenance = describe(s, definition, {fetchedAt, fromCache: false, warnings, now});
        results.set(outcome.ticker, {ticker: outcome.ticker, ok: true, series: s, provenance});
      } else {
        const error = outcome.ok ? warnings.join("; ") : outcome.error;
        results.set(outcome.ticker, {ticker: outcome.ticker, ok: false, error, warnings});
      }
    }
  }
  return tickers.map((t) => results.get(t)!);
}

function fromOutcomes(
  definition: SourceDefinition,
  outcomes: Awaited<ReturnType<PriceSource["fetch"]>>,
  now: number
): PriceLoad {
  const series: PriceSeries[] = [];
  const provenance: SeriesProvenance[] = [];
  const notes: string[] = [];
  for (const o of outcomes) {
    if (o.ok) {
      series.push(o.series);
      provenance.push(
        describe(o.series, definition, {
          fetchedAt: new Date(now).toISOString(),
          fromCache: false,
          warnings: o.warnings,
          now
        })
      );
    } else {
      notes.push(o.error);
      provenance.push(failed(o.ticker, definition, o.error));
    }
  }
  const synthetic = definition.kind === "synthetic";
  return {series, provenance, source: definition.name, sourceTitle: definition.title, synthetic, notes};
}

/** The one provenance builder of a price series: source, dates, rows, cache, warnings (stale, synthetic). */
function describe(
  s: PriceSeries,
  definition: SourceDefinition,
  {fetchedAt, fromCache, warnings, now}: {fetchedAt: string; fromCache: boolean; warnings: string[]; now: number}
): SeriesProvenance {
  const n = s.date.length;
  const last = n ? s.date[n - 1] : NaN;
  const synthetic = definition.kind === "synthetic";
  const all = [...warnings];
  if (synthetic) all.unshift("synthetic: generated sample data, not market prices");
  const age = Math.floor((now - last) / DAY_MS);
  if (!synthetic && age > STALE_DAYS) all.push(`stale: last close ${formatDay(last)} is ${age} days old`);
  return {
    id: `prices:${s.ticker}`,
    kind: "prices",
    ticker: s.ticker,
    source: fromCache ? "cache" : definition.name,
    sourceTitle: fromCache ? `${definition.title} from the local cache` : definition.title,
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

function failed(ticker: string, definition: SourceDefinition, error: string): SeriesProvenance {
  return {
    id: `prices:${ticker}`,
    kind: "prices",
    ticker,
    source: definition.name,
    sourceTitle: definition.title,
    first: null,
    last: null,
    rows: 0,
    fetchedAt: null,
    fromCache: false,
    synthetic: false,
    warnings: [`failed: ${error}`]
  };
}
