import {describe, it, expect} from "vitest";
import {independentEpisodes} from "../../src/lib/independent-episodes.js";

describe("independentEpisodes(starts, {horizon})", () => {
  it("counts the first episode and then each one starting once the last counted one's window has ended", () => {
    // Horizon 10: 0 counts (window to 10); 4 and 9 start inside it; 10 starts on its last close and counts
    // (window to 20); 15 and 19 do not; 25 does.
    expect(independentEpisodes([0, 4, 9, 10, 15, 19, 25], {horizon: 10})).toEqual([
      true,
      false,
      false,
      true,
      false,
      false,
      true
    ]);
  });
  it("measures from the last counted episode, not from the last episode: a chain of close episodes counts once per window", () => {
    // Each start is 6 days after the previous one, all chained within a window of each other; one in two counts with horizon 10.
    expect(independentEpisodes([0, 6, 12, 18, 24], {horizon: 10})).toEqual([true, false, true, false, true]);
  });
  it("counts every episode when they are at least a horizon apart, and uses 126 days by default", () => {
    expect(independentEpisodes([3, 129, 255])).toEqual([true, true, true]);
    expect(independentEpisodes([3, 128, 255])).toEqual([true, false, true]);
    expect(independentEpisodes([])).toEqual([]);
  });
  it("rejects a bad horizon and starts out of order", () => {
    expect(() => independentEpisodes([1], {horizon: 0})).toThrow("invalid horizon: 0");
    expect(() => independentEpisodes([5, 5], {horizon: 3})).toThrow("starts not increasing at 1: 5");
  });
});
