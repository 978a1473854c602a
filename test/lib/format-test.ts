import {describe, it, expect} from "vitest";
import {formatNumber, formatOrdinal, formatPercent, formatPoints} from "../../src/lib/format.js";

describe("formatPercent(x)", () => {
  it('formatPercent(0.087) is "8.7%" and formatPercent(-0.008) is "-0.8%", as the reference article writes them', () => {
    expect(formatPercent(0.087)).toBe("8.7%");
    expect(formatPercent(-0.008)).toBe("-0.8%");
    expect(formatPercent(1.5)).toBe("150.0%");
    expect(formatPercent(0)).toBe("0.0%");
  });
  it('formatPercent(-0.0004) is "0.0%", never "-0.0%"', () => {
    expect(formatPercent(-0.0004)).toBe("0.0%");
    expect(formatPercent(-0)).toBe("0.0%");
  });
  it('formatPercent is "–" for NaN and infinities', () => {
    expect(formatPercent(NaN)).toBe("–");
    expect(formatPercent(Infinity)).toBe("–");
    expect(formatPercent(-Infinity)).toBe("–");
  });
});

describe("formatPercent(x, {sign: true})", () => {
  it('formatPercent(0.087, {sign: true}) is "+8.7%"; negatives keep "-"', () => {
    expect(formatPercent(0.087, {sign: true})).toBe("+8.7%");
    expect(formatPercent(-0.008, {sign: true})).toBe("-0.8%");
  });
  it("formatPercent(x, {sign: true}) gives no sign to values that round to zero", () => {
    expect(formatPercent(0.0004, {sign: true})).toBe("0.0%");
    expect(formatPercent(-0.0004, {sign: true})).toBe("0.0%");
    expect(formatPercent(NaN, {sign: true})).toBe("–");
  });
});

describe("formatPercent(x, {digits})", () => {
  it('formatPercent(-0.00803, {digits: 2}) is "-0.80%"', () => {
    expect(formatPercent(-0.00803, {digits: 2})).toBe("-0.80%");
    expect(formatPercent(-0.00004, {digits: 2})).toBe("0.00%");
  });
  it('formatPercent(0.5, {digits: 0}) is "50%"', () => {
    expect(formatPercent(0.5, {digits: 0})).toBe("50%");
    expect(formatPercent(-0.004, {digits: 0})).toBe("0%");
  });
});

describe("formatPoints(x)", () => {
  it('takes points, as every spread in the library is: formatPoints(2.3) is "2.3 points"; the sign is dropped', () => {
    expect(formatPoints(2.3)).toBe("2.3 points");
    expect(formatPoints(-2.3)).toBe("2.3 points");
    expect(formatPoints(0)).toBe("0.0 points");
  });
  it("formatPoints is singular when it reads as exactly one point", () => {
    expect(formatPoints(1)).toBe("1.0 point");
    expect(formatPoints(-1)).toBe("1.0 point");
    expect(formatPoints(1, {digits: 0})).toBe("1 point");
    expect(formatPoints(1.1)).toBe("1.1 points");
  });
  it("formatPoints(x, {digits: 2}) keeps two decimals", () => {
    expect(formatPoints(1.25, {digits: 2})).toBe("1.25 points");
  });
  it('formatPoints is "–" for NaN and infinities', () => {
    expect(formatPoints(NaN)).toBe("–");
    expect(formatPoints(Infinity)).toBe("–");
  });
});

describe("formatOrdinal(p)", () => {
  it("writes English ordinals, teens included, NaN as a dash", () => {
    expect([0.01, 0.02, 0.03, 0.04, 0.11, 0.12, 0.13, 0.21, 0.22, 0.8, 1].map(formatOrdinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "80th",
      "100th"
    ]);
    expect(formatOrdinal(NaN)).toBe("–");
  });
});

describe("formatNumber(x, {digits, sign})", () => {
  it('formatNumber(-0.04) is "0.0" and formatNumber(0.04, {sign: true}) is "0.0": no signed zero', () => {
    expect(formatNumber(-0.04)).toBe("0.0");
    expect(formatNumber(-0)).toBe("0.0");
    expect(formatNumber(0.04, {sign: true})).toBe("0.0");
    expect(formatNumber(-0.004, {digits: 2})).toBe("0.00");
  });
  it('formatNumber(2.35, {sign: true}) is "+2.4" (toFixed rounding) and negatives keep "-"', () => {
    expect(formatNumber(2.36, {sign: true})).toBe("+2.4");
    expect(formatNumber(-1.25, {digits: 2})).toBe("-1.25");
    expect(formatNumber(NaN)).toBe("–");
  });
});
