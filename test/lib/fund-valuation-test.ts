import {describe, expect, it} from "vitest";
import {
  isStale,
  median,
  medianComparison,
  medianHistory,
  sizeMedians,
  sortBySize,
  type FundValuation
} from "../../src/lib/fund-valuation.js";
import {fundLookup} from "../../src/lib/universe.js";

const row = (ticker: string, pe: number | null, rest: Partial<FundValuation> = {}): FundValuation => ({
  ticker,
  pe,
  pb: null,
  ps: null,
  pcf: null,
  ...rest
});

// Sizes from src/lib/universe.ts: IWC micro; IJS, IJR, IWM small; IJH mid; IVE, IVV, IWB large; SPY market.
const ROWS = [
  row("SPY", 24),
  row("IVV", 25),
  row("IJH", 18),
  row("IWC", 14),
  row("IJR", 16),
  row("IVE", 20),
  row("IWM", null),
  row("IJS", 12.5),
  row("IWB", 26)
];

describe("median(values)", () => {
  it("median([3, 1, 2]) is 2; [4, 1, 3, 2] is 2.5; nulls and NaN are skipped; empty is NaN", () => {
    // R: median(c(3, 1, 2)) == 2, median(c(4, 1, 3, 2)) == 2.5
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null, 5, NaN, 7])).toBe(6);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
    expect(median([null])).toBeNaN();
  });
});

describe("sortBySize(rows)", () => {
  it("puts micro, then small, mid, large and market funds, keeping the input order within a size, without touching the input", () => {
    const copy = [...ROWS];
    expect(sortBySize(ROWS).map((r) => r.ticker)).toEqual([
      "IWC",
      "IJR",
      "IWM",
      "IJS",
      "IJH",
      "IVV",
      "IVE",
      "IWB",
      "SPY"
    ]);
    expect(ROWS).toEqual(copy);
  });
  it("puts unknown tickers last", () => {
    expect(sortBySize([row("ZZZ", 1), row("IVV", 1), row("IWC", 1)]).map((r) => r.ticker)).toEqual([
      "IWC",
      "IVV",
      "ZZZ"
    ]);
  });
});

describe("sizeMedians(rows, {metric})", () => {
  it("takes the small side (micro, small) against the large side (large, market), skipping null P/E and mid caps", () => {
    // Small side IWC 14, IJR 16, IJS 12.5 (IWM has none): median 14. Large side SPY 24, IVV 25, IVE 20, IWB 26: median 24.5.
    expect(sizeMedians(ROWS)).toEqual({small: 14, large: 24.5, smallCount: 3, largeCount: 4});
  });
  it("takes a declared fund's size from the universe it is given", () => {
    const fund = fundLookup([{ticker: "ZZQ", name: "Declared small value", size: "small", style: "value"}]);
    const rows = [row("ZZQ", 11), row("IVV", 25)];
    expect(sizeMedians(rows)).toEqual({small: NaN, large: 25, smallCount: 0, largeCount: 1});
    expect(sizeMedians(rows, {fund})).toEqual({small: 11, large: 25, smallCount: 1, largeCount: 1});
  });
  it("works on another multiple", () => {
    const rows = [row("IJR", 15, {pb: 1.8}), row("IWC", 14, {pb: 1.4}), row("IVV", 25, {pb: 4.6})];
    expect(sizeMedians(rows, {metric: "pb"})).toEqual({small: 1.6, large: 4.6, smallCount: 2, largeCount: 1});
  });
});

describe("medianComparison(rows)", () => {
  it("writes the sentence with one decimal and the count on each side", () => {
    expect(medianComparison(ROWS)).toBe(
      "Small-cap funds' holdings trade at a median 14.0× earnings against 24.5× for large-cap funds (3 funds against 4 funds)."
    );
    expect(medianComparison([row("IJR", 15.24), row("IVV", 24.75), row("IVE", 24.85)])).toBe(
      "Small-cap funds' holdings trade at a median 15.2× earnings against 24.8× for large-cap funds (1 fund against 2 funds)."
    );
  });
  it("is null when a side has no P/E", () => {
    expect(medianComparison([row("IJR", 15), row("IVV", null)])).toBeNull();
    expect(medianComparison([row("SPY", 24), row("IJH", 18)])).toBeNull();
    expect(medianComparison([])).toBeNull();
  });
});

describe("isStale(fetchedAt, now, {days})", () => {
  const now = Date.UTC(2026, 4, 20, 12);
  it("is true only past 7 days (or the given days)", () => {
    expect(isStale("2026-05-13T12:00:00.000Z", now)).toBe(false);
    expect(isStale("2026-05-13T11:59:59.000Z", now)).toBe(true);
    expect(isStale("2026-05-19T00:00:00.000Z", now, {days: 1})).toBe(true);
  });
  it("rejects a date it cannot read", () => {
    expect(() => isStale("yesterday", now)).toThrow("invalid fetchedAt: yesterday");
  });
});

describe("medianHistory(history, {metric, fund})", () => {
  // Two recorded days: small side IWC, IJR, IJS; large side IVV, SPY; IJH (mid) left out.
  const day = (date: string, pes: Record<string, number | null>) =>
    Object.entries(pes).map(([ticker, pe]) => ({...row(ticker, pe), date, fetchedAt: `${date}T12:00:00.000Z`}));
  const HISTORY = [
    ...day("2026-05-20", {IWC: 14, IJR: 16, IJS: 12, IJH: 18, IVV: 25, SPY: 24}),
    ...day("2026-06-03", {IWC: 15, IJR: 17, IJS: null, IJH: 19, IVV: 26, SPY: 27})
  ];

  it("gives each day's small and large medians, oldest first, by hand: (14, 16, 12) → 14, (24, 25) → 24.5; (15, 17) → 16, (26, 27) → 26.5", () => {
    expect(medianHistory([...HISTORY].reverse())).toEqual([
      {date: "2026-05-20", small: 14, large: 24.5, smallCount: 3, largeCount: 2},
      {date: "2026-06-03", small: 16, large: 26.5, smallCount: 2, largeCount: 2}
    ]);
  });

  it("a day without one side has NaN there; no history is no days", () => {
    const [only] = medianHistory(day("2026-05-20", {IVV: 25}));
    expect(only).toMatchObject({date: "2026-05-20", large: 25, smallCount: 0});
    expect(only.small).toBeNaN();
    expect(medianHistory([])).toEqual([]);
  });

  it("uses the declared universe's sizes when given", () => {
    const fund = fundLookup([{ticker: "AVUV", name: "Avantis U.S. Small Cap Value", size: "small", style: "value"}]);
    const [d] = medianHistory([...day("2026-05-20", {AVUV: 10, IVV: 25})], {fund});
    expect(d).toMatchObject({small: 10, large: 25, smallCount: 1, largeCount: 1});
  });
});
