import {DataType, DateUnit, Precision, tableFromIPC, type Dictionary} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {pricesToArrow} from "../../data-loaders/arrow.js";
import type {PriceSeries} from "../../data-loaders/types.js";
import {formatDay, parseDay} from "../../src/lib/dates.js";

function series(ticker: string, days: string[], close: number[], more: Partial<PriceSeries> = {}): PriceSeries {
  const n = days.length;
  return {
    ticker,
    date: Float64Array.from(days, parseDay),
    close: Float64Array.from(close),
    adjClose: Float64Array.from(close, (c) => c * 0.9),
    dividend: new Float64Array(n),
    split: new Float64Array(n).fill(1),
    volume: Float64Array.from({length: n}, (_, i) => 1000 + i),
    ...more
  };
}

const SPY = series("SPY", ["2024-01-02", "2024-01-03", "2024-01-04"], [470, 468, 467.5], {
  volume: Float64Array.of(1e6, NaN, 2e6),
  dividend: Float64Array.of(0, 1.75, 0)
});
const IJR = series("IJR", ["2024-01-03", "2024-01-04"], [106.8, 107.1], {adjClose: Float64Array.of(NaN, NaN)});

const read = (series: PriceSeries[]) => tableFromIPC(pricesToArrow(series));

describe("pricesToArrow(series)", () => {
  it("pricesToArrow(series) has the schema of docs/architecture.md: Date32<DAY>, Dictionary<Int32, Utf8>, Float64", () => {
    const {schema} = read([SPY, IJR]);
    expect(schema.fields.map((f) => f.name)).toEqual([
      "date",
      "ticker",
      "close",
      "adjClose",
      "dividend",
      "split",
      "volume"
    ]);
    const [date, ticker, ...values] = schema.fields;
    // A table read back from IPC has generic type classes, so test ids and parameters, not constructors.
    expect(DataType.isDate(date.type) && date.type.unit).toBe(DateUnit.DAY);
    expect(String(date.type)).toBe("Date32<DAY>");
    expect(DataType.isDictionary(ticker.type)).toBe(true);
    const dict = ticker.type as Dictionary;
    expect(DataType.isInt(dict.indices) && [dict.indices.bitWidth, dict.indices.isSigned]).toEqual([32, true]);
    expect(DataType.isUtf8(dict.dictionary)).toBe(true);
    for (const f of values) expect(DataType.isFloat(f.type) && f.type.precision, f.name).toBe(Precision.DOUBLE);
  });

  it("pricesToArrow([SPY, IJR]) sorts by ticker then keeps each series' date order", () => {
    const table = read([SPY, IJR]);
    expect(table.numRows).toBe(5);
    const rows = table.toArray().map((r) => [r.ticker, formatDay(r.date)]);
    expect(rows).toEqual([
      ["IJR", "2024-01-03"],
      ["IJR", "2024-01-04"],
      ["SPY", "2024-01-02"],
      ["SPY", "2024-01-03"],
      ["SPY", "2024-01-04"]
    ]);
  });

  it("pricesToArrow(series) keeps every value column exactly", () => {
    const table = read([SPY]);
    expect(Array.from(table.getChild("close")!.toArray())).toEqual([470, 468, 467.5]);
    expect(Array.from(table.getChild("adjClose")!.toArray())).toEqual([470 * 0.9, 468 * 0.9, 467.5 * 0.9]);
    expect(Array.from(table.getChild("dividend")!.toArray())).toEqual([0, 1.75, 0]);
    expect(Array.from(table.getChild("split")!.toArray())).toEqual([1, 1, 1]);
    expect(table.getChild("date")!.get(0)).toBe(Date.UTC(2024, 0, 2));
  });

  it("pricesToArrow(series) writes NaN as null, never 0 or NaN", () => {
    const table = read([SPY, IJR]);
    const adj = table.getChild("adjClose")!;
    const volume = table.getChild("volume")!;
    expect([adj.get(0), adj.get(1)]).toEqual([null, null]); // IJR's missing adjClose
    expect(adj.nullCount).toBe(2);
    expect(volume.get(3)).toBeNull(); // SPY 2024-01-03
    expect(volume.nullCount).toBe(1);
    expect(table.getChild("close")!.nullCount).toBe(0);
  });

  it("pricesToArrow(series) stores each ticker once in the dictionary", () => {
    const ticker = read([SPY, IJR]).getChild("ticker")!;
    expect(ticker.data.map((d) => d.dictionary!.toArray())).toEqual([["IJR", "SPY"]]);
  });

  it("pricesToArrow([]) is a valid file with the schema and no rows", () => {
    const table = read([]);
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual([
      "Date32<DAY>",
      "Dictionary<Int32, Utf8>",
      "Float64",
      "Float64",
      "Float64",
      "Float64",
      "Float64"
    ]);
  });

  it("pricesToArrow([series with no rows]) has no rows", () => {
    expect(read([series("SPY", [], [])]).numRows).toBe(0);
  });

  it("pricesToArrow(series) does not reorder the caller's array", () => {
    const input = [SPY, IJR];
    pricesToArrow(input);
    expect(input.map((s) => s.ticker)).toEqual(["SPY", "IJR"]);
  });

  it("pricesToArrow(series) keeps days before 1970 and dates far ahead", () => {
    const table = read([series("OLD", ["1965-03-01", "2100-12-31"], [1, 2])]);
    expect(table.toArray().map((r) => formatDay(r.date))).toEqual(["1965-03-01", "2100-12-31"]);
  });
});
