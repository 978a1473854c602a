import {describe, expect, it} from "vitest";
import {implausibleJumps, priceProblem, screenOutcome, screenSeries} from "../../data-loaders/price-rules.js";
import type {PriceSeries} from "../../data-loaders/types.js";
import {formatDay, parseDay} from "../../src/lib/dates.js";

/** A series on consecutive January 2024 days with the given closes (adjusted close absent unless given). */
function series(close: number[], {adjClose, split}: {adjClose?: number[]; split?: number[]} = {}): PriceSeries {
  const n = close.length;
  return {
    ticker: "X",
    date: Float64Array.from({length: n}, (_, i) => parseDay(`2024-01-${String(i + 2).padStart(2, "0")}`)),
    close: Float64Array.from(close),
    adjClose: Float64Array.from(adjClose ?? close.map(() => NaN)),
    dividend: new Float64Array(n),
    split: Float64Array.from(split ?? close.map(() => 1)),
    volume: new Float64Array(n)
  };
}

describe("priceProblem(close, adjClose)", () => {
  it("accepts a positive close with a positive or missing adjusted close", () => {
    expect(priceProblem(10, 9)).toBeNull();
    expect(priceProblem(10, NaN)).toBeNull();
  });

  it("names a missing, non-finite or non-positive close or adjusted close", () => {
    expect(priceProblem(NaN, 1)).toBe("missing close");
    expect(priceProblem(Infinity, 1)).toBe("non-finite close Infinity");
    expect(priceProblem(0, 1)).toBe("non-positive close 0");
    expect(priceProblem(-2, 1)).toBe("non-positive close -2");
    expect(priceProblem(1, -Infinity)).toBe("non-finite adjusted close -Infinity");
    expect(priceProblem(1, 0)).toBe("non-positive adjusted close 0");
  });
});

describe("implausibleJumps(series)", () => {
  const indices = (s: PriceSeries) => implausibleJumps(s).map((r) => r.index);

  it("flags a ×1000 spike and a /100 dip but not a crash-sized move", () => {
    expect(indices(series([100, 100000, 101, 0.9, 102, 70]))).toEqual([1, 3]);
  });

  it("flags a bad first row without condemning the rows after it", () => {
    const s = series([100000, 100, 101, 102]);
    expect(indices(s)).toEqual([0]);
    expect(implausibleJumps(s)[0].reason).toBe(
      "close 100000 is 1000× the close 100 of 2024-01-03 with no split between"
    );
  });

  it("keeps a level change that a split on its day explains, and only on its day", () => {
    expect(indices(series([100, 100, 5, 5], {split: [1, 1, 1 / 20, 1]}))).toEqual([]);
    expect(indices(series([100, 100, 5, 5], {split: [1, 1 / 20, 1, 1]}))).toEqual([2, 3]);
  });

  it("checks the adjusted close too", () => {
    expect(indices(series([100, 101, 102], {adjClose: [99, 0.05, 101]}))).toEqual([1]);
  });
});

describe("screenSeries(series) and screenOutcome(outcome)", () => {
  it("drops rows failing either rule, reporting input indices in order", () => {
    const {series: kept, rejected} = screenSeries(series([100, 0, 100000, 101, NaN]));
    expect(Array.from(kept.close)).toEqual([100, 101]);
    expect(rejected.map((r) => [r.index, r.reason.split(" is ")[0]])).toEqual([
      [1, "non-positive close 0"],
      [2, "close 100000"],
      [4, "missing close"]
    ]);
  });

  it("screenOutcome adds a warning per rejected row and leaves a clean outcome as it was", () => {
    const clean = {ticker: "X", ok: true as const, series: series([1, 2]), warnings: []};
    expect(screenOutcome(clean)).toBe(clean);
    const out = screenOutcome({...clean, series: series([1, -1, 2])});
    expect(out.ok && Array.from(out.series.date, formatDay)).toEqual(["2024-01-02", "2024-01-04"]);
    expect(out.warnings).toEqual(["X: 2024-01-03: non-positive close -1; row rejected"]);
  });
});
