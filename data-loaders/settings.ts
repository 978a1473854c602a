import {existsSync, readFileSync} from "node:fs";
import {dirname, isAbsolute, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {parseDay} from "../src/lib/dates.js";
import {DECLARED_SIZES, DECLARED_STYLES, DEFAULT_UNIVERSE, type Fund} from "../src/lib/universe.js";
import {checkBaseUrl} from "./base-url.js";
import {sourceSettingNames, type SourceDefinition} from "./source.js";
import {SOURCES} from "./sources/index.js";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export type ResearchSource = "auto" | "live" | "file" | "sample";
export type FundValuationMode = "auto" | "cache" | "off";

/** Where research data (Ken French library, FRED) comes from. */
export interface ResearchSettings {
  source: ResearchSource;
  /** Root of the on-disk cache; files go to <cacheDir>/french and <cacheDir>/fred. */
  cacheDir: string;
  frenchDir: string | null;
  fredDir: string | null;
  /** Base URLs replacing the Ken French library's and FRED's (tests aim them at 127.0.0.1); null for the real ones. */
  frenchUrl: string | null;
  fredUrl: string | null;
  /** Abort a live request after this long. */
  timeoutMs: number;
}

/** Fund-level valuation (holdings multiples): whether to fetch, and how long to wait per fund. */
export interface FundValuationSettings {
  mode: FundValuationMode;
  timeoutMs: number;
}

/** Every setting of the data loaders: prices, research data and fund valuation. */
export interface Settings {
  /** "auto" (the registry's live source, else its cache, else the sample) or a source's name (sources/index.ts). */
  source: string;
  /** Folder of per-ticker CSV files, absolute; null unless set. */
  dataDir: string | null;
  /** The tickers to load: the tickers setting, then any declared fund it lacks. */
  tickers: string[];
  /** Funds declared in the config file's "funds": their name, size and style override the built-in list. */
  funds: Fund[];
  /** First date wanted, YYYY-MM-DD. */
  start: string;
  /** Where fetched data is kept between runs, absolute. */
  cacheDir: string;
  /** The config file that was read, if any. */
  configFile: string | null;
  research: ResearchSettings;
  fundValuation: FundValuationSettings;
  /** Per network source: its base URL and API key when set (WORKBENCH_<NAME>_URL / _KEY, "<name>Url" / "<name>Key"). */
  sources: Record<string, {url: string | null; key: string | null}>;
}

/** One setting: its environment variable, its key in the config file, and further variables read after the first. */
interface Spec {
  env: string;
  key: string;
  aliases?: readonly string[];
}

/** Every setting, as README's data section lists them. */
const SPECS = {
  source: {env: "WORKBENCH_SOURCE", key: "source"},
  dataDir: {env: "WORKBENCH_DATA_DIR", key: "dataDir"},
  tickers: {env: "WORKBENCH_TICKERS", key: "tickers"},
  start: {env: "WORKBENCH_START", key: "start"},
  cacheDir: {env: "WORKBENCH_CACHE_DIR", key: "cacheDir"},
  researchSource: {env: "WORKBENCH_RESEARCH_SOURCE", key: "researchSource"},
  frenchDir: {env: "WORKBENCH_FRENCH_DIR", key: "frenchDir"},
  fredDir: {env: "WORKBENCH_FRED_DIR", key: "fredDir"},
  frenchUrl: {env: "WORKBENCH_FRENCH_URL", key: "frenchUrl"},
  fredUrl: {env: "WORKBENCH_FRED_URL", key: "fredUrl"},
  researchTimeoutMs: {env: "WORKBENCH_RESEARCH_TIMEOUT_MS", key: "researchTimeoutMs"},
  fundValuation: {env: "WORKBENCH_FUND_VALUATION", key: "fundValuation"},
  fundTimeoutMs: {env: "WORKBENCH_FUND_TIMEOUT_MS", key: "fundTimeoutMs"}
} satisfies Record<string, Spec>;
type Name = keyof typeof SPECS;

/** The URL and key settings of every network source in the registry. */
function sourceSpecs(sources: readonly SourceDefinition[]): Record<string, Spec> {
  return Object.fromEntries(
    sources
      .filter((s) => s.kind === "network")
      .flatMap((s) =>
        (["url", "key"] as const).map((what) => [
          `${s.name}:${what}`,
          {...sourceSettingNames(s.name, what), ...(what === "key" && s.keyEnv ? {aliases: s.keyEnv} : {})}
        ])
      )
  );
}

/**
 * Reads every setting: an environment variable over the config file
 * (WORKBENCH_CONFIG, default workbench.config.json at the project root) over
 * the default. Throws a message naming the setting, where it came from and the
 * bad value, and saying what to write instead.
 * - root: the folder relative paths are resolved against, the project root.
 * - sources: the source registry, sources/index.ts (tests add their own).
 */
export function readSettings(
  env: NodeJS.ProcessEnv = process.env,
  {root = PROJECT_ROOT, sources = SOURCES}: {root?: string; sources?: readonly SourceDefinition[]} = {}
): Settings {
  const specs: Record<string, Spec> = {...SPECS, ...sourceSpecs(sources)};
  const configPath = resolve(root, nonEmpty(env.WORKBENCH_CONFIG) ?? "workbench.config.json");
  const file = readConfigFile(configPath, nonEmpty(env.WORKBENCH_CONFIG) !== undefined);
  const known = new Set<string>([...Object.values(specs).map((s) => s.key), "funds"]);
  for (const key of Object.keys(file.value))
    if (!known.has(key) && !key.startsWith("//"))
      throw new Error(
        `unknown key "${key}" in ${configPath}: the keys are ${[...known].join(", ")} (a key starting with // is a comment)`
      );

  /** The raw value of a setting, with where it came from for messages. */
  const pick = (name: string): {value: unknown; where: string} | undefined => {
    const {env: first, key, aliases = []} = specs[name];
    for (const variable of [first, ...aliases]) {
      const fromEnv = nonEmpty(env[variable]);
      if (fromEnv !== undefined) return {value: fromEnv, where: variable};
    }
    if (Object.hasOwn(file.value, key)) return {value: file.value[key], where: `"${key}" in ${configPath}`};
    return undefined;
  };
  const invalid = (what: string, raw: {value: unknown; where: string}, hint: string) =>
    new Error(`invalid ${what} ${JSON.stringify(raw.value)}: ${hint} (${raw.where})`);
  const text = (name: string, what: string, hint: string): string | undefined => {
    const raw = pick(name);
    if (raw === undefined) return undefined;
    if (typeof raw.value !== "string" || raw.value.trim() === "") throw invalid(what, raw, hint);
    return raw.value.trim();
  };
  const choice = <T extends string>(name: string, what: string, choices: readonly T[], fallback: T): T => {
    const raw = pick(name);
    if (raw === undefined) return fallback;
    const value = typeof raw.value === "string" ? raw.value.trim().toLowerCase() : raw.value;
    if (!choices.includes(value as T)) throw invalid(what, raw, `use one of ${choices.join(", ")}`);
    return value as T;
  };
  const folder = (name: string, what: string): string | null => {
    const value = text(name, what, "give a folder path, absolute or relative to the project");
    return value === undefined ? null : isAbsolute(value) ? value : resolve(root, value);
  };
  const milliseconds = (name: string, fallback: number): number => {
    const raw = pick(name);
    if (raw === undefined) return fallback;
    const value = typeof raw.value === "string" ? Number(raw.value) : raw.value;
    if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value))
      throw invalid("time limit", raw, "give a positive number of milliseconds");
    return value;
  };

  const source = choice("source", "source", ["auto", ...sources.map((s) => s.name)], "auto");
  const dataDir = folder("dataDir", "data folder");
  const funds = parseFunds(file.value.funds, configPath);
  const listed = parseTickers(pick("tickers"));
  const tickers = [...listed, ...funds.map((f) => f.ticker).filter((t) => !listed.includes(t))];
  const start = text("start", "start date", "use YYYY-MM-DD") ?? "2000-01-01";
  if (Number.isNaN(parseDay(start))) throw invalid("start date", pick("start")!, "use YYYY-MM-DD");
  const cacheDir = folder("cacheDir", "cache folder") ?? resolve(root, ".workbench-cache");
  /** A provider's base URL: http(s), no user name or password (base-url.ts); null when not set. */
  const baseUrl = (name: string): string | null => {
    const given = text(name, "base URL", "give an http:// or https:// address");
    return given === undefined ? null : checkBaseUrl(given, {name: pick(name)!.where});
  };
  /** An API key: text, never echoed in a message (it would reach logs). */
  const secret = (name: string): string | null => {
    const raw = pick(name);
    if (raw === undefined) return null;
    if (typeof raw.value !== "string" || raw.value.trim() === "")
      throw new Error(`invalid API key (${raw.where}): give the key as text`);
    return raw.value.trim();
  };
  const sourceSettings = Object.fromEntries(
    sources
      .filter((s) => s.kind === "network")
      .map((s) => {
        const url = baseUrl(`${s.name}:url`);
        return [s.name, {url, key: secret(`${s.name}:key`)}];
      })
  );
  const researchDir = (name: string, fallback: string) => {
    const d = folder(name, "research folder");
    if (d !== null) return d;
    const shared = resolve(root, fallback);
    return existsSync(shared) ? shared : null;
  };
  const settings: Settings = {
    source,
    dataDir,
    tickers,
    funds,
    start,
    cacheDir,
    configFile: file.path,
    research: {
      source: choice("researchSource", "research source", ["auto", "live", "file", "sample"], "auto"),
      cacheDir,
      frenchDir: researchDir("frenchDir", "../shared/data/french"),
      fredDir: researchDir("fredDir", "../shared/data/fred"),
      frenchUrl: baseUrl("frenchUrl"),
      fredUrl: baseUrl("fredUrl"),
      timeoutMs: milliseconds("researchTimeoutMs", 8000)
    },
    fundValuation: {
      mode: choice("fundValuation", "fund valuation mode", ["auto", "cache", "off"], "auto"),
      timeoutMs: milliseconds("fundTimeoutMs", 10_000)
    },
    sources: sourceSettings
  };
  const chosen = sources.find((s) => s.name === source);
  if (chosen?.needsKey && !sourceSettings[chosen.name].key) {
    const {env: variable, key} = sourceSettingNames(chosen.name, "key");
    const variables = [variable, ...(chosen.keyEnv ?? [])].join(" or ");
    throw new Error(`source "${chosen.name}" needs an API key: set ${variables} (or "${key}" in ${configPath})`);
  }
  const problem = chosen?.check?.(settings);
  if (problem) throw new Error(problem);
  return settings;
}

