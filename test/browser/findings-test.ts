// What the pages got wrong (issue 8 §3), checked in Chromium on the sample build and the real shared prices.
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {launchChromium} from "./chromium.js";
import {openPage} from "./page-check.js";

const chromiumPath = inject("chromiumPath");
const siteUrl = inject("siteUrl");
const realSiteUrl = inject("realSiteUrl");

describe.skipIf(!chromiumPath)("pages say what they use (sample data)", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium(chromiumPath!)));
  afterAll(async () => browser?.close());

  it("the notebook carries the synthetic-data banner and a source line under its chart", async () => {
    const {page, problems} = await openPage(browser, `${siteUrl}notebook.html`);
    expect(problems.errorCells).toEqual([]);
    await expect(page.locator(".workbench-banner").innerText()).resolves.toMatch(/Synthetic sample data/);
    await expect(page.locator(".source-line").first().innerText()).resolves.toMatch(/synthetic sample data.*as of the/);
    await page.close();
  });
});

describe.skipIf(!chromiumPath || !realSiteUrl)("what the pages got wrong, on the real shared prices", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium(chromiumPath!)));
  afterAll(async () => browser?.close());

  it("an as-of date after the last close shows the last close's scoreboard and says so", async () => {
    const {page, problems} = await openPage(browser, `${realSiteUrl}index.html?asof=2026-05-03&period=ytd`);
    expect(problems.errorCells).toEqual([]);
    await expect(page.locator("body").innerText()).resolves.toMatch(/2026-05-03[^\n]*2026-05-01/);
    const ends = await page.locator(".scoreboard-table tbody tr td:nth-child(9)").allInnerTexts();
    expect(ends.length).toBe(8);
    expect(new Set(ends)).toEqual(new Set(["2026-05-01"]));
    await page.close();
  });

  it("the report after the last close is not blank either", async () => {
    const {page, problems} = await openPage(browser, `${realSiteUrl}reports/small-caps.html?asof=2026-05-03`);
    expect(problems.errorCells).toEqual([]);
    await expect(page.locator(".asof-note").innerText()).resolves.toMatch(/after the last close.*2026-05-01/);
    expect(await page.locator(".scoreboard-table tbody tr").count()).toBe(8);
    await page.close();
  });

  it("the report's valuation on 2026-02-03 uses only months French had published: December 2025, not January 2026", async () => {
    const {page} = await openPage(browser, `${realSiteUrl}reports/small-caps.html?asof=2026-02-03`);
    const figure = page.locator('figure[data-name^="report-valuation-"]');
    await expect(figure.getAttribute("data-name")).resolves.toBe("report-valuation-2025-12");
    await expect(figure.locator(".workbench-caption").innerText()).resolves.toMatch(/\(2025-12\)/);
    await expect(figure.locator(".source-line").innerText()).resolves.toMatch(/published by 2026-02-03.*1 month after/);
    await page.close();
  });

  it("stale CSV data are to be updated in the folder (by name), not pulled from Yahoo", async () => {
    const {page} = await openPage(browser, `${realSiteUrl}index.html`);
    const banner = await page.locator(".workbench-banner").innerText();
    expect(banner).toMatch(/Stale data:.*Update the files in prices \(WORKBENCH_DATA_DIR\)/);
    expect(banner).not.toMatch(/npm run data -- pull/);
    expect(banner).not.toMatch(/\/work\//);
    await page.close();
  });

  it("the relative-strength caption names the actual base close (2018-01-02), not the date typed (2018-01-01)", async () => {
    const {page} = await openPage(browser, `${realSiteUrl}spreads.html`);
    await expect(
      page.locator('figure[data-name^="relative-strength"] .workbench-caption').innerText()
    ).resolves.toMatch(/rebased to 1 at the close of 2018-01-02,/);
    await page.close();
  });

  it("the trend chart's total-return line starts at the price on the chart's first day, and says so", async () => {
    const {page} = await openPage(browser, `${realSiteUrl}trend.html?ticker=IJR&from=2021-01-01`);
    const legend = await page.locator('figure[data-name^="trend-"] span').allInnerTexts();
    expect(legend).toContain("total return, rebased to price on 2021-01-04");
    await page.close();
  });

  it("the valuation page's last 10 years on the 2×3 basis: 96th percentile, median 1.76", async () => {
    const {page} = await openPage(browser, `${realSiteUrl}valuation.html?basis=2x3&window=10y`);
    const note = await page.locator(".asof-note").innerText();
    // The sentence is valuationCaption's, as in the report.
    expect(note).toMatch(/\(2024-12, .*\), the 96th percentile of 120 months over the last 10 years \(median 1\.76\)/);
    await page.close();
  });
});
