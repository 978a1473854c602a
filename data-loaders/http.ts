/** Options of every plain download: an injectable fetch for tests and a time limit. */
export interface FetchOk {
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

/** GETs a URL and returns the response, throwing with the URL and status when it is not OK, so a failure is never cached as data. */
export async function fetchOk(
  url: string,
  {fetch = globalThis.fetch, timeoutMs = 20000}: FetchOk = {}
): Promise<Response> {
  const response = await fetch(url, {signal: AbortSignal.timeout(timeoutMs)});
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}
