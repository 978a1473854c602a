import {describe, it, expect} from "vitest";
import {wilsonInterval} from "../../src/lib/proportion-ci.js";

describe("wilsonInterval(successes, n, {z})", () => {
  it("8 of 10 is [0.490, 0.943]; with R's z = qnorm(0.975) it is prop.test(8, 10, correct = FALSE)'s [0.4901625, 0.9433178]", () => {
    const ci = wilsonInterval(8, 10);
    expect(ci.estimate).toBe(0.8);
    expect(ci.lower).toBeCloseTo(0.49, 3);
    expect(ci.upper).toBeCloseTo(0.943, 3);
    const r = wilsonInterval(8, 10, {z: 1.959963984540054});
    expect(r.lower).toBeCloseTo(0.4901625, 7);
    expect(r.upper).toBeCloseTo(0.9433178, 7);
  });
  it("matches Newcombe (1998, Stat. Med. 17:857, method 3): 81/263, 15/148, 0/20, 1/29", () => {
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718]
    ];
    for (const [k, n, lo, hi] of cases) {
      const ci = wilsonInterval(k, n);
      expect(ci.lower).toBeCloseTo(lo, 4);
      expect(ci.upper).toBeCloseTo(hi, 4);
    }
  });
  it("is exactly 0 or 1 at the bound for none or all successes, and symmetric about 1/2", () => {
    expect(wilsonInterval(0, 5).lower).toBe(0);
    expect(wilsonInterval(5, 5).upper).toBe(1);
    const a = wilsonInterval(3, 10);
    const b = wilsonInterval(7, 10);
    expect(a.lower).toBeCloseTo(1 - b.upper, 12);
    expect(a.upper).toBeCloseTo(1 - b.lower, 12);
  });
  it("narrows for a smaller z: z = 1.645 (90%) lies inside the 95% interval", () => {
    const ci90 = wilsonInterval(8, 10, {z: 1.645});
    const ci95 = wilsonInterval(8, 10);
    expect(ci90.lower).toBeGreaterThan(ci95.lower);
    expect(ci90.upper).toBeLessThan(ci95.upper);
  });
  it("is all NaN for n = 0", () => {
    const ci = wilsonInterval(0, 0);
    expect([ci.estimate, ci.lower, ci.upper]).toEqual([NaN, NaN, NaN]);
  });
  it("rejects successes outside 0..n, a non-integer n and a bad z", () => {
    expect(() => wilsonInterval(11, 10)).toThrow("invalid successes: 11 of 10");
    expect(() => wilsonInterval(-1, 10)).toThrow("invalid successes: -1 of 10");
    expect(() => wilsonInterval(1, 2.5)).toThrow("invalid n: 2.5");
    expect(() => wilsonInterval(1, 2, {z: 0})).toThrow("invalid z: 0");
  });
});
