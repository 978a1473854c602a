/**
 * Daily prices from Tiingo's end-of-day endpoint: close, adjusted close,
 * dividends and split factors, one request per ticker, with an API key.
 *
 * What Tiingo documents and answers (https://www.tiingo.com/documentation/end-of-day,
 * "2.1.2 End-of-Day Endpoint"; the recorded answers in hydrosquall/tiingo-python's
 * tests/fixtures/ticker_price_with_date.yaml):
 * - GET https://api.tiingo.com/tiingo/daily/<ticker>/prices?startDate=2015-01-01&endDate=2015-01-05
 *   answers a JSON array, oldest first, of {"date": "2015-01-02T00:00:00.000Z", "close", "high", "low",
 *   "open", "volume", "adjClose", "adjHigh", "adjLow", "adjOpen", "adjVolume", "divCash", "splitFactor"};
 *   adjClose follows CRSP's split and dividend method, divCash is the cash dividend going ex that day
 *   (0.0 otherwise), splitFactor the split ratio (1.0 otherwise).
 * - The token goes as `?token=` or as the header `Authorization: Token <key>`; we send the header, so that
 *   no URL we log, print or put in an error message carries the key.
 * - Errors come as {"detail": "..."}: 404 {"detail": "Error: Ticker 'XYZ' not found"} for an unknown ticker,
 *   401 {"detail": "Invalid token."} for a bad key.
 * - The free plan allows 50 requests an hour and 1,000 a day (500 symbols a month). Over the hourly
 *   allocation Tiingo answers HTTP 429 with "Error: You have run over your hourly request allocation. Please
 *   upgrade at https://api.tiingo.com/pricing to have your limits increased." (as plain text or as the
 *   detail); older answers carried the same sentence with status 200 (hydrosquall/tiingo-python issue 45).
 *   Retrying cannot help within the hour, so a 429 is not retried: the ledger (request-budget.ts) is marked
 *   spent, no further Tiingo request is made until the hour is over, and the cached copies stand in.
 */
import {join} from "node:path";
import {formatDay, parseDay} from "../../src/lib/dates.js";
import {retryableStatus, type Answer} from "../network.js";
import {rejectionWarnings, screenSeries} from "../price-rules.js";
import {QuotaError, requestBudget, type Allowance} from "../request-budget.js";
import type {SourceDefinition} from "../source.js";
import type {PriceSeries} from "../types.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Tiingo's free plan: 50 requests an hour, 1,000 a day. */
export const TIINGO_FREE: readonly Allowance[] = [
  {max: 50, perMs: HOUR, label: "an hour"},
  {max: 1000, perMs: DAY, label: "a day"}
];

/** Where to set the key, for messages. */
const KEY_SETTINGS = `TIINGO_API_KEY (or WORKBENCH_TIINGO_KEY, or "tiingoKey" in workbench.config.json)`;
/** Tiingo's words for a spent quota, whatever the status that carries them. */
const QUOTA = /request allocation|symbol look ?up|run over your/i;

/**
 * The Tiingo source with its allowance and clock (tests pin both).
 * - allowances: the plan's limits, TIINGO_FREE
 * - now: the clock of the request ledger, Date.now
 */
export function tiingoSource({
  allowances = TIINGO_FREE,
  now = Date.now
}: {allowances?: readonly Allowance[]; now?: () => number} = {}): SourceDefinition {
  return {
    name: "tiingo",
    title: "Tiingo end-of-day prices",
    kind: "network",
    needsKey: true,
    keyEnv: ["TIINGO_API_KEY"],
    baseUrl: "https://api.tiingo.com",
    // End-of-day data changes once a day: a copy fetched within six hours is used as it is, sparing the quota.
    freshForMs: 6 * HOUR,
    async fetchTicker(ticker, {start, end}, {baseUrl, key, get, settings}) {
      if (!key) throw new Error(`Tiingo needs an API key: set ${KEY_SETTINGS}`);
      // Keys never reach a message, whatever the server echoes back.
      const redact = (text: string) => text.split(key).join("<key>");
      if (ticker.startsWith("^")) throw new Error(`Tiingo has no index symbols such as ${ticker}; use a fund instead`);
      const budget = requestBudget(join(settings.cacheDir, "quota", "tiingo.json"), {allowances, now});
      try {
        budget.take();
      } catch (error) {
        if (error instanceof QuotaError)
          throw new Error(`Tiingo quota: ${error.message}; no request made (the cached copy is used if there is one)`);
        throw error;
      }
      const url = pricesUrl(baseUrl, ticker, start, end);
      const answer = await get(
        url,
        {Authorization: `Token ${key}`, Accept: "application/json"},
        // A 429 is the quota: spent for the hour, so retrying within minutes only spends more.
        {retryable: (a) => a.status !== 429 && retryableStatus(a)}
      );
      const quota = quotaMessage(answer);
      if (quota) {
        // The hourly allocation frees up within the hour; a daily or monthly one is not worth asking before tomorrow.
        budget.block(now() + (/day|daily|month/i.test(quota) ? DAY : HOUR));
        throw new Error(
          redact(`Tiingo's quota is spent (${answer.statusLine}: ${quota}); no more Tiingo requests for now, try later`)
        );
      }
      try {
        return parseTiingo(ticker, readAnswer(answer), {start, end});
      } catch (error) {
        throw new Error(redact((error as Error).message));
      }
    }
  };
}

