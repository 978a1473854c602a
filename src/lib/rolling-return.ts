import {checkWindow} from "./rolling.js";

/**
 * Total return over the last `window` periods of an index,
 * index[i] / index[i − window] − 1. Only the two ends matter: a gap inside
 * the window is already compounded through by the index, so the result is
 * NaN only when either end is missing. The first `window` outputs are NaN.
 *
 * - window: how many periods each return spans, an integer ≥ 1 (default 252, a year of trading days)
 */
export function rollingReturn(index: ArrayLike<number>, {window = 252}: {window?: number} = {}): Float64Array {
  checkWindow(window);
  const n = index.length;
  const out = new Float64Array(n).fill(NaN);
  for (let i = window; i < n; ++i) out[i] = index[i] / index[i - window] - 1;
  return out;
}
