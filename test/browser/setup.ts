// Builds the site once, offline on sample data, into a scratch folder and serves it on 127.0.0.1 for the browser tests.
import {spawnSync} from "node:child_process";
import {existsSync, rmSync} from "node:fs";
import {resolve} from "node:path";
import type {TestProject} from "vitest/node";
import {findChromium, INSTALL_HINT} from "./chromium.js";
import {serveStatic} from "./static-server.js";

const ROOT = resolve(import.meta.dirname, "../..");
const OUTPUT = "test/.tmp/dist";
const REAL_OUTPUT = "test/.tmp/dist-real";
const SHARED_PRICES = resolve(ROOT, "../shared/data/prices");

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
    /** The site built on the shared real prices (CSV source), or "" when ../shared/data is absent. */
    realSiteUrl: string;
    chromiumPath: string | null;
    /** Why the site could not be built, or "": the unit tests still run, and one browser test reports it. */
    buildError: string;
  }
}

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  project.provide("chromiumPath", chromiumPath);
  project.provide("siteUrl", "");
  project.provide("realSiteUrl", "");
  project.provide("buildError", "");
  if (!chromiumPath) return void console.warn(INSTALL_HINT);
  const servers: Awaited<ReturnType<typeof serveStatic>>[] = [];
  const errors: string[] = [];
  // A build that fails is reported by one browser test; thrown here, it would stop the unit tests too ("0 passed").
  const tryBuild = (output: string, settings: Record<string, string>) => {
    try {
      return build(output, settings);
    } catch (error) {
      errors.push((error as Error).message);
      return null;
    }
  };
  const sample = tryBuild(OUTPUT, {WORKBENCH_SOURCE: "sample"});
  if (sample) {
    // Served under a sub-path, as on an ordinary static host, so relative links are checked too.
    const served = await serveStatic(sample, {base: "/workbench/"});
    servers.push(served);
    project.provide("siteUrl", served.url);
  }
  if (existsSync(SHARED_PRICES)) {
    const real = tryBuild(REAL_OUTPUT, {WORKBENCH_SOURCE: "csv", WORKBENCH_DATA_DIR: SHARED_PRICES});
    if (real) {
      const served = await serveStatic(real, {base: "/real/"});
      servers.push(served);
      project.provide("realSiteUrl", served.url);
    }
  } else console.warn(`browser tests: ${SHARED_PRICES} is absent, so the real-data page checks are skipped`);
  project.provide("buildError", errors.join("\n\n"));
  return () => Promise.all(servers.map(({server}) => new Promise<void>((done) => server.close(() => done()))));
}

/** Builds the site offline with the given data settings into a scratch folder; throws with the build's output when it fails. */
function build(output: string, settings: Record<string, string>): string {
  rmSync(resolve(ROOT, output), {recursive: true, force: true});
  // Fund valuation off: the browser tests never reach for Yahoo, online or not.
  const env = {
    ...process.env,
    WORKBENCH_FUND_VALUATION: "off",
    ...settings,
    WORKBENCH_OUTPUT: output,
    WORKBENCH_CACHE_DIR: "test/.tmp/cache"
  };
  const started = performance.now();
  const run = spawnSync("npm", ["run", "build"], {cwd: ROOT, env, encoding: "utf8", maxBuffer: 64 << 20});
  if (run.status !== 0 || !existsSync(resolve(ROOT, output, "index.html"))) {
    throw new Error(`site build failed (exit ${run.status}):\n${run.stderr.slice(-4000)}\n${run.stdout.slice(-4000)}`);
  }
  console.log(
    `browser tests: ${settings.WORKBENCH_SOURCE} site built in ${((performance.now() - started) / 1000).toFixed(1)} s`
  );
  return resolve(ROOT, output);
}
