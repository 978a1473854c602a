import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import {afterEach, beforeEach, describe, expect, it, vi} from "vitest";
import {mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {strToU8, zipSync} from "fflate";
import {tableFromIPC} from "apache-arrow";
import {acquireAll, DATASETS, type Dataset} from "../../data-loaders/research.js";
import {readSettings, type ResearchSettings} from "../../data-loaders/settings.js";
import {buildResearch, columnsToArrow, ensureResearch, outerJoin} from "../../data-loaders/research-tables.js";
import {sampleFred, sampleFrench} from "../../data-loaders/research-sample.js";
import {tableColumns} from "../../src/lib/table-columns.js";

const fixtures = path.resolve(import.meta.dirname, "../fixtures");
const FACTORS: Dataset = {
  provider: "french",
  id: "F-F_Research_Data_Factors",
  kind: "factors",
  title: "monthly factors"
};
const DGS10: Dataset = {provider: "fred", id: "DGS10", kind: "macro", title: "10y"};
const NOW = Date.UTC(2026, 10, 24, 12);
const factorsCsv = readFileSync(path.join(fixtures, "french/mini-factors.CSV"), "utf8");
const fredCsv = "observation_date,DGS10\n2026-11-20,4.10\n2026-11-23,4.12\n";

let root: string;
let settings: ResearchSettings;
let calls: string[];

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "research-test-"));
  settings = {
    source: "auto",
    cacheDir: path.join(root, "cache"),
    frenchDir: path.join(root, "french"),
    fredDir: path.join(root, "fred"),
    frenchUrl: null,
    fredUrl: null,
    timeoutMs: 1000
  };
  calls = [];
});
afterEach(() => rmSync(root, {recursive: true, force: true}));

/** A fetch that serves the French zip and the FRED csv, or fails like a machine without DNS. */
function fakeFetch(mode: "ok" | "offline" | "404"): typeof fetch {
  return (async (url: string) => {
    calls.push(String(url));
    if (mode === "offline") throw Object.assign(new TypeError("fetch failed"), {cause: {code: "ENOTFOUND"}});
    if (mode === "404") return new Response("gone", {status: 404});
    if (String(url).includes("fredgraph")) return new Response(fredCsv, {status: 200});
    return new Response(zipSync({"F-F_Research_Data_Factors.CSV": strToU8(factorsCsv)}), {status: 200});
  }) as unknown as typeof fetch;
}

const options = (mode: "ok" | "offline" | "404") => ({
  fetch: fakeFetch(mode),
  now: NOW,
  frenchBaseUrl: "http://127.0.0.1:1/ftp",
  fredBaseUrl: "http://127.0.0.1:1/fredgraph.csv"
});

function writeCache(d: Dataset, text: string, ageMs: number) {
  const p = path.join(settings.cacheDir, d.provider, `${d.id}.csv`);
  mkdirSync(path.dirname(p), {recursive: true});
  writeFileSync(p, text);
  utimesSync(p, (NOW - ageMs) / 1000, (NOW - ageMs) / 1000);
}

