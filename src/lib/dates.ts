/**
 * Trading days are epoch milliseconds at 00:00 UTC: numbers sort, subtract and
 * fit in a Float64Array, and UTC keeps a day the same day in every timezone.
 */
import {bisectRight} from "d3";

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD to epoch ms at 00:00 UTC; NaN when the text is not a real calendar day. */
export function parseDay(text: string): number {
  const m = ISO_DAY.exec(text.trim());
  if (!m) return NaN;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? t : NaN;
}

/** Formats epoch ms as YYYY-MM-DD in UTC. */
export function formatDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** Rounds any epoch ms down to 00:00 UTC of its day. */
export function floorDay(t: number): number {
  return Math.floor(t / DAY_MS) * DAY_MS;
}

/**
 * The same calendar date `months` months away, clamped to the month's last
 * day (31 March minus one month is 28 or 29 February, as pandas' DateOffset does).
 */
export function offsetMonths(t: number, months: number): number {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay));
}

/** Index of the last date on or before `t` in sorted `dates`, or -1 when all are after it. */
export function indexOnOrBefore(dates: ArrayLike<number>, t: number): number {
  return bisectRight(dates, t) - 1;
}
