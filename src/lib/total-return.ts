/**
 * A total-return index, 1 at the first valid price: from the adjusted close
 * when it has any value (the provider already reinvested dividends), else
 * from the close with each dividend reinvested on its ex-date.
 * The close must be split-adjusted, as Yahoo, yfinance and Stooq all give it.
 * Missing or non-positive prices are NaN and the index resumes from the last valid one.
 *
 * - adjClose: adjusted closes; used when any value is finite (default none)
 * - dividend: cash dividend per share on its ex-date (default none)
 */
export function totalReturnIndex(
  close: ArrayLike<number>,
  {adjClose, dividend}: {adjClose?: ArrayLike<number>; dividend?: ArrayLike<number>} = {}
): Float64Array {
  const n = close.length;
  const out = new Float64Array(n).fill(NaN);
  const useAdj = adjClose !== undefined && Array.prototype.some.call(adjClose, (v: number) => v > 0);
  const price = useAdj ? adjClose! : close;
  let prev = NaN;
  let level = NaN;
  for (let i = 0; i < n; ++i) {
    const p = price[i];
    if (!(p > 0)) continue;
    const d = !useAdj && dividend && dividend[i] > 0 ? dividend[i] : 0;
    level = Number.isNaN(prev) ? 1 : (level * (p + d)) / prev;
    out[i] = level;
    prev = p;
  }
  return out;
}
