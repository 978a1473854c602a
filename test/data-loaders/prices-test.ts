import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from "vitest";
import {listCache, readCachedSeries, writeCachedSeries} from "../../data-loaders/cache.js";
import {loadPrices, type LoadOptions} from "../../data-loaders/prices.js";
import type {Settings} from "../../data-loaders/settings.js";
import type {FetchOptions, PriceSeries, PriceSource, TickerOutcome} from "../../data-loaders/types.js";
import {formatDay, parseDay} from "../../src/lib/dates.js";
import {fakeSource, testSettings} from "./settings-fixture.js";

const DAY_MS = 86_400_000;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/yahoo/${name}`, import.meta.url), "utf8");
const IJR = fixture("ijr-2025-12.json");
const IVV = fixture("ivv-2025-12.json");
const NOT_FOUND = fixture("not-found.json");
const CSV_FOLDER = fileURLToPath(new URL("../fixtures/csv/folder", import.meta.url));

/** Noon UTC of a day: `now` for a load. */
const noon = (day: string) => parseDay(day) + DAY_MS / 2;
/** The period1 that yahooSource sends for a start day (one day early, in seconds). */
const period1Of = (day: string) => parseDay(day) / 1000 - 86_400;

/** Weekdays from `first` to `last`, inclusive, as YYYY-MM-DD. */
function weekdays(first: string, last: string): string[] {
  const days: string[] = [];
  for (let t = parseDay(first); t <= parseDay(last); t += DAY_MS)
    if (![0, 6].includes(new Date(t).getUTCDay())) days.push(formatDay(t));
  return days;
}

interface Bar {
  day: string;
  close: number;
  adjclose: number;
  volume?: number;
}

/** A body in the shape of Yahoo's chart endpoint (as in test/fixtures/yahoo): bars stamped at the 09:30 New York open. */
function chartBody(symbol: string, bars: Bar[]): string {
  const ts = (day: string) => parseDay(day) / 1000 + 14.5 * 3600;
  const close = bars.map((b) => b.close);
  return JSON.stringify({
    chart: {
      result: [
        {
          meta: {
            currency: "USD",
            symbol,
            gmtoffset: -18000,
            timezone: "EST",
            exchangeTimezoneName: "America/New_York",
            dataGranularity: "1d"
          },
          timestamp: bars.map((b) => ts(b.day)),
          indicators: {
            quote: [{open: close, high: close, low: close, close, volume: bars.map((b) => b.volume ?? 1000)}],
            adjclose: [{adjclose: bars.map((b) => b.adjclose)}]
          }
        }
      ],
      error: null
    }
  });
}

// The loopback server: what it answers per ticker (set by each test), and what it was asked.
type Route = {status: number; body: string};
let routes: Record<string, Route> = {};
let requests: {ticker: string; period1: number; period2: number}[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, "http://127.0.0.1");
    const ticker = decodeURIComponent(url.pathname.replace("/v8/finance/chart/", ""));
    requests.push({
      ticker,
      period1: Number(url.searchParams.get("period1")),
      period2: Number(url.searchParams.get("period2"))
    });
    const {status, body} = routes[ticker] ?? {status: 404, body: NOT_FOUND};
    res.writeHead(status, {"Content-Type": "application/json"});
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let cacheDir: string;
let logs: string[];

beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), "workbench-prices-"));
  routes = {};
  requests = [];
  logs = [];
});

afterEach(() => {
  rmSync(cacheDir, {recursive: true, force: true});
});

const settings = (source: Settings["source"], tickers: string[], more: Partial<Settings> = {}): Settings =>
  testSettings({source, tickers, cacheDir, ...more});

/** Options for a load against the loopback server: no retries, no real waits, a pinned clock. */
const live = (now: number): LoadOptions => ({
  network: {baseUrl, retries: 0, timeoutMs: 5000, sleep: async () => {}, random: () => 0, pace: null},
  now,
  log: (m) => void logs.push(m)
});

function series(ticker: string, days: string[], close = days.map((_, i) => 100 + i)): PriceSeries {
  return {
    ticker,
    date: Float64Array.from(days, parseDay),
    close: Float64Array.from(close),
    adjClose: Float64Array.from(close, (c) => c * 0.9),
    dividend: new Float64Array(days.length),
    split: new Float64Array(days.length).fill(1),
    volume: new Float64Array(days.length).fill(1000)
  };
}

/** Keeps the days of `s` within [start, end], as a real source does. */
function clip(s: PriceSeries, {start, end}: FetchOptions): PriceSeries {
  const keep = Array.from(s.date, (t) => t >= parseDay(start) && (end === undefined || t <= parseDay(end)));
  const pick = (a: Float64Array) => a.filter((_, i) => keep[i]);
  return {
    ticker: s.ticker,
    date: pick(s.date),
    close: pick(s.close),
    adjClose: pick(s.adjClose),
    dividend: pick(s.dividend),
    split: pick(s.split),
    volume: pick(s.volume)
  };
}

describe("loadPrices(settings, {yahoo, now, log}) with source yahoo", () => {
  it("with an empty cache fetches every ticker from settings.start and writes the cache", async () => {
    routes = {IJR: {status: 200, body: IJR}, IVV: {status: 200, body: IVV}};
    const now = noon("2025-12-23");
    const load = await loadPrices(settings("yahoo", ["IJR", "IVV"]), live(now));
    expect(load.source).toBe("yahoo");
    expect(load.notes).toEqual([]);
    expect(requests.map((r) => [r.ticker, r.period1]).sort()).toEqual([
      ["IJR", period1Of("2025-12-01")],
      ["IVV", period1Of("2025-12-01")]
    ]);
    expect(load.series.map((s) => [s.ticker, s.date.length])).toEqual([
      ["IJR", 10],
      ["IVV", 5]
    ]);
    const [ijr] = load.provenance;
    expect(ijr).toMatchObject({
      id: "prices:IJR",
      kind: "prices",
      ticker: "IJR",
      source: "yahoo",
      first: "2025-12-09",
      last: "2025-12-22",
      rows: 10,
      fetchedAt: new Date(now).toISOString(),
      fromCache: false,
      synthetic: false,
      totalReturnBasis: "adjClose"
    });
    // The pending bar of 2025-12-23 (null close) is dropped and said so.
    expect(ijr.warnings).toEqual(["IJR: dropped 1 row with no close"]);
    expect(listCache(cacheDir, "yahoo").map((e) => e.ticker)).toEqual(["IJR", "IVV"]);
    const cached = readCachedSeries(cacheDir, "yahoo", "IJR")!;
    expect(cached.fetchedAt).toBe(new Date(now).toISOString());
    expect(cached.series).toEqual(load.series[0]);
  });

  it("a second load requests only from 10 days before the cached end and merges, rescaling older adjClose", async () => {
    const first = weekdays("2025-12-01", "2025-12-19").map((day, i) => ({day, close: 100 + i, adjclose: 90 + i}));
    routes = {IJR: {status: 200, body: chartBody("IJR", first)}};
    await loadPrices(settings("yahoo", ["IJR"]), live(noon("2025-12-19")));
    expect(requests.map((r) => r.period1)).toEqual([period1Of("2025-12-01")]);

    // Five days later a dividend went ex: Yahoo now quotes every earlier adjusted close 2% lower.
    const days = weekdays("2025-12-01", "2025-12-24");
    const second = days.map((day, i) => ({day, close: 100 + i, adjclose: (90 + i) * (day < "2025-12-22" ? 0.98 : 1)}));
    routes = {IJR: {status: 200, body: chartBody("IJR", second)}};
    requests = [];
    const now = noon("2025-12-24");
    const load = await loadPrices(settings("yahoo", ["IJR"]), live(now));

    // 2025-12-19 minus 10 days; yahooSource asks from one day earlier still.
    expect(requests).toHaveLength(1);
    expect(requests[0].period1).toBe(period1Of("2025-12-09"));
    expect(requests[0].period2).toBe(parseDay("2025-12-24") / 1000 + 86_400);

    const [s] = load.series;
    expect(Array.from(s.date, formatDay)).toEqual(days);
    expect(Array.from(s.close)).toEqual(second.map((b) => b.close));
    // Rows before the overlap (Dec 1–8) came from the cache, rescaled by the factor measured on Dec 9.
    const factor = (96 * 0.98) / 96;
    expect(Array.from(s.adjClose.subarray(0, 6))).toEqual(first.slice(0, 6).map((b) => b.adjclose * factor));
    expect(Array.from(s.adjClose.subarray(6))).toEqual(second.slice(6).map((b) => b.adjclose));
    expect(load.provenance[0]).toMatchObject({
      source: "yahoo",
      fromCache: false,
      rows: days.length,
      last: "2025-12-24",
      fetchedAt: new Date(now).toISOString()
    });
    expect(load.provenance[0].warnings).toEqual([
      expect.stringMatching(/^IJR: adjClose before 2025-12-09 rescaled by 0\.980000/)
    ]);
    expect(readCachedSeries(cacheDir, "yahoo", "IJR")!.series).toEqual(s);
  });

  it("groups tickers by their cached end: an uncached ticker is still fetched from settings.start", async () => {
    writeCachedSeries(
      cacheDir,
      "yahoo",
      series("IJR", weekdays("2025-12-01", "2025-12-19")),
      "2025-12-19T12:00:00.000Z"
    );
    const {sources, calls} = fakeSource((t, o) => ({
      ticker: t,
      ok: true,
      series: clip(series(t, weekdays("2025-12-01", "2025-12-22")), o),
      warnings: []
    }));
    await loadPrices(settings("yahoo", ["IJR", "IVV"]), {sources, now: noon("2025-12-22")});
    expect(calls).toEqual([
      {ticker: "IJR", start: "2025-12-09", end: "2025-12-22"},
      {ticker: "IVV", start: "2025-12-01", end: "2025-12-22"}
    ]);
  });

  it("refetches the whole history from settings.start when the fresh rows do not overlap the cache", async () => {
    // The cache lacks Dec 9, the first day the incremental request returns.
    const cachedDays = weekdays("2025-12-01", "2025-12-19").filter((d) => d !== "2025-12-09");
    writeCachedSeries(cacheDir, "yahoo", series("IJR", cachedDays), "2025-12-19T12:00:00.000Z");
    const {sources, calls} = fakeSource((t, o) => ({
      ticker: t,
      ok: true,
      series: clip(series(t, weekdays("2025-12-01", "2025-12-24")), o),
      warnings: []
    }));
    const load = await loadPrices(settings("yahoo", ["IJR"]), {sources, now: noon("2025-12-24")});
    expect(calls.map((c) => c.start)).toEqual(["2025-12-09", "2025-12-01"]);
    expect(Array.from(load.series[0].date, formatDay)).toEqual(weekdays("2025-12-01", "2025-12-24"));
  });

  it("falls back to the cache with a warning when the live fetch fails for a cached ticker", async () => {
    const cachedAt = "2025-12-20T08:00:00.000Z";
    const cached = series("IJR", weekdays("2025-12-01", "2025-12-19"));
    writeCachedSeries(cacheDir, "yahoo", cached, cachedAt);
    const before = readFileSync(join(cacheDir, "prices", "yahoo", "IJR.json"), "utf8");
    routes = {IJR: {status: 500, body: "<html>Internal Server Error</html>"}};
    const load = await loadPrices(settings("yahoo", ["IJR"]), live(noon("2025-12-22")));
    expect(load.source).toBe("cache");
    expect(load.series).toEqual([cached]);
    const [p] = load.provenance;
    expect(p).toMatchObject({
      source: "cache",
      fromCache: true,
      fetchedAt: cachedAt,
      rows: cached.date.length,
      synthetic: false,
      last: "2025-12-19"
    });
    expect(p.warnings).toEqual([
      `live fetch failed (IJR: HTTP 500 Internal Server Error — try again later); using the copy cached ${cachedAt}`
    ]);
    expect(readFileSync(join(cacheDir, "prices", "yahoo", "IJR.json"), "utf8")).toBe(before);
  });

  it("mixes live and cached tickers and reports source yahoo when any ticker is live", async () => {
    writeCachedSeries(
      cacheDir,
      "yahoo",
      series("IJR", weekdays("2025-12-01", "2025-12-19")),
      "2025-12-20T08:00:00.000Z"
    );
    routes = {IVV: {status: 200, body: IVV}};
    const load = await loadPrices(settings("yahoo", ["IJR", "IVV"]), live(noon("2025-12-22")));
    expect(load.source).toBe("yahoo");
    expect(load.provenance.map((p) => [p.ticker, p.source, p.fromCache])).toEqual([
      ["IJR", "cache", true],
      ["IVV", "yahoo", false]
    ]);
  });

  it("reports a corrupt cache file through log and fetches that ticker from settings.start", async () => {
    mkdirSync(join(cacheDir, "prices", "yahoo"), {recursive: true});
    writeFileSync(join(cacheDir, "prices", "yahoo", "IJR.json"), '{"version":1,"tick');
    routes = {IJR: {status: 200, body: IJR}};
    const load = await loadPrices(settings("yahoo", ["IJR"]), live(noon("2025-12-23")));
    expect(logs).toEqual([expect.stringContaining("ignoring unreadable cache file")]);
    expect(requests.map((r) => r.period1)).toEqual([period1Of("2025-12-01")]);
    expect(load.series[0].date.length).toBe(10);
    expect(readCachedSeries(cacheDir, "yahoo", "IJR")!.series.date.length).toBe(10);
  });

  it("throws suggesting WORKBENCH_SOURCE=sample when Yahoo gives nothing and nothing is cached", async () => {
    routes = {IJR: {status: 500, body: "down"}};
    await expect(loadPrices(settings("yahoo", ["IJR", "NOPE"]), live(noon("2025-12-23")))).rejects.toThrow(
      /Yahoo Finance daily chart data gave no data and nothing is cached:\n {2}IJR: HTTP 500[^\n]*\n {2}NOPE: Yahoo has no such ticker[\s\S]*Set WORKBENCH_SOURCE=sample to work offline/
    );
    expect(listCache(cacheDir, "yahoo")).toEqual([]);
  });
});

describe("loadPrices(settings, {yahoo, now, log}): a bad answer never damages the cached history", () => {
  const good = (last: string) =>
    weekdays("2025-12-01", last).map((day, i) => ({day, close: 100 + i, adjclose: 90 + i}));
  const cachedCloses = () => Array.from(readCachedSeries(cacheDir, "yahoo", "IJR")!.series.close);

  it.each([
    ["zero", 0],
    ["negative", -1]
  ])("one answer of %s closes, then a good one, leaves the history intact", async (_, k) => {
    routes = {IJR: {status: 200, body: chartBody("IJR", good("2025-12-19"))}};
    await loadPrices(settings("yahoo", ["IJR"]), live(noon("2025-12-19")));
    const before = cachedCloses();
    expect(before).toHaveLength(15);

    const bad = good("2025-12-24").map((b) => ({...b, close: b.close * k, adjclose: b.adjclose * k}));
    routes = {IJR: {status: 200, body: chartBody("IJR", bad)}};
    const load = await loadPrices(settings("yahoo", ["IJR"]), live(noon("2025-12-24")));
    expect(load.provenance[0]).toMatchObject({source: "cache", fromCache: true, rows: 15});
    expect(load.provenance[0].warnings[0]).toMatch(
      /^live fetch failed \(IJR: unexpected response .*no usable rows: 2025-12-09: non-positive close/
    );
    expect(cachedCloses()).toEqual(before);

    routes = {IJR: {status: 200, body: chartBody("IJR", good("2025-12-26"))}};
    const after = await loadPrices(settings("yahoo", ["IJR"]), live(noon("2025-12-26")));
    expect(after.provenance[0]).toMatchObject({source: "yahoo", rows: 20});
    expect(cachedCloses()).toEqual(good("2025-12-26").map((b) => b.close));
  });

  it("rejects rows that fail the rule inside an otherwise good answer and keeps the cached day instead", async () => {
    routes = {IJR: {status: 200, body: chartBody("IJR", good("2025-12-19"))}};
    await loadPrices(settings("yahoo", ["IJR"]), live(noon("2025-12-19")));
    // Dec 15 comes back ×1000, Dec 16 as zero: both rejected, the cached Dec 15 and 16 kept.
    const bars = good("2025-12-22").map((b) =>
      b.day === "2025-12-15" ? {...b, close: b.close * 1000} : b.day === "2025-12-16" ? {...b, close: 0} : b
    );
    routes = {IJR: {status: 200, body: chartBody("IJR", bars)}};
    const load = await loadPrices(settings("yahoo", ["IJR"]), live(noon("2025-12-22")));
    expect(load.provenance[0].warnings).toEqual([
      "IJR: 2025-12-15: close 110000 is 1009× the close 109 of 2025-12-12 with no split between; row rejected",
      "IJR: 2025-12-16: non-positive close 0; row rejected"
    ]);
    expect(cachedCloses()).toEqual(good("2025-12-22").map((b) => b.close));
  });

  it("an incremental answer on another basis (IVV's prices as IJR, ×7.77) is refused and the whole history refetched", async () => {
    writeCachedSeries(
      cacheDir,
      "yahoo",
      series("IJR", weekdays("2025-12-01", "2025-12-19")),
      "2025-12-19T12:00:00.000Z"
    );
    const truth = series("IJR", weekdays("2025-12-01", "2025-12-24"));
    const {sources, calls} = fakeSource((t, o) => {
      const s = clip(truth, o);
      // The short request is answered with another fund's prices; the full one correctly.
      if (o.start !== "2025-12-01") s.close = s.close.map((c) => c * 7.77);
      return {ticker: t, ok: true, series: s, warnings: []};
    });
    const load = await loadPrices(settings("yahoo", ["IJR"]), {sources, now: noon("2025-12-24")});
    expect(calls.map((c) => c.start)).toEqual(["2025-12-09", "2025-12-01"]);
    expect(load.provenance[0].warnings).toEqual([
      "IJR: the answer's close on 2025-12-09 is 823.62, 7.770× the cached 106, and no new dividend or split explains 1.000×; fetched the whole history again"
    ]);
    expect(readCachedSeries(cacheDir, "yahoo", "IJR")!.series).toEqual(truth);
  });

  it("keeps the cache when the refetched history covers less than the cached one", async () => {
    const cached = series("IJR", weekdays("2025-12-01", "2025-12-19"));
    writeCachedSeries(cacheDir, "yahoo", cached, "2025-12-19T12:00:00.000Z");
    const {sources} = fakeSource((t, o) => {
      const s = clip(series("IJR", weekdays("2025-12-05", "2025-12-24")), o);
      s.close = s.close.map((c) => c * 3);
      return {ticker: t, ok: true, series: s, warnings: []};
    });
    const load = await loadPrices(settings("yahoo", ["IJR"]), {sources, now: noon("2025-12-24")});
    expect(load.provenance[0]).toMatchObject({source: "cache", rows: cached.date.length});
    expect(load.provenance[0].warnings.join("\n")).toContain(
      "IJR: the full history from fake yahoo starts 2025-12-05, after the cached 2025-12-01; kept the cached copy"
    );
    expect(readCachedSeries(cacheDir, "yahoo", "IJR")!.series).toEqual(cached);
  });

  it("ignores a cached copy holding zero closes (written before answers were checked) and refetches it", async () => {
    const damaged = series("IJR", weekdays("2025-12-01", "2025-12-19"));
    damaged.close[3] = 0;
    writeCachedSeries(cacheDir, "yahoo", damaged, "2025-12-19T12:00:00.000Z");
    routes = {IJR: {status: 200, body: chartBody("IJR", good("2025-12-22"))}};
    await loadPrices(settings("yahoo", ["IJR"]), live(noon("2025-12-22")));
    expect(logs).toEqual([
      expect.stringMatching(/ignoring unreadable cache file .*IJR\.json: non-positive close 0 on 2025-12-04/)
    ]);
    expect(requests.map((r) => r.period1)).toEqual([period1Of("2025-12-01")]);
    expect(cachedCloses()).toEqual(good("2025-12-22").map((b) => b.close));
  });
});

describe("loadPrices(settings, {yahoo, now, log}) with source auto", () => {
  it("returns synthetic sample data, saying why, when Yahoo fails everywhere and nothing is cached", async () => {
    routes = {IJR: {status: 500, body: "down"}, IVV: {status: 500, body: "down"}};
    const tickers = ["IJR", "IVV"];
    const load = await loadPrices(settings("auto", tickers), live(noon("2025-12-23")));
    expect(load.source).toBe("sample");
    expect(load.notes[0]).toBe(
      "Live prices unavailable and nothing cached, so this is synthetic sample data. IJR: HTTP 500 Internal Server Error — try again later"
    );
    expect(load.series.map((s) => s.ticker)).toEqual(tickers);
    for (const p of load.provenance) {
      expect(p).toMatchObject({source: "sample", synthetic: true, fromCache: false});
      expect(p.warnings[0]).toBe("synthetic: generated sample data, not market prices");
      expect(p.warnings.some((w) => w.startsWith("stale"))).toBe(false);
      expect(p.last! <= "2025-12-23").toBe(true);
    }
    expect(logs).toEqual([
      expect.stringMatching(/^auto: no live or cached prices \(IJR: HTTP 500.*\); using synthetic sample data$/)
    ]);
    expect(listCache(cacheDir, "yahoo")).toEqual([]);
    expect(listCache(cacheDir, "sample")).toEqual([]);
  });

  it("returns synthetic sample data when the Yahoo host refuses connections (offline)", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const network = {
      baseUrl: `http://127.0.0.1:${port}`,
      retries: 3,
      timeoutMs: 5000,
      sleep: async () => {},
      pace: null
    };
    const load = await loadPrices(settings("auto", ["SPY"]), {network, now: noon("2025-12-23")});
    expect(load.source).toBe("sample");
    // A refused connection is offline by the one rule (network.ts): no retries, the sample at once.
    expect(load.notes[0]).toMatch(
      /^Live prices unavailable and nothing cached, so this is synthetic sample data\. SPY: offline: cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/
    );
    expect(load.provenance[0].synthetic).toBe(true);
  });

  it("returns the real tickers only when one fails, listing the failed one with rows 0 (never mixing in sample)", async () => {
    routes = {IJR: {status: 200, body: IJR}, IVV: {status: 200, body: IVV}};
    const load = await loadPrices(settings("auto", ["IJR", "NOPE", "IVV"]), live(noon("2025-12-23")));
    expect(load.source).toBe("yahoo");
    expect(load.series.map((s) => s.ticker)).toEqual(["IJR", "IVV"]);
    expect(load.provenance.map((p) => [p.ticker, p.source, p.rows, p.synthetic])).toEqual([
      ["IJR", "yahoo", 10, false],
      ["NOPE", "yahoo", 0, false],
      ["IVV", "yahoo", 5, false]
    ]);
    const nope = load.provenance[1];
    expect(nope).toMatchObject({id: "prices:NOPE", first: null, last: null, fetchedAt: null, fromCache: false});
    expect(nope.warnings).toEqual([expect.stringMatching(/^failed: NOPE: Yahoo has no such ticker/)]);
    expect(load.notes).toEqual([expect.stringMatching(/^NOPE: /)]);
    expect(load.provenance.some((p) => p.warnings.some((w) => w.includes("synthetic")))).toBe(false);
  });

  it("prefers the cache over sample data when Yahoo fails everywhere", async () => {
    writeCachedSeries(
      cacheDir,
      "yahoo",
      series("IJR", weekdays("2025-12-01", "2025-12-19")),
      "2025-12-20T08:00:00.000Z"
    );
    routes = {};
    const load = await loadPrices(settings("auto", ["IJR", "IVV"]), live(noon("2025-12-22")));
    expect(load.source).toBe("cache");
    expect(load.series.map((s) => s.ticker)).toEqual(["IJR"]);
    expect(load.provenance.map((p) => [p.ticker, p.source, p.rows > 0])).toEqual([
      ["IJR", "cache", true],
      ["IVV", "yahoo", false]
    ]);
  });
});

