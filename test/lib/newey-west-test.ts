import {readFileSync} from "node:fs";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {parseFrenchCsv} from "../../data-loaders/french.js";
import {parseDay} from "../../src/lib/dates.js";
import {hacMean, neweyWest, neweyWestLag} from "../../src/lib/newey-west.js";
import {hasSharedPrices, readAdjusted, SHARED_PRICES} from "./shared-prices.js";

/** statsmodels 0.13 on the same data: test/reference/newey-west-reference.py. */
const reference = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "../reference/newey-west-reference.json"), "utf8")
);

describe("hacMean", () => {
  const x = Float64Array.from(reference.mean.x as number[]);

  it("hacMean(x, {lag}) matches statsmodels' HAC standard error of a mean for lags 0–4, with and without n/(n − 1)", () => {
    for (const {lag, correction, bse} of reference.mean.hac) {
      const m = hacMean(x, {lag, correction});
      expect(m.mean).toBeCloseTo(reference.mean.mean, 14);
      expect(m.standardError).toBeCloseTo(bse, 13);
      expect(m.plainStandardError).toBeCloseTo(reference.mean.bse, 13);
      expect(m.t).toBeCloseTo(reference.mean.mean / bse, 10);
    }
  });

  it("hacMean by hand on 1 2 3 6: mean 3, lag 1 adds half the first autocovariance twice", () => {
    // Deviations −2 −1 0 3: Σd² = 14, Σ dₜdₜ₋₁ = 2 + 0 + 0 = 2; S = 14 + 2·(1/2)·2 = 16; var = S/n² = 1, SE = 1.
    const m = hacMean(Float64Array.of(1, 2, 3, 6), {lag: 1});
    expect(m.mean).toBe(3);
    expect(m.standardError).toBeCloseTo(1, 14);
    // Lag 0 is White's: √14/4; the n/(n − 1) correction multiplies the variance by 4/3.
    expect(hacMean(Float64Array.of(1, 2, 3, 6), {lag: 0}).standardError).toBeCloseTo(Math.sqrt(14) / 4, 14);
    expect(hacMean(Float64Array.of(1, 2, 3, 6), {lag: 0, correction: true}).standardError).toBeCloseTo(
      Math.sqrt((14 / 16) * (4 / 3)),
      14
    );
  });

  it("hacMean drops NaN values and treats the rest as consecutive", () => {
    const a = hacMean(Float64Array.of(1, NaN, 2, 3, 6), {lag: 1});
    expect(a.n).toBe(4);
    expect(a.standardError).toBeCloseTo(1, 14);
  });

  it("hacMean rejects a negative or fractional lag with a message naming it", () => {
    expect(() => hacMean(Float64Array.of(1, 2, 3), {lag: -1})).toThrow(/lag must be a whole number ≥ 0, not -1/);
    expect(() => hacMean(Float64Array.of(1, 2, 3), {lag: 1.5})).toThrow(/not 1.5/);
  });

  it("neweyWestLag(n) is statsmodels' ⌊4(n/100)^(2/9)⌋: 7 for the 1255 days of IJR 2021–2025", () => {
    expect(neweyWestLag(1255)).toBe(reference.models.ff5.autoLag);
    expect(neweyWestLag(1255)).toBe(7);
    expect(neweyWestLag(100)).toBe(4);
  });
});

describe.skipIf(!hasSharedPrices)("neweyWest on real data (IJR on the five daily factors, 2021–2025)", () => {
  // An independent, in-test join of the fund and the five-factor file, the rule the reference script uses: a fund
  // return counts only when its previous close is also the factor file's previous day.
  const french = parseFrenchCsv(
    readFileSync(path.join(SHARED_PRICES, "../french/F-F_Research_Data_5_Factors_2x3_daily.CSV"), "latin1")
  ).sections[0];
  const fund = readAdjusted("IJR");
  const at = new Map(Array.from(french.dates, (t, k) => [t, k]));
  const rows: number[][] = [];
  for (let i = 1; i < fund.dates.length; ++i) {
    const k = at.get(fund.dates[i]);
    if (k === undefined || k === 0 || french.dates[k - 1] !== fund.dates[i - 1]) continue;
    if (fund.dates[i] < parseDay("2021-01-04") || fund.dates[i] > parseDay("2025-12-31")) continue;
    const rf = french.values[french.columns.indexOf("RF")][k];
    const factors = ["Mkt-RF", "SMB", "HML", "RMW", "CMA"].map((c) => french.values[french.columns.indexOf(c)][k]);
    rows.push([fund.index[i] / fund.index[i - 1] - 1 - rf, ...factors]);
  }
  const y = Float64Array.from(rows, (r) => r[0]);
  const X = [1, 2, 3, 4, 5].map((j) => Float64Array.from(rows, (r) => r[j]));
  const ref = reference.models.ff5;

  it("OLS coefficients, plain standard errors and R² match statsmodels", () => {
    const fit = neweyWest(y, X, {lag: 0});
    expect(fit.n).toBe(ref.n);
    ref.params.forEach((b: number, a: number) => expect(fit.coefficients[a]).toBeCloseTo(b, 12));
    ref.bse.forEach((s: number, a: number) => expect(fit.standardErrors[a] / s).toBeCloseTo(1, 10));
    expect(fit.rSquared).toBeCloseTo(ref.rsquared, 12);
  });

  it("HAC standard errors and t match statsmodels for lags 0, 5 and 7, with and without n/(n − p)", () => {
    expect(ref.hac.length).toBe(6);
    for (const {lag, correction, bse, tvalues} of ref.hac) {
      const {hac} = neweyWest(y, X, {lag, correction});
      expect(hac.lag).toBe(lag);
      bse.forEach((s: number, a: number) => expect(hac.standardErrors[a] / s).toBeCloseTo(1, 10));
      tvalues.forEach((t: number, a: number) => expect(hac.tStats[a]).toBeCloseTo(t, 8));
    }
  });
});
