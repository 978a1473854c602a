import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {describe, it, expect} from "vitest";
import {openSource} from "../../data-loaders/source.js";
import {csv, decodeCsv, findTickerFile, parsePriceCsv} from "../../data-loaders/sources/csv.js";
import {testSettings} from "./settings-fixture.js";
import {floorDay, formatDay, parseDay} from "../../src/lib/dates.js";
import type {PriceSeries, TickerOutcome} from "../../data-loaders/types.js";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/csv");
const shared = path.resolve(import.meta.dirname, "../../../shared/data/prices");

function parseFixture(name: string, ticker = "T") {
  return parsePriceCsv(readFileSync(path.join(fixtures, "formats", name), "utf8"), {file: name, ticker});
}

const days = (s: PriceSeries) => Array.from(s.date, formatDay);
const list = (a: Float64Array) => Array.from(a);

function ok(outcome: TickerOutcome): PriceSeries {
  if (!outcome.ok) throw new Error(`expected ${outcome.ticker} to load: ${outcome.error}`);
  return outcome.series;
}

describe("parsePriceCsv(text, {file, ticker})", () => {
  it("loads a Yahoo download, skipping its all-null row with a warning", () => {
    const {series, warnings} = parseFixture("yahoo.csv", "SPY");
    expect(series.ticker).toBe("SPY");
    expect(days(series)).toEqual(["2024-01-02", "2024-01-03", "2024-01-05", "2024-01-08"]);
    expect(list(series.close)).toEqual([100.5, 101, 102, 103]);
    expect(list(series.adjClose)).toEqual([98.5, 99, 100, 101]);
    expect(list(series.volume)).toEqual([1000, 1100, 1200, 1300]);
    expect(list(series.dividend)).toEqual([0, 0, 0, 0]);
    expect(list(series.split)).toEqual([1, 1, 1, 1]);
    expect(warnings).toEqual(['yahoo.csv line 4: unparseable close "null" on 2024-01-04, row skipped']);
  });

  it("loads a yfinance export: date part before the time, Stock Splits 0 → 1, Dividends kept", () => {
    const {series, warnings} = parseFixture("yfinance.csv");
    expect(warnings).toEqual([]);
    expect(days(series)).toEqual(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08"]);
    expect(series.date[0]).toBe(Date.UTC(2024, 0, 2));
    expect(list(series.close)).toEqual([50.5, 51, 51.5, 25.75, 26]);
    expect(list(series.dividend)).toEqual([0, 0.25, 0, 0, 0]);
    expect(list(series.split)).toEqual([1, 1, 2, 1, 1]);
    expect(series.adjClose.every(Number.isNaN)).toBe(true);
    expect(list(series.volume)).toEqual([2000, 2100, 2200, 4400, 4500]);
  });

  it("loads yfinance's three-row header (Price / Ticker / Date)", () => {
    const {series, warnings} = parseFixture("yfinance-multiheader.csv", "IWM");
    expect(warnings).toEqual([]);
    expect(days(series)).toEqual(["2024-01-02", "2024-01-03", "2024-01-04"]);
    expect(list(series.close)).toEqual([198, 194.5, 195]);
    expect(list(series.adjClose)).toEqual([195.5, 192, 192.5]);
  });

  it("loads the shared data layout (AdjClose, Dividends, no split column)", () => {
    const {series, warnings} = parseFixture("shared.csv");
    expect(warnings).toEqual([]);
    expect(days(series)).toEqual(["2024-03-18", "2024-03-19", "2024-03-20", "2024-03-21", "2024-03-22"]);
    expect(list(series.close)).toEqual([200.5, 201.5, 202, 203, 204]);
    expect(list(series.adjClose)).toEqual([195, 196, 198, 199, 200]);
    expect(list(series.dividend)).toEqual([0, 0, 1.25, 0, 0]);
    expect(list(series.split)).toEqual([1, 1, 1, 1, 1]);
    expect(list(series.volume)).toEqual([300000, 310000, 320000, 330000, 340000]);
  });

  it("loads a Stooq web CSV (no adjusted close: NaN)", () => {
    const {series, warnings} = parseFixture("stooq-web.csv");
    expect(warnings).toEqual([]);
    expect(list(series.close)).toEqual([10.15, 10.25, 10.35, 10.45, 10.55]);
    expect(series.adjClose.every(Number.isNaN)).toBe(true);
    expect(list(series.volume)).toEqual([500, 600, 700, 800, 900]);
  });

  it("loads Stooq's ASCII download (<DATE> as YYYYMMDD, <VOL>)", () => {
    const {series, warnings} = parseFixture("ijr.us.txt", "IJR");
    expect(warnings).toEqual([]);
    expect(days(series)).toEqual(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08"]);
    expect(list(series.close)).toEqual([108.9, 106.8, 107.1, 107.7, 109.4]);
    expect(list(series.volume)).toEqual([3500000, 4100000, 3900000, 3700000, 3600000]);
  });

  it("handles a BOM, quoted fields, CRLF, blank trailing lines, NaN/empty values and split ratios", () => {
    const {series, warnings} = parseFixture("quoted-crlf.csv");
    expect(warnings).toEqual(['quoted-crlf.csv line 3: unparseable close "NaN" on 2024-01-03, row skipped']);
    expect(days(series)).toEqual(["2024-01-02", "2024-01-04", "2024-01-05"]);
    expect(list(series.close)).toEqual([12.5, 13, 13.5]);
    expect(list(series.adjClose)).toEqual([12, 12.5, NaN]);
    expect(list(series.volume)).toEqual([NaN, 8, 9]);
    expect(list(series.split)).toEqual([2, 0.1, 1]);
  });

  it("skips each kind of bad row with a file:line warning, sorts the rest and loads them", () => {
    const {series, warnings, skipped} = parseFixture("bad-rows.csv");
    expect(days(series)).toEqual(["2024-01-02", "2024-01-05", "2024-01-08", "2024-01-09"]);
    expect(list(series.close)).toEqual([10, 13, 12, 14]);
    expect(warnings).toEqual([
      "bad-rows.csv: rows are not in date order (line 9 goes back in time); sorted by date",
      'bad-rows.csv line 3: unparseable date "2024-13-40", row skipped',
      'bad-rows.csv line 4: unparseable close "abc" on 2024-01-03, row skipped',
      "bad-rows.csv line 5: non-positive close -1 on 2024-01-04, row skipped",
      "bad-rows.csv line 6: non-positive adjusted close 0 on 2024-01-05, row skipped",
      "bad-rows.csv line 8: duplicate date 2024-01-08 (line 7 has it too), row skipped"
    ]);
    expect(skipped).toBe(5);
  });

  it("caps the warnings at 20 plus an 'and N more' line", () => {
    const rows = ["Date,Close", "2024-01-02,1", ...Array.from({length: 25}, () => "2024-01-02,1")];
    const {series, warnings} = parsePriceCsv(rows.join("\n"), {file: "X.csv", ticker: "X"});
    expect(series.date.length).toBe(1);
    expect(warnings).toHaveLength(21);
    expect(warnings[0]).toBe("X.csv line 3: duplicate date 2024-01-02 (line 2 has it too), row skipped");
    expect(warnings[20]).toBe("X.csv: and 5 more rows skipped");
  });

  /** A 300-row Date,Close,Volume file of weekdays from 2023-01-02 with closes 100, 101, …, rows in the order given. */
  const file300 = (order: (rows: string[]) => string[]) => {
    const rows: string[] = [];
    for (let t = parseDay("2023-01-02"); rows.length < 300; t += 86_400_000)
      if (![0, 6].includes(new Date(t).getUTCDay())) rows.push(`${formatDay(t)},${100 + rows.length},1000`);
    return ["Date,Close,Volume", ...order(rows)].join("\n");
  };

  it("loads all 300 rows of a newest-first file, in date order, without a warning", () => {
    const {series, warnings} = parsePriceCsv(
      file300((r) => r.reverse()),
      {file: "N.csv", ticker: "N"}
    );
    expect(series.date.length).toBe(300);
    expect(series.close[0]).toBe(100);
    expect(series.close[299]).toBe(399);
    expect(series.date.every((t, i) => i === 0 || t > series.date[i - 1])).toBe(true);
    expect(warnings).toEqual([]);
  });

  it("loads all 300 rows of a shuffled file, sorted, saying it sorted them", () => {
    // A fixed shuffle: every 7th row first, then the rest (a deterministic permutation).
    const shuffle = (r: string[]) => [...r.filter((_, i) => i % 7 === 3), ...r.filter((_, i) => i % 7 !== 3)];
    const {series, warnings} = parsePriceCsv(file300(shuffle), {file: "S.csv", ticker: "S"});
    expect(list(series.close)).toEqual(Array.from({length: 300}, (_, i) => 100 + i));
    expect(warnings).toEqual([
      expect.stringMatching(/^S\.csv: rows are not in date order \(line \d+ goes back in time\); sorted by date$/)
    ]);
  });

  it("rejects a row with more cells than the header (an unquoted decimal comma) instead of reading close = 100", () => {
    const text = "Date,Close,Volume\n2024-01-01,100,23,1000\n2024-01-02,101.5,1000\n";
    const {series, warnings} = parsePriceCsv(text, {file: "D.csv", ticker: "D"});
    expect(list(series.close)).toEqual([101.5]);
    expect(warnings).toEqual([
      "D.csv line 2: 4 cells under a header of 3 (a decimal comma? write 100.23, not 100,23), row skipped"
    ]);
  });

  it("tolerates empty trailing cells beyond the header", () => {
    const {series, warnings} = parsePriceCsv("Date,Close,\n2024-01-02,5,,\n", {file: "E.csv", ticker: "E"});
    expect(list(series.close)).toEqual([5]);
    expect(warnings).toEqual([]);
  });

  it("rejects a ×1000 close by the rule every source shares, naming the line", () => {
    const text = "Date,Close\n2024-01-02,100\n2024-01-03,101000\n2024-01-04,102\n";
    const {series, warnings} = parsePriceCsv(text, {file: "J.csv", ticker: "J"});
    expect(list(series.close)).toEqual([100, 102]);
    expect(warnings).toEqual([
      "J.csv line 3: close 101000 is 1010× the close 100 of 2024-01-02 with no split between, row skipped"
    ]);
  });

  it("says a semicolon-separated file is one and how to re-save it", () => {
    const text = "Date;Close;Volume\n2024-01-02;100,5;1000\n";
    expect(() => parsePriceCsv(text, {file: "EU.csv", ticker: "EU"})).toThrow(
      "EU.csv separates its columns with semicolons (a spreadsheet export in a European locale): re-save it as CSV with comma separators and a dot as the decimal point"
    );
  });

  it("accepts header names whatever their case, spaces, underscores and angle brackets", () => {
    const text = "DATE, <Close> ,ADJ_CLOSE,stock splits,Dividend\n2024-01-02,5,4,1:2,0.1\n";
    const {series} = parsePriceCsv(text, {file: "x.csv", ticker: "X"});
    expect(list(series.close)).toEqual([5]);
    expect(list(series.adjClose)).toEqual([4]);
    expect(list(series.split)).toEqual([0.5]);
    expect(list(series.dividend)).toEqual([0.1]);
  });

  it("throws naming the file, the columns found and the accepted names when close is missing", () => {
    const text = readFileSync(path.join(fixtures, "formats", "no-close.csv"), "utf8");
    expect(() => parsePriceCsv(text, {file: "no-close.csv", ticker: "X"})).toThrow(
      'no-close.csv: header has no close column (found "Date", "Open", "Price"); accepted names: "close"'
    );
  });

  it("throws when the date column is missing", () => {
    const text = readFileSync(path.join(fixtures, "formats", "no-date.csv"), "utf8");
    expect(() => parsePriceCsv(text, {file: "no-date.csv", ticker: "X"})).toThrow(
      /^no-date\.csv: header has no date column \(found "Day", "Close"\); accepted names: "date", "datetime", "timestamp"/
    );
  });

  it("throws on an empty file and warns on a header without rows", () => {
    expect(() => parsePriceCsv("\n\n", {file: "e.csv", ticker: "E"})).toThrow(/e\.csv: the file is empty/);
    const {series, warnings} = parsePriceCsv("Date,Close\n", {file: "h.csv", ticker: "H"});
    expect(series.date.length).toBe(0);
    expect(warnings).toEqual(["h.csv: no data rows"]);
  });
});

describe("findTickerFile(names, ticker)", () => {
  it("finds TICKER.csv case-insensitively, then Stooq's ticker.us.txt", () => {
    expect(findTickerFile(["iwm.CSV", "IJR.US.TXT"], "IWM")).toBe("iwm.CSV");
    expect(findTickerFile(["IJR.US.TXT"], "ijr")).toBe("IJR.US.TXT");
    expect(findTickerFile(["spy.us.csv", "SPY.csv"], "SPY")).toBe("SPY.csv");
    expect(findTickerFile(["SPYX.csv"], "SPY")).toBeUndefined();
  });
});

/** The csv source as the spine runs it, reading `dir`. */
const csvSource = ({dir}: {dir: string}) =>
  openSource(csv, testSettings({cacheDir: "/nonexistent", source: "csv", dataDir: dir}));

describe("decodeCsv(bytes, {file})", () => {
  const utf16 = (text: string, bom: number[], littleEndian: boolean) => {
    const bytes = [...bom];
    for (const c of text) bytes.push(...(littleEndian ? [c.charCodeAt(0), 0] : [0, c.charCodeAt(0)]));
    return Uint8Array.from(bytes);
  };

  it("says a UTF-16 file (BOM FF FE, FE FF or none) is UTF-16 and how to re-save it", () => {
    const text = "Date,Close\n2024-01-02,100\n2024-01-03,101\n";
    expect(() => decodeCsv(utf16(text, [0xff, 0xfe], true), {file: "U.csv"})).toThrow(
      'U.csv is UTF-16 little-endian text (a spreadsheet\'s "Unicode text" export), not UTF-8: re-save it as "CSV UTF-8 (comma delimited)"'
    );
    expect(() => decodeCsv(utf16(text, [0xfe, 0xff], false), {file: "U.csv"})).toThrow(/UTF-16 big-endian/);
    expect(() => decodeCsv(utf16(text, [], true), {file: "U.csv"})).toThrow(/U\.csv is UTF-16 text/);
  });

  it("passes UTF-8 through", () => {
    expect(decodeCsv(new TextEncoder().encode("Date,Close\n"), {file: "A.csv"})).toBe("Date,Close\n");
  });

  it("reaches the ticker's outcome through csvSource", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "workbench-csv-"));
    try {
      writeFileSync(path.join(dir, "U.csv"), utf16("Date,Close\n2024-01-02,100\n", [0xff, 0xfe], true));
      const [u] = await csvSource({dir}).fetch(["U"], {start: "2024-01-01"});
      expect(!u.ok && u.error).toMatch(/^U: U\.csv is UTF-16 little-endian text/);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

describe("csvSource({dir})", () => {
  const dir = path.join(fixtures, "folder");

  it("loads each ticker's file and gives missing or bad files their own error outcome", async () => {
    const events: string[] = [];
    const source = csvSource({dir});
    expect(source.name).toBe("csv");
    const outcomes = await source.fetch(["SPY", "IJR", "IWM", "IWC", "BAD"], {
      start: "2024-01-01",
      onProgress: (e) => events.push(`${e.ticker}:${e.phase}`)
    });
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, false, false]);
    expect(list(ok(outcomes[1]).close)).toEqual([108.9, 106.8, 107.1, 107.7, 109.4]);
    expect(ok(outcomes[2]).date.length).toBe(5);
    const iwc = outcomes[3];
    expect(!iwc.ok && iwc.error).toBe(
      `IWC: no CSV file for IWC in ${dir}; put IWC.csv in ${dir} or remove IWC from WORKBENCH_TICKERS`
    );
    const bad = outcomes[4];
    expect(!bad.ok && bad.error).toMatch(/^BAD: BAD\.csv: header has no close column/);
    expect(events).toContain("IWC:error");
    expect(events.filter((e) => e.endsWith(":done"))).toHaveLength(3);
  });

  it("clips to [start, end] inclusive", async () => {
    const [spy] = await csvSource({dir}).fetch(["SPY"], {start: "2024-01-03", end: "2024-01-05"});
    expect(days(ok(spy))).toEqual(["2024-01-03", "2024-01-05"]);
  });

  it("gives an error outcome when no row falls in the range", async () => {
    const [spy] = await csvSource({dir}).fetch(["SPY"], {start: "2025-01-01"});
    expect(!spy.ok && spy.error).toBe(
      `SPY: SPY.csv has no rows from 2025-01-01 to ${formatDay(floorDay(Date.now()))} (the file covers 2024-01-02 to 2024-01-08)`
    );
  });

  it("gives every ticker an error outcome when the folder is missing", async () => {
    const missing = path.join(fixtures, "no-such-folder");
    const outcomes = await csvSource({dir: missing}).fetch(["SPY", "IJR"], {start: "2024-01-01"});
    expect(outcomes.map((o) => o.ok)).toEqual([false, false]);
    expect(!outcomes[0].ok && outcomes[0].error).toContain(`cannot read the CSV folder ${missing}`);
  });

  it("rejects an invalid start", async () => {
    await expect(csvSource({dir}).fetch(["SPY"], {start: "2024-02-30"})).rejects.toThrow("invalid start: 2024-02-30");
  });
});

if (!existsSync(shared))
  console.warn(`skipping the shared-data CSV tests: ${shared} is absent (a fresh clone has no shared data)`);

describe.skipIf(!existsSync(shared))("csvSource({dir}) on the shared data", () => {
  it("loads IVW, IJR and IVV; IVW's total return from 2025-12-31 to 2026-02-03 is -0.80%", async () => {
    const outcomes = await csvSource({dir: shared}).fetch(["IVW", "IJR", "IVV"], {start: "2000-01-01"});
    const [ivw, ijr, ivv] = outcomes.map(ok);
    expect(outcomes.flatMap((o) => o.warnings)).toEqual([]);
    const a = ivw.date.indexOf(parseDay("2025-12-31"));
    const b = ivw.date.indexOf(parseDay("2026-02-03"));
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    const total = ivw.adjClose[b] / ivw.adjClose[a] - 1;
    expect((total * 100).toFixed(2)).toBe("-0.80");
    expect(ijr.date.length).toBe(5366);
    expect(ivv.date.length).toBe(5366);
    expect(formatDay(ijr.date[0])).toBe("2005-01-03");
  });
});
