// The Yahoo client's hardening (issue 10 §2): a cookie and crumb when Yahoo asks for them, HTML and consent pages
// reported as such, and a global pace. A loopback server plays fc.yahoo.com (at <base>/fc), /v1/test/getcrumb and
// the chart endpoint.
import {readFileSync} from "node:fs";
import {createServer, type IncomingHttpHeaders, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {afterAll, beforeAll, beforeEach, describe, expect, it} from "vitest";
import {pacer} from "../../data-loaders/pace.js";
import {openSource, type NetworkOptions} from "../../data-loaders/source.js";
import {cookieUrl, yahooSource} from "../../data-loaders/sources/yahoo.js";
import {testSettings} from "./settings-fixture.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/yahoo/${name}`, import.meta.url), "utf8");
const IJR = fixture("ijr-2025-12.json");
/** A fixture's chart relabelled as another ticker's (Yahoo names the symbol in meta). */
const as = (symbol: string) => IJR.replace(/"symbol": "[^"]*"/, `"symbol": "${symbol}"`);
const DEC = {start: "2025-12-01", end: "2025-12-31"};
const CRUMB = "Ab3.dE/fG-h";
const COOKIE = "A3=d=AQABBK_test&S=AQAAAtest";
const INVALID_CRUMB = '{"finance":{"result":null,"error":{"code":"Unauthorized","description":"Invalid Crumb"}}}';
const CONSENT_PAGE =
  '<!DOCTYPE html><html><head><title>Yahoo is part of the Yahoo family of brands</title></head><body><form method="post" action="https://consent.yahoo.com/v2/collectConsent?sessionId=3_cc-session_x"><input type="hidden" name="csrfToken" value="x"><button name="agree" value="agree">Accept all</button></form></body></html>';

/** How the server behaves in a test: whether the chart wants a session, what /fc and /getcrumb answer. */
let mode: {chart: "open" | "401" | "crumb-429" | "always-401" | "html" | "consent"; fc: "cookie" | "consent"};
let requests: {path: string; at: number; query: URLSearchParams; headers: IncomingHttpHeaders}[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, "http://127.0.0.1");
    requests.push({path: url.pathname, at: performance.now(), query: url.searchParams, headers: req.headers});
    const send = (status: number, body: string, headers: Record<string, string | string[]> = {}) => {
      res.writeHead(status, {"Content-Type": "application/json", ...headers});
      res.end(body);
    };
    if (url.pathname === "/fc")
      // As fc.yahoo.com: a 404 page that sets the cookie; in the EU, a consent page and no cookie.
      return mode.fc === "cookie"
        ? send(404, "<html>404</html>", {
            "Content-Type": "text/html",
            "Set-Cookie": [`${COOKIE}; Expires=Tue, 07 Dec 2027 06:00:00 GMT; Domain=.yahoo.com; Path=/; Secure`]
          })
        : send(200, CONSENT_PAGE, {"Content-Type": "text/html; charset=utf-8"});
    if (url.pathname === "/v1/test/getcrumb")
      return req.headers.cookie === COOKIE
        ? send(200, CRUMB, {"Content-Type": "text/plain"})
        : send(401, INVALID_CRUMB);
    const ticker = url.pathname.replace("/v8/finance/chart/", "");
    const withSession = url.searchParams.get("crumb") === CRUMB && req.headers.cookie === COOKIE;
    switch (mode.chart) {
      case "open":
        return send(200, as(ticker));
      case "401":
        return withSession ? send(200, as(ticker)) : send(401, INVALID_CRUMB);
      case "crumb-429":
        return withSession ? send(200, as(ticker)) : send(429, INVALID_CRUMB);
      case "always-401":
        return send(401, INVALID_CRUMB);
      case "html":
        return send(200, "<!doctype html><html><body>Please try again later.</body></html>", {
          "Content-Type": "text/html"
        });
      case "consent":
        return send(200, CONSENT_PAGE, {"Content-Type": "text/html"});
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
  mode = {chart: "open", fc: "cookie"};
  requests = [];
});

const SETTINGS = testSettings({cacheDir: "/nonexistent", source: "yahoo"});
/** A fresh yahoo source (its own session memory) on the loopback server, retries recorded instead of slept. */
function loopback(options: NetworkOptions = {}) {
  const sleeps: number[] = [];
  const source = openSource(yahooSource(), SETTINGS, {
    baseUrl,
    retries: 2,
    timeoutMs: 5000,
    pace: null,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    ...options
  });
  return {source, sleeps};
}
const paths = () => requests.map((r) => r.path.replace("/v8/finance/chart/", "chart:"));

