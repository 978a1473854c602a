import {dataTable} from "./data-table.js";

/** Rows shown of a long table: the rest are counted in its caption (the cell's value keeps them all). */
const TABLE_ROWS = 100;
/** Items shown of a long array, map or object when inspected. */
const ITEMS = 10;

/**
 * A cell's value as the reader sees it: DOM nodes (Plot charts, Inputs, htl) as themselves, arquero tables and
 * arrays of objects as tables, a string as text, anything else inspected as text. Every piece of the value
 * reaches the page as text (textContent), never as HTML.
 */
export function scratchView(value: unknown): Node {
  if (value instanceof Node) return value;
  if (isArqueroTable(value)) return rowsTable(value.objects({limit: TABLE_ROWS}), value.numRows(), value.columnNames());
  if (isRows(value)) return rowsTable(value.slice(0, TABLE_ROWS), value.length);
  const text = document.createElement(typeof value === "string" ? "p" : "pre");
  text.className = "scratch-value";
  text.textContent = typeof value === "string" ? value : inspect(value);
  return text;
}

interface ArqueroTable {
  objects(options: {limit: number}): Record<string, unknown>[];
  numRows(): number;
  columnNames(): string[];
}

function isArqueroTable(value: unknown): value is ArqueroTable {
  const t = value as ArqueroTable | null;
  return typeof t?.objects === "function" && typeof t.numRows === "function" && typeof t.columnNames === "function";
}

/** An array whose first items are plain records (a Date, an array or a node is not a row). */
function isRows(value: unknown): value is Record<string, unknown>[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.slice(0, TABLE_ROWS).every((r) => r !== null && Object.getPrototypeOf(r) === Object.prototype)
  );
}

function rowsTable(rows: Record<string, unknown>[], total: number, names?: string[]): HTMLElement {
  const keys = names ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const numeric = (k: string) => typeof rows.find((r) => r[k] != null)?.[k] === "number";
  const table = dataTable(
    rows,
    keys.map((k) => ({label: k, numeric: numeric(k), nowrap: true, value: (r) => cellText(r[k])})),
    {
      className: "scratch-table",
      caption: total > rows.length ? `First ${rows.length} of ${total.toLocaleString("en-US")} rows` : undefined
    }
  );
  const wrapper = document.createElement("div");
  wrapper.className = "scratch-table-wrapper";
  wrapper.append(table);
  return wrapper;
}

/** A table cell: numbers to at most four decimals, days as YYYY-MM-DD, the rest inspected briefly. */
function cellText(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(+v.toFixed(4));
  if (v == null) return "";
  return typeof v === "string" ? v : inspect(v, 1);
}

/** A value as short text, e.g. `Float64Array(7560) [1, 1.002, …]`, `Map(11) {"IJR" => {…}, …}`; depth limits nesting. */
export function inspect(value: unknown, depth = 2): string {
  if (typeof value === "string") return JSON.stringify(value.length > 500 ? `${value.slice(0, 500)}…` : value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "function") return `ƒ ${value.name || "anonymous"}()`;
  if (typeof value === "symbol") return value.toString();
  if (value === null || typeof value !== "object") return String(value);
  if (value instanceof Date) return day(value);
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  const list = (open: string, items: string[], n: number, close: string) =>
    `${open}${items.join(", ")}${n > items.length ? `${items.length ? ", " : ""}…` : ""}${close}`;
  const name = value.constructor?.name ?? "Object";
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = value as ArrayLike<unknown>;
    const shown =
      depth > 0 ? Array.from({length: Math.min(ITEMS, items.length)}, (_, i) => inspect(items[i], depth - 1)) : [];
    return `${Array.isArray(value) ? "Array" : name}(${items.length}) ${list("[", shown, items.length, "]")}`;
  }
  if (value instanceof Map || value instanceof Set) {
    const entries = [...value.entries()].slice(0, depth > 0 ? ITEMS : 0);
    const shown = entries.map(([k, v]) =>
      value instanceof Map ? `${inspect(k, depth - 1)} => ${inspect(v, depth - 1)}` : inspect(k, depth - 1)
    );
    return `${name}(${value.size}) ${list("{", shown, value.size, "}")}`;
  }
  const keys = Object.keys(value);
  const shown = depth > 0 ? keys.slice(0, ITEMS).map((k) => `${k}: ${inspect((value as any)[k], depth - 1)}`) : [];
  return `${name === "Object" ? "" : `${name} `}${list("{", shown, keys.length, "}")}`;
}

/** A date as YYYY-MM-DD when it is a UTC midnight (the data's days), else in full. */
function day(date: Date): string {
  const iso = Number.isNaN(+date) ? "Invalid Date" : date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}
