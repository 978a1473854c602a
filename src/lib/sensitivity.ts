import {backtest} from "./backtest.js";
import type {PairPanel} from "./backtest-study.js";
import {cagr, DAYS_PER_YEAR} from "./cagr.js";
import {simpleReturns} from "./returns.js";
import {sharpeRatio} from "./sharpe-ratio.js";
import {rollingSpread} from "./spread.js";
import {hysteresis, momentumPositions, trendPositions, type Rule} from "./switching-rules.js";

/** The two parameters a rule's sensitivity grid varies: trend ma × cost, spread window × enter, momentum window × cost. */
export const GRID_AXES = {
  trend: {x: "ma", y: "cost"},
  spread: {x: "window", y: "enter"},
  momentum: {x: "window", y: "cost"}
} as const;

/** Values tried on each axis (the chosen value is added): days, points, or basis points. */
const VALUES = {
  ma: [20, 50, 100, 150, 200, 250, 300],
  window: [21, 42, 63, 126, 189, 252],
  enter: [-2, 0, 2, 5, 10],
  cost: [0, 5, 10, 25, 50]
};

/** One cell of the grid: the rule's parameters and the run's CAGR, Sharpe and switches per year. */
export interface GridCell {
  x: number;
  y: number;
  cagr: number;
  sharpe: number;
  switches: number;
  /** The chosen parameters. */
  chosen: boolean;
}

/** A rule's results over a grid of two of its parameters, same run and range. */
export interface SensitivityGrid {
  x: {name: string; values: number[]};
  y: {name: string; values: number[]};
  cells: GridCell[];
}

/**
 * The rule rerun for every pair of values of two parameters (GRID_AXES),
 * on the same run from `start` to `end`, so a reader sees whether a result
 * holds around the chosen parameters or only at them. The spread rule keeps
 * its band: exit = enter − (the chosen enter − exit). Each rule's indicator
 * is computed once per value of its first axis; a cell is then one pass over
 * typed arrays (see backtest). Sharpe uses the panel's risk-free rate.
 *
 * - start, end: the run's first and last close in the panel
 * - cost: basis points per switch, where cost is not an axis (default 0)
 */
export function sensitivityGrid(
  panel: PairPanel,
  rule: Rule,
  {start, end, cost = 0}: {start: number; end: number; cost?: number}
): SensitivityGrid {
  const axes = GRID_AXES[rule.rule];
  const chosen = {...rule, cost} as unknown as Record<string, number>;
  const axis = (name: keyof typeof VALUES) => ({name, values: withValue(VALUES[name], chosen[name])});
  const x = axis(axes.x);
  const y = axis(axes.y);
  const indexes = [panel.large, panel.small, panel.cash] as const;
  const dates = panel.date.subarray(start, end + 1);
  const rf = panel.rf.subarray(start + 1, end + 1);
  const years = (dates[dates.length - 1] - dates[0]) / 86_400_000 / DAYS_PER_YEAR;
  const cells: GridCell[] = [];
  for (const xv of x.values) {
    // The indicator depends on the first axis only: computed once per column.
    const base =
      rule.rule === "trend"
        ? trendPositions(panel.small, panel.large, {ma: xv})
        : rule.rule === "momentum"
          ? momentumPositions(panel.small, panel.large, panel.cash, {window: xv})
          : rollingSpread(panel.small, panel.large, {window: xv});
    for (const yv of y.values) {
      const positions =
        rule.rule === "spread" ? hysteresis(base, yv, yv - (rule.enter - rule.exit)) : (base as Uint8Array);
      const run = backtest(indexes, positions, {start, end, cost: rule.rule === "spread" ? cost : yv});
      cells.push({
        x: xv,
        y: yv,
        cagr: cagr(dates, run.equity),
        sharpe: sharpeRatio(simpleReturns(run.equity).subarray(1), {riskFree: rf}),
        switches: run.switches.length / years,
        chosen: xv === chosen[axes.x] && yv === chosen[axes.y]
      });
    }
  }
  return {x, y, cells};
}

function withValue(values: readonly number[], value: number): number[] {
  return [...new Set([...values, value])].sort((a, b) => a - b);
}
