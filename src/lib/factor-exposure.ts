import {alignOnCommonDates} from "./align.js";
import {neweyWest, neweyWestLag} from "./newey-west.js";
import {rollingOls} from "./ols.js";

/**
 * A fund's daily excess returns regressed on a Fama/French factor model, with
 * Newey-West (HAC) t-statistics, full-period and rolling. Returns are aligned
 * on common dates: a fund return counts only when the fund's previous close is
 * the factor panel's previous day too, so a return spanning a gap in either
 * calendar never meets a one-day factor return. A panel day is a day with every
 * factor the model needs (and RF); missing values elsewhere are NaN and such
 * rows are dropped by the regressions.
 */

export type FactorName = "Mkt-RF" | "SMB" | "HML" | "RMW" | "CMA" | "Mom";
export type ModelName = "capm" | "ff3" | "carhart" | "ff5" | "ff5mom";

export interface FactorModel {
  label: string;
  factors: FactorName[];
  /** "three": Mkt-RF, SMB, HML and RF from the three-factor file; "five": from the five-factor file (its own SMB and HML). */
  file: "three" | "five";
}

export const FACTOR_MODELS: Record<ModelName, FactorModel> = {
  capm: {label: "CAPM (market)", factors: ["Mkt-RF"], file: "three"},
  ff3: {label: "Fama-French 3", factors: ["Mkt-RF", "SMB", "HML"], file: "three"},
  carhart: {label: "Carhart 4 (FF3 + momentum)", factors: ["Mkt-RF", "SMB", "HML", "Mom"], file: "three"},
  ff5: {label: "Fama-French 5", factors: ["Mkt-RF", "SMB", "HML", "RMW", "CMA"], file: "five"},
  ff5mom: {label: "Fama-French 5 + momentum", factors: ["Mkt-RF", "SMB", "HML", "RMW", "CMA", "Mom"], file: "five"}
};

/** The research tables' column of each factor. */
const COLUMN: Record<FactorName, string> = {
  "Mkt-RF": "mktRf",
  SMB: "smb",
  HML: "hml",
  RMW: "rmw",
  CMA: "cma",
  Mom: "mom"
};

/** Daily factor columns by table column name (mktRf, smb, …, rf), epoch-ms dates strictly increasing. */
export type FactorColumns = {date: Float64Array} & Record<string, Float64Array>;

/** One model's factors on the days that have all of them: `factors[j]` is `names[j]`'s column. */
export interface FactorPanel {
  date: Float64Array;
  names: FactorName[];
  factors: Float64Array[];
  /** Risk-free rate per day, a fraction. */
  rf: Float64Array;
}

/**
 * A model's factor panel from the research tables: Mkt-RF … RF from the three-
 * or five-factor table, momentum from the three-factor table, joined on their
 * common dates; a day missing any of them is left out.
 * - three: the daily factors table (mktRf, smb, hml, rf, mom)
 * - five: the daily five-factor table (mktRf, smb, hml, rmw, cma, rf); needed by ff5 and ff5mom
 */
export function factorPanel(
  model: ModelName,
  {three, five}: {three: FactorColumns; five?: FactorColumns}
): FactorPanel {
  const {factors: names, file} = FACTOR_MODELS[model];
  const base = file === "five" ? five : three;
  if (!base) throw new Error(`the ${FACTOR_MODELS[model].label} model needs the five-factor table`);
  const fromBase = names.filter((f) => f !== "Mom" || file === "three");
  const needsMom = names.includes("Mom") && file === "five";
  const column = (table: FactorColumns, name: string) => table[name] ?? new Float64Array(table.date.length).fill(NaN);
  const {date, values} = alignOnCommonDates([
    {date: base.date, values: [...fromBase.map((f) => column(base, COLUMN[f])), column(base, "rf")]},
    ...(needsMom ? [{date: three.date, values: [column(three, "mom")]}] : [])
  ]);
  const columns = values.flat();
  const keep = Array.from(date.keys()).filter((i) => columns.every((c) => !Number.isNaN(c[i])));
  const pick = (c: Float64Array) => Float64Array.from(keep, (i) => c[i]);
  const ordered = [...columns.slice(0, fromBase.length), ...columns.slice(fromBase.length + 1)];
  return {
    date: pick(date),
    names: [...fromBase, ...(needsMom ? (["Mom"] as FactorName[]) : [])],
    factors: ordered.map(pick),
    rf: pick(columns[fromBase.length])
  };
}

/**
 * The table columns a model reads (see factorPanel) that a table lists as missing
 * (tableColumns' `missing`: a file no source had, or a column it lacks).
 */
export function missingColumns(
  model: ModelName,
  {three, five}: {three: {missing: readonly string[]}; five?: {missing: readonly string[]}}
): string[] {
  const {factors, file} = FACTOR_MODELS[model];
  const base = (file === "five" ? five?.missing : three.missing) ?? ["rf"];
  const wanted = [...factors.filter((f) => f !== "Mom" || file === "three").map((f) => COLUMN[f]), "rf"];
  const mom = factors.includes("Mom") && file === "five" && three.missing.includes("mom") ? ["mom"] : [];
  return [...wanted.filter((c) => base.includes(c)), ...mom];
}

