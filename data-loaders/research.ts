import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {formatDay} from "../src/lib/dates.js";
import {writeFileAtomic} from "./atomic.js";
import {fetchFred, parseFredCsv} from "./fred.js";
import {checkBaseUrl} from "./base-url.js";
import {classifyError} from "./network.js";
import {fetchFrench, parseFrenchCsv} from "./french.js";
import {sampleFred, sampleFrench} from "./research-sample.js";
import type {ResearchSettings} from "./settings.js";
import type {ResearchProvenance, SeriesProvenance} from "../src/lib/contracts.js";

/**
 * Research data (Ken French library files, FRED series) from the first source
 * that has them: live (only when the cached copy is more than a day old) →
 * on-disk cache (raw text, written atomically) → a local folder of files →
 * a deterministic synthetic sample, labelled. The research source setting
 * (auto | live | file | sample, see settings.ts) forces one.
 */

export type Provider = "french" | "fred";

export interface Dataset {
  provider: Provider;
  id: string;
  kind: "factors" | "valuation" | "macro";
  /** What it is, for provenance lines. */
  title: string;
}

export const DATASETS: readonly Dataset[] = [
  {provider: "french", id: "F-F_Research_Data_Factors_daily", kind: "factors", title: "Fama/French 3 factors, daily"},
  {provider: "french", id: "F-F_Research_Data_Factors", kind: "factors", title: "Fama/French 3 factors, monthly"},
  {
    provider: "french",
    id: "F-F_Research_Data_5_Factors_2x3_daily",
    kind: "factors",
    title: "Fama/French 5 factors (2x3), daily"
  },
  {provider: "french", id: "F-F_Momentum_Factor_daily", kind: "factors", title: "Momentum factor, daily"},
  {provider: "french", id: "25_Portfolios_5x5", kind: "valuation", title: "25 portfolios formed on size and BE/ME"},
  {provider: "french", id: "6_Portfolios_2x3", kind: "valuation", title: "6 portfolios formed on size and BE/ME"},
  {provider: "french", id: "Portfolios_Formed_on_ME", kind: "valuation", title: "Portfolios formed on size (ME)"},
  {provider: "fred", id: "DGS10", kind: "macro", title: "10-year Treasury yield, daily"},
  {provider: "fred", id: "DFF", kind: "macro", title: "Effective fed funds rate, daily"},
  {provider: "fred", id: "FEDFUNDS", kind: "macro", title: "Effective fed funds rate, monthly average"},
  {provider: "fred", id: "INDPRO", kind: "macro", title: "Industrial production index"}
];

export interface RawDataset {
  dataset: Dataset;
  /** The provider's CSV text, or null when no source had it. */
  text: string | null;
  provenance: ResearchProvenance;
}

export interface AcquireOptions {
  fetch?: typeof globalThis.fetch;
  now?: number;
  log?: (message: string) => void;
  /** Max age of a cached copy before a live refresh is tried (default one day). */
  maxAgeMs?: number;
  frenchBaseUrl?: string;
  fredBaseUrl?: string;
}

const DAY = 86_400_000;

/** Fetches every dataset (in parallel), each from the first source that has it; never throws for a missing one. */
export async function acquireAll(
  settings: ResearchSettings,
  datasets: readonly Dataset[] = DATASETS,
  options: AcquireOptions = {}
): Promise<RawDataset[]> {
  // A bad base URL (one carrying credentials) is a setting to fix, not a failed fetch to fall back from.
  if (settings.source === "auto" || settings.source === "live") {
    for (const url of [options.frenchBaseUrl, options.fredBaseUrl]) if (url) checkBaseUrl(url, {name: "baseUrl"});
  }
  // The network found gone (no DNS, connection refused: network.ts) means offline: skip the other live requests.
  // The first dataset goes alone, so that offline the others skip straight to the cache or files.
  const network = {down: null as string | null};
  if (!datasets.length) return [];
  const first = await acquire(settings, datasets[0], options, network);
  return [first, ...(await Promise.all(datasets.slice(1).map((d) => acquire(settings, d, options, network))))];
}

