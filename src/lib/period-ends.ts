import {utcWeek} from "d3";

/** The sampling of a relative rotation graph: the last close of each week, or every close. */
export type Interval = "weekly" | "daily";
export const INTERVALS: readonly Interval[] = ["weekly", "daily"];

/**
 * Positions of the last close of each period in sorted `dates` (epoch ms at
 * 00:00 UTC): for weekly, the last close of each UTC week (Sunday to
 * Saturday, d3's utcWeek), which is the Friday close unless Friday was a
 * holiday; for daily, every position. The last date always counts, so a week
 * still under way ends at its latest close, as charting sites draw it.
 *
 * - interval: "weekly" or "daily" (default "weekly")
 */
export function periodEnds(dates: ArrayLike<number>, {interval = "weekly"}: {interval?: Interval} = {}): Int32Array {
  if (interval === "daily") return Int32Array.from({length: dates.length}, (_, i) => i);
  if (interval !== "weekly") throw new Error(`invalid interval: ${interval}`);
  const out: number[] = [];
  for (let i = 0; i < dates.length; ++i) {
    if (i === dates.length - 1 || +utcWeek.floor(new Date(dates[i + 1])) !== +utcWeek.floor(new Date(dates[i])))
      out.push(i);
  }
  return Int32Array.from(out);
}
