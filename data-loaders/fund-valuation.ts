import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {formatDay} from "../src/lib/dates.js";
import {isStale, type FundValuation, type FundValuationSnapshot} from "../src/lib/fund-valuation.js";
import {writeFileAtomic} from "./atomic.js";
import {classifyError, withTimeout} from "./network.js";
import {appendValuationHistory, readValuationHistory} from "./valuation-history.js";
import type {FundValuationMode} from "./settings.js";

/**
 * Fund-level valuation (P/E, P/B, P/S, P/CF of each ETF's holdings) from
 * Yahoo's quoteSummary topHoldings module via yahoo-finance2, kept in
 * <cacheDir>/fund-valuation.json. A cache younger than a day is reused; a
 * live fetch that yields no row never overwrites the cache; offline, the
 * first ticker's network failure skips the others. The fundValuation and
 * fundTimeoutMs settings (settings.ts) tune it.
 */

export type Multiples = Omit<FundValuation, "ticker">;
/** One fund's multiples; rejects when the provider has none. The signal aborts on timeout. */
export type FundProvider = (ticker: string, options: {signal: AbortSignal}) => Promise<Multiples>;

export interface FundValuationOptions {
  /** Folder of the on-disk cache (readSettings().cacheDir). */
  cacheDir: string;
  /** Default: yahooFundProvider(). */
  provider?: FundProvider;
  now?: number;
  log?: (message: string) => void;
  /** auto: cache younger than a day, else live; cache: the cache only; off: nothing (settings.fundValuation.mode). */
  mode: FundValuationMode;
  /** Per-ticker time limit in ms (settings.fundValuation.timeoutMs). */
  timeoutMs: number;
}

interface CacheFile {
  fetchedAt: string;
  /** The tickers asked for, so a fresh cache made for another universe is not reused as complete. */
  tickers: string[];
  rows: FundValuation[];
}

const DAY = 86_400_000;
const CACHE_FILE = "fund-valuation.json";

/**
 * The snapshot for these tickers: the fresh cache, else live, else the older cache (with warnings), else none; with
 * the history of snapshots kept in the cache, to which a live or cached snapshot is added (valuation-history.ts). Never
 * throws for a failed fetch.
 */
export async function fetchFundValuations(
  tickers: readonly string[],
  options: FundValuationOptions
): Promise<FundValuationSnapshot> {
  const {cacheDir, log = () => {}, mode} = options;
  const snapshot = await latestSnapshot(tickers, options);
  if (mode === "off") return {...snapshot, history: []};
  const all =
    snapshot.status === "none"
      ? readValuationHistory(cacheDir, log)
      : appendValuationHistory(cacheDir, {fetchedAt: snapshot.fetchedAt!, rows: snapshot.rows}, log);
  return {...snapshot, history: all.filter((r) => tickers.includes(r.ticker))};
}

