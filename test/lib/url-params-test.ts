import {describe, expect, it} from "vitest";
import {
  choiceParam,
  dateParam,
  integerParam,
  listParam,
  numberParam,
  readParam,
  textParam,
  writeParam
} from "../../src/lib/url-params.js";

const q = (search: string) => new URLSearchParams(search);

describe("the parameter parsers", () => {
  it("integerParam rejects fractions and text, and clamps out-of-range whole numbers with a note", () => {
    const p = integerParam({min: 2, max: 400});
    expect(p.parse("50")).toEqual({value: 50});
    expect(p.parse("2.5")).toEqual({error: "not a whole number"});
    expect(p.parse("abc")).toEqual({error: "not a number"});
    expect(p.parse("")).toEqual({error: "not a number"});
    expect(p.parse("1e9")).toEqual({value: 400, note: "above the largest allowed, 400"});
    expect(p.parse("-3")).toEqual({value: 2, note: "below the smallest allowed, 2"});
  });
  it("numberParam takes any finite number", () => {
    expect(numberParam().parse("5.5")).toEqual({value: 5.5});
    expect(numberParam().parse("Infinity")).toEqual({error: "not a number"});
    expect(numberParam({min: 0}).parse("-1")).toEqual({value: 0, note: "below the smallest allowed, 0"});
  });
  it("dateParam rejects non-days and clamps days outside the data to its first or last day", () => {
    const p = dateParam({min: "2010-01-04", max: "2026-05-01"});
    expect(p.parse("2024-02-29")).toEqual({value: "2024-02-29"});
    expect(p.parse("2023-02-29")).toEqual({error: "not a date (YYYY-MM-DD)"});
    expect(p.parse("9999-12-31")).toEqual({value: "2026-05-01", note: "after the last day available, 2026-05-01"});
    expect(p.parse("1900-01-01")).toEqual({value: "2010-01-04", note: "before the first day available, 2010-01-04"});
  });
  it("choiceParam matches a value by its text, numbers included", () => {
    expect(choiceParam([3, 6, 12]).parse("6")).toEqual({value: 6});
    expect(choiceParam(["ytd", "1y"]).parse("2y")).toEqual({error: "not one of ytd, 1y"});
  });
  it("listParam keeps known items in the list's order, case-insensitively, and names the unknown ones", () => {
    const p = listParam(["IWC", "IJR", "IVV"]);
    expect(p.parse("ivv,IJR")).toEqual({value: ["IJR", "IVV"]});
    expect(p.parse("IJR,XXX")).toEqual({value: ["IJR"], note: "XXX not available"});
    expect(p.parse("XXX")).toEqual({error: "none of XXX is available"});
    expect(p.format(["IJR", "IVV"])).toBe("IJR,IVV");
  });
  it("textParam takes any text", () => {
    expect(textParam().parse("IJR-IVV, IWM-IWB")).toEqual({value: "IJR-IVV, IWM-IWB"});
  });
});

describe("readParam(query, name, param, fallback)", () => {
  const fast = {name: "fast"};
  it("reads the value a link asks for", () => {
    expect(readParam(q("?fast=20"), fast, integerParam({min: 2, max: 400}), 50)).toEqual({value: 20});
  });
  it("keeps the default, with no message, when the link has no such parameter", () => {
    expect(readParam(q("?slow=100"), fast, integerParam(), 50)).toEqual({value: 50});
  });
  it("falls back to the default and says what was ignored for a value it cannot use", () => {
    expect(readParam(q("?fast=2.5"), fast, integerParam({min: 2, max: 400}), 50)).toEqual({
      value: 50,
      message: "fast=2.5 in the link is not a whole number: showing 50."
    });
  });
  it("clamps and says so", () => {
    expect(readParam(q("?window=1e9"), {name: "window"}, integerParam({min: 21, max: 2520}), 252)).toEqual({
      value: 2520,
      message: "window=1e9 in the link: above the largest allowed, 2520; showing 2520."
    });
  });
  it("reads an old name when the new one is absent, and prefers the new one", () => {
    const key = {name: "tickers", aliases: ["funds"]};
    const p = listParam(["IJR", "IWM", "IVV"]);
    expect(readParam(q("?funds=IJR,IWM"), key, p, ["IVV"])).toEqual({value: ["IJR", "IWM"]});
    expect(readParam(q("?funds=IJR&tickers=IVV"), key, p, ["IJR"])).toEqual({value: ["IVV"]});
  });
});

describe("writeParam(query, name, param, value, fallback)", () => {
  const p = integerParam();
  it("writes a value that differs from the default and leaves the other parameters alone", () => {
    expect(String(writeParam(q("?present=1"), {name: "fast"}, p, 20, 50))).toBe("present=1&fast=20");
  });
  it("leaves the default out of the link", () => {
    expect(String(writeParam(q("?fast=20&slow=100"), {name: "fast"}, p, 50, 50))).toBe("slow=100");
  });
  it("writes a pinned parameter (no fallback) even at its default", () => {
    expect(String(writeParam(q(""), {name: "asof"}, dateParam(), "2026-05-01"))).toBe("asof=2026-05-01");
  });
  it("replaces an old name by the new one", () => {
    expect(String(writeParam(q("?h=6"), {name: "horizon", aliases: ["h"]}, p, 6, 12))).toBe("horizon=6");
    expect(String(writeParam(q("?h=12"), {name: "horizon", aliases: ["h"]}, p, 12, 12))).toBe("");
  });
});
