// @vitest-environment jsdom
import {tableFromArrays} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {scratchScope} from "../../src/components/scratch-scope.js";
import * as lib from "../../src/lib/index.js";

describe("scratchScope(page)", () => {
  const pricesTable = tableFromArrays({
    date: Float64Array.from(["2026-01-02", "2026-01-05"], lib.parseDay),
    ticker: ["IJR", "IJR"],
    adjClose: Float64Array.from([100, 101])
  });
  const prices = new Map();
  const scope = scratchScope({prices, pricesTable});

  it("gives the cells the panel, the library and the plotting and table libraries by name", () => {
    expect(Object.keys(scope)).toEqual(["prices", "priceTable", "lib", "Plot", "d3", "Inputs", "html", "aq", "op"]);
    expect(scope.prices).toBe(prices);
    expect(scope.lib.pairStudy).toBe(lib.pairStudy);
    expect(typeof scope.Plot.plot).toBe("function");
    expect(typeof scope.aq.fromArrow).toBe("function");
  });

  it("priceTable is the Arrow prices through aq.fromArrow, with days as Dates", () => {
    expect(scope.priceTable.numRows()).toBe(2);
    expect(scope.priceTable.objects()).toEqual([
      {date: new Date("2026-01-02"), ticker: "IJR", adjClose: 100},
      {date: new Date("2026-01-05"), ticker: "IJR", adjClose: 101}
    ]);
  });

  it("with no prices, priceTable is an empty table, not an error", () => {
    expect(scratchScope({prices, pricesTable: null}).priceTable.numRows()).toBe(0);
  });
});
