import {unzipSync} from "fflate";
import {download, type RequestOptions} from "./network.js";

/**
 * Ken French data library files: the published multi-section CSV (CRLF, header
 * prose, tables one after another, each with its own title block and a header
 * row starting with a comma, trailing copyright line) read into typed arrays.
 *
 * Units, checked against the real files (25_Portfolios_5x5 202602 vintage):
 * - returns and factors are published in percent (SMB 2.89 = 2.89%) and become
 *   fractions (0.0289);
 * - BE/ME, OP and investment are already plain ratios (5x5 BE/ME 0.1 to 5,
 *   OP 0.0 to 1.0 such as BIG LoBM 1.0473 in 202602, investment as log asset
 *   growth such as 0.1579): kept as published;
 * - Number of Firms (a count) and Average Market Cap / Average Firm Size
 *   ($ millions) are kept as published.
 * Missing values (-99.99 and -999 exactly) become NaN.
 */

export type FrenchFrequency = "daily" | "monthly" | "annual";

/** "fraction": converted from percent; "ratio": BE/ME, OP, investment; "count": firms; "usd-millions": market caps; "raw": unknown table, as published. */
export type FrenchUnit = "fraction" | "ratio" | "count" | "usd-millions" | "raw";

export interface FrenchSection {
  /** Trimmed title, e.g. "Average Value Weighted Returns -- Monthly"; "" for an untitled first table. */
  title: string;
  /** Every line of the title block, for provenance (definitions of BE/ME etc.). */
  description: string;
  frequency: FrenchFrequency;
  unit: FrenchUnit;
  columns: string[];
  /** Epoch ms UTC: daily = that day, monthly = last day of the month, annual = 31 December. */
  dates: Float64Array;
  values: Float64Array[];
}

export interface FrenchFile {
  /** CRSP vintage (YYYYMM) from the "created ... using the 202602 CRSP database" line, or null. */
  vintage: string | null;
  sections: FrenchSection[];
  /** Rows skipped inside a table (a date that is not YYYY, YYYYMM or YYYYMMDD), by line. */
  warnings: string[];
}

/** A row of a table: a number, then a comma. Its width is checked separately, so that a bad date is reported, not taken for prose. */
const DATA_ROW = /^\s*(\d+)\s*,/;
const VINTAGE = /using the (\d{6}) CRSP database/i;

/** Parses a Ken French library CSV exactly as published into sections of typed arrays. */
export function parseFrenchCsv(text: string): FrenchFile {
  const sections: FrenchSection[] = [];
  const warnings: string[] = [];
  let vintage: string | null = null;
  let block: string[] = []; // contiguous prose lines just above the next header row
  let open: {
    title: string;
    description: string;
    columns: string[];
    width: number;
    dates: number[];
    cells: number[][];
  } | null = null;

  const close = () => {
    if (open && open.dates.length > 0) sections.push(finish(open));
    open = null;
  };

  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; ++i) {
    const line = lines[i];
    if (line.trim() === "") {
      close();
      block = [];
    } else if (/^\s*,/.test(line)) {
      close();
      // A trailing comma in a header would otherwise make a nameless column.
      const columns = line
        .split(",")
        .slice(1)
        .map((c) => c.trim());
      while (columns.length && columns[columns.length - 1] === "") columns.pop();
      open = {
        title: titleOf(block),
        description: block.join("\n"),
        columns,
        width: 0,
        dates: [],
        cells: columns.map(() => [])
      };
      block = [];
    } else if (open && DATA_ROW.test(line)) {
      const parts = line.split(",");
      const key = parts[0].trim();
      // Only a blank line, prose or a new header ends a table: a mistyped date is one bad row.
      if (![4, 6, 8].includes(key.length) || Number.isNaN(dateOf(+key, key.length))) {
        warnings.push(`French CSV line ${i + 1}: date ${key} is not YYYY, YYYYMM or YYYYMMDD; row skipped`);
        continue;
      }
      // Monthly and annual tables always have their own title block; a change of
      // date width inside one table means the layout is not what we think it is.
      if (open.width === 0) open.width = key.length;
      else if (key.length !== open.width)
        throw new Error(`French CSV line ${i + 1}: date ${key} in a table of ${open.width}-digit dates`);
      open.dates.push(+key);
      for (let j = 0; j < open.columns.length; ++j)
        open.cells[j].push(parts[j + 1] === undefined ? NaN : readCell(parts[j + 1]));
    } else {
      close();
      const m = VINTAGE.exec(line);
      if (m && vintage === null) vintage = m[1];
      block.push(line.trim());
    }
  }
  close();
  return {vintage, sections, warnings};
}

