import {indexOnOrBefore} from "./dates.js";

/** A daily risk-free rate aligned on a fund's dates. */
export interface RiskFree {
  /** The rate for each of the fund's days, a daily fraction; NaN before the rate's first published day. */
  values: Float64Array;
  /** How many of the fund's days fall after the rate's last published day and carry its last value. */
  carried: number;
  /** The rate's last published day (epoch ms), NaN when it has none. */
  lastDay: number;
}

/**
 * Aligns a daily risk-free rate (French's RF: a daily fraction, one per trading day) onto a fund's dates: each day
 * takes the rate published for it, or the last one before it when the rate skips that day; after the rate's last
 * published day its last value is carried forward, and `carried` counts those days so a page can say so. Missing
 * (NaN) rates are skipped.
 */
export function riskFree(
  dates: ArrayLike<number>,
  rate: {date: ArrayLike<number>; values: ArrayLike<number>}
): RiskFree {
  const valid = Array.from({length: rate.date.length}, (_, i) => i).filter((i) => Number.isFinite(rate.values[i]));
  const day = valid.map((i) => rate.date[i]);
  const lastDay = day.length ? day[day.length - 1] : NaN;
  const values = new Float64Array(dates.length).fill(NaN);
  let carried = 0;
  for (let i = 0; i < dates.length; ++i) {
    const k = indexOnOrBefore(day, dates[i]);
    if (k < 0) continue;
    values[i] = rate.values[valid[k]];
    if (dates[i] > lastDay) ++carried;
  }
  return {values, carried, lastDay};
}
