/**
 * A page's inputs mirrored in the URL query, so a link reproduces the view.
 * Framework does not bind inputs to the URL; this is the one place that does.
 */
export function readUrlState(location: {search: string} = window.location): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(location.search));
}

/** Replaces the query with the given state (empty values dropped), keeping the path and hash; no history entry per change. */
export function writeUrlState(state: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  const url = `${window.location.pathname}${params.size ? `?${params}` : ""}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(null, "", url);
  return url;
}
