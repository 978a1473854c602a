import {describe, it, expect} from "vitest";
import {formatDay, parseDay} from "../../src/lib/dates.js";
import {PERIODS, periodStartDate, periodWindow, type Period} from "../../src/lib/periods.js";

const days = (...texts: string[]) => Float64Array.from(texts, parseDay);

/** Every Monday–Friday from `from` to `to` inclusive (holidays ignored), in UTC. */
function weekdays(from: string, to: string): Float64Array {
  const out: number[] = [];
  for (let t = parseDay(from); t <= parseDay(to); t += 86_400_000) {
    const dow = new Date(t).getUTCDay();
    if (dow !== 0 && dow !== 6) out.push(t);
  }
  return Float64Array.from(out);
}

// 31 December 2025 is treated as a holiday so the last close of 2025 is on the 30th.
const turn = days("2025-12-29", "2025-12-30", "2026-01-02", "2026-01-05", "2026-01-06");

describe('periodWindow(dates, {period: "ytd"})', () => {
  it('periodWindow(dates, {period: "ytd", asOf: "2026-01-04"}) starts at the last close of 2025 and snaps a Sunday back to Friday', () => {
    expect(periodWindow(turn, {period: "ytd", asOf: "2026-01-04"})).toEqual({
      start: 1,
      end: 2,
      startDate: "2025-12-30",
      endDate: "2026-01-02",
      requestedStart: "2025-12-31",
      requestedEnd: "2026-01-04"
    });
  });
  it("periodWindow(dates) defaults to YTD as of the last date", () => {
    expect(periodWindow(turn)).toEqual({
      start: 1,
      end: 4,
      startDate: "2025-12-30",
      endDate: "2026-01-06",
      requestedStart: "2025-12-31",
      requestedEnd: "2026-01-06"
    });
  });
  it("periodWindow YTD uses a 31 December close when there is one", () => {
    const w = periodWindow(days("2025-12-30", "2025-12-31", "2026-01-02"), {asOf: "2026-01-02"});
    expect([w?.start, w?.end, w?.startDate]).toEqual([1, 2, "2025-12-31"]);
  });
  it("periodWindow YTD is null when the series starts in the current year", () => {
    expect(periodWindow(days("2026-01-02", "2026-01-05"), {period: "ytd"})).toBeNull();
  });
  it("periodWindow YTD is null when the only close is the base close (asOf on 1 January)", () => {
    expect(periodWindow(turn, {asOf: "2026-01-01"})).toBeNull();
  });
});

describe('periodWindow(dates, {period: "1m" … "5y"})', () => {
  const dates = weekdays("2020-01-01", "2026-03-31");
  const startOf = (period: Period, asOf = "2026-03-31") => {
    const w = periodWindow(dates, {period, asOf});
    return w && [w.requestedStart, w.startDate, w.endDate];
  };
  it("periodWindow 1M as of 2026-03-31 asks for 2026-02-28 (clamped) and snaps back to Friday 2026-02-27", () => {
    expect(startOf("1m")).toEqual(["2026-02-28", "2026-02-27", "2026-03-31"]);
  });
  it("periodWindow 3M/6M/1Y/3Y/5Y start on the same calendar date that many months earlier", () => {
    expect(startOf("3m")).toEqual(["2025-12-31", "2025-12-31", "2026-03-31"]);
    expect(startOf("6m")).toEqual(["2025-09-30", "2025-09-30", "2026-03-31"]);
    expect(startOf("1y")).toEqual(["2025-03-31", "2025-03-31", "2026-03-31"]);
    expect(startOf("3y")).toEqual(["2023-03-31", "2023-03-31", "2026-03-31"]);
    expect(startOf("5y")).toEqual(["2021-03-31", "2021-03-31", "2026-03-31"]);
  });
  it("periodWindow measures from the asked as-of date, not the snapped one (asOf Sunday 2026-03-29)", () => {
    expect(startOf("1m", "2026-03-29")).toEqual(["2026-02-28", "2026-02-27", "2026-03-27"]);
    expect(startOf("1y", "2026-03-29")).toEqual(["2025-03-29", "2025-03-28", "2026-03-27"]);
  });
  it("periodWindow start and end index the dates they name", () => {
    const w = periodWindow(dates, {period: "3y", asOf: "2026-03-31"})!;
    expect(formatDay(dates[w.start])).toBe(w.startDate);
    expect(w.end).toBe(dates.length - 1);
  });
  it("periodWindow 5Y is null when the series is too short", () => {
    expect(periodWindow(weekdays("2022-01-03", "2026-03-31"), {period: "5y"})).toBeNull();
    expect(periodWindow(weekdays("2022-01-03", "2026-03-31"), {period: "3y"})).not.toBeNull();
  });
});

