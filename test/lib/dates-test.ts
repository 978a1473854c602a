import {describe, it, expect} from "vitest";
import {floorDay, formatDay, indexOnOrBefore, offsetMonths, parseDay} from "../../src/lib/dates.js";

describe("parseDay(text)", () => {
  it('parseDay("2026-02-03") is epoch ms at 00:00 UTC', () => {
    expect(parseDay("2026-02-03")).toBe(Date.UTC(2026, 1, 3));
    expect(parseDay("2026-02-03")).toBe(1_770_076_800_000);
    expect(parseDay("1970-01-01")).toBe(0);
  });
  it('parseDay(" 2026-02-03 ") ignores surrounding whitespace', () => {
    expect(parseDay(" 2026-02-03\n")).toBe(Date.UTC(2026, 1, 3));
  });
  it("parseDay accepts 29 February only in a leap year", () => {
    expect(parseDay("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
    expect(parseDay("2026-02-29")).toBeNaN();
    expect(parseDay("1900-02-29")).toBeNaN(); // divisible by 100, not by 400
    expect(parseDay("2000-02-29")).toBe(Date.UTC(2000, 1, 29));
  });
  it("parseDay is NaN for days that do not exist (2026-02-30, 2026-04-31, month 0 or 13, day 0)", () => {
    for (const text of ["2026-02-30", "2026-04-31", "2026-00-10", "2026-13-01", "2026-01-00", "2026-01-32"]) {
      expect(parseDay(text), text).toBeNaN();
    }
  });
  it("parseDay is NaN for text that is not YYYY-MM-DD", () => {
    for (const text of ["", "2026-2-3", "2026/02/03", "03-02-2026", "2026-02-03T00:00Z", "20260203", "abc"]) {
      expect(parseDay(text), text).toBeNaN();
    }
  });
});

describe("formatDay(t)", () => {
  it('formatDay(Date.UTC(2026, 0, 2)) is "2026-01-02"', () => {
    expect(formatDay(Date.UTC(2026, 0, 2))).toBe("2026-01-02");
    expect(formatDay(0)).toBe("1970-01-01");
  });
  it("formatDay uses UTC, not the local timezone (late evening UTC stays the same day)", () => {
    // vitest pins TZ=America/New_York, where 00:30 UTC on the 3rd is still the evening of the 2nd.
    expect(formatDay(Date.UTC(2026, 0, 2, 23, 59, 59, 999))).toBe("2026-01-02");
    expect(formatDay(Date.UTC(2026, 0, 3, 0, 30))).toBe("2026-01-03");
  });
  it("formatDay(parseDay(text)) round-trips", () => {
    for (const text of ["2024-02-29", "2025-12-31", "2026-02-03"]) expect(formatDay(parseDay(text))).toBe(text);
  });
});

describe("floorDay(t)", () => {
  it("floorDay rounds any time of day down to 00:00 UTC", () => {
    expect(floorDay(Date.UTC(2026, 0, 2, 23, 59, 59, 999))).toBe(Date.UTC(2026, 0, 2));
    expect(floorDay(Date.UTC(2026, 0, 2, 0, 0, 0, 1))).toBe(Date.UTC(2026, 0, 2));
  });
  it("floorDay leaves a day at 00:00 UTC unchanged", () => {
    expect(floorDay(Date.UTC(2026, 0, 2))).toBe(Date.UTC(2026, 0, 2));
    expect(floorDay(0)).toBe(0);
  });
  it("floorDay rounds down (not toward zero) before 1970", () => {
    expect(floorDay(Date.UTC(1969, 11, 31, 12))).toBe(Date.UTC(1969, 11, 31));
  });
});

describe("offsetMonths(t, months)", () => {
  const day = (text: string) => formatDay(offsetMonths(parseDay(text.slice(0, 10)), Number(text.slice(11))));
  // pandas: pd.Timestamp("2026-03-31") - pd.DateOffset(months=1) == Timestamp("2026-02-28")
  it("offsetMonths(2026-03-31, -1) clamps to 2026-02-28, as pandas' DateOffset(months=1) does", () => {
    expect(day("2026-03-31 -1")).toBe("2026-02-28");
  });
  it("offsetMonths(2024-03-31, -1) clamps to 2024-02-29 in a leap year", () => {
    expect(day("2024-03-31 -1")).toBe("2024-02-29");
  });
  it("offsetMonths clamps going forward and to 30-day months", () => {
    expect(day("2026-01-31 1")).toBe("2026-02-28");
    expect(day("2026-05-31 -1")).toBe("2026-04-30");
    expect(day("2026-05-31 -3")).toBe("2026-02-28");
  });
  it("offsetMonths keeps the day of month when it exists and crosses year boundaries", () => {
    expect(day("2026-01-15 -1")).toBe("2025-12-15");
    expect(day("2026-02-03 -12")).toBe("2025-02-03");
    expect(day("2026-02-03 -36")).toBe("2023-02-03");
    expect(day("2026-02-03 -60")).toBe("2021-02-03");
    expect(day("2025-11-30 3")).toBe("2026-02-28");
  });
  it("offsetMonths(2024-02-29, -12) is 2023-02-28", () => {
    expect(day("2024-02-29 -12")).toBe("2023-02-28");
  });
  it("offsetMonths(t, 0) is t", () => {
    expect(day("2026-02-03 0")).toBe("2026-02-03");
  });
});

describe("indexOnOrBefore(dates, t)", () => {
  const dates = [10, 20, 30];
  it("indexOnOrBefore is the exact match when t is one of the dates", () => {
    expect(indexOnOrBefore(dates, 10)).toBe(0);
    expect(indexOnOrBefore(dates, 20)).toBe(1);
    expect(indexOnOrBefore(dates, 30)).toBe(2);
  });
  it("indexOnOrBefore snaps back to the previous date between dates", () => {
    expect(indexOnOrBefore(dates, 15)).toBe(0);
    expect(indexOnOrBefore(dates, 29)).toBe(1);
  });
  it("indexOnOrBefore is the last index after the last date and -1 before the first", () => {
    expect(indexOnOrBefore(dates, 1e12)).toBe(2);
    expect(indexOnOrBefore(dates, 9)).toBe(-1);
  });
  it("indexOnOrBefore([], t) is -1; one date works both sides", () => {
    expect(indexOnOrBefore([], 10)).toBe(-1);
    expect(indexOnOrBefore([10], 10)).toBe(0);
    expect(indexOnOrBefore([10], 9)).toBe(-1);
  });
  it("indexOnOrBefore picks the last of equal dates and accepts a Float64Array", () => {
    expect(indexOnOrBefore([10, 20, 20, 30], 20)).toBe(2);
    expect(
      indexOnOrBefore(Float64Array.of(parseDay("2025-12-30"), parseDay("2026-01-02")), parseDay("2026-01-01"))
    ).toBe(0);
  });
});
