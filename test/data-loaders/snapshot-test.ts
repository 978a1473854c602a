import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync
} from "node:fs";
import {createHash} from "node:crypto";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {tableFromIPC} from "apache-arrow";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {findPriceFile} from "../../data-loaders/price-files.js";
import type {PriceLoad} from "../../data-loaders/prices.js";
import type {Settings} from "../../data-loaders/settings.js";
import {
  bumpGeneration,
  ensureSnapshot,
  fingerprint,
  metaJson,
  syncFrameworkCache
} from "../../data-loaders/snapshot.js";
import type {PriceSeries, TickerOutcome} from "../../data-loaders/types.js";
import {fakeSource, testSettings} from "./settings-fixture.js";
import {formatDay, parseDay} from "../../src/lib/dates.js";

const DAY_MS = 86_400_000;
const NOW = parseDay("2025-12-23") + 15 * 3_600_000; // 15:00 UTC
const CSV_FOLDER = fileURLToPath(new URL("../fixtures/csv/folder", import.meta.url));

let cacheDir: string;

beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), "workbench-snapshot-"));
});

afterEach(() => {
  rmSync(cacheDir, {recursive: true, force: true});
});

const settings = (more: Partial<Settings> = {}): Settings => testSettings({cacheDir, ...more});

function series(ticker: string, days: string[]): PriceSeries {
  const n = days.length;
  return {
    ticker,
    date: Float64Array.from(days, parseDay),
    close: Float64Array.from({length: n}, (_, i) => 100 + i),
    adjClose: Float64Array.from({length: n}, (_, i) => 99 + i),
    dividend: new Float64Array(n),
    split: new Float64Array(n).fill(1),
    volume: new Float64Array(n).fill(NaN)
  };
}

/** A Yahoo stand-in that counts its loads (requests for IJR, in every load); the tickers in `failing` fail. */
function countingYahoo(failing: string[] = []) {
  const counter = {calls: 0};
  const {sources} = fakeSource((t): TickerOutcome => {
    if (t === "IJR") counter.calls++;
    return failing.includes(t)
      ? {ticker: t, ok: false, error: `${t}: not found`, warnings: []}
      : {ticker: t, ok: true, series: series(t, ["2025-12-19", "2025-12-22"]), warnings: []};
  });
  return {sources, counter};
}

