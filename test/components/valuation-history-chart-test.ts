// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {valuationHistoryChart, type MedianPoint} from "../../src/components/valuation-history-chart.js";
import {markElements} from "./snapshot.js";

// Two recorded snapshots, as medianHistory gives them: small 14 → 16, large 24.5 → 26.5.
const POINTS: MedianPoint[] = [
  {date: new Date("2026-05-20"), side: "Small caps", value: 14},
  {date: new Date("2026-05-20"), side: "Large caps", value: 24.5},
  {date: new Date("2026-06-03"), side: "Small caps", value: 16},
  {date: new Date("2026-06-03"), side: "Large caps", value: 26.5}
];

describe("valuationHistoryChart(points)", () => {
  const chart = valuationHistoryChart(POINTS, {width: 640});

  it("draws a line per side and a dot per side and day", () => {
    expect(markElements(chart, "line")).toHaveLength(2);
    expect(chart.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(4);
  });

  it("puts the large side above the small one, each in its size colour, with a legend naming both", () => {
    const dots = [...chart.querySelectorAll('g[aria-label="dot"] circle')];
    const y = (fill: string) => dots.filter((c) => c.getAttribute("fill") === fill).map((c) => +c.getAttribute("cy")!);
    const small = y("#ef8a62");
    const large = y("#4393c3");
    expect(small).toHaveLength(2);
    expect(large).toHaveLength(2);
    // SVG y grows downwards: a higher P/E is a smaller y; both sides rise from the first day to the second.
    expect(Math.max(...large)).toBeLessThan(Math.min(...small));
    expect(small[1]).toBeLessThan(small[0]);
    const legend = chart.textContent ?? "";
    expect(legend).toContain("Small caps");
    expect(legend).toContain("Large caps");
  });
});
