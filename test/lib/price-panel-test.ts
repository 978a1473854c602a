import {
  DateDay,
  Dictionary,
  Float64,
  Int32,
  Table,
  Utf8,
  tableFromIPC,
  tableToIPC,
  vectorFromArray
} from "apache-arrow";
import {describe, it, expect} from "vitest";
import {parseDay} from "../../src/lib/dates.js";
import {pricesByTicker} from "../../src/lib/price-panel.js";

/** A long-format prices table as data-loaders/arrow.ts writes it, round-tripped through Arrow IPC. */
function pricesTable(
  rows: {date: string; ticker: string; close: number | null; adjClose: number | null; dividend: number | null}[]
) {
  const table = new Table({
    date: vectorFromArray(
      rows.map((r) => new Date(r.date)),
      new DateDay()
    ),
    ticker: vectorFromArray(
      rows.map((r) => r.ticker),
      new Dictionary(new Utf8(), new Int32())
    ),
    close: vectorFromArray(
      rows.map((r) => r.close),
      new Float64()
    ),
    adjClose: vectorFromArray(
      rows.map((r) => r.adjClose),
      new Float64()
    ),
    dividend: vectorFromArray(
      rows.map((r) => r.dividend),
      new Float64()
    ),
    split: vectorFromArray(
      rows.map(() => null),
      new Float64()
    )
  });
  return tableFromIPC(tableToIPC(table, "file"));
}

// IJR has no adjusted close (index from close + dividend); IVW has one (index from adjClose).
const TABLE = pricesTable([
  {date: "2025-12-31", ticker: "IJR", close: 100, adjClose: null, dividend: 0},
  {date: "2026-01-02", ticker: "IJR", close: 102, adjClose: null, dividend: null},
  {date: "2026-01-05", ticker: "IJR", close: 99, adjClose: null, dividend: 2},
  {date: "2026-01-06", ticker: "IJR", close: null, adjClose: null, dividend: 0},
  {date: "2026-01-07", ticker: "IJR", close: 101, adjClose: null, dividend: 0},
  {date: "2025-12-31", ticker: "IVW", close: 50, adjClose: 40, dividend: 0},
  {date: "2026-01-02", ticker: "IVW", close: 51, adjClose: null, dividend: 0},
  {date: "2026-01-05", ticker: "IVW", close: 52, adjClose: 44, dividend: 0.5}
]);

const rounded = (a: ArrayLike<number>) => Array.from(a, (v) => (Number.isNaN(v) ? NaN : +v.toFixed(12)));

describe("pricesByTicker(table)", () => {
  it("the test table really stores nulls as 0 in Arrow's value buffer", () => {
    expect(TABLE.getChild("close")!.toArray()[3]).toBe(0);
    expect(TABLE.getChild("close")!.nullCount).toBe(1);
  });
  it("pricesByTicker splits the table into one entry per ticker, in table order", () => {
    const panel = pricesByTicker(TABLE);
    expect([...panel.keys()]).toEqual(["IJR", "IVW"]);
    expect(panel.get("IJR")!.ticker).toBe("IJR");
    expect(panel.get("IJR")!.date.length).toBe(5);
    expect(panel.get("IVW")!.date.length).toBe(3);
  });
  it("pricesByTicker converts Date32 days to epoch ms at 00:00 UTC", () => {
    const panel = pricesByTicker(TABLE);
    expect(Array.from(panel.get("IVW")!.date)).toEqual(["2025-12-31", "2026-01-02", "2026-01-05"].map(parseDay));
    expect(panel.get("IJR")!.date[4]).toBe(parseDay("2026-01-07"));
  });
  it("pricesByTicker turns nulls back into NaN, not 0", () => {
    const {IJR, IVW} = Object.fromEntries(pricesByTicker(TABLE));
    expect(Array.from(IJR.close)).toEqual([100, 102, 99, NaN, 101]);
    expect(Array.from(IJR.adjClose)).toEqual([NaN, NaN, NaN, NaN, NaN]);
    expect(Array.from(IJR.dividend)).toEqual([0, NaN, 2, 0, 0]);
    expect(Array.from(IVW.adjClose)).toEqual([40, NaN, 44]);
    expect(Array.from(IVW.dividend)).toEqual([0, 0, 0.5]);
  });
  it("pricesByTicker computes the total-return index per ticker", () => {
    const {IJR, IVW} = Object.fromEntries(pricesByTicker(TABLE));
    // IJR from close with the 2.00 dividend reinvested on 2026-01-05: 1, 1.02, 1.01, gap, 1.01 × 101/99.
    expect(rounded(IJR.index)).toEqual(rounded([1, 1.02, 1.01, NaN, 1.01 * (101 / 99)]));
    // IVW from adjClose 40 → 44, its dividend ignored.
    expect(rounded(IVW.index)).toEqual([1, NaN, 1.1]);
  });
  it("pricesByTicker of a one-ticker, one-row table", () => {
    const panel = pricesByTicker(
      pricesTable([{date: "2026-01-02", ticker: "SPY", close: 600, adjClose: null, dividend: null}])
    );
    expect([...panel.keys()]).toEqual(["SPY"]);
    expect(Array.from(panel.get("SPY")!.index)).toEqual([1]);
  });
  it("pricesByTicker of an empty table is an empty map", () => {
    expect(pricesByTicker(pricesTable([])).size).toBe(0);
  });
  it("pricesByTicker throws naming a missing column", () => {
    const table = new Table({
      date: vectorFromArray([new Date("2026-01-02")], new DateDay()),
      ticker: vectorFromArray(["SPY"], new Dictionary(new Utf8(), new Int32())),
      close: vectorFromArray([600], new Float64()),
      adjClose: vectorFromArray([600], new Float64())
    });
    expect(() => pricesByTicker(table)).toThrow('prices table has no "dividend" column');
  });
});