/** The latest snapshot alone, as fetchFundValuations describes it. */
async function latestSnapshot(
  tickers: readonly string[],
  options: FundValuationOptions
): Promise<Omit<FundValuationSnapshot, "history">> {
  const {cacheDir, now = Date.now(), log = () => {}, mode, timeoutMs} = options;
  const warnings: string[] = [];
  const none = (why: string): Omit<FundValuationSnapshot, "history"> => ({
    status: "none",
    fetchedAt: null,
    rows: [],
    warnings: [...warnings, why]
  });
  if (mode === "off") return none("fund valuation is off (WORKBENCH_FUND_VALUATION=off): nothing fetched or read");

  const path = join(cacheDir, CACHE_FILE);
  const cached = readCache(path, warnings);
  const fromCache = (c: CacheFile): Omit<FundValuationSnapshot, "history"> => {
    const rows = c.rows.filter((r) => tickers.includes(r.ticker));
    if (!rows.length)
      return none(`the cached snapshot of ${formatDay(Date.parse(c.fetchedAt))} has none of these tickers`);
    const stale = isStale(c.fetchedAt, now)
      ? [
          `stale: fetched ${formatDay(Date.parse(c.fetchedAt))}, ${Math.floor((now - Date.parse(c.fetchedAt)) / DAY)} days ago`
        ]
      : [];
    return {status: "cache", fetchedAt: c.fetchedAt, rows, warnings: [...warnings, ...stale]};
  };
  if (mode === "cache")
    return cached ? fromCache(cached) : none(`no cached snapshot in ${path} (WORKBENCH_FUND_VALUATION=cache)`);
  if (cached && now - Date.parse(cached.fetchedAt) < DAY && tickers.every((t) => cached.tickers.includes(t)))
    return fromCache(cached);

  const rows = await fetchAll(tickers, options.provider ?? yahooFundProvider({log}), {timeoutMs, log, warnings});
  if (rows.length) {
    const fetchedAt = new Date(now).toISOString();
    writeFileAtomic(path, JSON.stringify({fetchedAt, tickers: [...tickers], rows} satisfies CacheFile, null, 2));
    log(`fund valuation: ${rows.length} of ${tickers.length} funds fetched live`);
    return {status: "live", fetchedAt, rows, warnings};
  }
  if (cached) {
    warnings.push(`live fetch gave no fund: kept the cached snapshot of ${formatDay(Date.parse(cached.fetchedAt))}`);
    return fromCache(cached);
  }
  return none("no live or cached snapshot");
}

/** The first ticker goes alone: when it fails for want of a network, the others are skipped rather than each waiting. */
async function fetchAll(
  tickers: readonly string[],
  provider: FundProvider,
  {timeoutMs, log, warnings}: {timeoutMs: number; log: (m: string) => void; warnings: string[]}
): Promise<FundValuation[]> {
  let down: string | null = null;
  const one = async (ticker: string): Promise<FundValuation | null> => {
    try {
      const m = await withTimeout((signal) => provider(ticker, {signal}), timeoutMs);
      if ([m.pe, m.pb, m.ps, m.pcf].every((v) => v === null)) throw new Error("no valuation multiples");
      return {ticker, pe: m.pe, pb: m.pb, ps: m.ps, pcf: m.pcf};
    } catch (error) {
      const message = describeError(error);
      // Offline, or no answer in time (network.ts): the first fund's failure says the same of the others.
      if (classifyError(error) !== "fatal") down = message;
      warnings.push(`${ticker}: live fetch failed: ${message}`);
      log(`fund valuation: ${ticker} failed: ${message}`);
      return null;
    }
  };
  if (!tickers.length) return [];
  const first = await one(tickers[0]);
  if (down) {
    if (tickers.length > 1) warnings.push(`network unavailable (${down}): skipped ${tickers.slice(1).join(", ")}`);
    return [];
  }
  const rest = await Promise.all(tickers.slice(1).map(one));
  return [first, ...rest].filter((r): r is FundValuation => r !== null);
}

function describeError(error: unknown): string {
  const e = error as {message?: string; cause?: {code?: string}};
  return `${e?.message ?? String(error)}${e?.cause?.code ? ` (${e.cause.code})` : ""}`;
}

function readCache(path: string, warnings: string[]): CacheFile | null {
  if (!existsSync(path)) return null;
  try {
    const c = JSON.parse(readFileSync(path, "utf8")) as CacheFile;
    if (Number.isNaN(Date.parse(c.fetchedAt)) || !Array.isArray(c.rows) || !Array.isArray(c.tickers))
      throw new Error("not a fund valuation snapshot");
    return c;
  } catch (error) {
    warnings.push(`ignored unreadable cache ${path}: ${(error as Error).message}`);
    return null;
  }
}

/** When the cached snapshot was fetched, or "none": `npm run data -- prepare` folds it into its key, so Framework's copy follows the cache. */
export function fundValuationStamp(cacheDir: string): string {
  const c = readCache(join(cacheDir, CACHE_FILE), []);
  return c ? c.fetchedAt : "none";
}

