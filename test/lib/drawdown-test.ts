import {describe, it, expect} from "vitest";
import {drawdown, maxDrawdown} from "../../src/lib/drawdown.js";

const rounded = (a: ArrayLike<number>) => Array.from(a, (v) => (Number.isNaN(v) ? NaN : +v.toFixed(12)));

// Running peaks of [1, 1.2, 0.9, 1.0, 1.3, 1.17] are 1, 1.2, 1.2, 1.2, 1.3, 1.3, so drawdowns are
// 0, 0, 0.9/1.2 − 1 = −0.25, 1/1.2 − 1 = −0.1666…, 0, 1.17/1.3 − 1 = −0.1.
// QuantStats' max_drawdown is the same formula: (prices / prices.expanding().max()).min() − 1.
const INDEX = [1, 1.2, 0.9, 1.0, 1.3, 1.17];

describe("drawdown(index)", () => {
  it("drawdown([1, 1.2, 0.9, 1, 1.3, 1.17]) is index / running peak − 1", () => {
    expect(rounded(drawdown(INDEX))).toEqual([0, 0, -0.25, +(-1 / 6).toFixed(12), 0, -0.1]);
  });
  it("drawdown keeps NaN as NaN without resetting the peak", () => {
    expect(rounded(drawdown([2, NaN, 1, NaN, 2.5]))).toEqual([0, NaN, -0.5, NaN, 0]);
    expect(rounded(drawdown([NaN, 1, 0.8]))).toEqual([NaN, 0, -0.2]);
  });
  it("drawdown of a monotone rising index is all 0", () => {
    expect(Array.from(drawdown([1, 2, 3, 3]))).toEqual([0, 0, 0, 0]);
  });
  it("drawdown([]) is empty; one value is [0]", () => {
    expect(drawdown([]).length).toBe(0);
    expect(Array.from(drawdown([5]))).toEqual([0]);
  });
});

describe("maxDrawdown(index)", () => {
  it("maxDrawdown([1, 1.2, 0.9, 1, 1.3, 1.17]) is −0.25 (1.2 → 0.9)", () => {
    expect(maxDrawdown(INDEX)).toBeCloseTo(-0.25, 12);
  });
  it("maxDrawdown skips NaN", () => {
    expect(maxDrawdown([NaN, 1, NaN, 0.8, 1.1, NaN])).toBeCloseTo(-0.2, 12);
  });
  it("maxDrawdown of a monotone rising index is 0", () => {
    expect(maxDrawdown([1, 1.1, 1.2])).toBe(0);
    expect(maxDrawdown([7])).toBe(0);
  });
  it("maxDrawdown is NaN with no values", () => {
    expect(maxDrawdown([])).toBeNaN();
    expect(maxDrawdown([NaN, NaN])).toBeNaN();
  });
});
