import {compoundIndex} from "./compound.js";
import {lag} from "./monthly.js";
import {
  alignMonthly,
  classifyRegimes,
  forwardReturns,
  regimeTable,
  type RegimeFlags,
  type RegimeRow
} from "./regimes.js";

/**
 * The macro-regime study: classify every month from fed funds, the 10-year
 * yield and industrial production (lagged for its publication delay), then
 * tabulate the forward small-minus-big return after each regime at several
 * horizons, with plain and Newey-West t-statistics (lag = horizon − 1 months,
 * the overlap of consecutive months' windows). Inputs are complete months at
 * month ends (regimes.ts conventions; completeMonths drops a running one);
 * NaN months drop out of the tables.
 */

/** Which months enter the tables: every month (overlapping windows) or every horizon-th one (none overlapping). */
export type RegimeSample = "all" | "nonoverlapping";

export interface RegimeStudyInput {
  /** Consecutive month ends. */
  dates: Float64Array;
  fedFunds: Float64Array;
  yield10: Float64Array;
  indpro: Float64Array;
  /** Monthly small-minus-big return, any month-end dates (aligned by calendar month). */
  spread: {dates: Float64Array; values: Float64Array};
}

export interface RegimeStudy {
  flags: RegimeFlags;
  /** The spread on the study's months (NaN where absent). */
  spread: Float64Array;
  /** One table per horizon, rows in regimeTable's order, with its Newey-West lag; forward is NaN outside the sample. */
  tables: {horizon: number; lag: number; rows: RegimeRow[]; forward: Float64Array}[];
}

/**
 * Runs the study.
 * - fedLookback, yieldLookback, growthLookback: months (default 6 each)
 * - indproLag: months INDPRO is shifted later, for its publication delay (default 1)
 * - horizons: forward horizons in months (default [3, 6, 12])
 * - sample: "all" months, or "nonoverlapping": only months ending a quarter, half-year or year for horizons 3, 6 and
 *   12 (month number divisible by the horizon), so no two windows share a month (default "all")
 */
export function regimeStudy(
  input: RegimeStudyInput,
  {
    fedLookback = 6,
    yieldLookback = 6,
    growthLookback = 6,
    indproLag = 1,
    horizons = [3, 6, 12],
    sample = "all"
  }: {
    fedLookback?: number;
    yieldLookback?: number;
    growthLookback?: number;
    indproLag?: number;
    horizons?: readonly number[];
    sample?: RegimeSample;
  } = {}
): RegimeStudy {
  const flags = classifyRegimes(
    {dates: input.dates, fedFunds: input.fedFunds, yield10: input.yield10, indpro: lag(input.indpro, indproLag)},
    {fedLookback, yieldLookback, growthLookback}
  );
  if (sample !== "all" && sample !== "nonoverlapping") throw new Error(`invalid sample: ${sample}`);
  const spread = alignMonthly(input.dates, input.spread);
  const tables = horizons.map((horizon) => {
    let forward = forwardReturns(spread, horizon);
    if (sample === "nonoverlapping")
      forward = forward.map((v, i) => (monthNumber(input.dates[i]) % horizon === 0 ? v : NaN));
    const lag = horizon - 1;
    return {horizon, lag, rows: regimeTable(flags, forward, {lag}), forward};
  });
  return {flags, spread, tables};
}

/** 12 × year + month (1–12): divisible by 3, 6 and 12 at quarter, half-year and year ends. */
function monthNumber(t: number): number {
  const d = new Date(t);
  return d.getUTCFullYear() * 12 + d.getUTCMonth() + 1;
}

/** One month of a regime timeline: the month, the next month's end (where its band stops), the spread compounded so far and the flags. */
export interface RegimeMonth {
  date: Date;
  next: Date;
  /** Growth of 1 in the spread since its first month; NaN in a month without a spread. */
  cumulative: number;
  easing: number;
  yieldFalling: number;
  growthAccelerating: number;
}

/** The study month by month for a timeline, from the spread's first month on (compoundIndex of the monthly spread). */
export function regimeMonths(study: RegimeStudy): RegimeMonth[] {
  const cumulative = compoundIndex(study.spread);
  const first = cumulative.findIndex((v) => Number.isFinite(v));
  if (first < 0) return [];
  const {dates, easing, yieldFalling, growthAccelerating} = study.flags;
  return Array.from({length: dates.length - first}, (_, k) => {
    const i = first + k;
    const d = new Date(dates[i]);
    return {
      date: d,
      next: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 2, 0)),
      cumulative: cumulative[i],
      easing: easing[i],
      yieldFalling: yieldFalling[i],
      growthAccelerating: growthAccelerating[i]
    };
  });
}
