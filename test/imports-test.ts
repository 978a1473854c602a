import {readdirSync, readFileSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {describe, expect, it} from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

function files(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
    e.name.startsWith(".") || e.name === "node_modules"
      ? []
      : e.isDirectory()
        ? files(join(dir, e.name))
        : /\.(ts|md|js)$/.test(e.name)
          ? [join(dir, e.name)]
          : []
  );
}

// Framework copies src/ modules to the browser and rewrites their imports;
// it serves "./x.ts" specifiers as 404s, so a page fails at run time while
// the build, tsc and vitest all pass. Only this test catches it before a browser does.
describe("browser code imports", () => {
  const sources = files(join(ROOT, "src"));

  it("src/ has modules to check", () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it("no module in src/ imports a relative path ending in .ts (use .js)", () => {
    const offending = sources.flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({line, i}))
        .filter(({line}) => /(from|import)\s*\(?\s*"\.{1,2}\/[^"]*\.ts"/.test(line))
        .map(({i}) => `${relative(ROOT, f)}:${i + 1}`)
    );
    expect(offending).toEqual([]);
  });

  it("no page or module uses npm: imports, which need a CDN", () => {
    const offending = sources
      .filter((f) => /from\s+"npm:|import\("npm:/.test(readFileSync(f, "utf8")))
      .map((f) => relative(ROOT, f));
    expect(offending).toEqual([]);
  });

  // Framework runs the loaders in src/data (name.ext.ts, and prices/[file].arrow.ts) in Node at build time; everything else in src/ goes to the
  // browser, where a data-loaders/ module (node:fs, node:crypto) fails at run time. Shared shapes live in src/lib/contracts.ts.
  it("no browser module in src/ imports from data-loaders/ (only the Framework loaders in src/data may)", () => {
    const loader = /^src\/data\/(prices\/)?[^/]+\.[a-z]+\.(ts|js)$/;
    const browser = sources.filter((f) => !loader.test(relative(ROOT, f)));
    expect(browser.length).toBeGreaterThan(10);
    const offending = browser
      .filter((f) => /(from|import)\s*\(?\s*"[^"]*data-loaders\//.test(readFileSync(f, "utf8")))
      .map((f) => relative(ROOT, f));
    expect(offending).toEqual([]);
  });
});
