import {describe, it, expect} from "vitest";
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {
  alignMonthly,
  classifyRegimes,
  forwardReturns,
  regimeTable,
  toMonthEnd,
  type RegimeFlags
} from "../../src/lib/regimes.js";
import {parseFredCsv} from "../../data-loaders/fred.js";

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const months = (n: number, year = 2020) => Float64Array.from({length: n}, (_, i) => Date.UTC(year, i + 1, 0));
const f64 = (a: number[]) => Float64Array.from(a);

describe("classifyRegimes", () => {
  // 15 month ends, 2020-01-31 … 2021-03-31
  const dates = months(15);
  const fedFunds = f64([2, 2, 1.5, 1, 1, 1.25, 1.5, 1.5, 1, NaN, 1, 0.5, 0.5, 0.75, 0.5]);
  const yield10 = f64([3, 2.9, 2.8, 3.0, 2.8, 2.8, 2.5, 2.6, 2.7, 2.4, 2.4, 2.5, 2.6, 2.3, 2.7]);
  // YoY growth: month 12 102/100 − 1 = 2%, month 13 101/101 − 1 = 0%, month 14 103/100 − 1 = 3%
  const indpro = f64([100, 101, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 102, 101, 103]);
  const flags = classifyRegimes(
    {dates, fedFunds, yield10, indpro},
    {fedLookback: 1, yieldLookback: 2, growthLookback: 1}
  );

  it("classifyRegimes(…, {fedLookback: 1}) flags easing when fed funds fell since last month; ties are not easing", () => {
    expect(Array.from(flags.easing)).toEqual([NaN, 0, 1, 1, 0, 0, 0, 0, 1, NaN, NaN, 1, 0, 0, 1]);
  });

  it("classifyRegimes(…, {yieldLookback: 2}) flags a yield below its level two months ago", () => {
    expect(Array.from(flags.yieldFalling)).toEqual([NaN, NaN, 1, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 1, 0]);
  });

  it("classifyRegimes(…, {growthLookback: 1}) compares YoY IP growth with last month's", () => {
    expect(Array.from(flags.growthAccelerating)).toEqual([...Array(13).fill(NaN), 0, 1]);
    expect(Array.from(flags.dates)).toEqual(Array.from(dates));
  });

  it("classifyRegimes with the default 6-month lookbacks is NaN while warming up", () => {
    const d = classifyRegimes({dates, fedFunds, yield10, indpro});
    expect(Array.from(d.easing.slice(0, 6))).toEqual(Array(6).fill(NaN));
    expect(d.easing[6]).toBe(1); // 1.5 vs 2 six months before
    expect(d.easing[10]).toBe(0); // 1 vs 1: a tie
    expect(d.easing[15 - 1]).toBe(1); // 0.5 vs 1
    expect(d.growthAccelerating.every(Number.isNaN)).toBe(true); // needs 12 + 6 months
  });

  it("classifyRegimes rejects skipped months, mismatched lengths and bad lookbacks", () => {
    const gap = f64([Date.UTC(2020, 0, 31), Date.UTC(2020, 2, 31)]);
    const two = f64([1, 2]);
    expect(() => classifyRegimes({dates: gap, fedFunds: two, yield10: two, indpro: two})).toThrow(
      /not consecutive at 2020-03-31/
    );
    expect(() => classifyRegimes({dates, fedFunds: two, yield10, indpro})).toThrow(/fedFunds has 2 months/);
    expect(() => classifyRegimes({dates, fedFunds, yield10, indpro}, {fedLookback: 0})).toThrow(
      "invalid fedLookback: 0"
    );
  });

  it("classifyRegimes of empty series is empty", () => {
    const e = new Float64Array(0);
    expect(classifyRegimes({dates: e, fedFunds: e, yield10: e, indpro: e}).easing.length).toBe(0);
  });
});

