import {describe, expect, it} from "vitest";
import {scratchMarkdown} from "../../src/components/scratch-markdown.js";

describe("scratchMarkdown(cells)", () => {
  const page = scratchMarkdown(["const x = 2;", "// a comment\nx * 21 // the answer", "const y = `a ```;\ny", "  "]);

  it("opens the prices and declares the names a Scratch cell sees, from the page's own modules", () => {
    expect(page).toMatch(/^---\ntitle: Scratch cells\n---\n/);
    expect(page).toContain('import {scratchScope} from "./components/scratch-scope.js";');
    expect(page).toContain("const page = await openPage({universe: true});");
    expect(page).toContain(
      "const {prices, priceTable, funds, load, lib, Plot, d3, Inputs, html, aq, op} = await scratchScope(page);"
    );
  });

  it("keeps a cell that ends in a declaration as it is, and displays a last expression as Scratch shows it", () => {
    expect(page).toContain("```js\nconst x = 2;\n```");
    expect(page).toContain("```js\n// a comment\ndisplay(scratchView(x * 21)); // the answer\n```");
  });

  it("fences a cell holding backticks with a longer fence, and leaves out empty cells", () => {
    expect(page).toContain("````js\nconst y = `a ```;\ndisplay(scratchView(y));\n````");
    expect(page.match(/^`{3,}js$/gm)).toHaveLength(5);
  });

  it("leaves a cell with a syntax error as written: Framework shows the error in place", () => {
    expect(scratchMarkdown(["const = 1"])).toContain("```js\nconst = 1\n```");
  });
});
