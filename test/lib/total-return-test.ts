import {describe, it, expect} from "vitest";
import {totalReturnIndex} from "../../src/lib/total-return.js";

const rounded = (a: ArrayLike<number>, digits = 12) =>
  Array.from(a, (v) => (Number.isNaN(v) ? NaN : +v.toFixed(digits)));

describe("totalReturnIndex(close, {adjClose})", () => {
  it("totalReturnIndex(close, {adjClose}) is adjClose rebased to 1, ignoring close and dividends", () => {
    const index = totalReturnIndex([10, 11, 12], {adjClose: [5, 5.5, 6.6], dividend: [0, 1, 0]});
    expect(rounded(index)).toEqual([1, 1.1, 1.32]);
  });
  it("totalReturnIndex(close, {adjClose}) uses adjClose when only some of it is present", () => {
    const index = totalReturnIndex([100, 100, 100], {adjClose: [NaN, 4, 5]});
    expect(rounded(index)).toEqual([NaN, 1, 1.25]);
  });
});

describe("totalReturnIndex(close, {dividend})", () => {
  // One share bought at 100. On the ex-date (day 2) the price drops to 99 and the 2.00 dividend
  // buys 2/99 more shares: 101/99 shares × 99 = 101 → 1.01. Day 3: 101/99 × 101 = 103.0404… → 1.030404…
  it("totalReturnIndex([100, 102, 99, 101], {dividend: [0, 0, 2, 0]}) reinvests on the ex-date", () => {
    const index = totalReturnIndex([100, 102, 99, 101], {dividend: [0, 0, 2, 0]});
    expect(index[0]).toBe(1);
    expect(index[1]).toBeCloseTo(1.02, 12);
    expect(index[2]).toBeCloseTo(1.01, 12);
    expect(index[3]).toBeCloseTo(10201 / 9900, 12);
    expect(index[3]).toBeCloseTo(1.030404, 6);
  });
  it("totalReturnIndex(close) without dividends is close rebased to 1", () => {
    expect(rounded(totalReturnIndex([50, 55, 44]))).toEqual([1, 1.1, 0.88]);
  });
  it("totalReturnIndex falls back to close + dividends when adjClose is all NaN (or non-positive)", () => {
    const expected = rounded(totalReturnIndex([100, 102, 99, 101], {dividend: [0, 0, 2, 0]}));
    const nan = totalReturnIndex([100, 102, 99, 101], {adjClose: [NaN, NaN, NaN, NaN], dividend: [0, 0, 2, 0]});
    const zero = totalReturnIndex([100, 102, 99, 101], {adjClose: [0, 0, 0, 0], dividend: [0, 0, 2, 0]});
    expect(rounded(nan)).toEqual(expected);
    expect(rounded(zero)).toEqual(expected);
    expect(nan[2]).toBeCloseTo(1.01, 12);
  });
  it("totalReturnIndex ignores NaN and zero dividends", () => {
    expect(rounded(totalReturnIndex([100, 110, 121], {dividend: [NaN, 0, NaN]}))).toEqual([1, 1.1, 1.21]);
  });
});

describe("totalReturnIndex missing prices", () => {
  it("totalReturnIndex is NaN at a NaN or non-positive close and resumes from the last valid one", () => {
    expect(rounded(totalReturnIndex([100, NaN, 110, 0, 121, -5, 133.1]))).toEqual([1, NaN, 1.1, NaN, 1.21, NaN, 1.331]);
  });
  it("totalReturnIndex starts at 1 on the first valid price after leading NaNs", () => {
    expect(rounded(totalReturnIndex([NaN, NaN, 50, 55]))).toEqual([NaN, NaN, 1, 1.1]);
  });
  it("totalReturnIndex([]) is empty; one price is [1]; all NaN is all NaN", () => {
    expect(totalReturnIndex([]).length).toBe(0);
    expect(Array.from(totalReturnIndex([42]))).toEqual([1]);
    expect(Array.from(totalReturnIndex([NaN, NaN]))).toEqual([NaN, NaN]);
  });
  it("totalReturnIndex does not mutate its inputs", () => {
    const c = [100, 102, 99, 101];
    const dividend = [0, 0, 2, 0];
    const adjClose = [NaN, NaN, NaN, NaN];
    totalReturnIndex(c, {adjClose, dividend});
    expect(c).toEqual([100, 102, 99, 101]);
    expect(dividend).toEqual([0, 0, 2, 0]);
    expect(adjClose).toEqual([NaN, NaN, NaN, NaN]);
  });
});
