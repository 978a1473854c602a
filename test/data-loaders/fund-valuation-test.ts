import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {
  fetchFundValuations,
  fundValuationStamp,
  multipleFromYield,
  multiplesFromQuoteSummary,
  type FundProvider,
  type Multiples
} from "../../data-loaders/fund-valuation.js";

const NOW = Date.UTC(2026, 4, 20, 12);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TICKERS = ["IWC", "IJR", "IVV"];
const MULTIPLES: Record<string, Multiples> = {
  IWC: {pe: 16, pb: 1.6, ps: 0.9, pcf: 9},
  IJR: {pe: 15, pb: 1.8, ps: 1.1, pcf: 10},
  IVV: {pe: 25, pb: 4.5, ps: 3, pcf: 17}
};

let cacheDir: string;
let calls: string[];
beforeEach(() => {
  cacheDir = mkdtempSync(path.join(tmpdir(), "fund-valuation-test-"));
  calls = [];
});
afterEach(() => rmSync(cacheDir, {recursive: true, force: true}));

const cacheFile = () => path.join(cacheDir, "fund-valuation.json");
const offline = () => Object.assign(new TypeError("fetch failed"), {cause: {code: "ENOTFOUND"}});

/** A provider that records its calls and answers from MULTIPLES, failing the tickers in `fail` with the given error. */
function provider(fail: Record<string, () => Error> = {}): FundProvider {
  return async (ticker) => {
    calls.push(ticker);
    if (fail[ticker]) throw fail[ticker]();
    return MULTIPLES[ticker];
  };
}

function writeCache(fetchedAt: number, rows = [{ticker: "IWC", ...MULTIPLES.IWC}], tickers = TICKERS) {
  writeFileSync(cacheFile(), JSON.stringify({fetchedAt: new Date(fetchedAt).toISOString(), tickers, rows}));
}

const run = (options: Partial<Parameters<typeof fetchFundValuations>[1]> = {}) =>
  fetchFundValuations(TICKERS, {cacheDir, now: NOW, mode: "auto", timeoutMs: 1000, provider: provider(), ...options});

