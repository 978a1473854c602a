import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {readSettings} from "../../data-loaders/settings.js";
import {DEFAULT_UNIVERSE} from "../../src/lib/universe.js";

let root: string;
const config = (value: unknown, name = "workbench.config.json") => {
  const path = join(root, name);
  writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value));
  return path;
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "workbench-settings-"));
});

afterEach(() => {
  rmSync(root, {recursive: true, force: true});
});

describe("readSettings(env, {root})", () => {
  it("readSettings({}, {root}) gives the defaults: auto, the default universe, 2000-01-01, .workbench-cache under root", () => {
    expect(readSettings({}, {root})).toEqual({
      source: "auto",
      dataDir: null,
      tickers: DEFAULT_UNIVERSE.map((f) => f.ticker),
      funds: [],
      start: "2000-01-01",
      cacheDir: join(root, ".workbench-cache"),
      configFile: null,
      research: {
        source: "auto",
        cacheDir: join(root, ".workbench-cache"),
        frenchDir: null,
        fredDir: null,
        frenchUrl: null,
        fredUrl: null,
        timeoutMs: 8000
      },
      fundValuation: {mode: "auto", timeoutMs: 10_000},
      sources: {yahoo: {url: null, key: null}, tiingo: {url: null, key: null}}
    });
  });

  it("readSettings({}, {root}) reads workbench.config.json at root", () => {
    const path = config({
      source: "sample",
      tickers: ["spy", "ijr"],
      start: "2010-01-04",
      cacheDir: "cache",
      dataDir: "/abs/prices"
    });
    expect(readSettings({}, {root})).toMatchObject({
      source: "sample",
      dataDir: "/abs/prices",
      tickers: ["SPY", "IJR"],
      start: "2010-01-04",
      cacheDir: join(root, "cache"),
      configFile: path
    });
  });

  it("readSettings(env, {root}) lets every WORKBENCH_* variable override the config file", () => {
    config({source: "sample", tickers: ["SPY"], start: "2010-01-04", cacheDir: "cache", dataDir: "from-config"});
    const s = readSettings(
      {
        WORKBENCH_SOURCE: "yahoo",
        WORKBENCH_TICKERS: "IWM,IWB",
        WORKBENCH_START: "2015-06-01",
        WORKBENCH_CACHE_DIR: "/tmp/elsewhere",
        WORKBENCH_DATA_DIR: "from-env"
      },
      {root}
    );
    expect(s.source).toBe("yahoo");
    expect(s.tickers).toEqual(["IWM", "IWB"]);
    expect(s.start).toBe("2015-06-01");
    expect(s.cacheDir).toBe("/tmp/elsewhere");
    expect(s.dataDir).toBe(join(root, "from-env"));
  });

  it("readSettings(env, {root}) ignores blank variables and falls back to the config file", () => {
    config({source: "sample", tickers: "spy"});
    const s = readSettings({WORKBENCH_SOURCE: "  ", WORKBENCH_TICKERS: ""}, {root});
    expect(s.source).toBe("sample");
    expect(s.tickers).toEqual(["SPY"]);
  });

  it("readSettings({WORKBENCH_SOURCE: ' YAHOO '}) is case- and space-insensitive", () => {
    expect(readSettings({WORKBENCH_SOURCE: " YAHOO "}, {root}).source).toBe("yahoo");
  });

  it("readSettings({WORKBENCH_CONFIG}) reads that file, relative to root", () => {
    mkdirSync(join(root, "conf"));
    const path = config({source: "sample"}, "conf/other.json");
    config({source: "yahoo"}); // the default file is not read when WORKBENCH_CONFIG is set
    const s = readSettings({WORKBENCH_CONFIG: "conf/other.json"}, {root});
    expect(s.source).toBe("sample");
    expect(s.configFile).toBe(path);
  });

  it("readSettings({WORKBENCH_CONFIG}) throws naming the missing file and the variable", () => {
    expect(() => readSettings({WORKBENCH_CONFIG: "nope.json"}, {root})).toThrow(
      `config file not found: ${join(root, "nope.json")} (WORKBENCH_CONFIG)`
    );
  });

  it("readSettings({WORKBENCH_SOURCE: 'bogus'}) throws listing the valid sources", () => {
    expect(() => readSettings({WORKBENCH_SOURCE: "bogus"}, {root})).toThrow(
      /invalid source "bogus": use one of auto, yahoo, tiingo, csv, sample \(WORKBENCH_SOURCE/
    );
  });

  it("readSettings() throws on an invalid source in the config file, naming the file", () => {
    const path = config({source: "bloomberg"});
    expect(() => readSettings({}, {root})).toThrow(`"source" in ${path}`);
  });

  it.each(["yesterday", "2020-13-01", "2021-02-29", "2020/01/02", "20200102"])(
    "readSettings({WORKBENCH_START: %j}) throws asking for YYYY-MM-DD",
    (start) => {
      expect(() => readSettings({WORKBENCH_START: start}, {root})).toThrow(
        `invalid start date "${start}": use YYYY-MM-DD (WORKBENCH_START)`
      );
    }
  );

  it("readSettings({WORKBENCH_START: '2020-02-29'}) accepts a leap day", () => {
    expect(readSettings({WORKBENCH_START: "2020-02-29"}, {root}).start).toBe("2020-02-29");
  });

  it.each(["SPY,IW M", "SPY;IJR", "SPY,ijr/x", "ABCDEFGHIJKLMNOP"])(
    "readSettings({WORKBENCH_TICKERS: %j}) throws naming the bad ticker and the expected form",
    (tickers) => {
      expect(() => readSettings({WORKBENCH_TICKERS: tickers}, {root})).toThrow(
        /invalid ticker\(s\): .+ \(WORKBENCH_TICKERS is a comma list like IWC,IJR,SPY\)/
      );
    }
  );

  it("readSettings({WORKBENCH_TICKERS: 'SPY,IW M'}) names only the bad ticker", () => {
    expect(() => readSettings({WORKBENCH_TICKERS: "SPY,IW M"}, {root})).toThrow("invalid ticker(s): IW M (");
  });

  it("readSettings({WORKBENCH_TICKERS: ' ,, '}) throws: no tickers", () => {
    expect(() => readSettings({WORKBENCH_TICKERS: " ,, "}, {root})).toThrow("no tickers");
  });

  it("readSettings({WORKBENCH_TICKERS}) upper-cases, trims, drops blanks and duplicates, keeping first order", () => {
    expect(readSettings({WORKBENCH_TICKERS: " spy, ijr,SPY ,,iwm,^gspc,brk.b"}, {root}).tickers).toEqual([
      "SPY",
      "IJR",
      "IWM",
      "^GSPC",
      "BRK.B"
    ]);
  });

  it("readSettings() deduplicates a ticker array from the config file", () => {
    config({tickers: ["ivv", "IVV", " ivv "]});
    expect(readSettings({}, {root}).tickers).toEqual(["IVV"]);
  });

  it("readSettings({WORKBENCH_SOURCE: 'csv'}) without a data folder throws asking for WORKBENCH_DATA_DIR", () => {
    expect(() => readSettings({WORKBENCH_SOURCE: "csv"}, {root})).toThrow(
      /source "csv" needs a folder: set WORKBENCH_DATA_DIR/
    );
  });

  it("readSettings({WORKBENCH_SOURCE: 'csv', WORKBENCH_DATA_DIR}) resolves a relative folder against root", () => {
    const s = readSettings({WORKBENCH_SOURCE: "csv", WORKBENCH_DATA_DIR: "data/prices"}, {root});
    expect(s.dataDir).toBe(join(root, "data", "prices"));
  });

  it("readSettings() resolves a relative dataDir from the config file against root and keeps an absolute one", () => {
    config({source: "csv", dataDir: "../shared/prices"});
    expect(readSettings({}, {root}).dataDir).toBe(join(root, "..", "shared", "prices"));
    expect(readSettings({WORKBENCH_DATA_DIR: "/srv/prices"}, {root}).dataDir).toBe("/srv/prices");
  });

  it("readSettings() throws 'cannot read config file' on invalid JSON, naming the file", () => {
    const path = config("{source: yahoo");
    expect(() => readSettings({}, {root})).toThrow(`cannot read config file ${path}: `);
  });

  it.each([["[]"], ["null"], ['"yahoo"'], ["42"]])(
    "readSettings() rejects a config file holding %s: expected a JSON object",
    (text) => {
      config(text);
      expect(() => readSettings({}, {root})).toThrow(/cannot read config file .*: expected a JSON object/);
    }
  );

  it("readSettings() throws when the config path is a directory (unreadable)", () => {
    mkdirSync(join(root, "workbench.config.json"));
    expect(() => readSettings({}, {root})).toThrow(/cannot read config file .*workbench\.config\.json/);
  });

  it("readSettings() reads research and fund valuation settings from the environment over the config file", () => {
    const path = config({
      researchSource: "file",
      frenchDir: "f",
      fredDir: "/abs/fred",
      researchTimeoutMs: 3000,
      fundValuation: "cache",
      fundTimeoutMs: 2500
    });
    expect(readSettings({}, {root})).toMatchObject({
      configFile: path,
      research: {source: "file", frenchDir: join(root, "f"), fredDir: "/abs/fred", timeoutMs: 3000},
      fundValuation: {mode: "cache", timeoutMs: 2500}
    });
    const s = readSettings(
      {
        WORKBENCH_RESEARCH_SOURCE: " SAMPLE ",
        WORKBENCH_FRENCH_DIR: "x/french",
        WORKBENCH_RESEARCH_TIMEOUT_MS: "100",
        WORKBENCH_FUND_VALUATION: " OFF ",
        WORKBENCH_FUND_TIMEOUT_MS: "2500"
      },
      {root}
    );
    expect(s.research).toMatchObject({source: "sample", frenchDir: join(root, "x", "french"), timeoutMs: 100});
    expect(s.fundValuation).toEqual({mode: "off", timeoutMs: 2500});
  });

  it.each([
    [
      {WORKBENCH_RESEARCH_SOURCE: "ftp"},
      'invalid research source "ftp": use one of auto, live, file, sample (WORKBENCH_RESEARCH_SOURCE)'
    ],
    [
      {WORKBENCH_FUND_VALUATION: "live"},
      'invalid fund valuation mode "live": use one of auto, cache, off (WORKBENCH_FUND_VALUATION)'
    ],
    [
      {WORKBENCH_FUND_TIMEOUT_MS: "-1"},
      'invalid time limit "-1": give a positive number of milliseconds (WORKBENCH_FUND_TIMEOUT_MS)'
    ],
    [
      {WORKBENCH_RESEARCH_TIMEOUT_MS: "soon"},
      'invalid time limit "soon": give a positive number of milliseconds (WORKBENCH_RESEARCH_TIMEOUT_MS)'
    ]
  ])("readSettings(%j) throws naming the variable and the bad value", (env, message) => {
    expect(() => readSettings(env, {root})).toThrow(message);
  });

  it.each([
    [{cacheDir: 42}, "cache folder 42", "cacheDir"],
    [{cacheDir: ""}, 'cache folder ""', "cacheDir"],
    [{dataDir: null}, "data folder null", "dataDir"],
    [{start: 20200102}, "start date 20200102", "start"],
    [{source: true}, "source true", "source"],
    [{tickers: ["SPY", 5]}, 'tickers ["SPY",5]', "tickers"],
    [{tickers: null}, "tickers null", "tickers"],
    [{fundTimeoutMs: "0"}, 'time limit "0"', "fundTimeoutMs"]
  ])("readSettings() rejects the config file value %j, naming the key and the value", (value, what, key) => {
    const path = config(value);
    expect(() => readSettings({}, {root})).toThrow(`invalid ${what}`);
    expect(() => readSettings({}, {root})).toThrow(`"${key}" in ${path}`);
  });

  it.each([".", "..", ".hidden"])("readSettings({WORKBENCH_TICKERS: %j}) rejects a ticker that is a path", (t) => {
    expect(() => readSettings({WORKBENCH_TICKERS: `SPY,${t}`}, {root})).toThrow(
      `invalid ticker(s): ${t.toUpperCase()} (`
    );
  });

  it("readSettings() names an unknown config key and lists the known ones; // keys are comments", () => {
    const path = config({ticker: "SPY"});
    expect(() => readSettings({}, {root})).toThrow(
      `unknown key "ticker" in ${path}: the keys are source, dataDir, tickers`
    );
    config({"//": "a comment", source: "sample"});
    expect(readSettings({}, {root}).source).toBe("sample");
  });

  it("readSettings() reads a config file that starts with a UTF-8 byte-order mark", () => {
    config("\uFEFF" + JSON.stringify({source: "sample"}));
    expect(readSettings({}, {root}).source).toBe("sample");
  });
});

describe("readSettings(): declared funds", () => {
  const zzq = {ticker: "zzq", name: "Zed Small Value", size: "Small", style: "value"};

  it("reads the config file's funds and adds a declared fund missing from the tickers at the end", () => {
    config({tickers: ["IJR", "SPY"], funds: [zzq, {ticker: "IJR", name: "My IJR", size: "small", style: "core"}]});
    expect(readSettings({}, {root})).toMatchObject({
      tickers: ["IJR", "SPY", "ZZQ"],
      funds: [
        {ticker: "ZZQ", name: "Zed Small Value", size: "small", style: "value"},
        {ticker: "IJR", name: "My IJR", size: "small", style: "core"}
      ]
    });
  });

  it("adds declared funds to the default tickers, and to WORKBENCH_TICKERS", () => {
    config({funds: [zzq]});
    expect(readSettings({}, {root}).tickers).toEqual([...DEFAULT_UNIVERSE.map((f) => f.ticker), "ZZQ"]);
    expect(readSettings({WORKBENCH_TICKERS: "SPY"}, {root}).tickers).toEqual(["SPY", "ZZQ"]);
  });

  it.each([
    [{funds: {ticker: "ZZQ"}}, 'invalid "funds" in PATH: give a list of funds like ['],
    [{funds: ["ZZQ"]}, "invalid funds[0] in PATH: give an object with ticker, name, size and style"],
    [
      {funds: [{...zzq, size: "huge"}]},
      'invalid funds[0] (ZZQ) in PATH: size "huge" is not one of micro, small, mid, large, market'
    ],
    [
      {funds: [zzq, {...zzq, ticker: "AB", style: "momentum"}]},
      'invalid funds[1] (AB) in PATH: style "momentum" is not one of value, core, growth, blend'
    ],
    [{funds: [{...zzq, name: ""}]}, 'invalid funds[0] (ZZQ) in PATH: name "" is not a text'],
    [{funds: [{...zzq, ticker: "../x"}]}, 'invalid funds[0] (../X) in PATH: ticker "../x" is not a symbol like AVUV'],
    [
      {funds: [{name: "No ticker", size: "small", style: "value"}]},
      "invalid funds[0] in PATH: ticker undefined is not a symbol"
    ],
    [{funds: [zzq, zzq]}, "invalid funds[1] (ZZQ) in PATH: ZZQ is declared twice"],
    [
      {funds: [{...zzq, sector: "tech"}]},
      'invalid funds[0] (ZZQ) in PATH: unknown field "sector": the fields are ticker, name, size, style'
    ]
  ])("rejects %j naming the entry and the bad field", (value, message) => {
    const path = config(value);
    expect(() => readSettings({}, {root})).toThrow(message.replace("PATH", path));
  });
});
