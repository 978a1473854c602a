import {openSource} from "../../data-loaders/source.js";
import {testSettings} from "./settings-fixture.js";
import {describe, it, expect} from "vitest";
import {adjustedClose, DEFAULT_SEED, generateSample, sample, tradingDays} from "../../data-loaders/sources/sample.js";
import {formatDay, parseDay} from "../../src/lib/dates.js";
import {DEFAULT_UNIVERSE, fundInfo, type SizeBucket} from "../../src/lib/universe.js";
import type {PriceSeries} from "../../data-loaders/types.js";

const TICKERS = DEFAULT_UNIVERSE.map((f) => f.ticker);
const FULL = generateSample(TICKERS, {start: "2000-01-01", end: "2026-02-03"});
const get = (all: PriceSeries[], ticker: string) => all.find((s) => s.ticker === ticker)!;
const SPY = get(FULL, "SPY");

function logReturns(a: Float64Array): number[] {
  return Array.from(a.subarray(1), (x, i) => Math.log(x / a[i]));
}
function mean(x: number[]): number {
  return x.reduce((s, v) => s + v, 0) / x.length;
}
function std(x: number[]): number {
  const m = mean(x);
  return Math.sqrt(mean(x.map((v) => (v - m) ** 2)));
}
function correlation(x: number[], y: number[]): number {
  const [mx, my] = [mean(x), mean(y)];
  return mean(x.map((v, i) => (v - mx) * (y[i] - my))) / (std(x) * std(y));
}
function at(s: PriceSeries, day: string): number {
  const i = s.date.indexOf(parseDay(day));
  if (i < 0) throw new Error(`${day} is not in the sample`);
  return i;
}
function totalReturn(s: PriceSeries, from: string, to: string): number {
  return s.adjClose[at(s, to)] / s.adjClose[at(s, from)] - 1;
}
function maxDrawdown(s: PriceSeries, from: string, to: string): number {
  let [peak, worst] = [0, 0];
  for (let i = at(s, from); i <= at(s, to); ++i) {
    peak = Math.max(peak, s.adjClose[i]);
    worst = Math.min(worst, s.adjClose[i] / peak - 1);
  }
  return worst;
}

