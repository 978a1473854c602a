import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from "vitest";
import {pullPrices} from "../../data-loaders/pull.js";
import type {Settings} from "../../data-loaders/settings.js";
import {testSettings} from "./settings-fixture.js";
import {ensureSnapshot} from "../../data-loaders/snapshot.js";
import {parseDay} from "../../src/lib/dates.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/yahoo/${name}`, import.meta.url), "utf8");
const BODIES: Record<string, string> = {IJR: fixture("ijr-2025-12.json"), IVV: fixture("ivv-2025-12.json")};
const NOW = parseDay("2025-12-23") + 15 * 3_600_000;

// The loopback Yahoo: the fixtures for IJR and IVV, a 500 for anything else; every request counted.
let requests: string[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const ticker = decodeURIComponent(new URL(req.url!, "http://127.0.0.1").pathname.split("/").pop()!);
    requests.push(ticker);
    const body = BODIES[ticker];
    res.writeHead(body ? 200 : 500, {"Content-Type": "application/json"});
    res.end(body ?? "down");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let cacheDir: string;
beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), "workbench-pull-"));
  requests = [];
});
afterEach(() => rmSync(cacheDir, {recursive: true, force: true}));

const settings = (tickers: string[]): Settings => testSettings({source: "yahoo", tickers, cacheDir});

/** The real yahoo source aimed at the loopback server, with no retries or waits. */
const yahoo = () => ({network: {baseUrl, retries: 0, timeoutMs: 5000, sleep: async () => {}, pace: null}});

describe("pullPrices(settings, {network, now})", () => {
  it("asks Yahoo once per ticker, and the build's snapshot is that same load (no second fetch)", async () => {
    const s = settings(["IJR", "IVV", "FLAKY"]);
    const {load, dir} = await pullPrices(s, {...yahoo(), now: NOW});
    expect(requests.sort()).toEqual(["FLAKY", "IJR", "IVV"]);
    // What prepare does next, for the build: it must find the pull's snapshot, not fetch again.
    expect(await ensureSnapshot(s, {...yahoo(), now: NOW})).toBe(dir);
    expect(requests).toHaveLength(3);
    const meta = JSON.parse(readFileSync(join(dir!, "meta.json"), "utf8"));
    expect(meta.series).toEqual(load.provenance);
    expect(meta.series.map((p: {ticker: string; rows: number}) => [p.ticker, p.rows])).toEqual([
      ["IJR", 10],
      ["IVV", 5],
      ["FLAKY", 0]
    ]);
  });

  it("refuses synthetic data standing in for failed live prices: no snapshot", async () => {
    const s = {...settings(["NOPE"]), source: "auto" as const};
    const {load, dir} = await pullPrices(s, {...yahoo(), now: NOW});
    expect(load.source).toBe("sample");
    expect(dir).toBeNull();
  });
});
