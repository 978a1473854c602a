import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {formatDay, parseDay} from "../../src/lib/dates.js";
import type {Interval} from "../../src/lib/period-ends.js";
import {rotation, rsMomentum, rsRatio} from "../../src/lib/rotation.js";
import {rotationStudy} from "../../src/lib/rotation-study.js";
import {hasSharedPrices, readAdjusted} from "./shared-prices.js";

// Pandas' rolling z-score of the last value of a window, written out: (x − mean) / sample sd.
function z(window: number[]): number {
  const mean = window.reduce((a, b) => a + b, 0) / window.length;
  const sd = Math.sqrt(window.reduce((a, b) => a + (b - mean) ** 2, 0) / (window.length - 1));
  return (window[window.length - 1] - mean) / sd;
}

describe("rsRatio(rs, {window}) and rsMomentum(ratio, {window})", () => {
  it("rsRatio is 100 + the z-score of RS in its window: [1, 2, 4] gives 100 + (4 − 7/3) / sd", () => {
    const out = rsRatio([1, 2, 4], {window: 3});
    expect(Array.from(out.subarray(0, 2))).toEqual([NaN, NaN]);
    expect(out[2]).toBeCloseTo(100 + z([1, 2, 4]), 12);
    expect(out[2]).toBeCloseTo(100 + (4 - 7 / 3) / Math.sqrt(7 / 3), 12);
  });
  it("rsMomentum is 100 + the z-score of the RS-Ratio in its window, NaN until both windows are full", () => {
    const rs = [1, 1.1, 1.05, 1.2, 1.3, 1.25, 1.4];
    const ratio = rsRatio(rs, {window: 3});
    const momentum = rsMomentum(ratio, {window: 2});
    expect(Array.from(momentum.subarray(0, 3))).toEqual([NaN, NaN, NaN]);
    for (let i = 3; i < rs.length; ++i) {
      expect(ratio[i]).toBeCloseTo(100 + z(rs.slice(i - 2, i + 1)), 12);
      expect(momentum[i]).toBeCloseTo(100 + z([ratio[i - 1], ratio[i]]), 12);
    }
  });
  it("is scale-free: RS × 7 gives the same values", () => {
    const rs = [1, 1.1, 1.05, 1.2, 1.3, 1.25, 1.4];
    const a = rsRatio(rs, {window: 4});
    const b = rsRatio(
      rs.map((v) => v * 7),
      {window: 4}
    );
    for (let i = 3; i < rs.length; ++i) expect(b[i]).toBeCloseTo(a[i], 10);
  });
  it("rejects a window below 2 with the value in the message", () => {
    expect(() => rsRatio([1, 2], {window: 1})).toThrow("invalid window: 1");
    expect(() => rsMomentum([1, 2], {window: 2.5})).toThrow("invalid window: 2.5");
  });
});

// Weekdays from Monday 2024-01-01 with the given total-return indexes.
function weekdays(n: number): Float64Array {
  const out: number[] = [];
  for (let t = parseDay("2024-01-01"); out.length < n; t += 86_400_000) {
    const w = new Date(t).getUTCDay();
    if (w !== 0 && w !== 6) out.push(t);
  }
  return Float64Array.from(out);
}

