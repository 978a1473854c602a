import {html} from "htl";
import {tableFromIPC, type Table} from "apache-arrow";
import {formatDay} from "../lib/dates.js";
import {pricesByTicker, type TickerPrices} from "../lib/price-panel.js";
import {tableColumns} from "../lib/table-columns.js";
import {fundLookup, sizeSide, type Fund} from "../lib/universe.js";
import type {FundValuationSnapshot} from "../lib/fund-valuation.js";
import {pageTools} from "./page-tools.js";
import type {PricesMeta as Meta, ResearchMeta} from "../lib/contracts.js";
import {provenanceBanner, sourceLine} from "./provenance.js";
import {researchBanner, researchSourceLine} from "./research-provenance.js";

/** The research tables (date plus numeric columns, Arrow) a page can open. */
export type TableName = "factors" | "factors5" | "factorsMonthly" | "factorsAnnual" | "macro" | "valuation";

/**
 * Every data file of the site, by name, as a function that reads it: Arrow
 * files as bytes, JSON files parsed (page.ts reads them with FileAttachment; tests pass stand-ins).
 */
export type DataFiles = Record<"prices" | TableName, () => Promise<ArrayBuffer>> &
  Record<"meta" | "research" | "fundValuation", () => Promise<any>>;

/** What a page opens: one object, one line in the page. */
export interface PageRequest extends Partial<Record<TableName, readonly string[]>> {
  /** The fund prices and their provenance (prices.arrow, meta.json). */
  prices?: boolean;
  /** The funds' names, sizes and styles (meta.json's universe) without their prices. */
  universe?: boolean;
  /** Research series this page shows (e.g. "F-F_Research_Data_Factors_daily"), for their banner and source lines. */
  research?: readonly string[];
  /** The fund holdings' valuation snapshot (fund-valuation.json). */
  fundValuation?: boolean;
  /** Figures combine fund prices with research data (a regression, a regime table): warn when one is synthetic and the other not. */
  combines?: boolean;
}

/** A research table's columns as Float64Arrays (see tableColumns), with the names it lacks in `missing`. */
export type Columns = {date: Float64Array; missing: string[]} & Record<string, Float64Array>;

/** An opened page: its data decoded, the funds it can show, and its header and source lines. */
export interface Page extends Partial<Record<TableName, Columns>> {
  /** Per-fund typed arrays (empty when prices were not asked for). */
  prices: Map<string, TickerPrices>;
  /** The prices as decoded, one long Arrow table (null when prices were not asked for): for arquero's `aq.fromArrow`. */
  pricesTable: Table | null;
  meta: Meta | null;
  research: ResearchMeta | null;
  fundValuation: FundValuationSnapshot | null;
  /** The universe's funds that have prices, in the universe's order. */
  loaded: string[];
  /** Funds asked for whose prices did not load. */
  missing: string[];
  /** The first and the last day of any fund's prices, YYYY-MM-DD (today when there are none). */
  firstDay: string;
  lastDay: string;
  /** Name, size and style of a ticker: the declared universe first (meta.json), then the built-in list. */
  fund(ticker: string): Fund;
  /** The loaded funds on one side of a small-versus-large comparison (see sizeSide). */
  side(which: "small" | "large"): string[];
  /** The page's header: sharing tools, then the banners (same options; `{prices: false}` on a page that shows its banners further down). */
  header(options?: {prices?: boolean; research?: readonly string[]}): HTMLElement;
  /** The banners alone, for a page whose data depend on an input (defaults: what the page opened). */
  banners(options?: {prices?: boolean; research?: readonly string[]}): HTMLElement;
  /** The source line under a chart of fund prices. */
  sourceLine(options?: {asOf?: string; tickers?: readonly string[]}): HTMLElement;
  /** The source line under a chart of research data (defaults to the page's research series). */
  researchLine(options?: {ids?: readonly string[]; asOf?: string; extra?: string}): HTMLElement;
}

