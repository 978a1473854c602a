import {describe, expect, it} from "vitest";
import {backtest} from "../../src/lib/backtest.js";
import {compoundIndex} from "../../src/lib/compound.js";
import {CASH, LARGE, SMALL, momentumPositions, spreadPositions, trendPositions} from "../../src/lib/switching-rules.js";

const close = (actual: ArrayLike<number>, expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((v, i) => expect(actual[i], `at ${i}`).toBeCloseTo(v, 12));
};

describe("backtest([large, small, cash], positions, {start, end, cost})", () => {
  it("trend by hand: each day earns what the previous close chose", () => {
    const small = [1, 1, 1, 1.1, 1.2, 1.0, 0.9];
    const large = [2, 2, 2, 2, 2, 2, 2];
    const positions = trendPositions(small, large, {ma: 3}); // L L L S S L L
    const run = backtest([large, small], positions, {start: 0, end: 6});
    // Small is held over days 4 and 5 only (chosen at closes 3 and 4): ×1.2/1.1, then ×1.0/1.2.
    close(run.equity, [1, 1, 1, 1, 1.2 / 1.1, 1 / 1.1, 1 / 1.1]);
    expect(run.switches.map(({index, from, to}) => [index, from, to])).toEqual([
      [3, LARGE, SMALL],
      [5, SMALL, LARGE]
    ]);
    expect(run.daysSmall).toBe(2);
  });
  it("a switch between the funds pays the cost on twice the equity (the sale and the purchase), at its close", () => {
    const small = [1, 1, 1, 1.1, 1.2, 1.0, 0.9];
    const large = [2, 2, 2, 2, 2, 2, 2];
    const run = backtest([large, small], trendPositions(small, large, {ma: 3}), {start: 0, end: 6, cost: 10});
    const c = 1 - 2 * 0.001;
    close(run.equity, [1, 1, 1, c, (c * 1.2) / 1.1, (c * c) / 1.1, (c * c) / 1.1]);
    expect(run.switches.map((s) => s.equity)).toEqual([run.equity[3], run.equity[5]]);
  });
  it("spread by hand, started mid-history: the first position comes from the state before the run and costs nothing", () => {
    const small = [1, 1.02, 1.03, 1.02, 1.01, 1.02];
    const large = [1, 1, 1, 1, 1, 1];
    const positions = spreadPositions(small, large, {window: 1, enter: 1.5, exit: -0.5}); // L S S L L L
    close(backtest([large, small], positions, {start: 0, end: 5}).equity, [1, 1, 1.03 / 1.02, 1, 1, 1]);
    const late = backtest([large, small], positions, {start: 2, end: 5, cost: 25});
    close(late.equity, [1, (1.02 / 1.03) * (1 - 0.005), (1.02 / 1.03) * (1 - 0.005), (1.02 / 1.03) * (1 - 0.005)]);
    expect(late.switches.map((s) => s.index)).toEqual([3]);
  });
  it("momentum by hand: cash earns its rate, and a move into cash trades one leg", () => {
    const small = [1, 1.0, 1.05, 1.1, 1.0, 0.98, 1.0];
    const large = [1, 1.01, 1.02, 1.03, 1.04, 1.0, 0.99];
    const cash = compoundIndex([0, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01]);
    const positions = momentumPositions(small, large, cash, {window: 2}); // L L S S C C C
    const run = backtest([large, small, cash], positions, {start: 2, end: 6, cost: 100});
    close(run.equity, [1, 1.1 / 1.05, 0.99 / 1.05, (0.99 * 1.01) / 1.05, (0.99 * 1.01 * 1.01) / 1.05]);
    expect(run.switches.map(({index, from, to}) => [index, from, to])).toEqual([[4, SMALL, CASH]]);
    expect(run.daysSmall).toBe(2);
  });
  it("a change of holding at the last close is no switch: it would act after the run", () => {
    const run = backtest(
      [
        [1, 1, 1],
        [1, 2, 4]
      ],
      [LARGE, LARGE, SMALL],
      {start: 0, end: 2, cost: 100}
    );
    expect(run.switches).toEqual([]);
    close(run.equity, [1, 1, 1]);
  });
  it("a one-close run is equity 1 and nothing else", () => {
    const run = backtest(
      [
        [1, 2],
        [1, 3]
      ],
      [SMALL, LARGE],
      {start: 1, end: 1, cost: 5}
    );
    close(run.equity, [1]);
    expect([run.switches, run.daysSmall]).toEqual([[], 0]);
  });
  it("throws on a bad run, a negative cost, a holding with no index, and mismatched lengths", () => {
    expect(() => backtest([[1], [1]], [LARGE], {start: 0, end: 1})).toThrow("invalid run: 0 to 1 of 1 closes");
    expect(() => backtest([[1], [1]], [LARGE], {start: 0, end: 0, cost: -1})).toThrow("invalid cost: -1");
    expect(() =>
      backtest(
        [
          [1, 1],
          [1, 1]
        ],
        [CASH, CASH],
        {start: 0, end: 1}
      )
    ).toThrow("no index for holding 2 at position 0");
    expect(() => backtest([[1, 1], [1]], [LARGE, LARGE], {start: 0, end: 1})).toThrow("length mismatch: 1 vs 2");
  });
});
