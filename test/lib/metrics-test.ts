import {describe, expect, it} from "vitest";
import {beta, correlation, informationRatio, trackingError} from "../../src/lib/benchmark-stats.js";
import {cagr} from "../../src/lib/cagr.js";
import {calmarRatio} from "../../src/lib/calmar-ratio.js";
import {upDownCapture} from "../../src/lib/capture.js";
import {parseDay} from "../../src/lib/dates.js";
import {longestDrawdown} from "../../src/lib/longest-drawdown.js";
import {positiveShare} from "../../src/lib/positive-share.js";
import {riskFree} from "../../src/lib/risk-free.js";
import {sharpeRatio} from "../../src/lib/sharpe-ratio.js";
import {sortinoRatio} from "../../src/lib/sortino-ratio.js";

// Small hand-made series, each metric worked out by hand in the comment beside it.
const days = (...texts: string[]) => Float64Array.from(texts, parseDay);

describe("cagr(dates, index)", () => {
  it("compounds over 365.25-day years: doubling in 730.5 days is √2 − 1 a year", () => {
    // 2020-01-01 to 2022-01-01 is 731 calendar days.
    expect(cagr(days("2020-01-01", "2022-01-01"), Float64Array.of(1, 2))).toBeCloseTo(2 ** (365.25 / 731) - 1, 14);
  });
  it("skips missing closes and is NaN with one close, none, or both on one day", () => {
    expect(cagr(days("2020-01-01", "2020-06-01", "2021-01-01"), Float64Array.of(1, NaN, 1.1))).toBeCloseTo(
      1.1 ** (365.25 / 366) - 1,
      14
    );
    expect(cagr(days("2020-01-01"), Float64Array.of(1))).toBeNaN();
    expect(cagr(new Float64Array(0), new Float64Array(0))).toBeNaN();
    expect(cagr(days("2020-01-01", "2020-06-01"), Float64Array.of(NaN, 1))).toBeNaN();
  });
});

describe("sharpeRatio(returns, {riskFree})", () => {
  it("is the mean excess return over its sample deviation × √252", () => {
    // Excess 0.01, 0.03 (rf 0.01): mean 0.02, sample sd √0.0002.
    expect(sharpeRatio(Float64Array.of(0.02, 0.04), {riskFree: 0.01})).toBeCloseTo(
      (0.02 / Math.sqrt(0.0002)) * Math.sqrt(252),
      12
    );
    expect(sharpeRatio(Float64Array.of(0.02, NaN, 0.04), {riskFree: Float64Array.of(0.01, 0.01, 0.01)})).toBeCloseTo(
      (0.02 / Math.sqrt(0.0002)) * Math.sqrt(252),
      12
    );
  });
  it("is NaN with zero volatility, one return or none", () => {
    expect(sharpeRatio(Float64Array.of(0.01, 0.01, 0.01))).toBeNaN();
    expect(sharpeRatio(Float64Array.of(0.01))).toBeNaN();
    expect(sharpeRatio(new Float64Array(0))).toBeNaN();
  });
  it("rejects a risk-free series of another length", () => {
    expect(() => sharpeRatio(Float64Array.of(0.01, 0.02), {riskFree: Float64Array.of(0)})).toThrow(/length mismatch/);
  });
});

describe("sortinoRatio(returns, {riskFree})", () => {
  it("divides the mean excess by √(mean of min(excess, 0)²) over every day (QuantStats)", () => {
    // Excess 0.02, -0.01, 0.02, -0.01: mean 0.005, downside √((0.0001 + 0.0001) / 4).
    const r = Float64Array.of(0.02, -0.01, 0.02, -0.01);
    expect(sortinoRatio(r)).toBeCloseTo((0.005 / Math.sqrt(0.0002 / 4)) * Math.sqrt(252), 12);
  });
  it("is Infinity without a losing day, NaN with nothing earned or no return", () => {
    expect(sortinoRatio(Float64Array.of(0.01, 0.02))).toBe(Infinity);
    expect(sortinoRatio(Float64Array.of(0, 0))).toBeNaN();
    expect(sortinoRatio(Float64Array.of(NaN))).toBeNaN();
  });
});

describe("calmarRatio(dates, index)", () => {
  it("is CAGR over the max drawdown, the base close counting as a peak", () => {
    // Falls 20% from the base at once, then ends 10% up after 731 days.
    const d = days("2020-01-01", "2020-02-01", "2022-01-01");
    expect(calmarRatio(d, Float64Array.of(100, 80, 110))).toBeCloseTo((1.1 ** (365.25 / 731) - 1) / 0.2, 12);
  });
  it("is NaN when the index never fell", () => {
    expect(calmarRatio(days("2020-01-01", "2021-01-01"), Float64Array.of(1, 2))).toBeNaN();
  });
});

