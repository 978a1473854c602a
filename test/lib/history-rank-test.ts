import {describe, expect, it} from "vitest";
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {parseFrenchCsv, sizeValuation} from "../../data-loaders/french.js";
import {historyRank} from "../../src/lib/history-rank.js";

describe("historyRank", () => {
  const dates = Float64Array.of(1, 2, 3, 4, 5);
  it("historyRank(dates, [1, 3, 2, 5, 4]) ranks 4 at (3 + 1) / 5 = 0.8 with median 3", () => {
    // pandas: pd.Series([1, 3, 2, 5, 4]).rank(pct=True).iloc[-1] == 0.8
    expect(historyRank(dates, Float64Array.of(1, 3, 2, 5, 4))).toEqual({
      current: 4,
      currentDate: 5,
      percentile: 0.8,
      median: 3,
      count: 5,
      from: -Infinity
    });
  });
  it("historyRank averages ties: [2, 2, 1, 2] gives (1 + (3 + 1) / 2) / 4 = 0.75", () => {
    expect(historyRank(Float64Array.of(1, 2, 3, 4), Float64Array.of(2, 2, 1, 2)).percentile).toBe(0.75);
  });
  it("historyRank skips NaN, takes the last valid value and an even-count median", () => {
    const r = historyRank(dates, Float64Array.of(1, NaN, 3, 2, NaN));
    expect(r).toEqual({current: 2, currentDate: 4, percentile: 2 / 3, median: 2, count: 3, from: -Infinity});
    expect(historyRank(Float64Array.of(1, 2, 3, 4), Float64Array.of(4, 1, 3, 2)).median).toBe(2.5);
  });
  it("historyRank(…, {from}) ranks within the window only; a new high is 1", () => {
    expect(historyRank(dates, Float64Array.of(9, 9, 1, 2, 3), {from: 3}).percentile).toBe(1);
  });
  it("historyRank of nothing is NaN with count 0; a reversed window throws", () => {
    expect(historyRank(new Float64Array(0), new Float64Array(0)).count).toBe(0);
    expect(historyRank(dates, Float64Array.of(1, 2, 3, 4, 5), {from: 9}).percentile).toBeNaN();
    expect(() => historyRank(dates, Float64Array.of(1, 2, 3, 4, 5), {from: 5, to: 1})).toThrow(/invalid window/);
  });
});

describe("historyRank(dates, values, {months})", () => {
  // Month ends 2019-01 … 2020-12 (24); the series stops after 2020-06, the table runs on with NaN (another series' months).
  const months = Float64Array.from({length: 24}, (_, i) => Date.UTC(2019, i + 1, 0));
  const values = Float64Array.from({length: 24}, (_, i) => (i < 18 ? i + 1 : NaN));
  it("counts the window back from the series' own last value, not from the table's last date", () => {
    const r = historyRank(months, values, {months: 6});
    // 2020-01 … 2020-06: values 13 … 18, the last the highest.
    expect(r).toEqual({
      current: 18,
      currentDate: Date.UTC(2020, 6, 0),
      percentile: 1,
      median: 15.5,
      count: 6,
      from: Date.UTC(2020, 0, 1)
    });
  });
  it("anchors to the last value on or before `to`", () => {
    const r = historyRank(months, values, {months: 3, to: Date.UTC(2019, 11, 31)});
    expect([r.current, r.count, r.median]).toEqual([12, 3, 11]);
  });
  it("rejects a months that is not a positive whole number", () => {
    expect(() => historyRank(months, values, {months: 0})).toThrow("invalid months: 0");
  });
});

const french = path.resolve(import.meta.dirname, "../../../shared/data/french/6_Portfolios_2x3.CSV");
if (!existsSync(french)) console.warn(`history-rank-test: skipping the real-data test, ${french} is absent`);

describe.skipIf(!existsSync(french))(
  "historyRank on French's 2×3 BE/ME ratio (ends 2024-12; the 5×5 file runs to 2026-02)",
  () => {
    const v = sizeValuation(parseFrenchCsv(readFileSync(french, "utf8")));
    // Joined with the 5×5 table, the 2×3 ratio has NaN months up to 2026-02: the page's table.
    const tail = Array.from({length: 14}, (_, i) => Date.UTC(2025, i + 1, 0));
    const dates = Float64Array.from([...v.dates, ...tail]);
    const ratio = Float64Array.from([...v.ratio, ...tail.map(() => NaN)]);
    it("the last 10 years are 120 months to 2024-12: the 96th percentile, median 1.76 (not 95th and 1.92 over 107 months)", () => {
      const r = historyRank(dates, ratio, {months: 120});
      expect(new Date(r.currentDate).toISOString().slice(0, 10)).toBe("2024-12-31");
      expect(r.count).toBe(120);
      expect(Math.round(r.percentile * 100)).toBe(96);
      expect(r.median.toFixed(2)).toBe("1.76");
    });
  }
);
