import {rollingReturn} from "./rolling-return.js";

/**
 * Rolling small-minus-large spread in percentage points: the small index's
 * return over the last `window` periods minus the large index's, × 100, so
 * a positive value means small caps are ahead. Both indexes must share one
 * calendar (see alignOnCommonDates); NaN wherever either return is NaN,
 * including the first `window` positions.
 *
 * - window: how many periods each return spans, an integer ≥ 1 (default 252)
 */
export function rollingSpread(
  smallIndex: ArrayLike<number>,
  largeIndex: ArrayLike<number>,
  {window = 252}: {window?: number} = {}
): Float64Array {
  return spreadOfReturns(rollingReturn(smallIndex, {window}), rollingReturn(largeIndex, {window}));
}

/**
 * Rolling spreads of many indexes against one benchmark, computing the
 * benchmark's rolling return once; element k is rollingSpread(indexes[k], benchmark).
 *
 * - window: how many periods each return spans, an integer ≥ 1 (default 252)
 */
export function rollingSpreads(
  indexes: readonly ArrayLike<number>[],
  benchmark: ArrayLike<number>,
  {window = 252}: {window?: number} = {}
): Float64Array[] {
  const large = rollingReturn(benchmark, {window});
  return indexes.map((index) => spreadOfReturns(rollingReturn(index, {window}), large));
}

function spreadOfReturns(small: Float64Array, large: Float64Array): Float64Array {
  if (small.length !== large.length) throw new Error(`length mismatch: ${small.length} vs ${large.length}`);
  // Reuses the small-return buffer: it is ours, never the caller's.
  for (let i = 0; i < small.length; ++i) small[i] = (small[i] - large[i]) * 100;
  return small;
}
