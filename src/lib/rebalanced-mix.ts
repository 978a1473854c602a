/**
 * Equity of a two-fund mix rebalanced monthly: 1 at the close `start`, split
 * `weight` in `a` and the rest in `b`; each fund's part then grows with its
 * index, and at the last close of every calendar month in `dates` (start ≤ t < end)
 * the mix is set back to its weights, paying `cost` basis points of the value
 * traded (what is sold plus what is bought, 2·|a's part − weight × equity|). A
 * month's last close is the last of `dates` in that month, so the dates must
 * be the trading calendar, ascending. Run-local: equity[k] is at position start + k.
 * NaN returns propagate.
 *
 * - start, end: positions of the first and last close of the run, 0 ≤ start ≤ end < length
 * - weight: the share of `a`, in [0, 1] (default 0.5)
 * - cost: basis points of the traded value, ≥ 0 (default 0)
 */
export function rebalancedMix(
  dates: ArrayLike<number>,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  {start, end, weight = 0.5, cost = 0}: {start: number; end: number; weight?: number; cost?: number}
): Float64Array {
  const n = dates.length;
  if (a.length !== n || b.length !== n) throw new Error(`length mismatch: ${a.length}, ${b.length} vs ${n} dates`);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end >= n)
    throw new Error(`invalid run: ${start} to ${end} of ${n} closes`);
  if (!(weight >= 0 && weight <= 1)) throw new Error(`invalid weight: ${weight}`);
  if (!(cost >= 0) || !Number.isFinite(cost)) throw new Error(`invalid cost: ${cost}`);
  const rate = cost / 10_000;
  const equity = new Float64Array(end - start + 1);
  let partA = weight;
  let partB = 1 - weight;
  equity[0] = 1;
  for (let t = start + 1; t <= end; ++t) {
    partA *= a[t] / a[t - 1];
    partB *= b[t] / b[t - 1];
    let level = partA + partB;
    if (t < end && monthOf(dates[t + 1]) !== monthOf(dates[t])) {
      level -= rate * 2 * Math.abs(partA - weight * level);
      partA = weight * level;
      partB = level - partA;
    }
    equity[t - start] = level;
  }
  return equity;
}

function monthOf(t: number): number {
  const d = new Date(t);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}
