import {describe, it, expect} from "vitest";
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {strToU8, zipSync} from "fflate";
import {
  fetchFrench,
  findSection,
  parseFrenchCsv,
  sizeGroups,
  sizeValuation,
  titleOf,
  unitOf,
  unzipFrench,
  type FrenchFile,
  type FrenchSection
} from "../../data-loaders/french.js";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/french");
const shared = path.resolve(import.meta.dirname, "../../../shared/data/french");
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const fixture = (name: string) => readFileSync(path.join(fixtures, name), "utf8");

function section(file: FrenchFile, title: string, frequency?: FrenchSection["frequency"]): FrenchSection {
  const s = findSection(file, title, {frequency});
  if (!s) throw new Error(`missing section ${title}`);
  return s;
}
function cell(s: FrenchSection, column: string, date: string): number {
  const i = s.dates.indexOf(Date.parse(date));
  const j = s.columns.indexOf(column);
  if (i < 0 || j < 0) throw new Error(`no cell ${column} ${date} in ${s.title}`);
  return s.values[j][i];
}

describe("parseFrenchCsv on fixtures", () => {
  const factors = parseFrenchCsv(fixture("mini-factors.CSV"));
  const mini = parseFrenchCsv(fixture("mini-2x3.CSV"));

  it('parseFrenchCsv(factors) names the untitled first table "" and keeps the annual table apart', () => {
    expect(factors.sections.map((s) => [s.title, s.frequency, s.dates.length])).toEqual([
      ["", "monthly", 3],
      ["Annual Factors: January-December", "annual", 2]
    ]);
    expect(factors.sections[0].columns).toEqual(["Mkt-RF", "SMB", "HML", "RF"]);
    expect(factors.vintage).toBe("202509");
  });

  it("parseFrenchCsv(factors) converts percent to fractions and dates to month ends / 31 December", () => {
    const [monthly, annual] = factors.sections;
    expect(Array.from(monthly.dates, day)).toEqual(["1926-07-31", "1926-08-31", "1926-09-30"]);
    expect(monthly.values[1][0]).toBeCloseTo(-0.0255, 12);
    expect(monthly.unit).toBe("fraction");
    expect(Array.from(annual.dates, day)).toEqual(["1927-12-31", "1928-12-31"]);
    expect(annual.values[0][1]).toBeCloseTo(0.3556, 12);
  });

  it("parseFrenchCsv(2x3) takes the multi-line title block's name and keeps ratios, counts and $ millions as published", () => {
    expect(mini.sections.map((s) => [s.title, s.unit])).toEqual([
      ["Average Value Weighted Returns -- Monthly", "fraction"],
      ["Average Value Weighted Returns -- Annual", "fraction"],
      ["Number of Firms in Portfolios", "count"],
      ["Average Market Cap", "usd-millions"],
      ["Value Weight Average of BE/ME", "ratio"],
      ["Value Weight Average of OP", "ratio"]
    ]);
    const beme = section(mini, "Value Weight Average of BE/ME");
    expect(beme.description).toContain("Sum[ME(Mth) * BE(Fiscal Year t-1) / ME(Dec t-1)]");
    expect(beme.values[1][0]).toBe(0.5);
    expect(section(mini, "Number of Firms in Portfolios").values[0][0]).toBe(10);
    expect(section(mini, "Average Market Cap").values[5][0]).toBe(200);
    expect(section(mini, "Value Weight Average of OP").values[0][0]).toBe(-0.1);
    expect(mini.vintage).toBe("202412");
  });

  it("parseFrenchCsv reads -99.99, -99.9900 and -999 as NaN", () => {
    const beme = section(mini, "Value Weight Average of BE/ME");
    expect([2, 3, 4, 5].map((j) => beme.values[j][1])).toEqual([NaN, NaN, NaN, NaN]);
    expect(section(mini, "Average Value Weighted Returns -- Monthly").values[2][1]).toBeNaN();
  });

  it("parseFrenchCsv reads LF line endings and an empty text", () => {
    const lf = parseFrenchCsv(fixture("mini-factors.CSV").replace(/\r\n/g, "\n"));
    expect(lf.sections.map((s) => s.dates.length)).toEqual([3, 2]);
    expect(parseFrenchCsv("")).toEqual({vintage: null, sections: [], warnings: []});
  });

  it("parseFrenchCsv reads daily YYYYMMDD dates as that day and a short row as NaN", () => {
    const daily = parseFrenchCsv("prose\r\n\r\n,Mkt-RF,SMB\r\n20240229,   1.00,  -0.50\r\n20240301,   2.00\r\n")
      .sections[0];
    expect(daily.frequency).toBe("daily");
    expect(Array.from(daily.dates, day)).toEqual(["2024-02-29", "2024-03-01"]);
    expect(Array.from(daily.values[1])).toEqual([-0.005, NaN]);
  });

  it("parseFrenchCsv skips a 7-digit or impossible date with a warning and keeps reading the table and the next one", () => {
    const text = fixture("mini-factors.CSV")
      .replace(/\r\n/g, "\n")
      .replace("192608,", "1926081,")
      .replace("192609,", "192613,");
    const file = parseFrenchCsv(text);
    expect(file.sections.map((s) => [s.title, s.dates.length])).toEqual([
      ["", 1],
      ["Annual Factors: January-December", 2]
    ]);
    expect(file.warnings).toEqual([
      "French CSV line 7: date 1926081 is not YYYY, YYYYMM or YYYYMMDD; row skipped",
      "French CSV line 8: date 192613 is not YYYY, YYYYMM or YYYYMMDD; row skipped"
    ]);
  });

  it("parseFrenchCsv throws when a table's date width changes without a new title", () => {
    expect(() => parseFrenchCsv(",A\r\n202401, 1.0\r\n2024, 2.0\r\n")).toThrow(/line 3/);
  });
});