describe("generateSample(tickers, {start, end, seed})", () => {
  it("is deterministic: the same seed gives identical arrays, another seed different ones", () => {
    const again = generateSample(TICKERS, {start: "2000-01-01", end: "2026-02-03", seed: DEFAULT_SEED});
    expect(again).toEqual(FULL);
    const other = generateSample(["SPY"], {start: "2000-01-01", end: "2026-02-03", seed: 7});
    expect(other[0].date).toEqual(SPY.date);
    expect(other[0].close).not.toEqual(SPY.close);
  });

  it("is prefix-stable: the path to a date does not depend on end", () => {
    const longer = generateSample(TICKERS, {start: "2000-01-01", end: "2027-06-30"});
    const shorter = generateSample(TICKERS, {start: "2000-01-01", end: "2010-12-31"});
    for (const [k, s] of FULL.entries()) {
      const n = s.date.length;
      const l = longer[k];
      expect(l.date.length).toBeGreaterThan(n);
      for (const field of ["date", "close", "dividend", "split", "volume"] as const) {
        expect(l[field].subarray(0, n)).toEqual(s[field]);
        expect(shorter[k][field]).toEqual(s[field].subarray(0, shorter[k].date.length));
      }
      // adjClose is back-adjusted from the last day, so only its ratios carry over.
      const ratio = l.adjClose[n - 1] / s.adjClose[n - 1];
      for (let i = 0; i < n; i += 97) expect(l.adjClose[i] / s.adjClose[i]).toBeCloseTo(ratio, 12);
    }
  });

  it("gives a ticker the same path whichever other tickers are asked for", () => {
    const [ijr] = generateSample(["IJR"], {start: "2000-01-01", end: "2026-02-03"});
    expect(ijr).toEqual(get(FULL, "IJR"));
  });

  it("has annualised vols micro ~26%, small ~22%, mid ~19%, large ~16% (±5 points)", () => {
    const target: Partial<Record<SizeBucket, number>> = {
      micro: 0.26,
      small: 0.22,
      mid: 0.19,
      large: 0.16,
      market: 0.16
    };
    for (const s of FULL) {
      const vol = std(logReturns(s.adjClose)) * Math.sqrt(252);
      const want = target[fundInfo(s.ticker).size]!;
      expect(Math.abs(vol - want), `${s.ticker} vol ${vol}`).toBeLessThanOrEqual(0.05);
    }
  });

  it("correlates with SPY at 0.78–0.99, IVV and IWB above 0.998", () => {
    const spy = logReturns(SPY.adjClose);
    for (const s of FULL) {
      if (s.ticker === "SPY") continue;
      const rho = correlation(logReturns(s.adjClose), spy);
      if (s.ticker === "IVV" || s.ticker === "IWB") expect(rho, s.ticker).toBeGreaterThan(0.998);
      else expect(rho, `${s.ticker} ${rho}`).toSatisfy((r: number) => r >= 0.78 && r <= 0.99);
    }
  });

  it("has fat-tailed market days (excess kurtosis of SPY's returns above 2)", () => {
    const r = logReturns(SPY.adjClose);
    const [m, sd] = [mean(r), std(r)];
    expect(mean(r.map((v) => ((v - m) / sd) ** 4)) - 3).toBeGreaterThan(2);
  });

  it("makes adjClose the close with dividends reinvested (within 1e-9) and adjClose[last] = close[last]", () => {
    for (const s of FULL) {
      const n = s.close.length;
      expect(s.adjClose[n - 1]).toBe(s.close[n - 1]);
      let growth = 1;
      let worst = 0;
      for (let i = 1; i < n; ++i) {
        const r = (s.close[i] + s.dividend[i]) / s.close[i - 1];
        growth *= r;
        worst = Math.max(worst, Math.abs(s.adjClose[i] / s.adjClose[i - 1] / r - 1));
      }
      expect(worst, s.ticker).toBeLessThan(1e-9);
      expect(Math.abs(growth / (s.adjClose[n - 1] / s.adjClose[0]) - 1)).toBeLessThan(1e-9);
    }
  });

  it("has positive prices, split 1, positive whole volumes", () => {
    for (const s of FULL) {
      expect(s.close.every((x) => x > 0) && s.adjClose.every((x) => x > 0), s.ticker).toBe(true);
      expect(s.split.every((x) => x === 1)).toBe(true);
      expect(s.volume.every((x) => x > 0 && Number.isInteger(x))).toBe(true);
    }
  });

  it("pays quarterly dividends in Mar/Jun/Sep/Dec at 1.2–2% a year", () => {
    for (const s of FULL) {
      const exDays = Array.from(s.date).filter((_, i) => s.dividend[i] > 0);
      expect(new Set(exDays.map((t) => new Date(t).getUTCMonth() + 1))).toEqual(new Set([3, 6, 9, 12]));
      expect(exDays.filter((t) => formatDay(t).startsWith("2025"))).toHaveLength(4);
      let yieldSum = 0;
      for (let i = at(s, "2025-01-02"); i <= at(s, "2025-12-31"); ++i) yieldSum += s.dividend[i] / s.close[i - 1];
      expect(yieldSum, s.ticker).toSatisfy((y: number) => y >= 0.0119 && y <= 0.0201);
    }
  });

  it("dates strictly increasing weekdays from 2000-01-03, without 1 Jan, 4 Jul, 25 Dec", () => {
    const d = SPY.date;
    expect(formatDay(d[0])).toBe("2000-01-03");
    expect(formatDay(d[d.length - 1])).toBe("2026-02-03");
    const bad = Array.from(d, formatDay).filter(
      (day, i) =>
        new Date(d[i]).getUTCDay() % 6 === 0 ||
        ["01-01", "07-04", "12-25"].includes(day.slice(5)) ||
        (i > 0 && d[i] <= d[i - 1])
    );
    expect(bad).toEqual([]);
    expect(FULL.every((s) => s.date.length === d.length)).toBe(true);
  });

  it("prices SPY near 600–700 and IJR near 100–130 in 2026", () => {
    expect(SPY.close[SPY.close.length - 1]).toSatisfy((x: number) => x >= 600 && x <= 720);
    const ijr = get(FULL, "IJR");
    expect(ijr.close[ijr.close.length - 1]).toSatisfy((x: number) => x >= 100 && x <= 130);
  });

  it("has a 2008-like crash (about -50% over ~17 months) and a 2020-like one (about -35% in 5 weeks)", () => {
    expect(maxDrawdown(SPY, "2007-01-03", "2009-12-31")).toSatisfy((x: number) => x > -0.6 && x < -0.42);
    expect(maxDrawdown(SPY, "2020-01-02", "2020-06-30")).toSatisfy((x: number) => x > -0.45 && x < -0.28);
    expect(totalReturn(SPY, "2020-03-23", "2020-08-18")).toBeGreaterThan(0.3);
  });

  it("has a small-cap false dawn in late 2024 given back by January, and small caps leading in January 2026", () => {
    const [ijr, ivv] = [get(FULL, "IJR"), get(FULL, "IVV")];
    const lead = (from: string, to: string) => totalReturn(ijr, from, to) - totalReturn(ivv, from, to);
    expect(lead("2024-09-10", "2024-11-11")).toSatisfy((x: number) => x > 0.04 && x < 0.14);
    expect(lead("2024-09-10", "2025-01-10")).toBeLessThan(0.03);
    expect(lead("2025-12-31", "2026-01-30")).toBeGreaterThan(0.02);
  });

  it("clips to [start, end] and maps any other ticker by its size and style", () => {
    const [spy, other] = generateSample(["SPY", "zzzz"], {start: "2024-01-06", end: "2024-01-12"});
    expect(Array.from(spy.date, formatDay)).toEqual([
      "2024-01-08",
      "2024-01-09",
      "2024-01-10",
      "2024-01-11",
      "2024-01-12"
    ]);
    expect(other.ticker).toBe("zzzz");
    expect(other.close.every((x) => x > 0)).toBe(true);
    expect(spy.close).toEqual(SPY.close.slice(at(SPY, "2024-01-08"), at(SPY, "2024-01-12") + 1));
  });

  it("returns empty series before 2000 and rejects bad options", () => {
    const [s] = generateSample(["SPY"], {start: "1990-01-01", end: "1999-12-31"});
    expect(s.date.length).toBe(0);
    expect(() => generateSample(["SPY"], {start: "2024-02-30", end: "2024-03-01"})).toThrow(
      "invalid start: 2024-02-30"
    );
    expect(() => generateSample(["SPY"], {start: "2024-01-01", end: "soon"})).toThrow("invalid end: soon");
    expect(() => generateSample(["SPY"], {start: "2024-01-01", end: "2024-02-01", seed: 1.5})).toThrow(
      "invalid seed: 1.5"
    );
  });
});

