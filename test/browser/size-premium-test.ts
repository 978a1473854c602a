import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {launchChromium} from "./chromium.js";
import {chartsWithMarks, openPage} from "./page-check.js";

const chromiumPath = inject("chromiumPath");
const realSiteUrl = inject("realSiteUrl");

describe.skipIf(!chromiumPath || !realSiteUrl)("size premium on the real shared data", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium(chromiumPath!)));
  afterAll(async () => browser?.close());

  it("the era table is the hand computation on French's annual SMB (202509), with the vintage stated", async () => {
    const {page, problems} = await openPage(browser, `${realSiteUrl}size-premium.html`);
    expect(problems.errorCells).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(await chartsWithMarks(page)).toBe(1);
    const lines = (await page.locator(".source-line").allInnerTexts()).join("\n");
    if (!lines.includes("F-F_Research_Data_Factors: local file copy, CRSP vintage 202509")) {
      console.warn(`size-premium-test: not built from the local 202509 file, number check skipped\n${lines}`);
      return void (await page.close());
    }
    const tables = page.locator("table.era-table");
    expect(await tables.count()).toBe(2);
    await expect(tables.first().locator("caption").innerText()).resolves.toContain("202509 CRSP vintage");
    const row = (era: string) => tables.first().locator(`tr[data-era="${era}"] td`).allInnerTexts();
    // Python on the same file (test/lib/size-eras-test.ts): mean 3.401%, compounded 2.521%, t 1.464, 19 of 36 positive.
    expect(await row("1927–1962")).toEqual(["1927–1962", "1927–1962", "+3.4%", "+2.5%", "1.46", "13.9%", "19 of 36"]);
    expect(await row("2013 to date")).toEqual([
      "2013 to date",
      "2013–2024",
      "-2.0%",
      "-2.3%",
      "-0.96",
      "7.3%",
      "3 of 12"
    ]);
    expect(await tables.nth(1).locator("tbody tr").count()).toBe(11);
    expect(await tables.nth(1).locator('tr[data-era="1930s"] td').allInnerTexts()).toEqual([
      "1930s",
      "1930–1939",
      "+10.3%",
      "+9.2%",
      "1.98",
      "16.4%",
      "8 of 10"
    ]);
    await expect(page.locator("figure.workbench-figure figcaption").innerText()).resolves.toContain(
      "-2.5% a year for the ten years to 2025-09"
    );
    await page.close();
  });
});
