import {readFileSync} from "node:fs";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {csvParse} from "d3";
import {launchChromium} from "./chromium.js";
import {builtPages, openPage, settle} from "./page-check.js";

const chromiumPath = inject("chromiumPath");
const siteUrl = inject("siteUrl");

/** What a reader sees of a view: every input's value and every table's text. */
async function viewState(page: Page) {
  return page.evaluate(() => ({
    inputs: [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>("form input, form select")]
      .filter((e) => e.type !== "range")
      .map((e) => (e instanceof HTMLInputElement && e.type === "checkbox" ? String(e.checked) : e.value)),
    tables: [...document.querySelectorAll("table")].map((t) => (t as HTMLElement).innerText)
  }));
}

async function download(page: Page, figureIndex: number, label: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.locator("figure.workbench-figure").nth(figureIndex).getByRole("button", {name: label, exact: true}).click()
  ]);
  return readFileSync((await file.path())!);
}

describe.skipIf(!siteUrl)("sharing: links, downloads, meeting mode", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium(chromiumPath!)));
  afterAll(async () => browser?.close());

  // Every page the build produced, found on disk: a new page is checked without editing this file.
  for (const path of siteUrl ? builtPages() : []) {
    it(`${path}: a changed view, reopened from its URL, is the same view`, async () => {
      const {page} = await openPage(browser, `${siteUrl}${path}`);
      // Change the first drop-down to another choice, as a reader would.
      const select = page.locator("form select").first();
      if ((await select.count()) > 0) {
        const options = await select.locator("option").allInnerTexts();
        const current = await select.locator("option:checked").innerText();
        await select.selectOption({label: options.find((o) => o !== current)!});
        await settle(page);
      }
      const url = page.url();
      const before = await viewState(page);
      await page.close();
      const {page: again, problems} = await openPage(browser, url);
      expect(problems.errorCells).toEqual([]);
      expect(await viewState(again)).toEqual(before);
      await again.close();
    });
  }

  it("present=0 in a link does not turn meeting mode on; present=1 does", async () => {
    const {page} = await openPage(browser, `${siteUrl}index.html?present=0`);
    expect(await page.evaluate(() => document.documentElement.classList.contains("present"))).toBe(false);
    await page.close();
    const {page: on} = await openPage(browser, `${siteUrl}index.html?present=1`);
    expect(await on.evaluate(() => document.documentElement.classList.contains("present"))).toBe(true);
    await on.close();
  });

  it("index.html?asof=9999-12-31 opens on the last close with a note saying what was ignored, not a blank page", async () => {
    const {page, problems} = await openPage(browser, `${siteUrl}index.html?asof=9999-12-31&period=ytd`);
    expect(problems.errorCells).toEqual([]);
    const last = await page.locator('input[type="date"]').first().inputValue();
    expect(last).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(page.locator(".url-note").innerText()).resolves.toBe(
      `asof=9999-12-31 in the link: after the last day available, ${last}; showing ${last}.`
    );
    expect(await page.locator(".scoreboard-table tbody tr").count()).toBe(11);
    expect(new URL(page.url()).searchParams.get("asof")).toBe(last);
    await page.close();
  });

  // Links made before the names were unified (README, "Links"): each old name still sets its input, and the page
  // rewrites it under the new one.
  for (const [link, expected, rewritten] of [
    ["factors.html?funds=IJR,IWM", {checked: ["IJR", "IWM"]}, "tickers=IJR%2CIWM"],
    [
      "regimes.html?spread=pair&big=IVV&h=6",
      {selects: ["A fund pair from the price data", "IVV"], radio: "6"},
      "large=IVV"
    ],
    ["persistence.html?src=smb&h=63", {radio: "SMB (French, since 1926)"}, "spread=smb&horizon=63"],
    ["valuation.html?window=30y", {selects: ["Last 30 years"]}, "history=30y"]
  ] as const) {
    it(`an old link, ${link}, opens the view it named`, async () => {
      const {page, problems} = await openPage(browser, `${siteUrl}${link}`);
      expect(problems.errorCells).toEqual([]);
      await expect(page.locator(".url-note").count()).resolves.toBe(0);
      if ("checked" in expected) {
        const checked = page.locator("form label:has(input[type=checkbox]:checked)");
        await expect(checked.allInnerTexts()).resolves.toEqual(expected.checked);
      }
      if ("selects" in expected) {
        const chosen = await page.locator("form select option:checked").allInnerTexts();
        for (const label of expected.selects) expect(chosen).toContain(label);
      }
      if ("radio" in expected) {
        const radios = await page.locator("form label:has(input[type=radio]:checked)").allInnerTexts();
        expect(radios).toContain(expected.radio);
      }
      expect(page.url()).toContain(rewritten);
      await page.close();
    });
  }

  // Values a page cannot use: the page opens with a note saying what was ignored and a usable value, never blank.
  for (const [link, note, shown] of [
    ["trend.html?fast=2.5", "fast=2.5 in the link is not a whole number: showing 50.", "50"],
    ["factors.html?window=1e9", "window=1e9 in the link: above the largest allowed, 2520; showing 2520.", "2520"],
    ["spreads.html?window=abc", "window=abc in the link is not a number: showing 252.", "252"]
  ] as const) {
    it(`${link} opens with a note and ${shown}, and its charts drawn`, async () => {
      const {page, problems} = await openPage(browser, `${siteUrl}${link}`);
      expect(problems.errorCells).toEqual([]);
      await expect(page.locator(".url-note").allInnerTexts()).resolves.toEqual([note]);
      const values = await page
        .locator("form input[type=number]")
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(values).toContain(shown);
      expect(await page.locator("figure.workbench-figure svg").count()).toBeGreaterThan(0);
      await page.close();
    });
  }

  it("Copy link puts the exact URL of the view on the clipboard", async () => {
    const context = await browser.newContext({permissions: ["clipboard-read", "clipboard-write"]});
    const page = await context.newPage();
    await page.goto(`${siteUrl}index.html?period=1y&tickers=IJR,IVV`, {waitUntil: "networkidle"});
    await settle(page);
    await page.getByRole("button", {name: "Copy link"}).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    expect(page.url()).toContain("period=1y");
    await context.close();
  });

  it("the scoreboard downloads a PNG, an SVG and a CSV whose numbers are the chart's", async () => {
    const {page} = await openPage(browser, `${siteUrl}index.html?asof=2026-02-03&period=ytd`);
    const png = await download(page, 0, "PNG");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(5000);
    const svg = (await download(page, 0, "SVG")).toString("utf8");
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toContain("currentColor");
    const csv = csvParse((await download(page, 0, "CSV")).toString("utf8"));
    expect(csv.length).toBe(11);
    // The CSV's returns, formatted as the chart labels them, are the labels drawn on the bars.
    const labels = await page.locator("figure.workbench-figure svg g[aria-label=text] text").allTextContents();
    const fromCsv = csv.map((r) => `${(Number(r.totalReturn) * 100).toFixed(1)}%`.replace(/^-0\.0%$/, "0.0%"));
    expect([...labels].sort()).toEqual([...fromCsv].sort());
    expect(svg).toContain(labels[0]);
    await page.close();
  });

  it("meeting mode hides the sidebar, steps through figures with the keyboard and keeps the inputs", async () => {
    const {page, problems} = await openPage(browser, `${siteUrl}spreads.html?present=1&window=126`, {
      viewport: {width: 1280, height: 800}
    });
    expect(problems.errorCells).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.classList.contains("present"))).toBe(true);
    await expect(page.locator("#observablehq-sidebar").isVisible()).resolves.toBe(false);
    const figureTop = (i: number) =>
      page
        .locator("figure.workbench-figure")
        .nth(i)
        .evaluate((f) => Math.round(f.getBoundingClientRect().top) || 0);
    await page.keyboard.press("PageDown");
    await expect.poll(() => figureTop(0)).toBe(0);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => figureTop(1)).toBe(0);
    await page.keyboard.press("PageUp");
    await expect.poll(() => figureTop(0)).toBe(0);
    expect(new URL(page.url()).searchParams.get("window")).toBe("126");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("present"))).toBe(false);
    expect(new URL(page.url()).searchParams.has("present")).toBe(false);
    expect(new URL(page.url()).searchParams.get("window")).toBe("126");
    await page.close();
  });
});
