import {describe, it, expect} from "vitest";
import {alignOnCommonDates} from "../../src/lib/align.js";

const d = (...days: number[]) => Float64Array.from(days, (k) => Date.UTC(2026, 0, k));
const f = (...xs: number[]) => Float64Array.from(xs);

describe("alignOnCommonDates(series)", () => {
  it("keeps the dates every series has and re-indexes each value column to them", () => {
    const out = alignOnCommonDates([
      {date: d(1, 2, 3, 5, 6), values: [f(10, 20, 30, 50, 60), f(1, 2, 3, 5, 6)]},
      {date: d(2, 3, 4, 6), values: [f(200, 300, 400, 600)]},
      {date: d(0, 2, 3, 6, 7), values: [f(-0, -2, -3, -6, -7)]}
    ]);
    expect(Array.from(out.date)).toEqual(Array.from(d(2, 3, 6)));
    expect(out.values.map((s) => s.map((c) => Array.from(c)))).toEqual([
      [
        [20, 30, 60],
        [2, 3, 6]
      ],
      [[200, 300, 600]],
      [[-2, -3, -6]]
    ]);
  });
  it("keeps NaN values as they are and drops NaN dates", () => {
    const out = alignOnCommonDates([
      {date: f(1, NaN, 3), values: [f(NaN, 2, 3)]},
      {date: f(1, 3), values: [f(5, 6)]}
    ]);
    expect(Array.from(out.date)).toEqual([1, 3]);
    expect(Array.from(out.values[0][0])).toEqual([NaN, 3]);
  });
  it("returns one series unchanged (as copies), no dates for disjoint series, nothing for none", () => {
    const date = d(1, 2);
    const values = f(1, 2);
    const one = alignOnCommonDates([{date, values: [values]}]);
    expect(Array.from(one.values[0][0])).toEqual([1, 2]);
    expect(one.values[0][0]).not.toBe(values);
    const disjoint = alignOnCommonDates([
      {date: d(1), values: [f(1)]},
      {date: d(2), values: [f(2)]}
    ]);
    expect(disjoint.date.length).toBe(0);
    expect(disjoint.values[1][0].length).toBe(0);
    expect(alignOnCommonDates([])).toEqual({date: new Float64Array(0), values: []});
    expect(alignOnCommonDates([{date: f(), values: []}]).date.length).toBe(0);
  });
  it("rejects unsorted or duplicate dates and columns of the wrong length, naming the series", () => {
    expect(() =>
      alignOnCommonDates([
        {date: f(1, 2), values: []},
        {date: f(2, 1), values: []}
      ])
    ).toThrow("series 1: dates not strictly ascending at position 1");
    expect(() => alignOnCommonDates([{date: f(1, 1), values: []}])).toThrow("series 0: dates not strictly ascending");
    expect(() => alignOnCommonDates([{date: f(1, 2), values: [f(1)]}])).toThrow("series 0: 1 values for 2 dates");
  });
  it("does not mutate its inputs", () => {
    const date = d(3, 4, 5);
    const values = f(1, 2, 3);
    alignOnCommonDates([
      {date, values: [values]},
      {date: d(4), values: [f(9)]}
    ]);
    expect(Array.from(values)).toEqual([1, 2, 3]);
    expect(Array.from(date)).toEqual(Array.from(d(3, 4, 5)));
  });
});