describe("fingerprint(settings, now, env)", () => {
  const env = {HOME: "/root", WORKBENCH_SOURCE: "auto"};

  it("fingerprint() is stable for the same settings, day, env and generation, and 16 hex digits long", () => {
    const key = fingerprint(settings(), NOW, env);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint(settings(), NOW, {...env})).toBe(key);
    expect(fingerprint(settings(), NOW - 14 * 3_600_000, env)).toBe(key); // 01:00 the same day
    expect(fingerprint(settings(), NOW + 8 * 3_600_000, env)).toBe(key); // 23:00 the same day
  });

  it("fingerprint() changes with each setting that decides the data", () => {
    const key = fingerprint(settings(), NOW, env);
    const others = [
      settings({source: "yahoo"}),
      settings({source: "sample"}),
      settings({tickers: ["IJR"]}),
      settings({tickers: ["IVV", "IJR"]}),
      settings({start: "2025-12-02"}),
      settings({dataDir: "/data"})
    ].map((s) => fingerprint(s, NOW, env));
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });

  it("fingerprint() changes when any WORKBENCH_* variable is added or changed, not others", () => {
    const key = fingerprint(settings(), NOW, env);
    expect(fingerprint(settings(), NOW, {...env, WORKBENCH_YAHOO_URL: "http://127.0.0.1:1"})).not.toBe(key);
    expect(fingerprint(settings(), NOW, {...env, WORKBENCH_SOURCE: "AUTO"})).not.toBe(key);
    expect(fingerprint(settings(), NOW, {...env, WORKBENCH_SOMETHING_NEW: ""})).not.toBe(key);
    expect(fingerprint(settings(), NOW, {...env, HOME: "/home/other", PATH: "/bin"})).toBe(key);
  });

  it("fingerprint() changes with the day (UTC) for live and sample sources", () => {
    for (const source of ["auto", "yahoo", "sample"] as const) {
      const s = settings({source});
      expect(fingerprint(s, NOW + DAY_MS, env), source).not.toBe(fingerprint(s, NOW, env));
    }
    // 23:59 and 00:00 UTC are different days.
    const midnight = parseDay("2025-12-24");
    expect(fingerprint(settings(), midnight, env)).not.toBe(fingerprint(settings(), midnight - 1, env));
  });

  it("fingerprint() changes with each bumpGeneration(cacheDir)", () => {
    const keys = [fingerprint(settings(), NOW, env)];
    bumpGeneration(cacheDir);
    keys.push(fingerprint(settings(), NOW, env));
    bumpGeneration(cacheDir);
    keys.push(fingerprint(settings(), NOW, env));
    expect(new Set(keys).size).toBe(3);
    expect(readFileSync(join(cacheDir, "generation"), "utf8")).toBe("2");
    expect(fingerprint(settings(), NOW, env)).toBe(keys[2]);
  });

  it("fingerprint() for csv ignores the day but follows the folder's files", () => {
    const dataDir = join(cacheDir, "csv");
    cpSync(CSV_FOLDER, dataDir, {recursive: true});
    const s = settings({source: "csv", dataDir});
    const key = fingerprint(s, NOW, env);
    expect(fingerprint(s, NOW + 30 * DAY_MS, env)).toBe(key);
    writeFileSync(
      join(dataDir, "iwm.CSV"),
      readFileSync(join(dataDir, "iwm.CSV"), "utf8") + "2024-01-09,10.55,10.7,10.5,10.65,950\n"
    );
    const edited = fingerprint(s, NOW, env);
    expect(edited).not.toBe(key);
    writeFileSync(join(dataDir, "QQQ.csv"), "Date,Close\n2024-01-02,400\n");
    expect(fingerprint(s, NOW, env)).not.toBe(edited);
  });
});

describe("a CSV folder holding a dangling or looping link", () => {
  const env = {WORKBENCH_SOURCE: "csv"};
  /** A copy of the fixture folder with a dangling "old backup.csv", a self-loop and, optionally, IWM.csv as a dangling link. */
  const folder = ({iwmBroken = false} = {}) => {
    const dataDir = join(cacheDir, "csv");
    cpSync(CSV_FOLDER, dataDir, {recursive: true});
    symlinkSync(join(dataDir, "gone.csv"), join(dataDir, "old backup.csv"));
    symlinkSync(join(dataDir, "loop.csv"), join(dataDir, "loop.csv"));
    if (iwmBroken) {
      rmSync(join(dataDir, "iwm.CSV"));
      symlinkSync(join(dataDir, "moved", "iwm.csv"), join(dataDir, "IWM.csv"));
    }
    return dataDir;
  };

  it("fingerprint() and ensureSnapshot() skip entries no ticker needs", async () => {
    const s = settings({source: "csv", dataDir: folder(), tickers: ["SPY", "IWM"], start: "2024-01-01"});
    expect(fingerprint(s, NOW, env)).toMatch(/^[0-9a-f]{16}$/);
    const dir = await ensureSnapshot(s, {now: NOW});
    const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8"));
    expect(meta.series.map((p: {ticker: string; rows: number}) => [p.ticker, p.rows])).toEqual([
      ["SPY", 4],
      ["IWM", 5]
    ]);
    expect(JSON.stringify(meta)).not.toMatch(/old backup|loop\.csv/);
  });

  it("a ticker whose file is a broken link fails alone, saying so", async () => {
    const s = settings({
      source: "csv",
      dataDir: folder({iwmBroken: true}),
      tickers: ["SPY", "IWM"],
      start: "2024-01-01"
    });
    const dir = await ensureSnapshot(s, {now: NOW});
    const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8"));
    expect(meta.series[1].warnings).toEqual([
      `failed: IWM: IWM.csv in csv cannot be read: it is a broken or looping link (ENOENT); replace it with the file itself`
    ]);
  });
});

