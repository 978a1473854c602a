/** One column of a data table: its header and how a row fills its cell. */
export interface Column<T> {
  /** The header's text. */
  label: string;
  /** The cell's content for a row: text (set as text, never parsed as HTML) or a node. */
  value: (row: T, i: number) => string | Node;
  /** Numbers: right-aligned, header and cells. */
  numeric?: boolean;
  /** Keep the cell on one line (dates, ranges). */
  nowrap?: boolean;
  /** The header's tooltip. */
  title?: string;
}

/**
 * A plain HTML table, one header row and one body row per row: the one table
 * builder of the site, so every table aligns, escapes and labels alike.
 *
 * - className: the table's class
 * - data: the row's data-* attributes (e.g. {ticker: "IJR"} gives data-ticker="IJR")
 * - rowClass: a class for the row (e.g. to mark one)
 * - note: text replacing every cell after the first, in one cell spanning them (a row with nothing to show)
 * - caption: a note about the whole table, as its caption (class table-note)
 */
export function dataTable<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  {
    className,
    data,
    rowClass,
    note,
    caption
  }: {
    className?: string;
    data?: (row: T, i: number) => Record<string, string>;
    rowClass?: (row: T, i: number) => string | undefined;
    note?: (row: T, i: number) => string | null;
    caption?: string;
  } = {}
): HTMLTableElement {
  const table = document.createElement("table");
  // data-table on every table: one phone rule (src/style.css) lets each scroll in its own box.
  table.className = className ? `data-table ${className}` : "data-table";
  if (caption) Object.assign(table.createCaption(), {className: "table-note", textContent: caption});
  const head = table.createTHead().insertRow();
  for (const {label, numeric, title} of columns) {
    const th = document.createElement("th");
    th.textContent = label;
    if (title) th.title = title;
    if (numeric) th.style.textAlign = "right";
    head.append(th);
  }
  const body = table.createTBody();
  rows.forEach((row, i) => {
    const tr = body.insertRow();
    if (data) Object.assign(tr.dataset, data(row, i));
    const cls = rowClass?.(row, i);
    if (cls) tr.className = cls;
    const message = note?.(row, i) ?? null;
    for (const [j, {value, numeric, nowrap}] of columns.entries()) {
      const td = tr.insertCell();
      if (message !== null && j > 0) {
        td.colSpan = columns.length - 1;
        td.textContent = message;
        break;
      }
      td.append(value(row, i));
      if (numeric) td.style.textAlign = "right";
      if (nowrap) td.style.whiteSpace = "nowrap";
    }
  });
  return table;
}
