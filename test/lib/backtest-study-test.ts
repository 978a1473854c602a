import {describe, expect, it} from "vitest";
import {backtestMetrics, backtestStudy, pairPanel, rateFrom, ruleWarmup} from "../../src/lib/backtest-study.js";
import {riskFree} from "../../src/lib/risk-free.js";
import {parseDay} from "../../src/lib/dates.js";

const days = (...texts: string[]) => Float64Array.from(texts, parseDay);

describe("pairPanel(small, large, rate)", () => {
  it("keeps the closes both funds have with a positive index, and carries the rate past its last day", () => {
    const panel = pairPanel(
      {date: days("2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"), index: [1, 1.1, NaN, 1.2]},
      {date: days("2024-01-02", "2024-01-04", "2024-01-05", "2024-01-08"), index: [2, 2.1, 2.2, 2.3]},
      {date: days("2024-01-02", "2024-01-04"), values: [0.001, 0.002]}
    );
    expect([...panel.date]).toEqual([...days("2024-01-02", "2024-01-05")]);
    expect([...panel.small]).toEqual([1, 1.2]);
    expect([...panel.large]).toEqual([2, 2.2]);
    expect([...panel.rf]).toEqual([0.001, 0.002]);
    expect(panel.cash[1]).toBeCloseTo(1.001 * 1.002, 15);
  });
  it("without a rate, cash earns 0", () => {
    const panel = pairPanel(
      {date: days("2024-01-02", "2024-01-03"), index: [1, 2]},
      {date: days("2024-01-02", "2024-01-03"), index: [1, 3]},
      null
    );
    expect([...panel.rf, ...panel.cash]).toEqual([0, 0, 1, 1]);
  });
});

describe("rateFrom(rate, t)", () => {
  it("keeps from the rate's last day on or before t, so riskFree gives the same values and carried days from t on", () => {
    const rate = {date: days("2024-01-01", "2024-01-03", "2024-01-05", "2024-01-08"), values: [1, 2, NaN, 4]};
    const dates = days("2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09");
    expect(rateFrom(rate, dates[0]).values).toEqual([2, NaN, 4]);
    expect(riskFree(dates, rateFrom(rate, dates[0]))).toEqual(riskFree(dates, rate));
    // A t before the rate's first day keeps all of it.
    expect(rateFrom(rate, parseDay("2023-12-01")).values).toEqual([1, 2, NaN, 4]);
  });
});

describe("backtestStudy(panel, rule, {from, to, cost, names})", () => {
  // Trend with ma 2 on weekdays: small gains 10% a day from the 3rd close, large stays flat.
  const date = days("2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09");
  const small = [1, 1, 1, 1.1, 1.21, 1.1, 1.0];
  const large = [1, 1, 1, 1, 1, 1, 1];
  const panel = pairPanel({date, index: small}, {date, index: large}, null);
  it("runs from the first close on or after `from` to the last on or before `to`, with the three benchmarks", () => {
    const study = backtestStudy(
      panel,
      {rule: "trend", ma: 2},
      {from: parseDay("2024-01-03"), to: parseDay("2024-01-07"), names: ["S", "L"]}
    )!;
    expect([study.start, study.end]).toEqual([2, 4]);
    expect(study.lines.map((l) => l.name)).toEqual(["Strategy", "S", "L", "50/50"]);
    // Close 2: ratio 1 not above its average 1 → large over day 3; close 3: 1.1 > 1.05 → small over day 4.
    expect([...study.lines[0].equity]).toEqual([1, 1, 1.21 / 1.1]);
    expect([...study.lines[1].equity].map((v) => +v.toFixed(12))).toEqual([1, 1.1, 1.21]);
    expect(study.warmup).toBe(0);
  });
  it("counts the closes of the run before the indicator exists (they hold large)", () => {
    expect(ruleWarmup({rule: "trend", ma: 200})).toBe(199);
    expect(ruleWarmup({rule: "spread", window: 63, enter: 0, exit: 0})).toBe(63);
    expect(ruleWarmup({rule: "momentum", window: 252})).toBe(252);
    const study = backtestStudy(panel, {rule: "momentum", window: 3}, {from: 0, to: Infinity})!;
    expect(study.warmup).toBe(3);
  });
  it("is null when the range holds fewer than two closes", () => {
    expect(
      backtestStudy(panel, {rule: "trend", ma: 2}, {from: parseDay("2024-01-06"), to: parseDay("2024-01-07")})
    ).toBeNull();
  });
});

describe("backtestMetrics(study, rate, {from, to})", () => {
  // A switch into small at close 3 and back out at close 5 (the 1.21 → 1.1 fall turns the trend).
  const date = days("2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09");
  const panel = pairPanel({date, index: [1, 1, 1, 1.1, 1.21, 1.1, 1.0]}, {date, index: [1, 1, 1, 1, 1, 1, 1]}, null);
  const study = backtestStudy(panel, {rule: "trend", ma: 2}, {from: date[0], to: date[6], cost: 10})!;
  it("has the strategy's switches and days in small, 0 and 1 for the funds, none for the mix", () => {
    expect(study.run.switches.map((s) => s.index)).toEqual([3, 5]);
    const rows = backtestMetrics(study, null);
    const years = (date[6] - date[0]) / 86_400_000 / 365.25;
    expect(rows.map((r) => r.switchesPerYear)).toEqual([2 / years, 0, 0, NaN]);
    // Days 4 and 5 of 6 returns are held in small.
    expect(rows.map((r) => r.shareSmall)).toEqual([2 / 6, 1, 0, NaN]);
    // Small gains 10% on day 4 and gives it back on day 5: only the two costs are left.
    expect(rows[0].totalReturn).toBeCloseTo(0.998 * 0.998 - 1, 14);
  });
  it("splits at a close: a switch there counts in the part it ends, each part measured from its own first close", () => {
    const before = backtestMetrics(study, null, {to: date[3]});
    const after = backtestMetrics(study, null, {from: date[3]});
    expect([before[0].start, before[0].end, after[0].start, after[0].end]).toEqual([
      "2024-01-01",
      "2024-01-04",
      "2024-01-04",
      "2024-01-09"
    ]);
    const year = (a: number, b: number) => (date[b] - date[a]) / 86_400_000 / 365.25;
    expect(before[0].switchesPerYear).toBeCloseTo(1 / year(0, 3), 12);
    expect(after[0].switchesPerYear).toBeCloseTo(1 / year(3, 6), 12);
    expect(before[0].totalReturn).toBeCloseTo(0.998 - 1, 14);
    expect(after[0].totalReturn).toBeCloseTo(0.998 - 1, 14);
    expect([before[0].shareSmall, after[0].shareSmall]).toEqual([0, 2 / 3]);
  });
});
