import {rollingReturn} from "./rolling-return.js";
import {checkWindow} from "./rolling.js";
import {rollingSpread} from "./spread.js";
import {sma} from "./moving-average.js";

/**
 * Position series of the small/large switching rules: positions[t] is what
 * is held over day t + 1's return, decided from closes up to and including t
 * only (so a signal never acts on its own day). Codes: LARGE, SMALL, CASH.
 * Every rule holds the large fund while its indicator is still warming up
 * (NaN), as its definition's "otherwise" says. Inputs are total-return
 * indexes on one calendar (see alignOnCommonDates).
 */
export const LARGE = 0;
export const SMALL = 1;
export const CASH = 2;
export type Holding = typeof LARGE | typeof SMALL | typeof CASH;

/** The switching rules, as the page's `rule` parameter names them. */
export const RULES = ["trend", "spread", "momentum"] as const;
export type RuleName = (typeof RULES)[number];

/** A rule with its parameters: trend (ma days), spread (window days, enter and exit in points), momentum (window days). */
export type Rule =
  | {rule: "trend"; ma: number}
  | {rule: "spread"; window: number; enter: number; exit: number}
  | {rule: "momentum"; window: number};

/**
 * Trend: small when the ratio small ÷ large at t is above its `ma`-day simple
 * moving average at t, otherwise large.
 *
 * - ma: the average's length in days, an integer ≥ 1 (default 200)
 */
export function trendPositions(
  small: ArrayLike<number>,
  large: ArrayLike<number>,
  {ma = 200}: {ma?: number} = {}
): Uint8Array {
  checkWindow(ma);
  const n = checkLengths(small, large);
  const ratio = new Float64Array(n);
  for (let i = 0; i < n; ++i) ratio[i] = small[i] / large[i];
  const average = sma(ratio, {window: ma});
  const out = new Uint8Array(n);
  for (let i = 0; i < n; ++i) if (ratio[i] > average[i]) out[i] = SMALL;
  return out;
}

/**
 * Spread with hysteresis: small from the close where the `window`-day spread
 * (points, see rollingSpread) is above `enter`, back to large from the close
 * where it is below `exit`; in between, the last holding stays. The state runs
 * from the first close of the data, so a run's first position depends on
 * history before it, as a trader's would.
 *
 * - window: the spread's span in days, an integer ≥ 1 (default 63)
 * - enter: the spread in points above which to hold small (default 0)
 * - exit: the spread in points below which to go back to large, at most `enter` (default 0)
 */
export function spreadPositions(
  small: ArrayLike<number>,
  large: ArrayLike<number>,
  {window = 63, enter = 0, exit = 0}: {window?: number; enter?: number; exit?: number} = {}
): Uint8Array {
  checkWindow(window);
  if (!Number.isFinite(enter)) throw new Error(`invalid enter: ${enter}`);
  // An exit above the entry would flip the holding every day the spread sits between them.
  if (!Number.isFinite(exit) || exit > enter)
    throw new Error(`invalid exit: ${exit} (must be at most enter, ${enter})`);
  checkLengths(small, large);
  return hysteresis(rollingSpread(small, large, {window}), enter, exit);
}

/** The hysteresis state machine alone, on a precomputed spread (the sensitivity grid reuses one spread for many thresholds). */
export function hysteresis(spread: ArrayLike<number>, enter: number, exit: number): Uint8Array {
  const out = new Uint8Array(spread.length);
  let held: Holding = LARGE;
  for (let i = 0; i < spread.length; ++i) {
    const s = spread[i];
    if (held === LARGE && s > enter) held = SMALL;
    else if (held === SMALL && s < exit) held = LARGE;
    out[i] = held;
  }
  return out;
}

/**
 * Dual momentum: whichever fund had the higher `window`-day total return at t
 * (large on a tie), or cash when that return is below cash's over the same
 * days (the compounded risk-free rate, from `cash`, a cash index such as
 * compoundIndex of daily risk-free returns).
 *
 * - window: the look-back in days, an integer ≥ 1 (default 252)
 */
export function momentumPositions(
  small: ArrayLike<number>,
  large: ArrayLike<number>,
  cash: ArrayLike<number>,
  {window = 252}: {window?: number} = {}
): Uint8Array {
  checkWindow(window);
  const n = checkLengths(small, large);
  if (cash.length !== n) throw new Error(`length mismatch: ${cash.length} cash values for ${n} days`);
  const rs = rollingReturn(small, {window});
  const rl = rollingReturn(large, {window});
  const rc = rollingReturn(cash, {window});
  const out = new Uint8Array(n);
  for (let i = 0; i < n; ++i) {
    const best = rs[i] > rl[i] ? rs[i] : rl[i];
    // A NaN cash return (no rate known yet) never sends the holding to cash.
    if (best < rc[i]) out[i] = CASH;
    else if (rs[i] > rl[i]) out[i] = SMALL;
  }
  return out;
}

/** The positions of any rule (see the functions above); `cash` is needed by momentum only. */
export function rulePositions(
  small: ArrayLike<number>,
  large: ArrayLike<number>,
  cash: ArrayLike<number>,
  rule: Rule
): Uint8Array {
  switch (rule.rule) {
    case "trend":
      return trendPositions(small, large, rule);
    case "spread":
      return spreadPositions(small, large, rule);
    case "momentum":
      return momentumPositions(small, large, cash, rule);
    default:
      throw new Error(`unknown rule: ${(rule as {rule: unknown}).rule}`);
  }
}

function checkLengths(small: ArrayLike<number>, large: ArrayLike<number>): number {
  if (small.length !== large.length) throw new Error(`length mismatch: ${small.length} vs ${large.length}`);
  return small.length;
}
