/**
 * Ordinary least squares on aligned typed arrays, one-shot and rolling.
 * Hand-written because the systems are tiny (an intercept plus k ≤ 4 factor
 * returns) and nothing in this stack (d3, arquero, simple-statistics-like
 * helpers) regresses on typed arrays with several regressors and standard
 * errors; the normal equations make the rolling version O(n·k²) through
 * running cross-product sums. Missing data: a row with NaN in y or any
 * regressor is dropped. Coefficients are ordered intercept first (when
 * fitted), then the regressors in the order given.
 */

export interface OlsResult {
  coefficients: Float64Array;
  standardErrors: Float64Array;
  tStats: Float64Array;
  /** Centred R² with an intercept; uncentred (1 − SSE/Σy²) without, as R and statsmodels do. */
  rSquared: number;
  /** √(SSE / (n − p)). */
  residualStdErr: number;
  /** Rows used (after dropping NaN rows). */
  n: number;
}

/** Cross-product sums of the rows seen so far: X'X (p×p, row-major), X'y, y'y, Σy and the row count. */
interface Sums {
  xtx: Float64Array;
  xty: Float64Array;
  yty: number;
  sy: number;
  n: number;
}

/**
 * Fits y = b0 + b1·x1 + … + bk·xk by least squares, dropping NaN rows.
 * - intercept: fit b0 (default true)
 * Throws when too few rows remain (n ≤ p) or the regressors are collinear.
 */
export function ols(
  y: Float64Array,
  X: readonly Float64Array[],
  {intercept = true}: {intercept?: boolean} = {}
): OlsResult {
  const p = check(y, X, intercept);
  const sums = emptySums(p);
  const row = new Float64Array(p);
  for (let i = 0; i < y.length; ++i) if (rowAt(y, X, intercept, i, row)) add(sums, row, y[i], 1);
  if (sums.n <= p) throw new Error(`ols needs more rows than coefficients: ${sums.n} rows for ${p} coefficients`);
  const fit = solve(sums);
  if (!fit) throw new Error(`ols: the regressors are collinear (X'X is singular)`);
  // The residual sum of squares straight from the residuals: y'y − b'X'y cancels badly on near-perfect fits.
  let sse = 0;
  for (let i = 0; i < y.length; ++i) {
    if (!rowAt(y, X, intercept, i, row)) continue;
    let e = y[i];
    for (let a = 0; a < p; ++a) e -= fit.beta[a] * row[a];
    sse += e * e;
  }
  const s2 = sse / (sums.n - p);
  const standardErrors = fit.beta.map((_, a) => Math.sqrt(s2 * fit.inverse[a * p + a]));
  return {
    coefficients: fit.beta,
    standardErrors,
    tStats: fit.beta.map((b, a) => b / standardErrors[a]),
    rSquared: rSquared(sums, sse, intercept),
    residualStdErr: Math.sqrt(s2),
    n: sums.n
  };
}

/**
 * OLS over a trailing window at every date, in O(n·k²) by adding the entering
 * row's cross-products and subtracting the leaving row's; NaN rows are skipped
 * and dates with too few rows, or collinear windows, are NaN.
 * - window: rows in each window, NaN rows included (default 252)
 * - minObs: valid rows a window needs (default window)
 * - intercept: fit an intercept (default true)
 */
export function rollingOls(
  y: Float64Array,
  X: readonly Float64Array[],
  {window = 252, minObs = window, intercept = true}: {window?: number; minObs?: number; intercept?: boolean} = {}
): {coefficients: Float64Array[]; rSquared: Float64Array; n: Float64Array} {
  const p = check(y, X, intercept);
  if (!Number.isInteger(window) || window < 1) throw new Error(`invalid window: ${window}`);
  if (!Number.isInteger(minObs) || minObs < 1 || minObs > window) throw new Error(`invalid minObs: ${minObs}`);
  const len = y.length;
  const coefficients = Array.from({length: p}, () => new Float64Array(len).fill(NaN));
  const r2 = new Float64Array(len).fill(NaN);
  const counts = new Float64Array(len);
  let sums = emptySums(p);
  const row = new Float64Array(p);
  for (let t = 0; t < len; ++t) {
    if (t > 0 && t % window === 0) {
      // Rebuild from scratch once per window so rounding in add/subtract cannot drift over decades of data.
      sums = emptySums(p);
      for (let i = t - window + 1; i <= t; ++i) if (rowAt(y, X, intercept, i, row)) add(sums, row, y[i], 1);
    } else {
      if (rowAt(y, X, intercept, t, row)) add(sums, row, y[t], 1);
      if (t >= window && rowAt(y, X, intercept, t - window, row)) add(sums, row, y[t - window], -1);
    }
    counts[t] = sums.n;
    if (sums.n < minObs || sums.n <= p) continue;
    const fit = solve(sums);
    if (!fit) continue;
    let bxy = 0;
    for (let a = 0; a < p; ++a) bxy += fit.beta[a] * sums.xty[a];
    for (let a = 0; a < p; ++a) coefficients[a][t] = fit.beta[a];
    r2[t] = rSquared(sums, Math.max(0, sums.yty - bxy), intercept);
  }
  return {coefficients, rSquared: r2, n: counts};
}

