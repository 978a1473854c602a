import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {listCache, readCachedSeries, writeCachedSeries} from "../../data-loaders/cache.js";
import type {PriceSeries} from "../../data-loaders/types.js";
import {parseDay} from "../../src/lib/dates.js";

let cacheDir: string;
const FETCHED = "2025-12-23T12:00:00.000Z";
const fileOf = (ticker: string, source = "yahoo") => join(cacheDir, "prices", source, `${ticker}.json`);

function series(ticker: string): PriceSeries {
  return {
    ticker,
    date: Float64Array.from(["2025-12-18", "2025-12-19", "2025-12-22"], parseDay),
    close: Float64Array.of(100, 101.5, 99.25),
    adjClose: Float64Array.of(98, NaN, 97.5),
    dividend: Float64Array.of(0, 0.572, 0),
    split: Float64Array.of(1, 1, 2),
    volume: Float64Array.of(1000, NaN, NaN)
  };
}

/** Captures warnings, so that each test can assert what was reported. */
function recorder() {
  const messages: string[] = [];
  return {messages, warn: (m: string) => void messages.push(m)};
}

beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), "workbench-cache-"));
});

afterEach(() => {
  rmSync(cacheDir, {recursive: true, force: true});
});

describe("writeCachedSeries(cacheDir, source, series, fetchedAt) and readCachedSeries(cacheDir, source, ticker, warn)", () => {
  it("round-trips every column, fetchedAt and source, NaN included", () => {
    const s = series("IJR");
    writeCachedSeries(cacheDir, "yahoo", s, FETCHED);
    const {messages, warn} = recorder();
    const back = readCachedSeries(cacheDir, "yahoo", "IJR", warn)!;
    expect(back.fetchedAt).toBe(FETCHED);
    expect(back.source).toBe("yahoo");
    expect(back.series).toEqual(s); // toEqual treats NaN as equal to NaN
    expect(back.series.adjClose).toBeInstanceOf(Float64Array);
    expect(Number.isNaN(back.series.adjClose[1])).toBe(true);
    expect(messages).toEqual([]);
  });

  it("writes NaN as null in the JSON file (JSON has no NaN)", () => {
    writeCachedSeries(cacheDir, "yahoo", series("IJR"), FETCHED);
    const json = JSON.parse(readFileSync(fileOf("IJR"), "utf8"));
    expect(json).toMatchObject({version: 1, ticker: "IJR", source: "yahoo", fetchedAt: FETCHED});
    expect(json.columns.adjClose).toEqual([98, null, 97.5]);
    expect(json.columns.volume).toEqual([1000, null, null]);
  });

  it("round-trips an empty series", () => {
    const empty: PriceSeries = {
      ticker: "SPY",
      date: new Float64Array(0),
      close: new Float64Array(0),
      adjClose: new Float64Array(0),
      dividend: new Float64Array(0),
      split: new Float64Array(0),
      volume: new Float64Array(0)
    };
    writeCachedSeries(cacheDir, "yahoo", empty, FETCHED);
    expect(readCachedSeries(cacheDir, "yahoo", "SPY")!.series).toEqual(empty);
  });

  it("keeps sources apart: a yahoo file is not read as csv", () => {
    writeCachedSeries(cacheDir, "yahoo", series("IJR"), FETCHED);
    expect(readCachedSeries(cacheDir, "csv", "IJR")).toBeNull();
  });

  it("overwriting leaves one file and no temporary files", () => {
    writeCachedSeries(cacheDir, "yahoo", series("IJR"), FETCHED);
    writeCachedSeries(cacheDir, "yahoo", series("IJR"), "2025-12-24T12:00:00.000Z");
    expect(readdirSync(join(cacheDir, "prices", "yahoo"))).toEqual(["IJR.json"]);
    expect(readCachedSeries(cacheDir, "yahoo", "IJR")!.fetchedAt).toBe("2025-12-24T12:00:00.000Z");
  });

  it("readCachedSeries() is null without a warning when nothing is cached", () => {
    const {messages, warn} = recorder();
    expect(readCachedSeries(cacheDir, "yahoo", "IJR", warn)).toBeNull();
    expect(messages).toEqual([]);
  });

  const corruptions: [string, (good: string) => string][] = [
    ["not JSON", () => "this is not json"],
    ["truncated half-way", (good) => good.slice(0, Math.floor(good.length / 2))],
    ["empty", () => ""],
    ["null", () => "null"],
    ["another version", (good) => good.replace('"version":1', '"version":2')],
    ["another ticker", (good) => good.replace('"ticker":"IJR"', '"ticker":"SPY"')],
    ["no columns", () => JSON.stringify({version: 1, ticker: "IJR", source: "yahoo", fetchedAt: FETCHED})],
    ["a short column", (good) => good.replace('"close":[100,101.5,99.25]', '"close":[100,101.5]')],
    ["a missing column", (good) => good.replace(/"volume":\[[^\]]*\]/, '"vol":[]')]
  ];

  it.each(corruptions)(
    "readCachedSeries() reports a cache file that is %s via warn and treats it as absent",
    (_, corrupt) => {
      writeCachedSeries(cacheDir, "yahoo", series("IJR"), FETCHED);
      const path = fileOf("IJR");
      writeFileSync(path, corrupt(readFileSync(path, "utf8")));
      const {messages, warn} = recorder();
      expect(readCachedSeries(cacheDir, "yahoo", "IJR", warn)).toBeNull();
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain(`ignoring unreadable cache file ${path}: `);
      expect(messages[0]).toContain("it will be fetched again");
    }
  );

  it("readCachedSeries() without warn does not throw on a corrupt file", () => {
    mkdirSync(join(cacheDir, "prices", "yahoo"), {recursive: true});
    writeFileSync(fileOf("IJR"), "{");
    expect(readCachedSeries(cacheDir, "yahoo", "IJR")).toBeNull();
  });
});

describe("listCache(cacheDir, source)", () => {
  it("listCache() is empty when the cache folder does not exist", () => {
    expect(listCache(join(cacheDir, "missing"), "yahoo")).toEqual([]);
    expect(listCache(cacheDir, "yahoo")).toEqual([]);
  });

  it("listCache() lists the cached tickers of one source, sorted, with path, size and mtime, ignoring other files", () => {
    writeCachedSeries(cacheDir, "yahoo", series("SPY"), FETCHED);
    writeCachedSeries(cacheDir, "yahoo", series("IJR"), FETCHED);
    writeCachedSeries(cacheDir, "yahoo", series("BRK.B"), FETCHED);
    writeCachedSeries(cacheDir, "csv", series("IWM"), FETCHED);
    writeFileSync(join(cacheDir, "prices", "yahoo", "SPY.json.123.456.tmp"), "partial");
    writeFileSync(join(cacheDir, "prices", "yahoo", "notes.txt"), "hello");
    const list = listCache(cacheDir, "yahoo");
    expect(list.map((e) => e.ticker)).toEqual(["BRK.B", "IJR", "SPY"]);
    for (const e of list) {
      expect(e.path).toBe(fileOf(e.ticker));
      expect(e.size).toBe(readFileSync(e.path).length);
      expect(e.mtimeMs).toBeGreaterThan(0);
    }
    expect(listCache(cacheDir, "csv").map((e) => e.ticker)).toEqual(["IWM"]);
  });
});
