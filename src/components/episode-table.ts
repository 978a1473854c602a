import type {EpisodeOutcome} from "../lib/persistence-study.js";
import {formatNumber} from "../lib/format.js";
import {dataTable} from "./data-table.js";
import {outcomeName} from "./episode-timeline.js";

const day = (t: number) => (Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : "–");
const points = (x: number) => formatNumber(x, {sign: true});

/**
 * Every episode, newest first: label (start month), start, end, duration,
 * peak, the forward spread over the horizon (points), whether it counts as
 * independent and whether it persisted. Each row carries data-label (YYYY-MM),
 * data-start and data-end (YYYY-MM-DD, or "open"), data-independent ("yes" or "no") and data-outcome.
 *
 * - horizon: the outcome horizon in days, for the column title (default 126)
 */
export function episodeTable(
  episodes: readonly EpisodeOutcome[],
  {horizon = 126}: {horizon?: number} = {}
): HTMLElement {
  const end = (e: EpisodeOutcome) => (e.end === null ? "open" : day(e.endDate));
  const table = dataTable(
    [...episodes].reverse(),
    [
      {label: "Episode", value: (e) => e.label, nowrap: true},
      {label: "Start", value: (e) => day(e.startDate), nowrap: true},
      {label: "End", value: end, nowrap: true},
      {label: "Days", value: (e) => String(e.duration), numeric: true},
      {label: "Peak day", value: (e) => day(e.peakDate), nowrap: true},
      {label: "Peak (points)", value: (e) => points(e.peakValue), numeric: true},
      {label: `${horizon}-day spread from start (points)`, value: (e) => points(e.forward), numeric: true},
      {
        label: "Independent",
        value: (e) => (e.independent ? "yes" : "no"),
        title: `Starts after the previous independent episode's ${horizon}-day outcome window ended`
      },
      {
        label: "Persisted",
        value: (e) => (e.persisted === null ? "too recent" : e.persisted ? "yes" : "no"),
        nowrap: true
      }
    ],
    {
      className: "episode-table",
      data: (e) => ({
        label: e.label,
        start: day(e.startDate),
        end: end(e),
        independent: e.independent ? "yes" : "no",
        outcome: outcomeName(e)
      })
    }
  );
  const wrap = document.createElement("div");
  // A scroll box on screen only (style.css): printed, the table runs on whole.
  wrap.className = "episode-table-wrap";
  wrap.append(table);
  return wrap;
}
