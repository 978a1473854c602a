/**
 * Leadership episodes: runs of days on which a rolling small-minus-large
 * spread is above a threshold. NaN days neither start nor end an episode: a
 * data gap inside a run is carried through (and counts towards its duration),
 * a gap outside one is ignored.
 */

/** One run above the threshold; positions index the input arrays, dates are epoch ms. */
export interface Episode {
  /** Position of the first day above the threshold. */
  start: number;
  /** Position of the last day above the threshold, or null while the episode is still open at the end of the data. */
  end: number | null;
  /** Position and value of the widest spread inside the episode (the earliest on a tie). */
  peak: number;
  peakValue: number;
  /** Trading days from start to end inclusive (to the last day of data while open). */
  duration: number;
  startDate: number;
  /** NaN while open. */
  endDate: number;
  peakDate: number;
}

/**
 * The episodes of `spread` above `threshold` (strictly: a day exactly at the
 * threshold is not above it), in order.
 *
 * - threshold: level in the spread's units (points), required
 * - minGap: a dip below the threshold lasting fewer than minGap days joins the episodes either side of it (default 0, never join)
 */
export function leadershipEpisodes(
  dates: ArrayLike<number>,
  spread: ArrayLike<number>,
  {threshold, minGap = 0}: {threshold: number; minGap?: number}
): Episode[] {
  if (dates.length !== spread.length) throw new Error(`dates has ${dates.length} values, spread has ${spread.length}`);
  if (!Number.isFinite(threshold)) throw new Error(`invalid threshold: ${threshold}`);
  if (!Number.isInteger(minGap) || minGap < 0) throw new Error(`invalid minGap: ${minGap}`);
  const n = spread.length;
  // First the plain runs [start, last] (last = last day above), ended by a valid day at or below the threshold.
  const runs: {start: number; last: number; open: boolean}[] = [];
  let start = -1;
  let last = -1;
  for (let i = 0; i < n; ++i) {
    const v = spread[i];
    if (v !== v) continue;
    if (v > threshold) {
      if (start < 0) start = i;
      last = i;
    } else if (start >= 0) {
      runs.push({start, last, open: false});
      start = -1;
    }
  }
  if (start >= 0) runs.push({start, last, open: true});
  // Then join runs separated by a dip of fewer than minGap days (positions between them).
  const merged: typeof runs = [];
  for (const r of runs) {
    const prev = merged[merged.length - 1];
    if (prev && r.start - prev.last - 1 < minGap)
      merged[merged.length - 1] = {start: prev.start, last: r.last, open: r.open};
    else merged.push({...r});
  }
  return merged.map(({start, last, open}) => {
    let peak = start;
    for (let i = start + 1; i <= last; ++i) if (spread[i] > spread[peak]) peak = i;
    const end = open ? null : last;
    return {
      start,
      end,
      peak,
      peakValue: spread[peak],
      duration: (open ? n - 1 : last) - start + 1,
      startDate: dates[start],
      endDate: end === null ? NaN : dates[end],
      peakDate: dates[peak]
    };
  });
}

/** An episode's label, its start month as YYYY-MM (UTC), e.g. "2024-10". */
export function episodeLabel(episode: Pick<Episode, "startDate">): string {
  return new Date(episode.startDate).toISOString().slice(0, 7);
}
