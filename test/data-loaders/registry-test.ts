import {mkdtempSync, rmSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from "vitest";
import {listCache, readCachedSeries} from "../../data-loaders/cache.js";
import {loadPrices} from "../../data-loaders/prices.js";
import {readSettings} from "../../data-loaders/settings.js";
import type {SourceDefinition} from "../../data-loaders/source.js";
import {formatDay, parseDay} from "../../src/lib/dates.js";
import {withSource} from "./settings-fixture.js";

// A price source as a user would add one: a name, a title, "network", and how to fetch one ticker between two days.
// Everything else (settings, cache, incremental refresh, retries, offline, provenance) must come from the spine.
const DAY_MS = 86_400_000;
const toy: SourceDefinition = {
  name: "toy",
  title: "Toy prices API",
  kind: "network",
  baseUrl: "https://toy.invalid",
  async fetchTicker(ticker, {start, end}, {baseUrl, get}) {
    const answer = await get(`${baseUrl}/prices/${ticker}?from=${formatDay(start)}&to=${formatDay(end)}`);
    if (!answer.ok) throw new Error(`toy API: ${answer.statusLine}`);
    const rows = JSON.parse(answer.text) as {date: string; close: number}[];
    const n = rows.length;
    return {
      series: {
        ticker,
        date: Float64Array.from(rows, (r) => parseDay(r.date)),
        close: Float64Array.from(rows, (r) => r.close),
        adjClose: new Float64Array(n).fill(NaN),
        dividend: new Float64Array(n),
        split: new Float64Array(n).fill(1),
        volume: new Float64Array(n).fill(NaN)
      },
      warnings: []
    };
  }
};
const sources = withSource(toy);

// The toy API: a close of 100 + day index on every weekday up to `lastDay`; each request is recorded.
let lastDay = "2025-12-19";
let requests: {ticker: string; from: string; to: string}[] = [];
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, "http://127.0.0.1");
    const ticker = url.pathname.split("/").pop()!;
    const from = url.searchParams.get("from")!;
    const to = url.searchParams.get("to")!;
    requests.push({ticker, from, to});
    const rows = [];
    for (let t = parseDay("2025-12-01"); t <= parseDay(lastDay); t += DAY_MS)
      if (![0, 6].includes(new Date(t).getUTCDay()) && t >= parseDay(from) && t <= parseDay(to))
        rows.push({date: formatDay(t), close: 100 + (t - parseDay("2025-12-01")) / DAY_MS});
    res.writeHead(200, {"Content-Type": "application/json"}).end(JSON.stringify(rows));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "workbench-registry-"));
  requests = [];
  lastDay = "2025-12-19";
});
afterEach(() => rmSync(root, {recursive: true, force: true}));

const settingsFor = (url: string) =>
  readSettings(
    {WORKBENCH_SOURCE: "toy", WORKBENCH_TOY_URL: url, WORKBENCH_TICKERS: "AAA,BBB", WORKBENCH_START: "2025-12-01"},
    {root, sources}
  );
const noon = (day: string) => parseDay(day) + DAY_MS / 2;

describe("a source added to the registry", () => {
  it("is a valid WORKBENCH_SOURCE with its own WORKBENCH_<NAME>_URL setting", () => {
    expect(settingsFor(base)).toMatchObject({source: "toy", sources: {toy: {url: base, key: null}}});
    expect(() => readSettings({WORKBENCH_SOURCE: "toy"}, {root})).toThrow(
      /invalid source "toy": use one of auto, yahoo, tiingo, csv, sample \(WORKBENCH_SOURCE\)/
    );
  });

  it("gets the cache and incremental refresh for free: the second load asks only for the days since the cached end", async () => {
    const first = await loadPrices(settingsFor(base), {sources, now: noon("2025-12-19")});
    expect(requests).toEqual([
      {ticker: "AAA", from: "2025-12-01", to: "2025-12-19"},
      {ticker: "BBB", from: "2025-12-01", to: "2025-12-19"}
    ]);
    expect(first.source).toBe("toy");
    expect(first.provenance[0]).toMatchObject({source: "toy", sourceTitle: "Toy prices API", rows: 15});
    expect(listCache(join(root, ".workbench-cache"), "toy").map((c) => c.ticker)).toEqual(["AAA", "BBB"]);

    lastDay = "2025-12-24";
    requests = [];
    const second = await loadPrices(settingsFor(base), {sources, now: noon("2025-12-24")});
    // Ten days before the cached end, so the merge has an overlap to check the cached closes against.
    expect(requests.map((r) => r.from)).toEqual(["2025-12-09", "2025-12-09"]);
    expect(second.series[0].date.length).toBe(18);
    expect(Array.from(second.series[0].close.subarray(-3))).toEqual([121, 122, 123]);
    expect(readCachedSeries(join(root, ".workbench-cache"), "toy", "AAA")!.series.date.length).toBe(18);
  });

  it("gets offline detection and the cache fallback for free: with nothing listening, the cached copy is used, each ticker asked once", async () => {
    await loadPrices(settingsFor(base), {sources, now: noon("2025-12-19")});
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const load = await loadPrices(settingsFor(`http://127.0.0.1:${port}`), {sources, now: noon("2025-12-22")});
    expect(load.source).toBe("cache");
    expect(load.provenance.map((p) => [p.ticker, p.source, p.fromCache, p.sourceTitle])).toEqual([
      ["AAA", "cache", true, "Toy prices API from the local cache"],
      ["BBB", "cache", true, "Toy prices API from the local cache"]
    ]);
    expect(load.provenance[1].warnings[0]).toMatch(/^live fetch failed \(BBB: offline: cannot reach 127\.0\.0\.1:/);
  });
});
