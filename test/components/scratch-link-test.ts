import {deflateSync, strToU8} from "fflate";
import {describe, expect, it} from "vitest";
import {cellsFromHash, decodeCells, encodeCells, hashForCells, MAX_CODE} from "../../src/components/scratch-link.js";
import {STARTER_CELLS} from "../../src/components/scratch-starter.js";

const base64url = (bytes: Uint8Array) =>
  Buffer.from(bytes).toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

describe("encodeCells(cells) and decodeCells(value)", () => {
  it("round-trip any text: quotes, backticks, newlines, non-Latin letters and emoji", () => {
    const cells = ['const s = "a\\"b";\n`${s}`', "// Grüße, 株価, 📈\nPlot.plot({})", "", "x".repeat(5000)];
    expect(decodeCells(encodeCells(cells))).toEqual({cells});
  });

  it("writes only URL-safe characters (base64url, no padding)", () => {
    expect(encodeCells(STARTER_CELLS)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("the starter cells fit a link of under 1,200 characters", () => {
    const hash = hashForCells([...STARTER_CELLS.slice(0, 2), `${STARTER_CELLS[2]}\n// edited`], STARTER_CELLS);
    expect(hash.length).toBeLessThan(1200);
  });

  it("a link cut short, or not base64url, gives a message that says what to do", () => {
    const value = encodeCells(STARTER_CELLS);
    const cut = decodeCells(value.slice(0, value.length / 2));
    expect(cut).toEqual({
      error: expect.stringMatching(/^The code in this link is damaged \(.+\).*Ask for the link again\.$/)
    });
    expect(decodeCells("not*base64!")).toEqual({error: expect.stringContaining("not base64url text")});
  });

  it("valid compressed data that is not a list of strings is refused", () => {
    for (const json of ['{"cells": 1}', "[1, 2]", "not json"]) {
      const result = decodeCells(base64url(deflateSync(strToU8(json))));
      expect(result).toEqual({error: expect.stringContaining("not a list of cells")});
    }
  });

  it("a link that inflates past 1 MB of code is refused before it fills memory", () => {
    const bomb = base64url(deflateSync(strToU8(JSON.stringify(["x".repeat(MAX_CODE + 10)])), {level: 9}));
    expect(bomb.length).toBeLessThan(5000);
    expect(decodeCells(bomb)).toEqual({error: expect.stringContaining("more than 1 MB of code")});
  });
});

describe("cellsFromHash(hash) and hashForCells(cells, starter)", () => {
  it("a fragment without cells carries none; one with cells round-trips", () => {
    expect(cellsFromHash("")).toBeNull();
    expect(cellsFromHash("#present=1")).toBeNull();
    const cells = ["const x = 1;", "x + 1"];
    expect(cellsFromHash(hashForCells(cells, STARTER_CELLS))).toEqual({cells});
  });

  it("the starter cells leave the link bare, as a default value does", () => {
    expect(hashForCells([...STARTER_CELLS], STARTER_CELLS)).toBe("");
    expect(hashForCells(STARTER_CELLS.slice(1), STARTER_CELLS)).toMatch(/^#cells=/);
  });
});
