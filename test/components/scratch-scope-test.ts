// @vitest-environment jsdom
import {tableFromArrays, type Table} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {arqueroPrices, scratchScope} from "../../src/components/scratch-scope.js";
import * as lib from "../../src/lib/index.js";

/** One fund's price file as page.loadArrow decodes it. */
const fundTable = (ticker: string, days: string[], adjClose: number[]) =>
  tableFromArrays({
    date: Float64Array.from(days, lib.parseDay),
    ticker: days.map(() => ticker),
    adjClose: Float64Array.from(adjClose)
  });

describe("scratchScope(page)", () => {
  const TABLES: Record<string, Table> = {
    IJR: fundTable("IJR", ["2026-01-02", "2026-01-05"], [100, 101]),
    IVV: fundTable("IVV", ["2026-01-02"], [600]),
    ZZQ: fundTable("ZZQ", ["2026-01-02"], [10])
  };
  const asked: string[][] = [];
  const panel = new Map([["IJR", {ticker: "IJR"}]]) as any;
  const page = {
    featured: ["IJR", "IVV"],
    loaded: ["IJR", "IVV", "ZZQ"],
    load: async (tickers: Iterable<string>) => (asked.push([...tickers]), panel),
    loadArrow: async (tickers: Iterable<string>) => (asked.push([...tickers]), [...tickers].map((t) => TABLES[t]))
  };

  it("gives the cells the featured funds' panel, every fund's ticker, load, the library and the plotting and table libraries by name", async () => {
    const scope = await scratchScope(page);
    expect(Object.keys(scope)).toEqual([
      "prices",
      "priceTable",
      "funds",
      "load",
      "lib",
      "Plot",
      "d3",
      "Inputs",
      "html",
      "aq",
      "op"
    ]);
    expect(scope.prices).toBe(panel);
    expect(scope.funds).toEqual(["IJR", "IVV", "ZZQ"]);
    expect(scope.load).toBe(page.load);
    expect(scope.lib.pairStudy).toBe(lib.pairStudy);
    expect(typeof scope.Plot.plot).toBe("function");
    expect(typeof scope.aq.fromArrow).toBe("function");
    // Only the featured funds are fetched up front: ZZQ waits for a cell's load(["ZZQ"]).
    expect(asked).toEqual([
      ["IJR", "IVV"],
      ["IJR", "IVV"]
    ]);
  });

  it("priceTable is the featured funds' Arrow prices through aq.fromArrow, fund after fund, with days as Dates", async () => {
    const {priceTable} = await scratchScope(page);
    expect(priceTable.objects()).toEqual([
      {date: new Date("2026-01-02"), ticker: "IJR", adjClose: 100},
      {date: new Date("2026-01-05"), ticker: "IJR", adjClose: 101},
      {date: new Date("2026-01-02"), ticker: "IVV", adjClose: 600}
    ]);
  });
});

describe("arqueroPrices(tables)", () => {
  it("with no tables is an empty table, not an error", () => {
    expect(arqueroPrices([]).numRows()).toBe(0);
  });

  it("of one table is that fund's rows", () => {
    expect(arqueroPrices([fundTable("IVV", ["2026-01-02"], [600])]).objects()).toEqual([
      {date: new Date("2026-01-02"), ticker: "IVV", adjClose: 600}
    ]);
  });
});
