/**
 * Daily prices from Yahoo's public chart endpoint: close, adjusted close,
 * dividends and splits, one request per ticker.
 *
 * We write our own small client rather than use yahoo-finance2: its chart call
 * goes through its cookie/crumb machinery and its own hosts, which loopback
 * tests cannot point at; this one takes a base URL we can aim at 127.0.0.1
 * (and an injectable fetch), and the v8 chart endpoint needs no crumb.
 */
import {STATUS_CODES} from "node:http";
import {floorDay, formatDay, parseDay} from "../../src/lib/dates.js";
import {checkBaseUrl} from "../base-url.js";
import {rejectionWarnings, screenSeries} from "../price-rules.js";
import type {FetchOptions, PriceSeries, PriceSource, ProgressEvent, TickerOutcome} from "../types.js";

const DAY_MS = 86_400_000;
const DAY_S = 86_400;
// Yahoo answers scripts without a browser-like User-Agent with 429s far sooner.
const USER_AGENT =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
// Name resolution failing means no network at all: retrying only delays the fallback.
const OFFLINE_CODES = new Set(["ENOTFOUND", "EAI_AGAIN"]);

/**
 * Options of the Yahoo source.
 * - baseUrl: scheme and host of the chart API; WORKBENCH_YAHOO_URL, else https://query2.finance.yahoo.com.
 * - timeoutMs: longest wait for one whole response, 15000.
 * - retries: further attempts after a 429, 5xx, timeout or dropped connection, 4.
 * - baseDelayMs: first backoff step, doubled per retry with full jitter, 500.
 * - maxDelayMs: cap on any wait, including a server's Retry-After, 30000.
 * - concurrency: tickers in flight at once, 4.
 * - fetch: the fetch implementation, globalThis.fetch.
 * - sleep: how to wait between attempts, a setTimeout promise (tests record instead).
 * - random: jitter source in [0, 1), Math.random.
 */
