/**
 * Which episodes count as independent draws: the first one does, and each
 * later one counts only if it starts once the previous counted episode's
 * outcome window (the `horizon` days after its start) has ended, so no day's
 * return is in two counted outcomes. Episodes in between share part of a
 * counted episode's window: their outcomes largely repeat it. The choice runs
 * forward from the first episode, the one a reader would have acted on.
 *
 * - horizon: trading days in each outcome window, an integer ≥ 1 (default 126)
 */
export function independentEpisodes(starts: ArrayLike<number>, {horizon = 126}: {horizon?: number} = {}): boolean[] {
  if (!Number.isInteger(horizon) || horizon < 1) throw new Error(`invalid horizon: ${horizon}`);
  const counted: boolean[] = [];
  // A window runs from the close of the start day to the close `horizon` days later: the next one may start on that close.
  let free = -Infinity;
  for (let i = 0; i < starts.length; ++i) {
    const s = starts[i];
    if (i > 0 && !(s > starts[i - 1])) throw new Error(`starts not increasing at ${i}: ${s}`);
    counted.push(s >= free);
    if (s >= free) free = s + horizon;
  }
  return counted;
}
