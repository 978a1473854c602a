import {createHash} from "node:crypto";
import {copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import type {PricesMeta} from "../src/lib/contracts.js";

/**
 * The per-ticker price files of the snapshots: `prices/<TICKER>.<hash>.arrow`
 * beside each snapshot's meta.json, which lists them in `files`. A name holds
 * the first 8 hex digits of its content's SHA-256, so a file never changes
 * under its name: a browser may keep it, and any snapshot holding the name has
 * the right bytes. See docs/architecture.md ("One file per fund").
 */
export function priceFileName(ticker: string, bytes: Uint8Array): string {
  return `${ticker}.${createHash("sha256").update(bytes).digest("hex").slice(0, 8)}.arrow`;
}

/** A file name as priceFileName makes them (a ticker is a symbol: letters, digits, ^ . = -), nothing with a path in it. */
const FILE = /^[\^A-Z0-9][\^A-Z0-9.=-]{0,14}\.[0-9a-f]{8}\.arrow$/;

/** Where a price file is kept: the first snapshot under `cacheDir` that holds it, or null. */
export function findPriceFile(cacheDir: string, name: string): string | null {
  if (!FILE.test(name)) return null;
  const root = join(cacheDir, "snapshots");
  if (!existsSync(root)) return null;
  for (const snapshot of readdirSync(root)) {
    const path = join(root, snapshot, "prices", name);
    if (existsSync(path)) return path;
  }
  return null;
}

/**
 * Copies the price files that a built site's meta.json names into the site,
 * beside it (`_file/data/prices/`), where the preview serves them too: the
 * pages fetch them by names they learn at run time, which Framework's build
 * cannot see (docs/architecture.md). Returns how many files and bytes.
 * - output: the built site's folder (dist/)
 * - cacheDir: the project's cache, whose snapshots hold the files
 */
export function publishPriceFiles(output: string, cacheDir: string): {files: number; bytes: number} {
  const data = join(output, "_file", "data");
  const metaFile = existsSync(data) ? readdirSync(data).find((f) => /^meta\.[0-9a-f]{8}\.json$/.test(f)) : undefined;
  if (!metaFile)
    throw new Error(`${data} has no meta.json: run the whole build (npm run build), not only its last step`);
  const {files = {}} = JSON.parse(readFileSync(join(data, metaFile), "utf8")) as PricesMeta;
  mkdirSync(join(data, "prices"), {recursive: true});
  let bytes = 0;
  for (const [ticker, name] of Object.entries(files)) {
    const source = findPriceFile(cacheDir, name);
    if (!source)
      throw new Error(
        `the price file of ${ticker} (${name}) is in no snapshot under ${cacheDir}: run npm run build again`
      );
    copyFileSync(source, join(data, "prices", name));
    bytes += statSync(source).size;
  }
  return {files: Object.keys(files).length, bytes};
}
