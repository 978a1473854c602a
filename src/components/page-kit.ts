import {html} from "htl";
import {tableFromIPC, type Table} from "apache-arrow";
import {formatDay} from "../lib/dates.js";
import {pricesByTicker, type TickerPrices} from "../lib/price-panel.js";
import {tableColumns} from "../lib/table-columns.js";
import {DEFAULT_UNIVERSE, fundLookup, sizeSide, type Fund} from "../lib/universe.js";
import type {FundValuationSnapshot} from "../lib/fund-valuation.js";
import {pageTools} from "./page-tools.js";
import type {PricesMeta as Meta, ResearchMeta} from "../lib/contracts.js";
import {provenanceBanner, sourceLine} from "./provenance.js";
import {researchBanner, researchSourceLine} from "./research-provenance.js";

/** The research tables (date plus numeric columns, Arrow) a page can open. */
export type TableName = "factors" | "factors5" | "factorsMonthly" | "factorsAnnual" | "macro" | "valuation";

/**
 * Every data file of the site, by name, as a function that reads it: Arrow
 * files as bytes, JSON files parsed, and one fund's price file by its path
 * relative to meta.json (page.ts reads them with FileAttachment and fetch; tests pass stand-ins).
 */
export type DataFiles = Record<TableName, () => Promise<ArrayBuffer>> &
  Record<"meta" | "research" | "fundValuation", () => Promise<any>> & {price: (path: string) => Promise<ArrayBuffer>};

