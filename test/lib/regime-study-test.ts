import {describe, expect, it} from "vitest";
import {lag, lastTradingDay, monthlyReturns} from "../../src/lib/monthly.js";
import {regimeStudy} from "../../src/lib/regime-study.js";
import {tableColumns} from "../../src/lib/table-columns.js";

const monthEnd = (y: number, m: number) => Date.UTC(y, m + 1, 0);

describe("monthly helpers", () => {
  it("lag([1, 2, 3], 1) is [NaN, 1, 2]; a negative lag throws", () => {
    expect(Array.from(lag([1, 2, 3], 1))).toEqual([NaN, 1, 2]);
    expect(() => lag([1], -1)).toThrow(/invalid lag/);
  });
  it("monthlyReturns takes each month's last index value", () => {
    const dates = Float64Array.of(
      Date.UTC(2024, 0, 15),
      Date.UTC(2024, 0, 31),
      Date.UTC(2024, 1, 29),
      Date.UTC(2024, 2, 28)
    );
    const m = monthlyReturns(dates, Float64Array.of(90, 100, 110, 99));
    expect(Array.from(m.dates)).toEqual([monthEnd(2024, 0), monthEnd(2024, 1), monthEnd(2024, 2)]);
    expect(m.values[0]).toBeNaN();
    expect(m.values[1]).toBeCloseTo(0.1, 12);
    expect(m.values[2]).toBeCloseTo(-0.1, 12);
  });
  it("monthlyReturns leaves out a final month the data do not complete", () => {
    // Data to 2026-05-01, a Friday: May holds one trading day, so its "return" is NaN, April's stays.
    const dates = Float64Array.of(Date.UTC(2026, 2, 31), Date.UTC(2026, 3, 30), Date.UTC(2026, 4, 1));
    const m = monthlyReturns(dates, Float64Array.of(100, 110, 99));
    expect(m.values[1]).toBeCloseTo(0.1, 12);
    expect(m.values[2]).toBeNaN();
  });
  it("lastTradingDay skips weekends, Good Friday and Memorial Day", () => {
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    expect(day(lastTradingDay(Date.UTC(2026, 4, 1)))).toBe("2026-05-29"); // May 31 is a Sunday
    expect(day(lastTradingDay(Date.UTC(2024, 2, 5)))).toBe("2024-03-28"); // Good Friday 2024-03-29
    expect(day(lastTradingDay(Date.UTC(2018, 2, 5)))).toBe("2018-03-29"); // Good Friday 2018-03-30
    expect(day(lastTradingDay(Date.UTC(2021, 4, 5)))).toBe("2021-05-28"); // Memorial Day 2021-05-31
    expect(day(lastTradingDay(Date.UTC(2026, 3, 5)))).toBe("2026-04-30"); // Good Friday 2026-04-03 is mid-month
  });
});

describe("regimeStudy", () => {
  // 30 months: fed funds falls every month (always easing after the look-back), the yield rises,
  // IP grows at an accelerating pace; the spread is 1% a month.
  const n = 30;
  const dates = Float64Array.from({length: n}, (_, i) => monthEnd(2000, i));
  const input = {
    dates,
    fedFunds: Float64Array.from({length: n}, (_, i) => 6 - i * 0.1),
    yield10: Float64Array.from({length: n}, (_, i) => 4 + i * 0.1),
    indpro: Float64Array.from({length: n}, (_, i) => 100 * 1.001 ** (i * i)),
    spread: {dates, values: new Float64Array(n).fill(0.01)}
  };
  it("regimeStudy lags INDPRO one month, so growth is known from month 12 + 1 + lookback", () => {
    const s = regimeStudy(input, {fedLookback: 1, yieldLookback: 1, growthLookback: 1});
    // YoY needs 12 months, the lag 1 more, the comparison 1 more: the first known flag is at index 14.
    expect(s.flags.growthAccelerating[13]).toBeNaN();
    expect(s.flags.growthAccelerating[14]).toBe(1);
    expect(s.flags.easing[1]).toBe(1);
    expect(s.flags.yieldFalling[1]).toBe(0);
  });
  it("regimeStudy's 3-month table: compounded 1%/month is 3.0301% in every known month with a forward window", () => {
    const s = regimeStudy(input, {fedLookback: 1, yieldLookback: 1, growthLookback: 1, horizons: [3]});
    const [t] = s.tables;
    expect(t.horizon).toBe(3);
    // Months 14..26 have flags and a full 3-month forward window: 13 months.
    expect(t.rows[0].count).toBe(13);
    expect(t.rows[0].mean).toBeCloseTo(1.01 ** 3 - 1, 12);
    const claim = t.rows.find((r) => r.easing && r.yieldFalling === false && r.growthAccelerating)!;
    expect(claim.count).toBe(13);
  });
});

describe("tableColumns", () => {
  it("tableColumns restores nulls as NaN and reports absent or empty columns as missing", () => {
    const vectors: Record<string, {values: number[]; valid: boolean[]}> = {
      date: {values: [1, 2], valid: [true, true]},
      a: {values: [5, 0], valid: [true, false]},
      b: {values: [0, 0], valid: [false, false]}
    };
    const table = {
      numRows: 2,
      getChild: (name: string) => {
        const v = vectors[name];
        return v
          ? {toArray: () => v.values, isValid: (i: number) => v.valid[i], nullCount: v.valid.filter((x) => !x).length}
          : null;
      }
    };
    const t = tableColumns(table, ["a", "b", "c"]);
    expect(Array.from(t.a)).toEqual([5, NaN]);
    expect(t.missing).toEqual(["b", "c"]);
    expect(Array.from(t.c)).toEqual([NaN, NaN]);
  });
});
