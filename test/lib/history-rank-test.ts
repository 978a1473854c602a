import {describe, expect, it} from "vitest";
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
      count: 5
    });
  });
  it("historyRank averages ties: [2, 2, 1, 2] gives (1 + (3 + 1) / 2) / 4 = 0.75", () => {
    expect(historyRank(Float64Array.of(1, 2, 3, 4), Float64Array.of(2, 2, 1, 2)).percentile).toBe(0.75);
  });
  it("historyRank skips NaN, takes the last valid value and an even-count median", () => {
    const r = historyRank(dates, Float64Array.of(1, NaN, 3, 2, NaN));
    expect(r).toEqual({current: 2, currentDate: 4, percentile: 2 / 3, median: 2, count: 3});
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
