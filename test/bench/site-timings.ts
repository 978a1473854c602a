// `npm run bench:site`: what a page costs on the 11-fund site and on a 500-fund one (26 years of sample data each), in
// one run, with ratios. Per universe: build time (cold: fresh data cache and Framework cache), bytes of price data in
// the site, and per page in headless Chromium the time from navigation to the first chart with data, the price bytes
// it downloaded and its JS heap; on the scoreboard, the redraw after a change of period. Medians over repeated runs.
// BENCH_ROOT points it at another checkout (e.g. main's code, for a before/after), BUILDS / LOADS / FUNDS set the sizes.
import {spawnSync} from "node:child_process";
import {existsSync, readdirSync, rmSync, statSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {findChromium, INSTALL_HINT, launchChromium} from "../browser/chromium.js";
import {serveStatic} from "../browser/static-server.js";

const ROOT = resolve(process.env.BENCH_ROOT ?? resolve(import.meta.dirname, "../.."));
const BUILDS = Number(process.env.BUILDS ?? 3);
const LOADS = Number(process.env.LOADS ?? 5);
const FUNDS = Number(process.env.FUNDS ?? 500);
const REDRAWS = 7;
const DEFAULT_TICKERS = ["IWC", "IJS", "IJR", "IJT", "IJH", "IVE", "IVV", "IVW", "SPY", "IWM", "IWB"];
const UNIVERSES: [name: string, tickers: string[]][] = [
  ["11", DEFAULT_TICKERS],
  // The reference funds first, then synthetic others (the sample source makes any ticker): a big declared universe.
  [
    String(FUNDS),
    [...DEFAULT_TICKERS, ...Array.from({length: FUNDS - 11}, (_, i) => `Z${String(i + 1).padStart(3, "0")}`)]
  ]
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const round = (x: number, digits = 0) => +x.toFixed(digits);

/** A cold build of the universe into its own folder; returns the folder and the build's seconds. */
function build(name: string, tickers: string[], run: number): {output: string; seconds: number} {
  const output = `test/.tmp/bench-${name}`;
  const cacheDir = `test/.tmp/bench-cache-${name}-${run}`;
  rmSync(resolve(ROOT, "src/.observablehq/cache"), {recursive: true, force: true});
  rmSync(resolve(ROOT, cacheDir), {recursive: true, force: true});
  const started = performance.now();
  const result = spawnSync("npm", ["run", "build"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 << 20,
    env: {
      ...process.env,
      WORKBENCH_SOURCE: "sample",
      WORKBENCH_RESEARCH_SOURCE: "sample",
      WORKBENCH_FUND_VALUATION: "off",
      WORKBENCH_TICKERS: tickers.join(","),
      WORKBENCH_CACHE_DIR: cacheDir,
      WORKBENCH_OUTPUT: output
    }
  });
  const seconds = (performance.now() - started) / 1000;
  rmSync(resolve(ROOT, cacheDir), {recursive: true, force: true});
  if (result.status !== 0) throw new Error(`build of ${name} funds failed:\n${result.stderr.slice(-3000)}`);
  return {output: resolve(ROOT, output), seconds};
}

/** Bytes of every price file in a built site: prices.arrow (one file) or prices/*.arrow (one per fund). */
function priceBytes(output: string): number {
  const data = join(output, "_file/data");
  const whole = readdirSync(data).filter((f) => /^prices\..*\.arrow$/.test(f));
  const perFund = existsSync(join(data, "prices")) ? readdirSync(join(data, "prices")).map((f) => `prices/${f}`) : [];
  return [...whole, ...perFund].reduce((sum, f) => sum + statSync(join(data, f)).size, 0);
}

/** The built pages, as the site lists them (every .html but 404). */
function pages(output: string): string[] {
  const walk = (dir: string, prefix = ""): string[] =>
    readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
      e.isDirectory() && !e.name.startsWith("_")
        ? walk(join(dir, e.name), `${prefix}${e.name}/`)
        : e.name.endsWith(".html") && e.name !== "404.html"
          ? [`${prefix}${e.name}`]
          : []
    );
  return walk(output).sort();
}

/** Resolves when a Plot chart with a data mark is on the page (not only axes, grids and rules). */
const FIRST_CHART = () =>
  [...document.querySelectorAll('svg[class*="plot"]')].some((svg) =>
    [...svg.querySelectorAll("g[aria-label]")].some(
      (g) =>
        !/axis|grid|rule|tick/.test(g.getAttribute("aria-label") ?? "") &&
        g.querySelector("rect, path, line, circle, text") !== null
    )
  );

/** One cold load of a page: ms to its first chart, price bytes downloaded, JS heap (MB) after a garbage collection. */
async function loadPage(browser: Browser, url: string, output: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  page.on("requestfinished", (r) => {
    const m = /\/(_file\/data\/prices(?:\.[0-9a-f]+\.arrow|\/[^/?]+))$/.exec(new URL(r.url()).pathname);
    if (m) bytes += statSync(join(output, decodeURIComponent(m[1]))).size;
  });
  const started = performance.now();
  await page.goto(url, {waitUntil: "commit"});
  await page.waitForFunction(FIRST_CHART, null, {timeout: 60_000, polling: 20});
  const firstChart = performance.now() - started;
  await page.waitForLoadState("networkidle");
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const {metrics} = await cdp.send("Performance.getMetrics");
  const heap = (metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? NaN) / 1e6;
  return {page, context, firstChart, bytes, heap};
}

/**
 * The scoreboard redrawn for another period, REDRAWS times: ms from the change until its table holds the new figures
 * (`dom`, seen by a MutationObserver the moment the page writes them) and until the frame after that has been painted
 * (`painted`, which adds the wait for the browser's next animation frame, up to 16.7 ms at 60 Hz).
 * A string, not a function: tsx would wrap the function's inner names in a helper the page does not have.
 */
const REDRAW = `(async (n) => {
  const select = [...document.querySelectorAll("form select")].find((s) => [...s.options].some((o) => o.textContent === "1 year"));
  const oneYear = [...select.options].findIndex((o) => o.textContent === "1 year");
  const other = select.selectedIndex === oneYear ? 0 : select.selectedIndex;
  const table = () => document.querySelector(".scoreboard-table")?.textContent ?? "";
  const times = [];
  for (let i = 0; i < n; ++i) {
    const before = table();
    let dom;
    const written = new Promise((done) => {
      const observer = new MutationObserver(() => {
        if (table() === before) return;
        dom = performance.now();
        observer.disconnect();
        done();
      });
      observer.observe(document.body, {subtree: true, childList: true, characterData: true});
    });
    const started = performance.now();
    select.selectedIndex = i % 2 === 0 ? oneYear : other;
    select.dispatchEvent(new Event("input", {bubbles: true}));
    await written;
    // The frame that paints it.
    await new Promise((done) => requestAnimationFrame(done));
    times.push({dom: dom - started, painted: performance.now() - started});
  }
  return times;
})(${REDRAWS})`;

const redraws = (page: Page): Promise<{dom: number; painted: number}[]> => page.evaluate(REDRAW);

const chromium = findChromium();
if (!chromium) {
  console.error(INSTALL_HINT);
  process.exit(0);
}
// The universes take turns, build by build and load by load, so that a change in the machine's load hits both alike.
const rows = UNIVERSES.map((): Record<string, number> => ({}));
const builds = UNIVERSES.map((): number[] => []);
const outputs: string[] = [];
for (let i = 0; i < BUILDS; ++i)
  UNIVERSES.forEach(([name, tickers], u) => {
    const built = build(name, tickers, i);
    builds[u].push(built.seconds);
    outputs[u] = built.output;
  });
UNIVERSES.forEach(([name], u) => {
  rows[u].build_s = round(median(builds[u]), 1);
  rows[u].priceMB = round(priceBytes(outputs[u]) / 1e6, 1);
  console.log(JSON.stringify({funds: name, case: "build", unit: "s", runs: builds[u].map((b) => round(b, 1))}));
});
const servers = await Promise.all(outputs.map((output, u) => serveStatic(output, {base: `/bench-${u}/`})));
const browser = await launchChromium(chromium);
for (const path of pages(outputs[0])) {
  const key = path.replace(/\.html$/, "");
  const samples = UNIVERSES.map(() => ({
    firstChart: [] as number[],
    bytes: [] as number[],
    heap: [] as number[],
    redraw: [] as number[],
    redrawDom: [] as number[]
  }));
  for (let i = 0; i < LOADS; ++i)
    for (let u = 0; u < UNIVERSES.length; ++u) {
      const load = await loadPage(browser, `${servers[u].url}${path}`, outputs[u]).catch((error) => {
        console.error(`${UNIVERSES[u][0]} funds, ${path}: ${error.message.split("\n")[0]}`);
        return null;
      });
      if (!load) continue;
      samples[u].firstChart.push(load.firstChart);
      samples[u].bytes.push(load.bytes);
      samples[u].heap.push(load.heap);
      if (path === "index.html")
        for (const {dom, painted} of await redraws(load.page)) {
          samples[u].redraw.push(painted);
          samples[u].redrawDom.push(dom);
        }
      await load.context.close();
    }
  samples.forEach(({firstChart, bytes, heap, redraw, redrawDom}, u) => {
    if (!firstChart.length) return;
    rows[u][`${key}:firstChart_ms`] = round(median(firstChart));
    rows[u][`${key}:priceMB`] = round(median(bytes) / 1e6, 2);
    rows[u][`${key}:heapMB`] = round(median(heap), 1);
    if (redraw.length) rows[u][`${key}:redraw_ms`] = round(median(redraw), 1);
    if (redrawDom.length) rows[u][`${key}:redrawDom_ms`] = round(median(redrawDom), 1);
    console.log(
      JSON.stringify({
        funds: UNIVERSES[u][0],
        page: key,
        firstChart: firstChart.map((x) => round(x)),
        redraw: redraw.map((x) => round(x)),
        redrawDom: redrawDom.map((x) => round(x))
      })
    );
  });
}
await browser.close();
for (const {server} of servers) server.close();

// The table: each figure at 11 funds, at FUNDS funds, and their ratio.
const [small, big] = rows;
const keys = [...new Set([...Object.keys(small), ...Object.keys(big)])];
const width = Math.max(...keys.map((k) => k.length));
console.log(`\n${"figure".padEnd(width)}  ${"11".padStart(9)}  ${String(FUNDS).padStart(9)}  ${"ratio".padStart(6)}`);
for (const k of keys) {
  const ratio = small[k] > 0 && big[k] !== undefined ? (big[k] / small[k]).toFixed(2) : "";
  console.log(
    `${k.padEnd(width)}  ${String(small[k] ?? "").padStart(9)}  ${String(big[k] ?? "").padStart(9)}  ${ratio.padStart(6)}`
  );
}
console.log(JSON.stringify({case: "summary", root: ROOT, builds: BUILDS, loads: LOADS, funds: FUNDS, small, big}));
