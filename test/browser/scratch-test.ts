import {spawn} from "node:child_process";
import {cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Browser, Locator, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {encodeCells} from "../../src/components/scratch-link.js";
import {LINK_NOTICE} from "../../src/components/scratchpad.js";
import {launchChromium} from "./chromium.js";
import {chartsWithMarks, openPage, settle} from "./page-check.js";
import {serveStatic} from "./static-server.js";

const chromiumPath = inject("chromiumPath");
const siteUrl = inject("siteUrl");

const cell = (page: Page, i: number) => page.locator(".scratch-cell").nth(i);
const editor = (page: Page, i: number) => page.getByRole("textbox", {name: `Code of cell ${i + 1}`});
const output = (page: Page, i: number) => cell(page, i).locator(".scratch-output");
const runButton = (page: Page, i: number) => cell(page, i).getByRole("button", {name: "Run", exact: true});

/** Replaces a cell's code as a reader would, through the editor's text box. */
async function write(box: Locator, code: string) {
  await box.click();
  await box.press("Control+A");
  await box.press("Delete");
  await box.fill(code);
}

/** The d attribute of every path in a cell's output: the chart as drawn. */
const paths = (page: Page, i: number) =>
  output(page, i)
    .locator("svg path")
    .evaluateAll((ps) => ps.map((p) => p.getAttribute("d")));

describe.skipIf(!siteUrl)("the Scratch page", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium(chromiumPath!)));
  afterAll(async () => browser?.close());

  it("runs its starter cells on a first visit: a sentence, an arquero table and a Plot chart, no error", async () => {
    const {page, problems} = await openPage(browser, `${siteUrl}scratch.html`);
    expect(problems).toEqual({errorCells: [], consoleErrors: [], pageErrors: [], failedRequests: []});
    await expect
      .poll(() => output(page, 0).innerText())
      .toMatch(/^IJR minus IVV on \d{4}-\d{2}-\d{2}: -?\d+\.\d points$/);
    await expect.poll(() => output(page, 1).locator("th").allInnerTexts()).toEqual(["year", "IJR", "IVV", "IJR − IVV"]);
    expect(await output(page, 2).locator("svg").count()).toBe(1);
    expect(await chartsWithMarks(page)).toBe(1);
    await expect.poll(() => page.locator(".scratch-error, .scratch-link").count()).toBe(0);
    // The starter cells are the default: they stay out of the link.
    expect(new URL(page.url()).hash).toBe("");
    await page.close();
  });

  it("the arquero table's calendar-year returns are the library's calendarYearReturns, to the tenth of a point", async () => {
    const {page} = await openPage(browser, `${siteUrl}scratch.html`);
    await page.getByRole("button", {name: "Add cell"}).click();
    await write(
      editor(page, 3),
      `const ijr = lib.calendarYearReturns(prices.get("IJR").date, prices.get("IJR").index);
ijr.map(({year, value}) => ({year, lib: 100 * value, arquero: years.objects().find((r) => r.year === year).IJR}))`
    );
    await runButton(page, 3).click();
    await output(page, 3).locator("tbody tr").first().waitFor();
    const rows = await output(page, 3)
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => Number(td.textContent))));
    expect(rows.length).toBeGreaterThan(20);
    for (const [year, fromLib, fromArquero] of rows)
      expect(Math.abs(fromLib - fromArquero), `${year}`).toBeLessThanOrEqual(0.051);
    await page.close();
  });

  it("a cell typed in the editor (role textbox) runs with its Run button and shows its chart; Shift+Enter runs too", async () => {
    const {page} = await openPage(browser, `${siteUrl}scratch.html`);
    await page.getByRole("button", {name: "Add cell"}).click();
    await write(
      editor(page, 3),
      'Plot.plot({marks: [Plot.lineY(spread.filter((d) => d.date.getUTCFullYear() === 2020), {x: "date", y: "points"})]})'
    );
    await runButton(page, 3).click();
    await expect.poll(() => output(page, 3).locator("svg g[aria-label='line'] path").count()).toBe(1);
    await write(editor(page, 3), "const answer = 6 * 7;\nanswer");
    await editor(page, 3).press("Shift+Enter");
    await expect.poll(() => output(page, 3).innerText()).toBe("42");
    await page.close();
  });

  it("cells refer to earlier cells by name; Run on a cell first runs the cells above it that have not run", async () => {
    const cells = ["const k = 6;", "const prices = k + 1; // a later cell may reuse a name in scope", "k * prices"];
    const page = await browser.newPage();
    await page.goto(`${siteUrl}scratch.html#cells=${encodeCells(cells)}`, {waitUntil: "networkidle"});
    await runButton(page, 2).click();
    await expect.poll(() => output(page, 2).innerText()).toBe("42");
    await expect.poll(() => output(page, 0).innerText()).toBe("k = 6");
    // A name no cell above declares is an error in that cell only.
    await write(editor(page, 0), "const j = 6;");
    await page.getByRole("button", {name: "Run all"}).click();
    await expect
      .poll(() => output(page, 1).locator(".scratch-error").innerText())
      .toBe("ReferenceError: k is not defined");
    await expect.poll(() => output(page, 0).innerText()).toBe("j = 6");
    await page.close();
  });

  it("an error shows its message in its own cell and the other cells still run", async () => {
    const cells = ["const a = 1;", "null.x", "const = 2", 'import _ from "lodash";', "a + 1"];
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(`${siteUrl}scratch.html#cells=${encodeCells(cells)}`, {waitUntil: "networkidle"});
    await page.getByRole("button", {name: "Run all"}).click();
    await expect.poll(() => output(page, 4).innerText()).toBe("2");
    await expect
      .poll(() => output(page, 1).innerText())
      .toBe("TypeError: Cannot read properties of null (reading 'x')");
    await expect.poll(() => output(page, 2).innerText()).toBe("Syntax error at line 1, column 7: Unexpected token");
    await expect
      .poll(() => output(page, 3).innerText())
      .toMatch(/^A cell cannot import: prices, priceTable, funds, load, lib/);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("user text reaches the page as text: markup in a value or an error is shown, not parsed", async () => {
    const cells = [
      '"<img src=x onerror=\\"document.title=1\\">"',
      'throw new Error("<b>bold</b>")',
      '[{name: "<i>x</i>"}]'
    ];
    const page = await browser.newPage();
    await page.goto(`${siteUrl}scratch.html#cells=${encodeCells(cells)}`, {waitUntil: "networkidle"});
    await page.getByRole("button", {name: "Run all"}).click();
    await expect.poll(() => output(page, 2).locator("td").innerText()).toBe("<i>x</i>");
    await expect.poll(() => output(page, 0).innerText()).toBe('<img src=x onerror="document.title=1">');
    await expect.poll(() => output(page, 1).innerText()).toBe("Error: <b>bold</b>");
    expect(await page.locator(".scratch-output img, .scratch-output b, .scratch-output i").count()).toBe(0);
    await page.close();
  });

  it("a link's code is shown and runs nothing until Run: document.title is unchanged on open, set after Run", async () => {
    const cells = ['document.title = "ran by the link";', "Plot.lineY([1, 3, 2]).plot()"];
    const {page, problems} = await openPage(browser, `${siteUrl}scratch.html#cells=${encodeCells(cells)}`);
    expect(problems.pageErrors).toEqual([]);
    const title = await page.title();
    expect(title).not.toBe("ran by the link");
    await expect
      .poll(() => page.getByRole("alert").filter({hasText: "This link contains code"}).innerText())
      .toBe(LINK_NOTICE);
    await expect.poll(() => editor(page, 0).innerText()).toBe(cells[0]);
    await expect.poll(() => editor(page, 1).innerText()).toBe(cells[1]);
    expect(await page.locator(".scratch-output *").count()).toBe(0);
    await page.waitForTimeout(500);
    expect(await page.title()).toBe(title);
    await page.getByRole("button", {name: "Run all"}).click();
    await expect.poll(() => page.title()).toBe("ran by the link");
    await expect.poll(() => output(page, 1).locator("svg").count()).toBe(1);
    await expect.poll(() => page.locator(".scratch-link").count()).toBe(0);
    await page.close();
  });

  it("Copy link shares the edited cells: a colleague opening it sees the code, clicks Run and gets the same chart", async () => {
    const context = await browser.newContext({permissions: ["clipboard-read", "clipboard-write"]});
    const page = await context.newPage();
    await page.goto(`${siteUrl}scratch.html`, {waitUntil: "networkidle"});
    await settle(page);
    await write(editor(page, 0), STUDY.replace('"IJR"', '"IWM"').replace('"IVV"', '"IWB"'));
    await page.getByRole("button", {name: "Run all"}).click();
    await expect.poll(() => output(page, 0).innerText()).toMatch(/^IWM minus IWB/);
    const chart = await paths(page, 2);
    await page.getByRole("button", {name: "Copy link"}).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/scratch\.html#cells=[A-Za-z0-9_-]+$/);
    await context.close();

    const colleague = await browser.newPage();
    await colleague.goto(link, {waitUntil: "networkidle"});
    await colleague.getByText(LINK_NOTICE).waitFor();
    await expect.poll(() => editor(colleague, 0).innerText()).toContain('prices.get("IWM"), prices.get("IWB")');
    expect(await colleague.locator(".scratch-output svg").count()).toBe(0);
    await colleague.getByRole("button", {name: "Run all"}).click();
    await expect.poll(() => output(colleague, 0).innerText()).toMatch(/^IWM minus IWB/);
    expect(await paths(colleague, 2)).toEqual(chart);
    await colleague.close();
  });

  it("a damaged link says so and runs nothing", async () => {
    const cut = encodeCells(["const x = 1;"]).slice(0, 10);
    const {page, problems} = await openPage(browser, `${siteUrl}scratch.html#cells=${cut}`);
    expect(problems.pageErrors).toEqual([]);
    await expect
      .poll(() => page.locator(".scratch-notes").innerText())
      .toMatch(/^The code in this link is damaged .* Ask for the link again\. .*nothing has run\.$/);
    expect(await page.locator(".scratch-output *").count()).toBe(0);
    await page.close();
  });

  it("cells are saved before they run: a cell that hangs the tab loses nothing, and does not run on the next visit", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl}scratch.html`, {waitUntil: "networkidle"});
    await settle(page);
    await page.getByRole("button", {name: "Add cell"}).click();
    await write(editor(page, 3), "while (true) {} // forever");
    // The click never returns: the tab is stuck in the loop.
    void runButton(page, 3)
      .click({timeout: 2000})
      .catch(() => {});
    await page.waitForTimeout(1500);
    await page.close({runBeforeUnload: false});

    const again = await context.newPage();
    await again.goto(`${siteUrl}scratch.html`, {waitUntil: "networkidle"});
    await expect.poll(() => editor(again, 3).innerText()).toBe("while (true) {} // forever");
    await expect.poll(() => again.locator(".scratch-notes").innerText()).toMatch(/^The last run did not finish/);
    expect(await again.locator(".scratch-output *").count()).toBe(0);
    // The reader fixes the cell and runs: everything runs, and the next visit runs the cells by itself again.
    await cell(again, 3).getByRole("button", {name: "Delete"}).click();
    await again.getByRole("button", {name: "Run all"}).click();
    await expect.poll(() => again.locator(".scratch-output svg").count()).toBe(1);
    await again.reload({waitUntil: "networkidle"});
    await settle(again);
    await expect.poll(() => again.locator(".scratch-output svg").count()).toBe(1);
    await context.close();
  });

  it("add, move and delete cells: the order is the order they run in, and it is kept", async () => {
    const cells = ['const word = "first";', "word"];
    const page = await browser.newPage();
    await page.goto(`${siteUrl}scratch.html#cells=${encodeCells(cells)}`, {waitUntil: "networkidle"});
    await page.getByRole("button", {name: "Add cell"}).click();
    await write(editor(page, 2), 'const word = "second";');
    await cell(page, 2).getByRole("button", {name: "Move up"}).click();
    await page.getByRole("button", {name: "Run all"}).click();
    await expect.poll(() => output(page, 2).innerText()).toBe("second");
    await cell(page, 1).getByRole("button", {name: "Move down"}).click();
    await page.getByRole("button", {name: "Run all"}).click();
    await expect.poll(() => output(page, 1).innerText()).toBe("first");
    await cell(page, 2).getByRole("button", {name: "Delete"}).click();
    await expect.poll(() => page.locator(".scratch-cell").count()).toBe(2);
    const hash = new URL(page.url()).hash;
    await page.goto("about:blank");
    await page.goto(`${siteUrl}scratch.html${hash}`, {waitUntil: "networkidle"});
    await expect.poll(() => editor(page, 1).innerText()).toBe("word");
    await page.close();
  });
});