describe("bumpGeneration(cacheDir)", () => {
  it("bumpGeneration() counts up from 0, creating the cache folder", () => {
    const dir = join(cacheDir, "new");
    bumpGeneration(dir);
    expect(readFileSync(join(dir, "generation"), "utf8")).toBe("1");
    bumpGeneration(dir);
    bumpGeneration(dir);
    expect(readFileSync(join(dir, "generation"), "utf8")).toBe("3");
  });
});

describe("ensureSnapshot(settings) with a cache folder that cannot be written", () => {
  it("a sample build says the folder is not writable and what to set, not a bare system code", async () => {
    // A file where the cache folder should be: as unwritable as a read-only mount, and testable as root.
    const blocked = join(cacheDir, "blocked");
    writeFileSync(blocked, "");
    const s = settings({source: "sample", cacheDir: blocked});
    await expect(ensureSnapshot(s, {now: NOW})).rejects.toThrow(
      /^cannot write .*blocked\/snapshots\/[0-9a-f]{16}\/prices\/[A-Z]+\.[0-9a-f]{8}\.arrow \(ENOTDIR\): .* is not a writable folder; if it is in the cache, set WORKBENCH_CACHE_DIR/
    );
  });
});

describe("bumpGeneration(cacheDir) over a corrupt generation file", () => {
  it("moves on from the clock instead of sticking at NaN, and counts up from there", () => {
    const env = {WORKBENCH_SOURCE: "auto"};
    writeFileSync(join(cacheDir, "generation"), "\u0000garbage");
    const keys = [fingerprint(settings(), NOW, env)];
    bumpGeneration(cacheDir, {now: 1_765_000_000_000});
    expect(readFileSync(join(cacheDir, "generation"), "utf8")).toBe("1765000000000");
    keys.push(fingerprint(settings(), NOW, env));
    bumpGeneration(cacheDir);
    expect(readFileSync(join(cacheDir, "generation"), "utf8")).toBe("1765000000001");
    keys.push(fingerprint(settings(), NOW, env));
    expect(new Set(keys).size).toBe(3);
  });
});

