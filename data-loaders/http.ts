/** Options of every plain download: an injectable fetch for tests and a time limit. */
export interface FetchOk {
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

/** The request never got an answer (no name resolution, refused, reset, timed out): the network, not the content, failed. */
export class NetworkError extends Error {}

/**
 * GETs a URL and returns the response, throwing with the URL and status when
 * it is not OK, so a failure is never cached as data; a failure to get any
 * answer is a NetworkError, with the system's error code when there is one.
 */
export async function fetchOk(
  url: string,
  {fetch = globalThis.fetch, timeoutMs = 20000}: FetchOk = {}
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {signal: AbortSignal.timeout(timeoutMs)});
  } catch (error) {
    const {message, cause} = error as {message?: string; cause?: {code?: string}};
    throw new NetworkError(`${url}: ${message}${cause?.code ? ` (${cause.code})` : ""}`);
  }
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}
