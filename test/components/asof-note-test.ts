// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {asOfNote} from "../../src/components/asof-note.js";

describe("asOfNote(board, {asOf})", () => {
  it("says the as-of date is after the last close and which close the figures use", () => {
    const el = asOfNote({close: "2026-05-01", clamped: true, offDay: []}, {asOf: "2026-05-03"});
    expect(el.querySelector(".asof-note")!.textContent).toBe(
      "2026-05-03 is after the last close in the data: figures use the close of 2026-05-01."
    );
  });
  it("says a weekend as-of date is not a trading day, and names the as-of close otherwise", () => {
    expect(asOfNote({close: "2026-01-30", clamped: false, offDay: []}, {asOf: "2026-02-01"}).textContent).toMatch(
      /2026-02-01 is not a trading day in the data: figures use the close of 2026-01-30/
    );
    expect(asOfNote({close: "2026-01-30", clamped: false, offDay: []}, {asOf: "2026-01-30"}).textContent).toBe(
      "As of the close of 2026-01-30."
    );
  });
  it("names the funds whose last close differs: the ones scored to the common close and the ones not ranked", () => {
    const el = asOfNote(
      {
        close: "2026-05-01",
        clamped: false,
        offDay: [
          {ticker: "IJR", lastClose: "2026-05-04", ranked: true},
          {ticker: "IWC", lastClose: "2023-06-30", ranked: false}
        ]
      },
      {asOf: "2026-05-04"}
    );
    expect(el.querySelector(".asof-note")!.textContent).toBe(
      "As of 2026-05-04: figures use the close of 2026-05-01, the last close the funds share."
    );
    const note = el.querySelector(".off-day")!.textContent!;
    expect(note).toMatch(/^Not ranked: IWC \(last close 2023-06-30\): its data end before 2026-05-01/);
    expect(note).toMatch(/IJR \(last close 2026-05-04\) has closes after 2026-05-01: scored to 2026-05-01/);
  });
  it("is empty when no fund has a close", () => {
    expect(asOfNote({close: "", clamped: false, offDay: []}, {asOf: "2026-05-01"}).textContent).toBe("");
  });
});
