/**
 * A page's inputs mirrored in the URL query, so a link reproduces the view.
 * Framework does not bind inputs to the URL; this is the one place that does.
 */

/** Query parameters that belong to the page as a whole (meeting mode), kept whatever the inputs write. */
const PAGE_PARAMS = ["present"];

export function readUrlState(location: {search: string} = window.location): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(location.search));
}

/** Replaces the query with the given state (empty values dropped), keeping the path, hash and page parameters; no history entry per change. */
export function writeUrlState(state: Record<string, string | number | undefined | null>): string {
  const current = new URLSearchParams(window.location.search);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state))
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  for (const key of PAGE_PARAMS) if (current.has(key) && !params.has(key)) params.set(key, current.get(key)!);
  const url = `${window.location.pathname}${params.size ? `?${params}` : ""}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
    window.history.replaceState(window.history.state, "", url);
  return url;
}

/** Sets or clears one page parameter without touching the others. */
export function setUrlParam(key: string, value: string | null): void {
  const params = new URLSearchParams(window.location.search);
  if (value === null) params.delete(key);
  else params.set(key, value);
  window.history.replaceState(
    window.history.state,
    "",
    `${window.location.pathname}${params.size ? `?${params}` : ""}${window.location.hash}`
  );
}
