import {readdir, readFile} from "node:fs/promises";
import path from "node:path";
import {csvParseRows} from "d3";
import {formatDay, parseDay} from "../../src/lib/dates.js";
import {priceProblem, screenSeries} from "../price-rules.js";
import type {SourceDefinition} from "../source.js";
import type {PriceSeries} from "../types.js";

type Field = "date" | "open" | "high" | "low" | "close" | "adjClose" | "dividend" | "split" | "volume";

/** Accepted header names per field, after normalising (lower case; spaces, underscores, hyphens, dots and angle brackets removed). */
const NAMES: Record<Field, readonly string[]> = {
  date: ["date", "datetime", "timestamp"],
  open: ["open"],
  high: ["high"],
  low: ["low"],
  close: ["close"],
  adjClose: ["adjclose", "adjustedclose"],
  dividend: ["dividends", "dividend"],
  split: ["splits", "split", "stocksplits", "stocksplit"],
  volume: ["volume", "vol"]
};

const MAX_WARNINGS = 20;

function normalise(name: string): string {
  return name.toLowerCase().replace(/[\s_<>.\-]/g, "");
}

/** Missing markers that Yahoo, pandas and spreadsheets write. */
const MISSING = new Set(["", "null", "nan", "na", "n/a", "none", "-"]);

function number(text: string | undefined): number {
  if (text === undefined) return NaN;
  const t = text.trim();
  if (MISSING.has(t.toLowerCase())) return NaN;
  const x = Number(t);
  return Number.isFinite(x) ? x : NaN;
}

/** Split ratio from "2", "2:1", "1/10" or yfinance's 0 (no split); 1 when absent. */
function splitRatio(text: string | undefined): number {
  const t = (text ?? "").trim();
  const m = /^([\d.]+)\s*[:/]\s*([\d.]+)$/.exec(t);
  const x = m ? +m[1] / +m[2] : number(t);
  return Number.isFinite(x) && x > 0 ? x : 1;
}

/** Date part of "2024-01-02", "2024-01-02 00:00:00-05:00", "2024-01-02T00:00:00Z" or Stooq's "20240102", as UTC midnight; NaN otherwise. */
function day(text: string | undefined): number {
  const t = (text ?? "").trim().split(/[\sT]/)[0];
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  return parseDay(compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : t);
}

function describeNames(field: Field): string {
  return NAMES[field].map((n) => `"${n}"`).join(", ");
}

/**
 * The text of a CSV file's bytes, or an error saying what the file is and how
 * to re-save it when it is not UTF-8 text (a UTF-16 "Unicode text" export).
 * - file: the file's name, used in the message
 */
