// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {ratioChart, spreadChart} from "../../src/components/spread-chart.js";
import {pairStudy, type PairStudy} from "../../src/lib/pair-study.js";
import type {TickerPrices} from "../../src/lib/price-panel.js";
import {
  expectPixel,
  markGroups,
  normalise,
  offset,
  pathPoints,
  svgOf,
  tickPixel,
  weekdays,
  yTicks
} from "./snapshot.js";

const N = 40;
const DATES = weekdays(Date.UTC(2025, 0, 2), N);

/** A fund whose total-return index is close / close[0] (no dividends). */
function fund(ticker: string, close: (i: number) => number): TickerPrices {
  const c = Float64Array.from({length: N}, (_, i) => Math.round(close(i) * 100) / 100);
  return {ticker, date: DATES, close: c, adjClose: c, dividend: new Float64Array(N), index: c.map((v) => v / c[0])};
}

// Two pairs over 40 weekdays of 2025 with a 5-day spread: IJR swings around a steady IVV, so its spread
// crosses zero four times; IWC slides against SPY and then recovers, so its spread is mostly negative.
const STUDIES: PairStudy[] = [
  pairStudy(
    fund("IJR", (i) => 100 * (1 + 0.004 * i + 0.03 * Math.sin(i / 4))),
    fund("IVV", (i) => 500 * (1 + 0.003 * i)),
    {window: 5, ratioAverage: 10}
  ),
  pairStudy(
    fund("IWC", (i) => 120 * (1 - 0.006 * i + 0.0002 * i * i)),
    fund("SPY", (i) => 580 * (1 + 0.002 * i)),
    {window: 5, ratioAverage: 10}
  )
];

/** The day drawn at pixel x (days are 13 px apart; strokes sit half a pixel right of their scale value). */
function dayAt(chart: ReturnType<typeof spreadChart>) {
  const x = chart.scale("x")!;
  const xs = Array.from(DATES, (t) => x.apply(new Date(t)) as number);
  return (px: number) => {
    const i = xs.findIndex((v) => Math.abs(v - px) <= 0.6);
    if (i < 0) throw new Error(`no day at x = ${px}`);
    return i;
  };
}

describe("spreadChart(studies, {window})", () => {
  const chart = spreadChart(STUDIES, {window: 5});

  it("matches the snapshot", async () => {
    await expect(normalise(chart)).toMatchFileSnapshot("./__snapshots__/spread-chart.svg");
  });

  it("has one panel per pair, in the studies' order", () => {
    const labels = svgOf(chart).querySelectorAll('g[aria-label="fy-axis tick label"] text');
    expect([...labels].map((t) => t.textContent)).toEqual(["IJR−IVV", "IWC−SPY"]);
  });

  it("fills green exactly on the days with a positive spread and red exactly on the negative ones", () => {
    const day = dayAt(chart);
    const [green, red] = markGroups(chart, "area");
    STUDIES.forEach((s, k) => {
      const positive = Array.from(s.spread.keys()).filter((i) => s.spread[i] > 0);
      const negative = Array.from(s.spread.keys()).filter((i) => s.spread[i] < 0);
      expect(positive.length).toBeGreaterThan(0);
      expect(negative.length).toBeGreaterThan(0);
      for (const [group, colour, days, side] of [
        [green, "#1a9850", positive, -1],
        [red, "#d73027", negative, 1]
      ] as const) {
        const panel = group.children[k];
        expect(panel.getAttribute("fill")).toBe(colour);
        const points = pathPoints(panel.querySelector("path")!);
        // An area's path runs along its top and back along its baseline, here y = 0.
        const zero = points[points.length - 1][1];
        expectPixel(zero, tickPixel(yTicks(chart, {facet: k}), 0), "baseline");
        const filled = points.filter(([, y]) => (y - zero) * side > 1e-6).map(([x]) => day(x));
        expect(filled).toEqual(days);
      }
    });
  });

  it("draws each day's spread on the line, at the y axis's value for it", () => {
    const day = dayAt(chart);
    const lines = markGroups(chart, "line")[0].children;
    STUDIES.forEach((s, k) => {
      const ticks = yTicks(chart, {facet: k});
      const points = pathPoints(lines[k].querySelector("path")!);
      expect(points).toHaveLength(N - 5); // the first 5 days have no 5-day spread
      for (const [x, y] of points) expectPixel(y, tickPixel(ticks, s.spread[day(x)]), `spread on day ${day(x)}`);
    });
  });
});

describe("ratioChart(studies, {average})", () => {
  const chart = ratioChart(STUDIES, {average: 10});

  it("matches the snapshot", async () => {
    await expect(normalise(chart)).toMatchFileSnapshot("./__snapshots__/ratio-chart.html");
  });

  it("names the ratio and its average in the legend", () => {
    expect([...chart.querySelectorAll("span")].map((s) => s.textContent)).toEqual(["ratio", "10-day average"]);
  });

  it("starts the ratio on the dashed rule at 1, and the average once it has 10 days", () => {
    const x = chart.scale("x")!;
    const [rule] = markGroups(chart, "rule");
    const [ratio, average] = markGroups(chart, "line");
    STUDIES.forEach((s, k) => {
      const line = rule.children[k].querySelector("line")!;
      const one = +line.getAttribute("y1")! + offset(line)[1];
      expectPixel(one, tickPixel(yTicks(chart, {facet: k}), 1), "rule at 1");
      const r = pathPoints(ratio.children[k].querySelector("path")!);
      const a = pathPoints(average.children[k].querySelector("path")!);
      expect(r).toHaveLength(N);
      expectPixel(r[0][1], one, "first ratio");
      expect(a).toHaveLength(N - 9);
      expectPixel(a[0][0], x.apply(new Date(s.date[9])) as number, "first average");
    });
  });
});