/** What a page opens: one object, one line in the page. */
export interface PageRequest extends Partial<Record<TableName, readonly string[]>> {
  /** Every fund's prices at once (page.prices): a page that shows chosen funds opens `universe` and calls page.load instead. */
  prices?: boolean;
  /** The funds' names, sizes, styles and date ranges (meta.json), so that page.load can fetch the funds shown. */
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
  /** Every fund's typed arrays with `{prices: true}`, else empty: use page.load for the funds shown. */
  prices: Map<string, TickerPrices>;
  /**
   * The typed arrays of the funds given (those that have prices, in the order given), fetched on first use and
   * kept, so a redraw that shows the same funds fetches nothing. A fund that fails to download is left out and
   * asked for again next time.
   */
  load(tickers: Iterable<string>): Promise<Map<string, TickerPrices>>;
  /** The same funds' price files as decoded Arrow tables, one per fund in the order given, for arquero (arqueroPrices). */
  loadArrow(tickers: Iterable<string>): Promise<Table[]>;
  meta: Meta | null;
  research: ResearchMeta | null;
  fundValuation: FundValuationSnapshot | null;
  /** The universe's funds that have prices (whether fetched yet or not), in the universe's order. */
  loaded: string[];
  /** What a page shows until the reader picks: the declared and built-in funds that have prices, else the first twelve. */
  featured: string[];
  /** Funds asked for whose prices did not load. */
  missing: string[];
  /** The first and the last day of any fund's prices, YYYY-MM-DD (today when there are none). */
  firstDay: string;
  lastDay: string;
  /** Name, size and style of a ticker: the declared universe first (meta.json), then the built-in list. */
  fund(ticker: string): Fund;
  /** A fund in a few words for a search box: "IJR · iShares Core S&P Small-Cap 600". */
  describe(ticker: string): string;
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
 * Opens what a page asks for, all files at once, and decodes it: research
 * tables into columns, the universe from meta.json, and with `prices` every
 * fund's prices (page.load fetches only the funds given).
 */
export async function openData(files: DataFiles, request: PageRequest): Promise<Page> {
  const tableNames = (["factors", "factors5", "factorsMonthly", "factorsAnnual", "macro", "valuation"] as const).filter(
    (n) => request[n]
  );
  const arrow = async (read: () => Promise<ArrayBuffer>) => tableFromIPC(new Uint8Array(await read()));
  const [meta, research, fundValuation, ...tables] = await Promise.all([
    request.prices || request.universe ? (files.meta() as Promise<Meta>) : null,
    request.research ? (files.research() as Promise<ResearchMeta>) : null,
    request.fundValuation ? (files.fundValuation() as Promise<FundValuationSnapshot>) : null,
    ...tableNames.map((n) => arrow(files[n]))
  ]);
  const fund = fundLookup(meta?.universe);
  const priceFiles = meta?.files ?? {};
  const tickers = meta?.tickers ?? [];
  const loaded = tickers.filter((t) => priceFiles[t]);
  const funds = fundLoader(files, priceFiles);
  const [first, last] = dayBounds((meta?.series ?? []).filter((s) => s.kind === "prices" && priceFiles[s.ticker]));
  const known = new Set([
    ...DEFAULT_UNIVERSE.map((f) => f.ticker),
    ...(meta?.universe ?? []).filter((f) => f.declared).map((f) => f.ticker)
  ]);
  const featured = loaded.filter((t) => known.has(t));
  const ids = request.research ?? [];
  const banners: Page["banners"] = ({
    prices: withPrices = !!(request.prices || request.universe),
    research: shown = ids
  } = {}) =>
    html`<div class="workbench-banners">
      ${withPrices && meta ? provenanceBanner(meta) : ""}${
        research && shown.length ? researchBanner(research, {ids: shown}) : ""
      }${request.combines && withPrices && meta && research ? mixedBanner(meta, research, shown) : ""}
    </div>`;
  const page: Page = {
    prices: request.prices ? await funds.load(loaded) : new Map(),
    load: funds.load,
    loadArrow: funds.loadArrow,
    meta,
    research,
    fundValuation,
    loaded,
    featured: featured.length ? featured : loaded.slice(0, 12),
    missing: tickers.filter((t) => !priceFiles[t]),
    firstDay: first,
    lastDay: last,
    fund,
    describe: (ticker) => (fund(ticker).name === ticker ? ticker : `${ticker} · ${fund(ticker).name}`),
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

/** page.load and page.loadArrow: each fund's file fetched once and decoded; a failed fetch is forgotten, so asked again. */
function fundLoader(files: DataFiles, priceFiles: Record<string, string>): Pick<Page, "load" | "loadArrow"> {
  type Loaded = {table: Table; prices: TickerPrices};
  const kept = new Map<string, Promise<Loaded | null>>();
  const one = (ticker: string) => {
    let p = kept.get(ticker);
    if (!p) {
      p = files
        .price(`prices/${priceFiles[ticker]}`)
        .then((bytes) => {
          const table = tableFromIPC(new Uint8Array(bytes));
          const prices = pricesByTicker(table).get(ticker);
          return prices ? {table, prices} : null;
        })
        .catch((error) => {
          kept.delete(ticker);
          console.warn(
            `the prices of ${ticker} could not be loaded (${error.message}): reload the page, or rebuild the site`
          );
          return null;
        });
      kept.set(ticker, p);
    }
    return p;
  };
  const fetchAll = async (tickers: Iterable<string>) => {
    const wanted = [...new Set(tickers)].filter((t) => priceFiles[t]);
    return (await Promise.all(wanted.map(one))).filter((f): f is Loaded => f !== null);
  };
  return {
    load: async (tickers) => new Map((await fetchAll(tickers)).map((f) => [f.prices.ticker, f.prices])),
    loadArrow: async (tickers) => (await fetchAll(tickers)).map((f) => f.table)
  };
}

/** The earliest first day and the latest last day of the series given, YYYY-MM-DD (days sort as text); today for none. */
export function dayBounds(
  series: readonly {first: string | null; last: string | null}[]
): [first: string, last: string] {
  let first = "";
  let last = "";
  for (const s of series) {
    if (!s.first || !s.last) continue;
    if (!first || s.first < first) first = s.first;
    if (s.last > last) last = s.last;
  }
  return first ? [first, last] : [formatDay(Date.now()), formatDay(Date.now())];
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
