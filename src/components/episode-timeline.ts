import * as Plot from "@observablehq/plot";
import {formatNumber} from "../lib/format.js";
import type {EpisodeOutcome} from "../lib/persistence-study.js";

/** Outcome names and colours shared by the timeline, the table and the outcome chart. */
export const OUTCOME_COLOR = {domain: ["persisted", "faded", "too recent"], range: ["#1a9850", "#d73027", "#999999"]};

/** "persisted", "faded" or "too recent" for an episode's forward outcome. */
export function outcomeName(e: Pick<EpisodeOutcome, "persisted">): string {
  return e.persisted === null ? "too recent" : e.persisted ? "persisted" : "faded";
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The rolling spread through time with the threshold drawn across it and
 * each episode shaded from its start to its end (to the last day while open),
 * coloured by what followed; episodes are labelled by start month when few
 * enough are in view to read.
 *
 * - width: chart width in pixels (default 640)
 * - threshold: the episode threshold in points (default 5)
 * - exit: the level at or below which an episode ends, drawn dotted when it differs from the threshold (default the threshold)
 * - window: the spread's window in days, for the axis label (default 63)
 * - horizon: the outcome horizon in days, for the tips (default 126)
 * - from: first date shown, epoch ms (default everything)
 * - maxLabels: label episodes only when at most this many are in view (default 30)
 */
export function episodeTimeline(
  study: {date: Float64Array; spread: Float64Array; episodes: readonly EpisodeOutcome[]},
  {
    width = 640,
    threshold = 5,
    exit = threshold,
    window = 63,
    horizon = 126,
    from = -Infinity,
    maxLabels = 30
  }: {
    width?: number;
    threshold?: number;
    exit?: number;
    window?: number;
    horizon?: number;
    from?: number;
    maxLabels?: number;
  } = {}
): SVGSVGElement | HTMLElement {
  const {date, spread} = study;
  const last = date.length ? date[date.length - 1] : NaN;
  const points: {date: Date; spread: number}[] = [];
  for (let i = 0; i < date.length; ++i)
    if (date[i] >= from && Number.isFinite(spread[i])) points.push({date: new Date(date[i]), spread: spread[i]});
  const shown = study.episodes
    .filter((e) => (e.end === null ? last : e.endDate) >= from)
    .map((e) => ({
      ...e,
      x1: new Date(Math.max(e.startDate, from)),
      // A one-day episode still gets a visible band: it runs to the next day.
      x2: new Date((e.end === null ? last : e.endDate) + 86_400_000),
      outcome: outcomeName(e)
    }));
  const tip = (e: (typeof shown)[number]) =>
    `${e.label}: ${day(e.startDate)} → ${e.end === null ? "open" : day(e.endDate)} (${e.duration} days)\npeak ${formatNumber(e.peakValue)} points on ${day(e.peakDate)}\n${horizon}-day spread from the start: ${Number.isFinite(e.forward) ? `${formatNumber(e.forward)} points` : "not yet known"}`;
  return Plot.plot({
    width,
    height: 340,
    marginLeft: 50,
    marginRight: 64,
    marginTop: shown.length <= maxLabels ? 40 : 20,
    x: {type: "utc", label: null},
    y: {label: `${window}-day spread (points)`, grid: true},
    color: {...OUTCOME_COLOR, legend: true},
    marks: [
      Plot.rect(shown, {x1: "x1", x2: "x2", fill: "outcome", fillOpacity: 0.25}),
      Plot.ruleY([0], {strokeOpacity: 0.5}),
      Plot.ruleY([threshold], {stroke: "#f28e2b", strokeDasharray: "4,3", strokeWidth: 1.5}),
      exit !== threshold ? Plot.ruleY([exit], {stroke: "#f28e2b", strokeDasharray: "1,3", strokeWidth: 1.5}) : null,
      Plot.lineY(points, {x: "date", y: "spread", strokeWidth: 1}),
      Plot.dot(shown, {
        x: (e) => new Date(e.peakDate),
        y: "peakValue",
        fill: "outcome",
        r: 3,
        stroke: "var(--theme-background)",
        strokeWidth: 0.5
      }),
      Plot.tip(shown, Plot.pointerX({x: (e) => new Date(e.peakDate), y: "peakValue", title: tip})),
      shown.length <= maxLabels
        ? Plot.text(shown, {
            x: "x1",
            text: "label",
            frameAnchor: "top",
            dy: -6,
            rotate: -45,
            textAnchor: "start",
            fontSize: 10,
            fill: "currentColor"
          })
        : null,
      // In the right margin, beside its rule: inside the frame it sat on the series.
      Plot.text([`threshold\n${formatNumber(threshold, {digits: threshold % 1 ? 1 : 0})} points`], {
        y: threshold,
        frameAnchor: "right",
        dx: 6,
        textAnchor: "start",
        fill: "#f28e2b",
        fontSize: 10
      }),
      exit !== threshold
        ? Plot.text([`exit\n${formatNumber(exit, {digits: exit % 1 ? 1 : 0})} points`], {
            y: exit,
            frameAnchor: "right",
            dx: 6,
            textAnchor: "start",
            fill: "#f28e2b",
            fontSize: 10
          })
        : null
    ]
  });
}
