// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {OUTCOME_COLOR, episodeTimeline, outcomeName} from "../../src/components/episode-timeline.js";
import {persistenceStudy} from "../../src/lib/persistence-study.js";
import {
  DAY,
  expectPixel,
  markElements,
  normalise,
  offset,
  pathPoints,
  svgOf,
  tickPixel,
  weekdays,
  yTicks
} from "./snapshot.js";

// 80 weekdays of 2024: a small index swinging around a steadily rising large one (two sine waves, no
// randomness), a 5-day spread and a 2-point threshold (exit at it too: plain runs). That gives a one-day episode, four longer ones
// with known 6-day outcomes (persisted and faded) and one still open at the end.
const N = 80;
const date = weekdays(Date.UTC(2024, 0, 2), N);
const large = Float64Array.from({length: N}, (_, i) => 1 + 0.001 * i);
const small = Float64Array.from(
  {length: N},
  (_, i) => large[i] * (1 + 0.04 * Math.sin(i / 3) + 0.02 * Math.sin(i / 1.7))
);
const STUDY = persistenceStudy({date, small, large}, {window: 5, threshold: 2, exit: 2, horizon: 6});

const colour = (outcome: string) => OUTCOME_COLOR.range[OUTCOME_COLOR.domain.indexOf(outcome)];

describe("episodeTimeline(study, {threshold, window, horizon})", () => {
  const chart = episodeTimeline(STUDY, {threshold: 2, window: 5, horizon: 6});
  const plot = chart as typeof chart & {scale(name: string): {apply(v: unknown): number}};

  it("the study has each kind of episode the chart shades", () => {
    expect(STUDY.episodes.map(outcomeName)).toEqual([
      "faded",
      "persisted",
      "persisted",
      "faded",
      "persisted",
      "too recent"
    ]);
    expect(STUDY.episodes[0].duration).toBe(1);
  });

  it("matches the snapshot", async () => {
    await expect(normalise(chart)).toMatchFileSnapshot("./__snapshots__/episode-timeline.html");
  });

  it("shades each episode from its start to the day after its end (the last day while open), coloured by outcome", () => {
    const x = plot.scale("x");
    const rects = markElements(chart, "rect");
    expect(rects).toHaveLength(STUDY.episodes.length);
    const last = date[N - 1];
    rects.forEach((r, k) => {
      const e = STUDY.episodes[k];
      const x1 = +r.getAttribute("x")! + offset(r)[0];
      expectPixel(x1, x.apply(new Date(e.startDate)), `episode ${k} start`);
      expectPixel(
        x1 + +r.getAttribute("width")!,
        x.apply(new Date((e.end === null ? last : e.endDate) + DAY)),
        `episode ${k} end`
      );
      expect(r.getAttribute("fill")).toBe(colour(outcomeName(e)));
    });
  });

  it("draws the threshold rule at the threshold, the spread through each day and a dot on each peak", () => {
    const ticks = yTicks(chart);
    const [, threshold] = markElements(chart, "rule");
    expect(threshold.parentElement!.getAttribute("stroke")).toBe("#f28e2b");
    expectPixel(+threshold.getAttribute("y1")! + offset(threshold)[1], tickPixel(ticks, 2), "threshold");
    const line = pathPoints(markElements(chart, "line")[0]);
    expect(line).toHaveLength(N - 5); // no 5-day spread for the first 5 days
    line.forEach(([, y], i) => expectPixel(y, tickPixel(ticks, STUDY.spread[i + 5]), `spread on day ${i + 5}`));
    const dots = markElements(chart, "dot");
    expect(dots).toHaveLength(STUDY.episodes.length);
    dots.forEach((d, k) => {
      expectPixel(+d.getAttribute("cy")! + offset(d)[1], tickPixel(ticks, STUDY.episodes[k].peakValue), `peak ${k}`);
      expect(d.getAttribute("fill")).toBe(colour(outcomeName(STUDY.episodes[k])));
    });
  });

  it("labels the episodes by start month and the threshold by its value, and drops episode labels beyond maxLabels", () => {
    // Multi-line labels are tspans: read them line by line.
    const text = (t: Element) => [...t.querySelectorAll("tspan")].map((s) => s.textContent).join(" ") || t.textContent;
    const texts = markElements(chart, "text").map(text);
    expect(texts).toEqual([...STUDY.episodes.map((e) => e.label), "threshold 2 points"]);
    const crowded = episodeTimeline(STUDY, {threshold: 2, maxLabels: 3});
    expect(markElements(crowded, "text").map(text)).toEqual(["threshold 2 points"]);
  });

  it("draws the exit level as a second, dotted rule with its label when it differs from the threshold", () => {
    const withExit = episodeTimeline(STUDY, {threshold: 2, exit: -1, maxLabels: 0});
    const ticks = yTicks(withExit);
    const rules = markElements(withExit, "rule");
    expect(rules).toHaveLength(3);
    const exit = rules[2];
    expect(exit.parentElement!.getAttribute("stroke-dasharray")).toBe("1,3");
    expectPixel(+exit.getAttribute("y1")! + offset(exit)[1], tickPixel(ticks, -1), "exit");
    const text = (t: Element) => [...t.querySelectorAll("tspan")].map((s) => s.textContent).join(" ");
    expect(markElements(withExit, "text").map(text)).toEqual(["threshold 2 points", "exit -1 points"]);
    // Exiting at the threshold draws no second rule.
    expect(markElements(episodeTimeline(STUDY, {threshold: 2, exit: 2}), "rule")).toHaveLength(2);
  });

  it("puts the threshold label in the right margin, clear of the series", () => {
    const label = markElements(chart, "text").at(-1)!;
    const x = +(label.getAttribute("x") ?? 0) + offset(label)[0];
    expect(x).toBeGreaterThan(+svgOf(chart).getAttribute("width")! - 64);
    expect(svgOf(chart).getAttribute("height")).toBe("340");
  });
});
