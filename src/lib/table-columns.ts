/** The columns of an Arrow table this module reads (structural, so tests can pass stand-ins). */
export interface ColumnTable {
  numRows: number;
  getChild(name: string): {toArray(): ArrayLike<unknown>; isValid(i: number): boolean; nullCount: number} | null;
}

/** One numeric column as a Float64Array with nulls as NaN; null when the table lacks it. */
export function floatColumn(table: ColumnTable, name: string): Float64Array | null {
  const vector = table.getChild(name);
  if (!vector) return null;
  const out = Float64Array.from(vector.toArray() as ArrayLike<number>, Number);
  // Arrow keeps a null's slot in the value buffer (often 0): restore it as NaN.
  if (vector.nullCount > 0) for (let i = 0; i < table.numRows; ++i) if (!vector.isValid(i)) out[i] = NaN;
  return out;
}

/**
 * Reads a date-plus-numbers Arrow table (the research loaders' layout) into
 * Float64Arrays: `date` as epoch ms, nulls as NaN. A column the table lacks
 * comes back as all NaN, so a page can say "missing" instead of failing.
 */
export function tableColumns<K extends string>(
  table: ColumnTable,
  names: readonly K[]
): {date: Float64Array; missing: K[]} & Record<K, Float64Array> {
  const n = table.numRows;
  const read = (name: string) => floatColumn(table, name);
  const date = read("date");
  if (!date) throw new Error(`table has no "date" column`);
  const missing: K[] = [];
  const out: Record<string, Float64Array> = {};
  for (const name of names) {
    const values = read(name);
    if (!values || values.every((v) => Number.isNaN(v))) missing.push(name);
    out[name] = values ?? new Float64Array(n).fill(NaN);
  }
  return {date, missing, ...out} as {date: Float64Array; missing: K[]} & Record<K, Float64Array>;
}
