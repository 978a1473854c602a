import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, rmSync, statSync} from "node:fs";
import {join} from "node:path";
import {DateDay, Float64, Table, tableToIPC, vectorFromArray, type Vector} from "apache-arrow";
import {formatDay} from "../src/lib/dates.js";
import {completeMonths} from "../src/lib/monthly.js";
import {toMonthEnd} from "../src/lib/regimes.js";
import {writeFileAtomic} from "./atomic.js";
import {folderEntries} from "./folder-entries.js";
import {publicPaths} from "./public-paths.js";
import {parseFredCsv} from "./fred.js";
import {findSection, parseFrenchCsv, sizeValuation, type FrenchFile} from "./french.js";
import type {ResearchMeta, ResearchProvenance} from "../src/lib/contracts.js";
import {acquireAll, type AcquireOptions, type RawDataset} from "./research.js";
import type {ResearchSettings} from "./settings.js";

/**
 * The research tables the pages read, built from the raw datasets:
 * factors-daily.arrow (three factors and momentum), factors5-daily.arrow
 * (the five-factor file, its own SMB and HML), factors-monthly.arrow,
 * factors-annual.arrow, valuation.arrow, macro.arrow
 * (date as Date32 day, every other column Float64 with null for missing) and
 * research-meta.json. Made once per snapshot key so the Framework loaders
 * share one acquisition and agree on provenance.
 */

export const RESEARCH_FILES = [
  "factors-daily.arrow",
  "factors5-daily.arrow",
  "factors-monthly.arrow",
  "factors-annual.arrow",
  "valuation.arrow",
  "macro.arrow",
  "research-meta.json"
] as const;
export type ResearchFile = (typeof RESEARCH_FILES)[number];

/** Columns keyed by name over one date axis (epoch ms, 00:00 UTC), NaN for missing. */
export interface Columns {
  date: Float64Array;
  [name: string]: Float64Array;
}

/** Arrow IPC file: date as Date32 (day), the rest Float64 with NaN written as null. */
export function columnsToArrow(columns: Columns): Uint8Array {
  const vectors: Record<string, Vector> = {
    date: vectorFromArray(
      Array.from(columns.date, (t) => new Date(t)),
      new DateDay()
    )
  };
  for (const [name, values] of Object.entries(columns)) {
    if (name !== "date")
      vectors[name] = vectorFromArray(
        Array.from(values, (v) => (Number.isNaN(v) ? null : v)),
        new Float64()
      );
  }
  return tableToIPC(new Table(vectors), "file");
}

/** Joins series on the union of their dates (sorted); a series without a date gets NaN there. */
export function outerJoin(series: Record<string, {dates: Float64Array; values: Float64Array}>): Columns {
  const all = [...new Set(Object.values(series).flatMap((s) => Array.from(s.dates)))].sort((a, b) => a - b);
  const date = Float64Array.from(all);
  const at = new Map(all.map((t, i) => [t, i]));
  const out: Columns = {date};
  for (const [name, s] of Object.entries(series)) {
    const v = new Float64Array(date.length).fill(NaN);
    s.dates.forEach((t, i) => (v[at.get(t)!] = s.values[i]));
    out[name] = v;
  }
  return out;
}

function frenchOf(raw: RawDataset[], id: string): FrenchFile | null {
  const r = raw.find((d) => d.dataset.id === id);
  return r?.text ? parseFrenchCsv(r.text) : null;
}

/** French's names of factor columns and ours. */
const FACTOR_NAMES = {"Mkt-RF": "mktRf", SMB: "smb", HML: "hml", RMW: "rmw", CMA: "cma", Mom: "mom", RF: "rf"} as const;
type FrenchFactor = keyof typeof FACTOR_NAMES;

/**
 * The named columns of a factor file's first table of one frequency (`annual`: its
 * "Annual Factors" table), each present: NaN throughout when the file or the column
 * is missing, so a table's schema never changes.
 */
function factorColumns(
  file: FrenchFile | null,
  frequency: "daily" | "monthly" | "annual",
  names: readonly FrenchFactor[]
): Columns {
  const s = file?.sections.find((x) => x.frequency === frequency);
  const dates = s ? s.dates.slice() : new Float64Array(0);
  const col = (name: string) => s?.values[s.columns.indexOf(name)] ?? new Float64Array(dates.length).fill(NaN);
  return Object.fromEntries([["date", dates], ...names.map((n) => [FACTOR_NAMES[n], col(n)])]) as Columns;
}