describe("titleOf, unitOf, sizeGroups", () => {
  it('titleOf(block) cuts at "Calculated", else takes the line nearest the header', () => {
    expect(
      titleOf(["For portfolios formed in June of year t", "Value Weight Average of OP Calculated as:", "Sum[...]"])
    ).toBe("Value Weight Average of OP");
    expect(titleOf(["  Number of Firms in Portfolios"])).toBe("Number of Firms in Portfolios");
    expect(titleOf([])).toBe("");
  });

  it("unitOf(title) recognises the library's tables", () => {
    expect(unitOf("Value Weight Average of BE_FYt-1/ME_June t")).toBe("ratio");
    expect(unitOf("Sum of BE / Sum of ME")).toBe("ratio");
    expect(unitOf("Value Weight Average of investment (rate of growth of assets)")).toBe("ratio");
    expect(unitOf("Average Firm Size")).toBe("usd-millions");
    expect(unitOf("Equal Weight Returns -- Annual from January to December")).toBe("fraction");
    expect(unitOf("Something new")).toBe("raw");
  });

  it("sizeGroups(columns) picks SMALL/ME1 and BIG/ME5 in the 5x5 layout", () => {
    const cols = [1, 2, 3, 4, 5].flatMap((m) => [1, 2, 3, 4, 5].map((b) => `ME${m} BM${b}`));
    cols[0] = "SMALL LoBM";
    cols[4] = "SMALL HiBM";
    cols[20] = "BIG LoBM";
    cols[24] = "BIG HiBM";
    expect(sizeGroups(cols)).toEqual({small: [0, 1, 2, 3, 4], big: [20, 21, 22, 23, 24]});
    expect(() => sizeGroups(["Lo 30", "Hi 30"])).toThrow(/size groups/);
  });
});

describe("sizeValuation on the hand-made 2x3 fixture", () => {
  const v = sizeValuation(parseFrenchCsv(fixture("mini-2x3.CSV")));

  it("sizeValuation(file) weights cells by firms × average cap: 2024-01 small 52/80, big 240/600", () => {
    // weights 10·1, 20·2, 30·1 and 2·100, 4·50, 1·200
    expect(day(v.dates[0])).toBe("2024-01-31");
    expect(v.small[0]).toBeCloseTo(0.65, 12);
    expect(v.big[0]).toBeCloseTo(0.4, 12);
    expect(v.ratio[0]).toBeCloseTo(1.625, 12);
  });

  it("sizeValuation skips a missing cell and renormalises; an all-missing group is NaN", () => {
    expect(v.small[1]).toBeCloseTo(22 / 50, 12);
    expect(v.big[1]).toBeNaN();
    expect(v.ratio[1]).toBeNaN();
  });

  it("sizeValuation skips a cell whose weight is missing", () => {
    expect(v.small[2]).toBeCloseTo(51 / 70, 12);
    expect(v.big[2]).toBeCloseTo(0.5, 12);
  });

  it("sizeValuation throws on a file without the section", () => {
    expect(() => sizeValuation(parseFrenchCsv(fixture("mini-factors.CSV")))).toThrow(/Value Weight Average of BE\/ME/);
  });
});

