/** The share of values above zero, among those not missing (NaN skipped); NaN when none is left. */
export function positiveShare(values: ArrayLike<number>): number {
  let n = 0;
  let positive = 0;
  for (let i = 0; i < values.length; ++i) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    ++n;
    if (v > 0) ++positive;
  }
  return n ? positive / n : NaN;
}
