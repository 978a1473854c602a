import {describe, expect, it} from "vitest";
import {parseDay} from "../../src/lib/dates.js";
import {FRENCH_LAG_MONTHS, publishedBy} from "../../src/lib/publication-lag.js";

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

describe("publishedBy(asOf, {lagMonths})", () => {
  it("on 2026-02-03 French's latest published month is 2025-12, not January 2026", () => {
    expect(FRENCH_LAG_MONTHS).toBe(1);
    expect(day(publishedBy(parseDay("2026-02-03")))).toBe("2025-12-31");
  });
  it("a month's value appears on the last day of the following month", () => {
    expect(day(publishedBy(parseDay("2026-02-27")))).toBe("2025-12-31");
    expect(day(publishedBy(parseDay("2026-02-28")))).toBe("2026-01-31");
    expect(day(publishedBy(parseDay("2024-03-01")))).toBe("2024-01-31");
  });
  it("lagMonths 0 is the last completed month; 2 reaches a month further back", () => {
    expect(day(publishedBy(parseDay("2026-02-03"), {lagMonths: 0}))).toBe("2026-01-31");
    expect(day(publishedBy(parseDay("2026-01-31"), {lagMonths: 0}))).toBe("2026-01-31");
    expect(day(publishedBy(parseDay("2026-02-03"), {lagMonths: 2}))).toBe("2025-11-30");
  });
  it("is NaN for NaN and rejects a lag that is not a whole number of months", () => {
    expect(publishedBy(NaN)).toBeNaN();
    expect(() => publishedBy(0, {lagMonths: 1.5})).toThrow("invalid publication lag: 1.5");
  });
});
