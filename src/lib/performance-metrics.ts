import {alignOnCommonDates} from "./align.js";
import {beta, correlation, informationRatio, trackingError} from "./benchmark-stats.js";
import {cagr} from "./cagr.js";
import {calmarRatio} from "./calmar-ratio.js";
import {calendarYearReturns} from "./calendar-returns.js";
import {upDownCapture} from "./capture.js";
import {formatDay, indexOnOrBefore} from "./dates.js";
import {maxDrawdown} from "./drawdown.js";
import {longestDrawdown} from "./longest-drawdown.js";
import {monthlyReturns} from "./monthly.js";
import {alignMonthly} from "./regimes.js";
import {simpleReturns} from "./returns.js";
import {riskFree as alignRiskFree} from "./risk-free.js";
import {positiveShare} from "./positive-share.js";
import {sharpeRatio} from "./sharpe-ratio.js";
import {sortinoRatio} from "./sortino-ratio.js";
import {annualizedVolatility} from "./volatility.js";

/** A dated total-return index (a fund's prices from pricesByTicker fit). */
export interface IndexSeries {
  date: ArrayLike<number>;
  index: ArrayLike<number>;
}

/** One fund's row of the metrics table; NaN where a metric cannot be computed (see each function). */
export interface PerformanceMetrics {
  /** The base close and the last close of the range (YYYY-MM-DD; "" when the range holds fewer than two closes). */
  start: string;
  end: string;
  totalReturn: number;
  cagr: number;
  volatility: number;
  sharpe: number;
  sortino: number;
  calmar: number;
  /** Worst fall from the running peak, base close included (a negative fraction). */
  maxDrawdown: number;
  /** Calendar days of the longest drawdown, peak to recovery (or to the end when not recovered). */
  longestDrawdown: number;
  /** Best and worst whole calendar year in the range (NaN: no whole year). */
  bestYear: number;
  worstYear: number;
  /** Share of whole months in the range with a positive return. */
  positiveMonths: number;
  /** Against the benchmark, on the days (months, for capture) both have. */
  beta: number;
  correlation: number;
  trackingError: number;
  informationRatio: number;
  upCapture: number;
  downCapture: number;
  /** Days of the range after the risk-free rate's last published day, which carry its last value (0 without a rate). */
  riskFreeCarried: number;
}

/**
 * The metrics table's row for one fund over a range: the range starts at the last close on or before `from` (the
 * base) and ends at the last close on or before `to`; daily returns run between the closes in it. Missing or
 * non-positive closes are skipped. Without a benchmark the relative metrics are NaN; without a risk-free rate Sharpe
 * and Sortino use 0.
 *
 * - benchmark: the benchmark's total-return index, or null
 * - riskFree: French's daily RF (a daily fraction) on its own dates, or null; aligned with riskFree()
 * - range: {from, to} in epoch ms (default: the whole series)
 */
export function performanceMetrics(
  series: IndexSeries,
  benchmark: IndexSeries | null,
  riskFree: {date: ArrayLike<number>; values: ArrayLike<number>} | null,
  {from = -Infinity, to = Infinity}: {from?: number; to?: number} = {}
): PerformanceMetrics {
  const {date, index} = cut(series, from, to);
  // The returns, from the day after the base: the risk-free rate (and its carried days) counts on those days.
  const returns = simpleReturns(index).subarray(1);
  const rf = riskFree ? alignRiskFree(date.subarray(1), riskFree) : null;
  const years = calendarYearReturns(date, index).filter((y) => !y.partial);
  const monthly = monthlyReturns(date, index);
  const relative = benchmark ? relativeMetrics(date, index, cut(benchmark, from, to)) : null;
  return {
    start: date.length > 1 ? formatDay(date[0]) : "",
    end: date.length > 1 ? formatDay(date[date.length - 1]) : "",
    totalReturn: date.length > 1 ? index[index.length - 1] / index[0] - 1 : NaN,
    cagr: cagr(date, index),
    volatility: annualizedVolatility(returns),
    sharpe: sharpeRatio(returns, {riskFree: rf?.values ?? 0}),
    sortino: sortinoRatio(returns, {riskFree: rf?.values ?? 0}),
    calmar: calmarRatio(date, index),
    maxDrawdown: date.length > 1 ? maxDrawdown(index) : NaN,
    longestDrawdown: date.length > 1 ? longestDrawdown(date, index) : NaN,
    bestYear: years.length ? Math.max(...years.map((y) => y.value)) : NaN,
    worstYear: years.length ? Math.min(...years.map((y) => y.value)) : NaN,
    positiveMonths: positiveShare(monthly.values),
    beta: relative?.beta ?? NaN,
    correlation: relative?.correlation ?? NaN,
    trackingError: relative?.trackingError ?? NaN,
    informationRatio: relative?.informationRatio ?? NaN,
    upCapture: relative?.upCapture ?? NaN,
    downCapture: relative?.downCapture ?? NaN,
    riskFreeCarried: rf?.carried ?? 0
  };
}

// The valid closes from the base (last on or before `from`, else the first) to the last on or before `to`.
function cut({date, index}: IndexSeries, from: number, to: number): {date: Float64Array; index: Float64Array} {
  const keep = Array.from({length: index.length}, (_, i) => i).filter((i) => index[i] > 0);
  const day = keep.map((i) => date[i]);
  const base = Math.max(0, indexOnOrBefore(day, from));
  const end = indexOnOrBefore(day, to);
  const picked = end > base ? keep.slice(base, end + 1) : [];
  return {date: Float64Array.from(picked, (i) => date[i]), index: Float64Array.from(picked, (i) => index[i])};
}

// Daily statistics on the closes both have (so each day's returns span the same days), capture on their months.
function relativeMetrics(date: Float64Array, index: Float64Array, bench: {date: Float64Array; index: Float64Array}) {
  const aligned = alignOnCommonDates([
    {date, values: [index]},
    {date: bench.date, values: [bench.index]}
  ]);
  const a = simpleReturns(aligned.values[0][0]);
  const b = simpleReturns(aligned.values[1][0]);
  const months = monthlyReturns(date, index);
  const benchMonths = alignMonthly(months.dates, monthlyReturns(bench.date, bench.index));
  const capture = upDownCapture(months.values, benchMonths);
  return {
    beta: beta(a, b),
    correlation: correlation(a, b),
    trackingError: trackingError(a, b),
    informationRatio: informationRatio(a, b),
    upCapture: capture.up,
    downCapture: capture.down
  };
}
