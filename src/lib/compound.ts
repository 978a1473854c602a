/**
 * Growth of 1 from daily returns given as fractions: index[i] = ∏(1 + r[k]) for
 * k ≤ i, so index[i] / index[i − w] − 1 is the compounded return of the w days
 * ending at i (the way a long-short factor such as French's SMB is cumulated).
 * A NaN return gives NaN at its position and the index resumes from the last
 * valid level, as a day with no trading.
 */
export function compoundIndex(returns: ArrayLike<number>): Float64Array {
  const out = new Float64Array(returns.length).fill(NaN);
  let level = 1;
  for (let i = 0; i < returns.length; ++i) {
    const r = returns[i];
    if (r !== r) continue;
    level *= 1 + r;
    out[i] = level;
  }
  return out;
}
