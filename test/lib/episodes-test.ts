import {describe, it, expect} from "vitest";
import {episodeLabel, leadershipEpisodes} from "../../src/lib/episodes.js";

const DAY = 86_400_000;
const days = (n: number) => Float64Array.from({length: n}, (_, i) => Date.UTC(2024, 0, 1) + i * DAY);
type Options = {threshold: number; exit?: number; minGap?: number};
// Without an exit, these helpers exit at the threshold: plain runs above it, the rule before hysteresis.
const find = (spread: number[], options: Options) =>
  leadershipEpisodes(days(spread.length), spread, {exit: options.threshold, ...options});
const spans = (spread: number[], options: Options) => find(spread, options).map((e) => [e.start, e.end, e.duration]);

describe("leadershipEpisodes(dates, spread, {threshold, exit: threshold, minGap}): runs above the threshold", () => {
  it("finds each run above the threshold with its start, end, peak and duration", () => {
    const out = find([1, 6, 7, 4, 8, 2], {threshold: 5});
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({start: 1, end: 2, peak: 2, peakValue: 7, duration: 2});
    expect(out[0].startDate).toBe(Date.UTC(2024, 0, 2));
    expect(out[0].endDate).toBe(Date.UTC(2024, 0, 3));
    expect(out[0].peakDate).toBe(Date.UTC(2024, 0, 3));
    expect(out[1]).toMatchObject({start: 4, end: 4, peak: 4, peakValue: 8, duration: 1});
  });
  it("treats a value equal to the threshold as not above it", () => {
    expect(spans([5, 5, 6, 5], {threshold: 5})).toEqual([[2, 2, 1]]);
    expect(find([5, 5, 5], {threshold: 5})).toEqual([]);
  });
  it("leaves an episode still above on the last day open: end null, endDate NaN, duration to the last day", () => {
    const [e] = find([1, 6, 7], {threshold: 5});
    expect(e).toMatchObject({start: 1, end: null, peak: 2, peakValue: 7, duration: 2});
    expect(e.endDate).toBeNaN();
  });
  it("joins episodes across a dip shorter than minGap days, not across one of minGap days", () => {
    const spread = [6, 4, 6, 4, 4, 6];
    expect(spans(spread, {threshold: 5})).toEqual([
      [0, 0, 1],
      [2, 2, 1],
      [5, null, 1]
    ]);
    // The first dip lasts 1 day (< 2): joined; the second lasts 2 days (not < 2): kept apart.
    expect(spans(spread, {threshold: 5, minGap: 2})).toEqual([
      [0, 2, 3],
      [5, null, 1]
    ]);
    const [all] = find(spread, {threshold: 5, minGap: 3});
    expect(all).toMatchObject({start: 0, end: null, duration: 6, peak: 0, peakValue: 6});
  });
  it("takes the peak over the joined episode, the earliest on a tie", () => {
    expect(find([6, 1, 9, 1, 9], {threshold: 5, minGap: 2})[0]).toMatchObject({
      start: 0,
      end: null,
      peak: 2,
      peakValue: 9
    });
  });
  it("finds none when the spread never exceeds the threshold, and none in empty or all-NaN input", () => {
    expect(find([1, 2, 3, -4], {threshold: 5})).toEqual([]);
    expect(find([], {threshold: 5})).toEqual([]);
    expect(find([NaN, NaN], {threshold: 5})).toEqual([]);
  });
  it("lets NaN neither start nor end an episode: gaps inside are carried and counted, gaps outside ignored", () => {
    const spread = [NaN, 6, NaN, 7, NaN, 3, NaN, 6, NaN];
    const out = find(spread, {threshold: 5});
    expect(out.map((e) => [e.start, e.end, e.duration, e.peak])).toEqual([
      [1, 3, 3, 3],
      [7, null, 2, 7]
    ]);
    // A dip counts positions between the runs, NaN days included: 6, NaN, 4, NaN, 6 has a 3-day dip.
    expect(spans([6, NaN, 4, NaN, 6], {threshold: 5, minGap: 3})).toEqual([
      [0, 0, 1],
      [4, null, 1]
    ]);
    expect(spans([6, NaN, 4, NaN, 6], {threshold: 5, minGap: 4})).toEqual([[0, null, 5]]);
  });
  it("works below zero (a threshold of −2 points)", () => {
    expect(spans([-3, -1, -2, 0, -5], {threshold: -2})).toEqual([
      [1, 1, 1],
      [3, 3, 1]
    ]);
  });
  it("rejects a non-finite threshold, an exit above the threshold, a bad minGap and mismatched lengths", () => {
    expect(() => find([1], {threshold: NaN})).toThrow("invalid threshold: NaN");
    expect(() => find([1], {threshold: 5, exit: 6})).toThrow("invalid exit: 6 (threshold 5)");
    expect(() => find([1], {threshold: 5, exit: NaN})).toThrow("invalid exit: NaN");
    expect(() => leadershipEpisodes([1], [1], {threshold: -2})).toThrow("invalid exit: 0 (threshold -2)");
    expect(() => find([1], {threshold: 5, minGap: -1})).toThrow("invalid minGap: -1");
    expect(() => find([1], {threshold: 5, minGap: 1.5})).toThrow("invalid minGap: 1.5");
    expect(() => leadershipEpisodes([1, 2], [1], {threshold: 5})).toThrow("dates has 2 values, spread has 1");
  });
  it("does not modify its inputs", () => {
    const spread = Float64Array.of(1, 6, NaN, 7);
    leadershipEpisodes(days(4), spread, {threshold: 5, minGap: 2});
    expect(Array.from(spread)).toEqual([1, 6, NaN, 7]);
  });
});

