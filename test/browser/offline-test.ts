// The README's promise, checked the hard way: a fresh copy of the project (no Framework cache) built and previewed
// inside a network namespace that has only loopback, so nothing can reach the npm registry or a CDN.
import {spawn, spawnSync} from "node:child_process";
import {resolve} from "node:path";
import {beforeAll, describe, expect, inject, it} from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const chromiumPath = inject("chromiumPath");
/** Root (or user namespaces) can make a network namespace; elsewhere this test says so and is skipped. */
const canUnshare = spawnSync("unshare", ["-n", "true"]).status === 0;
if (chromiumPath && !canUnshare) console.warn("offline test skipped: `unshare -n` is not available (run as root)");

interface OfflineReport {
  error?: string;
  build: number;
  buildLog: string;
  previewUp: boolean;
  pages: Record<string, {errorCells: string[]; consoleErrors: string[]; failedRequests: string[]; charts: number}>;
  implicit: {errorCells: string[]; tables: string[]; charts: number};
  previewAliveAfter: boolean;
  startLog: string;
}

describe.skipIf(!chromiumPath || !canUnshare)("a fresh clone with the network cable pulled", () => {
  let report: OfflineReport;
  beforeAll(async () => {
    const check = `ip link set lo up && exec node_modules/.bin/tsx test/browser/offline-check.ts test/.tmp/offline-clone ${chromiumPath}`;
    // Not spawnSync: a worker blocked for minutes misses vitest's own messages.
    const run = await new Promise<{status: number | null; stdout: string; stderr: string}>((done) => {
      const child = spawn("unshare", ["-n", "sh", "-c", check], {cwd: ROOT});
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("close", (status) => done({status, stdout, stderr}));
    });
    const last = run.stdout.trim().split("\n").at(-1) ?? "";
    try {
      report = JSON.parse(last);
    } catch {
      throw new Error(`the offline check printed no report (exit ${run.status}):\n${run.stderr.slice(-3000)}`);
    }
    if (report.error) throw new Error(report.error);
  }, 600_000);

  it("npm run build passes with no Framework cache", () => {
    expect(report.buildLog).toBe("");
    expect(report.build).toBe(0);
  });

  it("npm start serves every page with its charts and no failed request", () => {
    expect(report.previewUp).toBe(true);
    for (const [path, page] of Object.entries(report.pages)) {
      expect({path, ...page, charts: page.charts > 0}).toEqual({
        path,
        errorCells: [],
        consoleErrors: [],
        pageErrors: [],
        failedRequests: [],
        charts: true
      });
    }
  });

  it("cells that use Inputs and Plot without an import run, from node_modules", () => {
    expect(report.implicit.tables).toContain("IWC");
    expect(report.implicit.charts).toBe(1);
  });

  it("a cell that uses a library that is not installed says what to do, in that cell", () => {
    expect(report.implicit.errorCells).toEqual([expect.stringMatching(/lodash is not installed.*npm install lodash/)]);
  });

  it("an npm: import typed while the preview runs does not end the preview", () => {
    expect(report.previewAliveAfter).toBe(true);
  });
});
