// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {researchBanner} from "../../src/components/research-provenance.js";
import type {ResearchMeta, ResearchProvenance} from "../../src/lib/contracts.js";

const series = (ticker: string, over: Partial<ResearchProvenance> = {}): ResearchProvenance => ({
  id: `french:${ticker}`,
  kind: "factors",
  ticker,
  source: "file",
  first: "1926-07-01",
  last: "2026-04-30",
  rows: 100,
  fetchedAt: null,
  fromCache: false,
  synthetic: false,
  warnings: [],
  provider: "french",
  title: ticker,
  vintage: "202604",
  ...over
});

const meta = (list: ResearchProvenance[]): ResearchMeta => ({
  generatedAt: "2026-05-02T00:00:00.000Z",
  requestedSource: "auto",
  source: "file",
  synthetic: false,
  stale: false,
  missing: [],
  notes: [],
  series: list
});

describe("researchBanner(meta, {ids})", () => {
  it("is an empty span when the series shown are real, fresh and present", () => {
    const el = researchBanner(meta([series("A")]), {ids: ["A"]});
    expect(el.localName).toBe("span");
    expect(el.textContent).toBe("");
  });

  it("names synthetic, stale and missing series, each on its own line, only among those shown", () => {
    const el = researchBanner(
      meta([
        series("A", {synthetic: true}),
        series("B", {warnings: ["stale: ends 2025-09-30"], last: "2025-09-30"}),
        series("C", {rows: 0, warnings: ["no source had it"]}),
        series("D", {synthetic: true})
      ]),
      {ids: ["A", "B", "C"]}
    );
    expect(el.className).toMatch(/workbench-banner synthetic/);
    expect([...el.querySelectorAll("p")].map((p) => p.textContent!.replace(/\s+/g, " ").trim())).toEqual([
      "Synthetic research data, not French/FRED data: A. No live, cached or local copy was found; set WORKBENCH_FRENCH_DIR / WORKBENCH_FRED_DIR or build online.",
      "Stale: B ends 2025-09-30.",
      "Missing: C (no source had it)."
    ]);
  });

  it("puts a provider's warning in as text, never as markup", () => {
    const el = researchBanner(meta([series("C", {rows: 0, warnings: ['<img src=x onerror="alert(1)">']})]), {
      ids: ["C"]
    });
    expect(el.querySelector("img")).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror="alert(1)">');
  });
});
