import type {CountableTimeInterval} from "d3";
import {formatDay, indexOnOrBefore} from "./dates.js";

/** One calendar period's total return, from the last close of the period before (or the base) to its last close. */
export interface PeriodReturn {
  /** The period's first day (the interval's floor), epoch ms. */
  period: number;
  /** The close the return starts from, and the one it ends on (YYYY-MM-DD), epoch ms in start and end. */
  start: number;
  end: number;
  startDate: string;
  endDate: string;
  /** The base falls inside the period: the return starts after the period before ended. */
  partialStart: boolean;
  /** The range ends before the period's last close. */
  partialEnd: boolean;
  value: number;
}

/**
 * Returns of a total-return index over calendar periods (d3's utcMonth, utcYear) within a range: the range starts
 * at the last close on or before `from` (the base) and ends at the last close on or before `to`; period P runs from
 * the last close before P (or the base, when the base falls in P) to the last close of P (or the range's end).
 * Missing or non-positive closes are skipped. The calendar-month and calendar-year tables are this with their own
 * labels; one loop, so that months and years always cut a range the same way.
 *
 * - interval: the calendar period, e.g. d3.utcYear
 * - from: first day of the range, epoch ms (default: the first close)
 * - to: last day of the range, epoch ms (default: the last close)
 * - ended: whether the data's final close can be its period's last, with no later close to tell (default: no)
 */
export function periodReturns(
  dates: ArrayLike<number>,
  index: ArrayLike<number>,
  interval: CountableTimeInterval,
  {
    from = -Infinity,
    to = Infinity,
    ended = () => false
  }: {from?: number; to?: number; ended?: (lastClose: number) => boolean} = {}
): PeriodReturn[] {
  const valid = Array.from({length: dates.length}, (_, i) => i).filter((i) => index[i] > 0);
  const day = valid.map((i) => dates[i]);
  const periodOf = (t: number) => +interval.floor(new Date(t));
  const base = Math.max(0, indexOnOrBefore(day, from));
  const end = indexOnOrBefore(day, to);
  const periods: PeriodReturn[] = [];
  for (let start = base; start < end;) {
    const period = periodOf(day[start + 1]);
    let last = start + 1;
    while (last < end && periodOf(day[last + 1]) === period) ++last;
    periods.push({
      period,
      start: day[start],
      end: day[last],
      startDate: formatDay(day[start]),
      endDate: formatDay(day[last]),
      partialStart: periodOf(day[start]) === period,
      partialEnd: last + 1 < day.length ? periodOf(day[last + 1]) === period : !ended(day[last]),
      value: index[valid[last]] / index[valid[start]] - 1
    });
    start = last;
  }
  return periods;
}
