import {mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";

/** A temporary file of writeFileAtomic: `<target>.<pid>.<ms>.tmp`. */
const TEMP = /\.\d+\.\d+\.tmp$/;

/**
 * Writes a file so that readers see either the old content or the new, never
 * a torn one: write a temporary file beside it, then rename over the target
 * (rename is atomic within one filesystem). A folder that cannot be written
 * (read-only, or not a folder) is named in the error with what to do, rather
 * than left to a bare system code such as ENOENT.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dirname(path), {recursive: true});
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    try {
      rmSync(temp, {force: true});
    } catch {
      // The folder itself is unusable: there is no temporary file to remove.
    }
    const {code} = error as NodeJS.ErrnoException;
    if (code && ["EACCES", "EPERM", "EROFS", "ENOENT", "ENOTDIR", "EEXIST"].includes(code))
      throw new Error(
        `cannot write ${path} (${code}): ${dirname(path)} is not a writable folder; ` +
          `if it is in the cache, set WORKBENCH_CACHE_DIR (or "cacheDir") to a folder you can write`
      );
    throw error;
  }
}

/**
 * Removes the temporary files that writes interrupted by a crash or kill left
 * under `dir` (at any depth). Only those older than `maxAgeMs` go: a younger
 * one may belong to a write in progress in another process.
 * - now: epoch ms, Date.now()
 * - maxAgeMs: age from which a temporary file is stale, one hour
 * Returns the paths removed.
 */
export function removeStaleTemps(
  dir: string,
  {now = Date.now(), maxAgeMs = 3_600_000}: {now?: number; maxAgeMs?: number} = {}
): string[] {
  const removed: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, {withFileTypes: true});
  } catch {
    return removed; // No folder yet, or unreadable: nothing of ours to clean.
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removed.push(...removeStaleTemps(path, {now, maxAgeMs}));
    else if (entry.isFile() && TEMP.test(entry.name)) {
      try {
        if (now - statSync(path).mtimeMs > maxAgeMs) {
          rmSync(path, {force: true});
          removed.push(path);
        }
      } catch {
        // Renamed or removed meanwhile by its writer: not stale after all.
      }
    }
  }
  return removed;
}