describe("loadPrices(settings, {yahoo, now}) when Yahoo answers with no rows", () => {
  // Yahoo answers a range without trading (a delisted or not-yet-listed fund) with a chart that has no timestamps.
  const noRows = (t: string) =>
    JSON.stringify({
      chart: {result: [{meta: {symbol: t, gmtoffset: -18000}, indicators: {quote: [{}], adjclose: [{}]}}], error: null}
    });

  it("source yahoo lists an uncached ticker with no rows as failed and does not cache it", async () => {
    routes = {IJR: {status: 200, body: IJR}, GONE: {status: 200, body: noRows("GONE")}};
    const load = await loadPrices(settings("yahoo", ["IJR", "GONE"]), live(noon("2025-12-23")));
    expect(load.series.map((s) => s.ticker)).toEqual(["IJR"]);
    const gone = load.provenance[1];
    expect(gone).toMatchObject({ticker: "GONE", rows: 0, fetchedAt: null});
    expect(gone.warnings).toEqual([
      expect.stringMatching(/^failed: GONE: Yahoo returned no rows between 2025-12-01 and 2025-12-23/)
    ]);
    expect(load.notes).toEqual([expect.stringMatching(/^GONE: Yahoo returned no rows/)]);
    expect(listCache(cacheDir, "yahoo").map((e) => e.ticker)).toEqual(["IJR"]);
  });

  it("source auto falls back to sample data when every ticker comes back empty", async () => {
    routes = {IJR: {status: 200, body: noRows("IJR")}, IVV: {status: 200, body: noRows("IVV")}};
    const load = await loadPrices(settings("auto", ["IJR", "IVV"]), live(noon("2025-12-23")));
    expect(load.source).toBe("sample");
    expect(load.series.every((s) => s.date.length > 0)).toBe(true);
    expect(load.notes[0]).toMatch(
      /^Live prices unavailable and nothing cached, so this is synthetic sample data\. IJR: Yahoo returned no rows/
    );
  });

  it("source auto falls back to sample data when the only cache is empty too (as written before empty answers were refused)", async () => {
    writeCachedSeries(cacheDir, "yahoo", series("IJR", []), "2025-12-20T08:00:00.000Z");
    routes = {IJR: {status: 200, body: noRows("IJR")}};
    const load = await loadPrices(settings("auto", ["IJR"]), live(noon("2025-12-23")));
    expect(load.source).toBe("sample");
  });

  it("source yahoo keeps the cached series when Yahoo has nothing new", async () => {
    const cached = series("IJR", weekdays("2025-12-01", "2025-12-19"));
    writeCachedSeries(cacheDir, "yahoo", cached, "2025-12-20T08:00:00.000Z");
    routes = {IJR: {status: 200, body: noRows("IJR")}};
    const load = await loadPrices(settings("yahoo", ["IJR"]), live(noon("2025-12-22")));
    expect(load.series).toEqual([cached]);
    expect(load.provenance[0]).toMatchObject({source: "yahoo", rows: cached.date.length});
  });
});

