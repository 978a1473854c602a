// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {exposureChart, type LoadingPoint} from "../../src/components/exposure-chart.js";
import {markElements, offset, yTicks} from "./snapshot.js";

// Two funds' SMB and HML loadings over 40 days, IWM's SMB loading running at the top of its panel.
const POINTS: LoadingPoint[] = ["SMB", "HML"].flatMap((factor) =>
  ["IJR", "IWM"].flatMap((ticker, k) =>
    Array.from({length: 40}, (_, i) => ({
      date: new Date(Date.UTC(2025, 0, 1 + i)),
      ticker,
      factor,
      beta: factor === "SMB" ? 0.8 + 0.1 * k + 0.002 * i : 0.2 - 0.01 * k
    }))
  )
);

describe("exposureChart(points)", () => {
  const chart = exposureChart(POINTS);
  it("titles each panel above its frame, where no line runs under the title", () => {
    const titles = markElements(chart, "text").filter((t) => / loading/.test(t.textContent!));
    expect(titles.map((t) => t.textContent!.replace(" (β)", ""))).toEqual(["SMB loading", "HML loading"]);
    titles.forEach((title, facet) => {
      const top = Math.min(...yTicks(chart, {facet}).map(([, y]) => y));
      // Text drawn upward from its baseline: the whole label sits above the panel's highest tick.
      expect(offset(title)[1] + +(title.getAttribute("y") ?? 0)).toBeLessThan(top);
    });
  });
});
