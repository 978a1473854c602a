import {describe, it, expect} from "vitest";
import {positiveStreaks, longestPositiveStreak, currentPositiveStreak} from "../../src/lib/streaks.js";

describe("positiveStreaks and longestPositiveStreak(spread)", () => {
  it("finds each run of positive values with inclusive start/end", () => {
    expect(positiveStreaks([-1, 2, 3, 0, 4, -5, 6, 7, 8])).toEqual([
      {start: 1, end: 2, length: 2},
      {start: 4, end: 4, length: 1},
      {start: 6, end: 8, length: 3}
    ]);
    expect(longestPositiveStreak([-1, 2, 3, 0, 4, -5, 6, 7, 8])).toEqual({start: 6, end: 8, length: 3});
  });
  it("lets a NaN gap neither break nor end a run; a run never starts or ends on a NaN", () => {
    expect(positiveStreaks([NaN, 1, NaN, 2, NaN, -1, NaN])).toEqual([{start: 1, end: 3, length: 3}]);
  });
  it("prefers the earliest of equally long runs", () => {
    expect(longestPositiveStreak([1, 1, -1, 1, 1])).toEqual({start: 0, end: 1, length: 2});
  });
  it("is empty / undefined for empty, all-NaN or never-positive spreads; zero is not positive", () => {
    expect(positiveStreaks([])).toEqual([]);
    expect(positiveStreaks([NaN, NaN])).toEqual([]);
    expect(longestPositiveStreak([0, -1, NaN])).toBeUndefined();
    expect(longestPositiveStreak([5])).toEqual({start: 0, end: 0, length: 1});
  });
});

describe("currentPositiveStreak(spread)", () => {
  it("counts the run's days so far (1 on the turning day), NaN when not positive", () => {
    expect(Array.from(currentPositiveStreak([-1, 2, 3, 4, 0, 1, -2]))).toEqual([NaN, 1, 2, 3, NaN, 1, NaN]);
  });
  it("counts through a NaN gap without resetting, and is NaN at the gap", () => {
    expect(Array.from(currentPositiveStreak([1, NaN, 1, 1]))).toEqual([1, NaN, 3, 4]);
    expect(currentPositiveStreak([]).length).toBe(0);
  });
  it("counts as positiveStreaks does: the last value of each run is its length", () => {
    const spread = [3, -1, 2, 2, NaN, 2, -4, 1];
    const days = currentPositiveStreak(spread);
    for (const {end, length} of positiveStreaks(spread)) expect(days[end]).toBe(length);
  });
});
