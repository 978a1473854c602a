import {describe, it, expect} from "vitest";
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {fetchFred, parseFredCsv} from "../../data-loaders/fred.js";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/fred");
const shared = path.resolve(import.meta.dirname, "../../../shared/data/fred");
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const at = (s: {dates: Float64Array; values: Float64Array}, date: string) =>
  s.values[s.dates.indexOf(Date.parse(date))];

describe("parseFredCsv on fixtures", () => {
  it('parseFredCsv(text, {id}) reads the older DATE header, "." and empty cells as NaN', () => {
    const s = parseFredCsv(readFileSync(path.join(fixtures, "DGS10-dots.csv"), "utf8"), {id: "DGS10"});
    expect(s.id).toBe("DGS10");
    expect(Array.from(s.dates, day)).toEqual(["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"]);
    expect(Array.from(s.values)).toEqual([NaN, 3.95, NaN, 3.99]);
  });

  it("parseFredCsv picks the column by name when the file holds several series", () => {
    const s = parseFredCsv("observation_date,DGS2,DGS10\n2024-01-02,4.33,3.95\n", {id: "DGS10"});
    expect(Array.from(s.values)).toEqual([3.95]);
  });

  it("parseFredCsv of a header alone is an empty series", () => {
    const s = parseFredCsv("observation_date,INDPRO\n", {id: "INDPRO"});
    expect(s.dates.length).toBe(0);
    expect(s.values.length).toBe(0);
  });

  it("parseFredCsv throws on an empty text, a missing column, a foreign header and a bad date", () => {
    expect(() => parseFredCsv("", {id: "X"})).toThrow(/empty/);
    expect(() => parseFredCsv("observation_date,DGS2\n2024-01-02,1\n", {id: "DGS10"})).toThrow(/no column DGS10/);
    expect(() => parseFredCsv("<html>\n", {id: "DGS10"})).toThrow(/unexpected header/);
    expect(() => parseFredCsv("DATE,X\n2024-02-30,1\n", {id: "X"})).toThrow(/line 2/);
  });
});

describe("fetchFred", () => {
  it("fetchFred(id, {baseUrl, fetch}) gets ${baseUrl}?id=${id} and returns the text", async () => {
    const urls: string[] = [];
    const fake = (async (url: string) => {
      urls.push(url);
      return new Response("observation_date,FEDFUNDS\n2024-01-01,5.33\n", {status: 200});
    }) as unknown as typeof fetch;
    const text = await fetchFred("FEDFUNDS", {baseUrl: "http://127.0.0.1:1/fredgraph.csv", fetch: fake});
    expect(urls).toEqual(["http://127.0.0.1:1/fredgraph.csv?id=FEDFUNDS"]);
    expect(at(parseFredCsv(text, {id: "FEDFUNDS"}), "2024-01-01")).toBe(5.33);
  });

  it("fetchFred throws with the URL and status when the response is not ok", async () => {
    const fake = (async () => new Response("", {status: 500})) as unknown as typeof fetch;
    await expect(fetchFred("DGS10", {baseUrl: "http://x/f.csv", fetch: fake})).rejects.toThrow(
      "http://x/f.csv?id=DGS10: HTTP 500"
    );
  });
});

if (!existsSync(shared)) console.warn(`fred-test: ${shared} is absent, skipping the tests on the real FRED files`);

describe.skipIf(!existsSync(shared))("parseFredCsv on the real files in shared/data/fred", () => {
  const read = (id: string) => parseFredCsv(readFileSync(path.join(shared, `${id}.csv`), "utf8"), {id});

  it("DGS10: 16848 rows 1962-01-02..2026-07-30, 719 empty holidays as NaN", () => {
    const s = read("DGS10");
    expect(s.dates.length).toBe(16848);
    expect(day(s.dates[0])).toBe("1962-01-02");
    expect(day(s.dates[s.dates.length - 1])).toBe("2026-07-30");
    expect(s.values.filter(Number.isNaN).length).toBe(719);
    expect(s.values[0]).toBe(4.06);
    expect(s.values[s.values.length - 1]).toBe(4.68);
    expect(at(s, "2008-09-15")).toBe(3.47);
    expect(at(s, "1962-02-12")).toBeNaN(); // "1962-02-12," in the file
  });

  it("INDPRO: 1286 monthly rows 1919-01-01..2026-02-01 dated the 1st", () => {
    const s = read("INDPRO");
    expect(s.dates.length).toBe(1286);
    expect(day(s.dates[0])).toBe("1919-01-01");
    expect(day(s.dates[s.dates.length - 1])).toBe("2026-02-01");
    expect(s.values[0]).toBe(4.8739);
    expect(at(s, "2009-01-01")).toBe(88.57);
    expect(s.values.some(Number.isNaN)).toBe(false);
  });

  it("FEDFUNDS: 862 monthly rows 1954-07-01..2026-04-01", () => {
    const s = read("FEDFUNDS");
    expect(s.dates.length).toBe(862);
    expect(day(s.dates[0])).toBe("1954-07-01");
    expect(day(s.dates[s.dates.length - 1])).toBe("2026-04-01");
    expect(at(s, "2008-02-01")).toBe(2.98);
    expect(s.values[s.values.length - 1]).toBe(3.64);
  });
});
