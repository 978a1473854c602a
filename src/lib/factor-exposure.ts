import {ols, rollingOls} from "./ols.js";

/**
 * A fund's daily excess returns against the Fama/French factors, and its
 * loadings on them (full-period and rolling). Returns are aligned on common
 * dates: a fund return counts only when the fund's previous close is the
 * factors' previous day too, so a return spanning a gap in either calendar
 * never meets a one-day factor return. Missing values are NaN and such rows
 * are dropped by the regressions.
 */

export interface FactorPanel {
  /** Epoch ms, strictly increasing. */
  date: Float64Array;
  mktRf: Float64Array;
  smb: Float64Array;
  hml: Float64Array;
  /** Risk-free rate per day, a fraction. */
  rf: Float64Array;
}

export interface AlignedReturns {
  date: Float64Array;
  /** Fund return minus RF. */
  excess: Float64Array;
  mktRf: Float64Array;
  smb: Float64Array;
  hml: Float64Array;
}

/** Fund excess returns (from a total-return index) on the days both calendars share, with that day's factors. */
export function alignExcessReturns(
  fundDates: ArrayLike<number>,
  fundIndex: ArrayLike<number>,
  factors: FactorPanel
): AlignedReturns {
  if (fundDates.length !== fundIndex.length)
    throw new Error(`fund dates has ${fundDates.length} values, index has ${fundIndex.length}`);
  const at = new Map<number, number>();
  factors.date.forEach((t, i) => at.set(t, i));
  const rows: number[][] = [];
  for (let i = 1; i < fundDates.length; ++i) {
    const k = at.get(fundDates[i]);
    if (k === undefined || k === 0 || factors.date[k - 1] !== fundDates[i - 1]) continue;
    const r = fundIndex[i] / fundIndex[i - 1] - 1;
    rows.push([fundDates[i], r - factors.rf[k], factors.mktRf[k], factors.smb[k], factors.hml[k]]);
  }
  const col = (j: number) => Float64Array.from(rows, (r) => r[j]);
  return {date: col(0), excess: col(1), mktRf: col(2), smb: col(3), hml: col(4)};
}

export interface Exposure {
  /** Daily intercept × 252. */
  alphaAnnual: number;
  alphaT: number;
  beta: {mkt: number; smb: number; hml: number};
  t: {mkt: number; smb: number; hml: number};
  rSquared: number;
  n: number;
  first: number;
  last: number;
}

/**
 * OLS of excess returns on Mkt-RF, SMB and HML over rows dated in [from, to]; null when too few rows.
 * - from, to: epoch ms bounds, inclusive (default all)
 */
export function factorExposure(
  a: AlignedReturns,
  {from = -Infinity, to = Infinity}: {from?: number; to?: number} = {}
): Exposure | null {
  let lo = 0;
  while (lo < a.date.length && a.date[lo] < from) ++lo;
  let hi = lo;
  while (hi < a.date.length && a.date[hi] <= to) ++hi;
  if (hi - lo < 10) return null;
  const s = (x: Float64Array) => x.subarray(lo, hi);
  try {
    const fit = ols(s(a.excess), [s(a.mktRf), s(a.smb), s(a.hml)]);
    const [b0, b1, b2, b3] = fit.coefficients;
    const [t0, t1, t2, t3] = fit.tStats;
    return {
      alphaAnnual: b0 * 252,
      alphaT: t0,
      beta: {mkt: b1, smb: b2, hml: b3},
      t: {mkt: t1, smb: t2, hml: t3},
      rSquared: fit.rSquared,
      n: fit.n,
      first: a.date[lo],
      last: a.date[hi - 1]
    };
  } catch {
    return null; // collinear or too few valid rows: the caller says "not enough data"
  }
}

/**
 * Loadings over a trailing window of `window` aligned days, at every date.
 * - window: rows per window (default 252); a date needs 80% of them valid
 */
export function rollingExposure(
  a: AlignedReturns,
  {window = 252}: {window?: number} = {}
): {date: Float64Array; mkt: Float64Array; smb: Float64Array; hml: Float64Array; rSquared: Float64Array} {
  const fit = rollingOls(a.excess, [a.mktRf, a.smb, a.hml], {window, minObs: Math.max(5, Math.ceil(window * 0.8))});
  return {
    date: a.date,
    mkt: fit.coefficients[1],
    smb: fit.coefficients[2],
    hml: fit.coefficients[3],
    rSquared: fit.rSquared
  };
}
