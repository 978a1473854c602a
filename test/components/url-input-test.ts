// @vitest-environment jsdom
import {beforeEach, describe, expect, it} from "vitest";
import {urlCheckbox, urlDate, urlInteger, urlSelect} from "../../src/components/url-input.js";

const open = (search: string) => window.history.replaceState(null, "", `/trend.html${search}`);
const query = () => new URLSearchParams(window.location.search);
const note = (input: HTMLElement) => input.querySelector(".url-note")?.textContent ?? null;

describe("URL-bound inputs", () => {
  beforeEach(() => open(""));

  it("take the link's value when it is valid, with no note", () => {
    open("?fast=20");
    const input = urlInteger("fast", [2, 400], {value: 50});
    expect(input.value).toBe(20);
    expect(note(input)).toBeNull();
    expect(query().get("fast")).toBe("20");
  });

  it("keep the default and say what was ignored for a value they cannot use (trend.html?fast=2.5)", () => {
    open("?fast=2.5&slow=100");
    const input = urlInteger("fast", [2, 400], {value: 50});
    expect(input.value).toBe(50);
    expect(note(input)).toBe("fast=2.5 in the link is not a whole number: showing 50.");
    // The unusable value leaves the link; the other parameters stay.
    expect(String(query())).toBe("slow=100");
  });

  it("clamp an out-of-range value and say so (factors.html?window=1e9)", () => {
    open("?window=1e9");
    const input = urlInteger("window", [21, 2520], {value: 252});
    expect(input.value).toBe(2520);
    expect(note(input)).toBe("window=1e9 in the link: above the largest allowed, 2520; showing 2520.");
  });

  it("clamp a date after the data to the last day (index.html?asof=9999-12-31)", () => {
    open("?asof=9999-12-31");
    const input = urlDate("asof", {value: "2026-05-01", min: "2010-01-04", max: "2026-05-01", pin: true});
    expect(input.value).toBe("2026-05-01");
    expect(note(input)).toMatch(/after the last day available, 2026-05-01/);
    // Pinned: the as-of day stays in the link even at its default.
    expect(query().get("asof")).toBe("2026-05-01");
  });

  it("write each change, and leave the default out of the link", () => {
    const input = urlSelect("period", ["ytd", "1y"], {value: "ytd"});
    expect(query().has("period")).toBe(false);
    input.value = "1y";
    input.dispatchEvent(new Event("input", {bubbles: true}));
    expect(query().get("period")).toBe("1y");
    input.value = "ytd";
    input.dispatchEvent(new Event("input", {bubbles: true}));
    expect(query().has("period")).toBe(false);
  });

  it("read an old name and rewrite it under the new one (factors.html?funds=IJR,IWM)", () => {
    open("?funds=IJR,IWM&present=1");
    const input = urlCheckbox("tickers", ["IWC", "IJR", "IWM", "IVV"], {aliases: ["funds"]});
    expect(input.value).toEqual(["IJR", "IWM"]);
    expect(query().get("tickers")).toBe("IJR,IWM");
    expect(query().has("funds")).toBe(false);
    expect(query().get("present")).toBe("1");
  });
});
