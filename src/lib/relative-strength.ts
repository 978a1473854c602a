/**
 * Relative strength of a small-cap index against a large-cap one,
 * small / large rebased to 1 at the first position at or after `start` where
 * both are valid: above 1 means small caps have gained more since then.
 * NaN before the base and wherever either index is missing.
 *
 * - start: position from which to look for the base, an integer ≥ 0 (default 0)
 */
export function relativeStrength(
  small: ArrayLike<number>,
  large: ArrayLike<number>,
  {start = 0}: {start?: number} = {}
): Float64Array {
  if (!Number.isInteger(start) || start < 0) throw new Error(`invalid start: ${start}`);
  if (small.length !== large.length) throw new Error(`length mismatch: ${small.length} vs ${large.length}`);
  const n = small.length;
  const out = new Float64Array(n).fill(NaN);
  let base = start;
  // A zero or negative level would give an infinite or meaningless base.
  while (base < n && !(small[base] > 0 && large[base] > 0)) ++base;
  if (base === n) return out;
  const s0 = small[base];
  const l0 = large[base];
  // (s/s0) / (l/l0) rather than (s/l) / (s0/l0): the growth factors are what
  // the reader checks against, and each is exactly 1 at the base.
  for (let i = base; i < n; ++i) out[i] = small[i] / s0 / (large[i] / l0);
  return out;
}

/**
 * Natural log of relativeStrength: additive over time, 0 at the base, and
 * symmetric (a doubling and a halving are equally far from 0).
 *
 * - start: position from which to look for the base, an integer ≥ 0 (default 0)
 */
export function logRelativeStrength(
  small: ArrayLike<number>,
  large: ArrayLike<number>,
  {start = 0}: {start?: number} = {}
): Float64Array {
  const out = relativeStrength(small, large, {start});
  for (let i = 0; i < out.length; ++i) out[i] = Math.log(out[i]);
  return out;
}
