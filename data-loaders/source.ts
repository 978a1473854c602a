/**
 * What a price source is: one file in data-loaders/sources/ exporting a
 * SourceDefinition, listed once in data-loaders/sources/index.ts. The spine
 * (this module, prices.ts, cache.ts, network.ts) gives every source its
 * concurrency, retries, offline detection, progress events, caching,
 * incremental refresh and provenance. See docs/architecture.md.
 */
import {floorDay, parseDay} from "../src/lib/dates.js";
import {checkBaseUrl} from "./base-url.js";
import {OfflineError, request, type Answer, type RequestOptions} from "./network.js";
import {pacer} from "./pace.js";
import {screenOutcome} from "./price-rules.js";
import type {Settings} from "./settings.js";
import type {FetchOptions, PriceSeries, PriceSource, TickerOutcome} from "./types.js";

/** A provider of daily prices, declared in one file. */
export interface SourceDefinition {
  /** What users write in WORKBENCH_SOURCE, and what provenance and the cache folder carry. */
  name: string;
  /** How a source line names it: "Yahoo Finance daily chart data". */
  title: string;
  /**
   * "network": fetched over the network, so the spine caches each ticker,
   * asks only for the days since the cached end, retries, and stops at the
   * first sign of no network; "files": read afresh on every build;
   * "synthetic": generated, and labelled synthetic wherever it shows.
   */
  kind: "network" | "files" | "synthetic";
  /** The provider needs an API key: WORKBENCH_<NAME>_KEY, or "<name>Key" in the config file. */
  needsKey?: boolean;
  /** Further environment variables holding the key, after WORKBENCH_<NAME>_KEY: the provider's own convention (TIINGO_API_KEY). */
  keyEnv?: readonly string[];
  /** Mean gap between two requests to the provider across the whole run (ms), with ± jitter (a fraction); none when absent. */
  pace?: {intervalMs: number; jitter?: number};
  /** A cached copy fetched less than this long ago (ms) is used as it is, without a request: for providers with tight quotas. */
  freshForMs?: number;
  /** Default base URL of a network source; WORKBENCH_<NAME>_URL or "<name>Url" replaces it (tests aim it at 127.0.0.1). */
  baseUrl?: string;
  /** Where the source reads from, for messages (csv: the folder); its title when absent. */
  where?: (settings: Settings) => string;
  /** Why these settings cannot run the source (csv without a folder), or null. */
  check?: (settings: Settings) => string | null;
  /**
   * One ticker's daily bars from `start` to `end` (epoch ms at 00:00 UTC, both
   * inclusive), with warnings; throws to fail that ticker with the message.
   */
  fetchTicker(
    ticker: string,
    range: {start: number; end: number},
    context: SourceContext
  ): Promise<{series: PriceSeries; warnings: string[]}>;
}

/** What the spine hands a source for one ticker. */
export interface SourceContext {
  settings: Settings;
  /** The base URL in effect (setting, else the source's default); "" for sources without one. */
  baseUrl: string;
  /** The API key; null when the source needs none. */
  key: string | null;
  /**
   * GET with the spine's pace, time limit, retries and offline rule (network.ts); returns any answer that is not worth
   * retrying. `retryable` replaces the default rule (408, 429, 5xx) for this request.
   */
  get(url: string, headers?: Record<string, string>, options?: Pick<RequestOptions, "retryable">): Promise<Answer>;
}

/**
 * How the spine runs network requests; tests make them fast and local.
 * - baseUrl: replaces the base URL of the settings (tests).
 * - concurrency: tickers in flight at once, 4.
 * - pace: waits for each request's turn; default the source's own pace, shared by every run in this process; null for none.
 * - timeoutMs, retries (4), baseDelayMs, maxDelayMs, fetch, sleep, random: as request() in network.ts.
 */
export interface NetworkOptions extends Omit<RequestOptions, "headers" | "signal" | "onRetry" | "retryable"> {
  baseUrl?: string;
  concurrency?: number;
  pace?: (() => Promise<void>) | null;
}

