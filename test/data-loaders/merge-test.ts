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
type Merged = {series: PriceSeries; warnings: string[]};

describe("mergeIncremental(cached, fresh)", () => {
  it("mergeIncremental(days 1–5, days 4–8) appends the fresh rows after the overlap, without warnings", () => {
    const cached = series(1, 5);
    const fresh = series(4, 5);
    const merged = mergeIncremental(cached, fresh) as Merged;
    expect(merged.warnings).toEqual([]);
    expect(merged.series).toEqual(series(1, 8));
  });

  it("mergeIncremental(cached, fresh) takes the fresh values on the overlap days (Yahoo's current truth)", () => {
    const cached = series(1, 5, {volume: [1, 2, 3, 4, 5]});
    const fresh = series(4, 3, {volume: [40, 50, 60]});
    const merged = mergeIncremental(cached, fresh) as Merged;
    expect(Array.from(merged.series.volume)).toEqual([1, 2, 3, 40, 50, 60]);
  });

  it("mergeIncremental(cached, fresh) with a changed adjClose on the overlap day rescales earlier adjClose by exactly that factor, with a warning", () => {
    const cached = series(1, 5, {adjClose: [90, 91, 92, 93, 94]});
    // A new dividend: Yahoo now quotes every earlier adjusted close 1.5% lower.
    const fresh = series(3, 4, {adjClose: [92 * 0.985, 93 * 0.985, 94 * 0.985, 95]});
    const merged = mergeIncremental(cached, fresh) as Merged;
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
    const merged = mergeIncremental(cached, fresh) as Merged;
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
    expect((mergeIncremental(cached, fresh) as Merged).warnings).toEqual([]);
  });

  it("mergeIncremental(cached, fresh) leaves earlier rows alone when the overlap's adjClose is NaN (no factor to measure)", () => {
    const cached = series(1, 3, {adjClose: [NaN, NaN, NaN]});
    const fresh = series(3, 2, {adjClose: [NaN, NaN]});
    const merged = mergeIncremental(cached, fresh) as Merged;
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
    const merged = mergeIncremental(cached, series(9, 0)) as Merged;
    expect(merged.series).toBe(cached);
    expect(merged.warnings).toEqual([]);
  });

  it("mergeIncremental(cached, fresh) with the overlap on the first cached day replaces everything it covers", () => {
    const fresh = series(1, 6, {adjClose: [90.5, 92, 93, 94, 95, 96]});
    const merged = mergeIncremental(series(1, 3), fresh) as Merged;
    expect(merged.series).toEqual(fresh);
    expect(merged.warnings).toHaveLength(1); // adjClose changed on the overlap day
  });

  it("mergeIncremental(cached, fresh) rejects a factor of 0, −1 or 7.77 that no new dividend or split explains, naming it", () => {
    const cached = series(1, 5);
    const scaled = (k: number) => series(4, 3, {close: [104, 105, 106].map((c) => c * k)});
    expect(mergeIncremental(cached, scaled(0))).toEqual({
      rejected:
        "IJR: the answer's close on 2025-12-04 is 0, 0.000× the cached 104, and no new dividend or split explains 1.000×"
    });
    expect(mergeIncremental(cached, scaled(-1))).toHaveProperty("rejected", expect.stringContaining("-1.000×"));
    expect(mergeIncremental(cached, scaled(7.77))).toHaveProperty("rejected", expect.stringContaining("7.770×"));
    expect(mergeIncremental(cached, scaled(1.06))).toHaveProperty("rejected");
    expect(mergeIncremental(cached, scaled(1.04))).toHaveProperty("series");
  });

  it("mergeIncremental(cached, fresh) accepts a large factor that a new split in the fresh rows explains, and rejects it when the split is already cached", () => {
    const cached = series(1, 4, {close: [200, 202, 204, 206], adjClose: [200, 202, 204, 206]});
    const fresh = series(3, 3, {close: [20.4, 20.6, 20.8], adjClose: [20.4, 20.6, 20.8], split: [1, 10, 1]});
    expect(mergeIncremental(cached, fresh)).toHaveProperty("series");
    const splitCached = {...cached, split: Float64Array.of(1, 1, 1, 10)};
    expect(mergeIncremental(splitCached, fresh)).toHaveProperty("rejected");
  });

  it("mergeIncremental(cached, fresh) accepts an adjClose factor that a new dividend explains (1 − dividend / previous close)", () => {
    const cached = series(1, 4, {close: [100, 100, 100, 100], adjClose: [100, 100, 100, 100]});
    // A 10% special dividend on day 4: earlier adjusted closes fall to 90.
    const fresh = series(2, 3, {close: [100, 100, 90], adjClose: [90, 90, 90], dividend: [0, 0, 10]});
    const merged = mergeIncremental(cached, fresh) as Merged;
    expect(Array.from(merged.series.adjClose)).toEqual([90, 90, 90, 90]);
    expect(mergeIncremental(cached, {...fresh, dividend: new Float64Array(3)})).toHaveProperty("rejected");
  });

  it("mergeIncremental(cached, fresh) keeps the cached days a short answer does not cover", () => {
    const cached = series(1, 8);
    // Days 3–5 only, and day 4 missing (a row the rules rejected): days 4 and 6–8 stay as cached.
    const fresh = structuredClone(series(3, 3));
    const keep = [0, 2];
    for (const c of ["date", "close", "adjClose", "dividend", "split", "volume"] as const)
      fresh[c] = Float64Array.from(keep, (i) => fresh[c][i]);
    const merged = mergeIncremental(cached, fresh) as Merged;
    expect(merged.series).toEqual(cached);
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
