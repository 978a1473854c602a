// Issue 10 §1: with a key, Tiingo's data flows through every page as Yahoo's does. A loopback server answers in
// Tiingo's documented format (data-loaders/sources/tiingo.ts) with the synthetic sample's prices, the site is built
// from it with WORKBENCH_SOURCE=tiingo, and every page must render as the sample build does, the scoreboard with the
// very same numbers, and the key must appear nowhere in the built site, the build's output or the cache. The same
// build's cache holds two recorded fund valuation snapshots (issue 10 §4), so the Valuation page must show their history.
import {spawn} from "node:child_process";
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {join, resolve} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {generateSample} from "../../data-loaders/sources/sample.js";
import type {PricesMeta} from "../../src/lib/contracts.js";
import {formatDay} from "../../src/lib/dates.js";
import {launchChromium} from "./chromium.js";
import {builtPages, chartsWithMarks, openPage} from "./page-check.js";
import {serveStatic} from "./static-server.js";

const chromiumPath = inject("chromiumPath");
const siteUrl = inject("siteUrl");
const ROOT = resolve(import.meta.dirname, "../..");
const OUTPUT = "test/.tmp/dist-tiingo";
const CACHE = "test/.tmp/cache-tiingo";
const KEY = "tiingo-test-key-5b0c1e9a77d2";

/**
 * Two recorded fund valuation snapshots, two weeks apart, as data-loaders/valuation-history.ts keeps them. By hand:
 * small side (IWC, IJS, IJR, IJT, IWM) median P/E 15 then 16; large side (IVE, IVV, IVW, IWB, SPY) 25 then 25.5.
 */
const PE: Record<string, [number, number]> = {
  IWC: [14, 15],
  IJS: [12, 13],
  IJR: [15, 16],
  IJT: [18, 19],
  IWM: [16, 17],
  IJH: [17, 18],
  IVE: [20, 20.5],
  IVV: [25, 25.5],
  IVW: [32, 32.5],
  IWB: [24, 24.5],
  SPY: [25, 25.5]
};
const DAYS = ["2026-11-06", "2026-11-20"];
function seedValuationSnapshots(cacheDir: string) {
  mkdirSync(cacheDir, {recursive: true});
  const rows = (k: 0 | 1) => Object.entries(PE).map(([ticker, pe]) => ({ticker, pe: pe[k], pb: 2, ps: 1.5, pcf: 12}));
  const fetchedAt = (k: 0 | 1) => `${DAYS[k]}T12:00:00.000Z`;
  writeFileSync(
    join(cacheDir, "fund-valuation.json"),
    JSON.stringify({fetchedAt: fetchedAt(1), tickers: Object.keys(PE), rows: rows(1)})
  );
  const history = ([0, 1] as const).flatMap((k) =>
    rows(k).map((r) => ({date: DAYS[k], fetchedAt: fetchedAt(k), ...r}))
  );
  writeFileSync(join(cacheDir, "fund-valuation-history.json"), JSON.stringify({version: 1, rows: history}));
}

