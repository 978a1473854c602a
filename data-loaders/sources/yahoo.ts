/**
 * Daily prices from Yahoo's public chart endpoint: close, adjusted close,
 * dividends and splits, one request per ticker.
 *
 * We write our own small client rather than use yahoo-finance2: its chart call
 * goes through its cookie/crumb machinery and its own hosts, which loopback
 * tests cannot point at; this one takes a base URL we can aim at 127.0.0.1
 * (and an injectable fetch), and the v8 chart endpoint needs no crumb.
 */
import {formatDay} from "../../src/lib/dates.js";
import type {Answer} from "../network.js";
import {rejectionWarnings, screenSeries} from "../price-rules.js";
import type {SourceDefinition} from "../source.js";
import type {PriceSeries} from "../types.js";

const DAY_MS = 86_400_000;
const DAY_S = 86_400;
// Yahoo answers scripts without a browser-like User-Agent with 429s far sooner.
const USER_AGENT =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

/** Yahoo's daily chart endpoint: no key; the spine caches, refreshes incrementally, retries and detects offline. */
export const yahoo: SourceDefinition = {
  name: "yahoo",
  title: "Yahoo Finance daily chart data",
  kind: "network",
  baseUrl: "https://query2.finance.yahoo.com",
  async fetchTicker(ticker, {start, end}, {baseUrl, get}) {
    const url = chartUrl(baseUrl, ticker, start, end);
    const body = readAnswer(await get(url, {"User-Agent": USER_AGENT, Accept: "application/json"}));
    try {
      return parseChart(ticker, body, {start, end});
    } catch (error) {
      throw new Error(`unexpected response from ${url}: ${(error as Error).message}`);
    }
  }
};

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
function readAnswer({url, status, ok, statusLine, text}: Answer): unknown {
  if (status === 404) throw new Error("Yahoo has no such ticker (HTTP 404) — check the symbol");
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
