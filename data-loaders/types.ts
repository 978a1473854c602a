/**
 * One ticker's daily bars as aligned typed arrays (no per-row objects, so
 * 5,000-row series move between source, cache and Arrow writer cheaply).
 * Missing values are NaN in memory and null in Arrow and JSON, never 0.
 */
export interface PriceSeries {
  ticker: string;
  /** Epoch milliseconds of the trading day at 00:00 UTC, strictly increasing. */
  date: Float64Array;
  close: Float64Array;
  /** Close adjusted for splits and dividends; NaN throughout when the source gives none. */
  adjClose: Float64Array;
  /** Cash dividend going ex on that day; 0 on days without one. */
  dividend: Float64Array;
  /** Split ratio taking effect that day (2 for 2-for-1); 1 on days without one. */
  split: Float64Array;
  volume: Float64Array;
}

/** What one provider returned for one ticker: a series, or an error that names the ticker and the cause. */
export type TickerOutcome =
  | {ticker: string; ok: true; series: PriceSeries; warnings: string[]}
  | {ticker: string; ok: false; error: string; warnings: string[]};

export interface FetchOptions {
  /** First date wanted, YYYY-MM-DD. */
  start: string;
  /** Last date wanted, YYYY-MM-DD (inclusive); today when omitted. */
  end?: string;
  /** Called as each ticker finishes (or makes progress), for progress bars. */
  onProgress?: (event: ProgressEvent) => void;
}

export interface ProgressEvent {
  ticker: string;
  phase: "start" | "retry" | "done" | "error";
  message?: string;
}

/** A provider of daily prices. One bad ticker never fails the others: each gets its own outcome. */
export interface PriceSource {
  readonly name: string;
  fetch(tickers: readonly string[], options: FetchOptions): Promise<TickerOutcome[]>;
}
