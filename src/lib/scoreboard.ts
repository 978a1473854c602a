import {formatDay, indexOnOrBefore, parseDay} from "./dates.js";
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

/** A fund whose last close on or before the as-of date is not the scoreboard's close. */
export interface OffDayFund {
  ticker: string;
  /** Its last close on or before the as-of date, YYYY-MM-DD. */
  lastClose: string;
  /** True when it has closes after the scoreboard's close and is scored to that close like the others; false when its data end before it and it is left out of the ranking. */
  ranked: boolean;
}

/** The scoreboard with funds that could not be scored and why. */
export interface Scoreboard {
  rows: ScoreboardRow[];
  missing: {ticker: string; reason: string}[];
  /** The close every ranked figure is to, YYYY-MM-DD: the last close on or before the as-of date that most funds share ("" when none has one). */
  close: string;
  /** True when the as-of date is after the last close of every fund, so the figures use the last close in the data. */
  clamped: boolean;
  /** Funds whose own last close differs from `close`. */
  offDay: OffDayFund[];
}

/**
 * Total return, volatility and max drawdown of each fund over a period
 * ending at an as-of date, sorted best first. Funds are ranked like for
 * like, all to one close: the last close on or before `asOf` that most of
 * them share (the later one on a tie). A fund with later closes is scored
 * to that close; one whose data end before it is not ranked. Both are
 * listed in `offDay`. An as-of date after every fund's last close is
 * clamped to the last close in the data (`clamped`), so the period is the
 * one ending there. A fund with no data or too short a history for the
 * period is listed in `missing` with the reason. Max drawdown includes the
 * base close (empyrical's convention; see drawdown.ts).
 *
 * - period: see periodWindow (default "ytd")
 * - asOf: YYYY-MM-DD (default: the last close in the data)
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
  const offDay: OffDayFund[] = [];
  const loaded = tickers.filter((t) => prices.get(t)?.date.length);
  for (const ticker of tickers) if (!loaded.includes(ticker)) missing.push({ticker, reason: "no data loaded"});
  const lastInData = Math.max(...loaded.map((t) => prices.get(t)!.date.at(-1)!));
  const asked = asOf === undefined ? lastInData : parseDay(asOf);
  if (Number.isNaN(asked)) throw new Error(`invalid as-of date: ${asOf} (use YYYY-MM-DD)`);
  const clamped = loaded.length > 0 && asked > lastInData;
  const ends = new Map<string, number>();
  for (const t of loaded) {
    const dates = prices.get(t)!.date;
    const i = indexOnOrBefore(dates, Math.min(asked, lastInData));
    if (i >= 0) ends.set(t, dates[i]);
    else missing.push({ticker: t, reason: `no close on or before ${formatDay(asked)}`});
  }
  const close = commonEnd([...ends.values()]);
  for (const [ticker, end] of ends) {
    if (end !== close) offDay.push({ticker, lastClose: formatDay(end), ranked: end > close});
    if (end < close) continue;
    const p = prices.get(ticker)!;
    const w = periodWindow(p.date, {period, asOf: formatDay(close), from});
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
  return {rows, missing, close: Number.isFinite(close) ? formatDay(close) : "", clamped, offDay};
}

/** The most common of some dates, the later one on a tie; NaN when there are none. */
function commonEnd(ends: number[]): number {
  const counts = new Map<number, number>();
  for (const t of ends) counts.set(t, (counts.get(t) ?? 0) + 1);
  let best = NaN;
  for (const [t, k] of counts)
    if (Number.isNaN(best) || k > counts.get(best)! || (k === counts.get(best)! && t > best)) best = t;
  return best;
}
