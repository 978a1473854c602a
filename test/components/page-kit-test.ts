// @vitest-environment jsdom
import {tableFromArrays, tableToIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {pricesToArrow} from "../../data-loaders/arrow.js";
import type {PriceSeries} from "../../data-loaders/types.js";
import {dayBounds, openData, type DataFiles} from "../../src/components/page-kit.js";
import {presentRequested} from "../../src/components/page-tools.js";
import {formatDay, parseDay} from "../../src/lib/dates.js";

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

const SERIES = [
  series("IJH", DAYS, [10, 11, 12]),
  series("IJR", DAYS.slice(1), [100, 101]),
  series("IVV", DAYS, [200, 201, 202]),
  series("SPY", DAYS.slice(0, 2), [300, 301]),
  series("ZZQ", DAYS, [20, 21, 22])
];

// One file per fund, as the snapshot writes them (data-loaders/snapshot.ts), named in meta.json's files.
const PRICE_FILES = new Map(SERIES.map((s) => [`prices/${s.ticker}.0000abcd.arrow`, pricesToArrow([s])]));

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
  series: SERIES.map((s) => ({
    kind: "prices",
    ticker: s.ticker,
    first: formatDay(s.date[0]),
    last: formatDay(s.date[s.date.length - 1]),
    warnings: []
  })).concat({kind: "prices", ticker: "XXX", first: null, last: null, warnings: []} as any),
  files: Object.fromEntries(SERIES.map((s) => [s.ticker, `${s.ticker}.0000abcd.arrow`]))
};

const buffer = (bytes: Uint8Array) => async () => bytes.slice().buffer;
const unexpected = () => Promise.reject(new Error("a file the page did not ask for was read"));

/** Stand-in files; `reads` counts each price file read. */
function files(over: Partial<DataFiles> = {}, reads: string[] = []): DataFiles {
  return {
    price: async (path) => {
      reads.push(path);
      const bytes = PRICE_FILES.get(path);
      if (!bytes) throw new Error(`${path}: HTTP 404`);
      return bytes.slice().buffer;
    },
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
  it("decodes every fund's prices with {prices: true}, lists loaded and missing funds in the universe's order, and the date bounds", async () => {
    const page = await openData(files(), {prices: true});
    expect([...page.prices.keys()].sort()).toEqual(["IJH", "IJR", "IVV", "SPY", "ZZQ"]);
    expect(Array.from(page.prices.get("IJR")!.close)).toEqual([100, 101]);
    expect(page.loaded).toEqual(["ZZQ", "IJR", "IVV", "SPY", "IJH"]);
    expect(page.missing).toEqual(["XXX"]);
    expect([page.firstDay, page.lastDay]).toEqual(["2026-01-02", "2026-01-06"]);
  });

  it("{universe: true} reads no price file; page.load(tickers) reads only those given, once each", async () => {
    const reads: string[] = [];
    const page = await openData(files({}, reads), {universe: true});
    expect(reads).toEqual([]);
    expect(page.prices.size).toBe(0);
    expect(page.loaded).toEqual(["ZZQ", "IJR", "IVV", "SPY", "IJH"]);
    expect([page.firstDay, page.lastDay]).toEqual(["2026-01-02", "2026-01-06"]);
    const two = await page.load(["SPY", "IJR", "SPY"]);
    expect([...two.keys()]).toEqual(["SPY", "IJR"]);
    expect(Array.from(two.get("SPY")!.close)).toEqual([300, 301]);
    expect(Array.from(two.get("IJR")!.index)).toEqual([1, 1.01]);
    expect(reads.sort()).toEqual(["prices/IJR.0000abcd.arrow", "prices/SPY.0000abcd.arrow"]);
    // A redraw with one more fund fetches only that one; unknown and failed funds are left out.
    const three = await page.load(["IJR", "SPY", "IVV", "XXX", "NOPE"]);
    expect([...three.keys()]).toEqual(["IJR", "SPY", "IVV"]);
    expect(reads.length).toBe(3);
    expect(three.get("IJR")).toBe(two.get("IJR"));
  });

  it("page.loadArrow(tickers) gives each fund's decoded Arrow table in the order given, sharing page.load's downloads", async () => {
    const reads: string[] = [];
    const page = await openData(files({}, reads), {universe: true});
    await page.load(["IJR"]);
    const tables = await page.loadArrow(["SPY", "IJR", "XXX"]);
    expect(tables.map((t) => [t.getChild("ticker")!.get(0), t.numRows])).toEqual([
      ["SPY", 2],
      ["IJR", 2]
    ]);
    expect(reads).toEqual(["prices/IJR.0000abcd.arrow", "prices/SPY.0000abcd.arrow"]);
  });

  it("page.load leaves out a fund whose file fails, and asks for it again next time", async () => {
    let fail = true;
    const reads: string[] = [];
    const base = files({}, reads);
    const page = await openData(
      {...base, price: (path) => (fail ? (reads.push(path), Promise.reject(new Error("HTTP 503"))) : base.price(path))},
      {universe: true}
    );
    expect([...(await page.load(["IVV"])).keys()]).toEqual([]);
    fail = false;
    expect([...(await page.load(["IVV"])).keys()]).toEqual(["IVV"]);
    expect(reads).toEqual(["prices/IVV.0000abcd.arrow", "prices/IVV.0000abcd.arrow"]);
  });

  it("page.featured is the declared and built-in funds that have prices, else the first twelve", async () => {
    expect((await openData(files(), {universe: true})).featured).toEqual(["ZZQ", "IJR", "IVV", "SPY", "IJH"]);
    const others = Array.from({length: 20}, (_, i) => `Q${i}`);
    const meta = {...META, tickers: others, universe: [], files: Object.fromEntries(others.map((t) => [t, `${t}.x`]))};
    expect((await openData(files({meta: async () => meta}), {universe: true})).featured).toEqual(others.slice(0, 12));
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
      files({price: unexpected, meta: unexpected, factors: buffer(factors), research: async () => research}),
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
  it("dayBounds(series) is the earliest first and the latest last day, skipping series with no rows", () => {
    const series = [
      {first: "2001-03-01", last: "2026-01-02"},
      {first: null, last: null},
      {first: "1999-12-31", last: "2025-06-30"}
    ];
    expect(dayBounds(series)).toEqual(["1999-12-31", "2026-01-02"]);
  });

  it("dayBounds([]) is today twice", () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(dayBounds([])).toEqual([today, today]);
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
