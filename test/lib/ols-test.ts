import {describe, it, expect} from "vitest";
import {ols, rollingOls, solve} from "../../src/lib/ols.js";

/** mulberry32: a small seeded PRNG, so the "noisy" data are the same on every run. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function normals(n: number, random: () => number): Float64Array {
  // Box–Muller
  return Float64Array.from(
    {length: n},
    () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  );
}
function synthetic(n: number, loadings: number[], alpha: number, noise: number, seed: number) {
  const random = prng(seed);
  const X = loadings.map(() => normals(n, random));
  const e = normals(n, random);
  const y = Float64Array.from(
    {length: n},
    (_, i) => alpha + loadings.reduce((s, b, j) => s + b * X[j][i], 0) + noise * e[i]
  );
  return {y, X};
}

describe("ols", () => {
  it("ols(y, [x]) on 3 rows, x = 0 1 2, y = 1 3 4: b = 7/6, 3/2; SE = √5/6, √(1/12); R² = 27/28", () => {
    // x̄ = 1, ȳ = 8/3, Sxx = 2, Sxy = 3; residuals −1/6, 1/3, −1/6, SSE = 1/6 on 1 df;
    // SE(b1) = √(s²/Sxx), SE(b0) = √(s²(1/n + x̄²/Sxx)); R's lm(c(1,3,4) ~ c(0,1,2)) agrees.
    const r = ols(new Float64Array([1, 3, 4]), [new Float64Array([0, 1, 2])]);
    expect(r.n).toBe(3);
    expect(r.coefficients[0]).toBeCloseTo(7 / 6, 12);
    expect(r.coefficients[1]).toBeCloseTo(1.5, 12);
    expect(r.standardErrors[0]).toBeCloseTo(Math.sqrt(5) / 6, 12);
    expect(r.standardErrors[1]).toBeCloseTo(Math.sqrt(1 / 12), 12);
    expect(r.tStats[0]).toBeCloseTo(7 / Math.sqrt(5), 10);
    expect(r.tStats[1]).toBeCloseTo(3 * Math.sqrt(3), 10);
    expect(r.rSquared).toBeCloseTo(27 / 28, 12);
    expect(r.residualStdErr).toBeCloseTo(Math.sqrt(1 / 6), 12);
  });

  it("ols(y, X) recovers known loadings exactly on noise-free data", () => {
    const {y, X} = synthetic(200, [1.2, -0.7, 0.3], 0.5, 0, 1);
    const r = ols(y, X);
    [0.5, 1.2, -0.7, 0.3].forEach((b, a) => expect(r.coefficients[a]).toBeCloseTo(b, 10));
    expect(r.rSquared).toBeCloseTo(1, 12);
    expect(r.residualStdErr).toBeLessThan(1e-12);
  });

  it("ols(y, X) recovers loadings within 4 standard errors on seeded noisy data", () => {
    const {y, X} = synthetic(5000, [1.1, 0.4, -0.25, 0.8], 0.0003, 0.01, 42);
    const r = ols(y, X);
    [0.0003, 1.1, 0.4, -0.25, 0.8].forEach((b, a) => {
      expect(Math.abs(r.coefficients[a] - b)).toBeLessThan(4 * r.standardErrors[a]);
      expect(r.standardErrors[a]).toBeLessThan(0.001);
    });
    expect(r.residualStdErr).toBeCloseTo(0.01, 3);
  });

  it("ols(y, [x]) slope t-stat equals the closed form r·√(n−2)/√(1−r²)", () => {
    const {y, X} = synthetic(300, [0.2], 0.1, 1, 7);
    const r = ols(y, X);
    const n = 300;
    const mx = X[0].reduce((a, b) => a + b) / n;
    const my = y.reduce((a, b) => a + b) / n;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < n; ++i) {
      sxy += (X[0][i] - mx) * (y[i] - my);
      sxx += (X[0][i] - mx) ** 2;
      syy += (y[i] - my) ** 2;
    }
    const rho = sxy / Math.sqrt(sxx * syy);
    expect(r.tStats[1]).toBeCloseTo((rho * Math.sqrt(n - 2)) / Math.sqrt(1 - rho * rho), 9);
    expect(r.rSquared).toBeCloseTo(rho * rho, 12);
  });

  it("ols drops rows with NaN in y or any regressor", () => {
    const y = new Float64Array([1, NaN, 3, 4, 9]);
    const x = new Float64Array([0, 5, 1, 2, NaN]);
    const r = ols(y, [x]);
    expect(r.n).toBe(3);
    expect(r.coefficients[1]).toBeCloseTo(1.5, 12);
  });

  it("ols(y, [x], {intercept: false}) fits through the origin with uncentred R²", () => {
    const r = ols(new Float64Array([2, 4, 6.5]), [new Float64Array([1, 2, 3])], {intercept: false});
    // b = Σxy/Σx² = 29.5/14; SSE = Σy² − b·Σxy
    const b = 29.5 / 14;
    expect(r.coefficients).toHaveLength(1);
    expect(r.coefficients[0]).toBeCloseTo(b, 12);
    expect(r.rSquared).toBeCloseTo(1 - (62.25 - b * 29.5) / 62.25, 12);
  });

  it("ols([..], [], {intercept: true}) is the mean with its standard error", () => {
    const r = ols(new Float64Array([1, 2, 6]), []);
    expect(r.coefficients[0]).toBeCloseTo(3, 12);
    expect(r.standardErrors[0]).toBeCloseTo(Math.sqrt(7 / 3), 12); // sd 7^½ over √3
  });

  it("ols throws when n ≤ p, on collinear regressors, on mismatched lengths and with nothing to fit", () => {
    const x = new Float64Array([1, 2, 3]);
    expect(() => ols(new Float64Array([1, 2]), [new Float64Array([1, 2])])).toThrow(/2 rows for 2 coefficients/);
    expect(() =>
      ols(new Float64Array([1, 2, 4, 8]), [new Float64Array([1, 2, 3, 4]), new Float64Array([2, 4, 6, 8])])
    ).toThrow(/collinear/);
    expect(() => ols(new Float64Array([1, 2, 4]), [new Float64Array([5, 5, 5])])).toThrow(/collinear/);
    expect(() => ols(new Float64Array([1, 2]), [x])).toThrow(/length 3/);
    expect(() => ols(x, [], {intercept: false})).toThrow(/at least one/);
  });

  it("solve(sums) returns null for an all-zero regressor", () => {
    expect(solve({xtx: new Float64Array([3, 0, 0, 0]), xty: new Float64Array([1, 0])})).toBeNull();
  });
});

describe("rollingOls", () => {
  it("rollingOls(y, X, {window: 50, minObs: 40}) equals ols on each window within 1e-9, NaN rows included", () => {
    const {y, X} = synthetic(400, [0.9, -0.3, 0.5], 0.001, 0.02, 3);
    const random = prng(99);
    for (let i = 0; i < 400; ++i) if (random() < 0.05) (random() < 0.5 ? y : X[1])[i] = NaN;
    const r = rollingOls(y, X, {window: 50, minObs: 40});
    let compared = 0;
    for (let t = 0; t < 400; ++t) {
      const lo = Math.max(0, t - 49);
      const ys = y.slice(lo, t + 1);
      const Xs = X.map((x) => x.slice(lo, t + 1));
      const valid = ys.filter((v, i) => !Number.isNaN(v) && Xs.every((x) => !Number.isNaN(x[i]))).length;
      expect(r.n[t]).toBe(valid);
      if (valid < 40) {
        expect(r.coefficients[0][t]).toBeNaN();
        continue;
      }
      const naive = ols(ys, Xs);
      for (let a = 0; a < 4; ++a) expect(Math.abs(r.coefficients[a][t] - naive.coefficients[a])).toBeLessThan(1e-9);
      expect(Math.abs(r.rSquared[t] - naive.rSquared)).toBeLessThan(1e-9);
      ++compared;
    }
    expect(compared).toBeGreaterThan(300);
  });

  it("rollingOls(y, X, {window: 20}) is NaN for the first 19 dates", () => {
    const {y, X} = synthetic(30, [1], 0, 0.1, 5);
    const r = rollingOls(y, X, {window: 20});
    expect(r.coefficients.map((c) => c.slice(0, 19).every(Number.isNaN))).toEqual([true, true]);
    expect(r.rSquared.slice(0, 19).every(Number.isNaN)).toBe(true);
    expect(Number.isNaN(r.coefficients[1][19])).toBe(false);
  });

  it("rollingOls is NaN in a window where a regressor is constant, and when the window exceeds the data", () => {
    const x = new Float64Array([1, 1, 1, 1, 2, 3]);
    const y = new Float64Array([1, 2, 3, 4, 5, 7]);
    const r = rollingOls(y, [x], {window: 4});
    expect(r.coefficients[1][3]).toBeNaN();
    expect(r.coefficients[1][5]).toBeCloseTo(ols(y.slice(2), [x.slice(2)]).coefficients[1], 12);
    expect(rollingOls(y, [x], {window: 10}).rSquared.every(Number.isNaN)).toBe(true);
  });

  it("rollingOls of empty arrays is empty", () => {
    const r = rollingOls(new Float64Array(0), [new Float64Array(0)], {window: 5});
    expect(r.coefficients.map((c) => c.length)).toEqual([0, 0]);
    expect(r.rSquared.length).toBe(0);
  });

  it("rollingOls rejects a bad window or minObs with the value", () => {
    const y = new Float64Array(3);
    expect(() => rollingOls(y, [y], {window: 0})).toThrow("invalid window: 0");
    expect(() => rollingOls(y, [y], {window: 2.5})).toThrow("invalid window: 2.5");
    expect(() => rollingOls(y, [y], {window: 5, minObs: 6})).toThrow("invalid minObs: 6");
  });
});
