import {alignOnCommonDates} from "./align.js";
import {compoundIndex} from "./compound.js";
import {episodeLabel, leadershipEpisodes, type Episode} from "./episodes.js";
import {
  currentEpisodeRank,
  forwardSpreads,
  persistenceShare,
  type AgeRank,
  type PersistenceShare
} from "./forward-outcomes.js";
import {rollingSpread} from "./spread.js";

/** A small and a large growth index on one calendar (epoch ms dates). */
export interface IndexPair {
  date: Float64Array;
  small: Float64Array;
  large: Float64Array;
}

/** Two funds' total-return indexes on their common days. */
export function pairIndexes(
  small: {date: ArrayLike<number>; index: ArrayLike<number>},
  large: {date: ArrayLike<number>; index: ArrayLike<number>}
): IndexPair {
  const a = alignOnCommonDates([
    {date: small.date, values: [small.index]},
    {date: large.date, values: [large.index]}
  ]);
  return {date: a.date, small: a.values[0][0], large: a.values[1][0]};
}

/** French's daily SMB (fractions) as a growth index against a flat benchmark of ones, leading and trailing NaN days dropped. */
export function smbIndexes(date: ArrayLike<number>, smb: ArrayLike<number>): IndexPair {
  let first = 0;
  let last = smb.length - 1;
  while (first <= last && smb[first] !== smb[first]) ++first;
  while (last >= first && smb[last] !== smb[last]) --last;
  const small = compoundIndex(Float64Array.from(smb).subarray(first, last + 1));
  return {
    date: Float64Array.from(date).subarray(first, last + 1),
    small,
    large: new Float64Array(small.length).fill(1)
  };
}

/** One row of the episode table: the episode, its label and what followed it. */
export interface EpisodeOutcome extends Episode {
  label: string;
  /** Forward spread over the horizon from the start, in points; NaN when the horizon has not passed. */
  forward: number;
  /** forward > 0, or null when not yet known. */
  persisted: boolean | null;
}

export interface PersistenceStudy {
  date: Float64Array;
  spread: Float64Array;
  episodes: EpisodeOutcome[];
  share: PersistenceShare;
  /** The open episode's rank at its age among the past ones, null when none is open. */
  current: AgeRank | null;
}

/**
 * The false-dawns study on one index pair: rolling spread, episodes above the
 * threshold, each episode's forward spread, the share that persisted and the
 * open episode's rank at its age.
 *
 * - window: days in the rolling spread (default 63)
 * - threshold: points the spread must exceed (default 5)
 * - minGap: dips shorter than this many days join episodes (default 0)
 * - horizon: days after the start for the outcome (default 126)
 */
export function persistenceStudy(
  {date, small, large}: IndexPair,
  {
    window = 63,
    threshold = 5,
    minGap = 0,
    horizon = 126
  }: {window?: number; threshold?: number; minGap?: number; horizon?: number} = {}
): PersistenceStudy {
  const spread = rollingSpread(small, large, {window});
  const found = leadershipEpisodes(date, spread, {threshold, minGap});
  const forward = forwardSpreads(
    small,
    large,
    found.map((e) => e.start),
    {horizon}
  );
  const episodes = found.map((e, k) => ({
    ...e,
    label: episodeLabel(e),
    forward: forward[k],
    persisted: Number.isNaN(forward[k]) ? null : forward[k] > 0
  }));
  return {date, spread, episodes, share: persistenceShare(forward), current: currentEpisodeRank(small, large, found)};
}
