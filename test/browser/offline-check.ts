// A fresh clone with no network: copies the project (no Framework cache) into a folder, builds it, runs
// `npm start`, opens every page and a page whose cell uses a library without importing it, then prints a JSON
// report on its last line. offline-test.ts runs it inside a network namespace that has only loopback.
import {spawn, spawnSync} from "node:child_process";
import {appendFileSync, cpSync, mkdirSync, utimesSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {launchChromium} from "./chromium.js";
import {chartsWithMarks, openPage, settle} from "./page-check.js";

const ROOT = resolve(import.meta.dirname, "../..");
const [folder, chromiumPath, port = "3917"] = process.argv.slice(2);
const dir = resolve(folder);
/** A page whose cells use libraries with no import, which makes Framework fetch them from a CDN. */
const IMPLICIT_PAGE = "offline-implicit";
const cell = (code: string) => `\n\`\`\`js\n${code}\n\`\`\`\n`;
/** Typed while the preview runs: a library that is installed and one that is not. */
const TYPED_CELLS = ["Plot.lineY([1, 2, 3]).plot()", "_.chunk([1, 2, 3, 4], 2)"];
/** Then an npm: import, which Framework resolves from the registry: offline that used to end the preview. */
const NPM_CELL = 'import confetti from "npm:canvas-confetti";';

function copyProject(target: string): void {
  rmSync(target, {recursive: true, force: true});
  mkdirSync(target, {recursive: true});
  for (const entry of ["src", "data-loaders", "package.json", "observablehq.config.ts", "tsconfig.json"]) {
    cpSync(join(ROOT, entry), join(target, entry), {
      recursive: true,
      filter: (source) => !source.includes(".observablehq")
    });
  }
  symlinkSync(join(ROOT, "node_modules"), join(target, "node_modules"));
  writeFileSync(implicitPage(target), `# Implicit imports\n${cell('Inputs.table([{fund: "IWC"}])')}`);
}

function implicitPage(root: string): string {
  return join(root, "src", `${IMPLICIT_PAGE}.md`);
}

async function waitFor(url: string, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
    if (await alive(url)) return true;
  }
  return false;
}

async function alive(url: string): Promise<boolean> {
  return fetch(url, {signal: AbortSignal.timeout(2000)}).then(
    (r) => r.ok,
    () => false
  );
}

async function main() {
  copyProject(dir);
  const env = {
    ...process.env,
    WORKBENCH_SOURCE: "sample",
    WORKBENCH_FUND_VALUATION: "off",
    WORKBENCH_CACHE_DIR: join(dir, ".workbench-cache"),
    WORKBENCH_OUTPUT: "dist"
  };
  const build = spawnSync("npm", ["run", "build"], {cwd: dir, env, encoding: "utf8", maxBuffer: 64 << 20});
  const report: Record<string, unknown> = {
    build: build.status,
    buildLog: build.status ? build.stderr.slice(-2000) : ""
  };

  const origin = `http://127.0.0.1:${port}`;
  const start = spawn("npm", ["start", "--", "--port", port, "--no-open"], {cwd: dir, env, detached: true});
  let startLog = "";
  start.stdout.on("data", (d) => (startLog += d));
  start.stderr.on("data", (d) => (startLog += d));
  try {
    report.previewUp = await waitFor(`${origin}/`, 90_000);
    const {default: config} = await import(join(dir, "observablehq.config.ts"));
    const browser = await launchChromium(chromiumPath);
    const pages: Record<string, unknown> = {};
    for (const {path} of config.pages as {path: string}[]) {
      const {page, problems} = await openPage(browser, `${origin}${path === "/" ? "/index" : path}.html`);
      pages[path] = {...problems, charts: await chartsWithMarks(page)};
      await page.close();
    }
    report.pages = pages;
    const {page} = await openPage(browser, `${origin}/${IMPLICIT_PAGE}.html`);
    appendFileSync(implicitPage(dir), TYPED_CELLS.map(cell).join(""));
    // Framework watches the page once its socket said hello, which can come after load on a busy machine: the
    // file is touched again until the new cells show.
    for (let i = 0; i < 12; ++i) {
      const shown = await page
        .waitForFunction(() => document.querySelector(".observablehq--error") !== null, null, {timeout: 10_000})
        .then(
          () => true,
          () => false
        );
      if (shown) break;
      utimesSync(implicitPage(dir), new Date(), new Date());
    }
    await settle(page);
    report.implicit = {
      errorCells: await page.locator(".observablehq--error").allInnerTexts(),
      tables: await page.locator("form table td").allInnerTexts(),
      charts: await chartsWithMarks(page)
    };
    appendFileSync(implicitPage(dir), cell(NPM_CELL));
    // The issue: the preview died about ten seconds after such a cell was typed.
    await new Promise((r) => setTimeout(r, 15_000));
    await page.close();
    await browser.close();
    report.previewAliveAfter = await alive(`${origin}/`);
  } finally {
    process.kill(-start.pid!, "SIGTERM");
    report.startLog = startLog.slice(-3000);
  }
  console.log(JSON.stringify(report));
}

main().catch((error) => {
  console.log(JSON.stringify({error: String(error?.stack ?? error)}));
  process.exit(1);
});