describe("loadPrices(settings, {now}) with source sample", () => {
  it("generates labelled synthetic data without asking Yahoo", async () => {
    const {sources, calls} = fakeSource((t) => ({ticker: t, ok: false, error: "unused", warnings: []}));
    const load = await loadPrices(settings("sample", ["IWM", "IWB"], {start: "2025-01-01"}), {
      sources,
      now: noon("2025-12-23")
    });
    expect(calls).toEqual([]);
    expect(load.source).toBe("sample");
    expect(load.notes).toEqual([]);
    expect(load.provenance.map((p) => [p.ticker, p.synthetic, p.source])).toEqual([
      ["IWM", true, "sample"],
      ["IWB", true, "sample"]
    ]);
    expect(load.provenance[0].first! >= "2025-01-01").toBe(true);
  });
});

describe("loadPrices(settings, {now}) with source csv", () => {
  it("reads the folder's files and lists a missing ticker as failed", async () => {
    const s = settings("csv", ["SPY", "IJR", "IWM", "QQQ"], {dataDir: CSV_FOLDER, start: "2024-01-01"});
    const now = noon("2024-01-06");
    const load = await loadPrices(s, {now});
    expect(load.source).toBe("csv");
    expect(load.series.map((x) => [x.ticker, x.date.length])).toEqual([
      ["SPY", 3],
      ["IJR", 4],
      ["IWM", 4]
    ]);
    expect(Array.from(load.series[0].close)).toEqual([100.5, 101, 102]);
    expect(load.provenance.map((p) => [p.ticker, p.source, p.rows, p.first, p.last])).toEqual([
      ["SPY", "csv", 3, "2024-01-02", "2024-01-05"],
      ["IJR", "csv", 4, "2024-01-02", "2024-01-05"],
      ["IWM", "csv", 4, "2024-01-02", "2024-01-05"],
      ["QQQ", "csv", 0, null, null]
    ]);
    const [spy, , iwm, qqq] = load.provenance;
    expect(spy).toMatchObject({
      fromCache: false,
      synthetic: false,
      fetchedAt: new Date(now).toISOString(),
      totalReturnBasis: "adjClose"
    });
    expect(spy.warnings).toEqual([expect.stringContaining("line 4")]); // the row of nulls
    expect(iwm.totalReturnBasis).toBe("close+dividends"); // no Adj Close column
    expect(qqq.warnings).toEqual([expect.stringMatching(/^failed: QQQ: no CSV file for QQQ in .*; put QQQ\.csv in/)]);
    expect(load.notes).toEqual([qqq.warnings[0].slice("failed: ".length)]);
  });

  it("clips csv rows to settings.start and to the day of now", async () => {
    // iwm.CSV runs to 2024-01-08.
    const load = await loadPrices(settings("csv", ["IWM"], {dataDir: CSV_FOLDER, start: "2024-01-04"}), {
      now: noon("2024-01-06")
    });
    expect(Array.from(load.series[0].date, formatDay)).toEqual(["2024-01-04", "2024-01-05"]);
  });

  it("throws naming the folder when no ticker can be read", async () => {
    const s = settings("csv", ["BAD", "QQQ"], {dataDir: CSV_FOLDER, start: "2024-01-01"});
    await expect(loadPrices(s, {now: noon("2024-01-06")})).rejects.toThrow(
      `no ticker could be read from ${CSV_FOLDER}:\n  BAD: BAD.csv: header has no close column`
    );
  });
});

