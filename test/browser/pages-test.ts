import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {INSTALL_HINT, launchChromium} from "./chromium.js";
import {builtPages, chartsWithMarks, openPage, settle} from "./page-check.js";

const chromiumPath = inject("chromiumPath");
const siteUrl = inject("siteUrl");
const buildError = inject("buildError");
if (!chromiumPath) console.warn(INSTALL_HINT);

describe.skipIf(!chromiumPath)("the site build", () => {
  it("builds on sample data and on the shared real prices", () => {
    expect(buildError).toBe("");
  });
});

describe.skipIf(!siteUrl)("every page in headless Chromium", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium(chromiumPath!)));
  afterAll(async () => browser?.close());

  it("the build produced the scoreboard and the notebook", () => {
    expect(builtPages()).toEqual(expect.arrayContaining(["index.html", "notebook.html"]));
  });

  for (const path of siteUrl ? builtPages() : []) {
    it(`${path} renders with no error cell, console error or empty chart`, async () => {
      const {page, problems} = await openPage(browser, `${siteUrl}${path}`);
      expect(problems).toEqual({errorCells: [], consoleErrors: [], pageErrors: [], failedRequests: []});
      expect(await chartsWithMarks(page)).toBeGreaterThan(0);
      await page.close();
    });
  }

  it("the scoreboard shows a synthetic-data banner on sample data", async () => {
    const {page} = await openPage(browser, `${siteUrl}index.html`);
    await expect(page.locator(".workbench-banner").innerText()).resolves.toMatch(/Synthetic sample data/);
    await page.close();
  });

  it("changing the period changes the table and the URL", async () => {
    const {page} = await openPage(browser, `${siteUrl}index.html`);
    const returns = () => page.locator(".scoreboard-table tbody tr td:nth-child(5)").allInnerTexts();
    const before = await returns();
    expect(before.length).toBe(11);
    await page.locator("form select").first().selectOption({label: "1 year"});
    await settle(page);
    expect(new URL(page.url()).searchParams.get("period")).toBe("1y");
    const after = await returns();
    expect(after.length).toBe(11);
    expect(after).not.toEqual(before);
    await page.close();
  });

  it("a URL with parameters restores period, as-of date and funds", async () => {
    const {page, problems} = await openPage(browser, `${siteUrl}index.html?asof=2026-02-01&period=3m&tickers=IWC,IJS`);
    expect(problems.errorCells).toEqual([]);
    await expect(page.locator("form select").first().locator("option:checked").innerText()).resolves.toBe("3 months");
    await expect(page.locator('input[type="date"]').first().inputValue()).resolves.toBe("2026-02-01");
    const tickers = await page.locator(".scoreboard-table tbody tr td:first-child").allInnerTexts();
    expect(tickers.sort()).toEqual(["IJS", "IWC"]);
    // 1 February 2026 is a Sunday: the page says which close it used.
    await expect(page.locator(".asof-note").innerText()).resolves.toMatch(/2026-02-01.*not a trading day.*2026-01-30/s);
    const dates = await page.locator(".scoreboard-table tbody tr td:nth-child(9)").allInnerTexts();
    expect(new Set(dates)).toEqual(new Set(["2026-01-30"]));
    await page.close();
  });
});
