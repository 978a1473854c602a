// A page downloads only the funds it shows (one price file per fund, docs/architecture.md), and a long fund list is a search box.
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {resolve} from "node:path";
import {buildSync} from "esbuild";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {launchChromium} from "./chromium.js";
import {openPage, settle} from "./page-check.js";

const chromiumPath = inject("chromiumPath");
const siteUrl = inject("siteUrl");

/** Records the price files a page asks for, from before it opens. */
async function priceRequests(browser: Browser, url: string): Promise<{page: Page; files: string[]}> {
  const files: string[] = [];
  const context = await browser.newContext();
  context.on("request", (r) => {
    const m = /\/_file\/data\/prices\/([^/?]+)$/.exec(new URL(r.url()).pathname);
    if (m) files.push(m[1]);
  });
  const page = await context.newPage();
  await page.goto(url, {waitUntil: "networkidle"});
  await settle(page);
  return {page, files};
}

describe.skipIf(!siteUrl)("price files in headless Chromium", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium(chromiumPath!)));
  afterAll(async () => browser?.close());

  it("the scoreboard showing 2 funds downloads those 2 price files and no others, and a redraw none", async () => {
    const {page, files} = await priceRequests(browser, `${siteUrl}index.html?tickers=IWC,IJS`);
    expect(files.map((f) => f.split(".")[0]).sort()).toEqual(["IJS", "IWC"]);
    expect(await page.locator(".scoreboard-table tbody tr").count()).toBe(2);
    // Unchecking and checking a fund again, and changing the period, redraw from what was fetched.
    await page.getByLabel("IJS", {exact: true}).uncheck();
    await settle(page);
    await page.getByLabel("IJS", {exact: true}).check();
    await page.locator("form select").first().selectOption({label: "1 year"});
    await settle(page);
    expect(await page.locator(".scoreboard-table tbody tr").count()).toBe(2);
    expect(files).toHaveLength(2);
    await page.context().close();
  });

  it("checking a third fund downloads that one file only", async () => {
    const {page, files} = await priceRequests(browser, `${siteUrl}index.html?tickers=IWC,IJS`);
    await page.getByLabel("SPY", {exact: true}).check();
    await settle(page);
    expect(files.map((f) => f.split(".")[0]).sort()).toEqual(["IJS", "IWC", "SPY"]);
    await page.context().close();
  });

  it("the trend page downloads its one fund; the valuation page none", async () => {
    const trend = await priceRequests(browser, `${siteUrl}trend.html?ticker=IJT`);
    expect(trend.files.map((f) => f.split(".")[0])).toEqual(["IJT"]);
    await trend.page.context().close();
    const valuation = await priceRequests(browser, `${siteUrl}valuation.html`);
    expect(valuation.files).toEqual([]);
    await valuation.page.context().close();
  });

  it("rotation downloads its chosen funds and the benchmark, backtest its pair, scratch the featured funds", async () => {
    const tickers = (files: string[]) => files.map((f) => f.split(".")[0]).sort();
    const rotation = await priceRequests(browser, `${siteUrl}rotation.html?tickers=IWC,IJR&benchmark=IVV`);
    expect(tickers(rotation.files)).toEqual(["IJR", "IVV", "IWC"]);
    await rotation.page.context().close();
    const backtest = await priceRequests(browser, `${siteUrl}backtest.html?small=IJS&large=IVE`);
    expect(tickers(backtest.files)).toEqual(["IJS", "IVE"]);
    await backtest.page.context().close();
    // The sample site's featured funds are its 11 reference funds, each downloaded once.
    const scratch = await priceRequests(browser, `${siteUrl}scratch.html`);
    expect(scratch.files).toHaveLength(11);
    expect(new Set(tickers(scratch.files)).size).toBe(11);
    await scratch.page.context().close();
  });

  it("a price file that fails to download leaves that fund out with a warning, not an error cell", async () => {
    const context = await browser.newContext();
    await context.route(/\/_file\/data\/prices\/IJS\./, (route) => route.fulfill({status: 503, body: "down"}));
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    await page.goto(`${siteUrl}index.html?tickers=IWC,IJS`, {waitUntil: "networkidle"});
    await settle(page);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(await page.locator(".scoreboard-table tbody tr td:first-child").allInnerTexts()).toEqual(["IWC"]);
    expect(warnings.join("\n")).toMatch(/prices of IJS could not be loaded \(.*HTTP 503\)/);
    await context.close();
  });
});

