import {describe, expect, it} from "vitest";
import {CellSyntaxError, compileCell, declaredNames, runCell} from "../../src/components/scratch-cell.js";
import {STARTER_CELLS} from "../../src/components/scratch-starter.js";

const run = (source: string, scope: Record<string, unknown> = {}) => runCell(compileCell(source), scope);

describe("declaredNames(source)", () => {
  it("lists top-level const, let, var, function and class, destructured names included, once each", () => {
    const source = `const a = 1, {b, c: [d, e = 2], ...f} = {};
let [g, , ...h] = [];
var i;
function j() { const notMine = 1; }
class K {}
if (true) { const inner = 1; }
const a2 = a;
var i;`;
    expect(declaredNames(source)).toEqual(["a", "b", "d", "e", "f", "g", "h", "i", "j", "K", "a2"]);
  });

  it("ignores names inside functions, blocks and arquero expressions", () => {
    expect(declaredNames("const t = priceTable.derive({year: (d) => op.utcyear(d.date)});")).toEqual(["t"]);
    expect(declaredNames("for (const x of [1]) {}\n{ let y; }")).toEqual([]);
  });

  it("reads regular expressions and template literals that would trip a hand tokenizer", () => {
    expect(declaredNames("const re = /const fake = 1/g;\nconst s = `${'const other'} }`;")).toEqual(["re", "s"]);
  });

  it("the starter cells declare study and spread, then years, then nothing", () => {
    expect(STARTER_CELLS.map(declaredNames)).toEqual([["study", "spread"], ["years"], []]);
  });
});

describe("compileCell(source)", () => {
  it("a syntax error says where, with the line and column of the cell", () => {
    expect(() => compileCell("const x = 1;\nconst y = ;")).toThrow(
      new CellSyntaxError("Syntax error at line 2, column 11: Unexpected token")
    );
  });

  it("an import is refused with what to do instead", () => {
    expect(() => compileCell('import _ from "lodash";')).toThrow(
      /cannot import: prices, priceTable, funds, load, lib, Plot/
    );
    expect(() => compileCell("export const x = 1;")).toThrow(/has no exports/);
  });

  it("marks the last expression as the cell's value, with its span", () => {
    const source = "const x = 2;\nx * 21 // the answer";
    const {value} = compileCell(source);
    expect(source.slice(...value!.expression)).toBe("x * 21");
    expect(compileCell("const x = 2;").value).toBeNull();
  });
});

describe("runCell(cell, scope)", () => {
  it("returns the last expression's value and the declared names, with the scope's names as parameters", async () => {
    const result = await run("const doubled = base * 2;\nfunction half(v) { return v / 2; }\ndoubled + 1", {base: 20});
    expect(result.hasValue).toBe(true);
    expect(result.value).toBe(41);
    expect(Object.keys(result.exports)).toEqual(["doubled", "half"]);
    expect((result.exports.half as (v: number) => number)(8)).toBe(4);
  });

  it("a cell sees what the cells above it declared, and may declare a name in scope again", async () => {
    const first = await run("const x = 5;");
    expect(first).toEqual({hasValue: false, value: undefined, exports: {x: 5}});
    const second = await run("const prices = x + 1;\nprices", {prices: "the panel", ...first.exports});
    expect(second.value).toBe(6);
  });

  it("awaits at the top level", async () => {
    expect((await run("const v = await Promise.resolve(3);\nv")).value).toBe(3);
  });

  it("runs in strict mode: an undeclared assignment is an error, not a global", async () => {
    await expect(run("leaked = 1;")).rejects.toThrow(/leaked is not defined/);
    expect("leaked" in globalThis).toBe(false);
  });

  it("a runtime error rejects with the cell's own message", async () => {
    await expect(run("null.x")).rejects.toThrow(TypeError);
    await expect(run('throw new Error("no fund IJR")')).rejects.toThrow("no fund IJR");
  });
});
