import {readFileSync} from "node:fs";
import path from "node:path";
import {csvParseRows} from "d3-dsv";
import {describe, expect, it} from "vitest";
import {parseDay} from "../../src/lib/dates.js";
import {performanceMetrics, type PerformanceMetrics} from "../../src/lib/performance-metrics.js";
import {hasSharedPrices, readAdjusted, SHARED_PRICES} from "./shared-prices.js";

const days = (...texts: string[]) => Float64Array.from(texts, parseDay);

describe("performanceMetrics(series, benchmark, riskFree, range)", () => {
  const date = days("2023-12-29", "2024-01-31", "2024-02-29", "2024-03-28", "2024-04-30", "2024-05-31");
  const series = {date, index: Float64Array.of(100, 110, 99, 108.9, 119.79, 113.8)};
  const bench = {date, index: Float64Array.of(100, 105, 100, 106, 110, 108)};

  it("starts at the base close and ends at the last close on or before to", () => {
    const m = performanceMetrics(series, null, null, {from: parseDay("2024-02-10"), to: parseDay("2024-05-30")});
    expect([m.start, m.end]).toEqual(["2024-01-31", "2024-04-30"]);
    expect(m.totalReturn).toBeCloseTo(119.79 / 110 - 1, 12);
    expect(m.maxDrawdown).toBeCloseTo(-0.1, 12);
    expect(m.beta).toBeNaN();
    expect(m.riskFreeCarried).toBe(0);
  });

  it("counts the risk-free days carried past the rate's last day, on return days only", () => {
    const rate = {date: days("2023-12-29", "2024-01-31", "2024-02-29"), values: Float64Array.of(0.001, 0.001, 0.001)};
    expect(performanceMetrics(series, bench, rate).riskFreeCarried).toBe(3);
    expect(performanceMetrics(series, bench, rate, {from: parseDay("2024-04-30")}).riskFreeCarried).toBe(1);
  });

  it("is NaN everywhere (never throws) on a range with fewer than two closes", () => {
    const m = performanceMetrics(series, bench, null, {from: parseDay("2025-01-01")});
    expect(m.start).toBe("");
    for (const key of ["totalReturn", "cagr", "volatility", "sharpe", "maxDrawdown", "beta", "upCapture"] as const)
      expect(m[key]).toBeNaN();
    expect(performanceMetrics({date: new Float64Array(0), index: new Float64Array(0)}, null, null).cagr).toBeNaN();
  });
});

const REFERENCE = path.resolve(import.meta.dirname, "../reference/metrics-reference.json");
const FRENCH = path.resolve(SHARED_PRICES, "../french/F-F_Research_Data_Factors_daily.CSV");
if (!hasSharedPrices)
  console.warn(`performance-metrics-test: ${SHARED_PRICES} is absent, the real-data check is skipped`);

/** French's daily RF as a fraction, read with d3-dsv (the reference script parses it with its own code). */
function frenchRiskFree(): {date: Float64Array; values: Float64Array} {
  const rows = csvParseRows(readFileSync(FRENCH, "utf8")).filter((r) => r.length === 5 && /^\s*\d{8}$/.test(r[0]));
  const day = (t: string) => parseDay(`${t.trim().slice(0, 4)}-${t.trim().slice(4, 6)}-${t.trim().slice(6)}`);
  return {date: Float64Array.from(rows, (r) => day(r[0])), values: Float64Array.from(rows, (r) => +r[4] / 100)};
}

describe.skipIf(!hasSharedPrices)("performanceMetrics on the shared real prices", () => {
  const reference = JSON.parse(readFileSync(REFERENCE, "utf8"));
  const rf = frenchRiskFree();
  const bench = readAdjusted(reference.benchmark);
  for (const {from, to, metrics} of reference.ranges) {
    for (const [ticker, expected] of Object.entries(metrics as Record<string, Record<string, unknown>>)) {
      it(`${ticker} ${from} to ${to} against ${reference.benchmark} equals test/reference/metrics-reference.py`, () => {
        const {dates, index} = readAdjusted(ticker);
        const m = performanceMetrics({date: dates, index}, {date: bench.dates, index: bench.index}, rf, {
          from: parseDay(from),
          to: parseDay(to)
        });
        const want = Object.fromEntries(
          Object.entries(expected).map(([k, v]) => [
            k,
            typeof v === "number" ? expect.closeTo(v, 10) : v === null ? expect.toSatisfy(Number.isNaN) : v
          ])
        );
        expect(m).toEqual(want as unknown as PerformanceMetrics);
      });
    }
  }
});