function readConfigFile(path: string, required: boolean): {path: string | null; value: Record<string, unknown>} {
  if (!existsSync(path)) {
    if (required) throw new Error(`config file not found: ${path} (WORKBENCH_CONFIG)`);
    return {path: null, value: {}};
  }
  try {
    // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses.
    const value = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
    if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("expected a JSON object");
    return {path, value};
  } catch (error) {
    throw new Error(`cannot read config file ${path}: ${(error as Error).message}`);
  }
}

function parseTickers(raw: {value: unknown; where: string} | undefined): string[] {
  if (raw === undefined) return DEFAULT_UNIVERSE.map((f) => f.ticker);
  const {value, where} = raw;
  const items = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : null;
  if (items === null || items.some((t) => typeof t !== "string"))
    throw new Error(`invalid tickers ${JSON.stringify(value)}: give a comma list or an array of symbols (${where})`);
  const list = (items as string[]).map((t) => t.trim().toUpperCase()).filter((t) => t !== "");
  // A symbol starts with a letter, digit or ^ (an index), so "." and ".." never become file names.
  const bad = list.filter((t) => !SYMBOL.test(t));
  if (bad.length) throw new Error(`invalid ticker(s): ${bad.join(", ")} (${where} is a comma list like IWC,IJR,SPY)`);
  if (list.length === 0) throw new Error(`no tickers: ${where} is empty`);
  return [...new Set(list)];
}

