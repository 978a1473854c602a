import {quantileSorted, randomLcg} from "d3";
import type {ProportionInterval} from "./proportion-ci.js";

/** A share with its block-bootstrap percentile interval, and the resampling that gave it. */
export interface BootstrapShare extends ProportionInterval {
  /** Events, and how many of them succeeded. */
  n: number;
  successes: number;
  /** Positions per block, blocks per resample, resamples and the generator's seed. */
  block: number;
  blocks: number;
  resamples: number;
  seed: number;
}

/**
 * Circular block bootstrap (Politis & Romano 1992) of the share of events
 * that succeeded, for events at positions on a time line whose outcomes
 * depend on their neighbours' (episodes close together share days of their
 * forward windows). Each resample joins ⌈length / block⌉ blocks of `block`
 * consecutive positions, started at uniformly drawn positions and wrapping
 * around the end, and takes the share of the events inside them; events
 * closer than a block stay together, so their dependence is kept. The
 * interval is the percentile interval of the resampled shares (resamples
 * with no event left out). Deterministic: the same seed gives the same
 * interval. NaN bounds when there is no event or the time line holds fewer
 * than two blocks.
 *
 * - length: positions on the time line; events lie in [0, length) (required)
 * - block: positions per block, an integer ≥ 1 (required)
 * - resamples: number of resamples (default 2000)
 * - seed: seed of d3's linear congruential generator (default 1)
 * - level: confidence level (default 0.95)
 */
export function blockBootstrapShare(
  positions: ArrayLike<number>,
  success: ArrayLike<boolean>,
  {
    length,
    block,
    resamples = 2000,
    seed = 1,
    level = 0.95
  }: {length: number; block: number; resamples?: number; seed?: number; level?: number}
): BootstrapShare {
  if (positions.length !== success.length)
    throw new Error(`positions has ${positions.length} values, success has ${success.length}`);
  if (!Number.isInteger(length) || length < 0) throw new Error(`invalid length: ${length}`);
  if (!Number.isInteger(block) || block < 1) throw new Error(`invalid block: ${block}`);
  if (!Number.isInteger(resamples) || resamples < 1) throw new Error(`invalid resamples: ${resamples}`);
  if (!(level > 0 && level < 1)) throw new Error(`invalid level: ${level}`);
  // Running counts of events and successes, so that a block's counts take two look-ups.
  const events = new Float64Array(length + 1);
  const wins = new Float64Array(length + 1);
  let successes = 0;
  for (let i = 0; i < positions.length; ++i) {
    const p = positions[i];
    if (!Number.isInteger(p) || p < 0 || p >= length) throw new Error(`invalid position: ${p} (length ${length})`);
    ++events[p + 1];
    if (success[i]) (++wins[p + 1], ++successes);
  }
  for (let i = 0; i < length; ++i) ((events[i + 1] += events[i]), (wins[i + 1] += wins[i]));
  const n = positions.length;
  const blocks = Math.ceil(length / block);
  const result = {n, successes, estimate: n ? successes / n : NaN, block, blocks, resamples, seed};
  if (n === 0 || length < 2 * block) return {...result, lower: NaN, upper: NaN};
  const count = (c: Float64Array, b: number) =>
    b + block <= length ? c[b + block] - c[b] : c[length] - c[b] + c[b + block - length];
  const random = randomLcg(seed);
  const shares: number[] = [];
  for (let r = 0; r < resamples; ++r) {
    let e = 0;
    let w = 0;
    for (let k = 0; k < blocks; ++k) {
      const b = Math.floor(random() * length);
      e += count(events, b);
      w += count(wins, b);
    }
    if (e > 0) shares.push(w / e);
  }
  shares.sort((a, b) => a - b);
  return {
    ...result,
    lower: quantileSorted(shares, (1 - level) / 2)!,
    upper: quantileSorted(shares, (1 + level) / 2)!
  };
}
