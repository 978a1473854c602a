// `npm run bench:site`: build time, size of prices.arrow, and time from navigation to the first chart in headless Chromium.
// Each figure is a median over repeated runs, printed as one JSON line with its spread, on sample data so any machine can repeat it.
import {spawnSync} from "node:child_process";
import {readdirSync, rmSync, statSync} from "node:fs";
import {resolve} from "node:path";
import {findChromium, INSTALL_HINT, launchChromium} from "../browser/chromium.js";
import {serveStatic} from "../browser/static-server.js";

const ROOT = resolve(import.meta.dirname, "../..");
const OUTPUT = "test/.tmp/dist-timing";
const BUILDS = Number(process.env.BUILDS ?? 3);
const LOADS = Number(process.env.LOADS ?? 9);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const summary = (xs: number[]) => ({
  median: +median(xs).toFixed(1),
  min: +Math.min(...xs).toFixed(1),
  max: +Math.max(...xs).toFixed(1),
  runs: xs.length
});

const builds: number[] = [];
for (let i = 0; i < BUILDS; ++i) {
  // Cold each time: Framework's copies of the loaders' output are dropped, so the loaders run.
  rmSync(resolve(ROOT, "src/.observablehq/cache"), {recursive: true, force: true});
  const started = performance.now();
  const run = spawnSync("npm", ["run", "build"], {
    cwd: ROOT,
    env: {...process.env, WORKBENCH_SOURCE: "sample", WORKBENCH_OUTPUT: OUTPUT},
    encoding: "utf8"
  });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stderr.slice(-3000)}`);
  builds.push((performance.now() - started) / 1000);
}
console.log(JSON.stringify({case: "build", unit: "s", ...summary(builds)}));

const dataDir = resolve(ROOT, OUTPUT, "_file/data");
const arrow = readdirSync(dataDir).find((f) => /^prices\..*\.arrow$/.test(f))!;
console.log(JSON.stringify({case: "prices.arrow", unit: "bytes", size: statSync(resolve(dataDir, arrow)).size}));

const chromium = findChromium();
if (!chromium) {
  console.error(INSTALL_HINT);
  process.exit(0);
}
const {server, url} = await serveStatic(resolve(ROOT, OUTPUT));
const browser = await launchChromium(chromium);
const firstChart: number[] = [];
const domReady: number[] = [];
for (let i = 0; i < LOADS; ++i) {
  const page = await browser.newPage();
  const started = performance.now();
  await page.goto(`${url}index.html`, {waitUntil: "domcontentloaded"});
  domReady.push(performance.now() - started);
  await page.waitForSelector('svg[class*="plot"] g[aria-label="bar"] rect', {timeout: 30_000});
  firstChart.push(performance.now() - started);
  await page.close();
}
await browser.close();
server.close();
// The page's own HTML being ready is the reference: the ratio is what loading and computing the data costs on top.
console.log(
  JSON.stringify({
    case: "first-chart",
    unit: "ms",
    ...summary(firstChart),
    domReadyMedian: +median(domReady).toFixed(1),
    ratioToDomReady: +(median(firstChart) / median(domReady)).toFixed(1)
  })
);
