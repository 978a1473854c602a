// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {valuationRatioChart, type RatioPoint} from "../../src/components/valuation-ratio-chart.js";
import {expectPixel, markElements, normalise, offset, pathPoints, tickPixel, yTicks} from "./snapshot.js";

// 36 month-ends, 2022–2024, of a small/big BE/ME ratio that climbs from 1.35 to 2.3 and eases back:
// small caps getting cheaper relative to large, as in French's monthly breakpoints.
const RATIOS = [
  1.35, 1.38, 1.42, 1.4, 1.45, 1.52, 1.5, 1.48, 1.55, 1.6, 1.58, 1.63, 1.7, 1.74, 1.72, 1.8, 1.86, 1.9, 1.95, 2.02, 2.1,
  2.06, 2.15, 2.2, 2.28, 2.3, 2.25, 2.18, 2.12, 2.16, 2.08, 2.0, 1.96, 2.04, 1.98, 1.92
];
const POINTS: RatioPoint[] = RATIOS.map((ratio, i) => ({date: new Date(Date.UTC(2022, i + 1, 0)), ratio}));
const MEDIAN = 1.91; // the mean of the 18th and 19th of the 36 sorted ratios, 1.90 and 1.92
const CURRENT = {...POINTS[POINTS.length - 1], label: "1.92×"};

describe("valuationRatioChart(points, {median, current})", () => {
  const chart = valuationRatioChart(POINTS, {
    width: 640,
    median: MEDIAN,
    current: CURRENT,
    title: "Small caps vs large: book-to-market"
  });

  it("the median is the points' median", () => {
    const sorted = [...RATIOS].sort((a, b) => a - b);
    expect((sorted[17] + sorted[18]) / 2).toBeCloseTo(MEDIAN, 12);
  });

  it("matches the snapshot", async () => {
    await expect(normalise(chart)).toMatchFileSnapshot("./__snapshots__/valuation-ratio-chart.html");
  });

  it("draws the ratio on the log axis, the median rule at the median and today's dot at today's ratio", () => {
    const ticks = yTicks(chart);
    // The component's fixed ticks span 0.5–15 for the 1926– history; Plot draws all of them, those
    // outside this data's range beyond the frame (clipped by the svg), so only 1.5 and 2 are in view.
    const frame = ticks.filter(([, y]) => y >= 0 && y <= 300);
    expect(frame.map(([v]) => v)).toEqual([1.5, 2]);
    const log = (ticks: [number, number][], v: number) => tickPixel(ticks, v, Math.log);
    const line = pathPoints(markElements(chart, "line")[0]);
    expect(line).toHaveLength(RATIOS.length);
    line.forEach(([, y], i) => expectPixel(y, log(ticks, RATIOS[i]), `ratio ${i}`));
    const rule = markElements(chart, "rule")[0];
    expectPixel(+rule.getAttribute("y1")! + offset(rule)[1], log(ticks, MEDIAN), "median");
    const dot = markElements(chart, "dot")[0];
    expectPixel(+dot.getAttribute("cy")! + offset(dot)[1], log(ticks, CURRENT.ratio), "current");
    expectPixel(+dot.getAttribute("cx")! + offset(dot)[0], line[line.length - 1][0], "current date");
  });

  it("labels the median and today's value", () => {
    expect(markElements(chart, "text").map((t) => t.textContent)).toEqual(["median 1.91", "1.92×"]);
    expect(chart.querySelector("h2")!.textContent).toBe("Small caps vs large: book-to-market");
  });

  it("leaves out the median and the dot when not given", () => {
    const bare = valuationRatioChart(POINTS, {median: NaN});
    expect(markElements(bare, "rule")).toHaveLength(0);
    expect(markElements(bare, "dot")).toHaveLength(0);
    expect(markElements(bare, "text")).toHaveLength(0);
  });
});