describe("rotation(fund, benchmark, {asOf, interval, ratioWindow, momentumWindow})", () => {
  it("weekly: RS on the last close of each week, up to the as-of close, which ends the week under way", () => {
    const date = weekdays(30); // six weeks, Monday to Friday
    const fund = {date, index: date.map((_, i) => 1 + 0.01 * i + 0.002 * i * i)};
    const bench = {date, index: date.map((_, i) => 1 + 0.005 * i)};
    // As of Wednesday of the sixth week: Fridays of weeks 1-5, then Wednesday.
    const r = rotation(fund, bench, {asOf: date[27], ratioWindow: 3, momentumWindow: 2});
    const picked = [4, 9, 14, 19, 24, 27];
    expect(Array.from(r.date)).toEqual(picked.map((i) => date[i]));
    // RS is rebased at the first point sampled.
    const rs = picked.map((i) => fund.index[i] / fund.index[4] / (bench.index[i] / bench.index[4]));
    for (let k = 0; k < rs.length; ++k) expect(r.rs[k]).toBeCloseTo(rs[k], 12);
    expect(r.ratio[5]).toBeCloseTo(100 + z(rs.slice(3, 6)), 12);
    expect(r.momentum[5]).toBeCloseTo(100 + z([r.ratio[4], r.ratio[5]]), 12);
  });
  it("uses only the closes both funds have (a day missing from the benchmark is skipped)", () => {
    const date = weekdays(10);
    const fund = {date, index: date.map((_, i) => 1 + 0.01 * i)};
    const keep = [0, 1, 2, 3, 5, 6, 7, 8, 9]; // the benchmark lacks position 4, Friday of week 1
    const bench = {date: Float64Array.from(keep, (i) => date[i]), index: Float64Array.from(keep, () => 1)};
    const r = rotation(fund, bench, {interval: "daily", ratioWindow: 2, momentumWindow: 2});
    expect(Array.from(r.date)).toEqual(keep.map((i) => date[i]));
    const weekly = rotation(fund, bench, {ratioWindow: 2, momentumWindow: 2});
    expect(Array.from(weekly.date, formatDay)).toEqual([formatDay(date[3]), formatDay(date[9])]);
  });
});

// A fund whose relative strength swings in a sine wave against a flat benchmark.
function swinging(n: number, period: number, phase: number) {
  const date = weekdays(n);
  return {
    fund: {date, index: date.map((_, i) => 1 + 0.1 * Math.sin((2 * Math.PI * i) / period + phase))},
    bench: {date, index: date.map(() => 1)}
  };
}

// A fund against a flat benchmark: its relative strength is 1 + path(i), with a small wiggle so no window is flat.
function against(path: (i: number) => number, n = 200) {
  const date = weekdays(n);
  const fund = {date, index: date.map((_, i) => (1 + 0.001 * Math.sin(i)) * (1 + path(i)))};
  return new Map([
    ["F", fund],
    ["B", {date, index: date.map(() => 1)}]
  ]);
}

describe("quadrants on constructed series (rotationStudy, daily, windows 20 and 10)", () => {
  const options = {interval: "daily" as Interval, ratioWindow: 20, momentumWindow: 10};
  const end = (path: (i: number) => number) => rotationStudy(against(path), ["F"], "B", options)[0];
  it("a fund that started to outrun the benchmark 6 days ago, faster each day, ends Leading", () => {
    const row = end((i) => 0.0005 * Math.max(0, i - 194) ** 2);
    expect([row.run?.quadrant, row.ratio > 100, row.momentum > 100]).toEqual(["Leading", true, true]);
  });
  it("one that fell behind the same way ends Lagging", () => {
    const row = end((i) => -0.0005 * Math.max(0, i - 194) ** 2);
    expect([row.run?.quadrant, row.ratio < 100, row.momentum < 100]).toEqual(["Lagging", true, true]);
  });
  it("one that gained on the benchmark, then stopped gaining, ends Weakening (still ahead of its trend, losing pace)", () => {
    const row = end((i) => 0.002 * Math.min(Math.max(i - 160, 0), 28));
    expect([row.run?.quadrant, row.ratio > 100, row.momentum < 100]).toEqual(["Weakening", true, true]);
  });
  it("one that lost ground, then stopped losing, ends Improving", () => {
    const row = end((i) => -0.002 * Math.min(Math.max(i - 160, 0), 28));
    expect([row.run?.quadrant, row.ratio < 100, row.momentum > 100]).toEqual(["Improving", true, true]);
  });
  it("a swing in relative strength rotates clockwise: Leading → Weakening → Lagging → Improving → Leading", () => {
    const prices = against((i) => 0.1 * Math.sin((2 * Math.PI * i) / 80), 400);
    const {ratio, momentum} = rotation(prices.get("F")!, prices.get("B")!, options);
    const seen: string[] = [];
    for (let i = 0; i < ratio.length; ++i) {
      if (!(momentum[i] === momentum[i])) continue;
      const q = ratio[i] >= 100 ? (momentum[i] >= 100 ? "L" : "W") : momentum[i] >= 100 ? "I" : "G";
      if (seen.at(-1) !== q) seen.push(q);
    }
    // Every change of quadrant is one step clockwise (L → W → G → I → L), four cycles in 400 days.
    const next: Record<string, string> = {L: "W", W: "G", G: "I", I: "L"};
    for (let k = 1; k < seen.length; ++k) expect(seen[k]).toBe(next[seen[k - 1]]);
    expect(seen.length).toBeGreaterThanOrEqual(16);
  });
  it("counts the periods since the fund entered its quadrant, and gives the close it entered at", () => {
    const row = end((i) => 0.002 * Math.min(Math.max(i - 160, 0), 28));
    const {ratio, momentum, date} = row.series;
    const start = row.run!.start;
    const weakening = (i: number) => ratio[i] >= 100 && momentum[i] < 100;
    expect(weakening(start - 1)).toBe(false);
    for (let i = start; i < ratio.length; ++i) expect(weakening(i)).toBe(true);
    expect(row.run!.periods).toBe(ratio.length - 1 - start);
    expect(row.entered).toBe(date[start]);
  });
});

