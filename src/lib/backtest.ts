import {CASH, SMALL, type Holding} from "./switching-rules.js";

/** A change of holding at a close: sold `from`, bought `to`, held from the next day. */
export interface Switch {
  /** Position of the close at which the switch is made, in the full arrays. */
  index: number;
  from: Holding;
  to: Holding;
  /** Equity after the switch's cost. */
  equity: number;
}

/** A strategy's run: equity from 1 at `start` to `end` (run-local: equity[k] is at position start + k), its switches and days in the small fund. */
export interface BacktestRun {
  start: number;
  end: number;
  equity: Float64Array;
  switches: Switch[];
  /** Days of the run (returns from start + 1 to end) spent holding the small fund. */
  daysSmall: number;
}

/**
 * Equity of a switching strategy from its positions. Equity is 1 at the
 * close `start`, holding positions[start]; over day t it earns the return of
 * what positions[t − 1] holds (index[t] / index[t − 1] − 1 of `indexes[holding]`).
 * A switch is a close t, start < t < end, where positions[t] differs from
 * positions[t − 1]: it pays `cost` basis points of the value traded, which is
 * the sale plus the purchase, so a switch between the two funds trades twice
 * the equity and one into or out of cash (not a traded security) once. The
 * first position costs nothing (neither does holding a fund) and a signal at
 * the last close acts after the run, so it is not a switch. NaN returns propagate.
 *
 * - start, end: positions of the first and last close of the run, 0 ≤ start ≤ end < length
 * - cost: basis points of the traded value, ≥ 0 (default 0)
 */
export function backtest(
  indexes: readonly [large: ArrayLike<number>, small: ArrayLike<number>, cash?: ArrayLike<number>],
  positions: ArrayLike<number>,
  {start, end, cost = 0}: {start: number; end: number; cost?: number}
): BacktestRun {
  const n = positions.length;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end >= n)
    throw new Error(`invalid run: ${start} to ${end} of ${n} closes`);
  if (!(cost >= 0) || !Number.isFinite(cost)) throw new Error(`invalid cost: ${cost}`);
  for (const index of indexes)
    if (index && index.length !== n) throw new Error(`length mismatch: ${index.length} vs ${n}`);
  const rate = cost / 10_000;
  const equity = new Float64Array(end - start + 1);
  const switches: Switch[] = [];
  let level = 1;
  let daysSmall = 0;
  equity[0] = level;
  for (let t = start + 1; t <= end; ++t) {
    const held = positions[t - 1] as Holding;
    const index = indexes[held];
    if (!index) throw new Error(`no index for holding ${held} at position ${t - 1}`);
    level *= index[t] / index[t - 1];
    if (held === SMALL) ++daysSmall;
    const next = positions[t] as Holding;
    if (t < end && next !== held) {
      const legs = (held === CASH ? 0 : 1) + (next === CASH ? 0 : 1);
      level *= 1 - rate * legs;
      switches.push({index: t, from: held, to: next, equity: level});
    }
    equity[t - start] = level;
  }
  return {start, end, equity, switches, daysSmall};
}
