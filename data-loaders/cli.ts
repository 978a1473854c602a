// `npm run data -- <command>`: pull, status, prepare (run before build and preview), dev.
import {spawn} from "node:child_process";
import {watch} from "node:fs";
import {join, resolve} from "node:path";
import {formatDay} from "../src/lib/dates.js";
import {removeStaleTemps} from "./atomic.js";
import {pullPrices} from "./pull.js";
import {autoSources} from "./prices.js";
import {status} from "./status.js";
import {PROJECT_ROOT, readSettings, type Settings} from "./settings.js";
import {ensureSnapshot, fingerprint, syncFrameworkCache} from "./snapshot.js";
import {progressBoard} from "./progress.js";
import {ensureResearch, researchKey} from "./research-tables.js";
import {seedFrameworkNpmCache} from "./framework-offline.js";
import {fetchFundValuations, fundValuationStamp} from "./fund-valuation.js";
import {publishPriceFiles} from "./price-files.js";
import config from "../observablehq.config.js";

const USAGE = `usage: npm run data -- <command>
  pull     fetch prices (yahoo: only the missing days) into the cache, with progress
  status   what a build would load: each price series (csv: file, dates, rows, skipped rows; else the cache) and the research series with their vintage
  prepare  make the data snapshot for the current settings and drop Framework's stale copies
  publish  copy the per-fund price files into the built site (the last step of npm run build)
  dev      prepare, then run the live preview and re-prepare when settings or data change`;

async function main(command = "prepare", ...args: string[]): Promise<void> {
  const settings = readSettings();
  // Temporary files that a killed pull or build left behind.
  for (const path of removeStaleTemps(settings.cacheDir)) console.error(`removed a stale temporary file: ${path}`);
  switch (command) {
    case "pull":
      return pull(settings);
    case "status":
      return void console.log((await status(settings)).join("\n"));
    case "prepare":
      return prepare(settings);
    case "publish": {
      const {files, bytes} = publishPriceFiles(resolve(PROJECT_ROOT, config.output), settings.cacheDir);
      return void console.error(`published ${files} price files (${(bytes / 1e6).toFixed(1)} MB)`);
    }
    case "dev":
      return dev(args);
    case "help":
    case "--help":
      return void console.log(USAGE);
    default:
      throw new Error(`unknown command "${command}"\n${USAGE}`);
  }
}

async function pull(settings: Settings): Promise<void> {
  const {live, fallback} = autoSources(undefined, settings);
  const names = live.map((s) => s.name).join(", then ");
  const source =
    settings.source === "auto"
      ? `auto (${names}, else ${live.length > 1 ? "their caches" : "its cache"}, else ${fallback.name})`
      : settings.source;
  console.error(`pulling ${settings.tickers.length} tickers from ${source} since ${settings.start}`);
  const board = progressBoard(settings.tickers, process.stderr);
  const now = Date.now();
  const {load, dir} = await pullPrices(settings, {now, onProgress: board.update, log: (m) => board.log(m)});
  board.finish();
  for (const p of load.provenance) {
    const line = p.rows
      ? `${p.ticker.padEnd(6)} ${p.source.padEnd(6)} ${p.first} → ${p.last}  ${String(p.rows).padStart(5)} rows`
      : `${p.ticker.padEnd(6)} FAILED`;
    console.error(line + (p.warnings.length ? `\n         ${p.warnings.join("\n         ")}` : ""));
  }
  console.error(`source used: ${load.source}`);
  // A scheduled pull-and-publish must not publish synthetic data as if it were a refresh.
  if (dir === null)
    throw new Error("no live or cached prices could be had, only synthetic sample data: nothing was refreshed");
  // The snapshot of this very load exists now: prepare finds it and fetches nothing again.
  await prepare(settings, now);
}

async function prepare(settings: Settings, now = Date.now()): Promise<void> {
  // First, so that build and preview never ask the network for libraries (framework-offline.ts).
  await seedFrameworkNpmCache();
  const research = settings.research;
  const codeDir = join(PROJECT_ROOT, "data-loaders");
  // Framework's copies of every loader's output are dropped together, so the key covers prices and research data alike.
  const log = (m: string) => console.error(m);
  // The fund snapshot is fetched here (cached a day) so that an online prepare after an offline build replaces
  // Framework's "none available" copy: its fetch time is part of the key.
  const funds = await fetchFundValuations(settings.tickers, {
    cacheDir: settings.cacheDir,
    ...settings.fundValuation,
    now,
    log
  });
  const key = `${fingerprint(settings, now)}-${researchKey(research, now, process.env, codeDir)}-${fundValuationStamp(settings.cacheDir)}`;
  const dir = await ensureSnapshot(settings, {log, now});
  const researchDir = await ensureResearch(research, {log, now, codeDir});
  const dropped = syncFrameworkCache(key);
  console.error(
    `data ready (prices: ${settings.source}; research: ${research.source}; fund valuation: ${funds.status}; key ${key})${dropped ? "; Framework's cached data dropped" : ""}:\n  ${dir}\n  ${researchDir}`
  );
}

/** The live notebook: Framework's preview, plus a watch on the settings and data that Framework cannot see. */
async function dev(args: string[]): Promise<void> {
  await prepare(readSettings());
  // A cell can make Framework fetch from the network as it is typed (an `npm:` import); offline that fetch fails in
  // a file watcher with no handler, which would end the preview. Warned about, it costs only that cell.
  const nodeOptions = `${process.env.NODE_OPTIONS ?? ""} --unhandled-rejections=warn`.trim();
  const preview = spawn("observable", ["preview", ...args], {
    stdio: "inherit",
    cwd: PROJECT_ROOT,
    env: {...process.env, NODE_OPTIONS: nodeOptions},
    shell: process.platform === "win32"
  });
  let timer: NodeJS.Timeout | undefined;
  const reprepare = () => {
    clearTimeout(timer);
    timer = setTimeout(() => prepare(readSettings()).catch((e) => console.error(`data: ${e.message}`)), 300);
  };
  const settings = readSettings();
  const watchers = [
    watch(PROJECT_ROOT, (_event, file) => file === "workbench.config.json" && reprepare()),
    watch(settings.cacheDir, (_event, file) => file === "generation" && reprepare()),
    ...(settings.dataDir ? [watch(settings.dataDir, reprepare)] : [])
  ];
  // The watchers would keep this process alive with no server behind it: it ends with the preview.
  const code = await new Promise<number>((resolve) =>
    preview.on("exit", (status, signal) => resolve(status ?? (signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1)))
  );
  for (const w of watchers) w.close();
  clearTimeout(timer);
  if (code !== 0)
    console.error(`data: the preview server stopped (exit ${code}); see its output above, then run npm start again`);
  process.exit(code);
}

main(...process.argv.slice(2)).catch((error) => {
  console.error(`data: ${error.message}`);
  process.exit(1);
});
