import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {launchChromium} from "./chromium.js";
import {chartsWithMarks, openPage, settle} from "./page-check.js";

const chromiumPath = inject("chromiumPath");
const realSiteUrl = inject("realSiteUrl");
// The independent pandas computation (test/reference/rotation-reference.py): weekly, then daily, as of 2026-02-03.
const [weekly, daily] = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../reference/rotation-reference.json"), "utf8")
) as {
  funds: Record<string, {ratio: number[]; momentum: number[]; quadrant: string; periods: number; entered: string}>;
}[];

/** The table's cells, row by row, and the link's parameters. */
const tableRows = (page: Page) =>
  page
    .locator(".rotation-table tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** The row the reference gives for a fund: ticker, RS-Ratio, RS-Momentum, quadrant, periods there, entered. */
function expected(reference: typeof weekly, ticker: string) {
  const f = reference.funds[ticker];
  return [ticker, f.ratio.at(-1)!.toFixed(2), f.momentum.at(-1)!.toFixed(2), f.quadrant, String(f.periods), f.entered];
}

describe.skipIf(!chromiumPath || !realSiteUrl)("the rotation page on the real shared prices", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium(chromiumPath!)));
  afterAll(async () => browser?.close());

  it("the issue's example link shows the funds loaded with the reference values, and names the ones missing", async () => {
    const query = "tickers=IWC,IJS,IJR,IJT,IVE,IVW&benchmark=SPY&asof=2026-02-03";
    const {page, problems} = await openPage(browser, `${realSiteUrl}rotation.html?${query}`);
    expect(problems).toEqual({errorCells: [], consoleErrors: [], pageErrors: [], failedRequests: []});
    expect(await chartsWithMarks(page)).toBe(1);
    // The shared data have no IWC, IJS or IJT: the page says so and shows the rest.
    await expect(page.locator(".url-note").allInnerTexts()).resolves.toEqual([
      "tickers=IWC,IJS,IJR,IJT,IVE,IVW in the link: IWC, IJS, IJT not available; showing IJR,IVE,IVW."
    ]);
    const rows = await tableRows(page);
    expect(rows.map((r) => r.slice(0, 6))).toEqual(["IJR", "IVE", "IVW"].map((t) => expected(weekly, t)));
    expect(rows.map((r) => r[7])).toEqual(["2026-02-03", "2026-02-03", "2026-02-03"]);
    await expect(page.locator(".rotation-caption").innerText()).resolves.toBe(
      `Against the S&P 500 (SPY) at the 2026-02-03 close: small-cap core (IJR) entered Leading ${weekly.funds.IJR.periods} weeks ago (${weekly.funds.IJR.entered}); ` +
        `large-cap value (IVE) entered Leading ${weekly.funds.IVE.periods} weeks ago (${weekly.funds.IVE.entered}); ` +
        `large-cap growth (IVW) entered Lagging ${weekly.funds.IVW.periods} weeks ago (${weekly.funds.IVW.entered}).`
    );
    await expect(page.locator("figure.workbench-figure figcaption").innerText()).resolves.toBe(
      "Relative rotation against SPY, weekly, at the 2026-02-03 close"
    );
    // The link keeps the day, and the funds it could show.
    expect([param(page, "tickers"), param(page, "asof")]).toEqual(["IJR,IVE,IVW", "2026-02-03"]);
    await page.close();
  });

  it("daily, a shorter tail and the windows round-trip through the link; daily values equal the reference", async () => {
    const {page} = await openPage(browser, `${realSiteUrl}rotation.html?tickers=IJR,IJH,IWM,IVE,IVW&asof=2026-02-03`);
    await page.locator("form label:has-text('Daily') input").check();
    await settle(page);
    const tail = page.locator("form:has-text('Tail (points)') input[type=number]");
    await tail.fill("5");
    await tail.dispatchEvent("input");
    await settle(page);
    expect([param(page, "interval"), param(page, "tail")]).toEqual(["daily", "5"]);
    const rows = await tableRows(page);
    expect(rows.map((r) => r.slice(0, 6))).toEqual(["IJR", "IJH", "IVE", "IVW", "IWM"].map((t) => expected(daily, t)));
    // Five points per fund in the chart's data: the tail.
    expect(await page.locator(".rotation-chart g[aria-label=dot] circle").count()).toBe(5 * 5 + 5);
    const url = page.url();
    await page.close();
    const {page: again, problems} = await openPage(browser, url);
    expect(problems.errorCells).toEqual([]);
    expect(await tableRows(again)).toEqual(rows);
    await expect(again.locator("form label:has-text('Daily') input").isChecked()).resolves.toBe(true);
    await again.close();
  });

  it("the slider sets the as-of day; Play steps it forward week by week until Pause", async () => {
    const {page} = await openPage(browser, `${realSiteUrl}rotation.html?tickers=IJR,IVE&asof=2025-10-03`);
    // 2025-10-03 is a Friday: the slider sits on it; one step back is the Friday before.
    const slider = page.locator(".date-player input[type=range]");
    const at = Number(await slider.inputValue());
    await slider.evaluate((el: HTMLInputElement, v) => {
      el.value = String(v);
      el.dispatchEvent(new Event("input", {bubbles: true}));
    }, at - 1);
    await settle(page);
    expect(param(page, "asof")).toBe("2025-09-26");
    await expect(page.locator(".date-player input[type=date]").inputValue()).resolves.toBe("2025-09-26");
    expect((await tableRows(page)).map((r) => r[7])).toEqual(["2025-09-26", "2025-09-26"]);
    await page.getByRole("button", {name: "Play"}).click();
    await expect.poll(() => param(page, "asof"), {timeout: 10_000}).toBe("2025-10-10");
    await page.getByRole("button", {name: "Pause"}).click();
    const stopped = param(page, "asof")!;
    expect(stopped >= "2025-10-10").toBe(true);
    await page.waitForTimeout(1500);
    expect(param(page, "asof")).toBe(stopped);
    await settle(page);
    expect((await tableRows(page)).map((r) => r[7])).toEqual([stopped, stopped]);
    await page.close();
  });

  it("in meeting mode, Play shows the graph on the whole screen with the date controls at its foot", async () => {
    const {page, problems} = await openPage(
      browser,
      `${realSiteUrl}rotation.html?tickers=IJR,IVE,IVW&asof=2025-06-06&present=1`,
      {viewport: {width: 1366, height: 768}}
    );
    expect(problems.errorCells).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.classList.contains("present"))).toBe(true);
    await page.getByRole("button", {name: "Play"}).click();
    await expect.poll(() => param(page, "asof"), {timeout: 10_000}).not.toBe("2025-06-06");
    const player = page.locator(".date-player");
    await expect(player.getAttribute("class")).resolves.toContain("playing");
    // Measured in one go: each step replaces the figure, so separate look-ups could straddle a redraw.
    const layout = () =>
      page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().toJSON() ?? null;
        return {
          figure: box("figure.workbench-figure"),
          chart: box(".rotation-chart"),
          controls: box(".date-player"),
          caption: document.querySelector("figure.workbench-figure figcaption")?.textContent ?? ""
        };
      });
    // The graph fills the screen: its figure starts at the top, the chart and the controls are on the screen.
    const first = await layout();
    expect(Math.abs(first.figure!.top)).toBeLessThan(2);
    expect(first.chart!.bottom).toBeLessThanOrEqual(768);
    expect(first.controls!.bottom).toBeLessThanOrEqual(768);
    expect(first.controls!.top).toBeGreaterThan(first.chart!.top + first.chart!.height / 2);
    // Each step redraws the figure in place, with the new date in its caption.
    const day = param(page, "asof");
    await expect.poll(() => param(page, "asof"), {timeout: 10_000}).not.toBe(day);
    await page.getByRole("button", {name: "Pause"}).click();
    await settle(page);
    const after = await layout();
    expect(Math.abs(after.figure!.top)).toBeLessThan(2);
    expect(after.caption).toBe(`Relative rotation against SPY, weekly, at the ${param(page, "asof")} close`);
    await expect(player.getAttribute("class")).resolves.not.toContain("playing");
    await page.close();
  });
});
