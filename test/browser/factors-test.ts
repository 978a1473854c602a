import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {launchChromium} from "./chromium.js";
import {openPage, settle} from "./page-check.js";

const chromiumPath = inject("chromiumPath");
const realSiteUrl = inject("realSiteUrl");

/** statsmodels' fits of IJR 2021–2025 on the shared French files (test/reference/newey-west-reference.py). */
const reference = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../reference/newey-west-reference.json"), "utf8")
);
const EXAMPLE = "factors.html?tickers=IJR,IWC,SPY&model=ff5&from=2021-01-04&to=2025-12-31";

const headers = (page: Page) => page.locator(".exposure-table thead th").allInnerTexts();
const rowOf = (page: Page, ticker: string) =>
  page.locator(`.exposure-table tr[data-ticker="${ticker}"] td`).allInnerTexts();

/** The IJR row's loadings and HAC t against statsmodels at the page's lag (7 for 1255 days), both as the table rounds them. */
async function expectReference(page: Page, model: string) {
  const ref = reference.models[model];
  const hac = ref.hac.find((h: {lag: number; correction: boolean}) => h.lag === ref.autoLag && !h.correction);
  const lines = (await page.locator(".source-line").allInnerTexts()).join("\n");
  if (!/local file copy, CRSP vintage/.test(lines)) {
    console.warn(`factors-test: the research files were not the local copies, number check skipped\n${lines}`);
    return;
  }
  const row = await rowOf(page, "IJR");
  expect(row[0]).toBe("IJR");
  ref.factors.forEach((_: string, j: number) => {
    expect(row[j + 1]).toBe(`${ref.params[j + 1].toFixed(2)} (${hac.tvalues[j + 1].toFixed(1)})`);
  });
  expect(row.at(-2)).toBe(String(ref.n));
  expect(row.at(-1)).toBe("2021-01-04 → 2025-12-31");
  expect(row.at(-4)).toContain(`(${hac.tvalues[0].toFixed(1)})`);
}

describe.skipIf(!chromiumPath || !realSiteUrl)("factor exposure on the real shared data", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium(chromiumPath!)));
  afterAll(async () => browser?.close());

  it("the example link fits the five-factor model: one row per fund, one column per factor, statsmodels' numbers", async () => {
    const {page, problems} = await openPage(browser, `${realSiteUrl}${EXAMPLE}`);
    expect(problems.errorCells).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    await expect(page.locator("form select").first().locator("option:checked").innerText()).resolves.toBe(
      "Fama-French 5"
    );
    expect(await headers(page)).toEqual([
      "Fund",
      "Mkt-RF",
      "SMB",
      "HML",
      "RMW",
      "CMA",
      "Alpha, annual (t) [95%]",
      "R²",
      "Days",
      "Period"
    ]);
    // IWC is not in the shared prices: the link says so and the table has the other two.
    expect(await page.locator(".exposure-table tbody tr td:first-child").allInnerTexts()).toEqual(["IJR", "SPY"]);
    await expect(page.locator(".clip-note").innerText()).resolves.toBe(
      "Period: 2021-01-04 to 2025-12-31, the days every fund and the Fama-French 5 factors have."
    );
    await expect(page.locator(".exposure-table caption").innerText()).resolves.toContain("lag 7");
    await expectReference(page, "ff5");
    await page.close();
  });

  it("switching the model rewrites the link, the columns and the fit; the link opens the same view", async () => {
    const {page} = await openPage(browser, `${realSiteUrl}${EXAMPLE}`);
    await page.locator("form select").first().selectOption({label: "Carhart 4 (FF3 + momentum)"});
    await settle(page);
    expect(new URL(page.url()).searchParams.get("model")).toBe("carhart");
    expect((await headers(page)).slice(0, 5)).toEqual(["Fund", "Mkt-RF", "SMB", "HML", "Mom"]);
    await expectReference(page, "carhart");
    const table = await page.locator(".exposure-table").innerText();
    const again = await browser.newPage();
    await again.goto(page.url(), {waitUntil: "networkidle"});
    await settle(again);
    await expect(again.locator("form select").first().locator("option:checked").innerText()).resolves.toBe(
      "Carhart 4 (FF3 + momentum)"
    );
    await expect(again.locator(".exposure-table").innerText()).resolves.toBe(table);
    // The default model (Fama-French 3) leaves the link.
    await again.locator("form select").first().selectOption({label: "Fama-French 3"});
    await settle(again);
    expect(new URL(again.url()).searchParams.has("model")).toBe(false);
    await expectReference(again, "ff3");
    await Promise.all([page.close(), again.close()]);
  }, 180_000); // three page loads and two refits: over a minute on a busy machine

  it("a period past the five-factor file's end is clipped to it, and the page says so", async () => {
    const {page, problems} = await openPage(
      browser,
      `${realSiteUrl}factors.html?tickers=IJR&model=ff5&from=2021-01-04`
    );
    expect(problems.errorCells).toEqual([]);
    await expect(page.locator(".clip-note").innerText()).resolves.toMatch(
      /^Clipped to 2021-01-04 to 2026-01-30, the days every fund and the Fama-French 5 factors have \(asked for 2021-01-04 to 2026-05-01; the factors run 1963-07-01 to 2026-01-30\)\.$/
    );
    expect((await rowOf(page, "IJR")).at(-1)).toBe("2021-01-04 → 2026-01-30");
    await page.close();
  });
});
