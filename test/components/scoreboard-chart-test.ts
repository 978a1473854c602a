// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {scoreboardChart} from "../../src/components/scoreboard-chart.js";
import {SIZE_COLOR} from "../../src/components/size-colors.js";
import {formatPercent} from "../../src/lib/format.js";
import type {ScoreboardRow} from "../../src/lib/scoreboard.js";
import {markElements, markGroups, normalise, svgOf, translateOf} from "./snapshot.js";

// Sorted best first, as scoreboard() returns them; two funds below zero so both label placements are drawn.
const ROWS: ScoreboardRow[] = [
  {
    ticker: "IWC",
    name: "iShares Micro-Cap",
    size: "micro",
    style: "blend",
    totalReturn: 0.124,
    volatility: 0.241,
    maxDrawdown: -0.083,
    startDate: "2025-12-31",
    endDate: "2026-02-27"
  },
  {
    ticker: "IJR",
    name: "iShares Core S&P Small-Cap 600",
    size: "small",
    style: "core",
    totalReturn: 0.087,
    volatility: 0.198,
    maxDrawdown: -0.061,
    startDate: "2025-12-31",
    endDate: "2026-02-27"
  },
  {
    ticker: "IJH",
    name: "iShares Core S&P Mid-Cap 400",
    size: "mid",
    style: "core",
    totalReturn: 0.031,
    volatility: 0.162,
    maxDrawdown: -0.044,
    startDate: "2025-12-31",
    endDate: "2026-02-27"
  },
  {
    ticker: "SPY",
    name: "SPDR S&P 500",
    size: "market",
    style: "blend",
    totalReturn: -0.008,
    volatility: 0.139,
    maxDrawdown: -0.052,
    startDate: "2025-12-31",
    endDate: "2026-02-27"
  },
  {
    ticker: "IVW",
    name: "iShares S&P 500 Growth",
    size: "large",
    style: "growth",
    totalReturn: -0.042,
    volatility: 0.181,
    maxDrawdown: -0.097,
    startDate: "2025-12-31",
    endDate: "2026-02-27"
  }
];

describe("scoreboardChart(rows)", () => {
  const chart = scoreboardChart(ROWS, {width: 640});

  it("matches the snapshot", async () => {
    await expect(normalise(chart)).toMatchFileSnapshot("./__snapshots__/scoreboard-chart.html");
  });

  it("draws one bar per row, top to bottom in the rows' (descending) order, each as long as its return", () => {
    const bars = markElements(chart, "bar").sort((a, b) => +a.getAttribute("y")! - +b.getAttribute("y")!);
    expect(bars).toHaveLength(ROWS.length);
    const zero = +markElements(chart, "rule")[0].getAttribute("x1")!;
    // Signed length in pixels: a bar to the right of the zero rule is positive.
    const signed = bars.map((b) => {
      const x = +b.getAttribute("x")!;
      const w = +b.getAttribute("width")!;
      return Math.abs(x - zero) < 0.01 ? w : -w;
    });
    for (let i = 1; i < signed.length; ++i) expect(signed[i]).toBeLessThan(signed[i - 1]);
    // Proportional to the return: one pixel per the same fraction of return on every bar.
    const perUnit = signed[0] / ROWS[0].totalReturn;
    signed.forEach((s, i) => expect(s).toBeCloseTo(ROWS[i].totalReturn * perUnit, 6));
    expect(bars.map((b) => b.getAttribute("fill"))).toEqual(
      ROWS.map((r) => SIZE_COLOR.range[SIZE_COLOR.domain.indexOf(r.size)])
    );
  });

  it("labels each bar with formatPercent, outside the bar's end whichever way it points", () => {
    const [right, left] = markGroups(chart, "text");
    expect(right.getAttribute("text-anchor")).toBe("start");
    expect(left.getAttribute("text-anchor")).toBe("end");
    const labels = [...right.querySelectorAll("text"), ...left.querySelectorAll("text")];
    expect(labels.map((t) => t.textContent)).toEqual(["12.4%", "8.7%", "3.1%", "-0.8%", "-4.2%"]);
    expect(labels.map((t) => t.textContent)).toEqual(ROWS.map((r) => formatPercent(r.totalReturn)));
    // Each label is anchored at its bar's far end (before the dx nudge) and centred on its row; the
    // label groups carry dx and half the band in their own transform.
    const bars = markElements(chart, "bar");
    labels.forEach((t, i) => {
      const [x, y] = translateOf(t);
      const [, groupY] = translateOf(t.parentElement!);
      const bar = bars[i];
      const end =
        ROWS[i].totalReturn >= 0 ? +bar.getAttribute("x")! + +bar.getAttribute("width")! : +bar.getAttribute("x")!;
      expect(x).toBeCloseTo(end, 6);
      expect(Math.abs(y + groupY - (+bar.getAttribute("y")! + +bar.getAttribute("height")! / 2))).toBeLessThanOrEqual(
        1
      );
    });
  });

  it("lists the tickers on the y axis in the rows' order and is 28 px taller per row", () => {
    const ticks = svgOf(chart).querySelectorAll('g[aria-label="y-axis tick label"] text');
    expect([...ticks].map((t) => t.textContent)).toEqual(ROWS.map((r) => r.ticker));
    expect(svgOf(chart).getAttribute("height")).toBe(String(40 + 28 * ROWS.length));
  });

  it("lists in its legend only the size buckets of the funds shown, in their shared colours", () => {
    const swatches = [...chart.querySelectorAll("span[class*='-swatch']")].map((s) => s.textContent!.trim());
    const shown = SIZE_COLOR.domain.filter((d) => ROWS.some((r) => r.size === d));
    expect(swatches).toEqual(shown);
    expect(swatches.length).toBeLessThan(SIZE_COLOR.domain.length);
  });
});