describe("the yahoo source's cookie and crumb", () => {
  it("on a 401, gets a cookie and a crumb once, retries with them, and keeps them for the other tickers", async () => {
    mode = {chart: "401", fc: "cookie"};
    const outcomes = await loopback({concurrency: 1}).source.fetch(["IJR", "IVV", "SPY"], DEC);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true]);
    expect(paths()).toEqual(["chart:IJR", "/fc", "/v1/test/getcrumb", "chart:IJR", "chart:IVV", "chart:SPY"]);
    const [, fc, getcrumb, retry] = requests;
    // The cookie request accepts HTML, as Yahoo requires to set the cookie; the crumb goes with that cookie.
    expect(fc.headers.accept).toMatch(/^text\/html/);
    expect(getcrumb.headers.cookie).toBe(COOKIE);
    expect(retry.query.get("crumb")).toBe(CRUMB);
    expect(retry.headers.cookie).toBe(COOKIE);
  });

  it("one handshake serves tickers in flight together", async () => {
    mode = {chart: "401", fc: "cookie"};
    const outcomes = await loopback({concurrency: 4}).source.fetch(["IJR", "IVV", "SPY", "IWM"], DEC);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(paths().filter((p) => p === "/fc")).toHaveLength(1);
    expect(paths().filter((p) => p === "/v1/test/getcrumb")).toHaveLength(1);
  });

  it("reads a 429 that speaks of the crumb as a session problem: a handshake, not a backoff", async () => {
    mode = {chart: "crumb-429", fc: "cookie"};
    const {source, sleeps} = loopback();
    const [outcome] = await source.fetch(["IJR"], DEC);
    expect(outcome.ok).toBe(true);
    expect(paths()).toEqual(["chart:IJR", "/fc", "/v1/test/getcrumb", "chart:IJR"]);
    expect(sleeps).toEqual([]);
  });

  it("says so when Yahoo refuses even with a fresh cookie and crumb", async () => {
    mode = {chart: "always-401", fc: "cookie"};
    const [outcome] = await loopback().source.fetch(["IJR"], DEC);
    expect(outcome).toMatchObject({
      ok: false,
      error:
        "IJR: Yahoo refused the request even with a fresh cookie and crumb (HTTP 401 Unauthorized: Unauthorized: Invalid Crumb) — Yahoo may be blocking this network for now: try later, or set WORKBENCH_SOURCE=tiingo (with a key) or csv"
    });
  });

  it("reports a consent page instead of a cookie, and does not try again for each ticker", async () => {
    mode = {chart: "401", fc: "consent"};
    const outcomes = await loopback({concurrency: 1}).source.fetch(["IJR", "IVV"], DEC);
    expect(outcomes.map((o) => (o.ok ? "ok" : o.error))).toEqual([
      `IJR: Yahoo answered the cookie request with a cookie-consent page (HTTP 200 OK from ${baseUrl}/fc); that consent is not automated here: set WORKBENCH_SOURCE=tiingo (with a key) or csv`,
      expect.stringMatching(/^IVV: Yahoo answered the cookie request with a cookie-consent page/)
    ]);
    expect(paths().filter((p) => p === "/fc")).toHaveLength(1);
  });

  it("takes the cookie from fc.yahoo.com, or from <base>/fc when the base URL is replaced", () => {
    expect(cookieUrl("https://query2.finance.yahoo.com")).toBe("https://fc.yahoo.com/");
    expect(cookieUrl("http://127.0.0.1:8080")).toBe("http://127.0.0.1:8080/fc");
  });

  it("sends no cookie or crumb while Yahoo does not ask for them", async () => {
    await loopback().source.fetch(["IJR"], DEC);
    expect(paths()).toEqual(["chart:IJR"]);
    expect(requests[0].query.has("crumb")).toBe(false);
  });
});

describe("the yahoo source on an HTML page answered with status 200", () => {
  it("reports an HTML page as such, without retrying", async () => {
    mode = {chart: "html", fc: "cookie"};
    const [outcome] = await loopback().source.fetch(["IJR"], DEC);
    expect(outcome.ok ? "" : outcome.error).toMatch(
      /^IJR: Yahoo answered with an HTML page \(HTTP 200 OK\) instead of chart data from http:\/\/127\.0\.0\.1:\d+\/v8\/finance\/chart\/IJR\?.*: a block page, a captive portal or a changed API — try later$/
    );
    expect(requests).toHaveLength(1);
  });

  it("reports a consent page as a consent page", async () => {
    mode = {chart: "consent", fc: "cookie"};
    const [outcome] = await loopback().source.fetch(["IJR"], DEC);
    expect(outcome.ok ? "" : outcome.error).toMatch(
      /^IJR: Yahoo answered with a cookie-consent page \(HTTP 200 OK, HTML\)/
    );
  });
});

describe("the yahoo source's pace", () => {
  it("spaces requests a few a second with jitter, whatever the concurrency (measured on loopback)", async () => {
    const tickers = ["A", "B", "C", "D", "E", "F", "G", "H", "I"];
    // Yahoo's own pace (300 ms ± 50%), four tickers in flight, real timers.
    const source = openSource(yahooSource(), SETTINGS, {baseUrl, retries: 0, timeoutMs: 5000, concurrency: 4});
    const outcomes = await source.fetch(tickers, DEC);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const at = requests.map((r) => r.at).sort((a, b) => a - b);
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    // Each gap is at least 150 ms (less a little for timer and socket slack), and the gaps vary.
    expect(Math.min(...gaps)).toBeGreaterThan(130);
    expect(new Set(gaps.map((g) => Math.round(g / 10))).size).toBeGreaterThan(1);
    expect(at[at.length - 1] - at[0]).toBeGreaterThan(8 * 150);
  });

  it("pacer: 500 callers at once get turns 150–450 ms apart, 300 ms on average (a fake clock)", async () => {
    // A seeded generator, so the gaps are the same every run.
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    // All 500 ask at time 0; each records its turn, the wait it was given.
    const turns: number[] = [];
    const pace = pacer({intervalMs: 300, jitter: 0.5, now: () => 0, sleep: async (ms) => void turns.push(ms), random});
    await Promise.all(Array.from({length: 500}, () => pace()));
    turns.unshift(0); // The first caller goes at once, without a wait.
    const gaps = turns.slice(1).map((t, i) => t - turns[i]);
    expect(turns).toHaveLength(500);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(150);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(450);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    expect(mean).toBeGreaterThan(285);
    expect(mean).toBeLessThan(315);
    // 500 tickers take about two and a half minutes rather than arriving in one burst.
    expect(turns[499]).toBeGreaterThan(140_000);
  });

  it("pacer rejects a bad interval or jitter", () => {
    expect(() => pacer({intervalMs: -1})).toThrow("invalid intervalMs: -1");
    expect(() => pacer({intervalMs: 300, jitter: 2})).toThrow("invalid jitter: 2");
  });
});
