/**
 * Drawdown of an index from its running peak, index / peak − 1 (0 at a new
 * high, negative below). NaN values stay NaN and do not reset the peak.
 */
export function drawdown(index: ArrayLike<number>): Float64Array {
  const n = index.length;
  const out = new Float64Array(n).fill(NaN);
  let peak = -Infinity;
  for (let i = 0; i < n; ++i) {
    const v = index[i];
    if (Number.isNaN(v)) continue;
    if (v > peak) peak = v;
    out[i] = v / peak - 1;
  }
  return out;
}

/** Maximum drawdown of an index (a negative fraction, 0 when it only rose); NaN when it has no value. */
export function maxDrawdown(index: ArrayLike<number>): number {
  let worst = NaN;
  for (const d of drawdown(index)) if (d < worst || Number.isNaN(worst)) worst = d;
  return worst;
}