/** Daily three factors with momentum joined on the union of their dates (the files' calendars differ in 1926 and 1933). */
function dailyFactorColumns(raw: RawDataset[]): Columns {
  const three = factorColumns(frenchOf(raw, "F-F_Research_Data_Factors_daily"), "daily", [
    "Mkt-RF",
    "SMB",
    "HML",
    "RF"
  ]);
  const mom = factorColumns(frenchOf(raw, "F-F_Momentum_Factor_daily"), "daily", ["Mom"]);
  const {date, ...columns} = three;
  return outerJoin({
    ...Object.fromEntries(Object.entries(columns).map(([n, values]) => [n, {dates: date, values}])),
    mom: {dates: mom.date, values: mom.mom}
  });
}

/** Monthly valuation: small and big BE/ME (5x5 quintiles and 2x3 halves) with their ratios, and size-sorted portfolio returns. */
export function valuationColumns(raw: RawDataset[], log: (m: string) => void = () => {}): Columns {
  const series: Record<string, {dates: Float64Array; values: Float64Array}> = {};
  for (const [id, suffix] of [
    ["25_Portfolios_5x5", "5x5"],
    ["6_Portfolios_2x3", "2x3"]
  ] as const) {
    const file = frenchOf(raw, id);
    if (!file) continue;
    try {
      const v = sizeValuation(file);
      series[`small${suffix}`] = {dates: v.dates, values: v.small};
      series[`big${suffix}`] = {dates: v.dates, values: v.big};
      series[`ratio${suffix}`] = {dates: v.dates, values: v.ratio};
    } catch (error) {
      log(`research: ${id}: ${(error as Error).message}`);
    }
  }
  const me = frenchOf(raw, "Portfolios_Formed_on_ME");
  const returns =
    me &&
    (findSection(me, "Average Value Weight Returns -- Monthly") ?? findSection(me, "Value Weight Returns -- Monthly"));
  if (returns) {
    for (const [column, name] of [
      ["Lo 20", "retLo20"],
      ["Hi 20", "retHi20"]
    ]) {
      const j = returns.columns.indexOf(column);
      if (j >= 0) series[name] = {dates: returns.dates, values: returns.values[j]};
    }
  }
  const names = ["small5x5", "big5x5", "ratio5x5", "small2x3", "big2x3", "ratio2x3", "retLo20", "retHi20"];
  const joined = outerJoin(series);
  // Every column is present, NaN throughout when its file is missing, so the schema never changes.
  for (const n of names) joined[n] ??= new Float64Array(joined.date.length).fill(NaN);
  return Object.fromEntries([["date", joined.date], ...names.map((n) => [n, joined[n]])]) as Columns;
}

/**
 * Monthly macro at month ends: FEDFUNDS (monthly average), DFF (month mean), DGS10 (last value of the month), INDPRO
 * (reference month). The daily series give complete months only: a month still running is dropped.
 */
export function macroColumns(raw: RawDataset[]): Columns {
  const series: Record<string, {dates: Float64Array; values: Float64Array}> = {};
  const spec = [
    ["FEDFUNDS", "fedFunds", "mean", "monthly"],
    ["DFF", "dff", "mean", "daily"],
    ["DGS10", "dgs10", "last", "daily"],
    ["INDPRO", "indpro", "last", "monthly"]
  ] as const;
  for (const [id, name, how, frequency] of spec) {
    const r = raw.find((d) => d.dataset.id === id);
    if (!r?.text) continue;
    const s = parseFredCsv(r.text, {id});
    series[name] = (frequency === "daily" ? completeMonths : toMonthEnd)(s.dates, s.values, {how});
  }
  const joined = outerJoin(series);
  for (const [, name] of spec) joined[name] ??= new Float64Array(joined.date.length).fill(NaN);
  return Object.fromEntries([["date", joined.date], ...spec.map(([, n]) => [n, joined[n]])]) as Columns;
}

const THREE: FrenchFactor[] = ["Mkt-RF", "SMB", "HML", "RF"];
const FIVE: FrenchFactor[] = ["Mkt-RF", "SMB", "HML", "RMW", "CMA", "RF"];

