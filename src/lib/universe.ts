/** Size bucket of a fund, from smallest to largest; "other" for tickers we know nothing about. */
export type SizeBucket = "micro" | "small" | "mid" | "large" | "market" | "other";
export type Style = "value" | "core" | "growth" | "blend" | "other";

export interface Fund {
  ticker: string;
  name: string;
  size: SizeBucket;
  style: Style;
}

/** The factor set of the reference article, plus the Russell pair (IWM/IWB). */
export const DEFAULT_UNIVERSE: readonly Fund[] = [
  {ticker: "IWC", name: "iShares Micro-Cap", size: "micro", style: "blend"},
  {ticker: "IJS", name: "iShares S&P Small-Cap 600 Value", size: "small", style: "value"},
  {ticker: "IJR", name: "iShares Core S&P Small-Cap 600", size: "small", style: "core"},
  {ticker: "IJT", name: "iShares S&P Small-Cap 600 Growth", size: "small", style: "growth"},
  {ticker: "IJH", name: "iShares Core S&P Mid-Cap 400", size: "mid", style: "core"},
  {ticker: "IVE", name: "iShares S&P 500 Value", size: "large", style: "value"},
  {ticker: "IVV", name: "iShares Core S&P 500", size: "large", style: "core"},
  {ticker: "IVW", name: "iShares S&P 500 Growth", size: "large", style: "growth"},
  {ticker: "SPY", name: "SPDR S&P 500", size: "market", style: "blend"},
  {ticker: "IWM", name: "iShares Russell 2000", size: "small", style: "blend"},
  {ticker: "IWB", name: "iShares Russell 1000", size: "large", style: "blend"}
];

/** Other funds a researcher may add (the shared data folder holds several of them). */
const KNOWN: readonly Fund[] = [
  {ticker: "IWD", name: "iShares Russell 1000 Value", size: "large", style: "value"},
  {ticker: "IWF", name: "iShares Russell 1000 Growth", size: "large", style: "growth"},
  {ticker: "VB", name: "Vanguard Small-Cap", size: "small", style: "blend"},
  {ticker: "VBR", name: "Vanguard Small-Cap Value", size: "small", style: "value"},
  {ticker: "VTI", name: "Vanguard Total Stock Market", size: "market", style: "blend"},
  {ticker: "RSP", name: "Invesco S&P 500 Equal Weight", size: "large", style: "blend"},
  {ticker: "QQQ", name: "Invesco QQQ (Nasdaq-100)", size: "large", style: "growth"},
  {ticker: "AVUV", name: "Avantis U.S. Small Cap Value", size: "small", style: "value"},
  {ticker: "SIZE", name: "iShares MSCI USA Size Factor", size: "mid", style: "blend"},
  {ticker: "VLUE", name: "iShares MSCI USA Value Factor", size: "large", style: "value"},
  {ticker: "MTUM", name: "iShares MSCI USA Momentum Factor", size: "large", style: "other"},
  {ticker: "QUAL", name: "iShares MSCI USA Quality Factor", size: "large", style: "other"},
  {ticker: "USMV", name: "iShares MSCI USA Min Vol Factor", size: "large", style: "other"}
];

/** Sort order of size buckets, small first, so tables and legends read small → large. */
export const SIZE_ORDER: readonly SizeBucket[] = ["micro", "small", "mid", "large", "market", "other"];

/** The sizes and styles a fund can be declared with in the config file's "funds". */
export const DECLARED_SIZES: readonly SizeBucket[] = ["micro", "small", "mid", "large", "market"];
export const DECLARED_STYLES: readonly Style[] = ["value", "core", "growth", "blend"];

/**
 * Name, size and style of each ticker, one entry per ticker in order: a fund
 * declared in the config file as declared, else the built-in description (the
 * default universe, the known list), else an "other" fund named by its ticker.
 * - declared: the config file's "funds", already validated.
 */
export function describeUniverse(
  tickers: readonly string[],
  declared: readonly Fund[] = []
): (Fund & {declared: boolean})[] {
  const byTicker = new Map(declared.map((f) => [f.ticker.toUpperCase(), f]));
  return tickers.map((t) => {
    const fund = byTicker.get(t.toUpperCase());
    return fund ? {...fund, declared: true} : {...fundInfo(t), declared: false};
  });
}

/** Describes a ticker: from the default universe or the known list, else an "other" fund named by its ticker. */
export function fundInfo(ticker: string): Fund {
  const t = ticker.toUpperCase();
  return (
    DEFAULT_UNIVERSE.find((f) => f.ticker === t) ??
    KNOWN.find((f) => f.ticker === t) ?? {ticker: t, name: t, size: "other", style: "other"}
  );
}

/**
 * A ticker-to-fund lookup that takes a universe first (meta.json's, which
 * carries the funds a researcher declared with their name, size and style)
 * and falls back to fundInfo, so older meta files without one still work.
 */
export function fundLookup(universe: readonly Fund[] = []): (ticker: string) => Fund {
  const byTicker = new Map(universe.map((f) => [f.ticker.toUpperCase(), f]));
  return (ticker) => byTicker.get(ticker.toUpperCase()) ?? fundInfo(ticker);
}

/**
 * The side a size bucket takes in every small-versus-large comparison (pair
 * pickers, fund medians, captions): micro and small caps are the small side;
 * large caps and the market (S&P 500, total market: large caps by weight)
 * the large side; mid caps and unknown funds neither.
 */
export function sizeSide(size: SizeBucket): "small" | "large" | null {
  return size === "micro" || size === "small" ? "small" : size === "large" || size === "market" ? "large" : null;
}