describe("leadershipEpisodes(dates, spread, {threshold, exit, minGap}): hysteresis", () => {
  // Entry above 5 points, exit at 0 (the default): a lead lasts until the spread is no longer positive.
  const spread = [1, 6, 3, 4, 7, 2, -1, 3, 4, 6, 0, -2, 8, 1];
  it("starts above the threshold and ends on the last day above the exit level, by default 0", () => {
    const out = leadershipEpisodes(days(spread.length), spread, {threshold: 5});
    expect(out.map((e) => [e.start, e.end, e.duration, e.peak, e.peakValue])).toEqual([
      [1, 5, 5, 4, 7],
      [9, 9, 1, 9, 6],
      [12, null, 2, 12, 8]
    ]);
    // Exiting at the threshold instead splits the first lead at its dip to 3 and 4 points.
    expect(spans(spread, {threshold: 5}).slice(0, 2)).toEqual([
      [1, 1, 1],
      [4, 4, 1]
    ]);
  });
  it("needs a new rise above the threshold after an exit: days above the exit alone start nothing", () => {
    // 3 and 4 after the dip to −1 are above 0 but not above 5: the second episode starts at 6 (position 9).
    const out = leadershipEpisodes(days(spread.length), spread, {threshold: 5, exit: 0});
    expect(out[1].startDate).toBe(Date.UTC(2024, 0, 10));
    expect(leadershipEpisodes(days(4), [1, 3, 4, -1], {threshold: 5})).toEqual([]);
  });
  it("treats a day exactly at the exit level as ending the lead", () => {
    expect(spans([6, 2, 0, 2, 6], {threshold: 5, exit: 0})).toEqual([
      [0, 1, 2],
      [4, null, 1]
    ]);
  });
  it("keeps the join-short-dips rule: a dip to the exit level or below shorter than minGap days does not end the lead", () => {
    // The dip to −1 lasts 1 day (position 6): with minGap 2 the first lead runs on to the 6 at position 9 and beyond.
    expect(spans(spread, {threshold: 5, exit: 0, minGap: 2})).toEqual([
      [1, 9, 9],
      [12, null, 2]
    ]);
    // The dip at 10–11 lasts 2 days: minGap 3 joins everything into one open lead.
    expect(spans(spread, {threshold: 5, exit: 0, minGap: 3})).toEqual([[1, null, 13]]);
    // A joined stretch that never rises above the threshold before its dip is not an episode; one that does starts there.
    expect(spans([2, -1, 2, 6, 1], {threshold: 5, exit: 0, minGap: 2})).toEqual([[3, null, 2]]);
  });
  it("carries NaN days inside a lead and ignores them outside, as without hysteresis", () => {
    expect(spans([NaN, 6, NaN, 2, NaN, -1, NaN, 6, NaN], {threshold: 5, exit: 0})).toEqual([
      [1, 3, 3],
      [7, null, 2]
    ]);
  });
  it("works with a negative exit", () => {
    expect(spans([6, -1, -2, -3, 6], {threshold: 5, exit: -2.5})).toEqual([
      [0, 2, 3],
      [4, null, 1]
    ]);
  });
});

describe("episodeLabel(episode)", () => {
  it("is the start month in UTC, YYYY-MM", () => {
    expect(episodeLabel({startDate: Date.UTC(2024, 9, 7)})).toBe("2024-10");
    expect(episodeLabel({startDate: Date.UTC(1926, 6, 1)})).toBe("1926-07");
  });
});
