import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync} from "node:fs";
import {basename, join} from "node:path";
import type {PricesMeta} from "../src/lib/contracts.js";
import {formatDay} from "../src/lib/dates.js";
import {describeUniverse} from "../src/lib/universe.js";
import {pricesToArrow} from "./arrow.js";
import {writeFileAtomic} from "./atomic.js";
import {priceFileName} from "./price-files.js";
import {folderEntries} from "./folder-entries.js";
import {publicPaths} from "./public-paths.js";
import {loadPrices, type LoadOptions, type PriceLoad} from "./prices.js";
import {PROJECT_ROOT, type Settings} from "./settings.js";
import {SOURCES} from "./sources/index.js";

/** Snapshots kept besides the current one, so switching settings back and forth is instant. */
const KEEP_SNAPSHOTS = 4;

/**
 * A key for everything that decides the data the site shows: the settings,
 * the loader code, the day (live and sample data move daily), the pull
 * generation (bumped by `npm run data -- pull`) and, for csv, the files'
 * sizes and times. Framework cannot see any of these, so we do.
 */
export function fingerprint(settings: Settings, now = Date.now(), env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash("sha256");
  hash.update(
    JSON.stringify({
      source: settings.source,
      dataDir: settings.dataDir,
      tickers: settings.tickers,
      start: settings.start,
      funds: settings.funds,
      sources: settings.sources
    })
  );
  // Every WORKBENCH_* variable counts, so settings added by other loaders invalidate too.
  for (const [key, value] of Object.entries(env).sort())
    if (key.startsWith("WORKBENCH_")) hash.update(`${key}=${value}`);
  for (const file of codeFiles()) hash.update(file).update(readFileSync(file));
  // Files change only with the folder (below); live and sample data move daily and with each pull.
  if (SOURCES.find((s) => s.name === settings.source)?.kind !== "files")
    hash.update(formatDay(now)).update(readGeneration(settings.cacheDir));
  if (settings.dataDir)
    for (const {name, size, mtimeMs} of folderEntries(settings.dataDir)) hash.update(`${name}:${size}:${mtimeMs}`);
  return hash.digest("hex").slice(0, 16);
}

function codeFiles(): string[] {
  const dirs = [join(PROJECT_ROOT, "data-loaders"), join(PROJECT_ROOT, "data-loaders", "sources")];
  return dirs.flatMap((d) =>
    existsSync(d)
      ? readdirSync(d)
          .filter((f) => f.endsWith(".ts"))
          .sort()
          .map((f) => join(d, f))
      : []
  );
}

function readGeneration(cacheDir: string): string {
  const path = join(cacheDir, "generation");
  return existsSync(path) ? readFileSync(path, "utf8") : "0";
}

/**
 * Marks the cache as refreshed, so the next build or preview makes a new
 * snapshot from it. A generation file that is not a count (corrupted, edited)
 * restarts from the clock in ms, which is above any count, so a later bump
 * still moves on and never lands on an old snapshot's generation.
 */
export function bumpGeneration(cacheDir: string, {now = Date.now()}: {now?: number} = {}): void {
  const text = readGeneration(cacheDir).trim();
  const count = /^\d+$/.test(text) ? Number(text) : NaN;
  writeFileAtomic(join(cacheDir, "generation"), String(Number.isSafeInteger(count) ? count + 1 : now));
}

/** The provenance file every page reads (src/data/meta.json); `files` names each ticker's price file. */
export function metaJson(
  load: PriceLoad,
  settings: Settings,
  now: number,
  files: Record<string, string> = {}
): PricesMeta {
  return {
    generatedAt: new Date(now).toISOString(),
    requestedSource: settings.source,
    source: load.source,
    sourceTitle: load.sourceTitle,
    synthetic: load.synthetic,
    stale: load.provenance.some((p) => p.warnings.some((w) => w.startsWith("stale"))),
    tickers: settings.tickers,
    universe: describeUniverse(settings.tickers, settings.funds),
    start: settings.start,
    ...(settings.source === "csv" && settings.dataDir ? {dataDir: basename(settings.dataDir)} : {}),
    notes: load.notes,
    series: load.provenance,
    files
  };
}

/**
 * The snapshot (one Arrow file per ticker in prices/, and meta.json naming
 * them) for the current settings: made once per fingerprint, so the Framework
 * loaders and repeated builds share one fetch. meta.json is written last and
 * marks the snapshot complete.
 */
export async function ensureSnapshot(settings: Settings, options: LoadOptions = {}): Promise<string> {
  const now = options.now ?? Date.now();
  const dir = join(settings.cacheDir, "snapshots", fingerprint(settings, now));
  if (existsSync(join(dir, "meta.json"))) return dir;
  return writeSnapshot(settings, await loadPrices(settings, {...options, now}), now);
}

/** Writes the snapshot of a load made at `now` under the settings' current fingerprint; returns its folder. */
export function writeSnapshot(settings: Settings, load: PriceLoad, now: number): string {
  const dir = join(settings.cacheDir, "snapshots", fingerprint(settings, now));
  // A page downloads only the funds it shows: one file per ticker, named by its content so a browser may keep it.
  const files: Record<string, string> = {};
  for (const series of load.series) {
    if (!series.date.length) continue;
    const bytes = pricesToArrow([series]);
    files[series.ticker] = priceFileName(series.ticker, bytes);
    writeFileAtomic(join(dir, "prices", files[series.ticker]), bytes);
  }
  const meta = publicPaths(metaJson(load, settings, now, files), {dirs: [settings.dataDir, settings.cacheDir]});
  writeFileAtomic(join(dir, "meta.json"), JSON.stringify(meta, null, 2));
  pruneSnapshots(join(settings.cacheDir, "snapshots"), dir);
  return dir;
}

function pruneSnapshots(root: string, keep: string): void {
  const others = readdirSync(root)
    .map((name) => join(root, name))
    .filter((d) => d !== keep)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const d of others.slice(KEEP_SNAPSHOTS)) rmSync(d, {recursive: true, force: true});
}

/**
 * Makes Framework forget loader output made under other settings: Framework
 * re-runs a loader only when its cached output is missing or older than the
 * loader file, so on a new fingerprint we delete the cached data files and
 * touch the loaders (which also makes a running preview reload them).
 */
export function syncFrameworkCache(key: string, {root = PROJECT_ROOT}: {root?: string} = {}): boolean {
  const cache = join(root, "src", ".observablehq", "cache");
  const loaders = join(root, "src", "data");
  const stamp = join(cache, "workbench-fingerprint");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === key) return false;
  rmSync(join(cache, "data"), {recursive: true, force: true});
  writeFileAtomic(stamp, key);
  const now = new Date();
  if (existsSync(loaders))
    for (const f of readdirSync(loaders)) if (/\.(ts|js)$/.test(f)) utimesSync(join(loaders, f), now, now);
  return true;
}
