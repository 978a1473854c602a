import {describe, expect, it} from "vitest";
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {findSection, parseFrenchCsv} from "../../data-loaders/french.js";
import type {RawDataset} from "../../data-loaders/research.js";
import {macroColumns} from "../../data-loaders/research-tables.js";
import {completeMonths, completesMonth, lag, lastTradingDay, monthlyReturns} from "../../src/lib/monthly.js";
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
  it("completeMonths drops a month still running and keeps one the data complete", () => {
    // Daily data to 2026-07-30, a Thursday: July's last trading day is Friday the 31st, so July is dropped.
    const dates = Float64Array.of(
      Date.UTC(2026, 5, 29),
      Date.UTC(2026, 5, 30),
      Date.UTC(2026, 6, 1),
      Date.UTC(2026, 6, 30)
    );
    const m = completeMonths(dates, Float64Array.of(4.1, 4.2, 4.3, 4.6));
    expect(Array.from(m.dates)).toEqual([monthEnd(2026, 5)]);
    expect(Array.from(m.values)).toEqual([4.2]);
    expect(completesMonth(Date.UTC(2026, 6, 30))).toBe(false);
    // One more day completes July; a mean over a complete month is kept too.
    const full = completeMonths(
      Float64Array.of(...dates, Date.UTC(2026, 6, 31)),
      Float64Array.of(4.1, 4.2, 4.3, 4.6, 4.8),
      {
        how: "mean"
      }
    );
    expect(Array.from(full.dates)).toEqual([monthEnd(2026, 5), monthEnd(2026, 6)]);
    expect(full.values[1]).toBeCloseTo((4.3 + 4.6 + 4.8) / 3, 12);
    // Data ending on a Saturday after the last trading day (DFF has weekends) complete the month.
    expect(completesMonth(Date.UTC(2026, 4, 30))).toBe(true);
    expect(completeMonths(new Float64Array(0), new Float64Array(0)).dates.length).toBe(0);
  });
  it("macroColumns gives the daily series' complete months only: a running month's mean or last value is dropped", () => {
    const csv = (id: string, rows: string[]) => ({dataset: {id}, text: [`observation_date,${id}`, ...rows].join("\n")});
    const raw = [
      csv("DGS10", ["2026-05-29,4.40", "2026-06-30,4.50", "2026-07-30,4.68"]),
      csv("DFF", ["2026-06-30,3.60", "2026-07-01,3.50"]),
      csv("FEDFUNDS", ["2026-06-01,3.62"]),
      csv("INDPRO", ["2026-06-01,102.5"])
    ] as unknown as RawDataset[];
    const m = macroColumns(raw);
    expect(Array.from(m.date, (t) => new Date(t).toISOString().slice(0, 7))).toEqual(["2026-05", "2026-06"]);
    expect(Array.from(m.dgs10)).toEqual([4.4, 4.5]);
    expect(Array.from(m.dff)).toEqual([NaN, 3.6]);
    expect(Array.from(m.fedFunds)).toEqual([NaN, 3.62]);
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

// Newey-West t-statistics against statsmodels (test/reference/regimes-reference.py, run once with /usr/bin/python3;
// its JSON is committed): the whole study from the shared FRED and French files, as the page runs it.
const REFERENCE = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../reference/regimes-reference.json"), "utf8")
) as {
  lastMonth: string;
  handMade: {y: number[]; inRow: boolean[]; lag: number; mean: number; tHac: number};
  tables: Record<string, Record<"overlapping" | "nonoverlapping", ReferenceRow[]>>;
};
interface ReferenceRow {
  easing: boolean | null;
  yieldFalling: boolean | null;
  growthAccelerating: boolean | null;
  count: number;
  mean: number;
  tPlain: number | null;
  tHac: number | null;
}

const SHARED = path.resolve(import.meta.dirname, "../../../shared/data");
const sharedResearch = existsSync(path.join(SHARED, "fred")) && existsSync(path.join(SHARED, "french"));
if (!sharedResearch)
  console.warn(`regime-study-test: ${SHARED} is absent, skipping the statsmodels check on real data`);

describe.runIf(sharedResearch)("regimeStudy on the shared FRED and French files against statsmodels", () => {
  const raw = ["FEDFUNDS", "DFF", "DGS10", "INDPRO"].map((id) => ({
    dataset: {id},
    text: readFileSync(path.join(SHARED, "fred", `${id}.csv`), "utf8")
  })) as unknown as RawDataset[];
  const macro = macroColumns(raw);
  const french = parseFrenchCsv(readFileSync(path.join(SHARED, "french", "F-F_Research_Data_Factors.CSV"), "utf8"));
  const monthly = findSection(french, "", {frequency: "monthly"})!;
  const smb = {dates: monthly.dates, values: monthly.values[monthly.columns.indexOf("SMB")]};
  // As the page: fed funds is the monthly average, else the month's mean of the daily rate.
  const fedFunds = macro.fedFunds.map((v, i) => (Number.isNaN(v) ? macro.dff[i] : v));
  const input = {dates: macro.date, fedFunds, yield10: macro.dgs10, indpro: macro.indpro, spread: smb};

  it("drops the running month: DGS10 ends on 2026-07-30, a day short of July's last trading day, so the months end in June", () => {
    expect(new Date(macro.date[macro.date.length - 1]).toISOString().slice(0, 7)).toBe(REFERENCE.lastMonth);
    expect(REFERENCE.lastMonth).toBe("2026-06");
  });

  for (const sample of ["overlapping", "nonoverlapping"] as const)
    it(`gives statsmodels' counts, means, plain t and HAC t (lag = horizon − 1) on every row, ${sample} sample`, () => {
      const study = regimeStudy(input, {sample: sample === "overlapping" ? "all" : "nonoverlapping"});
      for (const table of study.tables) {
        expect(table.lag).toBe(table.horizon - 1);
        const expected = REFERENCE.tables[table.horizon][sample];
        expect(table.rows).toHaveLength(expected.length);
        table.rows.forEach((row, k) => {
          const e = expected[k];
          const name = `${table.horizon} months, ${row.label}`;
          expect([row.easing, row.yieldFalling, row.growthAccelerating], name).toEqual([
            e.easing,
            e.yieldFalling,
            e.growthAccelerating
          ]);
          expect(row.count, name).toBe(e.count);
          expect(row.mean, name).toBeCloseTo(e.mean, 12);
          if (e.tPlain === null) return;
          expect(row.tStat, name).toBeCloseTo(e.tPlain, 9);
          expect(row.hacTStat, name).toBeCloseTo(e.tHac!, 9);
        });
      }
    });

  it("the article's row over 12 months: the HAC t is well below the plain one with overlapping windows", () => {
    const twelve = regimeStudy(input).tables.find((t) => t.horizon === 12)!;
    const all = twelve.rows[0];
    expect(all.tStat).toBeGreaterThan(4);
    expect(all.hacTStat).toBeLessThan(all.tStat / 2);
  });
});
