// @vitest-environment jsdom
import {tableFromArrays, tableToIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {pricesToArrow} from "../../data-loaders/arrow.js";
import type {PriceSeries} from "../../data-loaders/types.js";
import {dayBounds, openData, type DataFiles} from "../../src/components/page-kit.js";
import {presentRequested} from "../../src/components/page-tools.js";
import {parseDay} from "../../src/lib/dates.js";

const DAYS = ["2026-01-02", "2026-01-05", "2026-01-06"].map(parseDay);

function series(ticker: string, days: number[], close: number[]): PriceSeries {
  const n = days.length;
  return {
    ticker,
    date: Float64Array.from(days),
    close: Float64Array.from(close),
    adjClose: new Float64Array(n).fill(NaN),
    dividend: new Float64Array(n),
    split: new Float64Array(n).fill(1),
    volume: new Float64Array(n).fill(NaN)
  };
}

const META = {
  generatedAt: "2026-01-07T12:00:00.000Z",
  requestedSource: "csv",
  source: "csv",
  synthetic: false,
  stale: false,
  // ZZQ is declared by the researcher; XXX was asked for and failed.
  tickers: ["ZZQ", "IJR", "IVV", "SPY", "IJH", "XXX"],
  universe: [{ticker: "ZZQ", name: "Declared small value", size: "small", style: "value", declared: true}],
  notes: [],
  series: []
};

const buffer = (bytes: Uint8Array) => async () => bytes.slice().buffer;
const unexpected = () => Promise.reject(new Error("a file the page did not ask for was read"));

function files(over: Partial<DataFiles> = {}): DataFiles {
  return {
    prices: buffer(
      pricesToArrow([
        series("IJH", DAYS, [10, 11, 12]),
        series("IJR", DAYS.slice(1), [100, 101]),
        series("IVV", DAYS, [200, 201, 202]),
        series("SPY", DAYS.slice(0, 2), [300, 301]),
        series("ZZQ", DAYS, [20, 21, 22])
      ])
    ),
    meta: async () => META,
    research: unexpected,
    fundValuation: unexpected,
    factors: unexpected,
    factors5: unexpected,
    factorsMonthly: unexpected,
    factorsAnnual: unexpected,
    macro: unexpected,
    valuation: unexpected,
    ...over
  };
}

describe("openData(files, request)", () => {
  it("decodes the prices, lists loaded and missing funds in the universe's order, and the date bounds", async () => {
    const page = await openData(files(), {prices: true});
    expect([...page.prices.keys()].sort()).toEqual(["IJH", "IJR", "IVV", "SPY", "ZZQ"]);
    expect(page.loaded).toEqual(["ZZQ", "IJR", "IVV", "SPY", "IJH"]);
    expect(page.missing).toEqual(["XXX"]);
    expect([page.firstDay, page.lastDay]).toEqual(["2026-01-02", "2026-01-06"]);
  });

  it("describes a declared fund from meta.json's universe and puts it on the small side", async () => {
    const page = await openData(files(), {prices: true});
    expect(page.fund("ZZQ")).toMatchObject({name: "Declared small value", size: "small", style: "value"});
    expect(page.fund("IJR")).toMatchObject({name: "iShares Core S&P Small-Cap 600", size: "small"});
    expect(page.side("small")).toEqual(["ZZQ", "IJR"]);
    expect(page.side("large")).toEqual(["IVV", "SPY"]);
  });

  it("falls back to the built-in list for an older meta.json without a universe", async () => {
    const page = await openData(files({meta: async () => ({...META, universe: undefined})}), {prices: true});
    expect(page.fund("ZZQ")).toMatchObject({size: "other"});
    expect(page.side("small")).toEqual(["IJR"]);
  });

  it("opens only the files asked for, and reads a research table's columns with the missing ones named", async () => {
    const factors = tableToIPC(
      tableFromArrays({date: Float64Array.from(DAYS), smb: Float64Array.from([0.01, -0.02, 0.005])}),
      "file"
    );
    const research = {
      generatedAt: META.generatedAt,
      requestedSource: "auto",
      synthetic: false,
      stale: false,
      missing: [],
      notes: [],
      series: []
    };
    const page = await openData(
      files({prices: unexpected, meta: unexpected, factors: buffer(factors), research: async () => research}),
      {factors: ["smb", "hml"], research: ["F-F_Research_Data_Factors_daily"]}
    );
    expect(page.prices.size).toBe(0);
    expect(Array.from(page.factors!.smb)).toEqual([0.01, -0.02, 0.005]);
    expect(page.factors!.missing).toEqual(["hml"]);
    expect(page.research).toEqual(research);
  });

  it("has a header with the sharing tools, and a banner when data are synthetic", async () => {
    const page = await openData(files({meta: async () => ({...META, synthetic: true})}), {prices: true});
    const header = page.header();
    expect([...header.querySelectorAll(".workbench-tools button")].map((b) => b.textContent)).toEqual([
      "Copy link",
      "Meeting mode",
      "Print"
    ]);
    expect(header.querySelector(".workbench-banner")!.textContent).toMatch(/Synthetic sample data/);
  });
});

describe("dayBounds(series)", () => {
  it("finds the first and last day of a million-day series without spreading it into Math.min", () => {
    const long = Float64Array.from({length: 1_000_000}, (_, i) => i * 86_400_000);
    expect(() => Math.min(...long)).toThrow(RangeError);
    expect(dayBounds([{date: long}, {date: Float64Array.of(-86_400_000)}])).toEqual([
      -86_400_000,
      999_999 * 86_400_000
    ]);
  });
});

describe("presentRequested(search)", () => {
  it("turns meeting mode on for present, present=1 and present=true, not for present=0 or false", () => {
    expect(["?present", "?present=1", "?present=true"].map(presentRequested)).toEqual([true, true, true]);
    expect(["?present=0", "?present=false", "?present=no", ""].map(presentRequested)).toEqual([
      false,
      false,
      false,
      false
    ]);
  });
});
