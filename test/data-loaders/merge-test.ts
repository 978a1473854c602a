import {describe, expect, it} from "vitest";
import {mergeIncremental} from "../../data-loaders/merge.js";
import type {PriceSeries} from "../../data-loaders/types.js";
import {parseDay} from "../../src/lib/dates.js";

type Columns = Partial<Record<"close" | "adjClose" | "dividend" | "split" | "volume", number[]>>;

/** A series on consecutive December 2025 days starting at `firstDay`, with defaults for the columns not given. */
function series(firstDay: number, n: number, columns: Columns = {}, ticker = "IJR"): PriceSeries {
  const day = (i: number) => parseDay(`2025-12-${String(firstDay + i).padStart(2, "0")}`);
  const col = (name: keyof Columns, fill: (i: number) => number) =>
    Float64Array.from(columns[name] ?? Array.from({length: n}, (_, i) => fill(i)));
  return {
    ticker,
    date: Float64Array.from({length: n}, (_, i) => day(i)),
    close: col("close", (i) => 100 + firstDay + i),
    adjClose: col("adjClose", (i) => 90 + firstDay + i),
    dividend: col("dividend", () => 0),
    split: col("split", () => 1),
    volume: col("volume", (i) => 1000 * (firstDay + i))
  };
}

const copy = (s: PriceSeries): PriceSeries => structuredClone(s);

describe("mergeIncremental(cached, fresh)", () => {
  it("mergeIncremental(days 1–5, days 4–8) appends the fresh rows after the overlap, without warnings", () => {
    const cached = series(1, 5);
    const fresh = series(4, 5);
    const merged = mergeIncremental(cached, fresh)!;
    expect(merged.warnings).toEqual([]);
    expect(merged.series).toEqual(series(1, 8));
  });

  it("mergeIncremental(cached, fresh) takes the fresh values on the overlap days (Yahoo's current truth)", () => {
    const cached = series(1, 5, {volume: [1, 2, 3, 4, 5]});
    const fresh = series(4, 3, {volume: [40, 50, 60]});
    const merged = mergeIncremental(cached, fresh)!;
    expect(Array.from(merged.series.volume)).toEqual([1, 2, 3, 40, 50, 60]);
  });

  it("mergeIncremental(cached, fresh) with a changed adjClose on the overlap day rescales earlier adjClose by exactly that factor, with a warning", () => {
    const cached = series(1, 5, {adjClose: [90, 91, 92, 93, 94]});
    // A new dividend: Yahoo now quotes every earlier adjusted close 1.5% lower.
    const fresh = series(3, 4, {adjClose: [92 * 0.985, 93 * 0.985, 94 * 0.985, 95]});
    const merged = mergeIncremental(cached, fresh)!;
    const factor = fresh.adjClose[0] / cached.adjClose[2];
    expect(factor).toBeCloseTo(0.985, 12);
    expect(Array.from(merged.series.adjClose)).toEqual([90 * factor, 91 * factor, ...fresh.adjClose]);
    expect(Array.from(merged.series.close)).toEqual([101, 102, 103, 104, 105, 106]); // close untouched
    expect(merged.warnings).toEqual(["IJR: adjClose before 2025-12-03 rescaled by 0.985000 (a new dividend or split)"]);
  });

  it("mergeIncremental(cached, fresh) after a 2-for-1 split rescales earlier close and dividends by 1/2 and warns for both prices", () => {
    const cached = series(1, 4, {
      close: [200, 202, 204, 206],
      adjClose: [190, 192, 194, 196],
      dividend: [0, 1.2, 0, 0]
    });
    const fresh = series(3, 3, {close: [102, 103, 104], adjClose: [97, 98, 99], split: [1, 2, 1]});
    const merged = mergeIncremental(cached, fresh)!;
    expect(Array.from(merged.series.close)).toEqual([100, 101, 102, 103, 104]);
    expect(Array.from(merged.series.adjClose)).toEqual([95, 96, 97, 98, 99]);
    expect(Array.from(merged.series.dividend)).toEqual([0, 0.6, 0, 0, 0]);
    expect(Array.from(merged.series.split)).toEqual([1, 1, 1, 2, 1]);
    expect(merged.warnings).toEqual([
      "IJR: close before 2025-12-03 rescaled by 0.500000 (a new dividend or split)",
      "IJR: adjClose before 2025-12-03 rescaled by 0.500000 (a new dividend or split)"
    ]);
  });

  it("mergeIncremental(cached, fresh) ignores float noise below 1e-6 in the warning", () => {
    const cached = series(1, 3, {adjClose: [90, 91, 92]});
    const fresh = series(3, 2, {adjClose: [92 * (1 + 1e-9), 93]});
    expect(mergeIncremental(cached, fresh)!.warnings).toEqual([]);
  });

  it("mergeIncremental(cached, fresh) leaves earlier rows alone when the overlap's adjClose is NaN (no factor to measure)", () => {
    const cached = series(1, 3, {adjClose: [NaN, NaN, NaN]});
    const fresh = series(3, 2, {adjClose: [NaN, NaN]});
    const merged = mergeIncremental(cached, fresh)!;
    expect(merged.warnings).toEqual([]);
    expect(Array.from(merged.series.close)).toEqual([101, 102, 103, 104]);
    expect(merged.series.adjClose.every(Number.isNaN)).toBe(true);
  });

  it("mergeIncremental(cached, fresh) is null when the fresh first day is not a cached day", () => {
    expect(mergeIncremental(series(1, 5), series(7, 3))).toBeNull(); // a gap after the cached end
    expect(mergeIncremental(series(5, 5), series(1, 3))).toBeNull(); // fresh starts before the cache
  });

  it("mergeIncremental(empty cached, fresh) is null", () => {
    expect(mergeIncremental(series(1, 0), series(1, 3))).toBeNull();
  });

  it("mergeIncremental(cached, empty fresh) returns the cached series unchanged", () => {
    const cached = series(1, 5);
    const merged = mergeIncremental(cached, series(9, 0))!;
    expect(merged.series).toBe(cached);
    expect(merged.warnings).toEqual([]);
  });

  it("mergeIncremental(cached, fresh) with the overlap on the first cached day replaces everything", () => {
    const fresh = series(1, 6, {adjClose: [1, 2, 3, 4, 5, 6]});
    const merged = mergeIncremental(series(1, 3), fresh)!;
    expect(merged.series).toEqual(fresh);
    expect(merged.warnings).toHaveLength(1); // adjClose changed on the overlap day
  });

  it("mergeIncremental(cached, fresh) does not mutate its inputs", () => {
    const cached = series(1, 4, {close: [200, 202, 204, 206]});
    const fresh = series(3, 3, {close: [102, 103, 104]});
    const [c0, f0] = [copy(cached), copy(fresh)];
    mergeIncremental(cached, fresh);
    expect(cached).toEqual(c0);
    expect(fresh).toEqual(f0);
  });
});
