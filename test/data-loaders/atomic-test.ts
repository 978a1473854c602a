import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync
} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {removeStaleTemps, writeFileAtomic} from "../../data-loaders/atomic.js";

let dir: string;
const temps = (folder = dir) => readdirSync(folder).filter((f) => f.endsWith(".tmp"));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "workbench-atomic-"));
});

afterEach(() => {
  rmSync(dir, {recursive: true, force: true});
});

describe("writeFileAtomic(path, data)", () => {
  it("writeFileAtomic(path, text) writes the file, creating missing folders, and leaves no temporary file", () => {
    const path = join(dir, "a", "b", "meta.json");
    writeFileAtomic(path, '{"ok":true}');
    expect(readFileSync(path, "utf8")).toBe('{"ok":true}');
    expect(readdirSync(join(dir, "a", "b"))).toEqual(["meta.json"]);
  });

  it("writeFileAtomic(path, bytes) writes a Uint8Array byte for byte", () => {
    const path = join(dir, "prices.arrow");
    const bytes = Uint8Array.from([0, 1, 2, 255, 128]);
    writeFileAtomic(path, bytes);
    expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
  });

  it("writeFileAtomic(path, data) replaces an existing file entirely (a shorter write leaves no tail)", () => {
    const path = join(dir, "x.json");
    writeFileSync(path, "old content that is long");
    writeFileAtomic(path, "new");
    expect(readFileSync(path, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["x.json"]);
  });

  it("writeFileAtomic(path, '') writes an empty file", () => {
    const path = join(dir, "empty");
    writeFileAtomic(path, "");
    expect(readFileSync(path, "utf8")).toBe("");
    expect(temps()).toEqual([]);
  });

  it("writeFileAtomic(dirPath, data) throws when the target is a directory, leaves it and its contents intact and removes the temporary file", () => {
    const target = join(dir, "taken");
    mkdirSync(target);
    writeFileSync(join(target, "inside.txt"), "keep me");
    expect(() => writeFileAtomic(target, "new")).toThrow();
    expect(readFileSync(join(target, "inside.txt"), "utf8")).toBe("keep me");
    expect(readdirSync(dir)).toEqual(["taken"]);
    expect(temps()).toEqual([]);
  });

  it("writeFileAtomic(path, data) throws when a parent is a file and writes nothing", () => {
    writeFileSync(join(dir, "file"), "old");
    expect(() => writeFileAtomic(join(dir, "file", "child.json"), "new")).toThrow();
    expect(readFileSync(join(dir, "file"), "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["file"]);
  });

  it("writeFileAtomic(path, badData) throws and keeps the old content, with no temporary file", () => {
    const path = join(dir, "x.json");
    writeFileSync(path, "old");
    expect(() => writeFileAtomic(path, 42 as unknown as string)).toThrow();
    expect(readFileSync(path, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["x.json"]);
  });

  it("writeFileAtomic(path, data) called many times in a row keeps the last write and no temporary files", () => {
    const path = join(dir, "gen");
    for (let i = 0; i < 20; ++i) writeFileAtomic(path, String(i));
    expect(readFileSync(path, "utf8")).toBe("19");
    expect(readdirSync(dir)).toEqual(["gen"]);
    expect(existsSync(`${path}.tmp`)).toBe(false);
  });
});

describe("writeFileAtomic into a folder that cannot be written", () => {
  it("names the path and says to set WORKBENCH_CACHE_DIR, instead of a bare ENOENT or ENOTDIR", () => {
    writeFileSync(join(dir, "a-file"), "");
    expect(() => writeFileAtomic(join(dir, "a-file", "snapshots", "meta.json"), "{}")).toThrow(
      `cannot write ${join(dir, "a-file", "snapshots", "meta.json")} (ENOTDIR): ${join(dir, "a-file", "snapshots")} is not a writable folder; if it is in the cache, set WORKBENCH_CACHE_DIR (or "cacheDir") to a folder you can write`
    );
    // /proc/self exists but takes no new files: Node says ENOENT, which alone would mislead.
    expect(() => writeFileAtomic("/proc/self/workbench-meta.json", "{}")).toThrow(
      /^cannot write .* is not a writable folder/
    );
  });
});

describe("removeStaleTemps(dir, {now, maxAgeMs})", () => {
  it("removes temporary files older than an hour at any depth, and nothing else", () => {
    const now = Date.now();
    mkdirSync(join(dir, "prices", "yahoo"), {recursive: true});
    const file = (name: string, ageMs: number) => {
      const path = join(dir, name);
      writeFileSync(path, "x");
      utimesSync(path, (now - ageMs) / 1000, (now - ageMs) / 1000);
      return path;
    };
    const stale = file("prices/yahoo/IJR.json.4242.1765000000000.tmp", 2 * 3_600_000);
    file("generation.4243.1765000000001.tmp", 60_000); // a write in progress elsewhere
    file("prices/yahoo/IJR.json", 2 * 3_600_000);
    file("notes.tmp", 2 * 3_600_000); // not one of ours
    expect(removeStaleTemps(dir, {now})).toEqual([stale]);
    expect(temps()).toEqual(["generation.4243.1765000000001.tmp", "notes.tmp"]);
    expect(readdirSync(join(dir, "prices", "yahoo"))).toEqual(["IJR.json"]);
    expect(removeStaleTemps(join(dir, "missing"))).toEqual([]);
  });
});