function check(y: Float64Array, X: readonly Float64Array[], intercept: boolean): number {
  for (const [j, x] of X.entries())
    if (x.length !== y.length) throw new Error(`regressor ${j} has length ${x.length}, y has ${y.length}`);
  const p = X.length + (intercept ? 1 : 0);
  if (p === 0) throw new Error("ols needs at least one regressor or an intercept");
  return p;
}

function emptySums(p: number): Sums {
  return {xtx: new Float64Array(p * p), xty: new Float64Array(p), yty: 0, sy: 0, n: 0};
}

/** Fills `row` with row i's regressors (1 first for the intercept); false when any value is NaN. */
function rowAt(y: Float64Array, X: readonly Float64Array[], intercept: boolean, i: number, row: Float64Array): boolean {
  if (Number.isNaN(y[i])) return false;
  const o = intercept ? 1 : 0;
  if (intercept) row[0] = 1;
  for (let j = 0; j < X.length; ++j) {
    const v = X[j][i];
    if (Number.isNaN(v)) return false;
    row[j + o] = v;
  }
  return true;
}

function add(s: Sums, row: Float64Array, yi: number, sign: 1 | -1): void {
  const p = row.length;
  for (let a = 0; a < p; ++a) {
    s.xty[a] += sign * row[a] * yi;
    for (let b = 0; b < p; ++b) s.xtx[a * p + b] += sign * row[a] * row[b];
  }
  s.yty += sign * yi * yi;
  s.sy += sign * yi;
  s.n += sign;
}

function rSquared(s: Sums, sse: number, intercept: boolean): number {
  const sst = intercept ? s.yty - (s.sy * s.sy) / s.n : s.yty;
  return 1 - sse / sst;
}

/**
 * Solves X'X b = X'y by Cholesky after scaling X'X to unit diagonal (so the
 * collinearity test does not depend on the regressors' units) and returns b
 * and (X'X)⁻¹; null when X'X is singular.
 */
export function solve({xtx, xty}: Pick<Sums, "xtx" | "xty">): {beta: Float64Array; inverse: Float64Array} | null {
  const p = xty.length;
  const d = new Float64Array(p);
  for (let a = 0; a < p; ++a) {
    if (!(xtx[a * p + a] > 0)) return null;
    d[a] = 1 / Math.sqrt(xtx[a * p + a]);
  }
  // Lower-triangular L with L L' = D X'X D.
  const L = new Float64Array(p * p);
  for (let a = 0; a < p; ++a) {
    for (let b = 0; b <= a; ++b) {
      let v = xtx[a * p + b] * d[a] * d[b];
      for (let c = 0; c < b; ++c) v -= L[a * p + c] * L[b * p + c];
      if (a === b) {
        // A pivot this small means a regressor is (numerically) a combination of the others.
        if (!(v > 1e-10)) return null;
        L[a * p + a] = Math.sqrt(v);
      } else {
        L[a * p + b] = v / L[b * p + b];
      }
    }
  }
  // Inverse of the scaled matrix, column by column, then unscaled: (X'X)⁻¹ = D (D X'X D)⁻¹ D.
  const inverse = new Float64Array(p * p);
  const z = new Float64Array(p);
  for (let col = 0; col < p; ++col) {
    for (let a = 0; a < p; ++a) {
      let v = a === col ? 1 : 0;
      for (let c = 0; c < a; ++c) v -= L[a * p + c] * z[c];
      z[a] = v / L[a * p + a];
    }
    for (let a = p - 1; a >= 0; --a) {
      let v = z[a];
      for (let c = a + 1; c < p; ++c) v -= L[c * p + a] * z[c];
      z[a] = v / L[a * p + a];
    }
    for (let a = 0; a < p; ++a) inverse[a * p + col] = z[a] * d[a] * d[col];
  }
  const beta = new Float64Array(p);
  for (let a = 0; a < p; ++a) for (let b = 0; b < p; ++b) beta[a] += inverse[a * p + b] * xty[b];
  return {beta, inverse};
}
