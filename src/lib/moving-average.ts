import {rollingMean} from "./rolling.js";

/**
 * Simple moving average: the mean of each value and the window − 1 before it;
 * NaN during warm-up and while the window holds a NaN (see rollingMean).
 *
 * - window: how many values each average covers, an integer ≥ 1 (default 50)
 */
export function sma(values: ArrayLike<number>, {window = 50}: {window?: number} = {}): Float64Array {
  return rollingMean(values, {window});
}

/**
 * Exponential moving average with α = 2 / (span + 1), pandas'
 * `ewm(span, adjust=False)` convention: y₀ = x₀, yᵢ = (1 − α)·yᵢ₋₁ + α·xᵢ.
 * It starts at the first valid value; a NaN input gives a NaN output and is
 * skipped (pandas' `ignore_na=True`, which instead repeats the last value).
 *
 * - span: the decay span, a number ≥ 1 (default 20); span 1 returns the values
 * - minPeriods: valid values needed before an output, an integer ≥ 1 (default 1, pandas' default)
 */
export function ema(
  values: ArrayLike<number>,
  {span = 20, minPeriods = 1}: {span?: number; minPeriods?: number} = {}
): Float64Array {
  if (!(span >= 1) || !Number.isFinite(span)) throw new Error(`invalid span: ${span}`);
  if (!Number.isInteger(minPeriods) || minPeriods < 1) throw new Error(`invalid minPeriods: ${minPeriods}`);
  const alpha = 2 / (span + 1);
  const n = values.length;
  const out = new Float64Array(n).fill(NaN);
  let y = NaN;
  let count = 0;
  for (let i = 0; i < n; ++i) {
    const v = values[i];
    if (v !== v) continue;
    y = count++ === 0 ? v : y + alpha * (v - y);
    if (count >= minPeriods) out[i] = y;
  }
  return out;
}

/** A position where the fast line crosses the slow one: +1 upward (fast now above), −1 downward. */
export interface Crossover {
  index: number;
  direction: 1 | -1;
}

/**
 * A crossover in words. "Golden cross" and "death cross" name only the
 * 50-day average crossing the 200-day one, as chartists use the terms;
 * other lengths are described plainly.
 *
 * - fast, slow: the averages' lengths in days (default 50 and 200)
 */
export function crossoverName(direction: 1 | -1, {fast = 50, slow = 200}: {fast?: number; slow?: number} = {}): string {
  if (fast === 50 && slow === 200) return direction > 0 ? "Golden cross" : "Death cross";
  return `${fast}-day average crossed ${direction > 0 ? "above" : "below"} the ${slow}-day`;
}

/**
 * Positions where `fast` crosses `slow`, in order. A cross is a change in
 * the sign of fast − slow from the last position where it was non-zero;
 * touching and turning back is not a cross, and NaN positions are skipped.
 */
export function crossovers(fast: ArrayLike<number>, slow: ArrayLike<number>): Crossover[] {
  if (fast.length !== slow.length) throw new Error(`length mismatch: ${fast.length} vs ${slow.length}`);
  const out: Crossover[] = [];
  let side = 0;
  for (let i = 0; i < fast.length; ++i) {
    const d = fast[i] - slow[i];
    if (!(d > 0 || d < 0)) continue;
    const s = d > 0 ? 1 : -1;
    if (side !== 0 && s !== side) out.push({index: i, direction: s});
    side = s;
  }
  return out;
}