/** Every file under a folder, recursively. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe.skipIf(!chromiumPath || !siteUrl)("the site built from Tiingo (loopback, the sample's prices)", () => {
  let tiingo: Server;
  let served: Server;
  let url = "";
  let build = {code: -1 as number | null, log: ""};
  const asked: {path: string; authorization: string | undefined}[] = [];
  let browser: Browser;

  beforeAll(async () => {
    tiingo = createServer((req, res) => {
      const u = new URL(req.url!, "http://127.0.0.1");
      asked.push({path: u.pathname, authorization: req.headers.authorization});
      const m = /^\/tiingo\/daily\/([^/]+)\/prices$/.exec(u.pathname);
      const json = (status: number, body: unknown) => {
        res.writeHead(status, {"Content-Type": "application/json"});
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== `Token ${KEY}`) return json(401, {detail: "Invalid token."});
      if (!m) return json(404, {detail: "Not found."});
      const [s] = generateSample([decodeURIComponent(m[1])], {
        start: u.searchParams.get("startDate")!,
        end: u.searchParams.get("endDate")!
      });
      // Tiingo's documented row, every field; the adjusted high, low and open scaled like the close.
      json(
        200,
        Array.from(s.date, (t, i) => {
          const f = s.adjClose[i] / s.close[i];
          return {
            date: `${formatDay(t)}T00:00:00.000Z`,
            close: s.close[i],
            high: s.close[i],
            low: s.close[i],
            open: s.close[i],
            volume: s.volume[i],
            adjClose: s.adjClose[i],
            adjHigh: s.close[i] * f,
            adjLow: s.close[i] * f,
            adjOpen: s.close[i] * f,
            adjVolume: s.volume[i],
            divCash: s.dividend[i],
            splitFactor: s.split[i]
          };
        })
      );
    });
    await new Promise<void>((done) => tiingo.listen(0, "127.0.0.1", done));
    const tiingoUrl = `http://127.0.0.1:${(tiingo.address() as AddressInfo).port}`;
    rmSync(resolve(ROOT, OUTPUT), {recursive: true, force: true});
    rmSync(resolve(ROOT, CACHE), {recursive: true, force: true});
    seedValuationSnapshots(resolve(ROOT, CACHE));
    const env = {
      ...process.env,
      WORKBENCH_SOURCE: "tiingo",
      WORKBENCH_TIINGO_URL: tiingoUrl,
      TIINGO_API_KEY: KEY,
      // The recorded snapshots only: never Yahoo.
      WORKBENCH_FUND_VALUATION: "cache",
      WORKBENCH_RESEARCH_SOURCE: "sample",
      WORKBENCH_OUTPUT: OUTPUT,
      WORKBENCH_CACHE_DIR: CACHE
    };
    // Not spawnSync: the loopback server lives in this process and must answer while the build runs.
    build = await new Promise((done) => {
      const child = spawn("npm", ["run", "build"], {cwd: ROOT, env});
      let log = "";
      child.stdout.on("data", (d) => (log += d));
      child.stderr.on("data", (d) => (log += d));
      child.on("close", (code) => done({code, log}));
    });
    if (build.code !== 0) return;
    const site = await serveStatic(resolve(ROOT, OUTPUT), {base: "/tiingo/"});
    served = site.server;
    url = site.url;
    browser = await launchChromium(chromiumPath!);
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of [tiingo, served]) if (s) await new Promise((done) => s.close(done));
  });

  it("builds, asking Tiingo once per ticker with the key in the Authorization header", () => {
    expect(build.code, build.log.slice(-3000)).toBe(0);
    const prices = asked.filter((a) => a.path.startsWith("/tiingo/daily/"));
    expect(prices.length).toBe(11);
    expect(new Set(prices.map((a) => a.authorization))).toEqual(new Set([`Token ${KEY}`]));
  });

  it("says in meta.json that Tiingo answered for every ticker, live and not synthetic", () => {
    const metaFile = files(resolve(ROOT, OUTPUT)).find(
      (f) => /\/meta\.[\w-]+\.json$/.test(f) || f.endsWith("/meta.json")
    );
    expect(metaFile).toBeDefined();
    const meta = JSON.parse(readFileSync(metaFile!, "utf8")) as PricesMeta;
    expect(meta).toMatchObject({requestedSource: "tiingo", source: "tiingo", synthetic: false});
    expect(meta.series.map((s) => [s.ticker, s.source, s.sourceTitle, s.rows > 5000])).toEqual(
      meta.tickers.map((t) => [t, "tiingo", "Tiingo end-of-day prices", true])
    );
  });

  it("puts the key nowhere: not in the built site, the build's output or the cache", () => {
    expect(build.log).not.toContain(KEY);
    for (const file of [...files(resolve(ROOT, OUTPUT)), ...files(resolve(ROOT, CACHE))])
      expect(readFileSync(file).includes(KEY), file).toBe(false);
  });

  for (const path of siteUrl ? builtPages("dist") : []) {
    it(`${path} renders with no error cell, console error or empty chart`, async () => {
      expect(url).not.toBe("");
      const {page, problems} = await openPage(browser, `${url}${path}`);
      expect(problems).toEqual({errorCells: [], consoleErrors: [], pageErrors: [], failedRequests: []});
      expect(await chartsWithMarks(page)).toBeGreaterThan(0);
      await page.close();
    });
  }

  it("the scoreboard shows the sample build's very numbers, credited to Tiingo, with no synthetic banner", async () => {
    const view = "index.html?asof=2026-02-03&period=1y";
    const returns = async (base: string) => {
      const {page} = await openPage(browser, `${base}${view}`);
      const cells = await page.locator(".scoreboard-table tbody tr").allInnerTexts();
      const source = await page.locator(".source-line").first().innerText();
      const banner = await page.locator(".workbench-banner").count();
      await page.close();
      return {cells, source, banner};
    };
    const fromTiingo = await returns(url);
    const fromSample = await returns(siteUrl);
    expect(fromTiingo.cells.length).toBe(11);
    expect(fromTiingo.cells).toEqual(fromSample.cells);
    expect(fromTiingo.source).toMatch(/^Source: Tiingo end-of-day prices · total return from adjusted close/);
    expect(fromTiingo.banner).toBe(0);
  });

  it("the Valuation page shows the two recorded snapshots' median P/E, small against large, with their dates", async () => {
    const {page, problems} = await openPage(browser, `${url}valuation.html`);
    expect(problems.errorCells).toEqual([]);
    const figure = page.locator("figure.workbench-figure", {has: page.locator(".fund-history-count")});
    await expect(figure.locator(".fund-history-count").innerText()).resolves.toBe(
      "2 snapshots kept, 2026-11-06 to 2026-11-20. Source: Yahoo Finance fund holdings (topHoldings, via yahoo-finance2)."
    );
    await expect(figure.locator("figcaption").first().innerText()).resolves.toMatch(
      /Median P\/E of small-cap and large-cap funds' holdings at each of the 2 snapshots kept, 2026-11-06 to 2026-11-20/
    );
    // A line per side and a dot per side and day, the large side above the small one.
    expect(await figure.locator('g[aria-label="line"] path').count()).toBe(2);
    const dots = await figure
      .locator('g[aria-label="dot"] circle')
      .evaluateAll((cs) => cs.map((c) => ({fill: c.getAttribute("fill"), cy: Number(c.getAttribute("cy"))})));
    expect(dots).toHaveLength(4);
    const [small, large] = ["#ef8a62", "#4393c3"].map((f) => dots.filter((d) => d.fill === f).map((d) => d.cy));
    expect(Math.max(...large)).toBeLessThan(Math.min(...small));
    await page.close();
  });

  it("the sample build, with no snapshot, says so instead of drawing a history", async () => {
    const {page} = await openPage(browser, `${siteUrl}valuation.html`);
    await expect(page.locator(".fund-history-count").innerText()).resolves.toMatch(
      /^No snapshot kept yet\. The chart appears/
    );
    await page.close();
  });
});
