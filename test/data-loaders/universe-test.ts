import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {readSettings} from "../../data-loaders/settings.js";
import {ensureSnapshot} from "../../data-loaders/snapshot.js";
import type {PricesMeta} from "../../src/lib/contracts.js";

const SPY_CSV = fileURLToPath(new URL("../fixtures/csv/folder/SPY.csv", import.meta.url));

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "workbench-universe-"));
  mkdirSync(join(root, "prices"));
  copyFileSync(SPY_CSV, join(root, "prices", "SPY.csv"));
  copyFileSync(SPY_CSV, join(root, "prices", "ZZQ.csv"));
  copyFileSync(SPY_CSV, join(root, "prices", "QQQQ.csv"));
});
afterEach(() => rmSync(root, {recursive: true, force: true}));

describe("a fund declared in workbench.config.json", () => {
  it("reaches meta.json's universe with its name, size and style; others keep the built-in description or 'other'", async () => {
    writeFileSync(
      join(root, "workbench.config.json"),
      JSON.stringify({
        source: "csv",
        dataDir: "prices",
        tickers: ["SPY", "QQQQ"],
        start: "2024-01-01",
        funds: [{ticker: "ZZQ", name: "Zed Small Value Fund", size: "small", style: "value"}]
      })
    );
    const settings = readSettings({}, {root});
    const dir = await ensureSnapshot(settings, {now: Date.UTC(2024, 0, 9, 12)});
    const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as PricesMeta;
    expect(meta.tickers).toEqual(["SPY", "QQQQ", "ZZQ"]);
    expect(meta.universe).toEqual([
      {ticker: "SPY", name: "SPDR S&P 500", size: "market", style: "blend", declared: false},
      {ticker: "QQQQ", name: "QQQQ", size: "other", style: "other", declared: false},
      {ticker: "ZZQ", name: "Zed Small Value Fund", size: "small", style: "value", declared: true}
    ]);
    expect(meta.series.find((s) => s.ticker === "ZZQ")).toMatchObject({source: "csv", rows: 4});
  });

  it("overrides the built-in description of a known fund, and a changed declaration makes a new snapshot", async () => {
    const write = (name: string) =>
      writeFileSync(
        join(root, "workbench.config.json"),
        JSON.stringify({
          source: "csv",
          dataDir: "prices",
          tickers: ["SPY"],
          start: "2024-01-01",
          funds: [{ticker: "SPY", name, size: "large", style: "core"}]
        })
      );
    const now = Date.UTC(2024, 0, 9, 12);
    write("S&P 500 as large core");
    const first = await ensureSnapshot(readSettings({}, {root}), {now});
    write("renamed");
    const second = await ensureSnapshot(readSettings({}, {root}), {now});
    expect(second).not.toBe(first);
    const meta = JSON.parse(readFileSync(join(second, "meta.json"), "utf8")) as PricesMeta;
    expect(meta.universe).toEqual([{ticker: "SPY", name: "renamed", size: "large", style: "core", declared: true}]);
  });
});
