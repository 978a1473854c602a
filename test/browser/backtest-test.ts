import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {formatNumber, formatPercent} from "../../src/lib/format.js";
import {launchChromium} from "./chromium.js";
import {openPage, settle} from "./page-check.js";

const chromiumPath = inject("chromiumPath");
const realSiteUrl = inject("realSiteUrl");
const reference = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../reference/backtest-reference.json"), "utf8")
);
const EXAMPLE = "small=IJR&large=SPY&rule=trend&ma=200&from=2006-01-01&to=2025-12-31&cost=0";

/** The metrics table as text, a row per line. */
const metricsRows = (page: Page) =>
  page
    .locator(".backtest-table tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));

/** The table's row for each of the reference's lines, formatted as the page formats it. */
function expectedRows(key: string): string[][] {
  const {lines} = reference[key];
  return Object.entries<Record<string, number>>(lines).map(([name, m]) => [
    name,
    formatPercent(m.totalReturn),
    formatPercent(m.cagr),
    formatPercent(m.volatility),
    formatNumber(m.sharpe, {digits: 2}),
    formatPercent(m.maxDrawdown),
    name === "50/50" ? "–" : formatNumber(m.switchesPerYear),
    name === "Strategy"
      ? formatPercent(m.shareSmall, {digits: 0})
      : name === "50/50"
        ? "–"
        : name === "SPY" || name === "IWB"
          ? "0%"
          : "100%"
  ]);
}

describe.skipIf(!chromiumPath || !realSiteUrl)("the backtest page on the real shared prices", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium(chromiumPath!)));
  afterAll(async () => browser?.close());

  it("the issue's example link: metrics, switches and the chosen grid cell equal the independent pandas backtest", async () => {
    const {page, problems} = await openPage(browser, `${realSiteUrl}backtest.html?${EXAMPLE}`);
    expect(problems).toEqual({errorCells: [], consoleErrors: [], pageErrors: [], failedRequests: []});
    await expect(metricsRows(page)).resolves.toEqual(expectedRows("IJR/SPY trend200 cost0"));
    await expect(page.locator(".backtest-table tbody tr").first().locator("td").nth(1).innerText()).resolves.toBe(
      "378.5%"
    );
    const {switches} = reference["IJR/SPY trend200 cost0"];
    await expect(page.locator(".switch-list summary").innerText()).resolves.toBe(
      `${switches.length} switches, 2006-01-03 to 2025-12-31`
    );
    const listed = await page
      .locator(".switch-table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].slice(0, 3).map((td) => td.textContent)));
    const name = {small: "IJR", large: "SPY"} as Record<string, string>;
    expect(listed).toEqual(switches.map(([date, from, to]: string[]) => [date, name[from], name[to]]));
    // Three figures (growth of 1, drawdowns, the grid), each drawing data.
    expect(await page.locator("figure.workbench-figure").count()).toBe(3);
    const cells = page.locator('figure[data-name^="backtest-sensitivity"] svg g[aria-label="text"] text');
    expect(await cells.count()).toBe(35);
    // The chosen cell (ma 200, cost 0) is outlined and shows the table's CAGR.
    const strategyCagr = formatPercent(reference["IJR/SPY trend200 cost0"].lines.Strategy.cagr);
    await expect(cells.allTextContents()).resolves.toContain(strategyCagr);
    await expect(page.locator(".backtest-summary").innerText()).resolves.toMatch(
      /^IJR\/SPY by trend \(IJR ÷ SPY above its 200-day average\), 2006-01-03 to 2025-12-31: the strategy returned 378\.5%/
    );
    // Two parts around the default split (2016-01-01): the in-sample part ends at 2015's last close.
    const parts = await page.locator(".backtest-split-table tbody tr td:first-child").allInnerTexts();
    expect(new Set(parts)).toEqual(
      new Set(["In sample, 2006-01-03 to 2015-12-31", "Out of sample, 2015-12-31 to 2025-12-31"])
    );
    // Defaults leave the link; what differs stays.
    expect(new URL(page.url()).search).toBe("?to=2025-12-31&cost=0");
    await page.close();
  });

  it("round trip: a rule, window and pair chosen on the page go into the link, and the link reopens the same view", async () => {
    const {page} = await openPage(browser, `${realSiteUrl}backtest.html?small=IWM&large=IWB&to=2025-12-31`);
    await page.locator("label", {hasText: /^momentum$/}).click();
    await settle(page);
    await page.locator("button", {hasText: /^252d$/}).click();
    await settle(page);
    // Only the chosen rule's parameters show.
    await expect(page.locator("button", {hasText: /^200d$/}).isVisible()).resolves.toBe(false);
    const params = new URL(page.url()).searchParams;
    expect(Object.fromEntries(params)).toEqual({
      small: "IWM",
      large: "IWB",
      rule: "momentum",
      window: "252",
      to: "2025-12-31"
    });
    // The default cost (5 bp) and range: the reference's dual momentum case.
    const rows = await metricsRows(page);
    expect(rows).toEqual(expectedRows("IWM/IWB momentum252 cost5"));
    const {page: again, problems} = await openPage(browser, page.url());
    expect(problems.errorCells).toEqual([]);
    await expect(metricsRows(again)).resolves.toEqual(rows);
    await expect(
      again
        .locator("label", {hasText: /^momentum$/})
        .locator("input")
        .isChecked()
    ).resolves.toBe(true);
    await expect(again.locator(".backtest-summary").innerText()).resolves.toMatch(/^IWM\/IWB by dual momentum/);
    await Promise.all([page.close(), again.close()]);
  });

  it("meeting mode steps through the three figures and keeps the view", async () => {
    const {page, problems} = await openPage(browser, `${realSiteUrl}backtest.html?${EXAMPLE}&present=1`, {
      viewport: {width: 1366, height: 768}
    });
    expect(problems.errorCells).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.classList.contains("present"))).toBe(true);
    await expect(page.locator("#observablehq-sidebar").isVisible()).resolves.toBe(false);
    const top = (i: number) =>
      page
        .locator("figure.workbench-figure")
        .nth(i)
        .evaluate((f) => Math.round(f.getBoundingClientRect().top) || 0);
    for (const [key, i] of [
      ["PageDown", 0],
      ["ArrowRight", 1],
      ["ArrowRight", 2],
      ["PageUp", 1]
    ] as const) {
      await page.keyboard.press(key);
      await expect.poll(() => top(i)).toBe(0);
    }
    await page.keyboard.press("Escape");
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("present"))).toBe(false);
    expect(new URL(page.url()).search).toBe("?to=2025-12-31&cost=0");
    await page.close();
  });

  for (const [query, message] of [
    ["rule=spread&enter=0&exit=3", "Exit (3) is above enter (0): the rule would switch every day"],
    ["cost=-5", "A cost of -5 basis points cannot be used: enter a number from 0 to 1000"],
    ["small=SPY&large=SPY", "The small and the large fund are both SPY: choose two different funds."],
    ["from=2020-01-01&to=2019-01-01", 'The range is empty: choose a "From" date before the "To" date.']
  ]) {
    it(`a link it cannot use (${query}) gets a message saying what to do, not an error`, async () => {
      const {page, problems} = await openPage(browser, `${realSiteUrl}backtest.html?${query}`);
      expect(problems).toEqual({errorCells: [], consoleErrors: [], pageErrors: [], failedRequests: []});
      await expect(page.locator('.note[role="alert"]').allInnerTexts()).resolves.toEqual([
        expect.stringContaining(message)
      ]);
      expect(await page.locator("figure.workbench-figure").count()).toBe(0);
      await page.close();
    });
  }
});
