/**
 * Where the latest value of a series stands in its own history: mid-rank
 * percentile (ties count half, as pandas' rank(pct=True) with the current
 * value included) and the median of the window. NaN values are skipped.
 */
export interface HistoryRank {
  /** The last valid value in the window and its date (epoch ms); NaN when none. */
  current: number;
  currentDate: number;
  /** Average rank of the current value among the window's valid values over their count, (below + (equal + 1) / 2) / count: 1 for a new high. */
  percentile: number;
  median: number;
  count: number;
  /** The window's first date, epoch ms (−∞ when it reaches back to the start): a chart of the same window starts here. */
  from: number;
}

/**
 * Ranks the last valid value among the valid values dated in [from, to].
 * - from: first date included, epoch ms (default −∞)
 * - to: last date included, epoch ms (default +∞)
 * - months: keep only the last `months` calendar months, the last being the
 *   month of this series' own last valid value on or before `to` (not
 *   another series' end or today): 120 is the last 10 years, 120 monthly values (default all)
 */
export function historyRank(
  dates: ArrayLike<number>,
  values: ArrayLike<number>,
  {from = -Infinity, to = Infinity, months}: {from?: number; to?: number; months?: number} = {}
): HistoryRank {
  if (dates.length !== values.length) throw new Error(`dates has ${dates.length} values, values has ${values.length}`);
  if (months !== undefined) {
    if (!(Number.isInteger(months) && months > 0)) throw new Error(`invalid months: ${months}`);
    let last = dates.length - 1;
    while (last >= 0 && (dates[last] > to || Number.isNaN(values[last]))) --last;
    // Whole calendar months, the last one the anchor's: month-end dates of different lengths count once each.
    const d = new Date(dates[last]);
    if (last >= 0) from = Math.max(from, Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months + 1, 1));
  }
  if (!(from <= to)) throw new Error(`invalid window: from ${from} is after to ${to}`);
  const sample: number[] = [];
  let current = NaN;
  let currentDate = NaN;
  for (let i = 0; i < dates.length; ++i) {
    const v = values[i];
    if (dates[i] < from || dates[i] > to || Number.isNaN(v)) continue;
    sample.push(v);
    current = v;
    currentDate = dates[i];
  }
  const count = sample.length;
  if (!count) return {current, currentDate, percentile: NaN, median: NaN, count, from};
  sample.sort((a, b) => a - b);
  const below = sample.filter((v) => v < current).length;
  const equal = sample.filter((v) => v === current).length;
  const mid = count >> 1;
  return {
    current,
    currentDate,
    percentile: (below + (equal + 1) / 2) / count,
    median: count % 2 ? sample[mid] : (sample[mid - 1] + sample[mid]) / 2,
    count,
    from
  };
}
