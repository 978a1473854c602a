import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {homedir, tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {publicPaths} from "../../data-loaders/public-paths.js";
import {PROJECT_ROOT, type Settings} from "../../data-loaders/settings.js";
import {ensureSnapshot} from "../../data-loaders/snapshot.js";
import {buildResearch} from "../../data-loaders/research-tables.js";
import {acquireAll} from "../../data-loaders/research.js";
import {parseDay} from "../../src/lib/dates.js";

describe("publicPaths(value, {dirs, root})", () => {
  it("names a folder inside the project by its relative path and any other by its name, in every string", () => {
    const root = "/work/project";
    const value = {
      a: "no CSV file for QQQ in /data/me/prices; put QQQ.csv in /data/me/prices",
      b: ["cache at /work/project/.workbench-cache/prices/yahoo/IJR.json", "/work/project"],
      c: {n: 3, d: null, e: `${homedir()}/notes.csv`}
    };
    expect(publicPaths(value, {dirs: ["/data/me/prices", "/work/project/.workbench-cache"], root})).toEqual({
      a: "no CSV file for QQQ in prices; put QQQ.csv in prices",
      b: ["cache at .workbench-cache/prices/yahoo/IJR.json", "."],
      c: {n: 3, d: null, e: "~/notes.csv"}
    });
  });
});

describe("meta.json and research-meta.json from a csv build", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "workbench-public-"))));
  afterEach(() => rmSync(dir, {recursive: true, force: true}));

  it("hold no absolute path: not the data folder, the cache, the research folders or the project", async () => {
    const dataDir = join(dir, "my prices");
    const cacheDir = join(dir, "cache");
    const frenchDir = join(dir, "french");
    mkdirSync(dataDir);
    mkdirSync(frenchDir);
    writeFileSync(join(dataDir, "SPY.csv"), "Date,Close\n2024-01-02,100\n2024-01-03,0\n");
    writeFileSync(join(frenchDir, "F-F_Research_Data_Factors.csv"), "not a French file\n");
    const settings: Settings = {
      source: "csv",
      dataDir,
      tickers: ["SPY", "QQQ"],
      start: "2024-01-01",
      cacheDir,
      configFile: null,
      research: {source: "file", cacheDir, frenchDir, fredDir: null, frenchUrl: null, fredUrl: null, timeoutMs: 1000},
      fundValuation: {mode: "off", timeoutMs: 1000},
      funds: [],
      sources: {}
    };
    const now = parseDay("2024-01-05");
    const meta = readFileSync(join(await ensureSnapshot(settings, {now}), "meta.json"), "utf8");
    const raw = await acquireAll(settings.research, undefined, {now});
    const research = buildResearch(raw, settings.research, now)["research-meta.json"] as string;
    for (const text of [meta, research]) {
      for (const path of [dir, PROJECT_ROOT, homedir()]) expect(text).not.toContain(path);
      expect(text).not.toMatch(/"\/|\s\/[a-z]/);
    }
    // The messages still say where to look, by the folder's name.
    expect(meta).toContain("no CSV file for QQQ in my prices; put QQQ.csv in my prices");
    expect(research).toContain("unreadable file french/F-F_Research_Data_Factors.csv");
  });
});