/**
 * A multiple from a Yahoo topHoldings.equityHoldings field. Yahoo (from
 * Morningstar) sends these as yields, earnings over price, so the multiple is
 * the reciprocal. The evidence, settled for issue 10: yahoo-finance2's own
 * recorded answer tests/fixtures/http/quoteSummary-all-QQQ.json (commit
 * 367731df, recorded 2026-10-03, all modules of QQQ) has equityHoldings
 * {priceToEarnings: 0.03423, priceToBook: 0.11619, priceToSales: 0.1614,
 * priceToCashflow: 0.0436} while summaryDetail.trailingPE in the same answer
 * is 30.55: 1 / 0.03423 = 29.2× earnings agrees with it, and 0.034× could
 * not be a P/E; P/B 8.6× and P/S 6.2× are the Nasdaq-100's. yahoo-finance2's
 * schema (TopHoldingsEquityHoldings) types them as plain numbers and says
 * nothing of units. (Recordings from 2019 elsewhere show priceToEarnings
 * 25.46 beside priceToEarningsCat: Yahoo sent multiples then. No rule on the
 * size of the value can tell the two apart, since a cheap fund's sales yield
 * exceeds 1, so we follow today's answers.) The value comes as a number once
 * yahoo-finance2 has coerced it, or as Yahoo's {raw, fmt} when it has not;
 * 0, {} or anything else is null.
 */
export function multipleFromYield(value: unknown): number | null {
  const y =
    typeof value === "number"
      ? value
      : typeof (value as {raw?: unknown})?.raw === "number"
        ? (value as {raw: number}).raw
        : NaN;
  return Number.isFinite(y) && y > 0 ? 1 / y : null;
}

/** Maps a quoteSummary result with the topHoldings module to the fund's multiples; throws when it has no equityHoldings. */
export function multiplesFromQuoteSummary(summary: unknown): Multiples {
  const equity = (summary as {topHoldings?: {equityHoldings?: Record<string, unknown>}} | null)?.topHoldings
    ?.equityHoldings;
  if (!equity || typeof equity !== "object") throw new Error("no topHoldings.equityHoldings in the answer");
  return {
    pe: multipleFromYield(equity.priceToEarnings),
    pb: multipleFromYield(equity.priceToBook),
    ps: multipleFromYield(equity.priceToSales),
    pcf: multipleFromYield(equity.priceToCashflow)
  };
}

/**
 * The default provider: yahoo-finance2's quoteSummary(ticker, {modules: ["topHoldings"]}).
 * The package is imported on first use only, so "off", "cache" and a fresh cache cost nothing.
 * Its logger goes to `log` (its default writes to stdout, which is a loader's output).
 * Validation is off: a fund missing one multiple fails the package's schema, yet the others are good.
 */
export function yahooFundProvider({log = () => {}}: {log?: (message: string) => void} = {}): FundProvider {
  type Client = {
    quoteSummary(
      symbol: string,
      query: {modules: ["topHoldings"]},
      module: {validateResult: false; fetchOptions: {signal: AbortSignal}}
    ): Promise<unknown>;
  };
  let client: Promise<Client> | undefined;
  const say = (...args: unknown[]) => log(`yahoo-finance2: ${args.map(String).join(" ")}`);
  return async (ticker, {signal}) => {
    client ??= import("yahoo-finance2").then(
      ({default: YahooFinance}) =>
        new YahooFinance({
          suppressNotices: ["yahooSurvey"],
          logger: {info: say, warn: say, error: say, dir: say, debug: () => {}}
        })
    );
    const summary = await (
      await client
    ).quoteSummary(ticker, {modules: ["topHoldings"]}, {validateResult: false, fetchOptions: {signal}});
    return multiplesFromQuoteSummary(summary);
  };
}
