/** One series to align: sorted dates (epoch ms) and any number of value columns of the same length. */
export interface DatedSeries {
  date: ArrayLike<number>;
  values: readonly ArrayLike<number>[];
}

/** Series re-indexed to their common dates: values[k][j] is series k's column j on those dates. */
export interface AlignedSeries {
  date: Float64Array;
  values: Float64Array[][];
}

/**
 * Keeps only the dates every series has, in ascending order, and re-indexes
 * each series' value columns to them, in O(total length). Each series' dates
 * must be strictly ascending (the loaders sort and dedupe); NaN dates are
 * dropped, NaN values are kept as they are.
 */
export function alignOnCommonDates(series: readonly DatedSeries[]): AlignedSeries {
  series.forEach(check);
  if (series.length === 0) return {date: new Float64Array(0), values: []};
  // Positions into each series of the dates kept so far, narrowed one series at a time.
  let common = Float64Array.from(series[0].date).filter((t) => t === t);
  let picks: Int32Array[] = [positions(series[0].date, common)];
  for (let k = 1; k < series.length; ++k) {
    const date = series[k].date;
    const keep: number[] = [];
    const mine: number[] = [];
    for (let i = 0, j = 0; i < common.length && j < date.length;) {
      if (common[i] < date[j]) ++i;
      else if (common[i] > date[j] || date[j] !== date[j]) ++j;
      else (keep.push(i++), mine.push(j++));
    }
    common = Float64Array.from(keep, (i) => common[i]);
    picks = picks.map((p) => Int32Array.from(keep, (i) => p[i]));
    picks.push(Int32Array.from(mine));
  }
  const values = series.map((s, k) => s.values.map((column) => Float64Array.from(picks[k], (i) => column[i])));
  return {date: common, values};
}

function check({date, values}: DatedSeries, k: number): void {
  for (const column of values) {
    if (column.length !== date.length) throw new Error(`series ${k}: ${column.length} values for ${date.length} dates`);
  }
  let last = -Infinity;
  for (let i = 0; i < date.length; ++i) {
    if (date[i] !== date[i]) continue;
    if (!(date[i] > last)) throw new Error(`series ${k}: dates not strictly ascending at position ${i}`);
    last = date[i];
  }
}

// Where each of `wanted` (a subsequence of `date`'s valid entries) sits in `date`.
function positions(date: ArrayLike<number>, wanted: Float64Array): Int32Array {
  const out = new Int32Array(wanted.length);
  for (let i = 0, j = 0; i < wanted.length; ++j) if (date[j] === wanted[i]) out[i++] = j;
  return out;
}
