import {loadPrices, type LoadOptions, type PriceLoad} from "./prices.js";
import type {Settings} from "./settings.js";
import {bumpGeneration, writeSnapshot} from "./snapshot.js";

/**
 * `npm run data -- pull`: one load of every ticker, which refreshes the cache
 * and becomes the snapshot the next build shows, so a pull asks each provider
 * once and what it reports is what is built. Synthetic data standing in for
 * failed live prices is refused (dir null): a scheduled pull-and-publish must
 * not publish it as a refresh.
 * - now: the time of the pull, epoch ms, Date.now()
 * - the other options: as loadPrices (sources, network, onProgress, log)
 */
export async function pullPrices(
  settings: Settings,
  options: LoadOptions = {}
): Promise<{load: PriceLoad; dir: string | null}> {
  const now = options.now ?? Date.now();
  const load = await loadPrices(settings, {...options, now});
  if (load.synthetic && settings.source !== load.source) return {load, dir: null};
  // A new generation makes a new fingerprint, so this load's snapshot replaces the one builds used before.
  if (!load.synthetic) bumpGeneration(settings.cacheDir);
  return {load, dir: writeSnapshot(settings, load, now)};
}