/** Everything the research loaders write, from raw datasets. */
export function buildResearch(
  raw: RawDataset[],
  settings: ResearchSettings,
  now: number,
  log: (m: string) => void = () => {}
): Record<ResearchFile, Uint8Array | string> {
  const series: ResearchProvenance[] = raw.map((r) => r.provenance);
  const meta: ResearchMeta = {
    generatedAt: new Date(now).toISOString(),
    requestedSource: settings.source,
    source: [...new Set(series.map((s) => s.source))].join(", "),
    synthetic: series.some((s) => s.synthetic),
    stale: series.some((s) => s.warnings.some((w) => w.startsWith("stale"))),
    missing: series.filter((s) => s.rows === 0).map((s) => s.ticker),
    notes: [
      "French returns are converted from percent to fractions; BE/ME is published as a ratio.",
      "The five-factor model's SMB and HML are the five-factor file's own (SMB averaged over three sorts), not the three-factor file's.",
      "Macro series are monthly at month ends: FEDFUNDS and DFF as monthly averages, DGS10 as the month's last value, INDPRO as the reference month (published about two weeks after it ends). Complete months only: a month the daily series have not finished is left out."
    ],
    series
  };
  return {
    "factors-daily.arrow": columnsToArrow(dailyFactorColumns(raw)),
    "factors5-daily.arrow": columnsToArrow(
      factorColumns(frenchOf(raw, "F-F_Research_Data_5_Factors_2x3_daily"), "daily", FIVE)
    ),
    "factors-monthly.arrow": columnsToArrow(
      factorColumns(frenchOf(raw, "F-F_Research_Data_Factors"), "monthly", THREE)
    ),
    "factors-annual.arrow": columnsToArrow(factorColumns(frenchOf(raw, "F-F_Research_Data_Factors"), "annual", THREE)),
    "valuation.arrow": columnsToArrow(valuationColumns(raw, log)),
    "macro.arrow": columnsToArrow(macroColumns(raw)),
    "research-meta.json": JSON.stringify(
      publicPaths(meta, {dirs: [settings.frenchDir, settings.fredDir, settings.cacheDir]}),
      null,
      2
    )
  };
}

/**
 * The key of a research snapshot: the research settings, every WORKBENCH_
 * variable, the loader code, the day (live data and cache ages move daily)
 * and the local folders' file sizes and times.
 */
export function researchKey(
  settings: ResearchSettings,
  now: number,
  env: NodeJS.ProcessEnv = process.env,
  codeDir?: string
): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(settings)).update(formatDay(now));
  for (const [k, v] of Object.entries(env).sort()) if (k.startsWith("WORKBENCH_")) hash.update(`${k}=${v}`);
  if (codeDir && existsSync(codeDir))
    for (const f of readdirSync(codeDir)
      .filter((f) => f.endsWith(".ts"))
      .sort())
      hash.update(f).update(readFileSync(join(codeDir, f)));
  for (const dir of [
    settings.frenchDir,
    settings.fredDir,
    join(settings.cacheDir, "french"),
    join(settings.cacheDir, "fred")
  ]) {
    if (dir) for (const {name, size, mtimeMs} of folderEntries(dir)) hash.update(`${dir}/${name}:${size}:${mtimeMs}`);
  }
  return hash.digest("hex").slice(0, 16);
}

/** The snapshot folder for the current settings, built on first use; research-meta.json is written last and marks it complete. */
export async function ensureResearch(
  settings: ResearchSettings,
  {now = Date.now(), log = () => {}, codeDir, ...options}: AcquireOptions & {codeDir?: string} = {}
): Promise<string> {
  const root = join(settings.cacheDir, "research-snapshots");
  // The key is taken before fetching: a live fetch rewrites the cache, which must not change the folder we write.
  const dir = join(root, researchKey(settings, now, process.env, codeDir));
  if (existsSync(join(dir, "research-meta.json"))) return dir;
  const raw = await acquireAll(settings, undefined, {now, log, ...options});
  const files = buildResearch(raw, settings, now, log);
  for (const name of RESEARCH_FILES) writeFileAtomic(join(dir, name), files[name]);
  // Keep the four most recent snapshots.
  const others = readdirSync(root)
    .map((d) => join(root, d))
    .filter((d) => d !== dir)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const d of others.slice(4)) rmSync(d, {recursive: true, force: true});
  return dir;
}
