import {readFileSync} from "node:fs";
import {createServer, type IncomingHttpHeaders, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {afterAll, beforeAll, beforeEach, describe, expect, it} from "vitest";
import {backoffDelay, errorCode, parseRetryAfter} from "../../data-loaders/network.js";
import {readSettings} from "../../data-loaders/settings.js";
import {openSource, type NetworkOptions} from "../../data-loaders/source.js";
import {chartUrl, parseChart, yahoo} from "../../data-loaders/sources/yahoo.js";
import {testSettings} from "./settings-fixture.js";
import type {ProgressEvent} from "../../data-loaders/types.js";
import {formatDay, parseDay} from "../../src/lib/dates.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/yahoo/${name}`, import.meta.url), "utf8");
const IJR = fixture("ijr-2025-12.json");
const IVV = fixture("ivv-2025-12.json");
const AAPL = fixture("aapl-2020-08-split.json");
const NOT_FOUND = fixture("not-found.json");
const DEC = {start: "2025-12-01", end: "2025-12-31"};

// Requests seen by the loopback server, per ticker, reset before each test.
let requests: {ticker: string; url: URL; headers: IncomingHttpHeaders}[] = [];
const count = (ticker: string) => requests.filter((r) => r.ticker === ticker).length;
/** A fixture's chart relabelled as another ticker's (Yahoo names the symbol in meta). */
const as = (body: string, symbol: string) => body.replace(/"symbol": "[^"]*"/, `"symbol": "${symbol}"`);

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, "http://127.0.0.1");
    const ticker = decodeURIComponent(url.pathname.replace("/v8/finance/chart/", ""));
    requests.push({ticker, url, headers: req.headers});
    const json = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, {"Content-Type": "application/json", ...headers});
      res.end(body);
    };
    switch (ticker) {
      case "IJR":
        return json(200, IJR);
      case "IVV":
        return json(200, IVV);
      case "AAPL":
        return json(200, AAPL);
      case "FLAKY": // rate-limited once, with a Retry-After of one second
        return count("FLAKY") === 1
          ? json(429, "Too Many Requests", {"Retry-After": "1"})
          : json(200, as(IJR, "FLAKY"));
      case "PATIENT": // rate-limited for an hour
        return json(429, "Too Many Requests", {"Retry-After": "3600"});
      case "BROKEN":
        return json(500, "<html>Internal Server Error</html>");
      case "RESET": // the connection drops once, then the answer comes
        return count("RESET") === 1 ? req.socket.destroy() : json(200, as(IVV, "RESET"));
      case "MIXUP": // another fund's chart, as a confused proxy might serve it
        return json(200, IVV);
      case "GARBLED":
        return json(200, IJR.slice(0, 120));
      case "EMPTY":
        return json(200, '{"chart":{"result":[],"error":null}}');
      case "GONE": // Yahoo's not-found body, but with status 200
        return json(200, NOT_FOUND);
      case "BADREQ":
        return json(
          400,
          '{"chart":{"result":null,"error":{"code":"Bad Request","description":"Data doesn\'t exist for startDate = 1, endDate = 2"}}}'
        );
      case "SLOW":
        return; // never answers
      default:
        return json(404, NOT_FOUND);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests = [];
});

const SETTINGS = testSettings({cacheDir: "/nonexistent", source: "yahoo"});
/** The yahoo source as the spine runs it, with these network options; unpaced (its pace has tests of its own). */
const yahooSource = (options: NetworkOptions = {}) => openSource(yahoo, SETTINGS, {pace: null, ...options});

/** A source aimed at the loopback server whose waits are recorded instead of slept. */
function loopback(options: NetworkOptions = {}) {
  const sleeps: number[] = [];
  const source = yahooSource({
    baseUrl,
    timeoutMs: 2000,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    ...options
  });
  return {source, sleeps};
}

