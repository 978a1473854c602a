import {EditorView, basicSetup} from "codemirror";
import {javascript} from "@codemirror/lang-javascript";
import {Compartment, Prec} from "@codemirror/state";
import {keymap} from "@codemirror/view";
import {saveBlob} from "./downloads.js";
import {CellSyntaxError, compileCell, runCell} from "./scratch-cell.js";
import {cellsFromHash, hashForCells} from "./scratch-link.js";
import {scratchMarkdown} from "./scratch-markdown.js";
import {inspect, scratchView} from "./scratch-view.js";

/** What a reader sees when a link brings code: nothing in it has run. */
export const LINK_NOTICE = "This link contains code. Read it, then Run.";
/** The browser's copy of the cells: kept on every edit and before every run (see Saved). */
export const STORAGE_KEY = "workbench-scratch";

/**
 * The cells as saved in this browser. `ran` is the list of cells as it stood the last time every one of them had
 * run by the reader's click (or as the starter cells): opening the page runs cells by itself only when they are
 * exactly that list. `running` is set before a run and cleared after it, so a cell that hangs the tab is found,
 * not run again, on the next visit.
 */
interface Saved {
  cells: string[];
  ran: string[] | null;
  running: boolean;
}

interface Cell {
  section: HTMLElement;
  editor: EditorView;
  label: Compartment;
  output: HTMLElement;
  /** The source as it last ran and the names it declared then; null until it runs. */
  ran: {source: string; exports: Record<string, unknown>} | null;
}

/**
 * The Scratch page's cells: JavaScript edited with CodeMirror and run in the browser, each with a Run button (and
 * Shift+Enter), Run all, add, delete and reorder; kept in this browser and in the link (`#cells=…`, so the page's
 * Copy link shares them). Code that arrives in a link is shown and never runs until the reader clicks Run.
 *
 * - scope: the names every cell sees (see scratchScope)
 * - starter: the cells shown on a first visit, run at once
 * - storage: where the cells are kept (default localStorage; null when the browser refuses it)
 */
