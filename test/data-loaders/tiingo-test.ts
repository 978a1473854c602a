import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {createServer, type IncomingHttpHeaders, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from "vitest";
import {listCache} from "../../data-loaders/cache.js";
import {loadPrices, type LoadOptions} from "../../data-loaders/prices.js";
import {readSettings, type Settings} from "../../data-loaders/settings.js";
import {openSource, type NetworkOptions} from "../../data-loaders/source.js";
import {SOURCES} from "../../data-loaders/sources/index.js";
import {parseTiingo, pricesUrl, tiingoSource} from "../../data-loaders/sources/tiingo.js";
import {formatDay, parseDay} from "../../src/lib/dates.js";
import {testSettings, withSource} from "./settings-fixture.js";

const DAY_MS = 86_400_000;
const KEY = "tk-0123456789abcdef-secret";
const IJR = readFileSync(new URL("../fixtures/tiingo/ijr-2025-12.json", import.meta.url), "utf8");
const YAHOO_IVV = readFileSync(new URL("../fixtures/yahoo/ivv-2025-12.json", import.meta.url), "utf8");
const YAHOO_NOT_FOUND = readFileSync(new URL("../fixtures/yahoo/not-found.json", import.meta.url), "utf8");
/** The sentence Tiingo sends over the hourly allocation (see data-loaders/sources/tiingo.ts). */
const OVER_HOURLY =
  "Error: You have run over your hourly request allocation. Please upgrade at https://api.tiingo.com/pricing to have your limits increased.";

/** Noon UTC of a day. */
const noon = (day: string) => parseDay(day) + DAY_MS / 2;

type Route = {status: number; body: string; type?: string};
/** What the loopback server answers per Tiingo symbol and per Yahoo ticker (set by each test), and what it was asked. */
let tiingoRoutes: Record<string, Route> = {};
let yahooRoutes: Record<string, Route> = {};
let requests: {provider: "tiingo" | "yahoo"; ticker: string; url: URL; headers: IncomingHttpHeaders}[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, "http://127.0.0.1");
    const tiingo = /^\/tiingo\/daily\/([^/]+)\/prices$/.exec(url.pathname);
    const yahoo = /^\/v8\/finance\/chart\/([^/]+)$/.exec(url.pathname);
    const ticker = decodeURIComponent((tiingo ?? yahoo)?.[1] ?? "");
    requests.push({provider: tiingo ? "tiingo" : "yahoo", ticker, url, headers: req.headers});
    let route: Route;
    if (tiingo) {
      // As Tiingo does: the key is checked before the ticker.
      route =
        req.headers.authorization !== `Token ${KEY}`
          ? {status: 401, body: '{"detail":"Invalid token."}'}
          : (tiingoRoutes[ticker] ?? {status: 404, body: `{"detail":"Error: Ticker '${ticker}' not found"}`});
    } else route = yahooRoutes[ticker] ?? {status: 404, body: YAHOO_NOT_FOUND};
    res.writeHead(route.status, {"Content-Type": route.type ?? "application/json"});
    res.end(route.body);
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
  cacheDir = mkdtempSync(join(tmpdir(), "workbench-tiingo-"));
  tiingoRoutes = {};
  yahooRoutes = {};
  requests = [];
  logs = [];
});

afterEach(() => {
  rmSync(cacheDir, {recursive: true, force: true});
});

const DEC = {start: "2025-12-01", end: "2025-12-31"};
const tiingoRequests = () => requests.filter((r) => r.provider === "tiingo");
const withKey = (more: Partial<Settings> = {}): Settings =>
  testSettings({cacheDir, source: "tiingo", sources: {tiingo: {url: null, key: KEY}}, ...more});
const network = (more: NetworkOptions = {}): NetworkOptions => ({
  baseUrl,
  retries: 2,
  timeoutMs: 5000,
  sleep: async () => {},
  random: () => 0,
  ...more
});