describe("fetchFundValuations(tickers, {provider, now, mode})", () => {
  it("fetches every ticker live, in order, and caches {fetchedAt, tickers, rows}", async () => {
    const r = await run();
    expect(r).toEqual({
      status: "live",
      fetchedAt: "2026-05-20T12:00:00.000Z",
      rows: TICKERS.map((ticker) => ({ticker, ...MULTIPLES[ticker]})),
      warnings: [],
      // The first snapshot starts the history: one row per fund, under the day of the fetch.
      history: TICKERS.map((ticker) => ({
        date: "2026-05-20",
        fetchedAt: "2026-05-20T12:00:00.000Z",
        ticker,
        ...MULTIPLES[ticker]
      })).sort((a, b) => a.ticker.localeCompare(b.ticker))
    });
    expect(calls).toEqual(TICKERS);
    expect(JSON.parse(readFileSync(cacheFile(), "utf8"))).toEqual({
      fetchedAt: r.fetchedAt,
      tickers: TICKERS,
      rows: r.rows
    });
    expect(fundValuationStamp(cacheDir)).toBe(r.fetchedAt);
  });

  it("keeps the other funds when one ticker fails, with a warning naming it", async () => {
    const r = await run({provider: provider({IJR: () => new Error("Quote not found for symbol: IJR")})});
    expect(r.status).toBe("live");
    expect(r.rows.map((x) => x.ticker)).toEqual(["IWC", "IVV"]);
    expect(r.warnings).toEqual(["IJR: live fetch failed: Quote not found for symbol: IJR"]);
  });

  it("treats a fund with no multiple at all as failed", async () => {
    const empty: FundProvider = async (ticker) =>
      ticker === "IVV" ? {pe: null, pb: null, ps: null, pcf: null} : MULTIPLES[ticker];
    const r = await run({provider: empty});
    expect(r.rows.map((x) => x.ticker)).toEqual(["IWC", "IJR"]);
    expect(r.warnings).toEqual(["IVV: live fetch failed: no valuation multiples"]);
  });

  it("skips the other tickers without calling the provider when the first fails for want of DNS", async () => {
    const r = await run({provider: provider({IWC: offline})});
    expect(calls).toEqual(["IWC"]);
    expect(r).toEqual({
      status: "none",
      fetchedAt: null,
      rows: [],
      warnings: [
        "IWC: live fetch failed: fetch failed (ENOTFOUND)",
        "network unavailable (fetch failed (ENOTFOUND)): skipped IJR, IVV",
        "no live or cached snapshot"
      ],
      history: []
    });
    expect(existsSync(cacheFile())).toBe(false);
  });

  it("gives up on a ticker after timeoutMs, aborting its signal, and counts a first-ticker timeout as offline", async () => {
    let aborted = false;
    const hangs: FundProvider = (ticker, {signal}) => {
      calls.push(ticker);
      signal.addEventListener("abort", () => (aborted = true));
      return new Promise(() => {});
    };
    const r = await run({provider: hangs, timeoutMs: 20});
    expect(aborted).toBe(true);
    expect(calls).toEqual(["IWC"]);
    expect(r.status).toBe("none");
    expect(r.warnings[0]).toBe("IWC: live fetch failed: no answer within 0.02 s");
  });

  it("reuses a cache younger than a day without calling the provider", async () => {
    writeCache(NOW - 23 * HOUR);
    const r = await run();
    expect(calls).toEqual([]);
    expect(r).toEqual({
      status: "cache",
      fetchedAt: new Date(NOW - 23 * HOUR).toISOString(),
      rows: [{ticker: "IWC", ...MULTIPLES.IWC}],
      warnings: [],
      history: [
        {date: "2026-05-19", fetchedAt: new Date(NOW - 23 * HOUR).toISOString(), ticker: "IWC", ...MULTIPLES.IWC}
      ]
    });
  });

  it("refetches a fresh cache made for other tickers", async () => {
    writeCache(NOW - HOUR, undefined, ["IWC"]);
    expect((await run()).status).toBe("live");
    expect(calls).toEqual(TICKERS);
  });

  it("keeps a stale cache when the live fetch fails, and says it is stale after 7 days", async () => {
    writeCache(NOW - 10 * DAY);
    const before = readFileSync(cacheFile(), "utf8");
    const r = await run({provider: provider({IWC: offline})});
    expect(r.status).toBe("cache");
    expect(r.fetchedAt).toBe("2026-05-10T12:00:00.000Z");
    expect(r.rows).toEqual([{ticker: "IWC", ...MULTIPLES.IWC}]);
    expect(r.warnings.slice(-2)).toEqual([
      "live fetch gave no fund: kept the cached snapshot of 2026-05-10",
      "stale: fetched 2026-05-10, 10 days ago"
    ]);
    expect(readFileSync(cacheFile(), "utf8")).toBe(before);
  });

  it("does not call a 2-day-old cache stale", async () => {
    writeCache(NOW - 2 * DAY);
    const r = await run({provider: provider({IWC: offline})});
    expect(r.status).toBe("cache");
    expect(r.warnings.some((w) => w.startsWith("stale"))).toBe(false);
  });

  it("never overwrites the cache with an empty result (every ticker failing, not offline)", async () => {
    writeCache(NOW - 3 * DAY);
    const before = readFileSync(cacheFile(), "utf8");
    const fail = () => new Error("Unauthorized");
    const r = await run({provider: provider({IWC: fail, IJR: fail, IVV: fail})});
    expect(calls).toEqual(TICKERS);
    expect(r.status).toBe("cache");
    expect(readFileSync(cacheFile(), "utf8")).toBe(before);
  });

  it('"off" never calls the provider nor reads the cache', async () => {
    writeCache(NOW - HOUR);
    const r = await run({mode: "off"});
    expect(calls).toEqual([]);
    expect(r.status).toBe("none");
    expect(r.warnings).toEqual(["fund valuation is off (WORKBENCH_FUND_VALUATION=off): nothing fetched or read"]);
  });

  it('"cache" reads an old cache without calling the provider, and is "none" without one', async () => {
    expect((await run({mode: "cache"})).status).toBe("none");
    writeCache(NOW - 30 * DAY);
    const r = await run({mode: "cache"});
    expect(calls).toEqual([]);
    expect(r.status).toBe("cache");
    expect(r.warnings).toEqual(["stale: fetched 2026-04-20, 30 days ago"]);
  });

  it("ignores an unreadable cache file with a warning", async () => {
    writeFileSync(cacheFile(), "{not json");
    const r = await run({provider: provider({IWC: offline})});
    expect(r.status).toBe("none");
    expect(r.warnings[0]).toMatch(/^ignored unreadable cache .*fund-valuation\.json: /);
    expect(fundValuationStamp(cacheDir)).toBe("none");
  });
});