export interface YahooOptions {
  baseUrl?: string;
  timeoutMs?: number;
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  concurrency?: number;
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** A price source reading Yahoo's daily chart endpoint; every ticker gets its own outcome. */
export function yahooSource({
  baseUrl = process.env.WORKBENCH_YAHOO_URL ?? "https://query2.finance.yahoo.com",
  timeoutMs = 15_000,
  retries = 4,
  baseDelayMs = 500,
  maxDelayMs = 30_000,
  concurrency = 4,
  fetch = globalThis.fetch,
  sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  random = Math.random
}: YahooOptions = {}): PriceSource {
  const base = checkBaseUrl(baseUrl, {
    name: process.env.WORKBENCH_YAHOO_URL === baseUrl ? "WORKBENCH_YAHOO_URL" : "baseUrl"
  });
  if (!(timeoutMs > 0)) throw new Error(`invalid timeoutMs: ${timeoutMs}`);
  if (!(Number.isInteger(retries) && retries >= 0)) throw new Error(`invalid retries: ${retries}`);
  if (!(baseDelayMs >= 0)) throw new Error(`invalid baseDelayMs: ${baseDelayMs}`);
  if (!(maxDelayMs >= 0)) throw new Error(`invalid maxDelayMs: ${maxDelayMs}`);
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new Error(`invalid concurrency: ${concurrency}`);
  const client = {
    baseUrl: base,
    timeoutMs,
    retries,
    baseDelayMs,
    maxDelayMs,
    fetch,
    sleep,
    random
  };
  return {
    name: "yahoo",
    async fetch(tickers, {start, end, onProgress = () => {}}: FetchOptions) {
      const startMs = parseDay(start);
      if (Number.isNaN(startMs)) throw new Error(`invalid start: ${start}`);
      const endMs = end === undefined ? floorDay(Date.now()) : parseDay(end);
      if (Number.isNaN(endMs)) throw new Error(`invalid end: ${end}`);
      if (endMs < startMs) throw new Error(`end ${end} is before start ${start}`);
      // Shared by this call's workers: once one ticker finds us offline, the rest fail at once.
      const state: FetchState = {offline: null};
      const outcomes: TickerOutcome[] = new Array(tickers.length);
      let next = 0;
      const worker = async () => {
        while (next < tickers.length) {
          const i = next++;
          outcomes[i] = await fetchTicker(tickers[i], startMs, endMs, {...client, onProgress, state});
        }
      };
      await Promise.all(Array.from({length: Math.min(concurrency, tickers.length)}, worker));
      return outcomes;
    }
  };
}

interface FetchState {
  offline: string | null;
}

interface Client extends Required<Omit<YahooOptions, "concurrency">> {
  onProgress: (event: ProgressEvent) => void;
  state: FetchState;
}

/** The chart request for one ticker between two days (epoch ms at 00:00 UTC, both inclusive). */
export function chartUrl(baseUrl: string, ticker: string, startMs: number, endMs: number): string {
  // A day early: exchanges east of UTC stamp a day's bar on the previous UTC
  // day; parseChart clips to [start, end] by exchange-local day anyway.
  const period1 = Math.floor(startMs / 1000) - DAY_S;
  const period2 = Math.floor(endMs / 1000) + DAY_S;
  return (
    `${baseUrl}/v8/finance/chart/${encodeURIComponent(ticker)}` +
    `?period1=${period1}&period2=${period2}&interval=1d&events=div%7Csplit&includeAdjustedClose=true`
  );
}

async function fetchTicker(ticker: string, startMs: number, endMs: number, client: Client): Promise<TickerOutcome> {
  const {retries, onProgress, state} = client;
  const url = chartUrl(client.baseUrl, ticker, startMs, endMs);
  const fail = (error: string): TickerOutcome => {
    onProgress({ticker, phase: "error", message: error});
    return {ticker, ok: false, error, warnings: []};
  };
  if (state.offline) return fail(`${ticker}: ${state.offline}`);
  onProgress({ticker, phase: "start"});
  for (let attempt = 0; ; attempt++) {
    const answer = await requestOnce(url, client);
    if (answer.kind === "offline") {
      state.offline ??= answer.cause;
      return fail(`${ticker}: ${answer.cause}`);
    }
    if (answer.kind === "fail") return fail(`${ticker}: ${answer.cause}`);
    if (answer.kind === "ok") {
      try {
        const {series, warnings} = parseChart(ticker, answer.body, {start: startMs, end: endMs});
        onProgress({ticker, phase: "done", message: `${series.date.length} rows`});
        return {ticker, ok: true, series, warnings};
      } catch (error) {
        return fail(`${ticker}: unexpected response from ${url}: ${(error as Error).message}`);
      }
    }
    const attempts = attempt + 1;
    if (attempt >= retries) {
      const said = attempts === 1 ? answer.cause : `gave up after ${attempts} attempts: ${answer.cause}`;
      return fail(`${ticker}: ${said} — try again later`);
    }
    // A sibling may have found us offline while this one waited: stop too.
    if (state.offline) return fail(`${ticker}: ${state.offline}`);
    const delay = backoffDelay(attempt, {...client, retryAfterMs: answer.retryAfterMs});
    onProgress({
      ticker,
      phase: "retry",
      message: `${answer.cause}; attempt ${attempts + 1} of ${retries + 1} in ${delay} ms`
    });
    await client.sleep(delay);
    if (state.offline) return fail(`${ticker}: ${state.offline}`);
  }
}

type Answer =
  | {kind: "ok"; body: unknown}
  | {kind: "retry"; cause: string; retryAfterMs?: number}
  | {kind: "fail"; cause: string}
  | {kind: "offline"; cause: string};

class Timeout extends Error {}

/** One GET of `url`, classified: a parsed body, a cause worth retrying, a final failure, or offline. */
async function requestOnce(url: string, {fetch, timeoutMs}: Client): Promise<Answer> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The race also covers an injected fetch that ignores the signal, and a body that stalls after the headers.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Timeout());
    }, timeoutMs);
  });
  const work = (async () => {
    const response = await fetch(url, {
      headers: {"User-Agent": USER_AGENT, Accept: "application/json"},
      signal: controller.signal
    });
    return {response, text: await response.text()};
  })();
  work.catch(() => {}); // Its rejection after losing the race is expected, not unhandled.
  try {
    const {response, text} = await Promise.race([work, timeout]);
    return classify(url, response, text);
  } catch (error) {
    if (error instanceof Timeout) return {kind: "retry", cause: `no answer within ${timeoutMs / 1000} s`};
    const code = errorCode(error);
    if (code !== undefined && OFFLINE_CODES.has(code)) {
      const host = new URL(url).host;
      return {
        kind: "offline",
        cause: `offline: cannot resolve ${host} (${code}) — check the network connection, or set WORKBENCH_SOURCE=csv or sample`
      };
    }
    const {message, cause} = error as {message?: string; cause?: {message?: string}};
    return {kind: "retry", cause: `connection failed (${code ?? cause?.message ?? message})`};
  } finally {
    clearTimeout(timer);
  }
}