const ROOT = resolve(import.meta.dirname, "../..");

/** A copy of the project whose only page is the downloaded one, as a researcher's clone would hold it in src/. */
function projectWith(page: string, dir: string): void {
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
  for (const entry of ["src", "data-loaders", "package.json", "tsconfig.json"])
    cpSync(join(ROOT, entry), join(dir, entry), {
      recursive: true,
      filter: (source) =>
        !source.includes(".observablehq") && !(source.endsWith(".md") && !source.endsWith("README.md"))
    });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  writeFileSync(join(dir, "src", "scratch-cells.md"), page);
  const config = readFileSync(join(ROOT, "observablehq.config.ts"), "utf8").replace(
    /pages: \[[^\]]*\]/,
    'pages: [{name: "Scratch cells", path: "/scratch-cells"}]'
  );
  writeFileSync(join(dir, "observablehq.config.ts"), config);
}

describe.skipIf(!siteUrl)("Make this a page", () => {
  it("downloads the cells as a .md page that Framework builds and that draws the same outputs", async () => {
    const browser = await launchChromium(chromiumPath!);
    try {
      const page = await browser.newPage();
      await page.goto(`${siteUrl}scratch.html`, {waitUntil: "networkidle"});
      await settle(page);
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", {name: "Make this a page"}).click()
      ]);
      expect(file.suggestedFilename()).toBe("scratch-cells.md");
      const markdown = readFileSync((await file.path())!, "utf8");
      const starterText = await output(page, 0).innerText();
      const starterYears = await output(page, 1).locator("tbody tr").count();
      await page.close();

      const dir = resolve(ROOT, "test/.tmp/scratch-page");
      projectWith(markdown, dir);
      const env = {
        ...process.env,
        WORKBENCH_SOURCE: "sample",
        WORKBENCH_RESEARCH_SOURCE: "sample",
        WORKBENCH_FUND_VALUATION: "off",
        WORKBENCH_CACHE_DIR: resolve(ROOT, "test/.tmp/cache"),
        WORKBENCH_OUTPUT: "dist"
      };
      // Not spawnSync: a worker blocked for minutes misses vitest's own messages.
      const build = await new Promise<{status: number | null; log: string}>((done) => {
        const child = spawn("npm", ["run", "build"], {cwd: dir, env});
        let log = "";
        child.stdout.on("data", (d) => (log += d));
        child.stderr.on("data", (d) => (log += d));
        child.on("close", (status) => done({status, log}));
      });
      expect(build.status, build.log.slice(-3000)).toBe(0);

      const {server, url} = await serveStatic(join(dir, "dist"));
      try {
        const {page: built, problems} = await openPage(browser, `${url}scratch-cells.html`);
        expect(problems).toEqual({errorCells: [], consoleErrors: [], pageErrors: [], failedRequests: []});
        const text = await built.locator("#observablehq-main").innerText();
        expect(text).toContain(starterText);
        expect(await built.locator("table.scratch-table tbody tr").count()).toBe(starterYears);
        expect(await chartsWithMarks(built)).toBe(1);
      } finally {
        server.close();
      }
    } finally {
      await browser.close();
    }
  }, 900_000);
});

const STUDY = `const study = lib.pairStudy(prices.get("IJR"), prices.get("IVV"), {window: 252});
const spread = Array.from(study.date, (t, i) => ({date: new Date(t), points: study.spread[i]}));
\`\${study.small} minus \${study.large}\``;