async function acquire(
  settings: ResearchSettings,
  dataset: Dataset,
  options: AcquireOptions,
  network: {down: string | null}
): Promise<RawDataset> {
  const {now = Date.now(), log = () => {}, maxAgeMs = DAY} = options;
  const warnings: string[] = [];
  const cachePath = join(settings.cacheDir, dataset.provider, `${dataset.id}.csv`);
  const cached = existsSync(cachePath)
    ? {text: readFileSync(cachePath, "utf8"), fetchedAt: statSync(cachePath).mtimeMs}
    : null;
  const result = (
    text: string,
    source: SeriesProvenance["source"],
    fetchedAt: number | null,
    extra: {synthetic?: boolean; fromCache?: boolean} = {}
  ): RawDataset => ({
    dataset,
    text,
    provenance: describe(dataset, text, {source, fetchedAt, now, warnings, ...extra})
  });

  if (settings.source === "sample") return result(sampleText(dataset, now), "sample", now, {synthetic: true});
  if (settings.source === "auto" || settings.source === "live") {
    const fresh = cached && now - cached.fetchedAt < maxAgeMs && valid(dataset, cached.text);
    if (settings.source === "auto" && fresh) return result(cached.text, "cache", cached.fetchedAt, {fromCache: true});
    if (network.down) warnings.push(`live fetch skipped: ${network.down}`);
    else {
      try {
        const text = await fetchLive(dataset, settings, options);
        const problem = validate(dataset, text);
        if (problem) throw new Error(`unexpected content: ${problem}`);
        writeFileAtomic(cachePath, text);
        log(`research: ${dataset.id} fetched live`);
        return result(text, dataset.provider, now);
      } catch (error) {
        const {message} = error as Error;
        // The one offline rule (network.ts): a bad answer from a reachable host (HTTP error, corrupt zip, content
        // that does not parse) is that dataset's problem and must not stop the others' live fetches.
        if (classifyError(error) === "offline") network.down = `network unavailable (${message})`;
        warnings.push(`live fetch failed: ${message}`);
        log(`research: ${dataset.id} live fetch failed: ${message}`);
      }
    }
    if (settings.source === "live")
      return {
        dataset,
        text: null,
        provenance: describe(dataset, null, {source: dataset.provider, fetchedAt: null, now, warnings})
      };
    if (cached && valid(dataset, cached.text)) {
      warnings.push(`stale cache: fetched ${formatDay(cached.fetchedAt)}, not refreshed`);
      return result(cached.text, "cache", cached.fetchedAt, {fromCache: true});
    }
  }
  const dir = dataset.provider === "french" ? settings.frenchDir : settings.fredDir;
  const file = dir ? findFile(dir, dataset.id) : null;
  if (file) {
    const text = readFileSync(file, "utf8");
    const problem = validate(dataset, text);
    if (!problem) return result(text, "file", statSync(file).mtimeMs as number);
    warnings.push(`unreadable file ${file}: ${problem}`);
  } else {
    warnings.push(
      dir
        ? `no ${dataset.id} file in ${dir}`
        : `no local ${dataset.provider} folder (set WORKBENCH_${dataset.provider.toUpperCase()}_DIR)`
    );
  }
  if (settings.source === "file")
    return {dataset, text: null, provenance: describe(dataset, null, {source: "file", fetchedAt: null, now, warnings})};
  warnings.push("synthetic sample: no live, cached or local copy");
  return result(sampleText(dataset, now), "sample", now, {synthetic: true});
}

function fetchLive(dataset: Dataset, settings: ResearchSettings, options: AcquireOptions): Promise<string> {
  const common = {fetch: options.fetch ?? globalThis.fetch, timeoutMs: settings.timeoutMs};
  // The settings hold the WORKBENCH_FRENCH_URL / WORKBENCH_FRED_URL overrides, checked there; tests pass their own.
  const baseUrl = (url: string | null | undefined) => (url ? {baseUrl: url.replace(/\/+$/, "")} : {});
  return dataset.provider === "french"
    ? fetchFrench(dataset.id, {...common, ...baseUrl(options.frenchBaseUrl ?? settings.frenchUrl)})
    : fetchFred(dataset.id, {...common, ...baseUrl(options.fredBaseUrl ?? settings.fredUrl)});
}

