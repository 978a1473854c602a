import * as Plot from "@observablehq/plot";
import type {EpisodeOutcome} from "../lib/persistence-study.js";
import {OUTCOME_COLOR, outcomeName} from "./episode-timeline.js";

/**
 * The distribution of forward outcomes: a histogram of each known episode's
 * spread over the horizon from its start, persisted (above 0) in green, faded
 * in red, with a rule at 0.
 *
 * - width: chart width in pixels (default 640)
 * - horizon: the outcome horizon in days, for the axis label (default 126)
 */
export function outcomeChart(
  episodes: readonly EpisodeOutcome[],
  {width = 640, horizon = 126}: {width?: number; horizon?: number} = {}
) {
  const known = episodes
    .filter((e) => Number.isFinite(e.forward))
    .map((e) => ({label: e.label, forward: e.forward, outcome: outcomeName(e)}));
  return Plot.plot({
    width,
    height: 240,
    marginLeft: 45,
    x: {label: `Small minus large over the ${horizon} days after the start (points) →`},
    y: {label: "Episodes", grid: true, interval: 1, tickFormat: "d"},
    color: {...OUTCOME_COLOR, legend: true},
    marks: [
      Plot.rectY(
        known,
        Plot.binX<Plot.RectYOptions>({y: "count"}, {x: "forward", fill: "outcome", thresholds: 20, tip: true})
      ),
      Plot.ruleX([0], {stroke: "currentColor"}),
      Plot.ruleY([0])
    ]
  });
}
