import {describe, it, expect} from "vitest";
import {blockBootstrapShare} from "../../src/lib/block-bootstrap.js";
import {wilsonInterval} from "../../src/lib/proportion-ci.js";
import {seededRandom} from "./seeded-random.js";

/**
 * A known case with dependence: `clusters` clusters of `size` events 5 positions apart, one cluster every 300
 * positions (more than a block of 252 apart), each cluster's events sharing one outcome drawn with probability p,
 * as overlapping episodes share most of their forward window. The true share is p; the independent draws are the clusters.
 */
function clustered(random: () => number, {clusters = 20, size = 4, p = 0.4} = {}) {
  const positions: number[] = [];
  const success: boolean[] = [];
  for (let c = 0; c < clusters; ++c) {
    const outcome = random() < p;
    const first = c * 300 + Math.floor(random() * 200);
    for (let j = 0; j < size; ++j) (positions.push(first + 5 * j), success.push(outcome));
  }
  return {positions, success, length: clusters * 300};
}

describe("blockBootstrapShare(positions, success, {length, block, resamples, seed, level})", () => {
  const {positions, success, length} = clustered(seededRandom(7));
  it("gives the share of successes as its estimate, with the counts and the resampling used", () => {
    const s = blockBootstrapShare(positions, success, {length, block: 252});
    expect(s.n).toBe(80);
    expect(s.successes).toBe(success.filter(Boolean).length);
    expect(s.estimate).toBe(s.successes / 80);
    expect(s).toMatchObject({block: 252, blocks: Math.ceil(6000 / 252), resamples: 2000, seed: 1});
    expect(s.lower).toBeLessThan(s.estimate);
    expect(s.upper).toBeGreaterThan(s.estimate);
  });
  it("is deterministic: the same seed gives the same interval, another seed a slightly different one", () => {
    const a = blockBootstrapShare(positions, success, {length, block: 252, seed: 42});
    const b = blockBootstrapShare(positions, success, {length, block: 252, seed: 42});
    const c = blockBootstrapShare(positions, success, {length, block: 252, seed: 43});
    expect([b.lower, b.upper]).toEqual([a.lower, a.upper]);
    expect([c.lower, c.upper]).not.toEqual([a.lower, a.upper]);
    expect(Math.abs(c.lower - a.lower)).toBeLessThan(0.05);
    expect(Math.abs(c.upper - a.upper)).toBeLessThan(0.05);
  });
  it("is wider than Wilson's interval on the dependent events: about as wide as Wilson's on the independent clusters", () => {
    const s = blockBootstrapShare(positions, success, {length, block: 252});
    const onEvents = wilsonInterval(s.successes, 80);
    const onClusters = wilsonInterval(s.successes / 4, 20);
    expect(s.upper - s.lower).toBeGreaterThan(1.5 * (onEvents.upper - onEvents.lower));
    expect(s.upper - s.lower).toBeGreaterThan(0.8 * (onClusters.upper - onClusters.lower));
  });
  it("covers the true share about 95% of the time on the known case, where Wilson on every event does not", () => {
    const random = seededRandom(2026);
    const trials = 300;
    let bootstrap = 0;
    let wilson = 0;
    for (let t = 0; t < trials; ++t) {
      const d = clustered(random);
      const s = blockBootstrapShare(d.positions, d.success, {length: d.length, block: 252, resamples: 1000, seed: t});
      const w = wilsonInterval(s.successes, s.n);
      if (s.lower <= 0.4 && 0.4 <= s.upper) ++bootstrap;
      if (w.lower <= 0.4 && 0.4 <= w.upper) ++wilson;
    }
    expect(bootstrap / trials).toBeGreaterThan(0.88);
    expect(bootstrap / trials).toBeLessThan(0.99);
    expect(wilson / trials).toBeLessThan(0.8);
  });
  it("has NaN bounds with no event or fewer than two blocks on the time line", () => {
    expect(blockBootstrapShare([], [], {length: 1000, block: 100})).toMatchObject({n: 0, estimate: NaN, lower: NaN});
    const short = blockBootstrapShare([1, 50], [true, false], {length: 150, block: 100});
    expect(short.estimate).toBe(0.5);
    expect(short.lower).toBeNaN();
    expect(short.upper).toBeNaN();
  });
  it("rejects bad options and positions off the time line", () => {
    expect(() => blockBootstrapShare([1], [true, false], {length: 10, block: 2})).toThrow("positions has 1 values");
    expect(() => blockBootstrapShare([10], [true], {length: 10, block: 2})).toThrow("invalid position: 10 (length 10)");
    expect(() => blockBootstrapShare([1], [true], {length: 10, block: 0})).toThrow("invalid block: 0");
    expect(() => blockBootstrapShare([1], [true], {length: 10, block: 2, level: 1})).toThrow("invalid level: 1");
  });
});
