import {alignOnCommonDates} from "./align.js";
import {blockBootstrapShare, type BootstrapShare} from "./block-bootstrap.js";
import {compoundIndex} from "./compound.js";
import {episodeLabel, leadershipEpisodes, type Episode} from "./episodes.js";
import {
  currentEpisodeRank,
  forwardSpreads,
  persistenceShare,
  type AgeRank,
  type PersistenceShare
} from "./forward-outcomes.js";
import {independentEpisodes} from "./independent-episodes.js";
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
  /** Whether the episode counts as an independent draw: it starts after the previous counted one's outcome window ended. */
  independent: boolean;
}

export interface PersistenceStudy {
  date: Float64Array;
  spread: Float64Array;
  episodes: EpisodeOutcome[];
  /** The share that persisted among the independent episodes, with its Wilson interval. */
  independent: PersistenceShare;
  /** The share that persisted among all episodes, with a circular block-bootstrap interval (blocks of 2 × horizon days). */
  all: BootstrapShare;
  /** The open episode's rank at its age among the past ones, null when none is open. */
  current: AgeRank | null;
}

/**
 * The false-dawns study on one index pair: rolling spread, episodes (entry
 * above the threshold, exit at or below the exit level), each episode's
 * forward spread, the share that persisted two ways and the open episode's
 * rank at its age. Episodes less than `horizon` days apart share days of
 * their outcome windows, so the share is counted on the independent episodes
 * (Wilson interval) and on all of them with a circular block bootstrap over
 * the days on which an episode could have started with its outcome known.
 * The blocks are twice the horizon long: outcomes less than a horizon apart
 * overlap, and a block of 2H keeps any such pair together at least half the
 * time (the nearer, the oftener), while a history of 20 years still holds
 * about 20 blocks.
 *
 * - window: days in the rolling spread (default 63)
 * - threshold: points the spread must exceed to start an episode (default 5)
 * - exit: points at or below which an episode ends (default 0)
 * - minGap: dips shorter than this many days do not end an episode (default 0)
 * - horizon: days after the start for the outcome (default 126)
 * - seed, resamples: the bootstrap's seed and resample count (default 1 and 2000)
 */
export function persistenceStudy(
  {date, small, large}: IndexPair,
  {
    window = 63,
    threshold = 5,
    exit = 0,
    minGap = 0,
    horizon = 126,
    seed = 1,
    resamples = 2000
  }: {
    window?: number;
    threshold?: number;
    exit?: number;
    minGap?: number;
    horizon?: number;
    seed?: number;
    resamples?: number;
  } = {}
): PersistenceStudy {
  const spread = rollingSpread(small, large, {window});
  const found = leadershipEpisodes(date, spread, {threshold, exit, minGap});
  const starts = found.map((e) => e.start);
  const forward = forwardSpreads(small, large, starts, {horizon});
  const counted = independentEpisodes(starts, {horizon});
  const episodes = found.map((e, k) => ({
    ...e,
    label: episodeLabel(e),
    forward: forward[k],
    persisted: Number.isNaN(forward[k]) ? null : forward[k] > 0,
    independent: counted[k]
  }));
  // The bootstrap's time line: from the first day with a spread to the last start whose outcome is known.
  let first = 0;
  while (first < spread.length && spread[first] !== spread[first]) ++first;
  const known = episodes.filter((e) => e.persisted !== null);
  const all = blockBootstrapShare(
    known.map((e) => e.start - first),
    known.map((e) => e.persisted!),
    {length: Math.max(0, spread.length - horizon - first), block: 2 * horizon, seed, resamples}
  );
  return {
    date,
    spread,
    episodes,
    independent: persistenceShare(forward.filter((_, k) => counted[k])),
    all,
    current: currentEpisodeRank(small, large, found)
  };
}
