/**
 * The network rules every download follows (price sources, Ken French, FRED,
 * fund valuation): one offline rule, one timeout mechanism, one retry policy.
 * See docs/architecture.md.
 */
import {STATUS_CODES} from "node:http";

/** Codes meaning the host cannot be reached at all (no network, no DNS, nothing listening): retrying only delays the fallback. */
const OFFLINE_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ENETUNREACH", "EHOSTUNREACH", "ENETDOWN"]);
const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN"]);

/** Thrown once a request finds the network gone; every other request of the run stops with the same cause. */
export class OfflineError extends Error {
  override name = "OfflineError";
}

/** Thrown when a request gets no answer in time. */
export class TimeoutError extends Error {
  override name = "TimeoutError";
}

/**
 * What a failed request means, by the one rule: "offline" (the host cannot be
 * reached: stop asking), "transient" (a timeout, a dropped connection: worth
 * another try), or "fatal" (anything else: the answer itself is wrong).
 */
export function classifyError(error: unknown): "offline" | "transient" | "fatal" {
  if (error instanceof OfflineError) return "offline";
  const code = errorCode(error);
  if (code !== undefined && OFFLINE_CODES.has(code)) return "offline";
  const {name, message} = (error ?? {}) as {name?: unknown; message?: unknown};
  if (name === "TimeoutError" || name === "AbortError") return "transient";
  if (code !== undefined) return "transient"; // ECONNRESET, ETIMEDOUT, UND_ERR_SOCKET, …: the connection broke.
  if (error instanceof TypeError && /fetch failed/i.test(String(message))) return "transient";
  return "fatal";
}

/** The `code` of an error or of the first cause along its chain that has one (Node's fetch wraps DNS errors). */
export function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e != null && depth < 5; e = (e as {cause?: unknown}).cause, depth++) {
    const code = (e as {code?: unknown}).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/** The sentence an offline failure reports: which host, why, and what to do. */
export function offlineCause(url: string, error: unknown): string {
  const code = errorCode(error) ?? "offline";
  const host = new URL(url).host;
  const what = DNS_CODES.has(code) ? `cannot resolve ${host}` : `cannot reach ${host}`;
  return `offline: ${what} (${code}) — check the network connection, or set WORKBENCH_SOURCE=csv or sample`;
}

/**
 * Runs `run` with a signal that aborts after `ms` milliseconds (or when
 * `signal` aborts), and rejects at that moment even if `run` ignores its signal
 * or a body stalls after the headers: with a TimeoutError, or the outer
 * signal's reason.
 */
export async function withTimeout<T>(
  run: (signal: AbortSignal) => Promise<T>,
  ms: number,
  {signal}: {signal?: AbortSignal} = {}
): Promise<T> {
  const timeout = AbortSignal.timeout(ms);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal?.aborted ? signal.reason : new TimeoutError(`no answer within ${ms / 1000} s`));
    if (combined.aborted) onAbort();
    else combined.addEventListener("abort", onAbort, {once: true});
  });
  const work = run(combined);
  work.catch(() => {}); // Its rejection after losing the race is expected, not unhandled.
  try {
    return await Promise.race([work, aborted]);
  } finally {
    combined.removeEventListener("abort", onAbort);
  }
}

/** An HTTP answer read whole. */
export interface Answer {
  url: string;
  status: number;
  ok: boolean;
  /** "HTTP 429 Too Many Requests". */
  statusLine: string;
  headers: Headers;
  bytes: Uint8Array;
  /** The body decoded as UTF-8. */
  text: string;
}

/**
 * Options of a request.
 * - fetch: the fetch implementation, globalThis.fetch.
 * - headers: request headers.
 * - timeoutMs: longest wait for one whole answer, 15000.
 * - retries: further attempts after a 408, 429, 5xx, timeout or dropped connection, 0.
 * - baseDelayMs: first backoff step, doubled per retry with full jitter, 500.
 * - maxDelayMs: cap on any wait, including a server's Retry-After, 30000.
 * - maxRetryAfterMs: a Retry-After longer than this fails at once, saying when to come back, 60000.
 * - sleep: how to wait between attempts, a setTimeout promise (tests record instead).
 * - random: jitter source in [0, 1), Math.random.
 * - signal: aborts the request from outside (the run found the network gone).
 * - onRetry: told each retry as "<cause>; attempt 2 of 5 in 1000 ms".
 * - retryable: whether an answer is worth another try, retryableStatus (a provider whose 429 means "quota spent" says no).
 */
export interface RequestOptions {
  fetch?: typeof globalThis.fetch;
  headers?: Record<string, string>;
  timeoutMs?: number;
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  signal?: AbortSignal;
  onRetry?: (message: string) => void;
  retryable?: (answer: Answer) => boolean;
}

