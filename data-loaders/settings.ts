import {existsSync, readFileSync} from "node:fs";
import {dirname, isAbsolute, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {parseDay} from "../src/lib/dates.js";
import {DEFAULT_UNIVERSE} from "../src/lib/universe.js";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export type SourceName = "auto" | "yahoo" | "csv" | "sample";
const SOURCES: readonly SourceName[] = ["auto", "yahoo", "csv", "sample"];

/** Everything that decides which prices the site shows. */
export interface Settings {
  source: SourceName;
  /** Folder of per-ticker CSV files, absolute; null unless set. */
  dataDir: string | null;
  tickers: string[];
  /** First date wanted, YYYY-MM-DD. */
  start: string;
  /** Where fetched data is kept between runs, absolute. */
  cacheDir: string;
  /** The config file that was read, if any. */
  configFile: string | null;
}

interface ConfigFile {
  source?: string;
  dataDir?: string;
  tickers?: string | string[];
  start?: string;
  cacheDir?: string;
}

/**
 * Reads the settings: environment variables (WORKBENCH_SOURCE, WORKBENCH_DATA_DIR,
 * WORKBENCH_TICKERS, WORKBENCH_START, WORKBENCH_CACHE_DIR) over the config file
 * (WORKBENCH_CONFIG, default workbench.config.json at the project root) over defaults.
 * Throws a message that says what to fix on a bad value.
 */
export function readSettings(env: NodeJS.ProcessEnv = process.env, {root = PROJECT_ROOT} = {}): Settings {
  const configPath = env.WORKBENCH_CONFIG
    ? resolve(root, env.WORKBENCH_CONFIG)
    : resolve(root, "workbench.config.json");
  const file = readConfigFile(configPath, !!env.WORKBENCH_CONFIG);
  const pick = (key: keyof ConfigFile, envKey: string) => nonEmpty(env[envKey]) ?? file.value[key];

  const source = String(pick("source", "WORKBENCH_SOURCE") ?? "auto").toLowerCase() as SourceName;
  if (!SOURCES.includes(source))
    throw new Error(
      `invalid source "${source}": use one of ${SOURCES.join(", ")} (WORKBENCH_SOURCE or "source" in ${configPath})`
    );

  const dir = pick("dataDir", "WORKBENCH_DATA_DIR") as string | undefined;
  const dataDir = dir ? (isAbsolute(dir) ? dir : resolve(root, dir)) : null;
  if (source === "csv" && !dataDir)
    throw new Error(
      `source "csv" needs a folder: set WORKBENCH_DATA_DIR (or "dataDir" in ${configPath}) to a folder of TICKER.csv files`
    );

  const tickers = parseTickers(pick("tickers", "WORKBENCH_TICKERS"));
  const start = String(pick("start", "WORKBENCH_START") ?? "2000-01-01");
  if (Number.isNaN(parseDay(start))) throw new Error(`invalid start date "${start}": use YYYY-MM-DD (WORKBENCH_START)`);

  const cache = (pick("cacheDir", "WORKBENCH_CACHE_DIR") as string | undefined) ?? ".workbench-cache";
  return {source, dataDir, tickers, start, cacheDir: resolve(root, cache), configFile: file.path};
}

function readConfigFile(path: string, required: boolean): {path: string | null; value: ConfigFile} {
  if (!existsSync(path)) {
    if (required) throw new Error(`config file not found: ${path} (WORKBENCH_CONFIG)`);
    return {path: null, value: {}};
  }
  try {
    const value = JSON.parse(readFileSync(path, "utf8"));
    if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("expected a JSON object");
    return {path, value};
  } catch (error) {
    throw new Error(`cannot read config file ${path}: ${(error as Error).message}`);
  }
}

function parseTickers(value: unknown): string[] {
  if (value === undefined) return DEFAULT_UNIVERSE.map((f) => f.ticker);
  const list = (Array.isArray(value) ? value : String(value).split(","))
    .map((t) => String(t).trim().toUpperCase())
    .filter((t) => t !== "");
  const bad = list.filter((t) => !/^[\^A-Z0-9.=-]{1,15}$/.test(t));
  if (bad.length)
    throw new Error(`invalid ticker(s): ${bad.join(", ")} (WORKBENCH_TICKERS is a comma list like IWC,IJR,SPY)`);
  if (list.length === 0) throw new Error("no tickers: WORKBENCH_TICKERS is empty");
  return [...new Set(list)];
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
