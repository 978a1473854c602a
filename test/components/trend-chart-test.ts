// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {drawdownChart, trendChart} from "../../src/components/trend-chart.js";
import type {TickerPrices} from "../../src/lib/price-panel.js";
import {totalReturnIndex} from "../../src/lib/total-return.js";
import {trendStudy} from "../../src/lib/trend-study.js";
import {
  expectPixel,
  markElements,
  markGroups,
  normalise,
  offset,
  pathPoints,
  svgOf,
  tickPixel,
  weekdays,
  yTicks
} from "./snapshot.js";

// 45 weekdays of a small-cap fund: a slide from 50 to 44, a rally to a high of 53.4, a pullback to 48
// and a recovery to 51.8 that has not yet taken out the high. A 0.40 dividend goes ex on day 30, so the
// total-return line parts from the price line there.
const CLOSE = [
  50.0, 49.6, 49.1, 48.4, 47.9, 47.0, 46.2, 45.8, 45.1, 44.6, 44.0, 44.3, 45.0, 45.9, 46.8, 47.6, 48.5, 49.4, 50.3,
  51.1, 51.9, 52.6, 53.0, 53.4, 52.8, 52.1, 51.2, 50.4, 49.6, 48.9, 48.0, 48.3, 48.9, 49.5, 49.2, 49.9, 50.4, 50.9,
  51.1, 50.8, 51.2, 51.5, 51.3, 51.6, 51.8
];
const N = CLOSE.length;
const DIVIDEND = Array.from(CLOSE, (_, i) => (i === 30 ? 0.4 : 0));

const PRICES: TickerPrices = {
  ticker: "IJR",
  date: weekdays(Date.UTC(2025, 2, 3), N),
  close: Float64Array.from(CLOSE),
  adjClose: new Float64Array(N).fill(NaN),
  dividend: Float64Array.from(DIVIDEND),
  index: totalReturnIndex(CLOSE, {dividend: DIVIDEND})
};
const STUDY = trendStudy(PRICES, {fast: 5, slow: 10});

describe("trendChart(study, {threshold})", () => {
  const chart = trendChart(STUDY, {threshold: 46, fastLabel: "5-day average", slowLabel: "10-day average"});

  it("the inputs have what the chart draws: crossovers both ways and a prior high above the last close", () => {
    expect(STUDY.crossovers.map((c) => c.direction)).toEqual([1, -1, 1]);
    expect(STUDY.priorHigh.value).toBe(53.4);
    expect(STUDY.priorHigh.distance).toBeLessThan(0);
  });

  it("matches the snapshot", async () => {
    await expect(normalise(chart)).toMatchFileSnapshot("./__snapshots__/trend-chart.html");
  });

  it("draws the prior-high rule at the study's priorHigh.value on the y axis, labelled with it", () => {
    const ticks = yTicks(chart);
    const [high, threshold] = markElements(chart, "rule");
    const y = (rule: Element) => +rule.getAttribute("y1")! + offset(rule)[1];
    expectPixel(y(high), tickPixel(ticks, STUDY.priorHigh.value), "prior high");
    expect(high.parentElement!.getAttribute("stroke")).toBe("#1a9850");
    expectPixel(y(threshold), tickPixel(ticks, 46), "threshold");
    const [label, thresholdLabel] = markElements(chart, "text");
    expect([...label.querySelectorAll("tspan")].map((t) => t.textContent)).toEqual([
      "prior high 53.40",
      "2025-04-03 (-3.0%)"
    ]);
    expect(thresholdLabel.textContent).toBe("threshold 46");
  });

  it("draws the price through each close, and marks each crossover on the slow average", () => {
    const ticks = yTicks(chart);
    const x = chart.scale("x")!;
    const [, price, , slow] = markGroups(chart, "line");
    const points = pathPoints(price.querySelector("path")!);
    expect(points).toHaveLength(N);
    points.forEach(([, y], i) => expectPixel(y, tickPixel(ticks, CLOSE[i]), `close on day ${i}`));
    expect(slow.querySelector("path")!.getAttribute("stroke")).toBe("#4e79a7");
    const dots = markElements(chart, "dot");
    expect(dots).toHaveLength(STUDY.crossovers.length);
    dots.forEach((d, k) => {
      const c = STUDY.crossovers[k];
      const [dx, dy] = offset(d);
      expectPixel(dx, x.apply(new Date(STUDY.date[c.index])) as number, "crossover x");
      expectPixel(dy, tickPixel(ticks, STUDY.slow[c.index]), "crossover y");
      expect(d.getAttribute("stroke")).toBe(c.direction > 0 ? "#1a9850" : "#d73027");
      expect(d.querySelector("title")!.textContent).toMatch(
        c.direction > 0 ? /^5-day average crossed above the 10-day / : /^5-day average crossed below the 10-day /
      );
    });
  });

  it("names the four lines in the legend", () => {
    expect([...chart.querySelectorAll("span")].map((s) => s.textContent)).toEqual([
      "price",
      "total return, rebased to price on 2025-03-03",
      "5-day average",
      "10-day average"
    ]);
  });
});

describe("drawdownChart(study)", () => {
  const chart = drawdownChart(STUDY);

  it("matches the snapshot", async () => {
    await expect(normalise(chart)).toMatchFileSnapshot("./__snapshots__/drawdown-chart.svg");
  });

  it("draws the total-return drawdown in percent, at or below the zero rule, deepest at the study's worst day", () => {
    const ticks = yTicks(chart);
    const line = markGroups(chart, "line")[0];
    const points = pathPoints(line.querySelector("path")!);
    expect(points).toHaveLength(N);
    const rule = markElements(chart, "rule")[0];
    const zero = +rule.getAttribute("y1")! + offset(rule)[1];
    expectPixel(zero, tickPixel(ticks, 0), "zero rule");
    for (const [, y] of points) expect(y).toBeGreaterThanOrEqual(zero - 1);
    const worst = STUDY.drawdown.indexOf(Math.min(...STUDY.drawdown));
    expect(STUDY.drawdown[worst]).toBeCloseTo(44 / 50 - 1, 10); // the 50 → 44 slide, before any dividend
    expect(Math.max(...points.map(([, y]) => y))).toBe(points[worst][1]);
    expectPixel(points[worst][1], tickPixel(ticks, STUDY.drawdown[worst] * 100), "worst drawdown");
    expect(svgOf(chart).getAttribute("height")).toBe("160");
  });
});
