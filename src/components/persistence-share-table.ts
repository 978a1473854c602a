import type {PersistenceStudy} from "../lib/persistence-study.js";
import {formatPercent} from "../lib/format.js";
import {dataTable} from "./data-table.js";

const percent = (x: number) => formatPercent(x, {digits: 0});
const range = (lower: number, upper: number) => (Number.isFinite(lower) ? `${percent(lower)}–${percent(upper)}` : "–");

/**
 * The share of episodes that persisted, counted two ways: one row for the
 * independent episodes with Wilson's interval, one for all episodes with the
 * block bootstrap's, each naming its interval. Rows carry data-count
 * ("independent" or "all").
 *
 * - horizon: the outcome horizon in days, for the wording (default 126)
 */
export function persistenceShareTable(
  {independent, all}: Pick<PersistenceStudy, "independent" | "all">,
  {horizon = 126}: {horizon?: number} = {}
): HTMLTableElement {
  const rows = [
    {
      count: "independent",
      name: "Independent episodes",
      n: independent.n,
      persisted: independent.persisted,
      share: independent.estimate,
      interval: range(independent.lower, independent.upper),
      method: `Wilson score: each episode starts after the previous counted one's ${horizon}-day outcome ended, so the outcomes share no day`
    },
    {
      count: "all",
      name: "All episodes",
      n: all.n,
      persisted: all.successes,
      share: all.estimate,
      interval: range(all.lower, all.upper),
      method: `Circular block bootstrap: blocks of ${all.block} trading days (twice the horizon) keep overlapping outcomes together; ${all.resamples.toLocaleString("en-US")} resamples, seed ${all.seed}`
    }
  ];
  return dataTable(
    rows,
    [
      {label: "Episodes", value: (r) => r.name, nowrap: true},
      {label: "Judged", value: (r) => String(r.n), numeric: true, title: `Episodes ${horizon} days old or more`},
      {label: "Persisted", value: (r) => String(r.persisted), numeric: true},
      {label: "Share", value: (r) => (r.n ? percent(r.share) : "–"), numeric: true},
      {label: "95% interval", value: (r) => r.interval, numeric: true, nowrap: true},
      {label: "Interval", value: (r) => r.method}
    ],
    {className: "persistence-share-table", data: (r) => ({count: r.count})}
  );
}
