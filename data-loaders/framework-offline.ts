// Framework without a network: its client bundle asks the npm registry for the versions of libraries that no page
// of ours uses, and a cell that uses a library without importing it (`Plot.plot(…)`) makes it fetch that library from
// a CDN. Both fail offline (and the second kills the preview). Framework reads its npm cache first, so we fill it.
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {basename, dirname, join} from "node:path";
import {build} from "esbuild";
import {PROJECT_ROOT} from "./settings.js";

/**
 * Every library Framework resolves from npm by itself: the implicit imports of its standard library
 * (node_modules/@observablehq/framework/dist/client/stdlib/recommendedLibraries.js and the modules beside it) and the
 * ones its client bundle names. Those installed here are served from node_modules; for the others a cell that uses
 * them gets `fix`, the way to load them offline. `version` only names the folder when the library is not installed.
 */
const IMPLICIT_LIBRARIES: Record<string, {version: string; fix?: string}> = {
  "@observablehq/plot": {version: "0.6.17"},
  "@observablehq/inputs": {version: "0.12.0"},
  isoformat: {version: "0.2.1"},
  d3: {version: "7.9.2"},
  htl: {version: "0.3.1"},
  "apache-arrow": {version: "21.2.0"},
  arquero: {version: "8.0.3"},
  "d3-dsv": {version: "3.0.1"},
  lodash: {version: "4.18.1", fix: 'npm install lodash, then import _ from "lodash";'},
  echarts: {version: "6.1.0", fix: 'npm install echarts, then import * as echarts from "echarts";'},
  leaflet: {version: "1.9.4", fix: 'npm install leaflet, then import * as L from "leaflet";'},
  "mapbox-gl": {version: "3.32.0", fix: 'npm install mapbox-gl, then import mapboxgl from "mapbox-gl";'},
  react: {version: "19.3.1", fix: 'npm install react, then import * as React from "react";'},
  "react-dom": {version: "19.3.1", fix: 'npm install react-dom, then import * as ReactDOM from "react-dom";'},
  "topojson-client": {
    version: "3.1.0",
    fix: 'npm install topojson-client, then import * as topojson from "topojson-client";'
  },
  "parquet-wasm": {version: "0.8.0", fix: "convert the file to Arrow in a data loader and read it with tableFromIPC"},
  "@observablehq/sample-datasets": {
    version: "1.0.1",
    fix: "copy the data set into src/data and read it with FileAttachment"
  }
};

function installedVersion(name: string, root: string): string | undefined {
  // Read from the folder itself: many packages' "exports" do not expose their package.json to require.
  const file = join(root, "node_modules", name, "package.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).version : undefined;
}

/** One self-contained ES module of an installed library, for the browser (no imports left to resolve). */
async function bundle(name: string, root: string): Promise<string> {
  const {outputFiles} = await build({
    stdin: {contents: `export * from ${JSON.stringify(name)};`, resolveDir: root},
    bundle: true,
    format: "esm",
    platform: "browser",
    minify: true,
    write: false,
    logLevel: "silent"
  });
  return outputFiles[0].text;
}

/** The module served for a library that is not installed: it fails in the cell that used it, saying what to do. */
function stub(name: string, fix: string): string {
  const message = `${name} is not installed, and this site never loads a library from a CDN (it must work offline): ${fix}`;
  return `throw new Error(${JSON.stringify(message)});\n`;
}

/**
 * Fills Framework's npm cache (`src/.observablehq/cache/_npm`) with every library it would otherwise ask the
 * network for: installed ones bundled from node_modules, so a cell that forgot its import still runs offline, and
 * a stub that names the fix for the rest. Existing files are left alone. Returns the number of modules written.
 */
export async function seedFrameworkNpmCache({root = PROJECT_ROOT}: {root?: string} = {}): Promise<number> {
  const npm = join(root, "src", ".observablehq", "cache", "_npm");
  let written = 0;
  for (const [name, {version, fix}] of Object.entries(IMPLICIT_LIBRARIES)) {
    const installed = installedVersion(name, root);
    // Framework picks the newest version folder it finds, so one left empty by an earlier online run needs it too.
    const scope = join(npm, dirname(name));
    const base = basename(name);
    const earlier = existsSync(scope) ? readdirSync(scope).filter((f) => f.startsWith(`${base}@`)) : [];
    for (const folder of new Set([`${base}@${installed ?? version}`, ...earlier])) {
      const module = join(scope, folder, "_esm.js");
      if (existsSync(module)) continue;
      mkdirSync(dirname(module), {recursive: true});
      writeFileSync(module, installed ? await bundle(name, root) : stub(name, fix ?? "import it explicitly"));
      ++written;
    }
  }
  return written;
}
