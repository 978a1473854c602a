import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {writeFileAtomic} from "../../data-loaders/atomic.js";

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
