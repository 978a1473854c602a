import {existsSync, readdirSync, statSync} from "node:fs";
import {join} from "node:path";

/**
 * Name, size and modification time of each entry of a folder, sorted by name,
 * for fingerprints. An entry that cannot be stat'ed (a dangling or looping
 * link, one removed meanwhile, one without permission) is left out: it holds
 * nothing a loader could read, and the loader that needs it says so itself.
 * Empty when the folder is missing.
 */
export function folderEntries(dir: string): {name: string; size: number; mtimeMs: number}[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      try {
        const {size, mtimeMs} = statSync(join(dir, name));
        return [{name, size, mtimeMs}];
      } catch {
        return [];
      }
    });
}
