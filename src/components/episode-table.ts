import type {EpisodeOutcome} from "../lib/persistence-study.js";
import {formatNumber} from "../lib/format.js";
import {outcomeName} from "./episode-timeline.js";

const day = (t: number) => (Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : "–");
const points = (x: number) => formatNumber(x, {sign: true});

/**
 * Every episode, newest first: label (start month), start, end, duration,
 * peak, the forward spread over the horizon and whether it persisted. Each
 * row carries data-label (YYYY-MM), data-start and data-end (YYYY-MM-DD, or "open") and data-outcome.
 *
 * - horizon: the outcome horizon in days, for the column title (default 126)
 */
export function episodeTable(
  episodes: readonly EpisodeOutcome[],
  {horizon = 126}: {horizon?: number} = {}
): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "episode-table-wrap";
  wrap.style.maxHeight = "440px";
  wrap.style.overflow = "auto";
  const table = document.createElement("table");
  table.className = "episode-table";
  const right = ' style="text-align:right"';
  table.innerHTML = `<thead><tr><th>Episode</th><th>Start</th><th>End</th><th${right}>Days</th><th>Peak day</th><th${right}>Peak (points)</th><th${right}>${horizon}-day spread from start (points)</th><th>Persisted</th></tr></thead>`;
  const body = table.createTBody();
  for (const e of [...episodes].reverse()) {
    const tr = body.insertRow();
    tr.dataset.label = e.label;
    tr.dataset.start = day(e.startDate);
    tr.dataset.end = e.end === null ? "open" : day(e.endDate);
    tr.dataset.outcome = outcomeName(e);
    const cells = [
      e.label,
      day(e.startDate),
      e.end === null ? "open" : day(e.endDate),
      String(e.duration),
      day(e.peakDate),
      points(e.peakValue),
      points(e.forward),
      e.persisted === null ? "too recent" : e.persisted ? "yes" : "no"
    ];
    cells.forEach((text, i) => {
      const td = tr.insertCell();
      td.textContent = text;
      if ([3, 5, 6].includes(i)) td.style.textAlign = "right";
      else td.style.whiteSpace = "nowrap";
    });
  }
  wrap.append(table);
  return wrap;
}