describe("yahooSource(options).fetch(tickers, {start, end})", () => {
  it("parses IJR: exchange-local days, closes, adjusted closes, volume", async () => {
    const [outcome] = await loopback().source.fetch(["IJR"], DEC);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const {series} = outcome;
    expect(series.ticker).toBe("IJR");
    expect(Array.from(series.date, formatDay)).toEqual([
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
    expect(series.close[0]).toBe(121.69000244140625);
    expect(series.close[9]).toBe(123.30000305175781);
    expect(series.adjClose[5]).toBe(122.047119140625);
    expect(series.volume[0]).toBe(3280100);
    expect(Array.from(series.split)).toEqual(new Array(10).fill(1));
  });

  it("places IJR's 0.572 dividend on its ex-date 2025-12-16 and nowhere else", async () => {
    const [outcome] = await loopback().source.fetch(["IJR"], DEC);
    if (!outcome.ok) throw new Error(outcome.error);
    const j = outcome.series.date.indexOf(parseDay("2025-12-16"));
    expect(j).toBe(5);
    expect(outcome.series.dividend[j]).toBe(0.572);
    expect(outcome.series.dividend.reduce((a, b) => a + b)).toBe(0.572);
  });

  it("drops the null-close row with a warning that counts it", async () => {
    const [outcome] = await loopback().source.fetch(["IJR"], DEC);
    expect(outcome.warnings).toEqual(["IJR: dropped 1 row with no close"]);
    if (outcome.ok) expect(outcome.series.date.includes(parseDay("2025-12-23"))).toBe(false);
  });

  it("reads AAPL's 4-for-1 split on 2020-08-31 (summer time, gmtoffset -14400)", async () => {
    const [outcome] = await loopback().source.fetch(["AAPL"], {start: "2020-08-01", end: "2020-09-30"});
    if (!outcome.ok) throw new Error(outcome.error);
    const {series} = outcome;
    expect(formatDay(series.date[4])).toBe("2020-08-31");
    expect(Array.from(series.split)).toEqual([1, 1, 1, 1, 4, 1, 1]);
    expect(Array.from(series.dividend)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(series.close[4]).toBe(129.0399932861328);
    expect(series.adjClose[4]).toBe(125.700439453125);
    expect(outcome.warnings).toEqual([]);
  });

  it("clips to [start, end] even when Yahoo sends more", async () => {
    const [outcome] = await loopback().source.fetch(["IJR"], {start: "2025-12-15", end: "2025-12-17"});
    if (!outcome.ok) throw new Error(outcome.error);
    expect(Array.from(outcome.series.date, formatDay)).toEqual(["2025-12-15", "2025-12-16", "2025-12-17"]);
  });

  it("asks for daily bars with dividends, splits and adjusted close, as a browser", async () => {
    await loopback().source.fetch(["IJR"], DEC);
    const [{url, headers}] = requests;
    expect(url.pathname).toBe("/v8/finance/chart/IJR");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      period1: String(parseDay("2025-11-30") / 1000),
      period2: String(parseDay("2026-01-01") / 1000),
      interval: "1d",
      events: "div|split",
      includeAdjustedClose: "true"
    });
    // A current desktop Chrome, with the Accept headers a browser sends for an API call.
    expect(headers["user-agent"]).toMatch(
      /^Mozilla\/5\.0 \(Windows NT 10\.0; Win64; x64\) .* Chrome\/14\d\.0\.0\.0 Safari\/537\.36$/
    );
    expect(headers.accept).toBe("application/json,text/plain,*/*");
    expect(headers["accept-language"]).toBe("en-US,en;q=0.9");
    expect(headers.cookie).toBeUndefined();
  });

  it("rejects an answer whose meta.symbol is another ticker's, naming both", async () => {
    const [outcome] = await loopback().source.fetch(["MIXUP"], DEC);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? "" : outcome.error).toMatch(
      /^MIXUP: unexpected response from .*: the answer is for "IVV", not "MIXUP"; answer rejected$/
    );
  });

  it("isolates tickers: ['IJR', 'NOPE', 'IVV'] gives IJR and IVV, and NOPE's error, in order", async () => {
    const outcomes = await loopback().source.fetch(["IJR", "NOPE", "IVV"], DEC);
    expect(outcomes.map((o) => [o.ticker, o.ok])).toEqual([
      ["IJR", true],
      ["NOPE", false],
      ["IVV", true]
    ]);
    expect(outcomes[1]).toMatchObject({error: "NOPE: Yahoo has no such ticker (HTTP 404) — check the symbol"});
    if (outcomes[2].ok) expect(outcomes[2].series.date.length).toBe(5);
    expect(count("NOPE")).toBe(1); // a 404 is not retried
  });

  it("reads a 200 carrying chart.error 'Not Found' as no such ticker, without retrying", async () => {
    const [outcome] = await loopback().source.fetch(["GONE"], DEC);
    expect(outcome).toMatchObject({
      ok: false,
      error: 'GONE: Yahoo has no such ticker ("No data found, symbol may be delisted") — check the symbol'
    });
    expect(count("GONE")).toBe(1);
  });

  it("retries a 429 after the Retry-After the server asked for, then succeeds", async () => {
    const events: ProgressEvent[] = [];
    const {source, sleeps} = loopback();
    const [outcome] = await source.fetch(["FLAKY"], {...DEC, onProgress: (e) => events.push(e)});
    expect(outcome.ok).toBe(true);
    expect(count("FLAKY")).toBe(2);
    expect(sleeps).toEqual([1000]);
    expect(events.map((e) => e.phase)).toEqual(["start", "retry", "done"]);
    expect(events[1].message).toBe("HTTP 429 Too Many Requests; attempt 2 of 5 in 1000 ms");
  });

  it("fails at once, saying how long to wait, when a 429's Retry-After is beyond maxRetryAfterMs", async () => {
    const {source, sleeps} = loopback();
    const [outcome] = await source.fetch(["PATIENT"], DEC);
    expect(outcome.ok ? "" : outcome.error).toMatch(
      /^PATIENT: HTTP 429 Too Many Requests: the server asks to wait 60 min \(Retry-After\) — try again after \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/
    );
    expect(count("PATIENT")).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it("caps a Retry-After at maxDelayMs", async () => {
    const {source, sleeps} = loopback({maxDelayMs: 300});
    await source.fetch(["FLAKY"], DEC);
    expect(sleeps).toEqual([300]);
  });

  it("gives up on a 500 after 1 + retries attempts, backing off exponentially with jitter", async () => {
    const {source, sleeps} = loopback({baseDelayMs: 100});
    const [outcome] = await source.fetch(["BROKEN"], DEC);
    expect(outcome).toMatchObject({
      ok: false,
      error: "BROKEN: gave up after 5 attempts: HTTP 500 Internal Server Error — try again later"
    });
    expect(count("BROKEN")).toBe(5);
    expect(sleeps).toEqual([50, 100, 200, 400]); // random() = 0.5 of 100 × 2^attempt
  });

  it("retries a dropped connection", async () => {
    const {source, sleeps} = loopback();
    const [outcome] = await source.fetch(["RESET"], DEC);
    expect(outcome.ok).toBe(true);
    expect(count("RESET")).toBe(2);
    expect(sleeps).toHaveLength(1);
  });

  it("reports malformed JSON with the URL, without retrying", async () => {
    const [outcome] = await loopback().source.fetch(["GARBLED"], DEC);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(
      outcome.error.startsWith(`GARBLED: unexpected response from ${baseUrl}/v8/finance/chart/GARBLED?period1=`)
    ).toBe(true);
    expect(outcome.error).toMatch(/: not JSON \(.+\)$/);
    expect(count("GARBLED")).toBe(1);
  });

  it("reports a response without chart.result[0]", async () => {
    const [outcome] = await loopback().source.fetch(["EMPTY"], DEC);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatch(/^EMPTY: unexpected response from http:.*: no chart\.result\[0\]$/);
  });

  it("reports another 4xx with Yahoo's own explanation, without retrying", async () => {
    const [outcome] = await loopback().source.fetch(["BADREQ"], DEC);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error).toMatch(/^BADREQ: HTTP 400 Bad Request from http:/);
      expect(outcome.error).toMatch(/: Bad Request: Data doesn't exist for startDate = 1, endDate = 2$/);
    }
    expect(count("BADREQ")).toBe(1);
  });

  it("times out a hanging server after timeoutMs, retrying, then says so", async () => {
    const {source, sleeps} = loopback({timeoutMs: 200, retries: 1});
    const [outcome] = await source.fetch(["SLOW"], DEC);
    expect(outcome).toMatchObject({
      ok: false,
      error: "SLOW: gave up after 2 attempts: no answer within 0.2 s — try again later"
    });
    expect(count("SLOW")).toBe(2);
    expect(sleeps).toEqual([250]);
  });

  it("with retries: 0, a timeout reads 'no answer within …'", async () => {
    const [outcome] = await loopback({timeoutMs: 200, retries: 0}).source.fetch(["SLOW"], DEC);
    expect(outcome).toMatchObject({ok: false, error: "SLOW: no answer within 0.2 s — try again later"});
  });

  it("emits start and done, or start and error, per ticker", async () => {
    const events: ProgressEvent[] = [];
    await loopback({concurrency: 1}).source.fetch(["IJR", "NOPE"], {...DEC, onProgress: (e) => events.push(e)});
    expect(events.map((e) => `${e.ticker} ${e.phase}`)).toEqual(["IJR start", "IJR done", "NOPE start", "NOPE error"]);
    expect(events[1].message).toBe("10 rows");
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      most = Math.max(most, ++inFlight);
      try {
        return await globalThis.fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const outcomes = await loopback({fetch, concurrency: 2}).source.fetch(["IJR", "IVV", "AAPL", "IJR", "IVV"], DEC);
    expect(outcomes.map((o) => o.ticker)).toEqual(["IJR", "IVV", "AAPL", "IJR", "IVV"]);
    expect(most).toBe(2);
  });

  it("returns [] for no tickers", async () => {
    expect(await loopback().source.fetch([], DEC)).toEqual([]);
  });
});

describe("yahooSource(options) when offline", () => {
  const dnsFailure = () =>
    new TypeError("fetch failed", {
      cause: Object.assign(new Error("getaddrinfo ENOTFOUND query2.finance.yahoo.com"), {code: "ENOTFOUND"})
    });

  it("fails fast on ENOTFOUND: no retry, and the remaining tickers fail at once with the same cause", async () => {
    let calls = 0;
    const sleeps: number[] = [];
    const source = yahooSource({
      baseUrl: "https://query2.finance.yahoo.com",
      concurrency: 1,
      fetch: async () => {
        calls++;
        throw dnsFailure();
      },
      sleep: async (ms) => void sleeps.push(ms)
    });
    const outcomes = await source.fetch(["IJR", "IVV", "IWM"], DEC);
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
    const cause =
      "offline: cannot resolve query2.finance.yahoo.com (ENOTFOUND) — check the network connection, or set WORKBENCH_SOURCE=csv or sample";
    expect(outcomes.map((o) => (o.ok ? "ok" : o.error))).toEqual([`IJR: ${cause}`, `IVV: ${cause}`, `IWM: ${cause}`]);
  });

  it("treats EAI_AGAIN the same way", async () => {
    const error = new TypeError("fetch failed", {
      cause: Object.assign(new Error("getaddrinfo EAI_AGAIN"), {code: "EAI_AGAIN"})
    });
    const source = yahooSource({baseUrl: "https://example.test", fetch: async () => Promise.reject(error)});
    const [outcome] = await source.fetch(["IJR"], DEC);
    expect(outcome.ok ? "" : outcome.error).toMatch(/^IJR: offline: cannot resolve example\.test \(EAI_AGAIN\)/);
  });

  it("stops a sibling that is waiting to retry once another ticker finds the network gone", async () => {
    let calls = 0;
    const source = yahooSource({
      baseUrl: "https://query2.finance.yahoo.com",
      concurrency: 2,
      fetch: async (input) => {
        calls++;
        if (String(input).includes("/BUSY?")) return new Response("busy", {status: 503});
        throw dnsFailure();
      },
      // One turn of the event loop lets the DNS failure land first.
      sleep: () => new Promise((resolve) => setImmediate(resolve))
    });
    const outcomes = await source.fetch(["BUSY", "IJR"], DEC);
    expect(calls).toBe(2);
    expect(outcomes.map((o) => (o.ok ? "ok" : o.error.slice(0, 13)))).toEqual(["BUSY: offline", "IJR: offline:"]);
  });
});

describe("yahooSource(options) options", () => {
  it("reads the base URL from WORKBENCH_YAHOO_URL", async () => {
    const settings = readSettings({WORKBENCH_YAHOO_URL: `${baseUrl}/`}, {root: "/nonexistent"});
    const [outcome] = await openSource(yahoo, settings).fetch(["IVV"], DEC);
    expect(outcome.ok).toBe(true);
    expect(count("IVV")).toBe(1);
  });

  it("rejects bad options with the offending value", () => {
    expect(() => yahooSource({concurrency: 0})).toThrow("invalid concurrency: 0");
    expect(() => yahooSource({retries: -1})).toThrow("invalid retries: -1");
    expect(() => yahooSource({timeoutMs: 0})).toThrow("invalid timeoutMs: 0");
    expect(() => yahooSource({baseUrl: "query2.finance.yahoo.com"})).toThrow(
      'invalid baseUrl "query2.finance.yahoo.com": give an http:// or https:// address'
    );
  });

  it("rejects credentials in WORKBENCH_YAHOO_URL without echoing them, before any request", () => {
    let message = "";
    try {
      readSettings({WORKBENCH_YAHOO_URL: `http://alice:s3cret@127.0.0.1:9/`}, {root: "/nonexistent"});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      "WORKBENCH_YAHOO_URL carries a user name or password (user:pass@…), which would end up in logs and the published site: remove it (http://127.0.0.1:9 without them); the providers need no login"
    );
    expect(message).not.toMatch(/alice|s3cret/);
    expect(requests).toEqual([]);
  });

  it("rejects a bad date range before any request", async () => {
    const {source} = loopback();
    await expect(source.fetch(["IJR"], {start: "2025-13-01"})).rejects.toThrow("invalid start: 2025-13-01");
    await expect(source.fetch(["IJR"], {start: "2025-12-02", end: "2025-12-01"})).rejects.toThrow(
      "end 2025-12-01 is before start 2025-12-02"
    );
    expect(requests).toEqual([]);
  });
});

describe("chartUrl(baseUrl, ticker, startMs, endMs)", () => {
  it("encodes the ticker and widens the period by a day on each side", () => {
    const url = chartUrl("https://h", "^GSPC", parseDay("2024-01-02"), parseDay("2024-01-03"));
    expect(url).toBe(
      "https://h/v8/finance/chart/%5EGSPC?period1=1704067200&period2=1704326400&interval=1d&events=div%7Csplit&includeAdjustedClose=true"
    );
  });
});

/** A minimal chart body in Yahoo's shape. */
function chart(result: object) {
  return {chart: {result: [result], error: null}};
}

describe("parseChart(ticker, body, {start, end})", () => {
  const at = (day: string, hourUtc = 14.5) => parseDay(day) / 1000 + hourUtc * 3600;

  it("accepts meta.symbol in any case and rejects another symbol", () => {
    const body = (symbol: string) =>
      chart({
        meta: {gmtoffset: -18000, symbol},
        timestamp: [at("2024-01-02")],
        indicators: {quote: [{close: [2]}]}
      });
    expect(parseChart("brk-b", body("BRK-B")).series.close).toEqual(Float64Array.of(2));
    expect(() => parseChart("IJR", body("IVV"))).toThrow('the answer is for "IVV", not "IJR"; answer rejected');
  });

  it("rejects zero, negative and ×1000 closes (the CSV source's rule) with a warning per row, keeping the rest", () => {
    const days = ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09"];
    const body = chart({
      meta: {gmtoffset: -18000, symbol: "X"},
      timestamp: days.map((d) => at(d)),
      indicators: {
        quote: [{close: [100, 0, -101, 102000, 103, 104]}],
        adjclose: [{adjclose: [99, 99.5, 100, 100.5, 101, 0]}]
      }
    });
    const {series, warnings} = parseChart("X", body);
    expect(Array.from(series.date, formatDay)).toEqual(["2024-01-02", "2024-01-08"]);
    expect(Array.from(series.close)).toEqual([100, 103]);
    expect(warnings).toEqual([
      "X: 2024-01-03: non-positive close 0; row rejected",
      "X: 2024-01-04: non-positive close -101; row rejected",
      "X: 2024-01-05: close 102000 is 1020× the close 100 of 2024-01-02 with no split between; row rejected",
      "X: 2024-01-09: non-positive adjusted close 0; row rejected"
    ]);
  });

  it("keeps a day whose jump a split explains", () => {
    const body = chart({
      meta: {gmtoffset: -18000, symbol: "X"},
      timestamp: [at("2024-01-02"), at("2024-01-03")],
      events: {splits: {[at("2024-01-03")]: {date: at("2024-01-03"), numerator: 1, denominator: 20}}},
      indicators: {quote: [{close: [5, 100]}]}
    });
    const {series, warnings} = parseChart("X", body);
    expect(Array.from(series.close)).toEqual([5, 100]);
    expect(warnings).toEqual([]);
  });

  it("throws when no row passes the rule, so the answer counts as failed", () => {
    const body = chart({
      meta: {gmtoffset: -18000, symbol: "X"},
      timestamp: [at("2024-01-02"), at("2024-01-03")],
      indicators: {quote: [{close: [0, 0]}]}
    });
    expect(() => parseChart("X", body)).toThrow("no usable rows: 2024-01-02: non-positive close 0 (and 1 more rows)");
  });

  it("keeps the last row of a repeated day and sorts the days", () => {
    const body = chart({
      meta: {gmtoffset: -18000},
      timestamp: [at("2024-01-03"), at("2024-01-02"), at("2024-01-03", 20)],
      indicators: {quote: [{close: [3, 2, 3.5], volume: [30, 20, 35]}], adjclose: [{adjclose: [3, 2, 3.5]}]}
    });
    const {series} = parseChart("X", body);
    expect(Array.from(series.date, formatDay)).toEqual(["2024-01-02", "2024-01-03"]);
    expect(Array.from(series.close)).toEqual([2, 3.5]);
    expect(Array.from(series.volume)).toEqual([20, 35]);
  });

  it("gives NaN adjClose when adjclose is absent, and NaN for a null volume", () => {
    const body = chart({
      meta: {gmtoffset: -18000},
      timestamp: [at("2024-01-02"), at("2024-01-03")],
      indicators: {quote: [{close: [2, 3], volume: [null, 30]}]}
    });
    const {series} = parseChart("X", body);
    expect(Array.from(series.adjClose)).toEqual([NaN, NaN]);
    expect(Array.from(series.volume)).toEqual([NaN, 30]);
  });

  it("maps Tokyo bars (stamped 00:00 JST = 15:00 UTC the day before) to their local day", () => {
    const body = chart({
      meta: {gmtoffset: 32400},
      timestamp: [at("2024-01-03", 15), at("2024-01-04", 15)],
      events: {dividends: {[at("2024-01-04", 15)]: {amount: 5, date: at("2024-01-04", 15)}}},
      indicators: {quote: [{close: [100, 101]}]}
    });
    const {series} = parseChart("1306.T", body);
    expect(Array.from(series.date, formatDay)).toEqual(["2024-01-04", "2024-01-05"]);
    expect(Array.from(series.dividend)).toEqual([0, 5]);
  });

  it("falls back to splitRatio text when numerator/denominator are missing", () => {
    const body = chart({
      meta: {gmtoffset: -18000},
      timestamp: [at("2024-01-02")],
      events: {splits: {[at("2024-01-02")]: {date: at("2024-01-02"), splitRatio: "1:10"}}},
      indicators: {quote: [{close: [50]}]}
    });
    expect(parseChart("X", body).series.split[0]).toBeCloseTo(0.1, 12);
  });

  it("warns about an event whose day has no price row", () => {
    const body = chart({
      meta: {gmtoffset: -18000},
      timestamp: [at("2024-01-02"), at("2024-01-03")],
      events: {dividends: {[at("2024-01-03")]: {amount: 0.5, date: at("2024-01-03")}}},
      indicators: {quote: [{close: [2, null]}]}
    });
    const {series, warnings} = parseChart("X", body);
    expect(Array.from(series.dividend)).toEqual([0]);
    expect(warnings).toEqual([
      "X: dropped 1 row with no close",
      "X: dividend of 0.5 on 2024-01-03 has no price row; left out"
    ]);
  });

  it("returns an empty series with a warning when Yahoo has no bars in range", () => {
    const body = chart({meta: {gmtoffset: -18000}, indicators: {quote: [{}], adjclose: [{}]}});
    const {series, warnings} = parseChart("X", body, {start: parseDay("2024-01-06"), end: parseDay("2024-01-07")});
    expect(series.date.length).toBe(0);
    expect(warnings).toEqual(["X: Yahoo returned no rows between 2024-01-06 and 2024-01-07"]);
  });

  it("throws on a missing result or columns that do not line up", () => {
    expect(() => parseChart("X", {chart: {result: null, error: null}})).toThrow("no chart.result[0]");
    expect(() => parseChart("X", "<html>")).toThrow("no chart.result[0]");
    const short = chart({timestamp: [1, 2], indicators: {quote: [{close: [1]}]}});
    expect(() => parseChart("X", short)).toThrow("indicators.quote[0].close has 1 values for 2 timestamps");
    expect(() => parseChart("X", chart({timestamp: [1], indicators: {quote: [{}]}}))).toThrow(
      "no indicators.quote[0].close"
    );
  });
});

describe("backoffDelay(attempt, {baseDelayMs, maxDelayMs, retryAfterMs, random})", () => {
  it("is random() × base × 2^attempt", () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, {baseDelayMs: 500, random: () => 0.5}))).toEqual([
      250, 500, 1000, 2000
    ]);
    expect(backoffDelay(2, {random: () => 0})).toBe(0);
  });

  it("caps the window at maxDelayMs", () => {
    expect(backoffDelay(20, {baseDelayMs: 500, maxDelayMs: 8000, random: () => 0.5})).toBe(4000);
  });

  it("uses the server's Retry-After instead, capped", () => {
    expect(backoffDelay(0, {retryAfterMs: 3000, random: () => 0})).toBe(3000);
    expect(backoffDelay(0, {retryAfterMs: 90_000, maxDelayMs: 30_000})).toBe(30_000);
  });
});

describe("parseRetryAfter(value, now)", () => {
  const now = Date.UTC(2025, 11, 16, 15, 0, 0);
  it("reads delta seconds and HTTP dates", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Tue, 16 Dec 2025 15:00:07 GMT", now)).toBe(7000);
    expect(parseRetryAfter("Tue, 16 Dec 2025 14:00:00 GMT", now)).toBe(0);
  });
  it("is undefined when absent or unreadable", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});

describe("errorCode(error)", () => {
  it("finds the code along the cause chain", () => {
    expect(errorCode(Object.assign(new Error("x"), {code: "ECONNRESET"}))).toBe("ECONNRESET");
    expect(errorCode(new TypeError("fetch failed", {cause: {code: "ENOTFOUND"}}))).toBe("ENOTFOUND");
    expect(errorCode(new Error("plain"))).toBeUndefined();
    expect(errorCode(undefined)).toBeUndefined();
  });
});
