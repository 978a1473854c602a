import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {formatPercent} from "../../src/lib/format.js";
import {METRIC_COLUMNS} from "../../src/components/returns-tables.js";
import {launchChromium} from "./chromium.js";
import {openPage, settle} from "./page-check.js";

const chromiumPath = inject("chromiumPath");
const realSiteUrl = inject("realSiteUrl");
const reference = JSON.parse(readFileSync(resolve(import.meta.dirname, "../reference/returns-reference.json"), "utf8"));
const metricsReference = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../reference/metrics-reference.json"), "utf8")
);

/** The metrics table's rows as text: the ticker, then each cell. */
const metricsRows = (page: import("playwright-core").Page) =>
  page
    .locator(".metrics-table tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));

/** A fund's row as the independent computation writes it at the table's display precision. */
const expectedRow = (ticker: string, m: Record<string, number | null>) => [
  ticker,
  ...METRIC_COLUMNS.map(({key, format}) => format(m[key] ?? NaN))
];

describe.skipIf(!chromiumPath || !realSiteUrl)("the returns page on the real shared prices", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium(chromiumPath!)));
  afterAll(async () => browser?.close());

  it("a link sets funds, benchmark and range; the calendar years equal the independent computation", async () => {
    const query = "tickers=IJR,IWM,IVV&benchmark=SPY&from=2005-12-31&to=2025-12-31";
    const {page, problems} = await openPage(browser, `${realSiteUrl}returns.html?${query}`);
    expect(problems.errorCells).toEqual([]);
    const header = await page.locator(".year-table thead th").allInnerTexts();
    // Funds in the universe's order, as the checkboxes list them.
    expect(header).toEqual(["Year", "IJR", "IVV", "IWM", "SPY"]);
    const rows = await page
      .locator(".year-table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(rows.map((r) => r[0])).toEqual(Array.from({length: 20}, (_, i) => String(2006 + i)));
    for (const [j, ticker] of header.slice(1).entries()) {
      expect(rows.map((r) => r[j + 1])).toEqual(rows.map((r) => formatPercent(reference[ticker].years[r[0]!])));
    }
    const wins = (t: string) =>
      Object.keys(reference[t].years).filter((y) => reference[t].years[y] > reference.SPY.years[y]).length;
    await expect(page.locator(".table-note").first().innerText()).resolves.toBe(
      `IJR beat SPY in ${wins("IJR")} of 20 whole years; IVV beat SPY in ${wins("IVV")} of 20 whole years; IWM beat SPY in ${wins("IWM")} of 20 whole years.`
    );
    const worst = page.locator('.drawdown-table tr[data-ticker="IJR"]').first().locator("td");
    const expected = reference.IJR.drawdowns[0];
    await expect(worst.allInnerTexts()).resolves.toEqual([
      "IJR",
      expected.peak,
      expected.trough,
      expected.recovery,
      formatPercent(expected.depth),
      String(expected.daysToTrough),
      String(expected.daysToRecover)
    ]);
    // The link keeps what differs from the defaults (SPY is the default benchmark on this universe).
    const params = new URL(page.url()).searchParams;
    expect([params.get("tickers"), params.get("from"), params.get("to")]).toEqual([
      "IJR,IVV,IWM",
      "2005-12-31",
      "2025-12-31"
    ]);
    await page.close();
  });

  it("the metrics table equals the pandas reference to display precision, over French's RF", async () => {
    for (const {from, to, metrics} of metricsReference.ranges) {
      const query = `tickers=IJR,IWM,IVV&benchmark=SPY&from=${from}&to=${to}`;
      const {page, problems} = await openPage(browser, `${realSiteUrl}returns.html?${query}`);
      expect(problems.errorCells).toEqual([]);
      const header = await page.locator(".metrics-table thead th").allInnerTexts();
      expect(header).toEqual(["Fund", ...METRIC_COLUMNS.map((c) => c.label)]);
      expect(await metricsRows(page)).toEqual(["IJR", "IVV", "IWM", "SPY"].map((t) => expectedRow(t, metrics[t])));
      // The risk-free rate ends on 2026-04-30; a range running to 2026-05-01 carries it one day and says so.
      const note = await page.locator(".rf-note").innerText();
      if (metrics.SPY.riskFreeCarried)
        expect(note).toContain(
          `French's daily risk-free rate ends on ${metricsReference.riskFreeLastDay}: its last value (`
        );
      expect(note).toContain(
        metrics.SPY.riskFreeCarried
          ? `carried forward over the last ${metrics.SPY.riskFreeCarried} trading day`
          : `French's daily RF (published to ${metricsReference.riskFreeLastDay})`
      );
      await page.close();
    }
  });

  it("shows the chosen fund's monthly heatmap and every figure, and a link reproduces the view", async () => {
    const query = "tickers=IJR,IWM,IVV&from=2019-06-15&to=2026-05-01&ticker=IWM";
    const {page, problems} = await openPage(browser, `${realSiteUrl}returns.html?${query}`);
    expect(problems).toEqual({errorCells: [], consoleErrors: [], pageErrors: [], failedRequests: []});
    const names = await page
      .locator("figure.workbench-figure")
      .evaluateAll((fs) => fs.map((f) => (f as HTMLElement).dataset.name));
    expect(names).toEqual([
      "calendar-years-2019-06-15-2026-05-01",
      "monthly-IWM-2019-06-15-2026-05-01",
      "risk-return-2019-06-15-2026-05-01",
      "rolling-risk-IWM-SPY-2019-06-15-2026-05-01",
      "underwater-2019-06-15-2026-05-01"
    ]);
    for (const name of names) {
      const fig = page.locator(`figure[data-name="${name}"]`);
      await expect(fig.locator("svg").count()).resolves.toBeGreaterThan(0);
      await expect(fig.locator("figcaption").innerText()).resolves.not.toBe("");
    }
    // 84 months from June 2019 (cut by the base) to May 2026 (one close), then one total per year.
    const monthly = page.locator('figure[data-name^="monthly-"]');
    await expect(monthly.locator("figcaption").innerText()).resolves.toMatch(/^IWM rose in \d+ of 84 months/);
    // The month heatmap's cells: 84 months and 8 years (2019 to 2026).
    await expect(monthly.locator('g[aria-label="cell"] rect').count()).resolves.toBe(84 + 8);
    // Choosing another fund goes into the link (IVV: the default, the first fund, is left out of links); opening that
    // link shows the same view.
    await page.getByLabel("Fund", {exact: true}).selectOption({label: "IVV"});
    await settle(page);
    const url = page.url();
    expect(new URL(url).searchParams.get("ticker")).toBe("IVV");
    const months = await monthly.locator("figcaption").innerText();
    const rows = await metricsRows(page);
    const again = await openPage(browser, url);
    await expect(again.page.locator('figure[data-name^="monthly-"] figcaption').innerText()).resolves.toBe(months);
    expect(await metricsRows(again.page)).toEqual(rows);
    await expect(again.page.locator('figure[data-name^="rolling-risk-"]').getAttribute("data-name")).resolves.toBe(
      "rolling-risk-IVV-SPY-2019-06-15-2026-05-01"
    );
    await again.page.close();
    await page.close();
  });

  it("the report's Year by year section shows its funds' calendar years to the as-of date", async () => {
    const {page, problems} = await openPage(browser, `${realSiteUrl}reports/small-caps.html?asof=2025-12-31`);
    expect(problems.errorCells).toEqual([]);
    await expect(page.locator("h2", {hasText: "Year by year"}).count()).resolves.toBe(1);
    const table = page.locator(".year-table").last();
    const header = await table.locator("thead th").allInnerTexts();
    expect(header.slice(0, 1)).toEqual(["Year"]);
    expect(header).toContain("IJR");
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(rows.map((r) => r[0])).toEqual(Array.from({length: 11}, (_, i) => String(2015 + i)));
    const j = header.indexOf("IJR");
    expect(rows.map((r) => r[j])).toEqual(rows.map((r) => formatPercent(reference.IJR.years[r[0]!])));
    await expect(page.locator('figure[data-name="report-years-2025-12-31"] figcaption').innerText()).resolves.toMatch(
      /^Calendar-year total returns, 2015 to 2025: /
    );
    await page.close();
  });
});
