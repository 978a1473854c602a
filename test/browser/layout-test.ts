// Layout, print, phones, meetings, dark mode (issue 8 §4), measured in Chromium.
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {launchChromium} from "./chromium.js";
import {openPage, settle} from "./page-check.js";
import config from "../../observablehq.config.js";

const chromiumPath = inject("chromiumPath");
const siteUrl = inject("siteUrl");
const realSiteUrl = inject("realSiteUrl");

/** WCAG contrast ratio of two computed colours, rgb(0–255) or color(srgb 0–1) as Chromium reports them. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const scale = c.startsWith("color(srgb") ? 1 : 255;
    const [r, g, bl] = c
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map(Number)
      .map((v) => {
        const s = v / scale;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe.skipIf(!chromiumPath)("layout on the sample site", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium(chromiumPath!)));
  afterAll(async () => browser?.close());

  for (const path of ["spreads.html", "persistence.html"])
    it(`${path}: the window inputs are wide enough to read, and the active preset shows`, async () => {
      const {page} = await openPage(browser, `${siteUrl}${path}`);
      const form = page.locator("form.window-input").first();
      const widths = await form.evaluate((f) =>
        ["number", "range"].map((t) => f.querySelector(`input[type=${t}]`)!.getBoundingClientRect().width)
      );
      expect(widths[0]).toBeGreaterThanOrEqual(40);
      expect(widths[1]).toBeGreaterThanOrEqual(80);
      await form.locator("button", {hasText: /^63d$/}).click();
      await settle(page);
      await expect(form.locator("input[type=number]").inputValue()).resolves.toBe("63");
      const pressed = await form.locator('button[aria-pressed="true"]').allInnerTexts();
      expect(pressed).toEqual(["63d"]);
      await page.close();
    });

  it("there is no pager naming the scoreboard by the site's title", async () => {
    const {page} = await openPage(browser, `${siteUrl}spreads.html`);
    expect(await page.locator(".observablehq-pager").count()).toBe(0);
    await page.close();
  });

  it("prefers-color-scheme dark gives light, readable text and chart axes on a dark page", async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}, colorScheme: "dark"});
    await page.goto(`${siteUrl}index.html`, {waitUntil: "networkidle"});
    await settle(page);
    const colours = await page.evaluate(() => {
      const main = document.querySelector("#observablehq-main")!;
      const svg = document.querySelector("figure.workbench-figure svg[class*='plot']")!;
      return {
        background: getComputedStyle(document.documentElement).backgroundColor,
        text: getComputedStyle(main.querySelector("p")!).color,
        axis: getComputedStyle(svg.querySelector('g[aria-label="x-axis tick label"]')!).color,
        caption: getComputedStyle(document.querySelector(".source-line")!).color
      };
    });
    expect(contrast(colours.background, "rgb(0, 0, 0)")).toBeLessThan(2);
    expect(contrast(colours.text, colours.background)).toBeGreaterThan(7);
    expect(contrast(colours.axis, colours.background)).toBeGreaterThan(7);
    expect(contrast(colours.caption, colours.background)).toBeGreaterThan(4.5);
    await page.close();
  });
});

describe.skipIf(!chromiumPath || !realSiteUrl)("layout on the real prices", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium(chromiumPath!)));
  afterAll(async () => browser?.close());

  // Every page in the sidebar: a page added later is checked without a line here.
  for (const path of config.pages.map(({path}) => `${path === "/" ? "index" : path.slice(1)}.html`))
    it(`${path} at 390 px: no sideways scroll, the sidebar toggle clear of the content`, async () => {
      const {page} = await openPage(browser, `${realSiteUrl}${path}`, {viewport: {width: 390, height: 844}});
      const m = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        toggle: document.querySelector("#observablehq-sidebar-toggle")!.getBoundingClientRect().right,
        note: Math.min(...[...document.querySelectorAll(".note")].map((n) => n.getBoundingClientRect().left))
      }));
      expect(m.scroll).toBeLessThanOrEqual(390);
      expect(m.note).toBeGreaterThanOrEqual(m.toggle);
      await page.close();
    });

  it("at 390 px fund names wrap to two lines at most and dates not at all", async () => {
    const {page} = await openPage(browser, `${realSiteUrl}index.html`, {viewport: {width: 390, height: 844}});
    // Lines of text in a cell: the line boxes of its contents.
    const lines = await page.evaluate(() =>
      [...document.querySelectorAll(".scoreboard-table tbody tr")].map((tr) =>
        [tr.children[1], tr.children[8]].map((cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        })
      )
    );
    expect(lines.length).toBe(8);
    for (const [name, end] of lines) {
      expect(name).toBeLessThanOrEqual(2);
      expect(end).toBe(1);
    }
    const pairDates = await openPage(browser, `${realSiteUrl}spreads.html`, {viewport: {width: 390, height: 844}});
    const dateLines = await pairDates.page.evaluate(() =>
      [...document.querySelectorAll(".pair-table tbody td:nth-child(2)")].map((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      })
    );
    expect(dateLines.length).toBeGreaterThan(0);
    for (const n of dateLines) expect(n).toBe(1);
    await page.close();
    await pairDates.page.close();
  });

  it("meeting mode at 1366×768: the report's trend figure, axis and source line fit one screen, at full width", async () => {
    const page = await browser.newPage({viewport: {width: 1366, height: 768}});
    await page.goto(`${realSiteUrl}reports/small-caps.html?present=1`, {waitUntil: "networkidle"});
    await settle(page);
    const fig = page.locator('figure[data-name^="report-trend-"]');
    await fig.evaluate((f) => f.scrollIntoView({block: "start"}));
    await page.waitForTimeout(300);
    const box = await fig.evaluate((f) => {
      const r = f.getBoundingClientRect();
      const source = f.querySelector(".source-line")!.getBoundingClientRect();
      const axis = f.querySelector('g[aria-label="x-axis tick label"]')!.getBoundingClientRect();
      return {top: r.top, bottom: r.bottom, width: r.width, source: source.bottom, axis: axis.bottom};
    });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.axis).toBeLessThanOrEqual(768);
    expect(box.source).toBeLessThanOrEqual(768);
    expect(box.bottom).toBeLessThanOrEqual(768);
    expect(box.width).toBeGreaterThan(0.9 * 1366);
    await page.close();
  });

  it("print: no controls, headings kept with their figures, figures whole, tables printed whole", async () => {
    const {page} = await openPage(browser, `${realSiteUrl}reports/small-caps.html?asof=2026-02-03`);
    await page.emulateMedia({media: "print"});
    const m = await page.evaluate(() => {
      const visible = (e: Element) =>
        (e as HTMLElement).offsetParent !== null && getComputedStyle(e).display !== "none";
      const wrap = document.querySelector(".episode-table-wrap")!;
      return {
        controls: [...document.querySelectorAll("form, button, #observablehq-sidebar-toggle")].filter(visible).length,
        headings: [...document.querySelectorAll("h2")].map((h) => getComputedStyle(h).breakAfter),
        figures: [...document.querySelectorAll("figure.workbench-figure")].map((f) => getComputedStyle(f).breakInside),
        wrapOverflow: getComputedStyle(wrap).overflowY,
        clipped: wrap.scrollHeight - wrap.clientHeight,
        rows: wrap.querySelectorAll("tbody tr").length
      };
    });
    expect(m.controls).toBe(0);
    expect(new Set(m.headings)).toEqual(new Set(["avoid"]));
    expect(new Set(m.figures)).toEqual(new Set(["avoid"]));
    expect(m.wrapOverflow).toBe("visible");
    expect(m.clipped).toBeLessThanOrEqual(0);
    expect(m.rows).toBeGreaterThan(17);
    await page.close();
  });
});
