import {formatDay, indexOnOrBefore} from "./dates.js";
import {lastTradingDay} from "./monthly.js";

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

const monthKey = (t: number) => new Date(t).getUTCFullYear() * 12 + new Date(t).getUTCMonth();

/**
 * Calendar-month returns of a total-return index over a range (QuantStats' monthly returns): the range starts at
 * the last close on or before `from` (the base) and ends at the last close on or before `to`; month M runs from the
 * last close of M − 1 (or the base, when the base falls in M) to the last close of M (or the range's end). A month
 * cut by the base, or ending before its last trading day with no later close (see lastTradingDay), is partial.
 * Missing or non-positive closes are skipped.
 *
 * - from: first day of the range, epoch ms (default: the first close)
 * - to: last day of the range, epoch ms (default: the last close)
 */
export function calendarMonthReturns(
  dates: ArrayLike<number>,
  index: ArrayLike<number>,
  {from = -Infinity, to = Infinity}: {from?: number; to?: number} = {}
): MonthReturn[] {
  const valid = Array.from({length: dates.length}, (_, i) => i).filter((i) => index[i] > 0);
  const day = valid.map((i) => dates[i]);
  const base = Math.max(0, indexOnOrBefore(day, from));
  const end = indexOnOrBefore(day, to);
  const months: MonthReturn[] = [];
  for (let start = base; start < end;) {
    const key = monthKey(day[start + 1]);
    let last = start + 1;
    while (last < end && monthKey(day[last + 1]) === key) ++last;
    const partialEnd = last + 1 < day.length ? monthKey(day[last + 1]) === key : day[last] < lastTradingDay(day[last]);
    months.push({
      year: Math.floor(key / 12),
      month: key % 12,
      startDate: formatDay(day[start]),
      endDate: formatDay(day[last]),
      partial: monthKey(day[start]) === key || partialEnd,
      value: index[valid[last]] / index[valid[start]] - 1
    });
    start = last;
  }
  return months;
}
