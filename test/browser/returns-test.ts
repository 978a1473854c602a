import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {formatPercent} from "../../src/lib/format.js";
import {launchChromium} from "./chromium.js";
import {openPage} from "./page-check.js";

const chromiumPath = inject("chromiumPath");
const realSiteUrl = inject("realSiteUrl");
const reference = JSON.parse(readFileSync(resolve(import.meta.dirname, "../reference/returns-reference.json"), "utf8"));

describe.skipIf(!chromiumPath || !realSiteUrl)("the returns page on the real shared prices", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium(chromiumPath!)));
  afterAll(async () => browser?.close());

  it("a link sets funds, benchmark and range; the calendar years equal the independent computation", async () => {
    const query = "tickers=IJR,IWM,IVV&benchmark=SPY&from=2005-12-31&to=2025-12-31";
    const {page, problems} = await openPage(browser, `${realSiteUrl}returns.html?${query}`);
    expect(problems.errorCells).toEqual([]);
    const header = await page.locator(".year-table thead th").allInnerTexts();
    // Funds in the universe's order, as the checkboxes list them.
    expect(header).toEqual(["Year", "IJR", "IVV", "IWM", "SPY"]);
    const rows = await page
      .locator(".year-table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(rows.map((r) => r[0])).toEqual(Array.from({length: 20}, (_, i) => String(2006 + i)));
    for (const [j, ticker] of header.slice(1).entries()) {
      expect(rows.map((r) => r[j + 1])).toEqual(rows.map((r) => formatPercent(reference[ticker].years[r[0]!])));
    }
    const wins = (t: string) =>
      Object.keys(reference[t].years).filter((y) => reference[t].years[y] > reference.SPY.years[y]).length;
    await expect(page.locator(".table-note").first().innerText()).resolves.toBe(
      `IJR beat SPY in ${wins("IJR")} of 20 whole years; IVV beat SPY in ${wins("IVV")} of 20 whole years; IWM beat SPY in ${wins("IWM")} of 20 whole years.`
    );
    const worst = page.locator('.drawdown-table tr[data-ticker="IJR"]').first().locator("td");
    const expected = reference.IJR.drawdowns[0];
    await expect(worst.allInnerTexts()).resolves.toEqual([
      "IJR",
      expected.peak,
      expected.trough,
      expected.recovery,
      formatPercent(expected.depth),
      String(expected.daysToTrough),
      String(expected.daysToRecover)
    ]);
    // The link keeps what differs from the defaults (SPY is the default benchmark on this universe).
    const params = new URL(page.url()).searchParams;
    expect([params.get("tickers"), params.get("from"), params.get("to")]).toEqual([
      "IJR,IVV,IWM",
      "2005-12-31",
      "2025-12-31"
    ]);
    await page.close();
  });
});
