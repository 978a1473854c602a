import {describe, it, expect} from "vitest";
import {
  currentEpisodeRank,
  forwardSpread,
  forwardSpreads,
  persistenceShare,
  rankAtAge
} from "../../src/lib/forward-outcomes.js";
import {rollingSpread} from "../../src/lib/spread.js";

describe("forwardSpread(small, large, start, horizon)", () => {
  it("is the small minus large return from the start close to the close horizon days later, in points", () => {
    // small +21% over two days from 0, large +5%: 16 points.
    expect(forwardSpread([1, 1.1, 1.21, 1.331], [1, 1, 1.05, 1.05], 0, 2)).toBeCloseTo(16, 12);
    expect(forwardSpread([1, 1.1, 1.21, 1.331], [1, 1, 1.05, 1.05], 1, 2)).toBeCloseTo((1.331 / 1.1 - 1.05) * 100, 12);
  });
  it("is measured from the start, not the rolling-window spread H days later", () => {
    const small = [1, 2, 2, 2];
    const ones = [1, 1, 1, 1];
    expect(forwardSpread(small, ones, 1, 2)).toBe(0);
    expect(rollingSpread(small, ones, {window: 3})[3]).toBe(100);
  });
  it("is NaN when fewer than horizon days remain or an end is NaN", () => {
    expect(forwardSpread([1, 2, 3], [1, 1, 1], 1, 2)).toBeNaN();
    expect(forwardSpread([1, NaN, 3], [1, 1, 1], 0, 1)).toBeNaN();
    expect(forwardSpread([1, 2], [1, 1], -1, 1)).toBeNaN();
  });
});

describe("forwardSpreads(small, large, starts, {horizon})", () => {
  it("gives one outcome per start, NaN for starts too recent", () => {
    const out = forwardSpreads([1, 1.1, 1.21, 1.331], [1, 1, 1.05, 1.05], [0, 1, 2], {horizon: 2});
    expect(out[0]).toBeCloseTo(16, 12);
    expect(out[2]).toBeNaN();
  });
  it("defaults to 126 days and is empty without starts", () => {
    const small = Float64Array.from({length: 127}, (_, i) => 1 + i / 100);
    expect(forwardSpreads(small, new Float64Array(127).fill(1), [0])[0]).toBeCloseTo(126, 10);
    expect(forwardSpreads([1], [1], []).length).toBe(0);
  });
  it("rejects a bad horizon and mismatched lengths", () => {
    expect(() => forwardSpreads([1], [1], [0], {horizon: 0})).toThrow("invalid horizon: 0");
    expect(() => forwardSpreads([1], [1], [0], {horizon: 2.5})).toThrow("invalid horizon: 2.5");
    expect(() => forwardSpreads([1, 2], [1], [0])).toThrow("length mismatch: 2 vs 1");
  });
});

describe("persistenceShare(forward, {z})", () => {
  it("counts outcomes above zero among the known ones (zero is not persistence) with the Wilson interval", () => {
    const s = persistenceShare([5, -1, NaN, 0, 2]);
    expect(s).toMatchObject({persisted: 2, n: 4, estimate: 0.5});
    // Wilson 2/4 at z = 1.96: (0.5 ± 1.96·√(1/16 + 0.9604/64)) / 1.9604 around 0.5.
    const half = (1.96 * Math.sqrt(0.25 / 4 + 3.8416 / 64)) / (1 + 3.8416 / 4);
    expect(s.lower).toBeCloseTo(0.5 - half, 12);
    expect(s.upper).toBeCloseTo(0.5 + half, 12);
  });
  it("is 0 of 0 with NaN share and interval when nothing is known yet", () => {
    const s = persistenceShare([NaN]);
    expect(s.n).toBe(0);
    expect(s.estimate).toBeNaN();
    expect(s.lower).toBeNaN();
  });
});

describe("rankAtAge(small, large, pastStarts, currentStart, {age})", () => {
  const small = [1, 1.1, 1.2, 1.2, 1.2, 1.0, 1.05, 1.1];
  const ones = new Array(8).fill(1);
  it("compares the current spread since its start with each past one at the same age (default: the current age)", () => {
    // Age 2 (positions 5..7): current +10 points; past from 0: +20, from 2: 0.
    const r = rankAtAge(small, ones, [0, 2], 5);
    expect(r.age).toBe(2);
    expect(r.value).toBeCloseTo(10, 12);
    expect(Array.from(r.past).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([20, 0]);
    expect(r).toMatchObject({count: 2, below: 1, percentile: 0.5});
  });
  it("leaves out past episodes without data at that age, and counts ties half", () => {
    const r = rankAtAge(small, ones, [0, 2, 6], 5, {age: 2});
    expect(r.past[2]).toBeNaN();
    expect(r.count).toBe(2);
    const tie = rankAtAge([1, 2, 1, 2, 1, 2], new Array(6).fill(1), [0, 2], 4, {age: 1});
    expect(tie).toMatchObject({value: 100, count: 2, below: 0, percentile: 0.5});
  });
  it("at age 0 every spread is 0, a middle rank; with no past episodes the percentile is NaN", () => {
    expect(rankAtAge(small, ones, [0, 2], 7)).toMatchObject({age: 0, value: 0, count: 2, percentile: 0.5});
    const none = rankAtAge(small, ones, [], 5);
    expect(none.count).toBe(0);
    expect(none.percentile).toBeNaN();
  });
  it("rejects a current start outside the data and a bad age", () => {
    expect(() => rankAtAge(small, ones, [], 8)).toThrow("invalid currentStart: 8");
    expect(() => rankAtAge(small, ones, [], 1, {age: -1})).toThrow("invalid age: -1");
  });
});

describe("currentEpisodeRank(small, large, episodes)", () => {
  const small = [1, 1.1, 1.2, 1.2, 1.2, 1.0, 1.05, 1.1];
  const ones = new Array(8).fill(1);
  it("ranks the open last episode against all earlier ones", () => {
    const r = currentEpisodeRank(small, ones, [
      {start: 0, end: 1},
      {start: 2, end: 3},
      {start: 5, end: null}
    ]);
    expect(r).toMatchObject({age: 2, count: 2, below: 1, percentile: 0.5});
  });
  it("is null when the last episode has ended or there are none", () => {
    expect(currentEpisodeRank(small, ones, [{start: 0, end: 1}])).toBeNull();
    expect(currentEpisodeRank(small, ones, [])).toBeNull();
  });
});