/** Picks the title from a title block: the text before "Calculated" in the BE/ME-style blocks, else the line nearest the header. */
export function titleOf(block: readonly string[]): string {
  for (const line of block) {
    const m = /^(.*?)\s+Calculated\b/.exec(line);
    if (m) return m[1].trim();
  }
  return block.length ? block[block.length - 1].trim() : "";
}

/** The unit a section's title implies (see the module comment). */
export function unitOf(title: string): FrenchUnit {
  if (/number of firms/i.test(title)) return "count";
  if (/market cap|firm size/i.test(title)) return "usd-millions";
  // Returns first: any table of returns is in percent, whatever else its title names.
  // The factor files' first table has no title; the annual one is "Annual Factors".
  if (title === "" || /return|factor/i.test(title)) return "fraction";
  if (/\bBE|\bOP\b|investment/i.test(title)) return "ratio";
  return "raw";
}

function readCell(text: string): number {
  const s = text.trim();
  if (s === "") return NaN;
  const v = +s;
  return v === -99.99 || v === -999 ? NaN : v;
}

/** Epoch ms of a YYYYMMDD, YYYYMM or YYYY key (see FrenchSection.dates); NaN for a month or day that does not exist. */
function dateOf(key: number, width: number): number {
  const year = width === 8 ? Math.floor(key / 10000) : width === 6 ? Math.floor(key / 100) : key;
  const month = width === 8 ? Math.floor(key / 100) % 100 : width === 6 ? key % 100 : 12;
  const day = width === 8 ? key % 100 : 0;
  if (month < 1 || month > 12) return NaN;
  if (width === 8) {
    const t = Date.UTC(year, month - 1, day);
    return new Date(t).getUTCDate() === day ? t : NaN;
  }
  // Day 0 of the next month is the last day of this one.
  return Date.UTC(year, month, 0);
}

function finish(t: {
  title: string;
  description: string;
  columns: string[];
  width: number;
  dates: number[];
  cells: number[][];
}): FrenchSection {
  const frequency: FrenchFrequency = t.width === 8 ? "daily" : t.width === 6 ? "monthly" : "annual";
  const unit = unitOf(t.title);
  const scale = unit === "fraction" ? 100 : 1;
  return {
    title: t.title,
    description: t.description,
    frequency,
    unit,
    columns: t.columns,
    dates: Float64Array.from(t.dates, (k) => dateOf(k, t.width)),
    values: t.cells.map((col) => Float64Array.from(col, (v) => v / scale))
  };
}

/** The first section whose title matches, ignoring case and whitespace ("BE / ME" matches "BE/ME"). */
export function findSection(
  file: FrenchFile,
  title: string,
  {frequency}: {frequency?: FrenchFrequency} = {}
): FrenchSection | undefined {
  const key = squash(title);
  return file.sections.find((s) => squash(s.title) === key && (frequency === undefined || s.frequency === frequency));
}

function squash(s: string): string {
  return s.replace(/\s+/g, "").toLowerCase();
}

/** Extracts the one CSV inside a French library zip as text. */
export function unzipFrench(bytes: Uint8Array): string {
  const entries = Object.entries(unzipSync(bytes)).filter(([name]) => /\.csv$/i.test(name));
  if (entries.length !== 1) throw new Error(`expected one CSV in the French zip, found ${entries.length}`);
  return new TextDecoder().decode(entries[0][1]);
}

/**
 * Downloads `${baseUrl}/${dataset}_CSV.zip` and returns the CSV text inside.
 * - baseUrl: the library's ftp folder (default Dartmouth's)
 * - fetch: injectable for tests (default globalThis.fetch)
 * - timeoutMs: abort after this long (default 20000)
 */
