import {describe, expect, it} from "vitest";
import {endingEarly, skippedRows} from "../../src/lib/provenance-issues.js";

describe("skippedRows(series)", () => {
  it("counts each named row and the 'and N more' tail, per series", () => {
    const r = skippedRows([
      {
        ticker: "IJR",
        warnings: [
          'IJR.csv line 3: unparseable close "n/a" on 2024-01-03, row skipped',
          "IJR.csv line 9: duplicate date 2024-01-10, row skipped",
          "IJR.csv: and 18 more rows skipped",
          "stale: last close 2026-05-01 is 220 days old"
        ]
      },
      {ticker: "IVV", warnings: ["stale: last close 2026-05-01 is 220 days old"]},
      {ticker: "SPY", warnings: ["SPY.csv line 2: non-positive price 0 on 2005-01-03, row skipped"]}
    ]);
    expect(r.count).toBe(21);
    expect(r.bySeries).toEqual([
      {ticker: "IJR", count: 20},
      {ticker: "SPY", count: 1}
    ]);
    expect(r.rows).toHaveLength(3);
    expect(r.rows[0]).toMatch(/^IJR.csv line 3/);
  });
  it("is zero with no warnings", () => {
    expect(skippedRows([{ticker: "IJR", warnings: []}])).toEqual({count: 0, rows: [], bySeries: []});
  });
});

describe("endingEarly(series, {days})", () => {
  const s = (ticker: string, last: string | null, rows = 100) => ({ticker, last, rows});
  it("flags series whose last date is more than a month before the latest, oldest first", () => {
    expect(
      endingEarly([s("IJR", "2026-05-01"), s("IWC", "2023-06-30"), s("IJS", "2026-03-02"), s("IVV", "2026-04-24")])
    ).toEqual({
      latest: "2026-05-01",
      early: [
        {ticker: "IWC", last: "2023-06-30"},
        {ticker: "IJS", last: "2026-03-02"}
      ]
    });
  });
  it("ignores series that failed to load, and a few days' difference", () => {
    expect(endingEarly([s("IJR", "2026-05-04"), s("IVV", "2026-05-01"), s("IWC", null, 0)]).early).toEqual([]);
    expect(endingEarly([]).latest).toBeNull();
  });
});
