import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {findPriceFile, priceFileName, publishPriceFiles} from "../../data-loaders/price-files.js";

let root: string;
beforeEach(() => void (root = mkdtempSync(join(tmpdir(), "price-files-"))));
afterEach(() => rmSync(root, {recursive: true, force: true}));

/** A cache with two snapshots and a built site whose meta.json names files from both. */
function project(files: Record<string, string>) {
  const cacheDir = join(root, "cache");
  const output = join(root, "dist");
  for (const [snapshot, name] of [
    ["a", "IJR.0123abcd.arrow"],
    ["b", "SPY.89abcdef.arrow"]
  ]) {
    mkdirSync(join(cacheDir, "snapshots", snapshot, "prices"), {recursive: true});
    writeFileSync(join(cacheDir, "snapshots", snapshot, "prices", name), `bytes of ${name}`);
  }
  mkdirSync(join(output, "_file", "data"), {recursive: true});
  writeFileSync(join(output, "_file", "data", "research-meta.1111aaaa.json"), "{}");
  writeFileSync(join(output, "_file", "data", "meta.2222bbbb.json"), JSON.stringify({files}));
  return {cacheDir, output};
}

describe("priceFileName(ticker, bytes)", () => {
  it("priceFileName(ticker, bytes) is the ticker and the first 8 hex digits of the content's SHA-256", () => {
    // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    expect(priceFileName("IJR", new TextEncoder().encode("abc"))).toBe("IJR.ba7816bf.arrow");
  });
});

describe("findPriceFile(cacheDir, name)", () => {
  it("finds a file in whichever snapshot holds it, and null for a name in none", () => {
    const {cacheDir} = project({});
    expect(findPriceFile(cacheDir, "SPY.89abcdef.arrow")).toBe(
      join(cacheDir, "snapshots", "b", "prices", "SPY.89abcdef.arrow")
    );
    expect(findPriceFile(cacheDir, "IVV.89abcdef.arrow")).toBeNull();
    expect(findPriceFile(join(root, "nowhere"), "SPY.89abcdef.arrow")).toBeNull();
  });

  it("never reads a name with a path in it or not made by priceFileName", () => {
    const {cacheDir} = project({});
    for (const name of ["../b/prices/SPY.89abcdef.arrow", "SPY.89abcdef.arrow/..", "SPY.arrow", "..", ""])
      expect(findPriceFile(cacheDir, name)).toBeNull();
  });
});

describe("publishPriceFiles(output, cacheDir)", () => {
  it("copies the files the built meta.json names into _file/data/prices/, and only those", () => {
    const {cacheDir, output} = project({IJR: "IJR.0123abcd.arrow", SPY: "SPY.89abcdef.arrow"});
    writeFileSync(join(cacheDir, "snapshots", "a", "prices", "IVV.00000000.arrow"), "not published");
    expect(publishPriceFiles(output, cacheDir)).toEqual({files: 2, bytes: 2 * "bytes of IJR.0123abcd.arrow".length});
    const prices = join(output, "_file", "data", "prices");
    expect(readdirSync(prices).sort()).toEqual(["IJR.0123abcd.arrow", "SPY.89abcdef.arrow"]);
    expect(readFileSync(join(prices, "SPY.89abcdef.arrow"), "utf8")).toBe("bytes of SPY.89abcdef.arrow");
  });

  it("says what to run when the site has no meta.json or a file is in no snapshot", () => {
    const {cacheDir, output} = project({IVV: "IVV.12345678.arrow"});
    expect(() => publishPriceFiles(output, cacheDir)).toThrow(
      /IVV \(IVV.12345678.arrow\) is in no snapshot.*npm run build/
    );
    expect(() => publishPriceFiles(join(root, "empty"), cacheDir)).toThrow(/has no meta.json: run the whole build/);
  });
});
