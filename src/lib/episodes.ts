/**
 * Leadership episodes: a lead starts on the first day a rolling
 * small-minus-large spread is above an entry threshold and lasts while the
 * spread stays above a lower exit level (hysteresis), so a lead that dips
 * below the entry threshold without giving up its gains is one episode, not
 * several. NaN days neither start nor end an episode: a data gap inside a run
 * is carried through (and counts towards its duration), a gap outside one is
 * ignored.
 */

/** One lead; positions index the input arrays, dates are epoch ms. */
export interface Episode {
  /** Position of the first day above the threshold. */
  start: number;
  /** Position of the last day above the exit level, or null while the episode is still open at the end of the data. */
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
 * The episodes of `spread`, in order: each starts on a day above `threshold`
 * and runs to the last day above `exit` before the spread falls to `exit` or
 * below (strictly above: a day exactly at a level is not above it). With exit
 * equal to threshold an episode is a plain run above the threshold.
 *
 * - threshold: entry level in the spread's units (points), required
 * - exit: exit level, at most threshold (default 0: a lead lasts until the spread is no longer positive)
 * - minGap: a dip to the exit level or below lasting fewer than minGap days does not end an episode (default 0, any dip ends it)
 */
export function leadershipEpisodes(
  dates: ArrayLike<number>,
  spread: ArrayLike<number>,
  {threshold, exit = 0, minGap = 0}: {threshold: number; exit?: number; minGap?: number}
): Episode[] {
  if (dates.length !== spread.length) throw new Error(`dates has ${dates.length} values, spread has ${spread.length}`);
  if (!Number.isFinite(threshold)) throw new Error(`invalid threshold: ${threshold}`);
  if (!Number.isFinite(exit) || exit > threshold) throw new Error(`invalid exit: ${exit} (threshold ${threshold})`);
  if (!Number.isInteger(minGap) || minGap < 0) throw new Error(`invalid minGap: ${minGap}`);
  const n = spread.length;
  // First the runs above the exit level [start, last], each ended by a valid day at or below it.
  const runs: {start: number; last: number; open: boolean}[] = [];
  let start = -1;
  let last = -1;
  for (let i = 0; i < n; ++i) {
    const v = spread[i];
    if (v !== v) continue;
    if (v > exit) {
      if (start < 0) start = i;
      last = i;
    } else if (start >= 0) {
      runs.push({start, last, open: false});
      start = -1;
    }
  }
  if (start >= 0) runs.push({start, last, open: true});
  // Then join runs separated by a dip of fewer than minGap days (positions between them, NaN days included).
  const merged: typeof runs = [];
  for (const r of runs) {
    const prev = merged[merged.length - 1];
    if (prev && r.start - prev.last - 1 < minGap)
      merged[merged.length - 1] = {start: prev.start, last: r.last, open: r.open};
    else merged.push({...r});
  }
  // A joined run is an episode when the spread rises above the threshold in it; the episode starts there.
  const episodes: Episode[] = [];
  for (const {start: first, last, open} of merged) {
    let s = first;
    while (s <= last && !(spread[s] > threshold)) ++s;
    if (s > last) continue;
    let peak = s;
    for (let i = s + 1; i <= last; ++i) if (spread[i] > spread[peak]) peak = i;
    const end = open ? null : last;
    episodes.push({
      start: s,
      end,
      peak,
      peakValue: spread[peak],
      duration: (open ? n - 1 : last) - s + 1,
      startDate: dates[s],
      endDate: end === null ? NaN : dates[end],
      peakDate: dates[peak]
    });
  }
  return episodes;
}

/** An episode's label, its start month as YYYY-MM (UTC), e.g. "2024-10". */
export function episodeLabel(episode: Pick<Episode, "startDate">): string {
  return new Date(episode.startDate).toISOString().slice(0, 7);
}