describe("the yahoo-finance2 adapter's mapping", () => {
  // The shape of quoteSummary("IJR", {modules: ["topHoldings"]}): Yahoo's equityHoldings are yields
  // (earnings, book, sales and cash flow over price). Coerced by yahoo-finance2 they are numbers; where
  // its validation gave up they stay {raw, fmt}; a missing figure comes as {}.
  const summary = {
    topHoldings: {
      maxAge: 1,
      stockPosition: 0.9934,
      holdings: [{symbol: "ATI", holdingName: "ATI Inc", holdingPercent: 0.0071}],
      equityHoldings: {
        priceToEarnings: 0.0625,
        priceToBook: {raw: 0.5, fmt: "0.50"},
        priceToSales: 0.8,
        priceToCashflow: {},
        medianMarketCap: {raw: 2838.61, fmt: "2.84k"},
        threeYearEarningsGrowth: {raw: 0.0341, fmt: "3.41%"}
      },
      bondHoldings: {},
      sectorWeightings: []
    }
  };

  it("multiplesFromQuoteSummary(summary) turns each yield into its multiple, number or {raw}, and a missing one into null", () => {
    // 1 / 0.0625 = 16, 1 / 0.5 = 2, 1 / 0.8 = 1.25.
    expect(multiplesFromQuoteSummary(summary)).toEqual({pe: 16, pb: 2, ps: 1.25, pcf: null});
  });

  it("multipleFromYield is null for 0, negative, NaN, strings and non-numeric raw", () => {
    expect([0, -0.05, NaN, "0.04", {raw: "0.04"}, null, undefined].map(multipleFromYield)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null
    ]);
    expect(multipleFromYield({raw: 0.04, fmt: "0.04"})).toBeCloseTo(25, 12);
  });

  it("reads yahoo-finance2's recorded QQQ answer as yields: 1 / 0.03423 = 29.2× earnings, beside its trailingPE 30.55", () => {
    // tests/fixtures/http/quoteSummary-all-QQQ.json in gadicc/yahoo-finance2 (recorded 2026-10-03), the parts we read.
    const summary = {
      summaryDetail: {trailingPE: 30.551836},
      topHoldings: {
        equityHoldings: {priceToEarnings: 0.03423, priceToBook: 0.11619, priceToSales: 0.1614, priceToCashflow: 0.0436}
      }
    };
    const m = multiplesFromQuoteSummary(summary);
    expect(m.pe).toBeCloseTo(29.214, 3);
    expect(m.pb).toBeCloseTo(8.607, 3);
    expect(m.ps).toBeCloseTo(6.196, 3);
    expect(m.pcf).toBeCloseTo(22.936, 3);
    // The fund's own trailing P/E is within 5% of the holdings' figure: both are multiples of about 30.
    expect(Math.abs(m.pe! / summary.summaryDetail.trailingPE - 1)).toBeLessThan(0.05);
  });

  it("multiplesFromQuoteSummary throws for an answer without equityHoldings (a stock, or a bond fund)", () => {
    expect(() => multiplesFromQuoteSummary({topHoldings: {holdings: []}})).toThrow("no topHoldings.equityHoldings");
    expect(() => multiplesFromQuoteSummary(null)).toThrow("no topHoldings.equityHoldings");
  });
});

