// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {persistenceShareTable} from "../../src/components/persistence-share-table.js";

const independent = {persisted: 3, n: 9, estimate: 1 / 3, lower: 0.121, upper: 0.646};
const all = {
  successes: 5,
  n: 14,
  estimate: 5 / 14,
  lower: 0.133,
  upper: 0.625,
  block: 252,
  blocks: 21,
  resamples: 2000,
  seed: 1
};

describe("persistenceShareTable(study, {horizon})", () => {
  const table = persistenceShareTable({independent, all}, {horizon: 126});
  const rows = [...table.tBodies[0].rows].map((tr) => [tr.dataset.count, ...[...tr.cells].map((td) => td.textContent)]);
  it("has one row for the independent episodes with Wilson's interval and one for all with the bootstrap's", () => {
    expect([...table.tHead!.rows[0].cells].map((th) => th.textContent)).toEqual([
      "Episodes",
      "Judged",
      "Persisted",
      "Share",
      "95% interval",
      "Interval"
    ]);
    expect(rows.map((r) => r.slice(0, 6))).toEqual([
      ["independent", "Independent episodes", "9", "3", "33%", "12%–65%"],
      ["all", "All episodes", "14", "5", "36%", "13%–63%"]
    ]);
    expect(rows[0][6]).toBe(
      "Wilson score: each episode starts after the previous counted one's 126-day outcome ended, so the outcomes share no day"
    );
    expect(rows[1][6]).toBe(
      "Circular block bootstrap: blocks of 252 trading days (twice the horizon) keep overlapping outcomes together; 2,000 resamples, seed 1"
    );
  });
  it("shows a dash for an interval the data cannot give", () => {
    const short = persistenceShareTable({independent, all: {...all, lower: NaN, upper: NaN}});
    expect(short.tBodies[0].rows[1].cells[4].textContent).toBe("–");
  });
});