export async function fetchFrench(
  dataset: string,
  {
    baseUrl = "https://mba.tuck.dartmouth.edu/pages/faculty/ken.french/ftp",
    fetch = globalThis.fetch,
    timeoutMs = 20000
  }: {baseUrl?: string} & Pick<RequestOptions, "fetch" | "timeoutMs"> = {}
): Promise<string> {
  const url = `${baseUrl}/${dataset}_CSV.zip`;
  const bytes = await download(url, {fetch, timeoutMs});
  try {
    return unzipFrench(bytes);
  } catch (error) {
    throw new Error(`${url}: not a readable French library zip (${(error as Error).message})`);
  }
}

/**
 * Small and big size groups' valuation from a size × BE/ME file (5x5 or 2x3):
 * each group's cells combined with weights = the cell's total market cap
 * (Number of Firms × Average Market Cap, same month). Small = the SMALL / ME1
 * columns, big = the BIG / ME<last> columns. NaN cells or weights are skipped
 * and the rest renormalised; a group with none left is NaN. BE/ME is book
 * per dollar of price, so ratio > 1 means small caps are the cheaper group.
 * - section: the valuation table's title (default "Value Weight Average of BE/ME")
 */
export function sizeValuation(
  file: FrenchFile,
  {section = "Value Weight Average of BE/ME"}: {section?: string} = {}
): {dates: Float64Array; small: Float64Array; big: Float64Array; ratio: Float64Array} {
  const table = findSection(file, section);
  if (!table) throw new Error(`no section "${section}" in the French file`);
  const firms = findSection(file, "Number of Firms in Portfolios", {frequency: table.frequency});
  const size =
    findSection(file, "Average Market Cap", {frequency: table.frequency}) ??
    findSection(file, "Average Firm Size", {frequency: table.frequency});
  if (!firms || !size) throw new Error(`the French file lacks Number of Firms or Average Market Cap for "${section}"`);
  const groups = sizeGroups(table.columns);
  const firmsAt = indexByDate(firms.dates);
  const sizeAt = indexByDate(size.dates);
  const n = table.dates.length;
  const small = new Float64Array(n);
  const big = new Float64Array(n);
  const combine = (cols: number[], i: number, f: number | undefined, s: number | undefined) => {
    let sum = 0;
    let weight = 0;
    for (const c of cols) {
      const name = table.columns[c];
      const fc = firms.columns.indexOf(name);
      const sc = size.columns.indexOf(name);
      const w = f === undefined || s === undefined || fc < 0 || sc < 0 ? NaN : firms.values[fc][f] * size.values[sc][s];
      const v = table.values[c][i];
      if (!(w > 0) || Number.isNaN(v)) continue;
      sum += w * v;
      weight += w;
    }
    return weight > 0 ? sum / weight : NaN;
  };
  for (let i = 0; i < n; ++i) {
    const f = firmsAt.get(table.dates[i]);
    const s = sizeAt.get(table.dates[i]);
    small[i] = combine(groups.small, i, f, s);
    big[i] = combine(groups.big, i, f, s);
  }
  return {dates: table.dates.slice(), small, big, ratio: small.map((v, i) => v / big[i])};
}

/** Column indices of the smallest and biggest size groups, found by name (SMALL/ME1 and BIG/ME<last>). */
export function sizeGroups(columns: readonly string[]): {small: number[]; big: number[]} {
  const last = Math.max(...columns.map((c) => +(/^ME(\d+)\b/i.exec(c)?.[1] ?? NaN)).filter((k) => k > 0));
  const small: number[] = [];
  const big: number[] = [];
  columns.forEach((c, j) => {
    if (/^(SMALL|ME1)\b/i.test(c)) small.push(j);
    else if (/^BIG\b/i.test(c) || new RegExp(`^ME${last}\\b`, "i").test(c)) big.push(j);
  });
  if (!small.length || small.length !== big.length)
    throw new Error(`cannot find matching size groups in columns: ${columns.join(", ")}`);
  return {small, big};
}

function indexByDate(dates: Float64Array): Map<number, number> {
  return new Map(Array.from(dates, (d, i) => [d, i]));
}