function classify(url: string, response: Response, text: string): Answer {
  const {status} = response;
  const statusLine = `HTTP ${status} ${response.statusText || STATUS_CODES[status] || ""}`.trim();
  if (status === 404) return {kind: "fail", cause: "Yahoo has no such ticker (HTTP 404) — check the symbol"};
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), Date.now());
    return {kind: "retry", cause: statusLine, retryAfterMs};
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    if (!response.ok) return {kind: "fail", cause: `${statusLine} from ${url}`};
    return {kind: "fail", cause: `unexpected response from ${url}: not JSON (${(error as Error).message})`};
  }
  const chartError = (body as {chart?: {error?: {code?: unknown; description?: unknown}}})?.chart?.error;
  if (chartError && chartError.code === "Not Found") {
    return {kind: "fail", cause: `Yahoo has no such ticker ("${chartError.description}") — check the symbol`};
  }
  if (!response.ok) {
    const detail = chartError ? `: ${chartError.code}: ${chartError.description}` : "";
    return {kind: "fail", cause: `${statusLine} from ${url}${detail}`};
  }
  if (chartError) return {kind: "fail", cause: `Yahoo refused: ${chartError.code}: ${chartError.description}`};
  return {kind: "ok", body};
}

/** The `code` of an error or of the first cause along its chain that has one (Node's fetch wraps DNS errors). */
export function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e != null && depth < 5; e = (e as {cause?: unknown}).cause, depth++) {
    const code = (e as {code?: unknown}).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/** Milliseconds a Retry-After header asks for (delta seconds or an HTTP date), or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null || value.trim() === "") return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Milliseconds to wait before retry number `attempt` (0 for the first): the
 * server's Retry-After when given, else full jitter over base × 2^attempt; capped.
 * - baseDelayMs: first backoff step, 500.
 * - maxDelayMs: cap on the result, 30000.
 * - retryAfterMs: what the server asked for, if anything.
 * - random: jitter source in [0, 1), Math.random.
 */
export function backoffDelay(
  attempt: number,
  {
    baseDelayMs = 500,
    maxDelayMs = 30_000,
    retryAfterMs,
    random = Math.random
  }: {baseDelayMs?: number; maxDelayMs?: number; retryAfterMs?: number; random?: () => number} = {}
): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return Math.min(retryAfterMs, maxDelayMs);
  return Math.round(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt));
}

/**
 * Turns a chart response body into a PriceSeries of exchange-local trading
 * days; throws with a short description when the body is not chart-shaped or
 * is for another symbol than `ticker`. Rows without a close are dropped (with
 * a warning), rows failing the price rule (price-rules.ts: non-positive
 * prices, implausible jumps) are rejected with a warning each, a repeated day
 * keeps its last row, and days outside [start, end] are left out.
 * - start: first day kept (epoch ms at 00:00 UTC), -Infinity.
 * - end: last day kept, Infinity.
 */
