// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {OUTCOME_COLOR} from "../../src/components/episode-timeline.js";
import {outcomeChart} from "../../src/components/outcome-chart.js";
import {persistenceStudy} from "../../src/lib/persistence-study.js";
import {expectPixel, markElements, normalise, offset, tickPixel, weekdays, yTicks} from "./snapshot.js";

// 155 weekdays from 2024 of a small index swinging around a steadily rising large one (two sine waves,
// the episode timeline's inputs run on), 5-day spread, 2-point threshold, 6-day outcomes: ten known
// outcomes, three of them faded, and an episode open at the end.
const N = 155;
const date = weekdays(Date.UTC(2024, 0, 2), N);
const large = Float64Array.from({length: N}, (_, i) => 1 + 0.001 * i);
const small = Float64Array.from(
  {length: N},
  (_, i) => large[i] * (1 + 0.04 * Math.sin(i / 3) + 0.02 * Math.sin(i / 1.7))
);
const {episodes} = persistenceStudy({date, small, large}, {window: 5, threshold: 2, exit: 2, horizon: 6});
const known = episodes.filter((e) => Number.isFinite(e.forward));

describe("outcomeChart(episodes, {horizon})", () => {
  const chart = outcomeChart(episodes, {horizon: 6});

  it("the episodes include both outcomes and one not yet known", () => {
    expect(known.some((e) => e.persisted)).toBe(true);
    expect(known.some((e) => !e.persisted)).toBe(true);
    expect(known.map((e) => e.persisted)).toEqual([false, true, true, false, true, true, true, true, false, true]);
    expect(episodes).toHaveLength(11);
  });

  it("matches the snapshot", async () => {
    await expect(normalise(chart)).toMatchFileSnapshot("./__snapshots__/outcome-chart.html");
  });

  it("counts each known episode once: bar heights on the y axis add up to the known episodes, by outcome", () => {
    const ticks = yTicks(chart);
    const zero = tickPixel(ticks, 0);
    const perEpisode = zero - tickPixel(ticks, 1);
    const bars = markElements(chart, "rect");
    const count = (fill: string) =>
      bars
        .filter((b) => b.getAttribute("fill") === fill)
        .reduce((n, b) => n + +b.getAttribute("height")! / perEpisode, 0);
    const [persisted, faded, recent] = OUTCOME_COLOR.range;
    expect(count(persisted)).toBeCloseTo(known.filter((e) => e.persisted).length, 1);
    expect(count(faded)).toBeCloseTo(known.filter((e) => !e.persisted).length, 1);
    expect(count(recent)).toBe(0);
  });

  it("puts persisted bars right of the zero rule and faded ones left of it", () => {
    const rule = markElements(chart, "rule")[0];
    const zero = +rule.getAttribute("x1")! + offset(rule)[0];
    const [persisted, faded] = OUTCOME_COLOR.range;
    for (const b of markElements(chart, "rect")) {
      const x1 = +b.getAttribute("x")! + offset(b)[0];
      const x2 = x1 + +b.getAttribute("width")!;
      if (b.getAttribute("fill") === persisted) expect(x1).toBeGreaterThanOrEqual(zero - 1);
      if (b.getAttribute("fill") === faded) expect(x2).toBeLessThanOrEqual(zero + 1);
    }
    expectPixel(zero, chart.scale("x")!.apply(0) as number, "zero rule");
  });

  it("says the horizon on the x axis and names the outcomes in the legend", () => {
    expect(chart.querySelector('g[aria-label="x-axis label"]')!.textContent).toBe(
      "Small minus large over the 6 days after the start (points) →"
    );
    expect([...chart.querySelectorAll("span")].map((s) => s.textContent)).toEqual(["persisted", "faded", "too recent"]);
  });
});
