import {describe, expect, it} from "vitest";
import {parseDay} from "../../src/lib/dates.js";
import {rebalancedMix} from "../../src/lib/rebalanced-mix.js";

const dates = ["2024-01-30", "2024-01-31", "2024-02-01", "2024-02-29", "2024-03-01", "2024-03-04"].map(parseDay);

describe("rebalancedMix(dates, a, b, {start, end, weight, cost})", () => {
  it("50/50 by hand: the parts grow apart within a month and are set back at each month's last close", () => {
    const a = [1, 2, 2, 4, 4, 4];
    const b = [1, 1, 1, 1, 1, 2];
    // Jan 31 (a month's last close): 1 + 0.5 = 1.5, reset to 0.75 + 0.75. Feb 29: 1.5 + 0.75 = 2.25, reset to
    // 1.125 + 1.125. Mar 4: 1.125 + 2.25 = 3.375.
    const out = rebalancedMix(dates, a, b, {start: 0, end: 5});
    [1, 1.5, 1.5, 2.25, 2.25, 3.375].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 12));
  });
  it("pays the cost on what the rebalance sells and buys", () => {
    const a = [1, 2, 2, 2, 2, 2];
    const b = [1, 1, 1, 1, 1, 1];
    // Jan 31: parts 1 and 0.5, target 0.75 each: 0.25 sold and 0.25 bought, 0.5 traded at 100 bp costs 0.005.
    const out = rebalancedMix(dates, a, b, {start: 0, end: 5, cost: 100});
    expect(out[1]).toBeCloseTo(1.495, 12);
    expect(out[5]).toBeCloseTo(1.495, 12);
  });
  it("holding one fund (weight 1) is that fund's index, rebased", () => {
    const a = [1, 2, 3, 4, 5, 6];
    const out = rebalancedMix(dates, a, [1, 1, 1, 1, 1, 1], {start: 1, end: 5, weight: 1, cost: 50});
    [1, 1.5, 2, 2.5, 3].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 12));
  });
  it("does not rebalance at the last close of the run", () => {
    const out = rebalancedMix(dates, [1, 2, 2, 2, 2, 2], [1, 1, 1, 1, 1, 1], {start: 0, end: 1, cost: 100});
    expect([...out]).toEqual([1, 1.5]);
  });
  it("throws on bad options", () => {
    expect(() => rebalancedMix(dates, [1], [1], {start: 0, end: 0})).toThrow("length mismatch");
    const ones = [1, 1, 1, 1, 1, 1];
    expect(() => rebalancedMix(dates, ones, ones, {start: 3, end: 2})).toThrow("invalid run: 3 to 2 of 6 closes");
    expect(() => rebalancedMix(dates, ones, ones, {start: 0, end: 5, weight: 2})).toThrow("invalid weight: 2");
    expect(() => rebalancedMix(dates, ones, ones, {start: 0, end: 5, cost: NaN})).toThrow("invalid cost: NaN");
  });
});
