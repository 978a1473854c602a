import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {launchChromium} from "./chromium.js";
import {chartsWithMarks, openPage, settle} from "./page-check.js";

const chromiumPath = inject("chromiumPath");
const siteUrl = inject("siteUrl");

/** The charts' drawn line paths, as text: changes whenever the plotted data change. */
const spreadPaths = () =>
  [...document.querySelectorAll('svg[class*="plot"] g[aria-label="line"] path')]
    .map((p) => p.getAttribute("d"))
    .join("|");

describe.skipIf(!siteUrl)("spreads and trend pages", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium(chromiumPath!)));
  afterAll(async () => browser?.close());

  it("spreads: the window preset changes the chart, the table and the URL", async () => {
    const {page, problems} = await openPage(browser, `${siteUrl}spreads.html`);
    expect(problems.errorCells).toEqual([]);
    expect(await chartsWithMarks(page)).toBeGreaterThanOrEqual(2);
    const rows = page.locator(".pair-table tbody tr");
    expect(await rows.count()).toBe(5);
    const before = {chart: await page.evaluate(spreadPaths), table: await rows.allInnerTexts()};
    expect(before.chart.length).toBeGreaterThan(1000);
    await page.getByRole("button", {name: "63d"}).click();
    await settle(page);
    expect(new URL(page.url()).searchParams.get("window")).toBe("63");
    expect(await page.evaluate(spreadPaths)).not.toBe(before.chart);
    expect(await rows.allInnerTexts()).not.toEqual(before.table);
    await page.close();
  });

  it("spreads: a URL with a pair and a window restores them", async () => {
    const {page, problems} = await openPage(browser, `${siteUrl}spreads.html?pairs=IJR-IVV&window=126&from=2024-01-01`);
    expect(problems.errorCells).toEqual([]);
    await expect(page.locator('input[type="number"]').first().inputValue()).resolves.toBe("126");
    await expect(page.locator(".pair-table tbody tr td:first-child").allInnerTexts()).resolves.toEqual(["IJR−IVV"]);
    await expect(page.locator('input[type="date"]').first().inputValue()).resolves.toBe("2024-01-01");
    await page.close();
  });

  it("spreads: an unknown pair is named in a note and the others still show", async () => {
    const {page, problems} = await openPage(browser, `${siteUrl}spreads.html?pairs=IJR-IVV,XXX-IVV`);
    expect(problems.errorCells).toEqual([]);
    await expect(page.locator(".note[role=alert]").allInnerTexts()).resolves.toEqual([
      expect.stringContaining("XXX−IVV")
    ]);
    expect(await page.locator(".pair-table tbody tr").count()).toBe(1);
    await page.close();
  });

  it("trend: a threshold and averages from the URL are drawn and kept", async () => {
    const {page, problems} = await openPage(browser, `${siteUrl}trend.html?ticker=IJR&fast=20&slow=100&threshold=130`);
    expect(problems.errorCells).toEqual([]);
    expect(await chartsWithMarks(page)).toBeGreaterThanOrEqual(2);
    await expect(page.locator("svg").allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringMatching(/threshold 130/)])
    );
    await expect(page.locator("figure").first().innerText()).resolves.toMatch(/20-day average.*100-day average/s);
    await expect(page.locator(".trend-summary").innerText()).resolves.toMatch(
      /IJR closed at [\d.]+ on \d{4}-\d{2}-\d{2}, [\d.]+% (above|below) its prior high.*its 20-day average is (above|below) its 100-day average; [\d.]+% (above|below) 130\./
    );
    await page.locator('input[placeholder="e.g. 130"]').fill("125");
    await page.locator('input[placeholder="e.g. 130"]').dispatchEvent("input");
    await settle(page);
    expect(new URL(page.url()).searchParams.get("threshold")).toBe("125");
    await page.close();
  });
});
