// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {logTicks} from "../../src/components/log-ticks.js";
import {regimeTimeline} from "../../src/components/regime-timeline.js";
import {valuationChart} from "../../src/components/valuation-chart.js";
import {svgOf} from "./snapshot.js";

describe("logTicks(values)", () => {
  it("labels the range of the data up to its top: a ratio reaching 15.6 gets 10 and 15, nothing below its minimum", () => {
    expect(logTicks([0.72, 2.3, 15.6, NaN])).toEqual([1, 1.5, 2, 3, 4, 6, 10, 15]);
    expect(logTicks([0.18, 2.6])).toEqual([0.2, 0.3, 0.5, 0.7, 1, 1.5, 2]);
    expect(logTicks([])).toEqual([]);
  });
});

describe("valuationChart(points)", () => {
  it("puts no tick below the frame (onto the year labels) and labels the top of a line reaching 8", () => {
    const points = [0.25, 0.6, 1.2, 8].flatMap((bm, i) => [
      {date: new Date(Date.UTC(1930 + 10 * i, 0, 31)), group: "Smallest quintile (5x5)", bm},
      {date: new Date(Date.UTC(1930 + 10 * i, 0, 31)), group: "Biggest quintile (5x5)", bm: bm / 3}
    ]);
    const labels = [...svgOf(valuationChart(points)).querySelectorAll('g[aria-label="y-axis tick label"] text')].map(
      (t) => t.textContent
    );
    expect(labels).toEqual(["0.1", "0.2", "0.3", "0.5", "0.7", "1", "1.5", "2", "3", "4", "6"]);
  });
});

describe("regimeTimeline(months)", () => {
  // 60 months: growth of $1 from 1 to about 5.8, with every condition on in alternate months.
  const months = Array.from({length: 60}, (_, i) => ({
    date: new Date(Date.UTC(2000, i + 1, 0)),
    next: new Date(Date.UTC(2000, i + 2, 0)),
    cumulative: 1.03 ** i,
    easing: i % 2,
    yieldFalling: i % 2,
    growthAccelerating: i % 2
  }));
  const chart = regimeTimeline(months);
  const [top, strips] = chart.querySelectorAll("svg");
  it("labels every y tick of the growth line (doublings on the log axis)", () => {
    const labels = [...top.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    expect(labels).toEqual(["1", "2", "4"]);
  });
  it("names the strips on the y axis in the left margin, not over the bars", () => {
    const labels = [...strips.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    expect(labels).toEqual(["Fed easing", "10y falling", "Growth accelerating"]);
    expect(strips.querySelector('g[aria-label="text"]')).toBeNull();
  });
});
