import {calendarYearReturns} from "./calendar-returns.js";

/** One calendar year across funds: each fund's return that year (missing: the fund has no close in it). */
export interface YearRow {
  year: number;
  /** The year, with its span when the range cuts it for any fund: "2026 (to May 1)". */
  label: string;
  partial: boolean;
  values: Map<string, number>;
}

/**
 * Calendar-year returns of several funds side by side over one range (see calendarYearReturns), one row per year,
 * oldest first. A year is partial when it is partial for any fund, and takes that fund's label.
 *
 * - from, to: the range, epoch ms (default: each fund's whole history)
 */
export function yearByYear(
  prices: ReadonlyMap<string, {date: ArrayLike<number>; index: ArrayLike<number>}>,
  tickers: readonly string[],
  {from, to}: {from?: number; to?: number} = {}
): YearRow[] {
  const rows = new Map<number, YearRow>();
  for (const ticker of tickers) {
    const p = prices.get(ticker);
    if (!p) continue;
    for (const y of calendarYearReturns(p.date, p.index, {from, to})) {
      const row = rows.get(y.year) ?? {year: y.year, label: y.label, partial: y.partial, values: new Map()};
      if (y.partial && !row.partial) Object.assign(row, {label: y.label, partial: true});
      row.values.set(ticker, y.value);
      rows.set(y.year, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.year - b.year);
}

/** In how many whole years (partial ones left out) both funds have a return, and in how many the fund beat the benchmark. */
export function yearsBeaten(
  rows: readonly YearRow[],
  ticker: string,
  benchmark: string
): {wins: number; years: number} {
  let wins = 0;
  let years = 0;
  for (const {partial, values} of rows) {
    const a = values.get(ticker);
    const b = values.get(benchmark);
    if (partial || a === undefined || b === undefined) continue;
    ++years;
    if (a > b) ++wins;
  }
  return {wins, years};
}
