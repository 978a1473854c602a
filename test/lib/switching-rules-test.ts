import {describe, expect, it} from "vitest";
import {compoundIndex} from "../../src/lib/compound.js";
import {
  CASH,
  LARGE,
  SMALL,
  hysteresis,
  momentumPositions,
  rulePositions,
  spreadPositions,
  trendPositions,
  type Rule
} from "../../src/lib/switching-rules.js";
import {seededRandom} from "./seeded-random.js";

describe("trendPositions(small, large, {ma})", () => {
  it("holds small after a close where small ÷ large is above its ma-day average, large otherwise and in warm-up", () => {
    // Large flat, so the ratio is the small index. 3-day averages: –, –, 1, 1.0333, 1.1, 1.1, 1.0333.
    const small = [1, 1, 1, 1.1, 1.2, 1.0, 0.9];
    const large = [2, 2, 2, 2, 2, 2, 2];
    expect([...trendPositions(small, large, {ma: 3})]).toEqual([LARGE, LARGE, LARGE, SMALL, SMALL, LARGE, LARGE]);
  });
  it("compares with a strict >: a ratio equal to its average holds large", () => {
    expect([...trendPositions([1, 1, 1], [1, 1, 1], {ma: 2})]).toEqual([LARGE, LARGE, LARGE]);
  });
  it("throws on a bad ma and on series of different lengths", () => {
    expect(() => trendPositions([1], [1], {ma: 0})).toThrow("invalid window: 0");
    expect(() => trendPositions([1, 2], [1], {ma: 1})).toThrow("length mismatch: 2 vs 1");
  });
});

describe("spreadPositions(small, large, {window, enter, exit})", () => {
  // One-day spreads in points: –, 2, 0.98, −0.97, −0.98, 0.99.
  const small = [1, 1.02, 1.03, 1.02, 1.01, 1.02];
  const large = [1, 1, 1, 1, 1, 1];
  it("enters small above enter, keeps it between the thresholds, and leaves below exit", () => {
    expect([...spreadPositions(small, large, {window: 1, enter: 1.5, exit: -0.5})]).toEqual([
      LARGE,
      SMALL,
      SMALL,
      LARGE,
      LARGE,
      LARGE
    ]);
  });
  it("without a band (enter = exit = 0) follows the sign of the spread", () => {
    expect([...spreadPositions(small, large, {window: 1, enter: 0, exit: 0})]).toEqual([
      LARGE,
      SMALL,
      SMALL,
      LARGE,
      LARGE,
      SMALL
    ]);
  });
  it("hysteresis(spread, enter, exit) keeps the holding through NaN", () => {
    expect([...hysteresis([NaN, 3, NaN, -3, NaN], 1, -1)]).toEqual([LARGE, SMALL, SMALL, LARGE, LARGE]);
  });
  it("rejects an exit above enter, which would flip the holding every day between them", () => {
    expect(() => spreadPositions(small, large, {window: 1, enter: 0, exit: 1})).toThrow(
      "invalid exit: 1 (must be at most enter, 0)"
    );
    expect(() => spreadPositions(small, large, {window: 1, enter: NaN})).toThrow("invalid enter: NaN");
  });
});

describe("momentumPositions(small, large, cash, {window})", () => {
  const small = [1, 1.0, 1.05, 1.1, 1.0, 0.98, 1.0];
  const large = [1, 1.01, 1.02, 1.03, 1.04, 1.0, 0.99];
  // 1% a day: cash's 2-day return is 2.01%.
  const cash = compoundIndex([0, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01]);
  it("holds the fund with the higher window return, or cash when that return trails cash's", () => {
    // 2-day returns: small +5%, +10%, −4.8%, −10.9%, 0%; large +2%, +2%, +1.96%, −2.9%, −4.8%.
    expect([...momentumPositions(small, large, cash, {window: 2})]).toEqual([
      LARGE,
      LARGE,
      SMALL,
      SMALL,
      CASH,
      CASH,
      CASH
    ]);
  });
  it("holds large on a tie, and never cash while the cash return is unknown", () => {
    expect([...momentumPositions([1, 1.1, 1.2], [1, 1.1, 1.2], [1, 1, 1], {window: 1})]).toEqual([LARGE, LARGE, LARGE]);
    expect([...momentumPositions([1, 0.9, 0.8], [1, 0.9, 0.8], [NaN, NaN, NaN], {window: 1})]).toEqual([
      LARGE,
      LARGE,
      LARGE
    ]);
  });
  it("throws when the cash index is not on the funds' calendar", () => {
    expect(() => momentumPositions([1, 2], [1, 2], [1], {window: 1})).toThrow(
      "length mismatch: 1 cash values for 2 days"
    );
  });
});

describe("no look-ahead: changing any price after close t never changes a position on or before t", () => {
  const n = 400;
  const walk = (seed: number) => {
    const random = seededRandom(seed);
    const out = new Float64Array(n);
    let level = 100;
    for (let i = 0; i < n; ++i) out[i] = level *= 1 + (random() - 0.5) * 0.04;
    return out;
  };
  const small = walk(1);
  const large = walk(2);
  const cash = compoundIndex(Float64Array.from({length: n}, () => 0.0002));
  const rules: Rule[] = [
    {rule: "trend", ma: 20},
    {rule: "spread", window: 10, enter: 1, exit: -1},
    {rule: "momentum", window: 15}
  ];
  for (const rule of rules) {
    it(`${rule.rule}: every cut t, with everything after t replaced`, () => {
      const base = rulePositions(small, large, cash, rule);
      // The rules must switch for the test to mean anything.
      expect(new Set(base).size).toBeGreaterThan(1);
      const random = seededRandom(3);
      for (let t = 0; t < n - 1; t += 7) {
        const change = (a: Float64Array) => Float64Array.from(a, (v, i) => (i > t ? v * (0.5 + random() * 1.5) : v));
        const other = rulePositions(change(small), change(large), change(cash), rule);
        expect([...other.subarray(0, t + 1)]).toEqual([...base.subarray(0, t + 1)]);
      }
    });
  }
});
