import {describe, expect, it} from "vitest";
import {beta, correlation} from "../../src/lib/benchmark-stats.js";
import {parseDay} from "../../src/lib/dates.js";
import {rollingRisk} from "../../src/lib/rolling-risk.js";
import {rollingSharpe} from "../../src/lib/rolling-sharpe.js";
import {sharpeRatio} from "../../src/lib/sharpe-ratio.js";
import {annualizedVolatility} from "../../src/lib/volatility.js";

const returns = Float64Array.of(0.01, -0.02, 0.015, 0.003, -0.007, 0.012, 0.004);

describe("rollingSharpe(returns, {window, riskFree})", () => {
  it("is sharpeRatio on each trailing window, NaN during warm-up", () => {
    const rf = Float64Array.from(returns, (_, i) => 0.0001 * i);
    const out = rollingSharpe(returns, {window: 4, riskFree: rf});
    expect(Array.from(out.subarray(0, 3))).toEqual([NaN, NaN, NaN]);
    for (let i = 3; i < returns.length; ++i)
      expect(out[i]).toBeCloseTo(
        sharpeRatio(returns.subarray(i - 3, i + 1), {riskFree: rf.subarray(i - 3, i + 1)}),
        10
      );
  });
  it("is NaN on a flat window and rejects a window below 1", () => {
    expect(rollingSharpe(Float64Array.of(0.01, 0.01, 0.01), {window: 2})[2]).toBeNaN();
    expect(() => rollingSharpe(returns, {window: 0})).toThrow(/invalid window: 0/);
  });
});

describe("rollingRisk(fund, benchmark, {windows, riskFree, from, to})", () => {
  const date = Float64Array.from({length: 8}, (_, i) => parseDay("2024-01-01") + i * 86_400_000);
  const index = (r: ArrayLike<number>) => {
    const out = new Float64Array(r.length + 1);
    out[0] = 100;
    for (let i = 0; i < r.length; ++i) out[i + 1] = out[i] * (1 + r[i]);
    return out;
  };
  const bench = Float64Array.of(0.005, -0.01, 0.012, 0.001, -0.004, 0.009, 0.002);
  const fund = {date, index: index(returns)};
  const benchmark = {date, index: index(bench)};

  it("computes each statistic over the trailing window and shows the range from the base close", () => {
    const risk = rollingRisk(fund, benchmark, {windows: [4], from: parseDay("2024-01-06")});
    expect(Array.from(risk.date)).toEqual(Array.from(date.subarray(5)));
    const line = (metric: string) => risk.lines.find((l) => l.metric === metric)!.values;
    // The last window holds returns 3..6 (the return on day i + 1 is returns[i]).
    const a = returns.subarray(3, 7);
    const b = bench.subarray(3, 7);
    expect(line("Volatility").at(-1)).toBeCloseTo(annualizedVolatility(a), 10);
    expect(line("Beta").at(-1)).toBeCloseTo(beta(a, b), 10);
    expect(line("Correlation").at(-1)).toBeCloseTo(correlation(a, b), 10);
    expect(line("Sharpe").at(-1)).toBeCloseTo(sharpeRatio(a), 10);
    // The first day shown already has a full window, drawn from before `from`.
    expect(Number.isFinite(line("Volatility")[0])).toBe(true);
  });

  it("ends at the last close on or before to, and gives one line per statistic and window", () => {
    const risk = rollingRisk(fund, benchmark, {windows: [2, 3], to: parseDay("2024-01-05")});
    expect(risk.date.length).toBe(5);
    expect(risk.lines.map((l) => `${l.metric} ${l.window}`)).toEqual([
      "Volatility 2",
      "Beta 2",
      "Correlation 2",
      "Sharpe 2",
      "Volatility 3",
      "Beta 3",
      "Correlation 3",
      "Sharpe 3"
    ]);
  });
});
