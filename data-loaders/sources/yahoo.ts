/**
 * Daily prices from Yahoo's public chart endpoint: close, adjusted close,
 * dividends and splits, one request per ticker.
 *
 * We write our own small client rather than use yahoo-finance2: its chart call
 * goes through its own hosts, which loopback tests cannot point at; this one
 * takes a base URL we can aim at 127.0.0.1 (and an injectable fetch).
 *
 * It behaves like the clients that keep working (yahoo-finance2, yfinance):
 * - A current desktop browser's User-Agent and Accept headers: Yahoo throttles
 *   script-like clients far sooner.
 * - The v8 chart endpoint usually answers without a crumb. When Yahoo answers
 *   401 or 403, or a 429 whose body speaks of a crumb or cookie ("Invalid
 *   Crumb", "Unauthorized"), we get a session once per run and ask again with
 *   it: a cookie from https://fc.yahoo.com (yfinance's "basic" strategy,
 *   yfinance/data.py _get_cookie_basic; yahoo-finance2 src/lib/getCrumb.ts asks
 *   a quote page instead), then the crumb from /v1/test/getcrumb sent with that
 *   cookie (both libraries), then the chart with `&crumb=` and the cookie. With
 *   the base URL setting (WORKBENCH_YAHOO_URL) the cookie comes from
 *   `<base>/fc` and the crumb from `<base>/v1/test/getcrumb`, so loopback tests
 *   serve all three. The EU consent form (guce.yahoo.com, which both libraries
 *   post) is not automated: a consent page is reported as such.
 * - A 200 answer that is an HTML page (a consent wall, a block page) is
 *   reported as what it is, not as malformed JSON.
 * - A global pace (a few requests a second, with jitter; pace.ts) spaces all
 *   requests of the run, so a 500-ticker pull is not a burst.
 */
import {formatDay} from "../../src/lib/dates.js";
import {retryableStatus, type Answer} from "../network.js";
import {rejectionWarnings, screenSeries} from "../price-rules.js";
import type {SourceContext, SourceDefinition} from "../source.js";
import type {PriceSeries} from "../types.js";

const DAY_MS = 86_400_000;
const DAY_S = 86_400;
const DEFAULT_BASE = "https://query2.finance.yahoo.com";
/** Chrome's stable desktop release of late 2026 on Windows, with the Accept headers that browser sends for an API call. */
const BROWSER = {
  "User-Agent":
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
  "Accept-Language": "en-US,en;q=0.9"
};
const JSON_ACCEPT = "application/json,text/plain,*/*";
/** yahoo-finance2 notes that Yahoo sets no cookie unless the request accepts HTML. */
const HTML_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
/** A failed session attempt is not repeated for this long, so 500 tickers do not each try. */
const SESSION_RETRY_MS = 10 * 60_000;

/** A Yahoo session: the cookie to send and the crumb that goes with it. */
interface Session {
  cookie: string;
  crumb: string;
}

/** Whether Yahoo's answer asks for a session: 401, 403, or a 429 that speaks of a crumb or cookie rather than a rate. */
function wantsSession({status, text}: Answer): boolean {
  return status === 401 || status === 403 || (status === 429 && /crumb|cookie|unauthori[sz]ed/i.test(text));
}

/**
 * The yahoo source with its own session memory and pace (tests make fresh ones).
 * Yahoo's daily chart endpoint needs no key; the spine caches, refreshes incrementally, retries and detects offline.
 */
export function yahooSource(): SourceDefinition {
  const sessions = new Map<string, Promise<Session>>();
  /** The run's session for this base URL: made once, shared by every ticker; a failure is remembered for a while. */
  const session = (baseUrl: string, get: SourceContext["get"], {renew = false} = {}): Promise<Session> => {
    const known = sessions.get(baseUrl);
    if (known && !renew) return known;
    const made = startSession(baseUrl, get);
    sessions.set(baseUrl, made);
    made.catch(() => {
      // Forgotten after a while, so that a long-running preview tries again later.
      setTimeout(() => sessions.get(baseUrl) === made && sessions.delete(baseUrl), SESSION_RETRY_MS).unref();
    });
    return made;
  };
  return {
    name: "yahoo",
    title: "Yahoo Finance daily chart data",
    kind: "network",
    baseUrl: DEFAULT_BASE,
    // About 3 requests a second on average, each gap 150–450 ms.
    pace: {intervalMs: 300, jitter: 0.5},
    async fetchTicker(ticker, {start, end}, {baseUrl, get}) {
      const url = chartUrl(baseUrl, ticker, start, end);
      const ask = (s?: Session) =>
        get(
          s ? `${url}&crumb=${encodeURIComponent(s.crumb)}` : url,
          {...BROWSER, Accept: JSON_ACCEPT, ...(s ? {Cookie: s.cookie} : {})},
          // A crumb problem is answered by a session, not by waiting.
          {retryable: (a) => !(a.status === 429 && wantsSession(a)) && retryableStatus(a)}
        );
      const known = sessions.get(baseUrl);
      let used = known ? await known.catch(() => undefined) : undefined;
      let answer = await ask(used);
      if (wantsSession(answer)) {
        // A session of this run that stopped working is renewed once; otherwise one is made.
        used = await session(baseUrl, get, {renew: used !== undefined});
        answer = await ask(used);
        if (wantsSession(answer))
          throw new Error(
            `Yahoo refused the request even with a fresh cookie and crumb (${answer.statusLine}${errorDetail(answer.text)}) — ` +
              `Yahoo may be blocking this network for now: try later, or set WORKBENCH_SOURCE=tiingo (with a key) or csv`
          );
      }
      const body = readAnswer(answer);
      try {
        return parseChart(ticker, body, {start, end});
      } catch (error) {
        throw new Error(`unexpected response from ${url}: ${(error as Error).message}`);
      }
    }
  };
}