describe("the valuation history in the cache", () => {
  const historyFile = () => path.join(cacheDir, "fund-valuation-history.json");

  it("accumulates one row per fund per day over two days' snapshots, atomically, oldest first", async () => {
    await run();
    const later = {
      IWC: {pe: 17, pb: 1.7, ps: 1, pcf: 9.5},
      IJR: {pe: 16, pb: 1.9, ps: 1.2, pcf: 11},
      IVV: {pe: 26, pb: 4.6, ps: 3.1, pcf: 18}
    };
    const next = await run({now: NOW + DAY, provider: async (t) => later[t as keyof typeof later]});
    expect(next.status).toBe("live");
    expect(next.history.map((r) => [r.date, r.ticker, r.pe])).toEqual([
      ["2026-05-20", "IJR", 15],
      ["2026-05-20", "IVV", 25],
      ["2026-05-20", "IWC", 16],
      ["2026-05-21", "IJR", 16],
      ["2026-05-21", "IVV", 26],
      ["2026-05-21", "IWC", 17]
    ]);
    expect(JSON.parse(readFileSync(historyFile(), "utf8")).rows).toEqual(next.history);
  });

  it("keeps one row per fund and day: a later snapshot the same day replaces the earlier, a cached one changes nothing", async () => {
    await run();
    // Six hours later the day-old rule reuses the cache: the same snapshot, no new row.
    const cached = await run({now: NOW + 6 * HOUR});
    expect(cached.status).toBe("cache");
    expect(cached.history).toHaveLength(3);
    // A refetch later that day (a fresh cache for other tickers forces it) replaces that day's rows.
    writeCache(NOW + 7 * HOUR, [{ticker: "IWC", ...MULTIPLES.IWC}], ["IWC"]);
    const again = await run({
      now: NOW + 8 * HOUR,
      provider: async (t) => ({...MULTIPLES[t], pe: MULTIPLES[t].pe! + 1})
    });
    expect(again.history.map((r) => [r.date, r.ticker, r.pe, r.fetchedAt])).toEqual([
      ["2026-05-20", "IJR", 16, "2026-05-20T20:00:00.000Z"],
      ["2026-05-20", "IVV", 26, "2026-05-20T20:00:00.000Z"],
      ["2026-05-20", "IWC", 17, "2026-05-20T20:00:00.000Z"]
    ]);
  });

  it("gives only the asked funds' rows, keeps the history when a fetch fails, and is empty when off", async () => {
    await run();
    const failing = await run({now: NOW + 2 * DAY, provider: provider({IWC: offline})});
    expect(failing.status).toBe("cache");
    expect(new Set(failing.history.map((r) => r.date))).toEqual(new Set(["2026-05-20"]));
    const one = await fetchFundValuations(["IVV"], {cacheDir, now: NOW, mode: "cache", timeoutMs: 1000});
    expect(one.history.map((r) => r.ticker)).toEqual(["IVV"]);
    const off = await run({mode: "off"});
    expect(off.history).toEqual([]);
  });

  it("ignores an unreadable history with a warning, and starts it again", async () => {
    writeFileSync(historyFile(), "{not json");
    const logs: string[] = [];
    const r = await run({log: (m) => void logs.push(m)});
    expect(logs).toContainEqual(expect.stringMatching(/^ignored unreadable valuation history .*: /));
    expect(r.history).toHaveLength(3);
  });
});
