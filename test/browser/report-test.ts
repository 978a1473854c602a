import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {launchChromium} from "./chromium.js";
import {openPage} from "./page-check.js";

const chromiumPath = inject("chromiumPath");
const siteUrl = inject("siteUrl");

/** The report's captions and the tables they summarise, as a reader sees them. */
async function readReport(page: Page) {
  const captions = await page.locator("figcaption.workbench-caption").allInnerTexts();
  const scoreboard = await page
    .locator(".scoreboard-table tbody tr")
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent!)));
  const pairs = await page
    .locator(".pair-table tbody tr")
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent!)));
  const episodes = await page
    .locator(".episode-table tbody tr")
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent!)));
  const persistence = await page.locator("#persistence-caption").innerText();
  return {captions, scoreboard, pairs, episodes, persistence};
}

describe.skipIf(!siteUrl)("the small-caps report", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium(chromiumPath!)));
  afterAll(async () => browser?.close());

  for (const asof of ["2026-02-03", "2024-10-31"]) {
    it(`as of ${asof}: every caption says what its own table shows`, async () => {
      const {page, problems} = await openPage(browser, `${siteUrl}reports/small-caps.html?asof=${asof}`);
      expect(problems.errorCells).toEqual([]);
      const r = await readReport(page);
      // Scoreboard, trend, spreads, valuation, year by year (the returns test checks the last one's numbers).
      expect(r.captions.length).toBe(5);
      // Scoreboard: the leader and its return are the table's first row; the gap to SPY is the difference of the two rows.
      const [leader] = r.scoreboard;
      const spy = r.scoreboard.find((row) => row[0] === "SPY")!;
      expect(r.captions[0]).toContain(`(${leader[0]})`);
      expect(r.captions[0]).toContain(`with ${leader[4]}`);
      // The caption subtracts unrounded returns, the table shows rounded ones: they agree to the last shown digit ± 1.
      const gap = parseFloat(leader[4]) - parseFloat(spy[4]);
      const said = Number(/([\d.]+) points? ahead/.exec(r.captions[0])?.[1]);
      expect(Math.abs(said - gap)).toBeLessThanOrEqual(0.1 + 1e-9);
      expect(new Set(r.scoreboard.map((row) => row[8]))).toEqual(new Set([r.scoreboard[0][8]]));
      // Spreads: the caption quotes the IJR−IVV row's spread and percentile.
      const ijr = r.pairs.find((row) => row[0] === "IJR−IVV")!;
      expect(r.captions[2]).toContain(`${Math.abs(parseFloat(ijr[2])).toFixed(1)} point`);
      expect(r.captions[2]).toContain(`the ${ijr[3]} percentile`);
      // Persistence: the sentence counts the table's judged independent rows and their "yes" rows first, then all judged rows.
      const judged = r.episodes.filter((row) => row.at(-1) === "yes" || row.at(-1) === "no");
      const independent = judged.filter((row) => row.at(-2) === "yes");
      const yes = (rows: string[][]) => rows.filter((row) => row.at(-1) === "yes").length;
      expect(independent.length).toBeLessThan(judged.length);
      expect(r.persistence).toContain(`Of ${independent.length} independent past leads`);
      expect(r.persistence).toContain(`, ${yes(independent)} (`);
      expect(r.persistence).toContain(`Wilson interval`);
      expect(r.persistence).toContain(`Counting all ${judged.length}, overlapping ones included, ${yes(judged)} (`);
      expect(r.persistence).toMatch(/block-bootstrap interval \d+%–\d+%/);
      await page.close();
    });
  }

  it("two as-of dates give two different reports, each cut at its own date", async () => {
    const reports = [];
    for (const asof of ["2026-02-03", "2024-10-31"]) {
      const {page} = await openPage(browser, `${siteUrl}reports/small-caps.html?asof=${asof}`);
      reports.push(await readReport(page));
      await page.close();
    }
    expect(reports[0].captions).not.toEqual(reports[1].captions);
    expect(reports[0].scoreboard).not.toEqual(reports[1].scoreboard);
    expect(reports[1].scoreboard[0][8]).toBe("2024-10-31");
    // Nothing after the as-of date leaks in: no episode starts after it.
    expect(reports[1].episodes.every((row) => row[1] <= "2024-10-31")).toBe(true);
  });
});
