import {describe, expect, it} from "vitest";
import {heading, quadrantOf, quadrantRun} from "../../src/lib/quadrant.js";

describe("quadrantOf(ratio, momentum)", () => {
  it("names the four quadrants around (100, 100); a point on a centre line counts on the 100-and-above side", () => {
    expect(quadrantOf(101, 101)).toBe("Leading");
    expect(quadrantOf(101, 99)).toBe("Weakening");
    expect(quadrantOf(99, 99)).toBe("Lagging");
    expect(quadrantOf(99, 101)).toBe("Improving");
    expect(quadrantOf(100, 100)).toBe("Leading");
    expect(quadrantOf(100, 99.9)).toBe("Weakening");
    expect(quadrantOf(99.9, 100)).toBe("Improving");
  });
  it("is null when either value is missing", () => {
    expect(quadrantOf(NaN, 101)).toBeNull();
    expect(quadrantOf(101, NaN)).toBeNull();
  });
});

describe("quadrantRun(ratio, momentum)", () => {
  it("counts the periods since the fund entered the quadrant it is in now", () => {
    // Lagging, Improving, then three points in Leading: it entered Leading 2 periods ago, at position 2.
    const run = quadrantRun([99, 99, 101, 102, 101.5], [99, 101, 101, 100.5, 100]);
    expect(run).toEqual({quadrant: "Leading", start: 2, periods: 2, atLeast: false});
  });
  it("is 0 periods when the latest point is the first in its quadrant", () => {
    expect(quadrantRun([101, 101], [101, 99])).toEqual({quadrant: "Weakening", start: 1, periods: 0, atLeast: false});
  });
  it("says 'at least' when the run reaches back to the first point with values (warm-up NaN before it)", () => {
    expect(quadrantRun([NaN, 98, 97, 96], [NaN, 99, 98, 97])).toEqual({
      quadrant: "Lagging",
      start: 1,
      periods: 2,
      atLeast: true
    });
    expect(quadrantRun([98], [99])).toEqual({quadrant: "Lagging", start: 0, periods: 0, atLeast: true});
  });
  it("is null when the last point has no value, or there is none", () => {
    expect(quadrantRun([101, NaN], [101, 101])).toBeNull();
    expect(quadrantRun([], [])).toBeNull();
  });
  it("rejects series of different lengths", () => {
    expect(() => quadrantRun([1, 2], [1])).toThrow("length mismatch: 2 vs 1");
  });
});

describe("heading(ratio0, momentum0, ratio1, momentum1)", () => {
  it("is a compass bearing in the graph's units: up is N (0°), right is E (90°), clockwise", () => {
    expect(heading(100, 100, 100, 101)).toEqual({degrees: 0, compass: "N"});
    expect(heading(100, 100, 101, 101)).toEqual({degrees: 45, compass: "NE"});
    expect(heading(100, 100, 101, 100)).toEqual({degrees: 90, compass: "E"});
    expect(heading(100, 100, 100, 99)).toEqual({degrees: 180, compass: "S"});
    expect(heading(100, 100, 99, 99)).toEqual({degrees: 225, compass: "SW"});
    expect(heading(100, 100, 99, 100)).toEqual({degrees: 270, compass: "W"});
  });
  it("rounds to the nearest compass point: 20° is N, 25° is NE, 330° is NW, 340° is N", () => {
    const at = (deg: number) => {
      const r = (deg * Math.PI) / 180;
      return heading(100, 100, 100 + Math.sin(r), 100 + Math.cos(r))!;
    };
    expect([20, 25, 330, 340].map((d) => at(d).compass)).toEqual(["N", "NE", "NW", "N"]);
    expect(at(340).degrees).toBeCloseTo(340, 10);
  });
  it("is null for no step or a missing point", () => {
    expect(heading(100, 100, 100, 100)).toBeNull();
    expect(heading(NaN, 100, 101, 101)).toBeNull();
  });
});