describe("loadPrices(settings, {now}): the stale flag", () => {
  const fridayClose = (t: string): TickerOutcome => ({
    ticker: t,
    ok: true,
    series: series(t, weekdays("2025-12-15", "2025-12-19")),
    warnings: []
  });
  const staleWarnings = async (now: number) => {
    const {sources} = fakeSource(fridayClose);
    const load = await loadPrices(settings("yahoo", ["IJR"]), {sources, now});
    return load.provenance[0].warnings.filter((w) => w.startsWith("stale"));
  };

  it("is absent when the last close is 5 days before now", async () => {
    expect(await staleWarnings(parseDay("2025-12-24") + DAY_MS - 1)).toEqual([]);
  });

  it("is set when the last close is more than 5 days before now", async () => {
    expect(await staleWarnings(parseDay("2025-12-25"))).toEqual(["stale: last close 2025-12-19 is 6 days old"]);
  });

  it("is set on a cached copy used after a failed fetch", async () => {
    writeCachedSeries(
      cacheDir,
      "yahoo",
      series("IJR", weekdays("2025-12-01", "2025-12-12")),
      "2025-12-13T08:00:00.000Z"
    );
    routes = {};
    const load = await loadPrices(settings("yahoo", ["IJR"]), live(noon("2025-12-22")));
    expect(load.provenance[0].warnings.at(-1)).toBe("stale: last close 2025-12-12 is 10 days old");
  });

  it("is set on csv data as well", async () => {
    const load = await loadPrices(settings("csv", ["IWM"], {dataDir: CSV_FOLDER, start: "2024-01-01"}), {
      now: noon("2024-02-01")
    });
    expect(load.provenance[0].warnings).toEqual(["stale: last close 2024-01-08 is 24 days old"]);
  });
});