describe("toMonthEnd and alignMonthly", () => {
  const dates = f64(["2024-01-30", "2024-01-31", "2024-02-01", "2024-02-15", "2024-04-10"].map(Date.parse));
  const values = f64([1, NaN, 2, 4, 5]);

  it("toMonthEnd(dates, values) keeps each month's last valid value, dated the month's last day, empty months NaN", () => {
    const m = toMonthEnd(dates, values);
    expect(Array.from(m.dates, day)).toEqual(["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]);
    expect(Array.from(m.values)).toEqual([1, 4, NaN, 5]);
  });

  it('toMonthEnd(dates, values, {how: "mean"}) averages the valid values', () => {
    expect(Array.from(toMonthEnd(dates, values, {how: "mean"}).values)).toEqual([1, 3, NaN, 5]);
  });

  it("toMonthEnd of empty arrays is empty; unsorted dates and a bad how throw", () => {
    expect(toMonthEnd(new Float64Array(0), new Float64Array(0)).dates.length).toBe(0);
    expect(() => toMonthEnd(f64([dates[2], dates[0]]), f64([1, 2]))).toThrow(/sorted/);
    expect(() => toMonthEnd(f64([dates[0], dates[1], dates[0]]), f64([1, 2, 3]))).toThrow(/sorted/);
    expect(() => toMonthEnd(dates, values, {how: "max" as "mean"})).toThrow("invalid how: max");
  });

  it("alignMonthly(target, series) picks the same calendar month (FRED monthly series are dated the 1st)", () => {
    const target = months(3, 2024);
    const fedFunds = {dates: f64([Date.parse("2024-02-01"), Date.parse("2024-03-01")]), values: f64([5.33, 5.3])};
    expect(Array.from(alignMonthly(target, fedFunds))).toEqual([NaN, 5.33, 5.3]);
  });
});

describe("forwardReturns", () => {
  it("forwardReturns(r, 1) is next month's return", () => {
    const out = forwardReturns(f64([0.1, 0.2, -0.1, 0.05]), 1);
    [0.2, -0.1, 0.05].forEach((r, i) => expect(out[i]).toBeCloseTo(r, 14));
    expect(out[3]).toBeNaN();
  });

  it("forwardReturns(r, 3) compounds the three months after: 1.2 × 0.9 × 1.05 − 1 = 0.134", () => {
    const out = forwardReturns(f64([0.1, 0.2, -0.1, 0.05]), 3);
    expect(out[0]).toBeCloseTo(0.134, 12);
    expect(Array.from(out.slice(1))).toEqual([NaN, NaN, NaN]);
  });

  it("forwardReturns(r, 2) is NaN when a month in the window is NaN: 0.95 × 1.02 − 1 = −0.031", () => {
    const out = forwardReturns(f64([0.1, -0.05, 0.02, NaN, 0.03]), 2);
    expect(out[0]).toBeCloseTo(-0.031, 12);
    expect(Array.from(out.slice(1))).toEqual([NaN, NaN, NaN, NaN]);
  });

  it("forwardReturns with a horizon beyond the data is all NaN; a bad horizon throws", () => {
    expect(Array.from(forwardReturns(f64([0.1, 0.2]), 2))).toEqual([NaN, NaN]);
    expect(forwardReturns(new Float64Array(0), 1).length).toBe(0);
    expect(() => forwardReturns(f64([0.1]), 0)).toThrow("invalid horizon: 0");
  });
});

describe("regimeTable", () => {
  const flags: RegimeFlags = {
    dates: months(7),
    easing: f64([1, 1, 0, 0, 1, NaN, 1]),
    yieldFalling: f64([1, 0, 1, 0, 1, 1, 1]),
    growthAccelerating: f64([1, 1, 1, 0, 1, 1, 1])
  };
  const forward = f64([0.02, -0.01, 0.03, 0.01, 0.04, 0.5, NaN]);
  const rows = regimeTable(flags, forward);
  const row = (easing: boolean | null, yieldFalling: boolean | null, growthAccelerating: boolean | null) => {
    const r = rows.find(
      (r) => r.easing === easing && r.yieldFalling === yieldFalling && r.growthAccelerating === growthAccelerating
    );
    if (!r) throw new Error("no such row");
    return r;
  };

  it("regimeTable(flags, forward) has an all-months row, 6 single-flag rows and 8 combinations", () => {
    expect(rows).toHaveLength(15);
    expect(rows[0].label).toBe("All months");
    expect(row(true, false, true).label).toBe("Fed easing · 10y yield not falling · IP growth accelerating");
  });

  it("regimeTable leaves out months with a NaN flag or forward return: all = 5 months, mean 0.018, t 2.0925", () => {
    // deviations 0.002, −0.028, 0.012, −0.008, 0.022: Σd² = 0.00148, sd = √(0.00148/4)
    const all = row(null, null, null);
    expect(all.count).toBe(5);
    expect(all.mean).toBeCloseTo(0.018, 12);
    expect(all.sd).toBeCloseTo(Math.sqrt(0.00037), 12);
    expect(all.tStat).toBeCloseTo(0.018 / (Math.sqrt(0.00037) / Math.sqrt(5)), 10);
    expect(all.tStat).toBeCloseTo(2.0925, 4);
  });

  it("regimeTable single-flag rows: easing 0.02, −0.01, 0.04; not easing 0.03, 0.01 (t = 2)", () => {
    const easing = row(true, null, null);
    expect([easing.count, easing.mean]).toEqual([3, expect.closeTo(0.05 / 3, 12)]);
    expect(easing.tStat).toBeCloseTo(1.1471, 4);
    const not = row(false, null, null);
    expect(not.count).toBe(2);
    expect(not.tStat).toBeCloseTo(2, 12);
    expect(row(null, true, null).count + row(null, false, null).count).toBe(5);
  });

  it("regimeTable combinations: one month gives NaN sd and t; none gives NaN mean", () => {
    expect([row(true, true, true).count, row(true, true, true).mean, row(true, true, true).tStat]).toEqual([
      2,
      expect.closeTo(0.03, 12),
      expect.closeTo(3, 12)
    ]);
    const one = row(true, false, true);
    expect([one.count, one.mean, one.sd, one.tStat]).toEqual([1, -0.01, NaN, NaN]);
    const none = row(false, false, true);
    expect([none.count, none.mean, none.tStat]).toEqual([0, NaN, NaN]);
    const combos = rows.slice(7);
    expect(combos.reduce((s, r) => s + r.count, 0)).toBe(5);
  });

  it("regimeTable(flags, forward, {lag: 2}) gives statsmodels' Newey-West t on a hand-made row (test/reference/regimes-reference.py)", () => {
    const reference = JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, "../reference/regimes-reference.json"), "utf8")
    );
    const {y, inRow, lag, mean, tHac} = reference.handMade as {
      y: number[];
      inRow: boolean[];
      lag: number;
      mean: number;
      tHac: number;
    };
    const n = y.length;
    const flags: RegimeFlags = {
      dates: months(n),
      easing: Float64Array.from(inRow, (b) => (b ? 1 : 0)),
      yieldFalling: new Float64Array(n).fill(1),
      growthAccelerating: new Float64Array(n).fill(1)
    };
    const [all, easing] = regimeTable(flags, f64(y), {lag});
    expect(easing.label).toBe("Fed easing");
    expect(easing.mean).toBeCloseTo(mean, 14);
    expect(easing.hacTStat).toBeCloseTo(tHac, 10);
    // Lag 0 on the whole sample is White's t: mean over √(Σ(y − ȳ)²) / n, here by hand.
    const white = regimeTable(flags, f64(y))[0];
    const ybar = y.reduce((a, b) => a + b, 0) / n;
    const se = Math.sqrt(y.reduce((a, v) => a + (v - ybar) ** 2, 0)) / n;
    expect(white.hacTStat).toBeCloseTo(ybar / se, 10);
    expect(all.count).toBe(n);
  });
  it("regimeTable gives a NaN Newey-West t to a row of fewer than two months", () => {
    const flags: RegimeFlags = {
      dates: months(3),
      easing: f64([1, 0, 0]),
      yieldFalling: f64([1, 1, 1]),
      growthAccelerating: f64([1, 1, 1])
    };
    const rows = regimeTable(flags, f64([0.01, 0.02, 0.03]), {lag: 1});
    expect(rows[1].count).toBe(1);
    expect(rows[1].hacTStat).toBeNaN();
    expect(Number.isFinite(rows[2].hacTStat)).toBe(true);
  });
  it("regimeTable throws when forward and flags differ in length", () => {
    expect(() => regimeTable(flags, f64([0.1]))).toThrow(/forward has 1 months/);
  });
});

