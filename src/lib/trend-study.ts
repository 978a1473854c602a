import {drawdown} from "./drawdown.js";
import {crossovers, sma, type Crossover} from "./moving-average.js";
import {priorHigh} from "./peak.js";
import type {TickerPrices} from "./price-panel.js";

/** A fund's trend: price, moving averages and their crossovers, prior high and drawdown. */
export interface TrendStudy {
  ticker: string;
  date: Float64Array;
  /** The quoted close (what a chart reader calls "the price"). */
  price: Float64Array;
  /** Total-return index scaled to equal the price on `rebaseDate`, so the two lines share an axis and start together there. */
  totalReturn: Float64Array;
  /** The day the total-return line meets the price (the first day on or after `start`), epoch ms; NaN when none. */
  rebaseDate: number;
  fast: Float64Array;
  slow: Float64Array;
  /** The averages' lengths in days. */
  fastDays: number;
  slowDays: number;
  crossovers: Crossover[];
  /** Drawdown of the total-return index from its running peak (≤ 0). */
  drawdown: Float64Array;
  /** The highest close before the last day, its date, and the last close's distance to it. */
  priorHigh: {value: number; date: number; distance: number};
}

/**
 * Moving averages of the close with their crossovers, the prior high (the
 * highest close before the last day, the level a breakout has to take out)
 * and the total-return drawdown, up to the last day on or before `end`.
 *
 * - fast, slow: moving-average lengths in days (default 50 and 200)
 * - end: last day considered, epoch ms (default all data)
 * - start: the total-return line equals the price on the first day on or after it, epoch ms (default the first day); a chart starting there shows the two lines starting together
 */
export function trendStudy(
  prices: TickerPrices,
  {
    fast = 50,
    slow = 200,
    end = Infinity,
    start = -Infinity
  }: {fast?: number; slow?: number; end?: number; start?: number} = {}
): TrendStudy {
  let n = prices.date.length;
  while (n > 0 && prices.date[n - 1] > end) --n;
  const date = prices.date.subarray(0, n);
  const price = prices.close.subarray(0, n);
  const index = prices.index.subarray(0, n);
  let b = 0;
  while (b < n && !(date[b] >= start && price[b] > 0 && index[b] > 0)) ++b;
  const scale = b < n ? price[b] / index[b] : NaN;
  const fastLine = sma(price, {window: fast});
  const slowLine = sma(price, {window: slow});
  const high = priorHigh(price);
  const last = n - 1;
  let highDate = NaN;
  for (let i = last - 1; i >= 0; --i) if (price[i] === high[last]) ((highDate = date[i]), (i = 0));
  return {
    ticker: prices.ticker,
    date,
    price,
    totalReturn: index.map((v) => v * scale),
    rebaseDate: b < n ? date[b] : NaN,
    fast: fastLine,
    slow: slowLine,
    fastDays: fast,
    slowDays: slow,
    crossovers: crossovers(fastLine, slowLine),
    drawdown: drawdown(index),
    priorHigh: {value: n > 1 ? high[last] : NaN, date: highDate, distance: n > 1 ? price[last] / high[last] - 1 : NaN}
  };
}
