import {existsSync, readFileSync} from "node:fs";
import {writeFileAtomic} from "./atomic.js";

/** How many requests a provider allows in a sliding window: {max: 50, perMs: 3_600_000, label: "an hour"}. */
export interface Allowance {
  max: number;
  perMs: number;
  /** How a message names the window: "an hour", "a day". */
  label: string;
}

/** Thrown instead of making a request the provider's allowance no longer covers. */
export class QuotaError extends Error {
  override name = "QuotaError";
}

interface Ledger {
  /** Epoch ms of each request made within the longest window. */
  requests: number[];
  /** Epoch ms until which the provider said no (a 429), or null. */
  blockedUntil: number | null;
}

/**
 * A ledger of the requests made to one provider, kept in a file so that
 * builds, pulls and previews in separate processes share one allowance: take()
 * records a request or throws a QuotaError saying when the next one is
 * allowed; block(until) records that the provider itself refused (a 429), so
 * the other tickers of the run and the next runs do not ask again before then.
 * A missing or unreadable ledger counts as empty.
 * - allowances: the provider's limits
 * - now: the clock, Date.now
 */
export function requestBudget(
  path: string,
  {allowances, now = Date.now}: {allowances: readonly Allowance[]; now?: () => number}
): {take(): void; block(until: number): void} {
  const longest = Math.max(0, ...allowances.map((a) => a.perMs));
  const read = (t: number): Ledger => {
    try {
      if (!existsSync(path)) return {requests: [], blockedUntil: null};
      const json = JSON.parse(readFileSync(path, "utf8"));
      const requests = Array.isArray(json.requests) ? json.requests.filter(Number.isFinite) : [];
      const blockedUntil = Number.isFinite(json.blockedUntil) ? json.blockedUntil : null;
      return {requests: requests.filter((r: number) => r > t - longest && r <= t), blockedUntil};
    } catch {
      return {requests: [], blockedUntil: null};
    }
  };
  const at = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return {
    take() {
      const t = now();
      const ledger = read(t);
      if (ledger.blockedUntil !== null && ledger.blockedUntil > t)
        throw new QuotaError(`the provider said its quota is spent; no request until ${at(ledger.blockedUntil)}`);
      for (const {max, perMs, label} of allowances) {
        const inWindow = ledger.requests.filter((r) => r > t - perMs);
        if (inWindow.length >= max) {
          const freeAt = inWindow[inWindow.length - max] + perMs;
          throw new QuotaError(
            `${inWindow.length} requests made in the last ${label.replace(/^an? /, "")} and the allowance is ${max} ${label}; ` +
              `the next is allowed after ${at(freeAt)}`
          );
        }
      }
      writeFileAtomic(path, JSON.stringify({requests: [...ledger.requests, t], blockedUntil: ledger.blockedUntil}));
    },
    block(until) {
      const t = now();
      const ledger = read(t);
      writeFileAtomic(
        path,
        JSON.stringify({requests: ledger.requests, blockedUntil: Math.max(until, ledger.blockedUntil ?? 0)})
      );
    }
  };
}
