import {describe, it, expect} from "vitest";
import {annualizedVolatility, TRADING_DAYS} from "../../src/lib/volatility.js";

// Written out: returns 0.01, −0.02, 0.03, 0.00 have mean 0.02 / 4 = 0.005; deviations 0.005,
// −0.025, 0.025, −0.005; squared 0.000025 + 0.000625 + 0.000625 + 0.000025 = 0.0013.
// Sample variance (n − 1 = 3, pandas' Series.std default ddof=1) = 0.0013 / 3 = 0.000433…,
// daily sd 0.0208167, annualised × √252 = √(0.0013 / 3 × 252) = √0.1092 = 0.3304542.
const RETURNS = [0.01, -0.02, 0.03, 0.0];

describe("annualizedVolatility(returns)", () => {
  it("annualizedVolatility([0.01, -0.02, 0.03, 0]) is the sample sd × √252 = 0.3304542", () => {
    expect(annualizedVolatility(RETURNS)).toBeCloseTo(Math.sqrt(0.1092), 12);
    expect(annualizedVolatility(RETURNS)).toBeCloseTo(0.3304542, 7);
  });
  it("annualizedVolatility uses n − 1 (pandas ddof=1), not the population sd", () => {
    const population = Math.sqrt((0.0013 / 4) * 252); // 0.2861818
    expect(Math.abs(annualizedVolatility(RETURNS) - population)).toBeGreaterThan(0.04);
  });
  it("annualizedVolatility skips NaN returns", () => {
    expect(annualizedVolatility([NaN, 0.01, NaN, -0.02, 0.03, 0.0, NaN])).toBeCloseTo(Math.sqrt(0.1092), 12);
  });
  it("annualizedVolatility is NaN with fewer than two values", () => {
    expect(annualizedVolatility([])).toBeNaN();
    expect(annualizedVolatility([0.01])).toBeNaN();
    expect(annualizedVolatility([NaN, 0.01, NaN])).toBeNaN();
  });
  it("annualizedVolatility of constant returns is 0", () => {
    expect(annualizedVolatility([0.01, 0.01, 0.01])).toBeCloseTo(0, 15);
    expect(annualizedVolatility([0, 0])).toBe(0);
  });
  it("annualizedVolatility([1e8 + 1, 1e8 + 2, 1e8 + 3]) is exactly √252 (no cancellation from a large mean)", () => {
    // Sample variance of 1, 2, 3 is 1; a naive Σx² − n·mean² loses it at this magnitude.
    expect(annualizedVolatility([1e8 + 1, 1e8 + 2, 1e8 + 3])).toBeCloseTo(Math.sqrt(252), 9);
  });
  it("annualizedVolatility(returns, {periodsPerYear: 52}) scales by √52", () => {
    expect(annualizedVolatility(RETURNS, {periodsPerYear: 52})).toBeCloseTo(Math.sqrt((0.0013 / 3) * 52), 12);
    expect(annualizedVolatility(RETURNS, {periodsPerYear: 1})).toBeCloseTo(Math.sqrt(0.0013 / 3), 12);
  });
  it("TRADING_DAYS is 252, the QuantStats/empyrical convention", () => {
    expect(TRADING_DAYS).toBe(252);
  });
});