describe("parseFrenchCsv on the five-factor and momentum fixtures (excerpts of the real files)", () => {
  it("parseFrenchCsv(five-factor daily): vintage 202601, columns Mkt-RF … RF, percent to fractions", () => {
    const f = parseFrenchCsv(fixture("mini-5-factors-daily.CSV"));
    expect(f.vintage).toBe("202601");
    expect(f.sections).toHaveLength(1);
    const s = f.sections[0];
    expect([s.title, s.frequency, s.unit]).toEqual(["", "daily", "fraction"]);
    expect(s.columns).toEqual(["Mkt-RF", "SMB", "HML", "RMW", "CMA", "RF"]);
    expect(Array.from(s.dates, day)).toEqual(["1963-07-01", "1963-07-02", "2026-01-28", "2026-01-29", "2026-01-30"]);
    expect(cell(s, "RMW", "2026-01-30")).toBeCloseTo(0.0166, 12);
    expect(cell(s, "CMA", "1963-07-02")).toBeCloseTo(-0.002, 12);
  });

  it("parseFrenchCsv(momentum daily): vintage 202604 from the 'created by using' line, one Mom column", () => {
    const f = parseFrenchCsv(fixture("mini-momentum-daily.CSV"));
    expect(f.vintage).toBe("202604");
    expect(f.sections.map((s) => [s.title, s.frequency, s.columns])).toEqual([["", "daily", ["Mom"]]]);
    expect(cell(f.sections[0], "Mom", "2026-04-30")).toBeCloseTo(0.0217, 12);
    expect(cell(f.sections[0], "Mom", "1926-11-04")).toBeCloseTo(-0.0051, 12);
  });
});

describe("unzipFrench and fetchFrench", () => {
  const csv = fixture("mini-factors.CSV");
  const zip = zipSync({"F-F_Research_Data_Factors.CSV": strToU8(csv)});

  it("unzipFrench(bytes) round-trips a zipped CSV", () => {
    expect(unzipFrench(zip)).toBe(csv);
    expect(parseFrenchCsv(unzipFrench(zip)).sections).toHaveLength(2);
  });

  it("unzipFrench throws when the zip holds no CSV", () => {
    expect(() => unzipFrench(zipSync({"readme.txt": strToU8("x")}))).toThrow(/found 0/);
  });

  it("fetchFrench(dataset, {baseUrl, fetch}) gets ${baseUrl}/${dataset}_CSV.zip and unzips it", async () => {
    const urls: string[] = [];
    const fake = (async (url: string) => {
      urls.push(url);
      return new Response(zip, {status: 200});
    }) as unknown as typeof fetch;
    const text = await fetchFrench("F-F_Research_Data_Factors", {baseUrl: "http://127.0.0.1:1/ftp", fetch: fake});
    expect(urls).toEqual(["http://127.0.0.1:1/ftp/F-F_Research_Data_Factors_CSV.zip"]);
    expect(text).toBe(csv);
  });

  it("fetchFrench throws with the URL and status when the response is not ok", async () => {
    const fake = (async () => new Response("gone", {status: 404})) as unknown as typeof fetch;
    await expect(fetchFrench("Nope", {baseUrl: "http://x/ftp", fetch: fake})).rejects.toThrow(
      "http://x/ftp/Nope_CSV.zip: HTTP 404"
    );
  });
});

if (!existsSync(shared))
  console.warn(`french-test: ${shared} is absent, skipping the tests on the real Ken French files`);