describe("ensureSnapshot(settings, {yahoo, now})", () => {
  it("ensureSnapshot() writes one Arrow file per ticker, named by its content, and meta.json naming them", async () => {
    const {sources} = countingYahoo();
    const s = settings();
    const dir = await ensureSnapshot(s, {sources, now: NOW});
    expect(dir).toBe(join(cacheDir, "snapshots", fingerprint(s, NOW)));
    expect(readdirSync(dir).sort()).toEqual(["meta.json", "prices"]);
    const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8"));
    expect(Object.keys(meta.files)).toEqual(["IJR", "IVV"]);
    expect(readdirSync(join(dir, "prices")).sort()).toEqual([meta.files.IJR, meta.files.IVV].sort());
    for (const ticker of ["IJR", "IVV"]) {
      const bytes = readFileSync(join(dir, "prices", meta.files[ticker]));
      expect(meta.files[ticker]).toBe(
        `${ticker}.${createHash("sha256").update(bytes).digest("hex").slice(0, 8)}.arrow`
      );
      const table = tableFromIPC(bytes);
      expect(table.toArray().map((r) => `${r.ticker} ${formatDay(r.date)}`)).toEqual([
        `${ticker} 2025-12-19`,
        `${ticker} 2025-12-22`
      ]);
      expect(findPriceFile(cacheDir, meta.files[ticker])).toBe(join(dir, "prices", meta.files[ticker]));
    }
    expect(meta).toMatchObject({
      generatedAt: new Date(NOW).toISOString(),
      requestedSource: "auto",
      source: "yahoo",
      synthetic: false,
      stale: false
    });
    expect(meta.series.map((p: {ticker: string}) => p.ticker)).toEqual(["IJR", "IVV"]);
  });

  it("ensureSnapshot() returns the same folder without loading again for the same fingerprint", async () => {
    const {sources, counter} = countingYahoo();
    const first = await ensureSnapshot(settings(), {sources, now: NOW});
    expect(counter.calls).toBe(1);
    const meta = readFileSync(join(first, "meta.json"), "utf8");
    const second = await ensureSnapshot(settings(), {sources, now: NOW + 3_600_000});
    expect(second).toBe(first);
    expect(counter.calls).toBe(1);
    expect(readFileSync(join(first, "meta.json"), "utf8")).toBe(meta);
  });

  it("ensureSnapshot() loads again on a new day, after bumpGeneration, or under other settings", async () => {
    const {sources, counter} = countingYahoo();
    const dirs = new Set<string>();
    dirs.add(await ensureSnapshot(settings(), {sources, now: NOW}));
    dirs.add(await ensureSnapshot(settings(), {sources, now: NOW + DAY_MS}));
    bumpGeneration(cacheDir);
    dirs.add(await ensureSnapshot(settings(), {sources, now: NOW + DAY_MS}));
    dirs.add(await ensureSnapshot(settings({tickers: ["IJR"]}), {sources, now: NOW + DAY_MS}));
    expect(dirs.size).toBe(4);
    // One request per load: both tickers share a cached end, so they form one group.
    expect(counter.calls).toBe(4);
  });

  it("ensureSnapshot() rebuilds a snapshot whose meta.json is missing (an interrupted run)", async () => {
    const {sources, counter} = countingYahoo();
    const dir = await ensureSnapshot(settings(), {sources, now: NOW});
    rmSync(join(dir, "meta.json"));
    expect(await ensureSnapshot(settings(), {sources, now: NOW})).toBe(dir);
    expect(counter.calls).toBe(2);
    expect(existsSync(join(dir, "meta.json"))).toBe(true);
  });

  it("ensureSnapshot() in auto mode with Yahoo failing writes a synthetic snapshot", async () => {
    const {sources} = countingYahoo(["IJR", "IVV"]);
    const dir = await ensureSnapshot(settings(), {sources, now: NOW});
    const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8"));
    expect(meta).toMatchObject({source: "sample", synthetic: true});
    expect(meta.notes[0]).toMatch(/^Live prices unavailable and nothing cached/);
    const files = Object.values(meta.files) as string[];
    expect(files).toHaveLength(2);
    expect(tableFromIPC(readFileSync(join(dir, "prices", files[0]))).numRows).toBeGreaterThan(0);
  });

  it("ensureSnapshot() keeps the current snapshot and the 4 most recent others", async () => {
    const {sources} = countingYahoo();
    const dirs: string[] = [];
    for (let day = 0; day < 7; ++day) dirs.push(await ensureSnapshot(settings(), {sources, now: NOW + day * DAY_MS}));
    expect(new Set(dirs).size).toBe(7);
    const left = readdirSync(join(cacheDir, "snapshots"));
    expect(left).toHaveLength(5);
    expect(existsSync(dirs[6])).toBe(true);
  });
});