export interface AlignedReturns {
  date: Float64Array;
  /** Fund return minus RF. */
  excess: Float64Array;
  names: FactorName[];
  factors: Float64Array[];
}

/** Fund excess returns (from a total-return index) on the days both calendars share, with that day's factors. */
export function alignExcessReturns(
  fundDates: ArrayLike<number>,
  fundIndex: ArrayLike<number>,
  panel: FactorPanel
): AlignedReturns {
  if (fundDates.length !== fundIndex.length)
    throw new Error(`fund dates has ${fundDates.length} values, index has ${fundIndex.length}`);
  const at = new Map<number, number>();
  panel.date.forEach((t, i) => at.set(t, i));
  const rows: number[] = [];
  const excess: number[] = [];
  for (let i = 1; i < fundDates.length; ++i) {
    const k = at.get(fundDates[i]);
    if (k === undefined || k === 0 || panel.date[k - 1] !== fundDates[i - 1]) continue;
    rows.push(k);
    excess.push(fundIndex[i] / fundIndex[i - 1] - 1 - panel.rf[k]);
  }
  return {
    date: Float64Array.from(rows, (k) => panel.date[k]),
    excess: Float64Array.from(excess),
    names: panel.names,
    factors: panel.factors.map((f) => Float64Array.from(rows, (k) => f[k]))
  };
}

export interface Exposure {
  names: FactorName[];
  /** Loadings in `names` order. */
  beta: Float64Array;
  /** HAC (Newey-West) t-statistics of the loadings. */
  t: Float64Array;
  /** Daily intercept × 252, its HAC t and 95% interval (normal quantile, as statsmodels gives robust intervals). */
  alphaAnnual: number;
  alphaT: number;
  alphaLow: number;
  alphaHigh: number;
  rSquared: number;
  /** Newey-West lag used. */
  lag: number;
  n: number;
  first: number;
  last: number;
}

/** The 97.5% point of the standard normal. */
const Z975 = 1.959963984540054;

/**
 * OLS of excess returns on the model's factors over rows dated in [from, to], with HAC inference; null when too few rows.
 * - from, to: epoch ms bounds, inclusive (default all)
 * - lag: Newey-West lag (default ⌊4(n/100)^(2/9)⌋, statsmodels' rule, 7 for five years of days)
 */
export function factorExposure(
  a: AlignedReturns,
  {from = -Infinity, to = Infinity, lag}: {from?: number; to?: number; lag?: number} = {}
): Exposure | null {
  let lo = 0;
  while (lo < a.date.length && a.date[lo] < from) ++lo;
  let hi = lo;
  while (hi < a.date.length && a.date[hi] <= to) ++hi;
  if (hi - lo < 10) return null;
  const s = (x: Float64Array) => x.subarray(lo, hi);
  try {
    const fit = neweyWest(s(a.excess), a.factors.map(s), {lag: lag ?? neweyWestLag(hi - lo)});
    const {standardErrors, tStats} = fit.hac;
    const alpha = fit.coefficients[0];
    return {
      names: a.names,
      beta: fit.coefficients.slice(1),
      t: tStats.slice(1),
      alphaAnnual: alpha * 252,
      alphaT: tStats[0],
      alphaLow: (alpha - Z975 * standardErrors[0]) * 252,
      alphaHigh: (alpha + Z975 * standardErrors[0]) * 252,
      rSquared: fit.rSquared,
      lag: fit.hac.lag,
      n: fit.n,
      first: a.date[lo],
      last: a.date[hi - 1]
    };
  } catch {
    return null; // collinear or too few valid rows: the caller says "not enough data"
  }
}

/** The days every fund's aligned returns cover: the latest first day and the earliest last day ([NaN, NaN] when one is empty). */
export function commonSpan(aligned: readonly AlignedReturns[]): [first: number, last: number] {
  if (!aligned.length || aligned.some((a) => !a.date.length)) return [NaN, NaN];
  return [Math.max(...aligned.map((a) => a.date[0])), Math.min(...aligned.map((a) => a.date[a.date.length - 1]))];
}

/**
 * Loadings over a trailing window of `window` aligned days, at every date, in the model's factor order.
 * - window: rows per window (default 252); a date needs 80% of them valid
 */
export function rollingExposure(
  a: AlignedReturns,
  {window = 252}: {window?: number} = {}
): {date: Float64Array; names: FactorName[]; beta: Float64Array[]; rSquared: Float64Array} {
  const fit = rollingOls(a.excess, a.factors, {window, minObs: Math.max(5, Math.ceil(window * 0.8))});
  return {date: a.date, names: a.names, beta: fit.coefficients.slice(1), rSquared: fit.rSquared};
}