export function decodeCsv(bytes: Uint8Array, {file}: {file: string}): string {
  const bom = bytes.length >= 2 ? (bytes[0] << 8) | bytes[1] : 0;
  // Without a byte-order mark, UTF-16 shows as a NUL byte beside every ASCII character.
  const nuls = bytes.subarray(0, 200).filter((b) => b === 0).length;
  if (bom === 0xfffe || bom === 0xfeff || nuls > 10) {
    const kind = bom === 0xfffe ? "UTF-16 little-endian" : bom === 0xfeff ? "UTF-16 big-endian" : "UTF-16";
    throw new Error(
      `${file} is ${kind} text (a spreadsheet's "Unicode text" export), not UTF-8: re-save it as "CSV UTF-8 (comma delimited)"`
    );
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Parses one ticker's daily-bar CSV (Yahoo, yfinance, Stooq or the shared
 * data layout), finding columns by header name. Rows may come in any date
 * order (newest-first exports are common) and are sorted by date. Bad rows
 * are skipped with a warning naming file and line: an unreadable date or
 * close, more cells than the header (an unquoted decimal comma), a repeated
 * date (the first kept), and rows failing the price rule every source shares
 * (price-rules.ts: non-positive prices, implausible jumps). Throws when the
 * header has no date or close column, or the file separates columns with
 * semicolons.
 * - file: the file's name, used in every message
 * - ticker: the ticker the series is labelled with
 */
export function parsePriceCsv(
  text: string,
  {file, ticker}: {file: string; ticker: string}
): {series: PriceSeries; warnings: string[]; skipped: number} {
  const rows = csvParseRows(text.replace(/^\uFEFF/, ""));
  const blank = (row: string[]) => row.every((cell) => cell.trim() === "");
  let h = rows.findIndex((row) => !blank(row));
  if (h < 0) throw new Error(`${file}: the file is empty (expected a header row with date and close columns)`);
  const names = rows[h];
  const header = names.map(normalise);
  const column = {} as Record<Field, number>;
  for (const field of Object.keys(NAMES) as Field[]) {
    const found = header.findIndex((name) => NAMES[field].includes(name));
    column[field] = found;
  }
  // yfinance ≥ 0.2.48 writes a three-row header: "Price,Close,…", "Ticker,IJR,…", "Date,,…".
  if (column.date < 0 && header[0] === "price") {
    const dateRow = rows.findIndex((row, i) => i > h && i <= h + 3 && normalise(row[0] ?? "") === "date");
    if (dateRow > 0) ((column.date = 0), (h = dateRow));
  }
  if ((column.date < 0 || column.close < 0) && rows[h].length === 1 && rows[h][0].includes(";")) {
    throw new Error(
      `${file} separates its columns with semicolons (a spreadsheet export in a European locale): ` +
        `re-save it as CSV with comma separators and a dot as the decimal point`
    );
  }
  for (const field of ["date", "close"] as const) {
    if (column[field] < 0) {
      const found = rows[h].map((c) => JSON.stringify(c.trim())).join(", ");
      throw new Error(
        `${file}: header has no ${field} column (found ${found}); accepted names: ${describeNames(field)}` +
          ` (case, spaces, underscores and angle brackets are ignored)`
      );
    }
  }
  // The header's width, not counting empty trailing cells (pandas and spreadsheets add some).
  let width = names.length;
  while (width > 1 && names[width - 1].trim() === "") --width;

  const warnings: string[] = [];
  let skipped = 0;
  const skip = (line: number, why: string) => {
    if (++skipped <= MAX_WARNINGS) warnings.push(`${file} line ${line}: ${why}, row skipped`);
  };
  const get = (row: string[], field: Field) => (column[field] < 0 ? NaN : number(row[column[field]]));
  const parsed: {t: number; line: number; row: string[]}[] = [];
  for (let i = h + 1; i < rows.length; ++i) {
    const row = rows[i];
    if (blank(row)) continue;
    // Line numbers count rows, which equal file lines unless a quoted field spans lines.
    const line = i + 1;
    let cells = row.length;
    while (cells > width && row[cells - 1].trim() === "") --cells;
    if (cells > width) {
      skip(line, `${cells} cells under a header of ${width} (a decimal comma? write 100.23, not 100,23)`);
      continue;
    }
    const t = day(row[column.date]);
    if (Number.isNaN(t)) {
      skip(line, `unparseable date ${JSON.stringify(row[column.date] ?? "")}`);
      continue;
    }
    const close = get(row, "close");
    if (Number.isNaN(close)) {
      skip(line, `unparseable close ${JSON.stringify(row[column.close] ?? "")} on ${formatDay(t)}`);
      continue;
    }
    const problem = priceProblem(close, get(row, "adjClose"));
    if (problem) {
      skip(line, `${problem} on ${formatDay(t)}`);
      continue;
    }
    parsed.push({t, line, row});
  }
  // Stable, so of two rows with one date the first in the file is kept.
  const ordered = parsed.slice().sort((a, b) => a.t - b.t);
  if (ordered.some((r, k) => r !== parsed[k]) && !ordered.every((r, k) => r === parsed[parsed.length - 1 - k])) {
    const k = parsed.findIndex((r, k) => k > 0 && r.t < parsed[k - 1].t);
    warnings.unshift(`${file}: rows are not in date order (line ${parsed[k].line} goes back in time); sorted by date`);
  }
  const kept: typeof parsed = [];
  for (const r of ordered) {
    const previous = kept[kept.length - 1];
    if (previous?.t === r.t) skip(r.line, `duplicate date ${formatDay(r.t)} (line ${previous.line} has it too)`);
    else kept.push(r);
  }
  const all: PriceSeries = {
    ticker,
    date: Float64Array.from(kept, (r) => r.t),
    close: Float64Array.from(kept, (r) => get(r.row, "close")),
    adjClose: Float64Array.from(kept, (r) => get(r.row, "adjClose")),
    dividend: Float64Array.from(kept, (r) => {
      const dividend = get(r.row, "dividend");
      return Number.isNaN(dividend) ? 0 : dividend;
    }),
    split: Float64Array.from(kept, (r) => (column.split < 0 ? 1 : splitRatio(r.row[column.split]))),
    volume: Float64Array.from(kept, (r) => get(r.row, "volume"))
  };
  const {series, rejected} = screenSeries(all);
  for (const {index, reason} of rejected) skip(kept[index].line, reason);
  if (skipped > MAX_WARNINGS) warnings.push(`${file}: and ${skipped - MAX_WARNINGS} more rows skipped`);
  if (series.date.length === 0) warnings.push(`${file}: no data rows`);
  return {series, warnings, skipped};
}

/** The file holding `ticker` among `names`: TICKER.csv (any case), else Stooq's ticker.us.txt / ticker.us.csv, else TICKER.txt. */
export function findTickerFile(names: readonly string[], ticker: string): string | undefined {
  const byLower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const t = ticker.toLowerCase();
  for (const candidate of [`${t}.csv`, `${t}.us.txt`, `${t}.us.csv`, `${t}.txt`]) {
    const name = byLower.get(candidate);
    if (name !== undefined) return name;
  }
  return undefined;
}

/** Keeps the rows of `series` dated within [start, end]. */
function clip(series: PriceSeries, start: number, end: number): PriceSeries {
  let i = 0;
  while (i < series.date.length && series.date[i] < start) ++i;
  let j = i;
  while (j < series.date.length && series.date[j] <= end) ++j;
  return {
    ticker: series.ticker,
    date: series.date.slice(i, j),
    close: series.close.slice(i, j),
    adjClose: series.adjClose.slice(i, j),
    dividend: series.dividend.slice(i, j),
    split: series.split.slice(i, j),
    volume: series.volume.slice(i, j)
  };
}

/**
 * A folder of one CSV file per ticker (the dataDir setting), read afresh on
 * every build; a missing or bad file fails that ticker only.
 */
export const csv: SourceDefinition = {
  name: "csv",
  title: "CSV files",
  kind: "files",
  where: ({dataDir}) => dataDir ?? "no folder",
  check: ({dataDir}) =>
    dataDir
      ? null
      : `source "csv" needs a folder: set WORKBENCH_DATA_DIR (or "dataDir" in the config file) to a folder of TICKER.csv files`,
  async fetchTicker(ticker, {start, end}, {settings}) {
    const dir = settings.dataDir!;
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      throw new Error(
        `cannot read the CSV folder ${dir} (${(error as Error).message}); set WORKBENCH_DATA_DIR to a folder of per-ticker CSV files`
      );
    }
    const file = findTickerFile(names, ticker);
    const T = ticker.toUpperCase();
    if (file === undefined)
      throw new Error(`no CSV file for ${T} in ${dir}; put ${T}.csv in ${dir} or remove ${T} from WORKBENCH_TICKERS`);
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(dir, file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // readdir lists a link whose target is gone (ENOENT) or that points at itself (ELOOP).
      if (code === "ENOENT" || code === "ELOOP")
        throw new Error(
          `${file} in ${dir} cannot be read: it is a broken or looping link (${code}); replace it with the file itself`
        );
      throw error;
    }
    const text = decodeCsv(bytes, {file});
    const {series, warnings} = parsePriceCsv(text, {file, ticker});
    const clipped = clip(series, start, end);
    if (clipped.date.length === 0) {
      const span = series.date.length
        ? `${formatDay(series.date[0])} to ${formatDay(series.date[series.date.length - 1])}`
        : "no rows";
      throw new Error(`${file} has no rows from ${formatDay(start)} to ${formatDay(end)} (the file covers ${span})`);
    }
    return {series: clipped, warnings};
  }
};