/**
 * Opens what a page asks for, all files at once, and decodes it: Arrow
 * prices into per-fund typed arrays, research tables into columns.
 */
export async function openData(files: DataFiles, request: PageRequest): Promise<Page> {
  const tableNames = (["factors", "factors5", "factorsMonthly", "factorsAnnual", "macro", "valuation"] as const).filter(
    (n) => request[n]
  );
  const arrow = async (read: () => Promise<ArrayBuffer>) => tableFromIPC(new Uint8Array(await read()));
  const [pricesTable, meta, research, fundValuation, ...tables] = await Promise.all([
    request.prices ? arrow(files.prices) : null,
    request.prices || request.universe ? (files.meta() as Promise<Meta>) : null,
    request.research ? (files.research() as Promise<ResearchMeta>) : null,
    request.fundValuation ? (files.fundValuation() as Promise<FundValuationSnapshot>) : null,
    ...tableNames.map((n) => arrow(files[n]))
  ]);
  const prices = pricesTable ? pricesByTicker(pricesTable) : new Map<string, TickerPrices>();
  const fund = fundLookup(meta?.universe);
  const tickers = meta?.tickers ?? [];
  const loaded = tickers.filter((t) => prices.has(t));
  const [first, last] = dayBounds(prices.values());
  const ids = request.research ?? [];
  const banners: Page["banners"] = ({prices: withPrices = !!request.prices, research: shown = ids} = {}) =>
    html`<div class="workbench-banners">
      ${withPrices && meta ? provenanceBanner(meta) : ""}${
        research && shown.length ? researchBanner(research, {ids: shown}) : ""
      }${request.combines && withPrices && meta && research ? mixedBanner(meta, research, shown) : ""}
    </div>`;
  const page: Page = {
    prices,
    pricesTable,
    meta,
    research,
    fundValuation,
    loaded,
    missing: request.prices ? tickers.filter((t) => !prices.has(t)) : [],
    firstDay: formatDay(first),
    lastDay: formatDay(last),
    fund,
    side: (which) => loaded.filter((t) => sizeSide(fund(t).size) === which),
    header: (options) => html`<div class="workbench-header">${pageTools()}${banners(options)}</div>`,
    banners,
    sourceLine: (options) => (meta ? sourceLine(meta, options) : html`<span></span>`),
    researchLine: ({ids: shown = ids, ...options} = {}) =>
      research ? researchSourceLine(research, {ids: shown, ...options}) : html`<span></span>`
  };
  tableNames.forEach((name, k) => (page[name] = tableColumns(tables[k]!, request[name]!) as Columns));
  return page;
}

/** The first and the last day over every fund, in one pass (no spread of a long array into Math.min); today when empty. */
export function dayBounds(series: Iterable<{date: ArrayLike<number>}>): [first: number, last: number] {
  let first = Infinity;
  let last = -Infinity;
  for (const {date} of series) {
    if (!date.length) continue;
    if (date[0] < first) first = date[0];
    if (date[date.length - 1] > last) last = date[date.length - 1];
  }
  if (first > last)
    first = last = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  return [first, last];
}

/** Synthetic prices beside real research data (or the reverse): figures that combine them mean nothing, and the page says so. */
function mixedBanner(meta: Meta, research: ResearchMeta, ids: readonly string[]): HTMLElement | string {
  const shown = research.series.filter((s) => ids.includes(s.ticker));
  if (!shown.length || meta.synthetic === shown.every((s) => s.synthetic)) return "";
  const which = meta.synthetic
    ? "The fund prices are synthetic, the research data are real"
    : "The research data are synthetic, the fund prices are real";
  return html`<div class="note workbench-banner synthetic" role="alert">
    <p>
      <strong>${which}: figures that combine them are meaningless.</strong> They show only that the page works. Load
      real data (<code>WORKBENCH_SOURCE=csv</code> with <code>WORKBENCH_DATA_DIR</code>, or build online) before reading
      anything into them.
    </p>
  </div>`;
}