describe("metaJson(load, settings, now)", () => {
  const load = (more: Partial<PriceLoad> = {}): PriceLoad => ({
    series: [],
    provenance: [
      {
        id: "prices:IJR",
        kind: "prices",
        ticker: "IJR",
        source: "yahoo",
        first: "2025-12-01",
        last: "2025-12-12",
        rows: 10,
        fetchedAt: "x",
        fromCache: false,
        synthetic: false,
        warnings: ["stale: last close 2025-12-12 is 11 days old"]
      },
      {
        id: "prices:ZZZZ",
        kind: "prices",
        ticker: "ZZZZ",
        source: "yahoo",
        first: null,
        last: null,
        rows: 0,
        fetchedAt: null,
        fromCache: false,
        synthetic: false,
        warnings: ["failed: ZZZZ: not found"]
      }
    ],
    source: "yahoo",
    sourceTitle: "Yahoo Finance daily chart data",
    synthetic: false,
    notes: ["ZZZZ: not found"],
    ...more
  });

  it("metaJson() has every field the pages read", () => {
    const s = settings({tickers: ["IJR", "ZZZZ"]});
    expect(metaJson(load(), s, NOW, {IJR: "IJR.0123abcd.arrow"})).toEqual({
      generatedAt: "2025-12-23T15:00:00.000Z",
      requestedSource: "auto",
      source: "yahoo",
      sourceTitle: "Yahoo Finance daily chart data",
      synthetic: false,
      stale: true,
      tickers: ["IJR", "ZZZZ"],
      universe: [
        {ticker: "IJR", name: "iShares Core S&P Small-Cap 600", size: "small", style: "core", declared: false},
        {ticker: "ZZZZ", name: "ZZZZ", size: "other", style: "other", declared: false}
      ],
      start: "2025-12-01",
      notes: ["ZZZZ: not found"],
      series: load().provenance,
      files: {IJR: "IJR.0123abcd.arrow"}
    });
  });

  it("metaJson() is synthetic exactly when the load came from sample, and not stale without stale warnings", () => {
    const sample = metaJson(load({source: "sample", synthetic: true, provenance: []}), settings(), NOW);
    expect([sample.synthetic, sample.stale]).toEqual([true, false]);
    expect(metaJson(load({source: "cache"}), settings(), NOW).synthetic).toBe(false);
  });

  it("metaJson() names the csv folder by its name only, so the stale advice can point at it without publishing a path", () => {
    const csv = metaJson(load({source: "csv"}), settings({source: "csv", dataDir: "/home/ana/research/prices"}), NOW);
    expect(csv.dataDir).toBe("prices");
    expect(JSON.stringify(csv)).not.toContain("/home/ana");
    expect(metaJson(load(), settings(), NOW).dataDir).toBeUndefined();
  });
});

describe("syncFrameworkCache(key, {root})", () => {
  // A project root in miniature: Framework's cached loader output and the loader beside it.
  function miniProject() {
    const root = mkdtempSync(join(tmpdir(), "framework-cache-"));
    mkdirSync(join(root, "src", ".observablehq", "cache", "data"), {recursive: true});
    mkdirSync(join(root, "src", "data"), {recursive: true});
    const cached = join(root, "src", ".observablehq", "cache", "data", "prices.arrow");
    const loader = join(root, "src", "data", "prices.arrow.ts");
    writeFileSync(cached, "old prices");
    writeFileSync(loader, "// loader");
    const past = new Date(Date.UTC(2020, 0, 1));
    utimesSync(loader, past, past);
    return {root, cached, loader};
  }

  it("drops Framework's cached data under a new key and makes the loaders newer than any cached output", () => {
    const {root, cached, loader} = miniProject();
    expect(syncFrameworkCache("A", {root})).toBe(true);
    expect(existsSync(cached)).toBe(false);
    // Framework re-runs a loader whose file is newer than its cached output: the running preview reloads it.
    expect(statSync(loader).mtimeMs).toBeGreaterThan(Date.UTC(2024, 0, 1));
  });

  it("keeps the cache while the key is unchanged, and drops it again when the key changes", () => {
    const {root, cached} = miniProject();
    syncFrameworkCache("A", {root});
    // Framework runs the loader again and caches its new output.
    mkdirSync(join(cached, ".."), {recursive: true});
    writeFileSync(cached, "prices under A");
    expect(syncFrameworkCache("A", {root})).toBe(false);
    expect(readFileSync(cached, "utf8")).toBe("prices under A");
    expect(syncFrameworkCache("B", {root})).toBe(true);
    expect(existsSync(cached)).toBe(false);
  });

  it("works on a project that has never been built", () => {
    const root = mkdtempSync(join(tmpdir(), "framework-cache-"));
    expect(syncFrameworkCache("A", {root})).toBe(true);
    expect(readFileSync(join(root, "src", ".observablehq", "cache", "workbench-fingerprint"), "utf8")).toBe("A");
  });
});
