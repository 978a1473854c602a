import {describe, it, expect} from "vitest";
import {sma, ema, crossovers, crossoverName} from "../../src/lib/moving-average.js";
import {rollingMean} from "../../src/lib/rolling.js";
import {expectSeriesClose, naiveWindow, noisyWithGaps, mean} from "./kernel-fixtures.js";

const n = 40;
const values = noisyWithGaps(n, {seed: 61, offset: 1, nanRate: 0.05});

// Naive EMA: the explicit weighted sum (1 − α)^t·x₀ + Σ α(1 − α)^j·x_{t−j} over the valid values so far.
function naiveEma(x: ArrayLike<number>, span: number): Float64Array {
  const alpha = 2 / (span + 1);
  const out = new Float64Array(x.length).fill(NaN);
  for (let i = 0; i < x.length; ++i) {
    if (Number.isNaN(x[i])) continue;
    const valid = Array.from(x)
      .slice(0, i + 1)
      .filter((v) => !Number.isNaN(v))
      .reverse();
    out[i] = valid.reduce(
      (s, v, j) => s + (j === valid.length - 1 ? (1 - alpha) ** j : alpha * (1 - alpha) ** j) * v,
      0
    );
  }
  return out;
}

describe("sma(values, {window}) and ema(values, {span})", () => {
  it(`sma matches a naive mean for every window 1…${n + 1} and is rollingMean`, () => {
    for (let w = 1; w <= n + 1; ++w) {
      expectSeriesClose(sma(values, {window: w}), naiveWindow(values, w, mean), 1e-9, `w=${w}`);
      expectSeriesClose(sma(values, {window: w}), rollingMean(values, {window: w}), 0);
    }
  });
  it(`ema matches the explicit weighted sum for every span 1…${n + 1}, NaN skipped`, () => {
    for (let span = 1; span <= n + 1; ++span)
      expectSeriesClose(ema(values, {span}), naiveEma(values, span), 1e-9, `span=${span}`);
  });
  it("ema([1, 2, 3, 4], {span: 3}) follows pandas ewm(span=3, adjust=False): 1, 1.5, 2.25, 3.125", () => {
    expect(Array.from(ema([1, 2, 3, 4], {span: 3}))).toEqual([1, 1.5, 2.25, 3.125]);
  });
  it("ema is NaN at NaN inputs and before minPeriods valid values, and carries its state over a gap", () => {
    expect(Array.from(ema([NaN, 1, NaN, 3], {span: 3}))).toEqual([NaN, 1, NaN, 2]);
    expect(Array.from(ema([1, 2, 3], {span: 3, minPeriods: 2}))).toEqual([NaN, 1.5, 2.25]);
    expect(ema([]).length).toBe(0);
  });
  it("rejects span < 1, NaN span, bad minPeriods and a bad sma window", () => {
    expect(() => ema([1], {span: 0.5})).toThrow("invalid span: 0.5");
    expect(() => ema([1], {span: NaN})).toThrow("invalid span: NaN");
    expect(() => ema([1], {minPeriods: 0})).toThrow("invalid minPeriods: 0");
    expect(() => sma([1], {window: 0})).toThrow("invalid window: 0");
  });
});

describe("crossovers(fast, slow)", () => {
  it("finds an upward cross (+1) and a downward cross (−1) at the position the sign flips", () => {
    expect(crossovers([1, 2, 3, 2, 1], [2, 2.5, 2.5, 2.5, 2.5])).toEqual([
      {index: 2, direction: 1},
      {index: 3, direction: -1}
    ]);
  });
  it("does not count touching and turning back, and counts a cross through a tie once", () => {
    expect(crossovers([1, 2, 1], [2, 2, 2])).toEqual([]);
    expect(crossovers([1, 2, 3], [2, 2, 2])).toEqual([{index: 2, direction: 1}]);
  });
  it("skips NaN positions and reports nothing for empty or one-sided input", () => {
    expect(crossovers([1, NaN, 3], [2, 2, 2])).toEqual([{index: 2, direction: 1}]);
    expect(crossovers([], [])).toEqual([]);
    expect(crossovers([3, 4], [1, 1])).toEqual([]);
    expect(() => crossovers([1], [1, 2])).toThrow("length mismatch: 1 vs 2");
  });
  it("finds the crosses of sma(10) and sma(20) on a seeded series where the sign of their difference changes", () => {
    const x = noisyWithGaps(200, {seed: 62, nanRate: 0}).map((v, i) => v + Math.sin(i / 15));
    const fast = sma(x, {window: 10});
    const slow = sma(x, {window: 20});
    const found = crossovers(fast, slow);
    expect(found.length).toBeGreaterThan(2);
    for (const {index, direction} of found) expect(Math.sign(fast[index] - slow[index])).toBe(direction);
    found.slice(1).forEach((c, k) => expect(c.direction).toBe(-found[k].direction));
  });
});

describe("crossoverName(direction, {fast, slow})", () => {
  it("names golden and death crosses only for the 50- and 200-day averages", () => {
    expect(crossoverName(1)).toBe("Golden cross");
    expect(crossoverName(-1, {fast: 50, slow: 200})).toBe("Death cross");
    expect(crossoverName(1, {fast: 20, slow: 100})).toBe("20-day average crossed above the 100-day");
    expect(crossoverName(-1, {fast: 50, slow: 100})).toBe("50-day average crossed below the 100-day");
  });
});