const SYMBOL = /^[\^A-Z0-9][\^A-Z0-9.=-]{0,14}$/;

/** The config file's "funds": each {ticker, name, size, style}; a bad entry is named by its index and ticker. */
function parseFunds(value: unknown, configPath: string): Fund[] {
  if (value === undefined) return [];
  const example = `[{"ticker": "AVUV", "name": "Avantis U.S. Small Cap Value", "size": "small", "style": "value"}]`;
  if (!Array.isArray(value)) throw new Error(`invalid "funds" in ${configPath}: give a list of funds like ${example}`);
  const seen = new Set<string>();
  return value.map((entry: unknown, i) => {
    const raw = entry as Record<string, unknown> | null;
    const ticker = typeof raw?.ticker === "string" ? raw.ticker.trim().toUpperCase() : null;
    const label = `funds[${i}]${ticker ? ` (${ticker})` : ""} in ${configPath}`;
    const bad = (what: string) => new Error(`invalid ${label}: ${what}`);
    if (raw === null || typeof raw !== "object" || Array.isArray(raw))
      throw bad(`give an object with ticker, name, size and style, like ${example}`);
    const extra = Object.keys(raw).filter((k) => !["ticker", "name", "size", "style"].includes(k));
    if (extra.length)
      throw bad(`unknown field ${extra.map((k) => `"${k}"`).join(", ")}: the fields are ticker, name, size, style`);
    if (ticker === null || !SYMBOL.test(ticker))
      throw bad(`ticker ${JSON.stringify(raw.ticker)} is not a symbol like AVUV`);
    if (seen.has(ticker)) throw bad(`${ticker} is declared twice`);
    seen.add(ticker);
    if (typeof raw.name !== "string" || raw.name.trim() === "")
      throw bad(`name ${JSON.stringify(raw.name)} is not a text such as "Avantis U.S. Small Cap Value"`);
    const oneOf = <T extends string>(field: "size" | "style", choices: readonly T[]): T => {
      const v = typeof raw[field] === "string" ? (raw[field] as string).trim().toLowerCase() : raw[field];
      if (!choices.includes(v as T))
        throw bad(`${field} ${JSON.stringify(raw[field])} is not one of ${choices.join(", ")}`);
      return v as T;
    };
    return {ticker, name: raw.name.trim(), size: oneOf("size", DECLARED_SIZES), style: oneOf("style", DECLARED_STYLES)};
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
