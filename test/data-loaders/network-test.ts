import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {classifyError, OfflineError, request, TimeoutError, withTimeout} from "../../data-loaders/network.js";

describe("classifyError(error): the one offline rule", () => {
  const wrapped = (code: string) => new TypeError("fetch failed", {cause: Object.assign(new Error(code), {code})});

  it.each(["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ENETUNREACH", "EHOSTUNREACH"])(
    "%s, on the error or its cause, is offline",
    (code) => {
      expect(classifyError(wrapped(code))).toBe("offline");
      expect(classifyError(Object.assign(new Error(code), {code}))).toBe("offline");
    }
  );

  it("timeouts, aborts, dropped connections and a bare 'fetch failed' are transient", () => {
    expect(classifyError(new TimeoutError("no answer within 1 s"))).toBe("transient");
    expect(classifyError(Object.assign(new Error("The operation was aborted"), {name: "AbortError"}))).toBe(
      "transient"
    );
    expect(classifyError(wrapped("ECONNRESET"))).toBe("transient");
    expect(classifyError(new TypeError("fetch failed"))).toBe("transient");
  });

  it("an OfflineError is offline; a wrong answer, a bad file or a non-error is fatal", () => {
    expect(classifyError(new OfflineError("offline: x"))).toBe("offline");
    expect(classifyError(new Error("Quote not found for symbol: XYZ"))).toBe("fatal");
    expect(classifyError(new Error("invalid zip data"))).toBe("fatal");
    expect(classifyError("ENOTFOUND")).toBe("fatal");
    expect(classifyError(undefined)).toBe("fatal");
  });
});

describe("withTimeout(run, ms, {signal})", () => {
  it("rejects after ms with a TimeoutError even when run ignores its signal, and aborts that signal", async () => {
    let seen: AbortSignal | undefined;
    const started = Date.now();
    const pending = withTimeout((signal) => ((seen = signal), new Promise(() => {})), 30);
    await expect(pending).rejects.toThrow(TimeoutError);
    await expect(pending).rejects.toThrow("no answer within 0.03 s");
    expect(seen!.aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("rejects with the outer signal's reason when it aborts first", async () => {
    const outer = new AbortController();
    const pending = withTimeout(() => new Promise(() => {}), 10_000, {signal: outer.signal});
    outer.abort(new OfflineError("offline: gone"));
    await expect(pending).rejects.toThrow("offline: gone");
  });

  it("returns run's value when it finishes in time", async () => {
    expect(await withTimeout(async () => 42, 1000)).toBe(42);
  });
});

describe("request(url, options) against a loopback server", () => {
  let server: Server;
  let base: string;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      if (req.url === "/flaky" && hits % 2 === 1) return void res.writeHead(503).end("busy");
      res.writeHead(req.url === "/missing" ? 404 : 200).end("hello");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("retries a 503 and returns the next answer, reporting the retry", async () => {
    hits = 0;
    const retries: string[] = [];
    const answer = await request(`${base}/flaky`, {retries: 2, sleep: async () => {}, onRetry: (m) => retries.push(m)});
    expect([answer.status, answer.text]).toEqual([200, "hello"]);
    expect(retries).toEqual([expect.stringMatching(/^HTTP 503 Service Unavailable; attempt 2 of 3 in \d+ ms$/)]);
  });

  it("returns a 404 without retrying, for the caller to read", async () => {
    hits = 0;
    const answer = await request(`${base}/missing`, {retries: 3, sleep: async () => {}});
    expect([answer.status, answer.ok, hits]).toEqual([404, false, 1]);
  });

  it("throws an OfflineError at once, naming the host, when nothing listens on the port", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    let slept = 0;
    const pending = request(`http://127.0.0.1:${port}/x`, {retries: 3, sleep: async () => void slept++});
    await expect(pending).rejects.toThrow(OfflineError);
    await expect(pending).rejects.toThrow(
      `offline: cannot reach 127.0.0.1:${port} (ECONNREFUSED) — check the network connection, or set WORKBENCH_SOURCE=csv or sample`
    );
    expect(slept).toBe(0);
  });
});