/** The source the registry lists: the free plan's limits, the real clock. */
export const tiingo = tiingoSource();

/** Tiingo's symbol for a ticker: share classes take a hyphen (BRK-B), as Tiingo writes them. */
function tiingoSymbol(ticker: string): string {
  return ticker.replace(/\./g, "-");
}

/** The prices request for one ticker between two days (epoch ms at 00:00 UTC, both inclusive). */
export function pricesUrl(baseUrl: string, ticker: string, startMs: number, endMs: number): string {
  return (
    `${baseUrl}/tiingo/daily/${encodeURIComponent(tiingoSymbol(ticker))}/prices` +
    `?startDate=${formatDay(startMs)}&endDate=${formatDay(endMs)}&format=json&resampleFreq=daily`
  );
}

/** Tiingo's "detail" of an error body, or the start of a text body. */
function detail(text: string): string {
  try {
    const json = JSON.parse(text) as {detail?: unknown; error?: unknown} | null;
    const said = json?.detail ?? json?.error;
    if (typeof said === "string") return said;
  } catch {
    // Not JSON: the text itself.
  }
  return text.trim().slice(0, 200);
}

/** The quota sentence when the answer says the allowance is spent (a 429, or that sentence under any status). */
function quotaMessage(answer: Answer): string | null {
  const said = detail(answer.text);
  if (answer.status === 429) return said || "Too Many Requests";
  return QUOTA.test(said) ? said : null;
}

/** The body of an answer, or an error saying what Tiingo answered instead. */
function readAnswer({status, ok, statusLine, text}: Answer): unknown {
  if (status === 401 || status === 403)
    throw new Error(`Tiingo refused the API key (${statusLine}: ${detail(text)}); check ${KEY_SETTINGS}`);
  if (status === 404) throw new Error(`Tiingo has no such ticker (${statusLine}: ${detail(text)}) — check the symbol`);
  if (!ok) throw new Error(`${statusLine} from Tiingo: ${detail(text)}`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`unexpected answer from Tiingo: not JSON (${(error as Error).message})`);
  }
}

/** One row of Tiingo's answer, as documented; only the fields we keep. */
interface TiingoRow {
  date?: unknown;
  close?: unknown;
  adjClose?: unknown;
  divCash?: unknown;
  splitFactor?: unknown;
  volume?: unknown;
}

/**
 * Turns Tiingo's answer into a PriceSeries: one row per day of its "date"
 * (Tiingo stamps a trading day at 00:00 UTC), sorted, the last of a repeated
 * day kept, days outside [start, end] left out. Throws when the body is not an
 * array of rows; a row without a date or a close is dropped with a warning,
 * and rows failing the price rule (price-rules.ts) are rejected with one each.
 * - start, end: the days kept (epoch ms at 00:00 UTC), all by default
 */
export function parseTiingo(
  ticker: string,
  body: unknown,
  {start = -Infinity, end = Infinity}: {start?: number; end?: number} = {}
): {series: PriceSeries; warnings: string[]} {
  if (!Array.isArray(body)) {
    const d = (body as {detail?: unknown})?.detail;
    throw new Error(`unexpected answer from Tiingo: ${typeof d === "string" ? d : "not a list of daily rows"}`);
  }
  const byDay = new Map<number, TiingoRow>();
  let dropped = 0;
  for (const row of body as TiingoRow[]) {
    const day = typeof row?.date === "string" ? parseDay(row.date.slice(0, 10)) : NaN;
    if (Number.isNaN(day) || !finite(row.close)) {
      dropped++;
      continue;
    }
    if (day >= start && day <= end) byDay.set(day, row);
  }
  if (body.length > 0 && dropped === body.length)
    throw new Error(`unexpected answer from Tiingo: none of its ${body.length} rows has a date and a close`);
  const days = [...byDay.keys()].sort((a, b) => a - b);
  const rows = days.map((d) => byDay.get(d)!);
  const series: PriceSeries = {
    ticker,
    date: Float64Array.from(days),
    close: Float64Array.from(rows, (r) => r.close as number),
    adjClose: Float64Array.from(rows, (r) => (finite(r.adjClose) ? (r.adjClose as number) : NaN)),
    dividend: Float64Array.from(rows, (r) =>
      finite(r.divCash) && (r.divCash as number) > 0 ? (r.divCash as number) : 0
    ),
    split: Float64Array.from(rows, (r) =>
      finite(r.splitFactor) && (r.splitFactor as number) > 0 ? (r.splitFactor as number) : 1
    ),
    volume: Float64Array.from(rows, (r) => (finite(r.volume) ? (r.volume as number) : NaN))
  };
  const warnings: string[] = [];
  if (dropped) warnings.push(`${ticker}: dropped ${dropped} row${dropped === 1 ? "" : "s"} without a date or a close`);
  if (days.length === 0)
    warnings.push(
      `${ticker}: Tiingo returned no rows${Number.isFinite(start) ? ` between ${formatDay(start)} and ${formatDay(end)}` : ""}`
    );
  const {series: kept, rejected} = screenSeries(series);
  if (days.length > 0 && kept.date.length === 0) {
    const [{index, reason}] = rejected;
    throw new Error(`no usable rows: ${formatDay(series.date[index])}: ${reason}`);
  }
  warnings.push(...rejectionWarnings(ticker, series, rejected));
  return {series: kept, warnings};
}

function finite(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value);
}
