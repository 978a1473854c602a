import {utcFormat} from "d3";
import {formatDay, indexOnOrBefore} from "./dates.js";

/** One calendar year's total return, from the last close of the year before (or the base) to the year's last close. */
export interface YearReturn {
  year: number;
  /** The year, with the span when the range holds only part of it: "2026 (to Oct 9)", "2005 (from Mar 4)". */
  label: string;
  /** The close the return starts from, and the one it ends on (YYYY-MM-DD). */
  startDate: string;
  endDate: string;
  partial: boolean;
  value: number;
}

const monthDay = utcFormat("%b %-d");
const yearOf = (t: number) => new Date(t).getUTCFullYear();

/**
 * Calendar-year returns of a total-return index over a range. The range starts at the last close on or before
 * `from` (the base) and ends at the last close on or before `to`; year Y runs from the last close of Y − 1 (or the
 * base, when the base falls in Y) to the last close of Y (or the range's end, when that comes first). Such a cut
 * year is partial and labelled with its span. Missing or non-positive closes are skipped.
 *
 * - from: first day of the range, epoch ms (default: the first close)
 * - to: last day of the range, epoch ms (default: the last close)
 */
export function calendarYearReturns(
  dates: ArrayLike<number>,
  index: ArrayLike<number>,
  {from = -Infinity, to = Infinity}: {from?: number; to?: number} = {}
): YearReturn[] {
  const valid = Array.from({length: dates.length}, (_, i) => i).filter((i) => index[i] > 0);
  const day = valid.map((i) => dates[i]);
  const base = Math.max(0, indexOnOrBefore(day, from));
  const end = indexOnOrBefore(day, to);
  const years: YearReturn[] = [];
  for (let start = base; start < end;) {
    const year = yearOf(day[start + 1]);
    let last = start + 1;
    while (last < end && yearOf(day[last + 1]) === year) ++last;
    const partialStart = yearOf(day[start]) === year;
    const partialEnd = last + 1 < day.length ? yearOf(day[last + 1]) === year : !isLastCloseOfYear(day[last]);
    const span = [
      partialStart && `from ${monthDay(new Date(day[start]))}`,
      partialEnd && `to ${monthDay(new Date(day[last]))}`
    ];
    years.push({
      year,
      label: partialStart || partialEnd ? `${year} (${span.filter(Boolean).join(", ")})` : `${year}`,
      startDate: formatDay(day[start]),
      endDate: formatDay(day[last]),
      partial: partialStart || partialEnd,
      value: index[valid[last]] / index[valid[start]] - 1
    });
    start = last;
  }
  return years;
}

/**
 * Whether the data's final close can be its year's last: with no later close to look at, a close from 28 December
 * on is taken as the year's end (a US market's last session of a year is never earlier than the 29th, when the
 * 30th and 31st fall on a weekend; the 28th leaves a day for a holiday).
 */
function isLastCloseOfYear(t: number): boolean {
  const d = new Date(t);
  return d.getUTCMonth() === 11 && d.getUTCDate() >= 28;
}
