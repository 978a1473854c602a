import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {launchChromium} from "./chromium.js";
import {builtPages, chartsWithMarks, openPage} from "./page-check.js";
import {pairIndexes, persistenceStudy} from "../../src/lib/persistence-study.js";
import {readAdjusted} from "../lib/shared-prices.js";

const chromiumPath = inject("chromiumPath");
const realSiteUrl = inject("realSiteUrl");
if (chromiumPath && !realSiteUrl) console.warn("real-data browser tests skipped: ../shared/data/prices is absent");

describe.skipIf(!chromiumPath || !realSiteUrl)("every page on the real shared prices (CSV source)", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium(chromiumPath!)));
  afterAll(async () => browser?.close());

  for (const path of realSiteUrl ? builtPages("dist-real") : []) {
    it(`${path} renders with no error cell or console error, and a chart`, async () => {
      const {page, problems} = await openPage(browser, `${realSiteUrl}${path}`);
      expect(problems).toEqual({errorCells: [], consoleErrors: [], pageErrors: [], failedRequests: []});
      expect(await chartsWithMarks(page)).toBeGreaterThan(0);
      await page.close();
    });
  }

  it("the scoreboard reproduces the reference article: IVW −0.8% year to date on 3 February 2026", async () => {
    const {page} = await openPage(browser, `${realSiteUrl}index.html?asof=2026-02-03&period=ytd`);
    const ivw = page.locator('.scoreboard-table tr[data-ticker="IVW"] td');
    await expect(ivw.nth(4).innerText()).resolves.toBe("-0.8%");
    await expect(ivw.nth(7).innerText()).resolves.toBe("2025-12-31");
    // Funds absent from the folder are named, not silently dropped.
    await expect(page.locator(".workbench-banner").innerText()).resolves.toMatch(/Missing:.*IWC.*IJS.*IJT/s);
    await page.close();
  });

  it("the persistence page shows the October 2024 false dawn on IWM−IWB: one lead to 2024-10-08 (exit at 0), its own episode exiting at 5", async () => {
    const {page} = await openPage(browser, `${realSiteUrl}persistence.html?small=IWM&large=IWB`);
    const october = page.locator('table.episode-table tr[data-end^="2024-10"]');
    expect(await october.count()).toBe(1);
    await expect(october.getAttribute("data-start")).resolves.toBe("2024-09-16");
    await expect(october.getAttribute("data-end")).resolves.toBe("2024-10-08");
    await expect(october.getAttribute("data-outcome")).resolves.toBe("faded");
    await page.close();
    const plain = (await openPage(browser, `${realSiteUrl}persistence.html?small=IWM&large=IWB&exit=5`)).page;
    const own = plain.locator('table.episode-table tr[data-label="2024-10"]');
    expect(await own.count()).toBe(1);
    await expect(own.getAttribute("data-start")).resolves.toBe("2024-10-07");
    await expect(own.getAttribute("data-outcome")).resolves.toBe("faded");
    await plain.close();
  });

  it("the persistence page counts IJR−IVV's independent and all episodes as the study does on the same CSV files", async () => {
    const a = readAdjusted("IJR");
    const b = readAdjusted("IVV");
    const study = persistenceStudy(pairIndexes({date: a.dates, index: a.index}, {date: b.dates, index: b.index}), {
      window: 63,
      threshold: 5,
      exit: 0,
      minGap: 5,
      horizon: 126
    });
    const {page} = await openPage(browser, `${realSiteUrl}persistence.html?small=IJR&large=IVV`);
    const cells = (count: string) =>
      page.locator(`table.persistence-share-table tr[data-count="${count}"] td`).allInnerTexts();
    const percent = (x: number) => `${Math.round(x * 100)}%`;
    expect((await cells("independent")).slice(1, 5)).toEqual([
      String(study.independent.n),
      String(study.independent.persisted),
      percent(study.independent.estimate),
      `${percent(study.independent.lower)}–${percent(study.independent.upper)}`
    ]);
    expect((await cells("all")).slice(1, 5)).toEqual([
      String(study.all.n),
      String(study.all.successes),
      percent(study.all.estimate),
      `${percent(study.all.lower)}–${percent(study.all.upper)}`
    ]);
    expect(study.independent.n).toBeLessThan(study.all.n);
    await page.close();
  });
});
