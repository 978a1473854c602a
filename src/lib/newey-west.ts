import {ols, solve, type OlsResult} from "./ols.js";

/**
 * Newey-West (HAC) covariance of OLS coefficients: the sandwich
 * (X'X)⁻¹ S (X'X)⁻¹ with S = Σₜ eₜ²xₜxₜ' + Σₗ wₗ Σₜ eₜeₜ₋ₗ(xₜxₜ₋ₗ' + xₜ₋ₗxₜ'),
 * Bartlett weights wₗ = 1 − l/(lag + 1) for l = 1…lag, so the standard errors
 * stay valid when residuals are autocorrelated (overlapping multi-period
 * returns) or heteroskedastic. Built on the hand-written OLS of ols.ts (see
 * there why it is hand-written); NaN rows are dropped and the remaining rows
 * are taken as consecutive, as statsmodels does with missing="drop".
 *
 * Small-sample convention, matching statsmodels 0.13 exactly:
 * `OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": lag})` applies no
 * correction (use_correction defaults to False there), and that is our default;
 * `correction: true` multiplies the covariance by n/(n − p), statsmodels'
 * `use_correction=True` and Stata's `newey`. Checked against both in
 * test/lib/newey-west-test.ts (reference: test/reference/newey-west-reference.py).
 */

export interface HacInference {
  /** Highest autocovariance lag included (0: White's heteroskedasticity-robust errors). */
  lag: number;
  /** Whether the n/(n − p) small-sample factor was applied. */
  correction: boolean;
  /** p×p HAC covariance of the coefficients, row-major, intercept first. */
  covariance: Float64Array;
  standardErrors: Float64Array;
  tStats: Float64Array;
}

export interface HacOptions {
  /** Highest lag in the Bartlett window (required: pages state it). */
  lag: number;
  /** Multiply by n/(n − p) (default false, statsmodels' default). */
  correction?: boolean;
}

/**
 * OLS of y on X (plain standard errors, as ols() gives them) with Newey-West inference alongside.
 * - lag: highest autocovariance lag, a whole number ≥ 0
 * - correction: apply n/(n − p) (default false)
 * - intercept: fit an intercept (default true)
 * Throws as ols() does, and on a negative or fractional lag.
 */
export function neweyWest(
  y: Float64Array,
  X: readonly Float64Array[],
  {lag, correction = false, intercept = true}: HacOptions & {intercept?: boolean}
): OlsResult & {hac: HacInference} {
  if (!Number.isInteger(lag) || lag < 0) throw new Error(`Newey-West lag must be a whole number ≥ 0, not ${lag}`);
  const fit = ols(y, X, {intercept});
  const p = fit.coefficients.length;
  // The rows ols() used, with their residuals.
  const rows: Float64Array[] = [];
  const resid: number[] = [];
  for (let i = 0; i < y.length; ++i) {
    if (Number.isNaN(y[i]) || X.some((x) => Number.isNaN(x[i]))) continue;
    const row = Float64Array.from({length: p}, (_, a) => (intercept ? (a === 0 ? 1 : X[a - 1][i]) : X[a][i]));
    let e = y[i];
    for (let a = 0; a < p; ++a) e -= fit.coefficients[a] * row[a];
    rows.push(row);
    resid.push(e);
  }
  const n = rows.length;
  const xtx = new Float64Array(p * p);
  for (const row of rows) for (let a = 0; a < p; ++a) for (let b = 0; b < p; ++b) xtx[a * p + b] += row[a] * row[b];
  const {inverse} = solve({xtx, xty: new Float64Array(p)})!; // ols() above already rejected a singular X'X
  // Scores uₜ = eₜxₜ and their Bartlett-weighted autocovariances.
  const u = rows.map((row, t) => row.map((v) => v * resid[t]));
  const S = new Float64Array(p * p);
  for (let l = 0; l <= Math.min(lag, n - 1); ++l) {
    const w = 1 - l / (lag + 1);
    for (let t = l; t < n; ++t) {
      const a0 = u[t];
      const b0 = u[t - l];
      for (let a = 0; a < p; ++a)
        for (let b = 0; b < p; ++b) {
          const g = a0[a] * b0[b];
          S[a * p + b] += w * g;
          if (l > 0) S[b * p + a] += w * g;
        }
    }
  }
  const scale = correction ? n / (n - p) : 1;
  const covariance = sandwich(inverse, S, p).map((v) => v * scale);
  const standardErrors = Float64Array.from({length: p}, (_, a) => Math.sqrt(covariance[a * p + a]));
  return {
    ...fit,
    hac: {lag, correction, covariance, standardErrors, tStats: fit.coefficients.map((b, a) => b / standardErrors[a])}
  };
}

/** A⁻¹ S A⁻¹ for symmetric p×p row-major matrices. */
function sandwich(inverse: Float64Array, S: Float64Array, p: number): Float64Array {
  const left = new Float64Array(p * p);
  for (let a = 0; a < p; ++a)
    for (let b = 0; b < p; ++b) for (let c = 0; c < p; ++c) left[a * p + b] += inverse[a * p + c] * S[c * p + b];
  const out = new Float64Array(p * p);
  for (let a = 0; a < p; ++a)
    for (let b = 0; b < p; ++b) for (let c = 0; c < p; ++c) out[a * p + b] += left[a * p + c] * inverse[c * p + b];
  return out;
}

/**
 * The mean of x with its Newey-West standard error: OLS of x on a constant, so
 * the plain standard error is s/√n and the HAC one uses the Bartlett-weighted
 * autocovariances of x − x̄. NaN values are dropped.
 * - lag: highest autocovariance lag (lag = horizon − 1 for overlapping horizon-period returns)
 * - correction: apply n/(n − 1) (default false, as neweyWest)
 * Throws when fewer than two values remain.
 */
export function hacMean(
  x: Float64Array,
  {lag, correction = false}: HacOptions
): {mean: number; standardError: number; t: number; plainStandardError: number; n: number; lag: number} {
  const fit = neweyWest(x, [], {lag, correction});
  return {
    mean: fit.coefficients[0],
    standardError: fit.hac.standardErrors[0],
    t: fit.hac.tStats[0],
    plainStandardError: fit.standardErrors[0],
    n: fit.n,
    lag
  };
}

/** statsmodels' and Newey-West's (1994) rule-of-thumb lag for n observations: ⌊4·(n/100)^(2/9)⌋. */
export function neweyWestLag(n: number): number {
  return Math.floor(4 * Math.pow(n / 100, 2 / 9));
}