describe("acquireAll fallback order", () => {
  it("acquireAll: live ok → used and written to the cache", async () => {
    const [f, r] = await acquireAll(settings, [FACTORS, DGS10], options("ok"));
    expect([f.provenance.source, r.provenance.source]).toEqual(["french", "fred"]);
    expect(f.provenance.vintage).toBe("202509");
    expect(f.provenance.rows).toBe(3);
    expect(readFileSync(path.join(settings.cacheDir, "french", "F-F_Research_Data_Factors.csv"), "utf8")).toBe(
      factorsCsv
    );
    expect(readFileSync(path.join(settings.cacheDir, "fred", "DGS10.csv"), "utf8")).toBe(fredCsv);
    expect(r.provenance).toMatchObject({
      first: "2026-11-20",
      last: "2026-11-23",
      rows: 2,
      synthetic: false,
      fromCache: false
    });
  });

  it("acquireAll: a cached copy under a day old is used without a live request", async () => {
    writeCache(DGS10, fredCsv, 3_600_000);
    const [r] = await acquireAll(settings, [DGS10], options("ok"));
    expect(calls).toEqual([]);
    expect(r.provenance).toMatchObject({source: "cache", fromCache: true});
    expect(r.provenance.warnings).toEqual([]);
  });

  it("acquireAll: live fails → an older cached copy, with the failure and staleness as warnings", async () => {
    writeCache(DGS10, fredCsv, 3 * 86_400_000);
    const [r] = await acquireAll(settings, [DGS10], options("offline"));
    expect(calls).toHaveLength(1);
    expect(r.provenance.source).toBe("cache");
    expect(r.provenance.warnings.join("\n")).toMatch(
      /live fetch failed: offline: cannot resolve [^ ]+ \(ENOTFOUND\)[\s\S]*stale cache/
    );
  });

  it("acquireAll: no cache → the local file folder (names matched case-insensitively)", async () => {
    mkdirSync(settings.frenchDir!, {recursive: true});
    writeFileSync(path.join(settings.frenchDir!, "F-F_Research_Data_Factors.CSV"), factorsCsv);
    const [f] = await acquireAll(settings, [FACTORS], options("404"));
    expect(f.provenance.source).toBe("file");
    expect(f.text).toBe(factorsCsv);
    expect(f.provenance.warnings[0]).toMatch(/HTTP 404/);
  });

  it("acquireAll: no file → a synthetic sample, labelled synthetic", async () => {
    const [f, r] = await acquireAll(settings, [FACTORS, DGS10], options("offline"));
    for (const d of [f, r]) {
      expect(d.provenance).toMatchObject({source: "sample", synthetic: true, vintage: "synthetic"});
      expect(d.provenance.warnings.some((w) => w.startsWith("synthetic sample"))).toBe(true);
      expect(d.provenance.rows).toBeGreaterThan(100);
    }
    expect(f.text).toMatch(/^SYNTHETIC SAMPLE/);
  });

  it("acquireAll: after one network failure the other datasets skip the live request", async () => {
    const [f, r] = await acquireAll(settings, [FACTORS, DGS10], options("offline"));
    expect(calls).toHaveLength(1);
    expect(f.provenance.warnings[0]).toMatch(/live fetch failed/);
    expect(r.provenance.warnings[0]).toMatch(/live fetch skipped: network unavailable/);
  });

  it("acquireAll: an HTTP error is not a network failure, so the next dataset still tries live", async () => {
    await acquireAll(settings, [FACTORS, DGS10], options("404"));
    expect(calls).toHaveLength(2);
  });

  it("acquireAll: a corrupt French zip is that dataset's failure, not the network's: FRED is still fetched live", async () => {
    const fetch = (async (url: string) => {
      calls.push(String(url));
      return new Response(String(url).includes("fredgraph") ? fredCsv : "PK\u0003\u0004 truncated", {status: 200});
    }) as unknown as typeof globalThis.fetch;
    const [f, r] = await acquireAll(settings, [FACTORS, DGS10], {...options("ok"), fetch});
    expect(calls).toHaveLength(2);
    expect(f.provenance.warnings[0]).toMatch(
      /^live fetch failed: http:\/\/127\.0\.0\.1:1\/ftp\/F-F_Research_Data_Factors_CSV\.zip: not a readable French library zip/
    );
    expect(f.provenance.warnings.join()).not.toMatch(/network/);
    expect(r.provenance.source).toBe("fred");
  });

  it("acquireAll: a FRED series that is all '.' fails validation and never replaces the cached copy", async () => {
    writeCache(DGS10, fredCsv, 3 * 86_400_000);
    const dots = "observation_date,DGS10\n2026-11-20,.\n2026-11-23,.\n";
    const fetch = (async () => new Response(dots, {status: 200})) as unknown as typeof globalThis.fetch;
    const [r] = await acquireAll(settings, [DGS10], {...options("ok"), fetch});
    expect(r.provenance.source).toBe("cache");
    expect(r.provenance.warnings[0]).toBe(
      'live fetch failed: unexpected content: every one of its 2 values is missing (".")'
    );
    expect(readFileSync(path.join(settings.cacheDir, "fred", "DGS10.csv"), "utf8")).toBe(fredCsv);
  });

  it("acquireAll: a French table's 7-digit date row is reported in provenance, and the rest of the file is kept", async () => {
    mkdirSync(settings.frenchDir!, {recursive: true});
    writeFileSync(
      path.join(settings.frenchDir!, "F-F_Research_Data_Factors.CSV"),
      factorsCsv.replace("192608,", "1926081,")
    );
    const [f] = await acquireAll({...settings, source: "file"}, [FACTORS], options("ok"));
    expect(f.provenance.rows).toBe(2);
    expect(f.provenance.warnings[0]).toBe(
      "French CSV line 7: date 1926081 is not YYYY, YYYYMM or YYYYMMDD; row skipped"
    );
  });

  it('acquireAll with source "file" never fetches and reports a missing file as missing', async () => {
    const [f] = await acquireAll({...settings, source: "file"}, [FACTORS], options("ok"));
    expect(calls).toEqual([]);
    expect(f.text).toBeNull();
    expect(f.provenance.rows).toBe(0);
    expect(f.provenance.warnings.at(-1)).toMatch(/missing/);
  });

  it('acquireAll with source "sample" is deterministic', async () => {
    const a = await acquireAll({...settings, source: "sample"}, [FACTORS], options("ok"));
    const b = await acquireAll({...settings, source: "sample"}, [FACTORS], options("ok"));
    expect(a[0].text).toBe(b[0].text);
    expect(calls).toEqual([]);
  });
});