describe.skipIf(!chromiumPath)(
  "a long fund list is a search box (fundPicker through urlCheckbox and urlSelect)",
  () => {
    let browser: Browser;
    let page: Page;
    let blank: Server;
    const TICKERS = Array.from({length: 500}, (_, i) => `F${String(i).padStart(3, "0")}`).concat("IJR");
    beforeAll(async () => {
      browser = await launchChromium(chromiumPath!);
      // The real inputs, bundled for a blank page: no site build needed for 500 funds.
      const {outputFiles} = buildSync({
        stdin: {
          contents: `import {urlCheckbox, urlSelect} from "./src/components/url-input.ts";
          window.make = (tickers) => {
            const describe = (t) => (t === "IJR" ? "IJR · iShares Core S&P Small-Cap 600" : t + " · Synthetic fund " + t);
            const many = urlCheckbox("tickers", tickers, {label: "Funds", value: ["F001", "F002"], describe});
            const one = urlSelect("ticker", tickers, {label: "Fund", value: "F000", describe});
            window.events = [];
            many.addEventListener("input", () => window.events.push(["many", many.value]));
            one.addEventListener("input", () => window.events.push(["one", one.value]));
            document.body.append(many, one);
            window.many = many;
            window.one = one;
          };`,
          resolveDir: resolve(import.meta.dirname, "../.."),
          loader: "ts"
        },
        bundle: true,
        format: "iife",
        write: false
      });
      // A blank page on loopback, not a data: URL, so that the inputs can write their parameters into its link.
      blank = createServer((_, res) => res.writeHead(200, {"Content-Type": "text/html"}).end("<title>picker</title>"));
      await new Promise<void>((done) => blank.listen(0, "127.0.0.1", done));
      page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(blank.address() as AddressInfo).port}/`);
      await page.addScriptTag({content: outputFiles[0].text});
      await page.evaluate((t) => (window as any).make(t), TICKERS);
    });
    afterAll(async () => {
      await browser?.close();
      blank?.close();
    });

    it("shows no checkbox per fund, the chosen funds as buttons, and a search box", async () => {
      expect(await page.locator('input[type="checkbox"]').count()).toBe(0);
      expect(await page.locator("form.fund-picker").first().locator(".fund-picker-fund").allInnerTexts()).toEqual([
        "F001 ×",
        "F002 ×"
      ]);
      expect(await page.getByPlaceholder("Search 501 funds").count()).toBe(2);
    });

    it("typing part of a name suggests matching funds, and a click adds one, in the list's order, with an input event", async () => {
      const search = page.getByLabel("Funds: search");
      await search.fill("small-cap");
      const options = page.locator("form.fund-picker").first().getByRole("option");
      expect(await options.allInnerTexts()).toEqual(["IJR · iShares Core S&P Small-Cap 600"]);
      await options.first().click();
      expect(await page.evaluate(() => (window as any).many.value)).toEqual(["F001", "F002", "IJR"]);
      expect(await page.evaluate(() => (window as any).events.at(-1))).toEqual(["many", ["F001", "F002", "IJR"]]);
      expect(await search.inputValue()).toBe("");
    });

    it("Enter picks the first suggestion (ticker prefixes first); a chosen fund's button removes it", async () => {
      const search = page.getByLabel("Funds: search");
      await search.fill("f49");
      expect(await page.locator("form.fund-picker").first().getByRole("option").count()).toBe(8);
      await search.press("Enter");
      expect(await page.evaluate(() => (window as any).many.value)).toEqual(["F001", "F002", "F490", "IJR"]);
      await page.getByRole("button", {name: "F001 ×"}).click();
      expect(await page.evaluate(() => (window as any).many.value)).toEqual(["F002", "F490", "IJR"]);
    });

    it("says when nothing matches, and changes nothing", async () => {
      const search = page.getByLabel("Funds: search");
      await search.fill("<b>zzz</b>");
      expect(await page.locator("form.fund-picker").first().locator(".note").allInnerTexts()).toEqual([
        "No fund matches “<b>zzz</b>”."
      ]);
      await search.press("Enter");
      expect(await page.evaluate(() => (window as any).many.value)).toEqual(["F002", "F490", "IJR"]);
    });

    it("the single picker replaces its fund and writes it to the link", async () => {
      const search = page.getByLabel("Fund: search");
      await search.fill("F123");
      await search.press("Enter");
      expect(await page.evaluate(() => (window as any).one.value)).toBe("F123");
      expect(await page.evaluate(() => new URLSearchParams(location.search).get("ticker"))).toBe("F123");
      expect(await page.locator("form.fund-picker").nth(1).locator(".fund-picker-fund").allInnerTexts()).toEqual([
        "F123 · Synthetic fund F123"
      ]);
    });
  }
);
