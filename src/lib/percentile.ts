import {checkWindow, rollingMean, rollingStd} from "./rolling.js";

/**
 * Where each value stands in its own history: percentile ranks and z-scores.
 * Windowed functions are NaN when the window holds a NaN; expanding ones
 * skip NaN (NaN out, history unchanged). Ranks use a Fenwick tree over the
 * sorted distinct values, O(n log n); z-scores are O(n).
 */

/**
 * Percentile rank of each value among all valid values up to and including
 * it, ties averaged, as pandas' `expanding().rank(pct=True)`: 1 for a new
 * high, 1/count for a new low.
 *
 * - minPeriods: valid values needed before a rank is given, an integer ≥ 1 (default 1)
 */
export function expandingPercentile(
  values: ArrayLike<number>,
  {minPeriods = 1}: {minPeriods?: number} = {}
): Float64Array {
  checkMinPeriods(minPeriods);
  const {rank, tree, out} = prepare(values);
  let count = 0;
  for (let i = 0; i < values.length; ++i) {
    if (rank[i] < 0) continue;
    add(tree, rank[i], 1);
    if (++count >= minPeriods) out[i] = percentRank(tree, rank[i], count);
  }
  return out;
}

/**
 * Percentile rank of each value among itself and the window − 1 values
 * before it, ties averaged, as pandas' `rolling(window).rank(pct=True)`.
 *
 * - window: how many values each rank covers, an integer ≥ 1 (default 252)
 */
export function rollingPercentile(values: ArrayLike<number>, {window = 252}: {window?: number} = {}): Float64Array {
  checkWindow(window);
  const {rank, tree, out} = prepare(values);
  let missing = 0;
  for (let i = 0; i < values.length; ++i) {
    if (rank[i] >= 0) add(tree, rank[i], 1);
    else ++missing;
    if (i >= window) {
      if (rank[i - window] >= 0) add(tree, rank[i - window], -1);
      else --missing;
    }
    if (i >= window - 1 && missing === 0) out[i] = percentRank(tree, rank[i], window);
  }
  return out;
}

/**
 * Z-score of each value against itself and the window − 1 values before it,
 * (x − mean) / sample sd as pandas' rolling mean and std; NaN when the sd is 0.
 *
 * - window: how many values each score covers, an integer ≥ 1 (default 252)
 */
export function rollingZScore(values: ArrayLike<number>, {window = 252}: {window?: number} = {}): Float64Array {
  const out = rollingMean(values, {window});
  const sd = rollingStd(values, {window});
  for (let i = 0; i < out.length; ++i) out[i] = sd[i] > 0 ? (values[i] - out[i]) / sd[i] : NaN;
  return out;
}

/**
 * Z-score of each value against all valid values up to and including it;
 * NaN when the sample sd is 0.
 *
 * - minPeriods: valid values needed before a score is given, an integer ≥ 2 (default 2)
 */
export function expandingZScore(values: ArrayLike<number>, {minPeriods = 2}: {minPeriods?: number} = {}): Float64Array {
  if (!Number.isInteger(minPeriods) || minPeriods < 2) throw new Error(`invalid minPeriods: ${minPeriods}`);
  const out = new Float64Array(values.length).fill(NaN);
  // Welford's update: one pass, no cancellation over a long history.
  let count = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; ++i) {
    const v = values[i];
    if (v !== v) continue;
    const delta = v - mean;
    mean += delta / ++count;
    m2 += delta * (v - mean);
    const sd = Math.sqrt(m2 / (count - 1));
    if (count >= minPeriods && sd > 0) out[i] = (v - mean) / sd;
  }
  return out;
}

function checkMinPeriods(minPeriods: number): void {
  if (!Number.isInteger(minPeriods) || minPeriods < 1) throw new Error(`invalid minPeriods: ${minPeriods}`);
}

// Ranks are 1-based positions among the sorted distinct valid values (−1 for NaN).
function prepare(values: ArrayLike<number>) {
  const n = values.length;
  const sorted = Float64Array.from(values)
    .filter((v) => v === v)
    .sort();
  const rank = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; ++i) if (values[i] === values[i]) rank[i] = lowerBound(sorted, values[i]) + 1;
  return {rank, tree: new Int32Array(sorted.length + 1), out: new Float64Array(n).fill(NaN)};
}

function percentRank(tree: Int32Array, r: number, count: number): number {
  const less = prefix(tree, r - 1);
  const equal = prefix(tree, r) - less;
  return (less + (equal + 1) / 2) / count;
}

function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function add(tree: Int32Array, r: number, delta: number): void {
  for (; r < tree.length; r += r & -r) tree[r] += delta;
}

function prefix(tree: Int32Array, r: number): number {
  let s = 0;
  for (; r > 0; r -= r & -r) s += tree[r];
  return s;
}
