/**
 * Simple returns of a price or index series, index[i] / index[i - 1] - 1;
 * NaN at 0 and wherever either value is missing, so a gap costs one or two
 * returns rather than poisoning the rest.
 */
export function simpleReturns(index: ArrayLike<number>): Float64Array {
  const n = index.length;
  const out = new Float64Array(n).fill(NaN);
  for (let i = 1; i < n; ++i) out[i] = index[i] / index[i - 1] - 1;
  return out;
}

/** Total return between two positions of an index, index[end] / index[start] - 1; NaN when either is missing. */
export function periodReturn(index: ArrayLike<number>, start: number, end: number): number {
  if (start < 0 || end < 0 || start >= index.length || end >= index.length) return NaN;
  return index[end] / index[start] - 1;
}
