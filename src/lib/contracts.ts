/**
 * The files the data loaders write and the pages read (src/data/meta.json,
 * src/data/research-meta.json), declared once. Types only: the loaders in
 * data-loaders/ (Node) and the components in src/ (browser) both import them,
 * so the browser never imports Node code. See docs/architecture.md.
 */
import type {Fund} from "./universe.js";

/** Provenance of one series, as shown under every chart. */
export interface SeriesProvenance {
  /** "prices:IJR", "french:F-F_Research_Data_Factors_daily", "fred:DGS10". */
  id: string;
  kind: "prices" | "factors" | "valuation" | "macro";
  ticker: string;
  /** The source's registry name ("yahoo", "csv", "sample", …), "cache" for a cached copy used after a failed fetch, or a research origin ("french", "fred", "file"). */
  source: string;
  /** How a source line names the source ("Yahoo Finance daily chart data"). */
  sourceTitle?: string;
  first: string | null;
  last: string | null;
  rows: number;
  fetchedAt: string | null;
  fromCache: boolean;
  synthetic: boolean;
  /** How total return is computed for this series. */
  totalReturnBasis?: "adjClose" | "close+dividends";
  warnings: string[];
}

/** Provenance of one research series: SeriesProvenance plus the dataset's provider, vintage and title. */
export interface ResearchProvenance extends SeriesProvenance {
  provider: "french" | "fred";
  title: string;
  /** French: the CRSP vintage (YYYYMM) in the file; FRED: the fetch or file date; "synthetic" for samples. */
  vintage: string | null;
}

/** One loaded ticker's description: declared in the config file, else the built-in list, else "other". */
export interface UniverseEntry extends Fund {
  /** True when the fund is declared in the config file's "funds". */
  declared: boolean;
}

/** src/data/meta.json: the prices snapshot's provenance. */
export interface PricesMeta {
  generatedAt: string;
  /** The source setting ("auto" or a registry name). */
  requestedSource: string;
  /** The source actually used: a registry name, or "cache" when every live fetch failed. */
  source: string;
  /** How a source line names it: "Yahoo Finance daily chart data", "CSV files". */
  sourceTitle: string;
  synthetic: boolean;
  stale: boolean;
  tickers: string[];
  /** Name, size and style of every ticker in `tickers`: the one place pages read them from. */
  universe: UniverseEntry[];
  start: string;
  /** For the csv source, the data folder's name (never its full path): where the reader updates the files. */
  dataDir?: string;
  notes: string[];
  series: SeriesProvenance[];
  /** Each ticker's price file (one Arrow file in prices.arrow's long format), relative to meta.json: `prices/${name}`. */
  files?: Record<string, string>;
}

/** src/data/research-meta.json: the research snapshot's provenance. */
export interface ResearchMeta {
  generatedAt: string;
  requestedSource: string;
  /** The origins used, comma-separated ("french, fred", "cache", "sample"). */
  source: string;
  synthetic: boolean;
  stale: boolean;
  /** Ids of the series no source had. */
  missing: string[];
  notes: string[];
  series: ResearchProvenance[];
}
