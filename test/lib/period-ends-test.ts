import {describe, expect, it} from "vitest";
import {formatDay, parseDay} from "../../src/lib/dates.js";
import {periodEnds} from "../../src/lib/period-ends.js";

const days = (...texts: string[]) => Float64Array.from(texts, parseDay);

describe("periodEnds(dates, {interval})", () => {
  it("weekly: the Friday close of each week, Thursday's when Friday is a holiday, and the last close of a week under way", () => {
    // 2026-04-03 was Good Friday; 2026-04-14 is a Tuesday, the last close of the data.
    const dates = days(
      "2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27",
      "2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02",
      "2026-04-06", "2026-04-07", "2026-04-08", "2026-04-09", "2026-04-10",
      "2026-04-13", "2026-04-14"
    ); // prettier-ignore
    const ends = periodEnds(dates);
    expect(Array.from(ends, (i) => formatDay(dates[i]))).toEqual([
      "2026-03-27",
      "2026-04-02",
      "2026-04-10",
      "2026-04-14"
    ]);
  });
  it("weekly: a week is Sunday to Saturday, so a Saturday close (rare, but in some files) ends its week", () => {
    const dates = days("2026-01-02", "2026-01-03", "2026-01-05");
    expect(Array.from(periodEnds(dates))).toEqual([1, 2]);
  });
  it("daily: every position; empty in, empty out", () => {
    expect(Array.from(periodEnds(days("2026-01-05", "2026-01-06"), {interval: "daily"}))).toEqual([0, 1]);
    expect(periodEnds(new Float64Array(0)).length).toBe(0);
  });
  it("rejects an unknown interval with the value in the message", () => {
    expect(() => periodEnds([0], {interval: "monthly" as never})).toThrow("invalid interval: monthly");
  });
});