describe.skipIf(!existsSync(shared))("parseFrenchCsv on the real files in shared/data/french", () => {
  const read = (name: string) => parseFrenchCsv(readFileSync(path.join(shared, name), "utf8"));
  const shape = (file: FrenchFile) =>
    file.sections.map((s) => [s.title, s.frequency, day(s.dates[0]), day(s.dates[s.dates.length - 1]), s.dates.length]);

  it("F-F_Research_Data_Factors_daily: one daily table 1926-07-01..2026-04-30, 26233 rows, SMB as a fraction", () => {
    const f = read("F-F_Research_Data_Factors_daily.CSV");
    expect(f.vintage).toBe("202604");
    expect(shape(f)).toEqual([["", "daily", "1926-07-01", "2026-04-30", 26233]]);
    const s = f.sections[0];
    expect(cell(s, "SMB", "1926-07-01")).toBeCloseTo(-0.0025, 12);
    expect(cell(s, "SMB", "2008-10-13")).toBeCloseTo(-0.0245, 12);
    expect(cell(s, "Mkt-RF", "2020-03-16")).toBeCloseTo(-0.1201, 12);
    expect(cell(s, "HML", "2026-04-30")).toBeCloseTo(-0.0071, 12);
  });

  it("F-F_Research_Data_Factors: monthly 192607..202509 (1191) and annual 1927..2024 (98)", () => {
    const f = read("F-F_Research_Data_Factors.CSV");
    expect(f.vintage).toBe("202509");
    expect(shape(f)).toEqual([
      ["", "monthly", "1926-07-31", "2025-09-30", 1191],
      ["Annual Factors: January-December", "annual", "1927-12-31", "2024-12-31", 98]
    ]);
    expect(cell(f.sections[0], "Mkt-RF", "2025-09-30")).toBeCloseTo(0.0339, 12);
    expect(cell(f.sections[1], "SMB", "2024-12-31")).toBeCloseTo(-0.1134, 12);
  });

  it("F-F_Research_Data_5_Factors_2x3_daily: one daily table 1963-07-01..2026-01-30, 15751 rows, six columns", () => {
    const f = read("F-F_Research_Data_5_Factors_2x3_daily.CSV");
    expect(f.vintage).toBe("202601");
    expect(shape(f)).toEqual([["", "daily", "1963-07-01", "2026-01-30", 15751]]);
    expect(f.sections[0].columns).toEqual(["Mkt-RF", "SMB", "HML", "RMW", "CMA", "RF"]);
    expect(f.warnings).toEqual([]);
  });

  it("F-F_Momentum_Factor_daily: one daily table 1926-11-03..2026-04-30, 26132 rows of Mom", () => {
    const f = read("F-F_Momentum_Factor_daily.CSV");
    expect(f.vintage).toBe("202604");
    expect(shape(f)).toEqual([["", "daily", "1926-11-03", "2026-04-30", 26132]]);
    expect(f.sections[0].columns).toEqual(["Mom"]);
  });

  it("25_Portfolios_5x5: ten sections, monthly dates are month ends, OP and investment from 196307", () => {
    const f = read("25_Portfolios_5x5.CSV");
    expect(f.vintage).toBe("202602");
    const monthly = ["monthly", "1926-07-31", "2026-02-28", 1196];
    const annual = ["annual", "1927-12-31", "2025-12-31", 99];
    const op = ["monthly", "1963-07-31", "2026-02-28", 752];
    expect(shape(f)).toEqual([
      ["Average Value Weighted Returns -- Monthly", ...monthly],
      ["Average Equal Weighted Returns -- Monthly", ...monthly],
      ["Average Value Weighted Returns -- Annual", ...annual],
      ["Average Equal Weighted Returns -- Annual", ...annual],
      ["Number of Firms in Portfolios", ...monthly],
      ["Average Market Cap", ...monthly],
      ["Value Weight Average of BE/ME", ...monthly],
      ["Value Weight Average of BE_FYt-1/ME_June t", ...monthly],
      ["Value Weight Average of OP", ...op],
      ["Value Weight Average of investment (rate of growth of assets)", ...op]
    ]);
    for (const s of f.sections) {
      expect(s.columns).toHaveLength(25);
      if (s.frequency === "monthly")
        expect(s.dates.every((t) => new Date(t + 86_400_000).getUTCDate() === 1)).toBe(true);
    }
    const vw = section(f, "Average Value Weighted Returns -- Monthly");
    expect(cell(vw, "SMALL LoBM", "1926-07-31")).toBeCloseTo(0.058276, 12);
    expect(cell(vw, "BIG HiBM", "2026-02-28")).toBeCloseTo(-0.005265, 12);
    expect(cell(section(f, "Number of Firms in Portfolios"), "SMALL LoBM", "2026-02-28")).toBe(180);
    expect(cell(section(f, "Average Market Cap"), "SMALL LoBM", "1926-07-31")).toBe(2.71);
    expect(cell(section(f, "Value Weight Average of BE/ME"), "BIG HiBM", "2026-02-28")).toBe(1.1874);
    expect(cell(section(f, "Value Weight Average of OP"), "SMALL LoBM", "1963-07-31")).toBe(-0.824);
    expect(
      cell(section(f, "Value Weight Average of investment (rate of growth of assets)"), "BIG HiBM", "2026-02-28")
    ).toBe(-0.0555);
  });

  it("6_Portfolios_2x3: ten sections through 202412 with the 2x3 columns", () => {
    const f = read("6_Portfolios_2x3.CSV");
    expect(f.vintage).toBe("202412");
    expect(f.sections).toHaveLength(10);
    expect(f.sections[0].columns).toEqual(["SMALL LoBM", "ME1 BM2", "SMALL HiBM", "BIG LoBM", "ME2 BM2", "BIG HiBM"]);
    expect(shape(f)[0]).toEqual([
      "Average Value Weighted Returns -- Monthly",
      "monthly",
      "1926-07-31",
      "2024-12-31",
      1182
    ]);
    expect(shape(f)[2]).toEqual(["Average Value Weighted Returns -- Annual", "annual", "1927-12-31", "2024-12-31", 98]);
    expect(shape(f)[8]).toEqual(["Value Weight Average of OP", "monthly", "1963-07-31", "2024-12-31", 738]);
    expect(cell(f.sections[0], "BIG HiBM", "2024-12-31")).toBeCloseTo(-0.06586, 12);
    expect(cell(section(f, "Average Market Cap"), "BIG LoBM", "2024-12-31")).toBe(92247.96);
    expect(cell(section(f, "Value Weight Average of BE/ME"), "SMALL LoBM", "2024-12-31")).toBe(0.1583);
  });

  it("Portfolios_Formed_on_BE-ME: eight sections, -99.99 and -99.9900 are NaN but -99.7455 is data", () => {
    const f = read("Portfolios_Formed_on_BE-ME.CSV");
    expect(shape(f).map((s) => s[0])).toEqual([
      "Value Weight Returns -- Monthly",
      "Equal Weight Returns -- Monthly",
      "Value Weight Returns -- Annual from January to December",
      "Equal Weight Returns -- Annual from January to December",
      "Number of Firms in Portfolios",
      "Average Firm Size",
      "Sum of BE / Sum of ME",
      "Value Weight Average of BE / ME"
    ]);
    expect(shape(f)[7]).toEqual(["Value Weight Average of BE / ME", "annual", "1927-12-31", "2025-12-31", 99]);
    const vw = f.sections[0];
    expect(cell(vw, "<= 0", "1944-11-30")).toBeNaN();
    expect(cell(vw, "Lo 30", "1944-11-30")).toBeCloseTo(0.0116, 12);
    expect(cell(section(f, "Average Firm Size"), "<= 0", "1944-11-30")).toBeNaN();
    const beme = section(f, "Value Weight Average of BE / ME");
    expect(cell(beme, "<= 0", "1945-12-31")).toBeNaN();
    expect(cell(beme, "<= 0", "1944-12-31")).toBe(-99.7455);
    expect(cell(beme, "<= 0", "1927-12-31")).toBe(-3.9092);
  });

  it('Portfolios_Formed_on_ME: six sections; the "<= 0" returns are all missing, its firm count is 0', () => {
    const f = read("Portfolios_Formed_on_ME.CSV");
    expect(f.sections).toHaveLength(6);
    expect(f.sections[0].columns).toHaveLength(19);
    expect(f.sections[0].values[0].every(Number.isNaN)).toBe(true);
    expect(cell(section(f, "Number of Firms in Portfolios"), "<= 0", "1926-07-31")).toBe(0);
    expect(cell(section(f, "Number of Firms in Portfolios"), "Lo 30", "1926-07-31")).toBe(153);
  });

  it("sizeValuation on the real 2x3 file, 2024-12: small 0.5860, big 0.2363, worked from the published cells", () => {
    // weights 459·1302.37, 784·1236.15, 1047·631.21 on BE/ME 0.1583, 0.4510, 1.1710;
    // 423·92247.96, 326·32867.83, 127·33606.20 on 0.1025, 0.4587, 0.9015
    const v = sizeValuation(read("6_Portfolios_2x3.CSV"));
    const i = v.dates.length - 1;
    expect(day(v.dates[i])).toBe("2024-12-31");
    expect(v.small[i]).toBeCloseTo(0.58604713, 7);
    expect(v.big[i]).toBeCloseTo(0.23631976, 7);
    expect(v.ratio[i]).toBeCloseTo(2.47989052, 7);
  });

  it("sizeValuation on the real 5x5 file is finite every month, and small was dearer than big in the mid-1980s", () => {
    const v = sizeValuation(read("25_Portfolios_5x5.CSV"));
    expect(v.ratio.every(Number.isFinite)).toBe(true);
    const at = v.dates.indexOf(Date.UTC(1985, 4, 31));
    expect(v.ratio[at]).toBeLessThan(1);
    expect(v.ratio[v.dates.length - 1]).toBeCloseTo(3.7145, 3);
  });
});