const fred = path.resolve(import.meta.dirname, "../../../shared/data/fred");
if (!existsSync(fred)) console.warn(`regimes-test: ${fred} is absent, skipping the regime check on real FRED data`);

describe.skipIf(!existsSync(fred))("classifyRegimes on the real FRED series in shared/data/fred", () => {
  it("the Fed was easing at the end of 2008 and 2020 and not in 2022; 10y yields fell into mid-2020", () => {
    const read = (id: string) => parseFredCsv(readFileSync(path.join(fred, `${id}.csv`), "utf8"), {id});
    const yield10 = toMonthEnd(read("DGS10").dates, read("DGS10").values);
    const dates = yield10.dates;
    const flags = classifyRegimes({
      dates,
      yield10: yield10.values,
      fedFunds: alignMonthly(dates, read("FEDFUNDS")),
      indpro: alignMonthly(dates, read("INDPRO"))
    });
    const at = (a: Float64Array, date: string) => a[dates.indexOf(Date.parse(date))];
    expect(day(dates[0])).toBe("1962-01-31");
    expect(at(flags.easing, "2008-12-31")).toBe(1);
    expect(at(flags.easing, "2020-04-30")).toBe(1);
    expect(at(flags.easing, "2022-12-31")).toBe(0);
    expect(at(flags.yieldFalling, "2020-06-30")).toBe(1);
    expect(at(flags.growthAccelerating, "2009-12-31")).toBe(1); // IP recovering from the 2009 trough
    expect(at(flags.growthAccelerating, "2026-03-31")).toBeNaN(); // INDPRO ends 2026-02
  });
});
