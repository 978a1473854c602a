import {utcMonth} from "d3";
import {completesMonth} from "./monthly.js";
import {periodReturns} from "./period-returns.js";

/** One calendar month's total return, from the last close of the month before (or the base) to the month's last close. */
export interface MonthReturn {
  year: number;
  /** 0 for January to 11 for December. */
  month: number;
  /** The close the return starts from, and the one it ends on (YYYY-MM-DD). */
  startDate: string;
  endDate: string;
  /** The range cuts the month: it starts after the month before ended, or ends before the month's last trading day. */
  partial: boolean;
  value: number;
}

/**
 * Calendar-month returns of a total-return index over a range (QuantStats' monthly returns; periodReturns by
 * month): month M runs from the last close of M − 1 (or the base) to the last close of M (or the range's end). A
 * month cut by the base, or ending before its last trading day with no later close (see completesMonth), is partial.
 *
 * - from: first day of the range, epoch ms (default: the first close)
 * - to: last day of the range, epoch ms (default: the last close)
 */
export function calendarMonthReturns(
  dates: ArrayLike<number>,
  index: ArrayLike<number>,
  {from, to}: {from?: number; to?: number} = {}
): MonthReturn[] {
  return periodReturns(dates, index, utcMonth, {from, to, ended: completesMonth}).map(
    ({period, startDate, endDate, partialStart, partialEnd, value}) => ({
      year: new Date(period).getUTCFullYear(),
      month: new Date(period).getUTCMonth(),
      startDate,
      endDate,
      partial: partialStart || partialEnd,
      value
    })
  );
}