/** The source the registry lists. */
export const yahoo = yahooSource();

/** Where the cookie comes from: fc.yahoo.com, or `<base>/fc` when the base URL is replaced (a mirror, a test server). */
export function cookieUrl(baseUrl: string): string {
  return baseUrl === DEFAULT_BASE ? "https://fc.yahoo.com/" : `${baseUrl}/fc`;
}

/** A cookie, then the crumb that goes with it (see the top of this file); throws saying which step failed. */
async function startSession(baseUrl: string, get: SourceContext["get"]): Promise<Session> {
  const from = cookieUrl(baseUrl);
  const first = await get(from, {...BROWSER, Accept: HTML_ACCEPT});
  // fc.yahoo.com answers 404 with the cookie; what counts is Set-Cookie.
  const cookie = first.headers
    .getSetCookie()
    .map((c) => c.split(";")[0].trim())
    .filter((c) => c.includes("="))
    .join("; ");
  if (!cookie) {
    const page = htmlPage(first);
    throw new Error(
      page === "consent"
        ? `Yahoo answered the cookie request with a cookie-consent page (${first.statusLine} from ${from}); that consent is not automated here: set WORKBENCH_SOURCE=tiingo (with a key) or csv`
        : `Yahoo set no cookie (${first.statusLine} from ${from}), so no crumb could be had`
    );
  }
  const crumbUrl = `${baseUrl}/v1/test/getcrumb`;
  const answer = await get(crumbUrl, {...BROWSER, Accept: "*/*", Cookie: cookie});
  const crumb = answer.text.trim();
  // A crumb is a short token; an HTML page or an error body is not one.
  if (!answer.ok || !/^[\w./\-]{1,64}$/.test(crumb))
    throw new Error(`Yahoo gave no crumb (${answer.statusLine} from ${crumbUrl}${errorDetail(answer.text)})`);
  return {cookie, crumb};
}

/** "consent" or "html" when the answer is an HTML page rather than data (by type or by its first character); null otherwise. */
function htmlPage({headers, text}: Answer): "consent" | "html" | null {
  const html = /text\/html/i.test(headers.get("content-type") ?? "") || /^\s*</.test(text);
  if (!html) return null;
  return /consent|guce\.yahoo|collectConsent/i.test(text) ? "consent" : "html";
}

/** ": Unauthorized: Invalid Crumb" from Yahoo's {finance|chart: {error: {code, description}}} body; "" otherwise. */
function errorDetail(text: string): string {
  try {
    const body = JSON.parse(text) as Record<string, {error?: {code?: unknown; description?: unknown}} | undefined>;
    const error = Object.values(body ?? {})[0]?.error;
    if (error) return `: ${error.code}: ${error.description}`;
  } catch {
    // Not JSON.
  }
  const plain = text.trim();
  return plain && !plain.startsWith("<") && plain.length <= 120 ? `: ${plain}` : "";
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

/** The body of a chart answer, or an error saying what Yahoo answered instead (retries are the spine's). */
function readAnswer(answer: Answer): unknown {
  const {url, status, ok, statusLine, text} = answer;
  if (status === 404) throw new Error("Yahoo has no such ticker (HTTP 404) — check the symbol");
  const page = htmlPage(answer);
  if (page === "consent")
    throw new Error(
      `Yahoo answered with a cookie-consent page (${statusLine}, HTML) instead of chart data from ${url}: ` +
        `that consent is not automated here; set WORKBENCH_SOURCE=tiingo (with a key) or csv`
    );
  if (page === "html")
    throw new Error(
      `Yahoo answered with an HTML page (${statusLine}) instead of chart data from ${url}: ` +
        `a block page, a captive portal or a changed API — try later`
    );
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    if (!ok) throw new Error(`${statusLine} from ${url}`);
    throw new Error(`unexpected response from ${url}: not JSON (${(error as Error).message})`);
  }
  const chartError = (body as {chart?: {error?: {code?: unknown; description?: unknown}}})?.chart?.error;
  if (chartError && chartError.code === "Not Found")
    throw new Error(`Yahoo has no such ticker ("${chartError.description}") — check the symbol`);
  if (!ok) {
    const detail = chartError ? `: ${chartError.code}: ${chartError.description}` : "";
    throw new Error(`${statusLine} from ${url}${detail}`);
  }
  if (chartError) throw new Error(`Yahoo refused: ${chartError.code}: ${chartError.description}`);
  return body;
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
