/**
 * What a researcher could have known on a day: monthly research series are
 * published some time after the month they describe, so a report for a past
 * as-of date must not use months that were not out yet.
 */

/**
 * Months after a month's end before Ken French's library has it: the library
 * is rebuilt from CRSP's monthly update and posted weeks after a month
 * closes (a file "created using the 202601 CRSP database" holds data to
 * January), so a month's value is taken as known from the end of the next month.
 */
export const FRENCH_LAG_MONTHS = 1;

/**
 * The last month-end date of a monthly series that was published by `asOf`
 * (epoch ms, UTC days), when month M's value appears at the end of month
 * M + lagMonths. On 2026-02-03 with a one-month lag: 2025-12-31 (January's
 * value appears on 2026-02-28). NaN for a NaN date.
 *
 * - lagMonths: whole months from a month's end to its publication (default FRENCH_LAG_MONTHS)
 */
export function publishedBy(asOf: number, {lagMonths = FRENCH_LAG_MONTHS}: {lagMonths?: number} = {}): number {
  if (!(Number.isInteger(lagMonths) && lagMonths >= 0)) throw new Error(`invalid publication lag: ${lagMonths}`);
  if (Number.isNaN(asOf)) return NaN;
  const d = new Date(asOf);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  // The last month whose publication month has ended by asOf: asOf's own month counts only on its last day.
  const monthEnded = Date.UTC(y, m + 1, 0) <= asOf ? m : m - 1;
  return Date.UTC(y, monthEnded - lagMonths + 1, 0);
}