export function scratchpad({
  scope,
  starter,
  storage = browserStorage()
}: {
  scope: Record<string, unknown>;
  starter: readonly string[];
  storage?: Storage | null;
}): HTMLElement {
  const root = document.createElement("div");
  root.className = "scratch";
  const notes = document.createElement("div");
  notes.className = "scratch-notes";
  const list = document.createElement("div");
  list.className = "scratch-cells";
  const cells: Cell[] = [];
  const sources = () => cells.map((c) => c.editor.state.doc.toString());
  const same = (a: readonly string[] | null | undefined, b: readonly string[]) =>
    !!a && a.length === b.length && a.every((x, i) => x === b[i]);

  const note = (text: string, className = "scratch-note") => {
    const p = document.createElement("p");
    p.className = `note ${className}`;
    p.textContent = text;
    notes.append(p);
    return p;
  };
  const saved = load(storage);
  let ran = saved?.ran ?? null;
  const keep = (running: boolean) => {
    const current = sources();
    // The link mirrors the cells, so the page's Copy link shares them; the starter cells leave the link bare.
    const {pathname, search} = window.location;
    window.history.replaceState(window.history.state, "", `${pathname}${search}${hashForCells(current, starter)}`);
    if (!storage) return;
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify({cells: current, ran, running} satisfies Saved));
    } catch {
      if (!root.querySelector(".scratch-unsaved"))
        note(
          "This browser did not keep the cells (storage full or turned off): use Make this a page to keep them.",
          "scratch-unsaved"
        );
    }
  };

  // Runs one task at a time, so a second click waits for the first run instead of interleaving with it.
  let queue = Promise.resolve();
  const runCells = (last: number, {all = false} = {}) =>
    (queue = queue.then(async () => {
      for (const n of notes.querySelectorAll(".scratch-link, .scratch-stopped")) n.remove();
      keep(true);
      let env: Record<string, unknown> = {...scope};
      for (const [i, cell] of cells.slice(0, last + 1).entries()) {
        // A cell above the one asked for runs again only when it has not run as it now reads.
        if (all || i === last || cell.ran?.source !== cell.editor.state.doc.toString()) await run(cell, env);
        env = {...env, ...cell.ran!.exports};
      }
      if (cells.every((c) => c.ran?.source === c.editor.state.doc.toString())) ran = sources();
      keep(false);
    }));

  const run = async (cell: Cell, env: Record<string, unknown>) => {
    const source = cell.editor.state.doc.toString();
    const {output} = cell;
    output.replaceChildren();
    output.classList.add("scratch-running");
    let exports: Record<string, unknown> = {};
    // One turn of the event loop first: the page paints the cell as running, and the cells saved just before
    // reach the browser's storage even if this one never returns.
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      const display = (value: unknown) => (output.append(scratchView(value)), value);
      const result = await runCell(compileCell(source), {...env, display});
      exports = result.exports;
      const value = await result.value;
      if (result.hasValue && value !== undefined) output.append(scratchView(value));
      else if (!result.hasValue && !output.hasChildNodes()) output.append(declarations(exports));
    } catch (error) {
      const message = document.createElement("div");
      message.className = "scratch-error";
      message.textContent =
        error instanceof CellSyntaxError
          ? error.message
          : error instanceof Error
            ? `${error.name}: ${error.message}`
            : `Thrown: ${inspect(error)}`;
      output.append(message);
    } finally {
      output.classList.remove("scratch-running");
      cell.ran = {source, exports};
    }
  };

  const renumber = () =>
    cells.forEach((cell, i) => {
      cell.section.querySelector(".scratch-name")!.textContent = `Cell ${i + 1}`;
      cell.editor.dispatch({effects: cell.label.reconfigure(codeLabel(i))});
    });
  const move = (cell: Cell, by: number) => {
    const from = cells.indexOf(cell);
    const to = from + by;
    if (to < 0 || to >= cells.length) return;
    cells.splice(from, 1);
    cells.splice(to, 0, cell);
    list.replaceChildren(...cells.map((c) => c.section));
    renumber();
    keep(false);
  };
  const add = (source: string) => {
    const section = document.createElement("section");
    section.className = "scratch-cell";
    const bar = document.createElement("div");
    bar.className = "scratch-bar";
    const name = document.createElement("span");
    name.className = "scratch-name";
    const output = document.createElement("div");
    output.className = "scratch-output";
    output.setAttribute("aria-live", "polite");
    const label = new Compartment();
    const cell: Cell = {section, editor: null!, label, output, ran: null};
    const runThis = () => void runCells(cells.indexOf(cell));
    cell.editor = new EditorView({
      doc: source,
      extensions: [
        basicSetup,
        javascript(),
        Prec.highest(keymap.of([{key: "Shift-Enter", run: () => (runThis(), true)}])),
        label.of(codeLabel(cells.length)),
        EditorView.updateListener.of((update) => update.docChanged && keep(false))
      ]
    });
    bar.append(
      name,
      button("Run", runThis, "Run this cell and any above it not run since they changed (Shift+Enter)"),
      button("↑", () => move(cell, -1), "Move this cell up", "Move up"),
      button("↓", () => move(cell, 1), "Move this cell down", "Move down"),
      button(
        "Delete",
        () => {
          cells.splice(cells.indexOf(cell), 1);
          section.remove();
          cell.editor.destroy();
          renumber();
          keep(false);
        },
        "Delete this cell"
      )
    );
    section.append(bar, cell.editor.dom, output);
    cells.push(cell);
    list.append(section);
    renumber();
    // Built before the page shows it, the editor measures its lines (and sizes its gutter) once it is in place.
    requestAnimationFrame(() => cell.editor.requestMeasure());
    return cell;
  };

  const tools = document.createElement("div");
  tools.className = "scratch-tools";
  tools.append(
    button("Run all", () => void runCells(cells.length - 1, {all: true}), "Run every cell, top to bottom"),
    button(
      "Add cell",
      () => {
        add("").editor.focus();
        keep(false);
      },
      "Add an empty cell at the end"
    ),
    button(
      "Make this a page",
      () => saveBlob(new Blob([scratchMarkdown(sources())], {type: "text/markdown"}), "scratch-cells.md"),
      "Download the cells as a page (.md) to save in src/ and run under npm start"
    )
  );

  // What opens: the cells a link brings, else those kept in this browser, else the starter cells.
  const linked = cellsFromHash(window.location.hash);
  const opened = linked && "cells" in linked ? linked.cells : (saved?.cells ?? [...starter]);
  for (const source of opened) add(source);
  const trusted = same(ran, opened) || same(starter, opened);
  if (linked && "error" in linked)
    note(`${linked.error} The cells below are your own (or the starter cells); nothing has run.`, "scratch-stopped");
  else if (saved?.running)
    note(
      "The last run did not finish (a cell may loop forever, or the tab was closed): nothing has run. Check the cells, then Run.",
      "scratch-stopped"
    );
  else if (linked && !trusted) note(LINK_NOTICE, "scratch-link").setAttribute("role", "alert");
  else if (trusted) {
    if (same(starter, opened)) ran = [...starter];
    void runCells(cells.length - 1, {all: true});
  } else note("Your cells as you left them, edited since they last ran: Run all to see them.", "scratch-stopped");
  root.append(notes, tools, list);
  return root;
}

/** The accessible name of a cell's code area. */
function codeLabel(i: number) {
  return EditorView.contentAttributes.of({"aria-label": `Code of cell ${i + 1}`});
}

/** A button with a visible label, a tooltip, and an accessible name when the label is a symbol. */
function button(text: string, onclick: () => void, title: string, name?: string): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.title = title;
  if (name) b.setAttribute("aria-label", name);
  b.onclick = onclick;
  return b;
}

/** A cell with no value shows what it declared: `spread = Float64Array(7560) […]`. */
function declarations(exports: Record<string, unknown>): Node {
  const pre = document.createElement("pre");
  pre.className = "scratch-value scratch-names";
  pre.textContent = Object.entries(exports)
    .map(([name, value]) => `${name} = ${inspect(value, 1)}`)
    .join("\n");
  return pre;
}

/** The cells kept in this browser, or null when there are none or they are unreadable. */
function load(storage: Storage | null): Saved | null {
  try {
    const saved = JSON.parse(storage?.getItem(STORAGE_KEY) ?? "null");
    const strings = (a: unknown): a is string[] => Array.isArray(a) && a.every((s) => typeof s === "string");
    if (!saved || !strings(saved.cells)) return null;
    return {cells: saved.cells, ran: strings(saved.ran) ? saved.ran : null, running: saved.running === true};
  } catch {
    return null;
  }
}

/** localStorage, or null where the browser refuses it (a sandboxed frame, some private modes). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