export function parseChart(
  ticker: string,
  body: unknown,
  {start = -Infinity, end = Infinity}: {start?: number; end?: number} = {}
): {series: PriceSeries; warnings: string[]} {
  const result = (body as {chart?: {result?: unknown[] | null}})?.chart?.result?.[0] as ChartResult | undefined;
  if (result == null || typeof result !== "object") throw new Error("no chart.result[0]");
  // A proxy or a mixed-up cache upstream can answer with another fund's chart: never store it under this ticker.
  const symbol = result.meta?.symbol;
  if (symbol != null && String(symbol).toUpperCase() !== ticker.toUpperCase())
    throw new Error(`the answer is for "${symbol}", not "${ticker}"; answer rejected`);
  const timestamps = result.timestamp ?? [];
  if (!Array.isArray(timestamps)) throw new Error("timestamp is not an array");
  const n = timestamps.length;
  const gmtoffset = Number(result.meta?.gmtoffset ?? 0);
  // Bars are stamped at the session open in UTC; shifting by the exchange's
  // offset before flooring gives the local trading day in every timezone.
  const toDay = (ts: number) => Math.floor((ts + gmtoffset) / DAY_S) * DAY_MS;
  const quote = result.indicators?.quote?.[0] ?? {};
  const close = column(quote.close, n, "indicators.quote[0].close");
  if (close === null && n > 0) throw new Error("no indicators.quote[0].close");
  const volume = column(quote.volume, n, "indicators.quote[0].volume");
  const adjclose = column(result.indicators?.adjclose?.[0]?.adjclose, n, "indicators.adjclose[0].adjclose");

  const rowOfDay = new Map<number, number>();
  let noClose = 0;
  for (let i = 0; i < n; i++) {
    const c = close![i];
    if (typeof c !== "number" || !Number.isFinite(c)) {
      noClose++;
      continue;
    }
    const day = toDay(Number(timestamps[i]));
    if (!Number.isFinite(day)) throw new Error(`timestamp[${i}] is not a number: ${timestamps[i]}`);
    // Yahoo repeats the live day as a second bar during the session; the later one is current.
    if (day >= start && day <= end) rowOfDay.set(day, i);
  }
  const days = [...rowOfDay.keys()].sort((a, b) => a - b);
  const m = days.length;
  const series: PriceSeries = {
    ticker,
    date: Float64Array.from(days),
    close: new Float64Array(m),
    adjClose: new Float64Array(m).fill(NaN),
    dividend: new Float64Array(m),
    split: new Float64Array(m).fill(1),
    volume: new Float64Array(m).fill(NaN)
  };
  const indexOfDay = new Map<number, number>();
  days.forEach((day, j) => {
    const i = rowOfDay.get(day)!;
    indexOfDay.set(day, j);
    series.close[j] = close![i] as number;
    if (adjclose) series.adjClose[j] = finiteOrNaN(adjclose[i]);
    if (volume) series.volume[j] = finiteOrNaN(volume[i]);
  });

  const warnings: string[] = [];
  if (noClose > 0) warnings.push(`${ticker}: dropped ${noClose} row${noClose === 1 ? "" : "s"} with no close`);
  if (m === 0) warnings.push(`${ticker}: Yahoo returned no rows${rangeText(start, end)}`);
  // An event is placed on the bar of the same local day; one without a bar is reported, not guessed.
  const place = (kind: string, key: string, at: unknown, apply: (j: number) => void) => {
    const day = toDay(Number(at ?? key));
    const j = indexOfDay.get(day);
    if (j !== undefined) apply(j);
    else if (Number.isFinite(day) && day >= start && day <= end) {
      warnings.push(`${ticker}: ${kind} on ${formatDay(day)} has no price row; left out`);
    }
  };
  for (const [key, event] of Object.entries(result.events?.dividends ?? {})) {
    const amount = Number(event?.amount);
    if (!Number.isFinite(amount)) warnings.push(`${ticker}: dividend at ${key} has no amount; left out`);
    else place(`dividend of ${amount}`, key, event.date, (j) => (series.dividend[j] += amount));
  }
  for (const [key, event] of Object.entries(result.events?.splits ?? {})) {
    const ratio = splitRatio(event);
    if (!(ratio > 0 && Number.isFinite(ratio)))
      warnings.push(`${ticker}: split at ${key} has no usable ratio; left out`);
    else place(`split of ${ratio}`, key, event.date, (j) => (series.split[j] *= ratio));
  }
  // After the events are placed, so that a split explains its day's jump.
  const {series: kept, rejected} = screenSeries(series);
  if (m > 0 && kept.date.length === 0) {
    const [{index, reason}] = rejected;
    const more = rejected.length > 1 ? ` (and ${rejected.length - 1} more rows)` : "";
    throw new Error(`no usable rows: ${formatDay(series.date[index])}: ${reason}${more}`);
  }
  warnings.push(...rejectionWarnings(ticker, series, rejected));
  return {series: kept, warnings};
}

interface ChartResult {
  meta?: {gmtoffset?: number; symbol?: unknown};
  timestamp?: unknown[];
  events?: {
    dividends?: Record<string, {amount?: unknown; date?: unknown}>;
    splits?: Record<string, SplitEvent>;
  };
  indicators?: {
    quote?: {close?: unknown; volume?: unknown}[];
    adjclose?: {adjclose?: unknown}[];
  };
}

interface SplitEvent {
  numerator?: unknown;
  denominator?: unknown;
  splitRatio?: unknown;
  date?: unknown;
}

/** New shares per old share: numerator/denominator, else the "4:1" text. */
function splitRatio({numerator, denominator, splitRatio}: SplitEvent): number {
  const ratio = Number(numerator) / Number(denominator);
  if (Number.isFinite(ratio) && ratio > 0) return ratio;
  const m = /^\s*([\d.]+)\s*[:/]\s*([\d.]+)\s*$/.exec(String(splitRatio ?? ""));
  return m ? Number(m[1]) / Number(m[2]) : NaN;
}

function column(values: unknown, n: number, name: string): unknown[] | null {
  if (values == null) return null;
  if (!Array.isArray(values)) throw new Error(`${name} is not an array`);
  if (values.length !== n) throw new Error(`${name} has ${values.length} values for ${n} timestamps`);
  return values;
}

function finiteOrNaN(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : NaN;
}

function rangeText(start: number, end: number): string {
  return Number.isFinite(start) && Number.isFinite(end) ? ` between ${formatDay(start)} and ${formatDay(end)}` : "";
}
