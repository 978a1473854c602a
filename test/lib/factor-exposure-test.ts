import {describe, expect, it} from "vitest";
import {alignExcessReturns, factorExposure, rollingExposure, type FactorPanel} from "../../src/lib/factor-exposure.js";
import {seededRandom} from "./seeded-random.js";

const D = 86_400_000;

describe("alignExcessReturns", () => {
  const factors: FactorPanel = {
    date: Float64Array.of(1, 2, 3, 4, 5).map((d) => d * D),
    mktRf: Float64Array.of(0.01, 0.02, 0.03, 0.04, 0.05),
    smb: Float64Array.of(0.1, 0.2, 0.3, 0.4, 0.5),
    hml: Float64Array.of(-0.1, -0.2, -0.3, -0.4, -0.5),
    rf: Float64Array.of(0.001, 0.001, 0.001, 0.002, 0.002)
  };
  it("alignExcessReturns keeps days whose previous day is common to both calendars and subtracts RF", () => {
    // Fund trades days 1, 2, 4, 5 (no day 3); the return into day 4 spans a gap and is dropped.
    const a = alignExcessReturns(
      Float64Array.of(1, 2, 4, 5).map((d) => d * D),
      Float64Array.of(100, 110, 121, 133.1),
      factors
    );
    expect(Array.from(a.date, (t) => t / D)).toEqual([2, 5]);
    expect(a.excess[0]).toBeCloseTo(0.1 - 0.001, 12);
    expect(a.excess[1]).toBeCloseTo(0.1 - 0.002, 12);
    expect(Array.from(a.smb)).toEqual([0.2, 0.5]);
  });
  it("alignExcessReturns drops fund days the factors lack (factors end earlier)", () => {
    const a = alignExcessReturns(
      Float64Array.of(4, 5, 6, 7).map((d) => d * D),
      Float64Array.of(1, 1, 1, 1),
      factors
    );
    expect(Array.from(a.date, (t) => t / D)).toEqual([5]);
  });
});

describe("factorExposure", () => {
  // y = 0.0001 + 1.1·mkt + 0.6·smb − 0.2·hml + small noise: OLS must recover the loadings.
  const rand = seededRandom(7);
  const n = 600;
  const g = () => (rand() - 0.5) * 0.02;
  const mktRf = Float64Array.from({length: n}, g);
  const smb = Float64Array.from({length: n}, g);
  const hml = Float64Array.from({length: n}, g);
  const excess = Float64Array.from(
    {length: n},
    (_, i) => 0.0001 + 1.1 * mktRf[i] + 0.6 * smb[i] - 0.2 * hml[i] + (rand() - 0.5) * 1e-4
  );
  const a = {date: Float64Array.from({length: n}, (_, i) => i * D), excess, mktRf, smb, hml};

  it("factorExposure recovers known loadings and annualises the intercept × 252", () => {
    const e = factorExposure(a)!;
    expect(e.beta.mkt).toBeCloseTo(1.1, 2);
    expect(e.beta.smb).toBeCloseTo(0.6, 2);
    expect(e.beta.hml).toBeCloseTo(-0.2, 2);
    expect(e.alphaAnnual).toBeCloseTo(0.0252, 3);
    expect(e.rSquared).toBeGreaterThan(0.99);
    expect(e.n).toBe(n);
  });
  it("factorExposure(…, {from, to}) uses only dates inside; too few rows give null", () => {
    expect(factorExposure(a, {from: 100 * D, to: 199 * D})!.n).toBe(100);
    expect(factorExposure(a, {from: 0, to: 5 * D})).toBeNull();
  });
  it("rollingExposure(…, {window: 100}) is NaN before 80 rows and near the true loading after", () => {
    const r = rollingExposure(a, {window: 100});
    expect(r.smb[78]).toBeNaN();
    expect(r.smb[99]).toBeCloseTo(0.6, 2);
    expect(r.hml[n - 1]).toBeCloseTo(-0.2, 2);
  });
});
