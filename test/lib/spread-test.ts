import {describe, it, expect} from "vitest";
import {rollingSpread, rollingSpreads} from "../../src/lib/spread.js";
import {alignOnCommonDates} from "../../src/lib/align.js";
import {expectSeriesClose, indexWithGaps} from "./kernel-fixtures.js";

const n = 40;

describe("rollingSpread(smallIndex, largeIndex, {window})", () => {
  it("is positive, in percentage points, when small caps are ahead", () => {
    // Small +10% and large +4% over two days: a spread of +6 points.
    const out = rollingSpread([100, 105, 110], [50, 51, 52], {window: 2});
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(6, 12);
    expect(rollingSpread([50, 51, 52], [100, 105, 110], {window: 2})[2]).toBeCloseTo(-6, 12);
  });
  it(`matches 100 × (small window return − large window return) for every window 1…${n + 1}, with gaps`, () => {
    const small = indexWithGaps(n, {seed: 21});
    const large = indexWithGaps(n, {seed: 22});
    for (let w = 1; w <= n + 1; ++w) {
      const expected = Float64Array.from({length: n}, (_, i) =>
        i >= w ? 100 * (small[i] / small[i - w] - large[i] / large[i - w]) : NaN
      );
      expectSeriesClose(rollingSpread(small, large, {window: w}), expected, 1e-9, `w=${w}`);
    }
  });
  it("is computed on the common calendar: a day only one series has is dropped before the window is counted", () => {
    const {values} = alignOnCommonDates([
      {date: [1, 2, 3, 4], values: [[100, 101, 102, 110]]},
      {date: [1, 3, 4], values: [[50, 51, 50]]}
    ]);
    // Common days 1, 3, 4: over two of them small gains 10%, large 0%.
    const out = rollingSpread(values[0][0], values[1][0], {window: 2});
    expect(out).toHaveLength(3);
    expect(out[2]).toBeCloseTo(10, 12);
  });
  it("throws on indexes of different lengths and on a bad window", () => {
    expect(() => rollingSpread([1, 2, 3], [1, 2], {window: 1})).toThrow("length mismatch: 3 vs 2");
    expect(() => rollingSpread([1, 2], [1, 2], {window: -2})).toThrow("invalid window: -2");
  });
  it("rollingSpreads(indexes, benchmark) equals rollingSpread of each, and leaves inputs untouched", () => {
    const bench = indexWithGaps(n, {seed: 30});
    const indexes = [31, 32, 33].map((seed) => indexWithGaps(n, {seed}));
    const copies = indexes.map((x) => Float64Array.from(x));
    const out = rollingSpreads(indexes, bench, {window: 5});
    expect(out).toHaveLength(3);
    out.forEach((s, k) => expectSeriesClose(s, rollingSpread(indexes[k], bench, {window: 5})));
    indexes.forEach((x, k) => expect(Array.from(x)).toEqual(Array.from(copies[k])));
    expect(rollingSpreads([], bench)).toEqual([]);
  });
});