describe("tradingDays(last)", () => {
  it("skips weekends and 1 Jan, 4 Jul, 25 Dec", () => {
    const days = Array.from(tradingDays(parseDay("2000-01-10")), formatDay);
    expect(days).toEqual(["2000-01-03", "2000-01-04", "2000-01-05", "2000-01-06", "2000-01-07", "2000-01-10"]);
    const july = Array.from(tradingDays(parseDay("2001-07-06")), formatDay).slice(-4);
    expect(july).toEqual(["2001-07-02", "2001-07-03", "2001-07-05", "2001-07-06"]);
  });
});

describe("adjustedClose(close, dividend)", () => {
  it("back-adjusts so the ratio on an ex-day is (close + dividend) / previous close", () => {
    const adj = adjustedClose(Float64Array.of(10, 9, 9.9), Float64Array.of(0, 1, 0));
    expect(adj[2]).toBe(9.9);
    expect(adj[1]).toBe(9);
    expect(adj[0]).toBeCloseTo(9, 12); // 10 × 9 / (9 + 1): the 1 paid was worth 10% of the day's total value
    expect(adjustedClose(new Float64Array(0), new Float64Array(0))).toEqual(new Float64Array(0));
  });
});

/** The sample source as the spine runs it. */
const sampleSource = () => openSource(sample, testSettings({cacheDir: "/nonexistent", source: "sample"}));

describe("sampleSource({seed})", () => {
  it("labels every outcome synthetic and returns the generated series", async () => {
    const events: string[] = [];
    const source = sampleSource();
    expect(source.name).toBe("sample");
    const outcomes = await source.fetch(["IJR", "SPY"], {
      start: "2025-01-01",
      end: "2026-02-03",
      onProgress: (e) => events.push(`${e.ticker}:${e.phase}`)
    });
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    expect(outcomes[0].warnings).toEqual(["IJR: synthetic sample data (seed 6), not real prices"]);
    const spy = outcomes[1].ok ? outcomes[1].series : undefined;
    expect(spy?.close).toEqual(SPY.close.slice(at(SPY, "2025-01-02")));
    expect(events).toEqual(["IJR:start", "SPY:start", "IJR:done", "SPY:done"]);
  });

  it("gives an error outcome when the range has no sample days", async () => {
    const [o] = await sampleSource().fetch(["SPY"], {start: "1995-01-01", end: "1996-01-01"});
    expect(!o.ok && o.error).toBe("SPY: the sample has no days from 1995-01-01 to 1996-01-01");
  });
});

describe("generateSample(tickers, {funds})", () => {
  it("gives a declared fund the exposures of its declared size: ZZQ declared micro moves unlike ZZQ as 'other'", () => {
    const range = {start: "2020-01-01", end: "2020-12-31"};
    const [other] = generateSample(["ZZQ"], range);
    const [micro] = generateSample(["ZZQ"], {
      ...range,
      funds: [{ticker: "ZZQ", name: "Zed", size: "micro", style: "value"}]
    });
    expect(micro.date).toEqual(other.date);
    expect(micro.close).not.toEqual(other.close);
  });
});
