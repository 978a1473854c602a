/**
 * A pace for requests to one provider: each request waits for a turn, turns
 * spaced `intervalMs` apart on average with jitter, whatever number of tickers
 * are in flight at once. A 500-ticker pull at 4 in flight then reaches Yahoo
 * as a steady trickle of a few requests a second rather than a burst, which
 * is what gets scripts throttled (see sources/yahoo.ts).
 * - intervalMs: mean gap between two requests' starts
 * - jitter: each gap is intervalMs × (1 ± jitter), drawn uniformly; 0.5
 * - now: the clock, Date.now (tests move a fake one)
 * - sleep: how to wait, a setTimeout promise (tests advance the fake clock)
 * - random: jitter source in [0, 1), Math.random
 * Returns a function that resolves when the caller's turn has come.
 */
export function pacer({
  intervalMs,
  jitter = 0.5,
  now = Date.now,
  sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  random = Math.random
}: {
  intervalMs: number;
  jitter?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}): () => Promise<void> {
  if (!(intervalMs >= 0)) throw new Error(`invalid intervalMs: ${intervalMs}`);
  if (!(jitter >= 0 && jitter <= 1)) throw new Error(`invalid jitter: ${jitter}`);
  // The time of the next free turn; each caller takes one synchronously, so concurrent callers never share a turn.
  let next = -Infinity;
  return async () => {
    const t = now();
    const turn = Math.max(t, next);
    next = turn + intervalMs * (1 - jitter + 2 * jitter * random());
    if (turn > t) await sleep(turn - t);
  };
}