/** The default retry rule: 408, 429 and 5xx are worth another try, every other answer is the server's last word. */
export function retryableStatus({status}: Answer): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * GETs `url` and reads the whole answer. Retries a 408, 429 or 5xx (after the
 * server's Retry-After when it gives one; `retryable` may narrow this), a timeout or a dropped connection;
 * returns every other answer, OK or not, for the caller to interpret. Throws an
 * OfflineError when the host cannot be reached, and otherwise, once the retries
 * are spent, an Error saying what happened and to try again later.
 */
export async function request(
  url: string,
  {
    fetch = globalThis.fetch,
    headers = {},
    timeoutMs = 15_000,
    retries = 0,
    baseDelayMs = 500,
    maxDelayMs = 30_000,
    maxRetryAfterMs = 60_000,
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    random = Math.random,
    signal,
    onRetry = () => {},
    retryable = retryableStatus
  }: RequestOptions = {}
): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw signal.reason;
    let cause: string;
    let retryAfterMs: number | undefined;
    try {
      const answer = await withTimeout(
        async (s) => {
          const response = await fetch(url, {headers, signal: s});
          const {status} = response;
          const statusLine = `HTTP ${status} ${response.statusText || STATUS_CODES[status] || ""}`.trim();
          const bytes = new Uint8Array(await response.arrayBuffer());
          return {
            url,
            status,
            ok: response.ok,
            statusLine,
            headers: response.headers,
            bytes,
            get text() {
              return new TextDecoder().decode(bytes);
            }
          };
        },
        timeoutMs,
        {signal}
      );
      if (!retryable(answer)) return answer;
      cause = answer.statusLine;
      retryAfterMs = parseRetryAfter(answer.headers.get("retry-after"), Date.now());
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const kind = classifyError(error);
      if (kind === "offline") throw error instanceof OfflineError ? error : new OfflineError(offlineCause(url, error));
      if (kind === "fatal") throw error;
      if (error instanceof TimeoutError) cause = error.message;
      else {
        const {message, cause: inner} = error as {message?: string; cause?: {message?: string}};
        cause = `connection failed (${errorCode(error) ?? inner?.message ?? message})`;
      }
    }
    const attempts = attempt + 1;
    // Retrying within minutes cannot succeed when the server asks for longer: say when to come back instead.
    if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) {
      const seconds = Math.ceil(retryAfterMs / 1000);
      const wait = seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
      const at = new Date(Date.now() + retryAfterMs).toISOString().slice(0, 16).replace("T", " ");
      throw new Error(`${cause}: the server asks to wait ${wait} (Retry-After) — try again after ${at} UTC`);
    }
    if (attempt >= retries) {
      const said = attempts === 1 ? cause : `gave up after ${attempts} attempts: ${cause}`;
      throw new Error(`${said} — try again later`);
    }
    const delay = backoffDelay(attempt, {baseDelayMs, maxDelayMs, retryAfterMs, random});
    onRetry(`${cause}; attempt ${attempts + 1} of ${retries + 1} in ${delay} ms`);
    await sleep(delay);
  }
}

/** GETs `url` with request()'s rules and returns the body, throwing with the URL and status when it is not OK, so a failure is never cached as data. */
export async function download(url: string, options: RequestOptions = {}): Promise<Uint8Array> {
  let answer: Answer;
  try {
    answer = await request(url, options);
  } catch (error) {
    if (error instanceof OfflineError) throw error; // It names the host already.
    throw new Error(`${url}: ${(error as Error).message}`, {cause: error});
  }
  if (!answer.ok) throw new Error(`${url}: ${answer.statusLine}`);
  return answer.bytes;
}

/** Milliseconds a Retry-After header asks for (delta seconds or an HTTP date), or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null || value.trim() === "") return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Milliseconds to wait before retry number `attempt` (0 for the first): the
 * server's Retry-After when given, else full jitter over base × 2^attempt; capped.
 * - baseDelayMs: first backoff step, 500.
 * - maxDelayMs: cap on the result, 30000.
 * - retryAfterMs: what the server asked for, if anything.
 * - random: jitter source in [0, 1), Math.random.
 */
export function backoffDelay(
  attempt: number,
  {
    baseDelayMs = 500,
    maxDelayMs = 30_000,
    retryAfterMs,
    random = Math.random
  }: {baseDelayMs?: number; maxDelayMs?: number; retryAfterMs?: number; random?: () => number} = {}
): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return Math.min(retryAfterMs, maxDelayMs);
  return Math.round(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt));
}
