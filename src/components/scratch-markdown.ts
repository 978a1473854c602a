import {compileCell, CellSyntaxError} from "./scratch-cell.js";

/**
 * Scratch cells as a Framework page that runs unchanged under `npm start` once saved in src/ ("make this a page"):
 * the page opens the universe, declares the names a Scratch cell sees (scratchScope), and each cell becomes a js
 * block whose last expression is displayed the way the Scratch page shows it (scratchView). Framework then runs
 * the cells reactively: a name declared by a cell is seen by every other cell, so each name is declared once.
 */
export function scratchMarkdown(cells: readonly string[]): string {
  const block = (code: string) => {
    // A fence longer than any run of backticks in the code, so a template literal cannot end it.
    const fence = "`".repeat(Math.max(3, ...Array.from(code.matchAll(/`+/g), (m) => m[0].length + 1)));
    return `${fence}js\n${code.trim()}\n${fence}`;
  };
  return (
    [
      "---\ntitle: Scratch cells\n---",
      "# Scratch cells",
      "Cells from the Scratch page. Saved in `src/` (beside `notebook.md`), this page runs under `npm start`; add it to `observablehq.config.ts` to list it in the sidebar.",
      block(
        [
          'import {openPage} from "./components/page.js";',
          'import {scratchScope} from "./components/scratch-scope.js";',
          'import {scratchView} from "./components/scratch-view.js";'
        ].join("\n")
      ),
      block(
        [
          "const page = await openPage({universe: true});",
          "const {prices, priceTable, funds, load, lib, Plot, d3, Inputs, html, aq, op} = await scratchScope(page);",
          "display(page.header());"
        ].join("\n")
      ),
      ...cells.filter((c) => c.trim()).map((c) => block(displayed(c)))
    ].join("\n\n") + "\n"
  );
}

/** A cell with its last expression, if it ends in one, passed to display(scratchView(…)). */
function displayed(source: string): string {
  let value;
  try {
    ({value} = compileCell(source));
  } catch (error) {
    if (error instanceof CellSyntaxError) return source; // Framework shows the error in place, as Scratch did.
    throw error;
  }
  if (!value) return source;
  const [start, end] = value.expression;
  const statementEnd = value.statement[1];
  return `${source.slice(0, value.statement[0])}display(scratchView(${source.slice(start, end)}));${source.slice(statementEnd)}`;
}