describe("the tiingo source on a loopback server in Tiingo's documented format", () => {
  it("reads IJR: days, closes, adjusted closes, the 0.572 dividend on its ex-date, volumes", async () => {
    tiingoRoutes = {IJR: {status: 200, body: IJR}};
    const [outcome] = await openSource(tiingoSource(), withKey(), network()).fetch(["IJR"], DEC);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const s = outcome.series;
    expect(Array.from(s.date, formatDay)).toEqual([
      "2025-12-09",
      "2025-12-10",
      "2025-12-11",
      "2025-12-12",
      "2025-12-15",
      "2025-12-16",
      "2025-12-17",
      "2025-12-18",
      "2025-12-19",
      "2025-12-22"
    ]);
    expect(Array.from(s.close)).toEqual([
      121.69, 124.09, 125.46, 124.12, 123.72, 122.24, 121.88, 122.13, 122.38, 123.3
    ]);
    expect(s.adjClose[0]).toBe(120.9363);
    expect(s.volume[0]).toBe(3280100);
    expect(
      Array.from(s.dividend)
        .map((d, i) => [formatDay(s.date[i]), d])
        .filter(([, d]) => d)
    ).toEqual([["2025-12-16", 0.572]]);
    expect(Array.from(s.split)).toEqual(new Array(10).fill(1));
    expect(outcome.warnings).toEqual([]);
  });

  it("asks for the range by date with the key in the Authorization header, never in the URL", async () => {
    tiingoRoutes = {IJR: {status: 200, body: IJR}};
    await openSource(tiingoSource(), withKey(), network()).fetch(["IJR"], DEC);
    const [{url, headers}] = tiingoRequests();
    expect(url.pathname).toBe("/tiingo/daily/IJR/prices");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startDate: "2025-12-01",
      endDate: "2025-12-31",
      format: "json",
      resampleFreq: "daily"
    });
    expect(headers.authorization).toBe(`Token ${KEY}`);
    expect(url.href).not.toContain(KEY);
    expect(pricesUrl("https://api.tiingo.com", "BRK.B", parseDay("2024-01-02"), parseDay("2024-01-05"))).toBe(
      "https://api.tiingo.com/tiingo/daily/BRK-B/prices?startDate=2024-01-02&endDate=2024-01-05&format=json&resampleFreq=daily"
    );
  });

  it("reports an unknown ticker (404 with Tiingo's detail) without retrying", async () => {
    const [outcome] = await openSource(tiingoSource(), withKey(), network()).fetch(["NOPE"], DEC);
    expect(outcome).toMatchObject({
      ok: false,
      error: "NOPE: Tiingo has no such ticker (HTTP 404 Not Found: Error: Ticker 'NOPE' not found) — check the symbol"
    });
    expect(tiingoRequests()).toHaveLength(1);
  });

  it("reports a bad key (401) naming where to set it, without the key itself", async () => {
    const settings = withKey({sources: {tiingo: {url: null, key: "wrong-key-value"}}});
    const [outcome] = await openSource(tiingoSource(), settings, network()).fetch(["IJR"], DEC);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBe(
      `IJR: Tiingo refused the API key (HTTP 401 Unauthorized: Invalid token.); check TIINGO_API_KEY (or WORKBENCH_TIINGO_KEY, or "tiingoKey" in workbench.config.json)`
    );
    expect(outcome.error).not.toContain("wrong-key-value");
    expect(tiingoRequests()).toHaveLength(1);
  });

  it("on a 429 says the quota is spent, does not retry, and asks no more for the rest of the hour", async () => {
    let now = noon("2025-12-23");
    tiingoRoutes = {IJR: {status: 429, body: OVER_HOURLY, type: "text/plain"}, IVV: {status: 200, body: IJR}};
    const source = tiingoSource({now: () => now});
    const opened = openSource(source, withKey(), network({concurrency: 1}));
    const [ijr, ivv] = await opened.fetch(["IJR", "IVV"], DEC);
    expect(ijr).toMatchObject({
      ok: false,
      error: `IJR: Tiingo's quota is spent (HTTP 429 Too Many Requests: ${OVER_HOURLY}); no more Tiingo requests for now, try later`
    });
    expect(ivv).toMatchObject({
      ok: false,
      error:
        "IVV: Tiingo quota: the provider said its quota is spent; no request until 2025-12-23 13:00 UTC; no request made (the cached copy is used if there is one)"
    });
    expect(tiingoRequests().map((r) => r.ticker)).toEqual(["IJR"]);
    // The ledger is in the cache, so the next run in that hour does not ask either; after it, it does.
    await openSource(source, withKey(), network()).fetch(["IVV"], DEC);
    expect(tiingoRequests()).toHaveLength(1);
    now += 3_600_001;
    const [later] = await openSource(source, withKey(), network()).fetch(["IVV"], DEC);
    expect(later.ok).toBe(true);
    expect(tiingoRequests()).toHaveLength(2);
  });

  it("reads the quota sentence sent with status 200 (as Tiingo once did) as a spent quota, not as data", async () => {
    tiingoRoutes = {IJR: {status: 200, body: OVER_HOURLY, type: "text/plain"}};
    const [outcome] = await openSource(tiingoSource(), withKey(), network()).fetch(["IJR"], DEC);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.error).toMatch(/^IJR: Tiingo's quota is spent \(HTTP 200 OK: Error: You have run over/);
  });

  it("keeps to the allowance itself: past 3 requests an hour it asks no more and says when it may", async () => {
    const now = noon("2025-12-23");
    const tickers = ["A", "B", "C", "D", "E"];
    tiingoRoutes = Object.fromEntries(tickers.map((t) => [t, {status: 200, body: IJR}]));
    const source = tiingoSource({now: () => now, allowances: [{max: 3, perMs: 3_600_000, label: "an hour"}]});
    const outcomes = await openSource(source, withKey(), network({concurrency: 1})).fetch(tickers, DEC);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, false, false]);
    expect(tiingoRequests()).toHaveLength(3);
    const [d] = outcomes.slice(3);
    if (!d.ok)
      expect(d.error).toBe(
        "D: Tiingo quota: 3 requests made in the last hour and the allowance is 3 an hour; the next is allowed after 2025-12-23 13:00 UTC; no request made (the cached copy is used if there is one)"
      );
  });

  it("reports a malformed body: cut-off JSON, an object instead of rows, rows without a close", async () => {
    tiingoRoutes = {
      CUT: {status: 200, body: IJR.slice(0, 150)},
      OBJ: {status: 200, body: '{"ticker": "OBJ"}'},
      BARE: {status: 200, body: '[{"date": "2025-12-09T00:00:00.000Z"}, {"close": 12.5}]'}
    };
    const outcomes = await openSource(tiingoSource(), withKey(), network()).fetch(["CUT", "OBJ", "BARE"], DEC);
    expect(outcomes.map((o) => (o.ok ? "ok" : o.error))).toEqual([
      expect.stringMatching(/^CUT: unexpected answer from Tiingo: not JSON \(/),
      "OBJ: unexpected answer from Tiingo: not a list of daily rows",
      "BARE: unexpected answer from Tiingo: none of its 2 rows has a date and a close"
    ]);
    // A bad body is the server's last word: no retry.
    expect(tiingoRequests()).toHaveLength(3);
  });

  it("retries a 5xx as every source does", async () => {
    tiingoRoutes = {IJR: {status: 503, body: '{"detail":"Service Unavailable"}'}};
    const [outcome] = await openSource(tiingoSource(), withKey(), network({retries: 2})).fetch(["IJR"], DEC);
    expect(outcome.ok).toBe(false);
    expect(tiingoRequests()).toHaveLength(3);
  });

  it("refuses index symbols without asking", async () => {
    const [outcome] = await openSource(tiingoSource(), withKey(), network()).fetch(["^GSPC"], DEC);
    expect(outcome).toMatchObject({
      ok: false,
      error: "^GSPC: Tiingo has no index symbols such as ^GSPC; use a fund instead"
    });
    expect(tiingoRequests()).toHaveLength(0);
  });
});