describe('periodWindow(dates, {period: "custom", from})', () => {
  it("periodWindow custom starts at the last close on or before `from`", () => {
    expect(periodWindow(turn, {period: "custom", from: "2026-01-01", asOf: "2026-01-05"})).toEqual({
      start: 1,
      end: 3,
      startDate: "2025-12-30",
      endDate: "2026-01-05",
      requestedStart: "2026-01-01",
      requestedEnd: "2026-01-05"
    });
    expect(periodWindow(turn, {period: "custom", from: "2025-12-29"})?.start).toBe(0);
  });
  it("periodWindow custom is null when `from` is before the first date", () => {
    expect(periodWindow(turn, {period: "custom", from: "2025-12-01"})).toBeNull();
  });
  it("periodWindow custom throws with the value when `from` is missing, invalid or not before asOf", () => {
    expect(() => periodWindow(turn, {period: "custom"})).toThrow("invalid custom start date: undefined");
    expect(() => periodWindow(turn, {period: "custom", from: "2026-02-30"})).toThrow(
      "invalid custom start date: 2026-02-30"
    );
    expect(() => periodWindow(turn, {period: "custom", from: "2026-01-06", asOf: "2026-01-06"})).toThrow(
      "custom start 2026-01-06 must be before the as-of date 2026-01-06"
    );
  });
});

describe("periodWindow errors and edges", () => {
  it("periodWindow throws on an unknown period, naming it", () => {
    expect(() => periodWindow(turn, {period: "2w" as Period})).toThrow("invalid period: 2w");
    expect(() => periodWindow(new Float64Array(0), {period: "YTD" as Period})).toThrow("invalid period: YTD");
  });
  it("periodWindow throws on an invalid as-of date, naming it", () => {
    expect(() => periodWindow(turn, {asOf: "2026-02-30"})).toThrow("invalid as-of date: 2026-02-30");
    expect(() => periodWindow(turn, {asOf: "03/02/2026"})).toThrow("invalid as-of date: 03/02/2026");
  });
  it("periodWindow is null when asOf is before the first date", () => {
    expect(periodWindow(turn, {period: "1m", asOf: "2025-12-01"})).toBeNull();
    expect(periodWindow(turn, {asOf: "2025-12-28"})).toBeNull();
  });
  it("periodWindow([]) is null", () => {
    expect(periodWindow(new Float64Array(0))).toBeNull();
    expect(periodWindow([], {period: "1y", asOf: "2026-01-06"})).toBeNull();
  });
  it("periodWindow of one date is null (no return can be measured)", () => {
    expect(periodWindow(days("2026-01-02"), {period: "custom", from: "2025-12-01"})).toBeNull();
  });
});

describe("periodStartDate(asOf, period, from)", () => {
  it('periodStartDate(asOf, "ytd") is 31 December of the previous year', () => {
    expect(formatDay(periodStartDate(parseDay("2026-02-03"), "ytd"))).toBe("2025-12-31");
    expect(formatDay(periodStartDate(parseDay("2026-01-01"), "ytd"))).toBe("2025-12-31");
    expect(formatDay(periodStartDate(parseDay("2025-12-31"), "ytd"))).toBe("2024-12-31");
  });
  it('periodStartDate(asOf, "custom", from) is `from`', () => {
    expect(formatDay(periodStartDate(parseDay("2026-02-03"), "custom", "2025-06-30"))).toBe("2025-06-30");
  });
  it("PERIODS lists every period once", () => {
    expect(PERIODS).toEqual(["ytd", "1m", "3m", "6m", "1y", "3y", "5y", "custom"]);
  });
});