describe("rotationStudy(prices, tickers, benchmark, {tail})", () => {
  const prices = against((i) => 0.1 * Math.sin((2 * Math.PI * i) / 80));
  const fund = prices.get("F")!;
  it("gives the last `tail` points with values, ending at the as-of close", () => {
    const [row] = rotationStudy(prices, ["F"], "B", {interval: "daily", ratioWindow: 20, momentumWindow: 10, tail: 5});
    expect(row.tail).toEqual([195, 196, 197, 198, 199]);
    expect(row.close).toBe(fund.date[199]);
    expect(row.ratio).toBe(row.series.ratio[199]);
    expect(row.note).toBeNull();
  });
  it("a fund without prices, the benchmark itself, and one with too little history get a note, not an error", () => {
    const rows = rotationStudy(prices, ["ZZZ", "B", "F"], "B", {asOf: fund.date[20], interval: "daily"});
    expect(rows.map((r) => r.note)).toEqual([
      "no prices loaded",
      "the benchmark itself",
      "not enough history: needs 38 daily closes in common with B up to the as-of day, has 21"
    ]);
    expect(rows.every((r) => Number.isNaN(r.ratio) && r.tail.length === 0 && r.run === null)).toBe(true);
  });
  it("rejects a tail below 1", () => {
    expect(() => rotationStudy(prices, ["F"], "B", {tail: 0})).toThrow("invalid tail: 0");
  });
});

type ReferenceCase = {
  tickers: string[];
  benchmark: string;
  asOf: string;
  interval: Interval;
  ratioWindow: number;
  momentumWindow: number;
  funds: Record<
    string,
    {dates: string[]; ratio: number[]; momentum: number[]; quadrant: string; periods: number; entered: string}
  >;
};
const reference: ReferenceCase[] = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../reference/rotation-reference.json"), "utf8")
);

describe.skipIf(!hasSharedPrices)(
  "rotation on the shared real prices against pandas (test/reference/rotation-reference.py)",
  () => {
    for (const c of reference) {
      it(`${c.interval} ${c.tickers.join(", ")} against ${c.benchmark} as of ${c.asOf}, windows ${c.ratioWindow} and ${c.momentumWindow}`, () => {
        const load = (t: string) => {
          const {dates, index} = readAdjusted(t);
          return {date: dates, index};
        };
        const prices = new Map([...c.tickers, c.benchmark].map((t) => [t, load(t)]));
        const rows = rotationStudy(prices, c.tickers, c.benchmark, {
          asOf: parseDay(c.asOf),
          interval: c.interval,
          ratioWindow: c.ratioWindow,
          momentumWindow: c.momentumWindow
        });
        for (const row of rows) {
          const ref = c.funds[row.ticker];
          const k = ref.dates.length;
          const {date, ratio, momentum} = row.series;
          expect(Array.from(date.subarray(-k), formatDay)).toEqual(ref.dates);
          ref.ratio.forEach((v, j) => expect(ratio[date.length - k + j]).toBeCloseTo(v, 9));
          ref.momentum.forEach((v, j) => expect(momentum[date.length - k + j]).toBeCloseTo(v, 9));
          expect([row.run?.quadrant, row.run?.periods, formatDay(row.entered)]).toEqual([
            ref.quadrant,
            ref.periods,
            ref.entered
          ]);
        }
      });
    }
  }
);
