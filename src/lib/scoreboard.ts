import {maxDrawdown} from "./drawdown.js";
import {periodWindow, type Period} from "./periods.js";
import type {TickerPrices} from "./price-panel.js";
import {simpleReturns} from "./returns.js";
import {fundInfo, type Fund} from "./universe.js";
import {annualizedVolatility} from "./volatility.js";

/** One fund's line on the scoreboard. */
export interface ScoreboardRow extends Fund {
  /** Total return over the period, a fraction. */
  totalReturn: number;
  /** Annualised volatility of daily returns within the period. */
  volatility: number;
  /** Worst fall from a running peak within the period (≤ 0). */
  maxDrawdown: number;
  /** The base close and the last close the figures use, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
}

/** The scoreboard with funds that could not be scored and why. */
export interface Scoreboard {
  rows: ScoreboardRow[];
  missing: {ticker: string; reason: string}[];
}

/**
 * Total return, volatility and max drawdown of each fund over a period
 * ending at an as-of date, sorted best first. A fund with no data or too
 * short a history for the period is listed in `missing` with the reason.
 *
 * - period: see periodWindow (default "ytd")
 * - asOf: YYYY-MM-DD (default: each fund's last day)
 * - from: custom period start
 * - fund: ticker to fund, for the name, size and style (default fundInfo; pages pass the declared universe's lookup)
 */
export function scoreboard(
  prices: ReadonlyMap<string, TickerPrices>,
  tickers: readonly string[],
  {
    period = "ytd",
    asOf,
    from,
    fund = fundInfo
  }: {period?: Period; asOf?: string; from?: string; fund?: (ticker: string) => Fund} = {}
): Scoreboard {
  const rows: ScoreboardRow[] = [];
  const missing: Scoreboard["missing"] = [];
  for (const ticker of tickers) {
    const p = prices.get(ticker);
    if (!p) {
      missing.push({ticker, reason: "no data loaded"});
      continue;
    }
    const w = periodWindow(p.date, {period, asOf, from});
    if (!w) {
      missing.push({ticker, reason: "history does not cover the period"});
      continue;
    }
    const window = p.index.subarray(w.start, w.end + 1);
    // The four descriptive fields only: a universe entry may carry more (whether it was declared).
    const {name, size, style} = fund(ticker);
    rows.push({
      ticker,
      name,
      size,
      style,
      totalReturn: window[window.length - 1] / window[0] - 1,
      volatility: annualizedVolatility(simpleReturns(window)),
      maxDrawdown: maxDrawdown(window),
      startDate: w.startDate,
      endDate: w.endDate
    });
  }
  rows.sort((a, b) => b.totalReturn - a.totalReturn);
  return {rows, missing};
}
