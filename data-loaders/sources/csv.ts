import {readdir, readFile} from "node:fs/promises";
import path from "node:path";
import {csvParseRows} from "d3";
import {formatDay, parseDay} from "../../src/lib/dates.js";
import type {FetchOptions, PriceSeries, PriceSource, TickerOutcome} from "../types.js";

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
 * Parses one ticker's daily-bar CSV (Yahoo, yfinance, Stooq or the shared
 * data layout), finding columns by header name and skipping bad rows with a
 * warning each; throws when the header has no date or close column.
 * - file: the file's name, used in every message
 * - ticker: the ticker the series is labelled with
 */
export function parsePriceCsv(
  text: string,
  {file, ticker}: {file: string; ticker: string}
): {series: PriceSeries; warnings: string[]} {
  const rows = csvParseRows(text.replace(/^\uFEFF/, ""));
  const blank = (row: string[]) => row.every((cell) => cell.trim() === "");
  let h = rows.findIndex((row) => !blank(row));
  if (h < 0) throw new Error(`${file}: the file is empty (expected a header row with date and close columns)`);
  const header = rows[h].map(normalise);
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
  for (const field of ["date", "close"] as const) {
    if (column[field] < 0) {
      const found = rows[h].map((c) => JSON.stringify(c.trim())).join(", ");
      throw new Error(
        `${file}: header has no ${field} column (found ${found}); accepted names: ${describeNames(field)}` +
          ` (case, spaces, underscores and angle brackets are ignored)`
      );
    }
  }

  const cols = {
    date: [] as number[],
    close: [] as number[],
    adjClose: [] as number[],
    dividend: [] as number[],
    split: [] as number[],
    volume: [] as number[]
  };
  const warnings: string[] = [];
  let skipped = 0;
  const skip = (line: number, why: string) => {
    if (++skipped <= MAX_WARNINGS) warnings.push(`${file} line ${line}: ${why}, row skipped`);
  };
  const get = (row: string[], field: Field) => (column[field] < 0 ? NaN : number(row[column[field]]));
  let last = -Infinity;
  for (let i = h + 1; i < rows.length; ++i) {
    const row = rows[i];
    if (blank(row)) continue;
    // Line numbers count rows, which equal file lines unless a quoted field spans lines.
    const line = i + 1;
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
    const adjClose = get(row, "adjClose");
    // Only the prices we keep are checked: old Yahoo rows sometimes carry an open of 0 beside a good close.
    if (close <= 0 || adjClose <= 0) {
      skip(line, `non-positive price ${close <= 0 ? close : adjClose} on ${formatDay(t)}`);
      continue;
    }
    if (t === last) {
      skip(line, `duplicate date ${formatDay(t)}`);
      continue;
    }
    if (t < last) {
      skip(line, `out-of-order date ${formatDay(t)} after ${formatDay(last)}`);
      continue;
    }
    last = t;
    cols.date.push(t);
    cols.close.push(close);
    cols.adjClose.push(adjClose);
    const dividend = get(row, "dividend");
    cols.dividend.push(Number.isNaN(dividend) ? 0 : dividend);
    cols.split.push(column.split < 0 ? 1 : splitRatio(row[column.split]));
    cols.volume.push(get(row, "volume"));
  }
  if (skipped > MAX_WARNINGS) warnings.push(`${file}: and ${skipped - MAX_WARNINGS} more rows skipped`);
  if (cols.date.length === 0) warnings.push(`${file}: no data rows`);
  const series: PriceSeries = {
    ticker,
    date: Float64Array.from(cols.date),
    close: Float64Array.from(cols.close),
    adjClose: Float64Array.from(cols.adjClose),
    dividend: Float64Array.from(cols.dividend),
    split: Float64Array.from(cols.split),
    volume: Float64Array.from(cols.volume)
  };
  return {series, warnings};
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
 * A price source reading one CSV file per ticker from a folder; a missing or
 * bad file gives that ticker an error outcome and never fails the others.
 * - dir: the folder (WORKBENCH_DATA_DIR)
 */
export function csvSource({dir}: {dir: string}): PriceSource {
  return {
    name: "csv",
    async fetch(tickers: readonly string[], {start, end, onProgress}: FetchOptions): Promise<TickerOutcome[]> {
      const from = parseDay(start);
      if (Number.isNaN(from)) throw new Error(`invalid start: ${start}`);
      const to = end === undefined ? Infinity : parseDay(end);
      if (Number.isNaN(to)) throw new Error(`invalid end: ${end}`);
      let names: string[] | undefined;
      let folderError = "";
      try {
        names = await readdir(dir);
      } catch (error) {
        folderError = `cannot read the CSV folder ${dir} (${(error as Error).message}); set WORKBENCH_DATA_DIR to a folder of per-ticker CSV files`;
      }
      const outcomes: TickerOutcome[] = [];
      for (const ticker of tickers) {
        onProgress?.({ticker, phase: "start"});
        const outcome = await loadOne(dir, names, folderError, ticker, from, to, start, end);
        onProgress?.(outcome.ok ? {ticker, phase: "done"} : {ticker, phase: "error", message: outcome.error});
        outcomes.push(outcome);
      }
      return outcomes;
    }
  };
}

async function loadOne(
  dir: string,
  names: string[] | undefined,
  folderError: string,
  ticker: string,
  from: number,
  to: number,
  start: string,
  end: string | undefined
): Promise<TickerOutcome> {
  if (names === undefined) return {ticker, ok: false, error: `${ticker}: ${folderError}`, warnings: []};
  const file = findTickerFile(names, ticker);
  if (file === undefined) {
    const T = ticker.toUpperCase();
    return {
      ticker,
      ok: false,
      error: `${T}: no CSV file for ${T} in ${dir}; put ${T}.csv in ${dir} or remove ${T} from WORKBENCH_TICKERS`,
      warnings: []
    };
  }
  try {
    const text = await readFile(path.join(dir, file), "utf8");
    const {series, warnings} = parsePriceCsv(text, {file, ticker});
    const clipped = clip(series, from, to);
    if (clipped.date.length === 0) {
      const span = series.date.length
        ? `${formatDay(series.date[0])} to ${formatDay(series.date[series.date.length - 1])}`
        : "no rows";
      const error = `${ticker}: ${file} has no rows from ${start} to ${end ?? "today"} (the file covers ${span})`;
      return {ticker, ok: false, error, warnings};
    }
    return {ticker, ok: true, series: clipped, warnings};
  } catch (error) {
    return {ticker, ok: false, error: `${ticker}: ${(error as Error).message}`, warnings: []};
  }
}
