import {existsSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {tableFromIPC} from "apache-arrow";
import {afterAll, describe, expect, it} from "vitest";
import {acquireAll, DATASETS} from "../../data-loaders/research.js";
import {buildResearch} from "../../data-loaders/research-tables.js";
import type {ResearchSettings} from "../../data-loaders/settings.js";
import {parseDay} from "../../src/lib/dates.js";
import {
  alignExcessReturns,
  commonSpan,
  factorExposure,
  factorPanel,
  FACTOR_MODELS,
  missingColumns,
  rollingExposure,
  type FactorColumns,
  type ModelName
} from "../../src/lib/factor-exposure.js";
import {tableColumns} from "../../src/lib/table-columns.js";
import {hasSharedPrices, readAdjusted, SHARED_PRICES} from "./shared-prices.js";
import {seededRandom} from "./seeded-random.js";

const D = 86_400_000;
const days = (...d: number[]) => Float64Array.from(d, (x) => x * D);

describe("factorPanel", () => {
  // The three-factor table has day 3 without momentum and day 6 with momentum only (as the joined table does).
  const three: FactorColumns = {
    date: days(1, 2, 3, 4, 5, 6),
    mktRf: Float64Array.of(0.01, 0.02, 0.03, 0.04, 0.05, NaN),
    smb: Float64Array.of(0.1, 0.2, 0.3, 0.4, 0.5, NaN),
    hml: Float64Array.of(-0.1, -0.2, -0.3, -0.4, -0.5, NaN),
    rf: Float64Array.of(0.001, 0.001, 0.001, 0.002, 0.002, NaN),
    mom: Float64Array.of(0.7, 0.6, NaN, 0.4, 0.3, 0.2)
  };
  const five: FactorColumns = {
    date: days(2, 3, 4, 5),
    mktRf: Float64Array.of(0.021, 0.031, 0.041, 0.051),
    smb: Float64Array.of(0.22, 0.32, 0.42, 0.52),
    hml: Float64Array.of(-0.22, -0.32, -0.42, -0.52),
    rmw: Float64Array.of(1, 2, 3, 4),
    cma: Float64Array.of(5, 6, 7, 8),
    rf: Float64Array.of(0.001, 0.001, 0.002, 0.002)
  };
  const show = (model: ModelName) => {
    const p = factorPanel(model, {three, five});
    return {days: Array.from(p.date, (t) => t / D), names: p.names, factors: p.factors.map((f) => Array.from(f))};
  };

  it("factorPanel('ff3') keeps the days with the three factors, whether or not momentum has them", () => {
    expect(show("ff3")).toEqual({
      days: [1, 2, 3, 4, 5],
      names: ["Mkt-RF", "SMB", "HML"],
      factors: [
        [0.01, 0.02, 0.03, 0.04, 0.05],
        [0.1, 0.2, 0.3, 0.4, 0.5],
        [-0.1, -0.2, -0.3, -0.4, -0.5]
      ]
    });
    expect(show("capm").names).toEqual(["Mkt-RF"]);
  });
  it("factorPanel('carhart') drops the day momentum lacks", () => {
    expect(show("carhart").days).toEqual([1, 2, 4, 5]);
    expect(show("carhart").factors[3]).toEqual([0.7, 0.6, 0.4, 0.3]);
  });
  it("factorPanel('ff5') reads the five-factor table; 'ff5mom' joins momentum on the common days", () => {
    expect(show("ff5")).toMatchObject({days: [2, 3, 4, 5], names: ["Mkt-RF", "SMB", "HML", "RMW", "CMA"]});
    expect(show("ff5").factors[1]).toEqual([0.22, 0.32, 0.42, 0.52]);
    const m = show("ff5mom");
    expect(m.days).toEqual([2, 4, 5]);
    expect(m.names).toEqual(["Mkt-RF", "SMB", "HML", "RMW", "CMA", "Mom"]);
    expect(m.factors[3]).toEqual([1, 3, 4]);
    expect(m.factors[5]).toEqual([0.6, 0.4, 0.3]);
    expect(Array.from(factorPanel("ff5mom", {three, five}).rf)).toEqual([0.001, 0.002, 0.002]);
  });
  it("factorPanel('ff5') without the five-factor table says what it needs", () => {
    expect(() => factorPanel("ff5", {three})).toThrow("the Fama-French 5 model needs the five-factor table");
  });

  it("missingColumns(model, tables) lists the columns the model reads that its tables lack", () => {
    const three = {missing: ["mom"]};
    const five = {missing: ["rmw"]};
    expect(missingColumns("ff3", {three, five})).toEqual([]);
    expect(missingColumns("carhart", {three, five})).toEqual(["mom"]);
    expect(missingColumns("ff5", {three, five})).toEqual(["rmw"]);
    expect(missingColumns("ff5mom", {three, five})).toEqual(["rmw", "mom"]);
    expect(missingColumns("ff5", {three})).toEqual(["rf"]);
  });
  it("alignExcessReturns keeps days whose previous day is the panel's previous day and subtracts RF", () => {
    // Fund trades days 1, 2, 4, 5; the carhart panel has 1, 2, 4, 5 (no day 3), so the return into day 4 counts.
    const a = alignExcessReturns(
      days(1, 2, 4, 5),
      Float64Array.of(100, 110, 121, 133.1),
      factorPanel("carhart", {three})
    );
    expect(Array.from(a.date, (t) => t / D)).toEqual([2, 4, 5]);
    expect(a.excess[1]).toBeCloseTo(0.1 - 0.002, 12);
    expect(Array.from(a.factors[3])).toEqual([0.6, 0.4, 0.3]);
    // The ff3 panel has day 3, so the fund's return from day 2 to day 4 spans a panel day and is dropped.
    expect(
      Array.from(
        alignExcessReturns(days(1, 2, 4, 5), Float64Array.of(1, 1, 1, 1), factorPanel("ff3", {three})).date,
        (t) => t / D
      )
    ).toEqual([2, 5]);
  });
  it("commonSpan is the latest first day and the earliest last day of the funds' aligned returns", () => {
    const panel = factorPanel("ff3", {three});
    const a = alignExcessReturns(days(1, 2, 3, 4), Float64Array.of(1, 1, 1, 1), panel);
    const b = alignExcessReturns(days(2, 3, 4, 5), Float64Array.of(1, 1, 1, 1), panel);
    expect(commonSpan([a, b]).map((t) => t / D)).toEqual([3, 4]);
    expect(commonSpan([a, alignExcessReturns([], [], panel)])).toEqual([NaN, NaN]);
  });
});

describe("factorExposure on seeded data", () => {
  // y = 0.0001 + 1.1·mkt + 0.6·smb − 0.2·hml + small noise: OLS must recover the loadings.
  const rand = seededRandom(7);
  const n = 600;
  const g = () => (rand() - 0.5) * 0.02;
  const factors = [0, 1, 2].map(() => Float64Array.from({length: n}, g));
  const excess = Float64Array.from(
    {length: n},
    (_, i) => 0.0001 + 1.1 * factors[0][i] + 0.6 * factors[1][i] - 0.2 * factors[2][i] + (rand() - 0.5) * 1e-4
  );
  const a = {date: Float64Array.from({length: n}, (_, i) => i * D), excess, names: FACTOR_MODELS.ff3.factors, factors};

  it("factorExposure recovers known loadings, annualises the intercept × 252 and brackets it with its interval", () => {
    const e = factorExposure(a)!;
    expect(e.beta[0]).toBeCloseTo(1.1, 2);
    expect(e.beta[1]).toBeCloseTo(0.6, 2);
    expect(e.beta[2]).toBeCloseTo(-0.2, 2);
    expect(e.alphaAnnual).toBeCloseTo(0.0252, 3);
    expect(e.alphaLow).toBeLessThan(e.alphaAnnual);
    expect(e.alphaHigh).toBeGreaterThan(e.alphaAnnual);
    // The interval is ± 1.96 HAC standard errors, and t = alpha / SE.
    expect((e.alphaHigh - e.alphaLow) / 2).toBeCloseTo((1.959964 * e.alphaAnnual) / e.alphaT, 10);
    expect(e.rSquared).toBeGreaterThan(0.99);
    expect([e.n, e.lag]).toEqual([n, 5]); // ⌊4·6^(2/9)⌋ = ⌊5.96⌋
    expect(factorExposure(a, {lag: 2})!.lag).toBe(2);
  });
  it("factorExposure(…, {from, to}) uses only dates inside; too few rows give null", () => {
    expect(factorExposure(a, {from: 100 * D, to: 199 * D})!.n).toBe(100);
    expect(factorExposure(a, {from: 0, to: 5 * D})).toBeNull();
  });
  it("rollingExposure(…, {window: 100}) is NaN before 80 rows and near the true loading after", () => {
    const r = rollingExposure(a, {window: 100});
    expect(r.names).toEqual(["Mkt-RF", "SMB", "HML"]);
    expect(r.beta[1][78]).toBeNaN();
    expect(r.beta[1][99]).toBeCloseTo(0.6, 2);
    expect(r.beta[2][n - 1]).toBeCloseTo(-0.2, 2);
  });
});

const FRENCH = path.resolve(SHARED_PRICES, "../french");
const hasShared = hasSharedPrices && existsSync(FRENCH);

describe.skipIf(!hasShared)(
  "factorExposure on real data: IJR 2021–2025, five models, against statsmodels",
  async () => {
    // The whole path the page takes: the shared French files through the research loaders into the tables, then the
    // panel, the alignment and the fit. Reference: test/reference/newey-west-reference.py (statsmodels 0.13).
    const reference = JSON.parse(
      readFileSync(path.join(import.meta.dirname, "../reference/newey-west-reference.json"), "utf8")
    );
    const cacheDir = mkdtempSync(path.join(tmpdir(), "factor-models-"));
    afterAll(() => rmSync(cacheDir, {recursive: true, force: true}));
    const settings: ResearchSettings = {
      source: "file",
      cacheDir,
      frenchDir: FRENCH,
      fredDir: null,
      frenchUrl: null,
      fredUrl: null,
      timeoutMs: 1000
    };
    const ids = [
      "F-F_Research_Data_Factors_daily",
      "F-F_Research_Data_5_Factors_2x3_daily",
      "F-F_Momentum_Factor_daily"
    ];
    const raw = await acquireAll(
      settings,
      DATASETS.filter((d) => ids.includes(d.id))
    );
    const files = buildResearch(raw, settings, Date.UTC(2026, 4, 1));
    const table = (name: "factors-daily.arrow" | "factors5-daily.arrow") =>
      tableColumns(tableFromIPC(files[name] as Uint8Array), ["mktRf", "smb", "hml", "rmw", "cma", "mom", "rf"]);
    const three = table("factors-daily.arrow") as unknown as FactorColumns;
    const five = table("factors5-daily.arrow") as unknown as FactorColumns;
    const fund = readAdjusted("IJR");
    const from = parseDay("2021-01-04");
    const to = parseDay("2025-12-31");

    for (const model of Object.keys(FACTOR_MODELS) as ModelName[]) {
      it(`${model}: n, loadings, R² and HAC t at statsmodels' lags 0, 5 and 7 match`, () => {
        const ref = reference.models[model];
        const aligned = alignExcessReturns(fund.dates, fund.index, factorPanel(model, {three, five}));
        expect(aligned.names).toEqual(ref.factors);
        for (const {lag, correction, tvalues} of ref.hac) {
          if (correction) continue; // the page uses statsmodels' default (no n/(n − p)); newey-west-test checks both
          const e = factorExposure(aligned, {from, to, lag})!;
          expect(e.n).toBe(ref.n);
          expect(e.alphaAnnual).toBeCloseTo(ref.params[0] * 252, 12);
          ref.params.slice(1).forEach((b: number, j: number) => expect(e.beta[j]).toBeCloseTo(b, 12));
          expect(e.rSquared).toBeCloseTo(ref.rsquared, 12);
          expect(e.alphaT).toBeCloseTo(tvalues[0], 8);
          tvalues.slice(1).forEach((t: number, j: number) => expect(e.t[j]).toBeCloseTo(t, 8));
        }
        expect(factorExposure(aligned, {from, to})!.lag).toBe(ref.autoLag);
      });
    }
  }
);