/** The dataset's file in a folder, matched case-insensitively (French publishes .CSV, FRED .csv). */
function findFile(dir: string, id: string): string | null {
  if (!existsSync(dir)) return null;
  const name = readdirSync(dir).find((f) => f.toLowerCase() === `${id.toLowerCase()}.csv`);
  return name ? join(dir, name) : null;
}

function sampleText(dataset: Dataset, now: number): string {
  // Through the last complete month, so the sample looks like a fresh download.
  const d = new Date(now);
  const endKey = d.getUTCFullYear() * 12 + d.getUTCMonth() - 1;
  return dataset.provider === "french" ? sampleFrench(dataset.id, endKey) : sampleFred(dataset.id, endKey);
}

/** Why a text is not this dataset, or null when it parses with data. */
export function validate(dataset: Dataset, text: string): string | null {
  try {
    if (dataset.provider === "fred") {
      const {dates, values} = parseFredCsv(text, {id: dataset.id});
      if (!dates.length) return "no rows";
      return values.some((v) => !Number.isNaN(v)) ? null : `every one of its ${dates.length} values is missing (".")`;
    }
    return parseFrenchCsv(text).sections.length ? null : "no tables";
  } catch (error) {
    return (error as Error).message;
  }
}

const valid = (dataset: Dataset, text: string) => validate(dataset, text) === null;

/** Monthly data this many days past its last observation is stale (French publishes with a lag of a month or two). */
const STALE_DAYS = {daily: 45, monthly: 120};

function describe(
  dataset: Dataset,
  text: string | null,
  {
    source,
    fetchedAt,
    now,
    warnings,
    synthetic = false,
    fromCache = false
  }: {
    source: SeriesProvenance["source"];
    fetchedAt: number | null;
    now: number;
    warnings: string[];
    synthetic?: boolean;
    fromCache?: boolean;
  }
): ResearchProvenance {
  let first: number | null = null;
  let last: number | null = null;
  let rows = 0;
  let vintage: string | null = synthetic ? "synthetic" : null;
  let daily = false;
  if (text !== null) {
    if (dataset.provider === "fred") {
      const s = parseFredCsv(text, {id: dataset.id});
      const ok = s.dates.filter((_, i) => !Number.isNaN(s.values[i]));
      rows = ok.length;
      first = ok[0] ?? null;
      last = ok[ok.length - 1] ?? null;
      daily = rows > 1 && (last! - first!) / rows < 5 * DAY;
      if (!synthetic && fetchedAt !== null) vintage = formatDay(fetchedAt);
    } else {
      const file = parseFrenchCsv(text);
      const main = file.sections[0];
      rows = main.dates.length;
      first = main.dates[0];
      last = main.dates[rows - 1];
      daily = main.frequency === "daily";
      if (!synthetic) vintage = file.vintage;
      warnings = [...warnings, ...file.warnings];
    }
  }
  const all = [...warnings];
  if (last !== null && !synthetic && now - last > (daily ? STALE_DAYS.daily : STALE_DAYS.monthly) * DAY) {
    all.push(`stale: last observation ${formatDay(last)}, ${Math.round((now - last) / DAY)} days ago`);
  }
  if (text === null) all.push("missing: no source had this series");
  return {
    id: `${dataset.provider}:${dataset.id}`,
    kind: dataset.kind,
    ticker: dataset.id,
    provider: dataset.provider,
    title: dataset.title,
    source,
    first: first === null ? null : formatDay(first),
    last: last === null ? null : formatDay(last),
    rows,
    fetchedAt: fetchedAt === null ? null : new Date(fetchedAt).toISOString(),
    fromCache,
    synthetic,
    vintage,
    warnings: all
  };
}