/** One pace per source for the whole process: two loads in one run (a refetch, a second group) share it. */
const PACERS = new WeakMap<SourceDefinition, () => Promise<void>>();

function sourcePacer(definition: SourceDefinition): (() => Promise<void>) | null {
  if (!definition.pace) return null;
  let pace = PACERS.get(definition);
  if (!pace) PACERS.set(definition, (pace = pacer(definition.pace)));
  return pace;
}

/** Environment variable and config key of a source's base URL or key: WORKBENCH_YAHOO_URL / yahooUrl. */
export function sourceSettingNames(name: string, what: "url" | "key"): {env: string; key: string} {
  const suffix = what === "url" ? "Url" : "Key";
  return {env: `WORKBENCH_${name.toUpperCase().replace(/\W/g, "_")}_${what.toUpperCase()}`, key: `${name}${suffix}`};
}

/**
 * Turns a definition into a PriceSource: tickers fetched `concurrency` at a
 * time, each with its own outcome, progress events per ticker, and once one
 * ticker finds the network gone every other request stops with the same cause.
 */
export function openSource(
  definition: SourceDefinition,
  settings: Settings,
  {
    baseUrl,
    concurrency = 4,
    retries = 4,
    timeoutMs = 15_000,
    pace = sourcePacer(definition),
    ...network
  }: NetworkOptions = {}
): PriceSource {
  const {url, key} = settings.sources[definition.name] ?? {url: null, key: null};
  const given = baseUrl ?? url ?? definition.baseUrl;
  const base = given === undefined ? "" : checkBaseUrl(given, {name: "baseUrl"});
  if (!(timeoutMs > 0)) throw new Error(`invalid timeoutMs: ${timeoutMs}`);
  if (!(Number.isInteger(retries) && retries >= 0)) throw new Error(`invalid retries: ${retries}`);
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new Error(`invalid concurrency: ${concurrency}`);
  return {
    name: definition.name,
    async fetch(tickers, {start, end, onProgress = () => {}}: FetchOptions): Promise<TickerOutcome[]> {
      const startMs = parseDay(start);
      if (Number.isNaN(startMs)) throw new Error(`invalid start: ${start}`);
      const endMs = end === undefined ? floorDay(Date.now()) : parseDay(end);
      if (Number.isNaN(endMs)) throw new Error(`invalid end: ${end}`);
      if (endMs < startMs) throw new Error(`end ${end} is before start ${start}`);
      // Shared by this call's requests: the first offline failure aborts the others.
      const offline = new AbortController();
      const one = async (ticker: string): Promise<TickerOutcome> => {
        const fail = (error: string): TickerOutcome => {
          onProgress({ticker, phase: "error", message: error});
          return {ticker, ok: false, error, warnings: []};
        };
        if (offline.signal.aborted) return fail(`${ticker}: ${(offline.signal.reason as Error).message}`);
        onProgress({ticker, phase: "start"});
        const context: SourceContext = {
          settings,
          baseUrl: base,
          key,
          get: async (u, headers, options) => {
            await pace?.();
            return request(u, {
              ...network,
              ...options,
              retries,
              timeoutMs,
              headers,
              signal: offline.signal,
              onRetry: (message) => onProgress({ticker, phase: "retry", message})
            });
          }
        };
        try {
          const answer = await definition.fetchTicker(ticker, {start: startMs, end: endMs}, context);
          // The one price rule (price-rules.ts) for every source, whatever its own parser checked.
          const outcome = screenOutcome({ticker, ok: true, ...answer});
          onProgress({ticker, phase: "done", message: `${answer.series.date.length} rows`});
          return outcome;
        } catch (error) {
          if (error instanceof OfflineError && !offline.signal.aborted) offline.abort(error);
          return fail(`${ticker}: ${(error as Error).message}`);
        }
      };
      const outcomes: TickerOutcome[] = new Array(tickers.length);
      let next = 0;
      const worker = async () => {
        while (next < tickers.length) {
          const i = next++;
          outcomes[i] = await one(tickers[i]);
        }
      };
      await Promise.all(Array.from({length: Math.min(concurrency, tickers.length)}, worker));
      return outcomes;
    }
  };
}
