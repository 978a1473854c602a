import type {SeriesProvenance} from "./contracts.js";

/**
 * What a reader should know about the loaded series beyond their dates:
 * rows the loader skipped, and series that end well before the others.
 * Read from the provenance warnings the loaders write (meta.json).
 */

/** Rows a loader skipped: the total, and the warnings that name file and line, in order. */
export interface SkippedRows {
  count: number;
  /** Warnings naming each skipped row ("IJR.csv line 12: unparseable close …, row skipped"). */
  rows: string[];
  /** Series with skipped rows and how many, in the series' order. */
  bySeries: {ticker: string; count: number}[];
}

const ROW = /, row skipped$/;
const MORE = /: and (\d+) more rows? skipped$/;

/** Skipped rows across series, counted from their warnings ("…, row skipped" and "…: and N more rows skipped"). */
export function skippedRows(series: readonly Pick<SeriesProvenance, "ticker" | "warnings">[]): SkippedRows {
  const rows: string[] = [];
  const bySeries: SkippedRows["bySeries"] = [];
  for (const s of series) {
    let count = 0;
    for (const w of s.warnings) {
      if (ROW.test(w)) {
        rows.push(w);
        ++count;
      } else count += Number(MORE.exec(w)?.[1] ?? 0);
    }
    if (count) bySeries.push({ticker: s.ticker, count});
  }
  return {count: bySeries.reduce((sum, s) => sum + s.count, 0), rows, bySeries};
}

/**
 * Series with data whose last date is more than `days` calendar days before
 * the latest last date of all of them, oldest first, with that latest date.
 *
 * - days: how far behind counts (default 31: a month, beyond any holiday or stale-day gap)
 */
export function endingEarly(
  series: readonly Pick<SeriesProvenance, "ticker" | "last" | "rows">[],
  {days = 31}: {days?: number} = {}
): {latest: string | null; early: {ticker: string; last: string}[]} {
  const dated = series.filter((s): s is typeof s & {last: string} => s.rows > 0 && !!s.last);
  const latest =
    dated
      .map((s) => s.last)
      .sort()
      .at(-1) ?? null;
  if (!latest) return {latest, early: []};
  const limit = Date.parse(latest) - days * 86_400_000;
  const early = dated
    .filter((s) => Date.parse(s.last) < limit)
    .sort((a, b) => a.last.localeCompare(b.last))
    .map(({ticker, last}) => ({ticker, last}));
  return {latest, early};
}
