import {mkdirSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {dirname} from "node:path";

/**
 * Writes a file so that readers see either the old content or the new, never
 * a torn one: write a temporary file beside it, then rename over the target
 * (rename is atomic within one filesystem).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), {recursive: true});
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, {force: true});
    throw error;
  }
}
