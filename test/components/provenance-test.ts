// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {provenanceBanner} from "../../src/components/provenance.js";
import type {PricesMeta, SeriesProvenance} from "../../src/lib/contracts.js";

const series = (ticker: string, more: Partial<SeriesProvenance> = {}): SeriesProvenance => ({
  id: `prices:${ticker}`,
  kind: "prices",
  ticker,
  source: "csv",
  first: "2005-01-03",
  last: "2026-05-01",
  rows: 5366,
  fetchedAt: "2026-12-07T02:51:33.588Z",
  fromCache: false,
  synthetic: false,
  warnings: [],
  ...more
});

const meta = (more: Partial<PricesMeta> = {}): PricesMeta => ({
  generatedAt: "2026-12-07T02:51:33.588Z",
  requestedSource: "csv",
  source: "csv",
  sourceTitle: "CSV files",
  synthetic: false,
  stale: false,
  tickers: ["IJR", "IVV"],
  universe: [],
  start: "2000-01-01",
  notes: [],
  series: [series("IJR"), series("IVV")],
  ...more
});

describe("provenanceBanner(meta)", () => {
  it("is an empty span when there is nothing to say", () => {
    const el = provenanceBanner(meta());
    expect([el.localName, el.textContent]).toEqual(["span", ""]);
  });

  it("advises updating the CSV folder, by name, when CSV data are stale; pulling for Yahoo", () => {
    const csv = provenanceBanner(meta({stale: true, dataDir: "prices"})).textContent!;
    expect(csv).toMatch(
      /Stale data: the latest close is 2026-05-01\. Update the files in prices \(WORKBENCH_DATA_DIR\)/
    );
    expect(csv).not.toMatch(/npm run data -- pull/);
    const yahoo = provenanceBanner(meta({stale: true, source: "yahoo", requestedSource: "auto"})).textContent!;
    expect(yahoo).toMatch(/Run npm run data -- pull to refresh/);
    const cache = provenanceBanner(meta({stale: true, source: "cache"})).textContent!;
    expect(cache).toMatch(/npm run data -- pull/);
  });

  it("counts skipped rows and lists the first five, file and line, in a closed details element", () => {
    const rows = Array.from(
      {length: 7},
      (_, i) => `IJR.csv line ${i + 2}: unparseable close "x" on 2024-01-0${i + 1}, row skipped`
    );
    const el = provenanceBanner(
      meta({series: [series("IJR", {warnings: [...rows, "IJR.csv: and 3 more rows skipped"]}), series("IVV")]})
    );
    expect(el.textContent).toMatch(/Skipped rows: 10 bad rows left out \(IJR 10\)/);
    const details = el.querySelector("details")!;
    expect(details.open).toBe(false);
    expect(details.querySelector("summary")!.textContent).toBe("The first 5");
    expect([...details.querySelectorAll("li")].map((li) => li.textContent)).toEqual(rows.slice(0, 5));
  });

  it("flags a series that ends years before the others", () => {
    const el = provenanceBanner(meta({series: [series("IJR"), series("IWC", {last: "2023-06-30"})]}));
    expect(el.textContent).toMatch(/Ends early: IWC \(last close 2023-06-30\); the other series run to 2026-05-01/);
  });

  it("puts file text on the page as text, never as markup", () => {
    const el = provenanceBanner(
      meta({
        series: [series("IJR", {warnings: ['<img src=x onerror=alert(1)>.csv line 2: bad date "<b>", row skipped']})]
      })
    );
    expect(el.querySelector("img, b")).toBeNull();
    expect(el.querySelector("li")!.textContent).toMatch(/^<img src=x/);
  });
});
