import {copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import type {Settings} from "../../data-loaders/settings.js";
import {status} from "../../data-loaders/status.js";
import {parseDay} from "../../src/lib/dates.js";

const FRENCH = new URL("../fixtures/french/mini-factors.CSV", import.meta.url);
const NOW = parseDay("2024-01-10") + 12 * 3_600_000;

let root: string;
beforeEach(() => (root = mkdtempSync(join(tmpdir(), "workbench-status-"))));
afterEach(() => rmSync(root, {recursive: true, force: true}));

describe("status(settings, {now}) with the csv source", () => {
  it("lists each ticker's file or its absence, first and last date, rows and skipped rows, and the research series' vintage and last date", async () => {
    const dataDir = join(root, "prices");
    const frenchDir = join(root, "french");
    const fredDir = join(root, "fred");
    for (const d of [dataDir, frenchDir, fredDir]) mkdirSync(d);
    // SPY: newest first, one bad row, one row before the start setting.
    writeFileSync(
      join(dataDir, "SPY.csv"),
      "Date,Close\n2024-01-05,103\n2024-01-04,0\n2024-01-03,101\n2024-01-02,100\n2023-12-29,99\n"
    );
    writeFileSync(join(dataDir, "BAD.csv"), "Date;Close\n2024-01-02;100,5\n");
    copyFileSync(FRENCH, join(frenchDir, "F-F_Research_Data_Factors.CSV"));
    writeFileSync(
      join(fredDir, "DGS10.csv"),
      "observation_date,DGS10\n2024-01-02,3.95\n2024-01-03,.\n2024-01-04,3.99\n"
    );
    const settings: Settings = {
      source: "csv",
      dataDir,
      tickers: ["SPY", "QQQ", "BAD"],
      start: "2024-01-01",
      cacheDir: join(root, "cache"),
      configFile: null,
      research: {
        source: "auto",
        cacheDir: join(root, "cache"),
        frenchDir,
        fredDir,
        frenchUrl: null,
        fredUrl: null,
        timeoutMs: 1000
      },
      fundValuation: {mode: "off", timeoutMs: 1000},
      funds: [],
      sources: {}
    };
    const lines = await status(settings, {now: NOW});
    const at = (prefix: string) => lines.find((l) => l.startsWith(prefix))?.split(/ {2,}/);
    expect(lines[1]).toBe(`prices: read from the CSV folder ${dataDir} at every build (no cache)`);
    expect(at("ticker")).toEqual(["ticker", "file", "first", "last", "rows", "skipped", "note"]);
    expect(at("SPY")).toEqual([
      "SPY",
      "SPY.csv",
      "2024-01-02",
      "2024-01-05",
      "3",
      "1",
      "1 rows outside 2024-01-01 to today"
    ]);
    expect(at("QQQ")).toEqual(["QQQ", "missing", "-", "-", "0", "-", "put QQQ.csv in the folder"]);
    expect(at("BAD")?.slice(0, 6)).toEqual(["BAD", "BAD.csv", "-", "-", "0", "-"]);
    expect(at("BAD")?.[6]).toMatch(/^unreadable: BAD\.csv separates its columns with semicolons/);
    expect(at("french:F-F_Research_Data_Factors ")?.slice(0, 6)).toEqual([
      "french:F-F_Research_Data_Factors",
      "file",
      "202509",
      "1926-07-31",
      "1926-09-30",
      "3"
    ]);
    expect(at("fred:DGS10")?.slice(0, 6)).toEqual([
      "fred:DGS10",
      "file",
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      "2024-01-02",
      "2024-01-04",
      "2"
    ]);
    // A dataset with no local copy: the synthetic sample a build would show, said so.
    expect(at("fred:DFF")?.[1]).toBe("sample");
    expect(lines.join("\n")).not.toMatch(/not cached|status does not go online/);
  });
});
