import {formatDay, indexOnOrBefore, offsetMonths, parseDay} from "./dates.js";

export type Period = "ytd" | "1m" | "3m" | "6m" | "1y" | "3y" | "5y" | "custom";

export const PERIODS: readonly Period[] = ["ytd", "1m", "3m", "6m", "1y", "3y", "5y", "custom"];

/** Each period as an input or a caption names it. */
export const PERIOD_LABELS: Readonly<Record<Period, string>> = {
  ytd: "Year to date",
  "1m": "1 month",
  "3m": "3 months",
  "6m": "6 months",
  "1y": "1 year",
  "3y": "3 years",
  "5y": "5 years",
  custom: "Custom"
};

const MONTHS: Record<string, number> = {"1m": 1, "3m": 3, "6m": 6, "1y": 12, "3y": 36, "5y": 60};

/** A period resolved against one series' trading days. */
export interface PeriodWindow {
  /** Index of the base close (the return is measured from it) and of the last close. */
  start: number;
  end: number;
  /** The dates those indices hold, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  /** The calendar dates asked for, before snapping to trading days. */
  requestedStart: string;
  requestedEnd: string;
}

/**
 * Resolves a period ending at an as-of date to positions in sorted trading
 * days. The end is the last trading day on or before `asOf`. YTD starts at
 * the last close of the previous calendar year; 1M…5Y at the last close on
 * or before the same calendar date that many months earlier; custom at the
 * last close on or before `from`. Returns null when the series does not
 * reach back to the start (a fund younger than the period).
 *
 * - period: one of PERIODS (default "ytd")
 * - asOf: YYYY-MM-DD end date (default: the last date)
 * - from: YYYY-MM-DD base date for "custom" (required then)
 */
export function periodWindow(
  dates: ArrayLike<number>,
  {period = "ytd", asOf, from}: {period?: Period; asOf?: string; from?: string} = {}
): PeriodWindow | null {
  if (!PERIODS.includes(period)) throw new Error(`invalid period: ${period}`);
  if (dates.length === 0) return null;
  const endAsked = asOf === undefined ? dates[dates.length - 1] : parseDay(asOf);
  if (Number.isNaN(endAsked)) throw new Error(`invalid as-of date: ${asOf} (use YYYY-MM-DD)`);
  const startAsked = periodStartDate(endAsked, period, from);
  const end = indexOnOrBefore(dates, endAsked);
  const start = indexOnOrBefore(dates, startAsked);
  if (end < 0 || start < 0 || start >= end) return null;
  return {
    start,
    end,
    startDate: formatDay(dates[start]),
    endDate: formatDay(dates[end]),
    requestedStart: formatDay(startAsked),
    requestedEnd: formatDay(endAsked)
  };
}

/** The calendar date a period's base close is taken on or before. */
export function periodStartDate(asOf: number, period: Period, from?: string): number {
  if (period === "ytd") return Date.UTC(new Date(asOf).getUTCFullYear() - 1, 11, 31);
  if (period === "custom") {
    const t = from === undefined ? NaN : parseDay(from);
    if (Number.isNaN(t)) throw new Error(`invalid custom start date: ${from} (use YYYY-MM-DD)`);
    if (t >= asOf) throw new Error(`custom start ${from} must be before the as-of date ${formatDay(asOf)}`);
    return t;
  }
  return offsetMonths(asOf, -MONTHS[period]);
}