describe("parseTiingo(ticker, body, {start, end})", () => {
  it("reads a split factor on its day and clips to [start, end]", () => {
    // AAPL's 4-for-1 split of 2020-08-31, as Tiingo reports it: raw closes, splitFactor 4 on the split day.
    const body = [
      {date: "2020-08-27T00:00:00.000Z", close: 500.04, adjClose: 123.81, divCash: 0, splitFactor: 1, volume: 1},
      {date: "2020-08-28T00:00:00.000Z", close: 499.23, adjClose: 123.61, divCash: 0, splitFactor: 1, volume: 1},
      {date: "2020-08-31T00:00:00.000Z", close: 129.04, adjClose: 127.78, divCash: 0, splitFactor: 4, volume: 1},
      {date: "2020-09-01T00:00:00.000Z", close: 134.18, adjClose: 132.87, divCash: 0, splitFactor: 1, volume: 1}
    ];
    const {series, warnings} = parseTiingo("AAPL", body, {start: parseDay("2020-08-28"), end: parseDay("2020-08-31")});
    expect(Array.from(series.date, formatDay)).toEqual(["2020-08-28", "2020-08-31"]);
    expect(Array.from(series.split)).toEqual([1, 4]);
    expect(warnings).toEqual([]);
  });

  it("an empty list is no rows, with a warning", () => {
    const {series, warnings} = parseTiingo("IJR", [], {start: parseDay("2025-12-24"), end: parseDay("2025-12-26")});
    expect(series.date.length).toBe(0);
    expect(warnings).toEqual(["IJR: Tiingo returned no rows between 2025-12-24 and 2025-12-26"]);
  });
});

