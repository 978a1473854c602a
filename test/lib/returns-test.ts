import {describe, it, expect} from "vitest";
import {periodReturn, simpleReturns} from "../../src/lib/returns.js";

describe("simpleReturns(index)", () => {
  // pandas: pd.Series([100, 110, 99]).pct_change() → [NaN, 0.10, -0.10]
  it("simpleReturns([100, 110, 99]) is [NaN, 0.1, -0.1], as pandas' pct_change", () => {
    const r = simpleReturns([100, 110, 99]);
    expect(r.length).toBe(3);
    expect(r[0]).toBeNaN();
    expect(r[1]).toBeCloseTo(0.1, 12);
    expect(r[2]).toBeCloseTo(-0.1, 12);
  });
  it("simpleReturns([1, NaN, 2, 3]) loses the two returns touching the gap only", () => {
    const r = Array.from(simpleReturns([1, NaN, 2, 3]));
    expect(r.slice(0, 3)).toEqual([NaN, NaN, NaN]);
    expect(r[3]).toBeCloseTo(0.5, 12);
  });
  it("simpleReturns([]) is empty and simpleReturns([5]) is [NaN]", () => {
    expect(simpleReturns([]).length).toBe(0);
    expect(Array.from(simpleReturns([5]))).toEqual([NaN]);
  });
});

describe("periodReturn(index, start, end)", () => {
  const index = [1, 1.1, 1.32];
  it("periodReturn(index, 0, 2) is index[2] / index[0] − 1", () => {
    expect(periodReturn(index, 0, 2)).toBeCloseTo(0.32, 12);
    expect(periodReturn(index, 1, 2)).toBeCloseTo(0.2, 12);
    expect(periodReturn(index, 1, 1)).toBe(0);
  });
  it("periodReturn(index, 2, 0) measures backwards", () => {
    expect(periodReturn(index, 2, 0)).toBeCloseTo(1 / 1.32 - 1, 12);
  });
  it("periodReturn is NaN when start or end is out of range", () => {
    expect(periodReturn(index, -1, 2)).toBeNaN();
    expect(periodReturn(index, 0, -1)).toBeNaN();
    expect(periodReturn(index, 0, 3)).toBeNaN();
    expect(periodReturn(index, 3, 0)).toBeNaN();
    expect(periodReturn([], 0, 0)).toBeNaN();
  });
  it("periodReturn is NaN when either end value is missing", () => {
    expect(periodReturn([NaN, 1, 2], 0, 2)).toBeNaN();
    expect(periodReturn([1, 1, NaN], 0, 2)).toBeNaN();
  });
});
