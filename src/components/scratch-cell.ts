import {parse, type Node, type Pattern} from "acorn";

/**
 * How a Scratch cell runs. A cell is a script, compiled in the browser into the body of an AsyncFunction whose
 * parameters are the names in scope: the page's (prices, lib, Plot, …) and those the cells above declared. Why:
 *
 * - Framework compiles a page's cells in Node when it builds; the published site has no compiler, so the browser
 *   needs its own, and a function body is the smallest one that keeps cells apart (no globals, no `with`, no eval
 *   in the page's scope) and lets `await` appear at a cell's top level.
 * - A cell's top-level declarations (`const x`, `let {a, b}`, `function f`, `class C`) are read with acorn (which
 *   Framework already depends on; a hand tokenizer would miss destructuring and regex literals) and returned as an
 *   object, so the cells below receive them as parameters: `const x = …` in one cell is `x` in the next. A later
 *   cell may declare the same name again; from there on, the new value is the one seen.
 * - A cell's last statement, when it is an expression, is its value (shown below it), as in a notebook.
 * - The body runs in strict mode inside a block, so a cell may shadow a name in scope (`const prices = …`).
 */

/** A cell ready to run: the function body, the names it declares at its top level, and where its value is. */
export interface CompiledCell {
  body: string;
  names: string[];
  /** The last statement's span and its expression's, when the cell ends in an expression (its value). */
  value: {statement: [start: number, end: number]; expression: [start: number, end: number]} | null;
}

/** What a cell gives back when it runs: its last expression's value (when it ends in one), and its declarations. */
export interface CellResult {
  hasValue: boolean;
  value: unknown;
  exports: Record<string, unknown>;
}

/** A cell the compiler rejects, with a message for the reader (line and column, what to do). */
export class CellSyntaxError extends Error {}

/** The names a pattern binds: `x`, `{a, b: [c]}`, `[d = 1, ...e]`. */
function patternNames(pattern: Pattern, names: string[]): string[] {
  switch (pattern.type) {
    case "Identifier":
      names.push(pattern.name);
      break;
    case "ObjectPattern":
      for (const p of pattern.properties) patternNames(p.type === "RestElement" ? p.argument : p.value, names);
      break;
    case "ArrayPattern":
      for (const p of pattern.elements) if (p) patternNames(p, names);
      break;
    case "RestElement":
      patternNames(pattern.argument, names);
      break;
    case "AssignmentPattern":
      patternNames(pattern.left, names);
      break;
  }
  return names;
}

/** The names a cell declares at its top level, in order (a name declared twice appears once). */
export function declaredNames(source: string): string[] {
  return compileCell(source).names;
}

/** Compiles a cell's source into an AsyncFunction body (see above); throws CellSyntaxError with a readable message. */
export function compileCell(source: string): CompiledCell {
  let program;
  try {
    // As a module: strict, top-level await allowed, and import/export parsed so they can be refused by name below.
    program = parse(source, {ecmaVersion: "latest", sourceType: "module"});
  } catch (error) {
    const {message, loc} = error as SyntaxError & {loc?: {line: number; column: number}};
    const where = loc ? `line ${loc.line}, column ${loc.column + 1}` : "";
    throw new CellSyntaxError(`Syntax error${where ? ` at ${where}` : ""}: ${message.replace(/ \(\d+:\d+\)$/, "")}`);
  }
  const names: string[] = [];
  for (const statement of program.body as Node[]) {
    switch (statement.type) {
      case "ImportDeclaration":
        throw new CellSyntaxError(
          "A cell cannot import: prices, priceTable, funds, load, lib, Plot, d3, Inputs, html and aq are already in scope. " +
            "For another library, make this a page (download it) and import it there."
        );
      case "ExportNamedDeclaration":
      case "ExportDefaultDeclaration":
      case "ExportAllDeclaration":
        throw new CellSyntaxError(
          "A cell has no exports: its top-level const, let, function and class are seen below."
        );
      case "VariableDeclaration":
        for (const d of (statement as any).declarations) patternNames(d.id, names);
        break;
      case "FunctionDeclaration":
      case "ClassDeclaration":
        names.push((statement as any).id.name);
        break;
    }
  }
  const unique = [...new Set(names)];
  const exports = `{${unique.join(", ")}}`;
  const last = program.body.at(-1) as Node | undefined;
  const expression = last?.type === "ExpressionStatement" ? ((last as any).expression as Node) : null;
  const value = expression
    ? {statement: [last!.start, last!.end], expression: [expression.start, expression.end]}
    : null;
  const body = expression
    ? `${source.slice(0, last!.start)}\nreturn {hasValue: true, value: (${source.slice(
        expression.start,
        expression.end
      )}), exports: ${exports}};`
    : `${source}\nreturn {hasValue: false, value: undefined, exports: ${exports}};`;
  return {body: `"use strict";\n{\n${body}\n}`, names: unique, value: value as CompiledCell["value"]};
}

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<CellResult>;

/** Runs a compiled cell with the given names in scope (parameters, in the order of the object's keys). */
export function runCell(cell: CompiledCell, scope: Record<string, unknown>): Promise<CellResult> {
  const names = Object.keys(scope);
  return new AsyncFunction(...names, cell.body)(...names.map((n) => scope[n]));
}