describe("the tiingo key setting", () => {
  const root = mkdtempSync(join(tmpdir(), "workbench-tiingo-root-"));
  afterAll(() => rmSync(root, {recursive: true, force: true}));

  it("reads TIINGO_API_KEY, Tiingo's own convention; WORKBENCH_TIINGO_KEY wins over it", () => {
    expect(readSettings({TIINGO_API_KEY: KEY}, {root}).sources.tiingo.key).toBe(KEY);
    expect(readSettings({TIINGO_API_KEY: "b", WORKBENCH_TIINGO_KEY: KEY}, {root}).sources.tiingo.key).toBe(KEY);
    expect(readSettings({WORKBENCH_TIINGO_URL: baseUrl}, {root}).sources.tiingo).toEqual({url: baseUrl, key: null});
  });

  it("source tiingo without a key stops with a message naming every place for it", () => {
    expect(() => readSettings({WORKBENCH_SOURCE: "tiingo"}, {root})).toThrow(
      /^source "tiingo" needs an API key: set WORKBENCH_TIINGO_KEY or TIINGO_API_KEY \(or "tiingoKey" in .*workbench\.config\.json\)$/
    );
  });
});

describe("loadPrices with source tiingo: the cache and incremental refresh", () => {
  const options = (now: number): LoadOptions => ({
    sources: withSource(tiingoSource({now: () => now})),
    network: network(),
    now,
    log: (m) => void logs.push(m)
  });

  it("asks only from ten days before the cached end, and not at all within six hours of the last fetch", async () => {
    tiingoRoutes = {IJR: {status: 200, body: IJR}};
    const first = await loadPrices(withKey({tickers: ["IJR"]}), options(noon("2025-12-23")));
    expect(first.source).toBe("tiingo");
    expect(first.provenance[0]).toMatchObject({source: "tiingo", sourceTitle: "Tiingo end-of-day prices", rows: 10});
    expect(listCache(cacheDir, "tiingo").map((c) => c.ticker)).toEqual(["IJR"]);
    expect(tiingoRequests().map((r) => r.url.searchParams.get("startDate"))).toEqual(["2025-12-01"]);
    // Two hours later: the copy is fresh, no request.
    await loadPrices(withKey({tickers: ["IJR"]}), options(noon("2025-12-23") + 2 * 3_600_000));
    expect(tiingoRequests()).toHaveLength(1);
    // The next day: only the days since the cached end (2025-12-22), with ten days of overlap.
    const next = await loadPrices(withKey({tickers: ["IJR"]}), options(noon("2025-12-24")));
    expect(tiingoRequests().map((r) => r.url.searchParams.get("startDate"))).toEqual(["2025-12-01", "2025-12-12"]);
    expect(next.provenance[0]).toMatchObject({source: "tiingo", rows: 10});
  });
});

