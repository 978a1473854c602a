// Builds the site once, offline on sample data, into a scratch folder and serves it on 127.0.0.1 for the browser tests.
import {spawnSync} from "node:child_process";
import {existsSync, rmSync} from "node:fs";
import {resolve} from "node:path";
import type {TestProject} from "vitest/node";
import {findChromium, INSTALL_HINT} from "./chromium.js";
import {serveStatic} from "./static-server.js";

const ROOT = resolve(import.meta.dirname, "../..");
const OUTPUT = "test/.tmp/dist";

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
    chromiumPath: string | null;
  }
}

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  project.provide("chromiumPath", chromiumPath);
  project.provide("siteUrl", "");
  if (!chromiumPath) return void console.warn(INSTALL_HINT);
  rmSync(resolve(ROOT, OUTPUT), {recursive: true, force: true});
  const env = {...process.env, WORKBENCH_SOURCE: "sample", WORKBENCH_OUTPUT: OUTPUT, WORKBENCH_CACHE_DIR: "test/.tmp/cache"};
  const started = performance.now();
  const build = spawnSync("npm", ["run", "build"], {cwd: ROOT, env, encoding: "utf8", maxBuffer: 64 << 20});
  if (build.status !== 0 || !existsSync(resolve(ROOT, OUTPUT, "index.html"))) {
    throw new Error(`site build failed (exit ${build.status}):\n${build.stderr.slice(-4000)}\n${build.stdout.slice(-4000)}`);
  }
  console.log(`browser tests: site built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Served under a sub-path, as on an ordinary static host, so relative links are checked too.
  const {server, url} = await serveStatic(resolve(ROOT, OUTPUT), {base: "/workbench/"});
  project.provide("siteUrl", url);
  return () => new Promise<void>((done) => server.close(() => done()));
}