describe("research tables", () => {
  it("outerJoin unions dates and fills gaps with NaN", () => {
    const j = outerJoin({
      a: {dates: Float64Array.of(1, 2), values: Float64Array.of(10, 20)},
      b: {dates: Float64Array.of(2, 3), values: Float64Array.of(200, 300)}
    });
    expect(Array.from(j.date)).toEqual([1, 2, 3]);
    expect(Array.from(j.a)).toEqual([10, 20, NaN]);
    expect(Array.from(j.b)).toEqual([NaN, 200, 300]);
  });

  it("columnsToArrow writes date as Date32 and NaN as null", () => {
    const t = tableFromIPC(columnsToArrow({date: Float64Array.of(Date.UTC(2026, 0, 30)), x: Float64Array.of(NaN)}));
    expect(t.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(["date:Date32<DAY>", "x:Float64"]);
    expect(t.getChild("x")!.get(0)).toBeNull();
  });

  it("buildResearch on the synthetic sample: each file's schema and a sane valuation ratio", async () => {
    const raw = await acquireAll({...settings, source: "sample"}, undefined, {now: NOW});
    const files = buildResearch(raw, {...settings, source: "sample"}, NOW);
    const schema = (name: keyof typeof files) =>
      tableFromIPC(files[name] as Uint8Array).schema.fields.map((f) => f.name);
    expect(schema("factors-daily.arrow")).toEqual(["date", "mktRf", "smb", "hml", "rf", "mom"]);
    expect(schema("factors5-daily.arrow")).toEqual(["date", "mktRf", "smb", "hml", "rmw", "cma", "rf"]);
    expect(schema("factors-monthly.arrow")).toEqual(["date", "mktRf", "smb", "hml", "rf"]);
    expect(schema("factors-annual.arrow")).toEqual(["date", "mktRf", "smb", "hml", "rf"]);
    expect(schema("valuation.arrow")).toEqual([
      "date",
      "small5x5",
      "big5x5",
      "ratio5x5",
      "small2x3",
      "big2x3",
      "ratio2x3",
      "retLo20",
      "retHi20"
    ]);
    expect(schema("macro.arrow")).toEqual(["date", "fedFunds", "dff", "dgs10", "indpro"]);
    const meta = JSON.parse(files["research-meta.json"] as string);
    expect(meta.synthetic).toBe(true);
    expect(meta.series).toHaveLength(11);
    const val = tableFromIPC(files["valuation.arrow"] as Uint8Array);
    const ratio = val.getChild("ratio5x5")!.toArray() as Float64Array;
    expect(val.numRows).toBeGreaterThan(1000);
    expect(Math.min(...ratio)).toBeGreaterThan(0.5);
    const daily = tableFromIPC(files["factors-daily.arrow"] as Uint8Array);
    expect(daily.numRows).toBeGreaterThan(25_000);
  }, 60_000); // eleven synthetic datasets, three of them a century of days: slow on a busy machine

  it("ensureResearch makes the snapshot once and reuses it", async () => {
    const s = {...settings, source: "sample" as const};
    const dir = await ensureResearch(s, {now: NOW});
    const first = readFileSync(path.join(dir, "research-meta.json"), "utf8");
    expect(await ensureResearch(s, {now: NOW})).toBe(dir);
    expect(readFileSync(path.join(dir, "research-meta.json"), "utf8")).toBe(first);
  }, 60_000);
});

describe("five factors and momentum, daily (French library files)", () => {
  const five = DATASETS.find((d) => d.id === "F-F_Research_Data_5_Factors_2x3_daily")!;
  const mom = DATASETS.find((d) => d.id === "F-F_Momentum_Factor_daily")!;
  const fiveCsv = readFileSync(path.join(fixtures, "french/mini-5-factors-daily.CSV"), "utf8");
  const momCsv = readFileSync(path.join(fixtures, "french/mini-momentum-daily.CSV"), "utf8");
  // Three factors on three of the momentum days and one day momentum lacks, in French's layout.
  const threeCsv = [
    "This file was created using the 202604 CRSP database.",
    "",
    ",Mkt-RF,SMB,HML,RF",
    "20260129,  -0.26,   0.38,   1.39,   0.02",
    "20260130,  -0.55,  -0.48,   0.35,   0.02",
    "20260427,   0.10,   0.20,   0.30,   0.01",
    "20260430,   1.00,   2.00,   3.00,   0.01",
    ""
  ].join("\r\n");

  it("acquireAll fetches both live from a loopback French library, caches them, and reads their vintages", async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.url!);
      const [name, text] = req.url!.includes("Momentum") ? ["m.CSV", momCsv] : ["f.CSV", fiveCsv];
      res.end(Buffer.from(zipSync({[name]: strToU8(text)})));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const frenchBaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ftp`;
      const [f, m] = await acquireAll(settings, [five, mom], {now: NOW, frenchBaseUrl});
      expect(seen.sort()).toEqual([
        "/ftp/F-F_Momentum_Factor_daily_CSV.zip",
        "/ftp/F-F_Research_Data_5_Factors_2x3_daily_CSV.zip"
      ]);
      expect(f.provenance).toMatchObject({source: "french", vintage: "202601", rows: 5, last: "2026-01-30"});
      expect(m.provenance).toMatchObject({source: "french", vintage: "202604", rows: 7, first: "1926-11-03"});
      expect(readFileSync(path.join(settings.cacheDir, "french", `${mom.id}.csv`), "utf8")).toBe(momCsv);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("acquireAll falls back to the cache, then the local copy, then a labelled sample that parses like the real file", async () => {
    writeCache(five, fiveCsv, 3 * 86_400_000);
    mkdirSync(settings.frenchDir!, {recursive: true});
    writeFileSync(path.join(settings.frenchDir!, "F-F_Momentum_Factor_daily.CSV"), momCsv);
    const [f, m] = await acquireAll(settings, [five, mom], options("offline"));
    expect([f.provenance.source, m.provenance.source]).toEqual(["cache", "file"]);
    rmSync(settings.frenchDir!, {recursive: true});
    const [, sample] = await acquireAll(settings, [five, mom], options("offline"));
    expect(sample.provenance).toMatchObject({source: "sample", synthetic: true});
    const files = buildResearch(
      await acquireAll({...settings, source: "sample"}, [five], options("ok")),
      settings,
      NOW
    );
    const table = tableFromIPC(files["factors5-daily.arrow"] as Uint8Array);
    expect(table.numRows).toBeGreaterThan(15_000);
    expect(new Date(table.getChild("date")!.get(0)).toISOString().slice(0, 10)).toBe("1963-07-01");
  });

  it("buildResearch joins momentum onto the daily three factors by date and writes the five-factor and annual tables", async () => {
    mkdirSync(settings.frenchDir!, {recursive: true});
    for (const [name, text] of [
      ["F-F_Research_Data_Factors_daily.CSV", threeCsv],
      ["F-F_Research_Data_5_Factors_2x3_daily.CSV", fiveCsv],
      ["F-F_Momentum_Factor_daily.CSV", momCsv],
      ["F-F_Research_Data_Factors.CSV", factorsCsv]
    ])
      writeFileSync(path.join(settings.frenchDir!, name), text);
    const fileSettings = {...settings, source: "file" as const};
    const files = buildResearch(await acquireAll(fileSettings, undefined, options("ok")), fileSettings, NOW);
    const read = (name: keyof typeof files) => {
      const t = tableFromIPC(files[name] as Uint8Array);
      const {date, ...columns} = tableColumns(t, ["mktRf", "smb", "rmw", "cma", "mom"]);
      return {
        days: Array.from(date, (d) => new Date(d).toISOString().slice(0, 10)),
        col: (c: keyof typeof columns) => Array.from(columns[c] as Float64Array)
      };
    };
    const daily = read("factors-daily.arrow");
    // The union of both calendars: momentum days without three factors have null Mkt-RF, and the reverse.
    const i = daily.days.indexOf("2026-04-30");
    expect(daily.col("mom")[i]).toBeCloseTo(0.0217, 12);
    expect(daily.col("smb")[i]).toBeCloseTo(0.02, 12);
    expect(daily.col("mom")[daily.days.indexOf("2026-04-27")]).toBeNaN();
    expect(daily.col("mktRf")[daily.days.indexOf("2026-04-28")]).toBeNaN();
    const f5 = read("factors5-daily.arrow");
    expect(f5.days).toEqual(["1963-07-01", "1963-07-02", "2026-01-28", "2026-01-29", "2026-01-30"]);
    expect(f5.col("rmw")[4]).toBeCloseTo(0.0166, 12);
    expect(f5.col("cma")[4]).toBeCloseTo(0.0077, 12);
    const annual = read("factors-annual.arrow");
    expect(annual.days).toEqual(["1927-12-31", "1928-12-31"]);
    [-0.022, 0.0373].forEach((v, k) => expect(annual.col("smb")[k]).toBeCloseTo(v, 12));
  });
});

describe("synthetic samples", () => {
  it("sampleFrench and sampleFred depend only on the end month", () => {
    expect(sampleFrench("6_Portfolios_2x3", 2000 * 12)).toBe(sampleFrench("6_Portfolios_2x3", 2000 * 12));
    expect(sampleFred("INDPRO", 2000 * 12).split("\n")[1]).toBe(
      "1919-01-01," +
        sampleFred("INDPRO", 1990 * 12)
          .split("\n")[1]
          .split(",")[1]
    );
  });
});

describe("WORKBENCH_FRENCH_URL and WORKBENCH_FRED_URL", () => {
  it("point the live fetches at another host (a loopback server here)", async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.url!);
      if (req.url!.startsWith("/fred")) res.end(fredCsv);
      else res.end(Buffer.from(zipSync({"F-F_Research_Data_Factors.CSV": strToU8(factorsCsv)})));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const env = {WORKBENCH_FRENCH_URL: `${base}/french/`, WORKBENCH_FRED_URL: `${base}/fred/graph.csv`};
      const {frenchUrl, fredUrl} = readSettings(env, {root: "/nonexistent"}).research;
      const [f, r] = await acquireAll({...settings, frenchUrl, fredUrl}, [FACTORS, DGS10], {now: NOW});
      expect([f.provenance.source, r.provenance.source]).toEqual(["french", "fred"]);
      expect(seen).toEqual(["/french/F-F_Research_Data_Factors_CSV.zip", "/fred/graph.csv?id=DGS10"]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("may not carry credentials: the settings stop with a message naming the variable, not the secret", () => {
    const read = () => readSettings({WORKBENCH_FRED_URL: "https://bob:hunter2@fred.example/graph.csv"}, {root: "/x"});
    expect(read).toThrow(/^WORKBENCH_FRED_URL carries a user name or password \(user:pass@…\)/);
    expect(read).not.toThrow(/bob|hunter2/);
  });

  it("an option URL with credentials stops the load before any request", async () => {
    const options = {now: NOW, fetch: fakeFetch("ok"), fredBaseUrl: "https://bob:hunter2@fred.example/graph.csv"};
    await expect(acquireAll(settings, [DGS10], options)).rejects.toThrow(/^baseUrl carries a user name or password/);
    expect(calls).toEqual([]);
  });
});