describe("longestDrawdown(dates, index)", () => {
  const d = days("2024-01-01", "2024-01-02", "2024-01-10", "2024-01-20", "2024-01-21", "2024-03-01");
  it("runs from the peak close to the first close back at or above it, in calendar days", () => {
    // Peak Jan 2, recovered (at the peak exactly) on Jan 20: 18 days; then Jan 21 to the end (Mar 1), not recovered: 40 days.
    expect(longestDrawdown(d, Float64Array.of(1, 2, 1.5, 2, 2.1, 2))).toBe(40);
    expect(longestDrawdown(d, Float64Array.of(1, 2, 1.5, 2, 2.1, 2.2))).toBe(18);
  });
  it("is 0 for an index that only rose, NaN without a close, and skips missing closes", () => {
    expect(longestDrawdown(d, Float64Array.of(1, 2, 3, 4, 5, 6))).toBe(0);
    expect(longestDrawdown(d, Float64Array.of(1, 2, NaN, 1.5, NaN, 2))).toBe(59);
    expect(longestDrawdown(new Float64Array(0), new Float64Array(0))).toBeNaN();
  });
});

describe("positiveShare(values)", () => {
  it("counts values above zero among those present", () => {
    expect(positiveShare(Float64Array.of(0.1, -0.1, 0, NaN, 0.2))).toBe(0.5);
    expect(positiveShare(Float64Array.of(NaN))).toBeNaN();
  });
});

describe("beta, correlation, trackingError, informationRatio(returns, benchmark)", () => {
  // a = 2b + 0.001 exactly: beta 2, correlation 1; active = b + 0.001.
  const b = Float64Array.of(0.01, -0.02, 0.03, 0);
  const a = b.map((x) => 2 * x + 0.001);
  it("match the definitions on a fund that is twice the benchmark", () => {
    expect(beta(a, b)).toBeCloseTo(2, 12);
    expect(correlation(a, b)).toBeCloseTo(1, 12);
    // sd of b: mean 0.005, deviations 0.005, -0.025, 0.025, -0.005 → var 0.0013 / 3.
    const sd = Math.sqrt(0.0013 / 3);
    expect(trackingError(a, b)).toBeCloseTo(sd * Math.sqrt(252), 12);
    expect(informationRatio(a, b)).toBeCloseTo((0.006 * 252) / (sd * Math.sqrt(252)), 12);
  });
  it("skip days either lacks, and are NaN on a flat benchmark or a fund against itself", () => {
    expect(beta(Float64Array.of(...a, NaN), Float64Array.of(...b, 0.5))).toBeCloseTo(2, 12);
    expect(beta(a, Float64Array.of(0.01, 0.01, 0.01, 0.01))).toBeNaN();
    expect(trackingError(b, b)).toBe(0);
    expect(informationRatio(b, b)).toBeNaN();
    expect(correlation(Float64Array.of(0.1), Float64Array.of(0.1))).toBeNaN();
  });
});

describe("upDownCapture(returns, benchmark)", () => {
  it("compares annualised compound returns over the benchmark's up and down months (empyrical)", () => {
    const bench = Float64Array.of(0.02, -0.01, 0.04, 0, -0.03);
    const fund = Float64Array.of(0.03, -0.02, 0.05, 0.1, -0.03);
    const c = upDownCapture(fund, bench);
    const ann = (g: number, n: number) => g ** (12 / n) - 1;
    expect(c.up).toBeCloseTo(ann(1.03 * 1.05, 2) / ann(1.02 * 1.04, 2), 12);
    expect(c.down).toBeCloseTo(ann(0.98 * 0.97, 2) / ann(0.99 * 0.97, 2), 12);
    expect([c.upMonths, c.downMonths]).toEqual([2, 2]);
  });
  it("counts a benchmark month within rounding of zero (equal closes through a normalised index) as flat", () => {
    const c = upDownCapture(
      Float64Array.of(0.03, -0.02, 0.01),
      Float64Array.of(0.02, -0.01, 1.1 / 1.3 / (1.1 / 1.3) - 1 - 1e-16)
    );
    expect([c.upMonths, c.downMonths]).toEqual([1, 1]);
  });
  it("is NaN on a side with no month", () => {
    expect(upDownCapture(Float64Array.of(0.01), Float64Array.of(0.02)).down).toBeNaN();
  });
});

describe("riskFree(dates, rate)", () => {
  const rate = {date: days("2026-04-28", "2026-04-29", "2026-04-30"), values: Float64Array.of(0.0001, NaN, 0.0002)};
  it("takes each day's rate, the last before it when the rate skips a day, and carries the last past its end", () => {
    const rf = riskFree(days("2026-04-27", "2026-04-29", "2026-04-30", "2026-05-01", "2026-05-04"), rate);
    expect(Array.from(rf.values)).toEqual([NaN, 0.0001, 0.0002, 0.0002, 0.0002]);
    expect(rf.carried).toBe(2);
    expect(rf.lastDay).toBe(parseDay("2026-04-30"));
  });
  it("is all NaN with an empty rate", () => {
    const rf = riskFree(days("2026-04-27"), {date: new Float64Array(0), values: new Float64Array(0)});
    expect(Array.from(rf.values)).toEqual([NaN]);
    expect(rf.carried).toBe(0);
  });
});
