import {describe, it, expect} from "vitest";
import {rollingReturn} from "../../src/lib/rolling-return.js";
import {simpleReturns} from "../../src/lib/returns.js";
import {expectSeriesClose, indexWithGaps} from "./kernel-fixtures.js";

const n = 40;

// Naive reference: compound the window's daily returns one by one.
function naiveCompounded(index: ArrayLike<number>, window: number): Float64Array {
  const r = simpleReturns(index);
  const out = new Float64Array(index.length).fill(NaN);
  for (let i = window; i < index.length; ++i) {
    let growth = 1;
    for (let j = i - window + 1; j <= i; ++j) growth *= 1 + r[j];
    out[i] = growth - 1;
  }
  return out;
}

describe("rollingReturn(index, {window})", () => {
  it(`matches compounding the daily returns for every window 1…${n + 1} on a gap-free index`, () => {
    const index = indexWithGaps(n, {seed: 11, nanRate: 0});
    for (let w = 1; w <= n + 1; ++w)
      expectSeriesClose(rollingReturn(index, {window: w}), naiveCompounded(index, w), 1e-9, `w=${w}`);
  });
  it("is NaN only when an end of the window is missing: a gap inside is compounded through", () => {
    const index = indexWithGaps(n, {seed: 12, nanRate: 0.1});
    for (let w = 1; w <= n + 1; ++w) {
      const out = rollingReturn(index, {window: w});
      for (let i = 0; i < n; ++i) {
        const expected = i >= w ? index[i] / index[i - w] - 1 : NaN;
        if (Number.isNaN(expected)) expect(out[i]).toBeNaN();
        else expect(out[i]).toBeCloseTo(expected, 14);
      }
    }
  });
  it("rollingReturn([100, 110, 121, 133.1], {window: 2}) is NaN, NaN, 21%, 21%", () => {
    const out = rollingReturn([100, 110, 121, 133.1], {window: 2});
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(0.21, 14);
    expect(out[3]).toBeCloseTo(0.21, 14);
  });
  it("has the input's length, all NaN for window ≥ n, empty for empty input", () => {
    expect(Array.from(rollingReturn([1, 2, 3], {window: 3}))).toEqual([NaN, NaN, NaN]);
    expect(Array.from(rollingReturn([1, 2, 3], {window: 4}))).toEqual([NaN, NaN, NaN]);
    expect(rollingReturn([], {window: 1}).length).toBe(0);
    expect(rollingReturn([5]).length).toBe(1);
  });
  it("throws `invalid window` for 0 and 1.5", () => {
    expect(() => rollingReturn([1, 2], {window: 0})).toThrow("invalid window: 0");
    expect(() => rollingReturn([1, 2], {window: 1.5})).toThrow("invalid window: 1.5");
  });
});
