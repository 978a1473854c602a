import {formatDay} from "../src/lib/dates.js";
import type {PriceSeries, TickerOutcome} from "./types.js";

/**
 * The one rule every price source's rows must pass (Yahoo, CSV, sample, and
 * any source added later), so that no provider can put a price in the cache
 * or on a page that another provider would have refused.
 */

/**
 * Largest day-over-day change of a close, as a factor either way, accepted
 * without a split on the day to explain it. Funds move less than 1.3× a day
 * even in crashes and single stocks rarely 3×, while a unit slip (cents for
 * dollars, pence for pounds, a misplaced ×1000) is 100× or more.
 */
export const MAX_DAY_FACTOR = 10;

/** At most this many rejected rows are listed one by one in warnings; the rest are counted. */
const LISTED = 5;

/** Why a row's close (and adjusted close, NaN when the source has none) cannot be used, or null when it can. */
export function priceProblem(close: number, adjClose: number): string | null {
  if (Number.isNaN(close)) return "missing close";
  if (!Number.isFinite(close)) return `non-finite close ${close}`;
  if (close <= 0) return `non-positive close ${close}`;
  if (Number.isNaN(adjClose)) return null;
  if (!Number.isFinite(adjClose)) return `non-finite adjusted close ${adjClose}`;
  if (adjClose <= 0) return `non-positive adjusted close ${adjClose}`;
  return null;
}

/**
 * Rows (indices into `series`, each with the reason) whose close or adjusted
 * close is more than MAX_DAY_FACTOR times or less than 1/MAX_DAY_FACTOR of the
 * nearest accepted row's, with no split between them. The walk starts from the
 * first row that agrees with its successor and goes outward both ways, so a
 * bad first row does not condemn the good rows after it. Rows must already
 * pass priceProblem.
 */
export function implausibleJumps(series: PriceSeries): {index: number; reason: string}[] {
  const n = series.date.length;
  // The factor from row i to a later row j in close or adjusted close when implausible, else null.
  const jump = (i: number, j: number): {column: string; factor: number} | null => {
    for (const [column, values] of [
      ["close", series.close],
      ["adjusted close", series.adjClose]
    ] as const) {
      const factor = values[j] / values[i];
      if (factor > MAX_DAY_FACTOR || factor < 1 / MAX_DAY_FACTOR) return {column, factor};
    }
    return null;
  };
  const split = (i: number, j: number) => series.split.subarray(i + 1, j + 1).some((r) => r !== 1);
  const bad = (i: number, j: number) => (split(i, j) ? null : jump(i, j));
  let anchor = 0;
  while (anchor + 1 < n && bad(anchor, anchor + 1)) ++anchor;
  if (anchor === n - 1 && n > 1) anchor = 0; // Every neighbour disagrees: nothing to trust more than the first row.
  const rejected: {index: number; reason: string}[] = [];
  const reject = (index: number, reference: number, {column, factor}: {column: string; factor: number}) => {
    const times = factor >= 1 ? `${round(factor)}×` : `1/${round(1 / factor)} of`;
    const values = column === "close" ? series.close : series.adjClose;
    rejected.push({
      index,
      reason: `${column} ${values[index]} is ${times} the ${column} ${values[reference]} of ${formatDay(series.date[reference])} with no split between`
    });
  };
  for (let j = anchor + 1, ref = anchor; j < n; ++j) {
    const b = bad(ref, j);
    if (b) reject(j, ref, b);
    else ref = j;
  }
  for (let i = anchor - 1, ref = anchor; i >= 0; --i) {
    const b = bad(i, ref);
    if (b) reject(i, ref, {column: b.column, factor: 1 / b.factor});
    else ref = i;
  }
  return rejected.sort((a, b) => a.index - b.index);
}

/**
 * Applies the rule to a whole series: rows failing priceProblem, then rows
 * with an implausible jump, are left out. Returns the kept series and the
 * rejected rows (indices into the input, each with the reason).
 */
export function screenSeries(series: PriceSeries): {
  series: PriceSeries;
  rejected: {index: number; reason: string}[];
} {
  const rejected: {index: number; reason: string}[] = [];
  const usable: number[] = [];
  for (let i = 0; i < series.date.length; ++i) {
    const problem = priceProblem(series.close[i], series.adjClose[i]);
    if (problem) rejected.push({index: i, reason: problem});
    else usable.push(i);
  }
  const first = selectRows(series, usable);
  const jumps = implausibleJumps(first);
  for (const {index, reason} of jumps) rejected.push({index: usable[index], reason});
  const out = new Set(jumps.map((r) => r.index));
  return {
    series: selectRows(
      first,
      usable.map((_, k) => k).filter((k) => !out.has(k))
    ),
    rejected: rejected.sort((a, b) => a.index - b.index)
  };
}

/** The rows of `series` at `indices` (increasing), as a new series. */
export function selectRows(series: PriceSeries, indices: readonly number[]): PriceSeries {
  const pick = (a: Float64Array) => Float64Array.from(indices, (i) => a[i]);
  return {
    ticker: series.ticker,
    date: pick(series.date),
    close: pick(series.close),
    adjClose: pick(series.adjClose),
    dividend: pick(series.dividend),
    split: pick(series.split),
    volume: pick(series.volume)
  };
}

/** Warnings naming rejected rows by day: the first few one by one, the rest counted. */
export function rejectionWarnings(
  ticker: string,
  series: PriceSeries,
  rejected: readonly {index: number; reason: string}[]
): string[] {
  const listed = rejected
    .slice(0, LISTED)
    .map(({index, reason}) => `${ticker}: ${formatDay(series.date[index])}: ${reason}; row rejected`);
  if (rejected.length > LISTED) listed.push(`${ticker}: and ${rejected.length - LISTED} more rows rejected`);
  return listed;
}

/** A source's outcome with the rule applied, so that no source, present or future, skips it. */
export function screenOutcome(outcome: TickerOutcome): TickerOutcome {
  if (!outcome.ok) return outcome;
  const {series, rejected} = screenSeries(outcome.series);
  if (rejected.length === 0) return outcome;
  const warnings = [...outcome.warnings, ...rejectionWarnings(outcome.ticker, outcome.series, rejected)];
  return {...outcome, series, warnings};
}

/** A factor of 10 or more, to three significant digits without an exponent. */
function round(factor: number): string {
  return factor >= 1000 ? String(Math.round(factor)) : factor.toPrecision(3);
}
