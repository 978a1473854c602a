import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {seedFrameworkNpmCache} from "../../data-loaders/framework-offline.js";

const NODE_MODULES = resolve(import.meta.dirname, "../../node_modules");

describe("seedFrameworkNpmCache({root})", () => {
  let root: string;
  let npm: string;
  let written: number;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "framework-offline-"));
    symlinkSync(NODE_MODULES, join(root, "node_modules"));
    npm = join(root, "src", ".observablehq", "cache", "_npm");
    // An earlier online run leaves an empty folder for the newest version it resolved; Framework would pick it.
    mkdirSync(join(npm, "htl@9.9.9"), {recursive: true});
    written = await seedFrameworkNpmCache({root});
  }, 60_000);
  afterAll(() => rmSync(root, {recursive: true, force: true}));

  const version = (name: string) => JSON.parse(readFileSync(join(NODE_MODULES, name, "package.json"), "utf8")).version;

  it("serves an installed library from node_modules, as one module with its exports", async () => {
    const d3 = await import(pathToFileURL(join(npm, `d3@${version("d3")}`, "_esm.js")).href);
    expect(d3.median([3, 1, 2])).toBe(2);
    const source = readFileSync(
      join(npm, "@observablehq", `inputs@${version("@observablehq/inputs")}`, "_esm.js"),
      "utf8"
    );
    expect(source).not.toMatch(/\bfrom\s*["']/); // nothing left for Framework to resolve from the network
  });

  it("gives a library that is not installed a module that fails with what to do", async () => {
    const lodash = pathToFileURL(join(npm, "lodash@4.18.1", "_esm.js")).href;
    await expect(import(lodash)).rejects.toThrow(/lodash is not installed.*npm install lodash/);
  });

  it("fills a version folder left empty by an earlier online run", async () => {
    const htl = await import(pathToFileURL(join(npm, "htl@9.9.9", "_esm.js")).href);
    expect(typeof htl.html).toBe("function");
  });

  it("leaves existing modules alone and writes nothing the second time", async () => {
    expect(written).toBeGreaterThan(10);
    const arrow = join(npm, `apache-arrow@${version("apache-arrow")}`, "_esm.js");
    writeFileSync(arrow, "export const mine = 1;\n");
    expect(await seedFrameworkNpmCache({root})).toBe(0);
    expect(readFileSync(arrow, "utf8")).toBe("export const mine = 1;\n");
    expect(existsSync(join(npm, "react@19.3.1", "_esm.js"))).toBe(true);
  });
});
