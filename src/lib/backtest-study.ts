import {alignOnCommonDates} from "./align.js";
import {backtest, type BacktestRun} from "./backtest.js";
import {DAYS_PER_YEAR} from "./cagr.js";
import {compoundIndex} from "./compound.js";
import {indexOnOrBefore} from "./dates.js";
import {performanceMetrics, type IndexSeries, type PerformanceMetrics} from "./performance-metrics.js";
import {rebalancedMix} from "./rebalanced-mix.js";
import {riskFree} from "./risk-free.js";
import {SMALL, rulePositions, type Rule} from "./switching-rules.js";

const DAY_MS = 86_400_000;

/** A small and a large fund on the closes both have, with the daily risk-free rate and a cash index on those closes. */
export interface PairPanel {
  date: Float64Array;
  /** Total-return indexes. */
  small: Float64Array;
  large: Float64Array;
  /** The risk-free rate earned on each day (close before to this close), a daily fraction; 0 without a rate. */
  rf: Float64Array;
  /** Growth of 1 in cash at that rate (compoundIndex of rf). */
  cash: Float64Array;
}

/** A daily rate on its own dates (French's RF as a fraction). */
export type DailyRate = {date: ArrayLike<number>; values: ArrayLike<number>};

/**
 * The pair on the closes both funds have with a positive index (so every
 * daily return spans the same days for both), and the risk-free rate aligned
 * onto them by riskFree (its last value carried past its last published day).
 * Without a rate, cash earns 0.
 */
export function pairPanel(small: IndexSeries, large: IndexSeries, rate: DailyRate | null): PairPanel {
  const valid = ({date, index}: IndexSeries) => {
    const keep = Array.from({length: index.length}, (_, i) => i).filter((i) => index[i] > 0);
    return {date: Float64Array.from(keep, (i) => date[i]), values: [Float64Array.from(keep, (i) => index[i])]};
  };
  const {date, values} = alignOnCommonDates([valid(small), valid(large)]);
  const rf = rate ? riskFree(date, rateFrom(rate, date[0])).values : new Float64Array(date.length);
  return {date, small: values[0][0], large: values[1][0], rf, cash: compoundIndex(rf)};
}

/**
 * The rate from its last day on or before `t` on: what riskFree needs for days from `t`, the same values at a
 * fraction of the cost (French's daily file starts in 1926).
 */
export function rateFrom(rate: DailyRate, t: number): DailyRate {
  const k = Math.max(0, indexOnOrBefore(rate.date, t));
  const slice = (a: ArrayLike<number>) => Array.prototype.slice.call(a, k) as number[];
  return {date: slice(rate.date), values: slice(rate.values)};
}

/** One line of the backtest: the strategy, a fund held throughout, or the 50/50 mix; equity from 1 at the run's first close. */
export interface BacktestLine {
  name: string;
  equity: Float64Array;
}

/** A rule's run over a range with its benchmarks. */
export interface BacktestStudy {
  rule: Rule;
  cost: number;
  /** Positions in the panel of the run's first close (the first on or after `from`) and last (the last on or before `to`). */
  start: number;
  end: number;
  /** The run's closes and the positions chosen at them (run-local). */
  dates: Float64Array;
  positions: Uint8Array;
  run: BacktestRun;
  /** Strategy, the small fund, the large fund, 50/50 rebalanced monthly. */
  lines: BacktestLine[];
  /** Closes of the run before the rule's indicator exists, which hold the large fund (0 when history before `from` suffices). */
  warmup: number;
}

/**
 * Backtests a rule from the first close on or after `from` (equity 1, holding
 * what that close's signal chose) to the last close on or before `to`, beside
 * each fund held throughout and a 50/50 mix rebalanced monthly (which pays
 * the same cost on what its rebalancing trades); null when the range holds
 * fewer than two closes. Indicators use all the panel's history before `from`.
 *
 * - from, to: the range, epoch ms
 * - cost: basis points of the traded value per switch (default 0; see backtest)
 * - names: the funds' names for their lines (default "small", "large")
 */
export function backtestStudy(
  panel: PairPanel,
  rule: Rule,
  {from, to, cost = 0, names = ["small", "large"]}: {from: number; to: number; cost?: number; names?: [string, string]}
): BacktestStudy | null {
  const start = indexOnOrBefore(panel.date, from - 1) + 1;
  const end = indexOnOrBefore(panel.date, to);
  if (!(end > start)) return null;
  const positions = rulePositions(panel.small, panel.large, panel.cash, rule);
  const run = backtest([panel.large, panel.small, panel.cash], positions, {start, end, cost});
  const held = (index: Float64Array) => Float64Array.from(index.subarray(start, end + 1), (v) => v / index[start]);
  return {
    rule,
    cost,
    start,
    end,
    dates: panel.date.subarray(start, end + 1),
    positions: positions.subarray(start, end + 1),
    run,
    lines: [
      {name: "Strategy", equity: run.equity},
      {name: names[0], equity: held(panel.small)},
      {name: names[1], equity: held(panel.large)},
      {name: "50/50", equity: rebalancedMix(panel.date, panel.small, panel.large, {start, end, cost})}
    ],
    warmup: Math.max(0, Math.min(end + 1, ruleWarmup(rule)) - start)
  };
}

/** How many closes a rule's indicator needs before its first signal: ma − 1 for trend, the window for the others. */
export function ruleWarmup(rule: Rule): number {
  return rule.rule === "trend" ? rule.ma - 1 : rule.window;
}

/** A line's metrics row (see performanceMetrics), with the strategy's switches per year and share of days in the small fund. */
export interface BacktestRow extends PerformanceMetrics {
  name: string;
  /** Switches per 365.25 calendar days; 0 for a fund held throughout, NaN for the 50/50 mix (it rebalances, never switches). */
  switchesPerYear: number;
  /** Share of the range's days (daily returns) spent in the small fund: 1 and 0 for the funds, NaN for the mix. */
  shareSmall: number;
}

/**
 * The metrics table of a study over the part of its run between the closes
 * `from` and `to` (default the whole run; the in-sample and out-of-sample
 * parts of a split are such parts). A switch at the part's last close counts
 * in it (its cost is in that close's equity); one at its first close does not.
 *
 * - rate: the daily risk-free rate for Sharpe and Sortino (null: 0)
 * - from, to: the part's first and last close, epoch ms (default the run's)
 */
export function backtestMetrics(
  study: BacktestStudy,
  rate: DailyRate | null,
  {from = study.dates[0], to = study.dates[study.dates.length - 1]}: {from?: number; to?: number} = {}
): BacktestRow[] {
  const {dates, positions, run, lines} = study;
  const a = Math.max(0, indexOnOrBefore(dates, from));
  const b = indexOnOrBefore(dates, to);
  const years = (dates[b] - dates[a]) / DAY_MS / DAYS_PER_YEAR;
  let daysSmall = 0;
  for (let t = a + 1; t <= b; ++t) if (positions[t - 1] === SMALL) ++daysSmall;
  const switches = run.switches.filter((s) => s.index - study.start > a && s.index - study.start <= b).length;
  const range = {from: dates[a], to: dates[b]};
  const cut = rate && rateFrom(rate, dates[a]);
  return lines.map(({name, equity}, k) => ({
    name,
    ...performanceMetrics({date: dates, index: equity}, null, cut, range),
    switchesPerYear: b > a ? [switches / years, 0, 0, NaN][k] : NaN,
    shareSmall: b > a ? [daysSmall / (b - a), 1, 0, NaN][k] : NaN
  }));
}
