import {alignOnCommonDates} from "./align.js";
import {indexOnOrBefore} from "./dates.js";
import {simpleReturns} from "./returns.js";
import {riskFree as alignRiskFree} from "./risk-free.js";
import {rollingBeta, rollingCorrelation, rollingVolatility} from "./rolling-stats.js";
import {rollingSharpe} from "./rolling-sharpe.js";
import type {IndexSeries} from "./performance-metrics.js";

/** The rolling statistics the Returns page draws, in its order. */
export const ROLLING_METRICS = ["Volatility", "Beta", "Correlation", "Sharpe"] as const;
export type RollingMetric = (typeof ROLLING_METRICS)[number];

/** Rolling risk of a fund against a benchmark: its dates and one line per statistic and window. */
export interface RollingRisk {
  date: Float64Array;
  lines: {metric: RollingMetric; window: number; values: Float64Array}[];
}

/**
 * A fund's rolling volatility, beta and correlation to a benchmark, and Sharpe ratio, over trailing windows of daily
 * returns, on the closes both have, shown from the base close (the last on or before `from`) to the last close on or
 * before `to`. The windows look back before `from` when the data allow, so the lines start at the range's start.
 *
 * - windows: trailing windows in trading days (default [126, 252])
 * - riskFree: French's daily RF on its own dates, or null for 0 (for Sharpe; carried past its end, see riskFree)
 * - from, to: the range shown, epoch ms (default: everything)
 */
export function rollingRisk(
  fund: IndexSeries,
  benchmark: IndexSeries,
  {
    windows = [126, 252],
    riskFree = null,
    from = -Infinity,
    to = Infinity
  }: {
    windows?: readonly number[];
    riskFree?: {date: ArrayLike<number>; values: ArrayLike<number>} | null;
    from?: number;
    to?: number;
  } = {}
): RollingRisk {
  const aligned = alignOnCommonDates([
    {date: fund.date, values: [fund.index]},
    {date: benchmark.date, values: [benchmark.index]}
  ]);
  const end = indexOnOrBefore(aligned.date, to) + 1;
  const date = aligned.date.subarray(0, end);
  const a = simpleReturns(aligned.values[0][0].subarray(0, end));
  const b = simpleReturns(aligned.values[1][0].subarray(0, end));
  const rf = riskFree ? alignRiskFree(date, riskFree).values : 0;
  const start = Math.max(0, indexOnOrBefore(date, from));
  const shown = (values: Float64Array) => values.subarray(start);
  return {
    date: date.subarray(start),
    lines: windows.flatMap((window) => [
      {metric: "Volatility" as const, window, values: shown(rollingVolatility(a, {window}))},
      {metric: "Beta" as const, window, values: shown(rollingBeta(a, b, {window}))},
      {metric: "Correlation" as const, window, values: shown(rollingCorrelation(a, b, {window}))},
      {metric: "Sharpe" as const, window, values: shown(rollingSharpe(a, {window, riskFree: rf}))}
    ])
  };
}
