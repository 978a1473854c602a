import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {parseFrenchCsv} from "../../data-loaders/french.js";
import {decades, eraTable, rollingAnnualized, SIZE_ERAS} from "../../src/lib/size-eras.js";

describe("eraTable", () => {
  it("eraTable on four hand-made years: mean, sd (n − 1), t, geometric mean and positive share", () => {
    // Returns 10%, −5%, 20%, 0%: mean 6.25%; deviations 3.75, −11.25, 13.75, −6.25 (points) → Σd² = 368.75,
    // sd = √(368.75/3)% = 11.087%; t = 6.25 / (11.087 / 2) = 1.1275; growth 1.1 · 0.95 · 1.2 · 1 = 1.254.
    const [e] = eraTable(Float64Array.of(2001, 2002, 2003, 2004), Float64Array.of(0.1, -0.05, 0.2, 0), [
      {label: "all", first: 2000, last: 2010}
    ]);
    expect(e).toMatchObject({label: "all", first: 2001, last: 2004, n: 4, positive: 0.5});
    expect(e.mean).toBeCloseTo(0.0625, 14);
    expect(e.sd).toBeCloseTo(Math.sqrt(0.036875 / 3), 14);
    expect(e.t).toBeCloseTo(0.0625 / (Math.sqrt(0.036875 / 3) / 2), 12);
    expect(e.compound).toBeCloseTo(1.254 ** 0.25 - 1, 14);
  });
  it("eraTable skips NaN years, leaves out eras with no data, and gives NaN t for a single year", () => {
    const rows = eraTable(Float64Array.of(1990, 1991, 1992), Float64Array.of(0.1, NaN, 0.3), [
      {label: "a", first: 1990, last: 1991},
      {label: "b", first: 1993, last: 1999},
      {label: "c", first: 1991, last: Infinity}
    ]);
    expect(rows.map((r) => [r.label, r.n, r.first, r.last])).toEqual([
      ["a", 1, 1990, 1990],
      ["c", 1, 1992, 1992]
    ]);
    expect(rows[0].t).toBeNaN();
  });
  it("decades(1927, 2024) runs from the 1920s to the 2020s", () => {
    const d = decades(1927, 2024);
    expect(d.map((e) => e.label)).toEqual([
      "1920s",
      "1930s",
      "1940s",
      "1950s",
      "1960s",
      "1970s",
      "1980s",
      "1990s",
      "2000s",
      "2010s",
      "2020s"
    ]);
    expect([d[0].first, d[0].last]).toEqual([1920, 1929]);
  });
});

describe("rollingAnnualized", () => {
  it("rollingAnnualized(r, {months: 2}) compounds each pair and annualises to 12 months", () => {
    const out = rollingAnnualized(Float64Array.of(0.01, 0.02, -0.01, NaN, 0.03), {months: 2});
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeCloseTo((1.01 * 1.02) ** 6 - 1, 14);
    expect(out[2]).toBeCloseTo((1.02 * 0.99) ** 6 - 1, 14);
    expect(out[3]).toBeNaN();
    expect(out[4]).toBeNaN();
  });
  it("rollingAnnualized with months = 12 is the plain 12-month compounded return", () => {
    const r = Float64Array.from({length: 12}, (_, i) => 0.01 * (i - 5));
    expect(rollingAnnualized(r, {months: 12})[11]).toBeCloseTo(r.reduce((g, x) => g * (1 + x), 1) - 1, 14);
    expect(() => rollingAnnualized(r, {months: 0})).toThrow("invalid window: 0");
  });
});

const FILE = path.resolve(import.meta.dirname, "../../../shared/data/french/F-F_Research_Data_Factors.CSV");

describe.skipIf(!existsSync(FILE))("eraTable on the shared annual factors (vintage 202509, 1927–2024)", () => {
  const text = readFileSync(FILE, "utf8");
  const annual = parseFrenchCsv(text).sections.find((s) => s.frequency === "annual")!;
  const years = Float64Array.from(annual.dates, (t) => new Date(t).getUTCFullYear());
  const smb = annual.values[annual.columns.indexOf("SMB")];

  it("each era matches a hand computation on the file's own lines (percent, one row a year)", () => {
    // Independent of the parser: the annual table's rows read straight from the text.
    const lines = text.split(/\r?\n/);
    const start = lines.findIndex((l) => /Annual Factors/.test(l)) + 2;
    const rows: [number, number][] = [];
    for (const line of lines.slice(start)) {
      const cells = line.split(",").map((c) => c.trim());
      if (!/^\d{4}$/.test(cells[0])) break;
      rows.push([+cells[0], +cells[2] / 100]);
    }
    expect(rows.length).toBe(98);
    for (const era of eraTable(years, smb, SIZE_ERAS)) {
      const r = rows.filter(([y]) => y >= era.first && y <= era.last).map(([, v]) => v);
      const mean = r.reduce((a, b) => a + b, 0) / r.length;
      const sd = Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / (r.length - 1));
      expect(era.n).toBe(r.length);
      expect(era.mean).toBeCloseTo(mean, 14);
      expect(era.t).toBeCloseTo(mean / (sd / Math.sqrt(r.length)), 12);
      expect(era.compound).toBeCloseTo(Math.exp(r.reduce((a, b) => a + Math.log1p(b), 0) / r.length) - 1, 14);
    }
  });

  it("the eras' figures, computed once in Python (/usr/bin/python3, plain arithmetic on the same file)", () => {
    // [n, mean %, sd %, t, compounded %, positive years], rounded to 3 decimals.
    const python: Record<string, number[]> = {
      "1927–1962": [36, 3.401, 13.943, 1.464, 2.521, 19],
      "1963–1990": [28, 3.833, 15.9, 1.276, 2.709, 15],
      "1991–2012": [22, 2.409, 11.258, 1.004, 1.804, 12],
      "2013 to date": [12, -2.029, 7.323, -0.96, -2.27, 3]
    };
    const rows = eraTable(years, smb, SIZE_ERAS);
    expect(rows.map((r) => r.label)).toEqual(Object.keys(python));
    expect([rows[3].first, rows[3].last]).toEqual([2013, 2024]);
    for (const r of rows) {
      const [n, mean, sd, t, compound, positive] = python[r.label];
      expect([r.n, Math.round(r.positive * r.n)]).toEqual([n, positive]);
      expect(r.mean * 100).toBeCloseTo(mean, 3);
      expect(r.sd * 100).toBeCloseTo(sd, 3);
      expect(r.t).toBeCloseTo(t, 3);
      expect(r.compound * 100).toBeCloseTo(compound, 3);
    }
  });
});
