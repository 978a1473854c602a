import {utcFormat, utcYear} from "d3";
import {periodReturns} from "./period-returns.js";

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

/**
 * Calendar-year returns of a total-return index over a range (periodReturns by year): year Y runs from the last
 * close of Y − 1 (or the base) to the last close of Y (or the range's end). A year the range cuts is partial and
 * labelled with its span.
 *
 * - from: first day of the range, epoch ms (default: the first close)
 * - to: last day of the range, epoch ms (default: the last close)
 */
export function calendarYearReturns(
  dates: ArrayLike<number>,
  index: ArrayLike<number>,
  {from, to}: {from?: number; to?: number} = {}
): YearReturn[] {
  return periodReturns(dates, index, utcYear, {from, to, ended: isLastCloseOfYear}).map(
    ({period, start, end, startDate, endDate, partialStart, partialEnd, value}) => {
      const year = new Date(period).getUTCFullYear();
      const span = [
        partialStart && `from ${monthDay(new Date(start))}`,
        partialEnd && `to ${monthDay(new Date(end))}`
      ].filter(Boolean);
      return {
        year,
        label: span.length ? `${year} (${span.join(", ")})` : `${year}`,
        startDate,
        endDate,
        partial: partialStart || partialEnd,
        value
      };
    }
  );
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