describe("loadPrices with source auto: Yahoo, then Tiingo when a key is set, then the cache, then the sample", () => {
  const auto = (key: string | null, tickers = ["IJR", "IVV"]) =>
    testSettings({cacheDir, source: "auto", tickers, sources: {tiingo: {url: null, key}}});
  const options = (now = noon("2025-12-23")): LoadOptions => ({
    network: network({retries: 0}),
    now,
    log: (m) => void logs.push(m)
  });

  it("lists Tiingo after Yahoo in the registry, needing a key", () => {
    expect(SOURCES.map((s) => s.name)).toEqual(["yahoo", "tiingo", "csv", "sample"]);
    expect(SOURCES[1]).toMatchObject({name: "tiingo", kind: "network", needsKey: true});
  });

  it("asks Tiingo for what Yahoo could not give, and provenance names the source of each ticker", async () => {
    yahooRoutes = {IVV: {status: 200, body: YAHOO_IVV}};
    tiingoRoutes = {IJR: {status: 200, body: IJR}};
    const load = await loadPrices(auto(KEY), options());
    expect(load.source).toBe("yahoo, tiingo");
    expect(load.sourceTitle).toBe("Yahoo Finance daily chart data and Tiingo end-of-day prices");
    expect(load.provenance.map((p) => [p.ticker, p.source, p.rows])).toEqual([
      ["IJR", "tiingo", 10],
      ["IVV", "yahoo", 5]
    ]);
    expect(requests.map((r) => `${r.provider}:${r.ticker}`)).toEqual(["yahoo:IJR", "yahoo:IVV", "tiingo:IJR"]);
    expect(listCache(cacheDir, "tiingo").map((c) => c.ticker)).toEqual(["IJR"]);
    expect(listCache(cacheDir, "yahoo").map((c) => c.ticker)).toEqual(["IVV"]);
    // The key reaches no message, provenance or log.
    expect(JSON.stringify({load, logs})).not.toContain(KEY);
  });

  it("does not ask Tiingo without a key", async () => {
    yahooRoutes = {IVV: {status: 200, body: YAHOO_IVV}};
    tiingoRoutes = {IJR: {status: 200, body: IJR}};
    const load = await loadPrices(auto(null), options());
    expect(tiingoRequests()).toEqual([]);
    expect(load.provenance.map((p) => [p.ticker, p.source, p.rows])).toEqual([
      ["IJR", "yahoo", 0],
      ["IVV", "yahoo", 5]
    ]);
  });

  it("falls back to the newest cached copy when both fail, saying what each said; then to the sample", async () => {
    tiingoRoutes = {IJR: {status: 200, body: IJR}};
    await loadPrices(auto(KEY, ["IJR"]), options());
    tiingoRoutes = {IJR: {status: 500, body: '{"detail":"down"}'}};
    const load = await loadPrices(auto(KEY, ["IJR"]), options(noon("2025-12-24")));
    expect(load.source).toBe("cache");
    expect(load.sourceTitle).toBe("Tiingo end-of-day prices from the local cache");
    expect(load.provenance[0]).toMatchObject({source: "cache", fromCache: true, rows: 10});
    expect(load.provenance[0].warnings.at(-1)).toMatch(
      /^live fetch failed \(IJR: yahoo: Yahoo has no such ticker .*; tiingo: HTTP 500 Internal Server Error — try again later\); using the copy cached 2025-12-23T12:00:00.000Z$/
    );
    rmSync(join(cacheDir, "prices"), {recursive: true, force: true});
    const sample = await loadPrices(auto(KEY, ["IJR"]), options(noon("2025-12-24")));
    expect(sample.source).toBe("sample");
    expect(sample.notes[0]).toMatch(
      /^Live prices unavailable and nothing cached.* IJR: yahoo: Yahoo has no such ticker/
    );
  });
});
