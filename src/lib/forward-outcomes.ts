import type {Episode} from "./episodes.js";
import {wilsonInterval, type ProportionInterval} from "./proportion-ci.js";

/**
 * What happened after an episode started. The outcome is the forward
 * small-minus-large return from the close of the episode's first day to the
 * close `horizon` days later, computed from the two total-return indexes:
 * (small[s+H] / small[s] − large[s+H] / large[s]) × 100 points. This is the
 * return an investor who bought the lead on the day it crossed the threshold
 * would have earned, with no overlap with the window that triggered the
 * signal; the rolling spread H days later would instead reuse days before the
 * start whenever H < window. For SMB, pass its compounded index as `small`
 * and ones as `large`: the outcome is then ∏(1 + SMB) − 1 over the H days.
 * NaN when fewer than H days remain or either index is NaN at either end.
 */

/** The forward spread in points from position `start` over `horizon` days. */
export function forwardSpread(
  small: ArrayLike<number>,
  large: ArrayLike<number>,
  start: number,
  horizon: number
): number {
  const t = start + horizon;
  if (start < 0 || t >= small.length) return NaN;
  return (small[t] / small[start] - large[t] / large[start]) * 100;
}

/**
 * The forward spread from each start position, in points.
 *
 * - horizon: trading days after the start, an integer ≥ 1 (default 126, half a year)
 */
export function forwardSpreads(
  small: ArrayLike<number>,
  large: ArrayLike<number>,
  starts: ArrayLike<number>,
  {horizon = 126}: {horizon?: number} = {}
): Float64Array {
  if (small.length !== large.length) throw new Error(`length mismatch: ${small.length} vs ${large.length}`);
  if (!Number.isInteger(horizon) || horizon < 1) throw new Error(`invalid horizon: ${horizon}`);
  return Float64Array.from(starts, (s) => forwardSpread(small, large, s, horizon));
}

/** How many outcomes were known, how many persisted (small still ahead, > 0), and the share with its Wilson interval. */
export interface PersistenceShare extends ProportionInterval {
  persisted: number;
  n: number;
}

/**
 * Share of episodes whose forward spread is positive; NaN outcomes (too
 * recent to know) are left out of both counts.
 *
 * - z: normal quantile of the interval (default 1.96, 95%)
 */
export function persistenceShare(forward: ArrayLike<number>, {z = 1.96}: {z?: number} = {}): PersistenceShare {
  let n = 0;
  let persisted = 0;
  for (let i = 0; i < forward.length; ++i) {
    const v = forward[i];
    if (v !== v) continue;
    ++n;
    if (v > 0) ++persisted;
  }
  return {persisted, n, ...wilsonInterval(persisted, n, {z})};
}

/** The current episode's forward spread at its age against every past episode's at the same age. */
export interface AgeRank {
  /** Trading days since the current episode started. */
  age: number;
  /** The current episode's spread since its start, in points. */
  value: number;
  /** Each past episode's spread `age` days after its start (NaN when the data ended sooner), in start order. */
  past: Float64Array;
  /** Past episodes with a value at this age, and how many of them the current one is ahead of. */
  count: number;
  below: number;
  /** Share of those past episodes the current one is ahead of, ties counting half; NaN when count is 0. */
  percentile: number;
}

/**
 * Ranks the spread `age` days after `currentStart` among the spreads `age`
 * days after each of `pastStarts`, all measured as forwardSpread.
 *
 * - age: days after each start (default the current episode's age, the last position − currentStart)
 */
export function rankAtAge(
  small: ArrayLike<number>,
  large: ArrayLike<number>,
  pastStarts: ArrayLike<number>,
  currentStart: number,
  {age = small.length - 1 - currentStart}: {age?: number} = {}
): AgeRank {
  if (!Number.isInteger(currentStart) || currentStart < 0 || currentStart >= small.length)
    throw new Error(`invalid currentStart: ${currentStart}`);
  if (!Number.isInteger(age) || age < 0) throw new Error(`invalid age: ${age}`);
  const value = age === 0 ? 0 : forwardSpread(small, large, currentStart, age);
  const past = Float64Array.from(pastStarts, (s) => (age === 0 ? 0 : forwardSpread(small, large, s, age)));
  let count = 0;
  let below = 0;
  let equal = 0;
  for (const v of past) {
    if (v !== v) continue;
    ++count;
    if (v < value) ++below;
    else if (v === value) ++equal;
  }
  return {age, value, past, count, below, percentile: count && value === value ? (below + equal / 2) / count : NaN};
}

/** rankAtAge for the open episode (the last one, when its end is null) against all earlier ones; null when none is open. */
export function currentEpisodeRank(
  small: ArrayLike<number>,
  large: ArrayLike<number>,
  episodes: readonly Pick<Episode, "start" | "end">[]
): AgeRank | null {
  const last = episodes[episodes.length - 1];
  if (!last || last.end !== null) return null;
  return rankAtAge(
    small,
    large,
    episodes.slice(0, -1).map((e) => e.start),
    last.start
  );
}
