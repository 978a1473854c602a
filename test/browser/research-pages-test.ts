import {existsSync, readFileSync} from "node:fs";
import {resolve} from "node:path";
import {tableFromIPC} from "apache-arrow";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {findSection, parseFrenchCsv, sizeValuation} from "../../data-loaders/french.js";
import {pricesByTicker} from "../../src/lib/price-panel.js";
import {launchChromium} from "./chromium.js";
import {chartsWithMarks, openPage} from "./page-check.js";

const chromiumPath = inject("chromiumPath");
const siteUrl = inject("siteUrl");

// The French files the offline build reads by default (data-loaders/research.ts); the number checks need them.
const FRENCH_DIR = resolve(import.meta.dirname, "../../../shared/data/french");

/** A French file from the shared folder, or null (with a warning) when the folder is absent. */
function frenchFile(name: string) {
  const path = resolve(FRENCH_DIR, name);
  if (existsSync(path)) return parseFrenchCsv(readFileSync(path, "utf8"));
  console.warn(`${path} absent: number check skipped`);
  return null;
}

/** True when the page's source lines say the series came from the local file copy of this vintage; warns otherwise. */
async function fromLocalFile(page: Page, id: string, vintage: string | null): Promise<boolean> {
  const lines = (await page.locator(".source-line").allInnerTexts()).join("\n");
  const ok = lines.includes(`${id}: local file copy, CRSP vintage ${vintage}`);
  if (!ok) console.warn(`${id} was not built from the local file (vintage ${vintage}): number check skipped\n${lines}`);
  return ok;
}

/** Every figure has its caption and the three download buttons. */
async function expectFigures(page: Page, count: number): Promise<void> {
  const figures = page.locator("figure.workbench-figure");
  expect(await figures.count()).toBe(count);
  for (let i = 0; i < count; ++i) {
    await expect(figures.nth(i).locator(".workbench-downloads button").allInnerTexts()).resolves.toEqual([
      "PNG",
      "SVG",
      "CSV"
    ]);
    await expect(figures.nth(i).locator("figcaption").innerText()).resolves.not.toBe("");
  }
}

/** Ordinary least squares with an intercept by the normal equations (Gauss–Jordan): [α, β1, β2, …]. */
function ols(y: readonly number[], xs: readonly (readonly number[])[]): number[] {
  const rows = y.map((_, i) => [1, ...xs.map((x) => x[i])]);
  const k = rows[0].length;
  const a = Array.from({length: k}, (_, r) => [
    ...Array.from({length: k}, (_, c) => rows.reduce((s, x) => s + x[r] * x[c], 0)),
    rows.reduce((s, x, i) => s + x[r] * y[i], 0)
  ]);
  for (let c = 0; c < k; ++c) {
    const p = a.reduce((best, row, r) => (r >= c && Math.abs(row[c]) > Math.abs(a[best][c]) ? r : best), c);
    [a[c], a[p]] = [a[p], a[c]];
    for (let r = 0; r < k; ++r) if (r !== c) for (let j = k; j >= c; --j) a[r][j] -= (a[r][c] / a[c][c]) * a[c][j];
  }
  return a.map((row, r) => row[k] / row[r]);
}

describe.skipIf(!siteUrl)("research pages", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchChromium(chromiumPath!)));
  afterAll(async () => browser?.close());

  it("valuation: ?window=30y&basis=2x3 sets the inputs, and the current ratio is the 2×3 file's last small/big BE/ME", async () => {
    const {page, problems} = await openPage(browser, `${siteUrl}valuation.html?window=30y&basis=2x3`);
    expect(problems.errorCells).toEqual([]);
    // Built with WORKBENCH_FUND_VALUATION=off: the fund section says no snapshot is available and how to get one.
    await expect(
      page
        .locator(".note", {hasText: "No fund-level valuation snapshot is available"})
        .locator("code")
        .first()
        .innerText()
    ).resolves.toBe("npm run data -- prepare");
    await expect(page.locator("form select").first().locator("option:checked").innerText()).resolves.toBe(
      "Last 30 years"
    );
    await expect(page.locator("form label:has(input[type=radio]:checked)").innerText()).resolves.toBe(
      "Small vs big half (2×3)"
    );
    expect(await chartsWithMarks(page)).toBeGreaterThanOrEqual(2);
    await expectFigures(page, 2);
    await expect(page.locator("figure.workbench-figure").first().getAttribute("data-name")).resolves.toBe(
      "valuation-ratio-2x3-30y"
    );
    const file = frenchFile("6_Portfolios_2x3.CSV");
    if (file && (await fromLocalFile(page, "6_Portfolios_2x3", file.vintage))) {
      const {dates, ratio} = sizeValuation(file);
      let last = ratio.length - 1;
      while (last >= 0 && !Number.isFinite(ratio[last])) --last;
      // The sentence is the report's (valuationCaption): ratio, the month, then the basis.
      const month = new Date(dates[last]).toISOString().slice(0, 7);
      await expect(page.locator(".asof-note").first().innerText()).resolves.toContain(
        `book-to-market is ${ratio[last].toFixed(2)}× large caps' (${month}, small vs big half (2×3))`
      );
    }
    await page.close();
  });

  it("factors: ?funds=IJR,IWM&window=126&from&to sets the inputs, and IJR's days, period and loadings match an independent fit", async () => {
    const [from, to] = ["2015-01-01", "2020-12-31"];
    const {page, problems} = await openPage(
      browser,
      `${siteUrl}factors.html?funds=IJR,IWM&window=126&from=${from}&to=${to}`
    );
    expect(problems.errorCells).toEqual([]);
    await expect(page.locator("form label:has(input[type=checkbox]:checked)").allInnerTexts()).resolves.toEqual([
      "IJR",
      "IWM"
    ]);
    await expect(page.locator('form input[type="number"]').first().inputValue()).resolves.toBe("126");
    await expect(page.locator('form input[type="date"]').nth(0).inputValue()).resolves.toBe(from);
    await expect(page.locator('form input[type="date"]').nth(1).inputValue()).resolves.toBe(to);
    expect(await chartsWithMarks(page)).toBeGreaterThanOrEqual(1);
    await expectFigures(page, 1);
    await expect(page.locator("figure.workbench-figure figcaption").innerText()).resolves.toMatch(
      /Rolling 126-day Fama-French 3 loadings of IJR, IWM, 2015-01-01 to 2020-12-31/
    );
    // The CSV button downloads the plotted loadings: both funds, the model's three factors, inside the period.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("figure.workbench-figure button", {hasText: "CSV"}).click()
    ]);
    const csv = readFileSync((await download.path())!, "utf8")
      .trim()
      .split("\n");
    expect(csv[0]).toBe("date,fund,factor,loading");
    const cells = csv.slice(1).map((l) => l.split(","));
    expect(new Set(cells.map((c) => c[1]))).toEqual(new Set(["IJR", "IWM"]));
    expect(new Set(cells.map((c) => c[2]))).toEqual(new Set(["Mkt-RF", "SMB", "HML"]));
    expect(cells.every((c) => c[0] >= from && c[0] <= to)).toBe(true);

    const file = frenchFile("F-F_Research_Data_Factors_daily.CSV");
    // IJR's price file as the page itself loaded it, fetched again from the test server.
    const pricesUrl = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((e) => e.name)
        .find((n) => /\/prices\/IJR\.[0-9a-f]{8}\.arrow$/.test(n))
    );
    expect(pricesUrl).toBeDefined();
    if (file && (await fromLocalFile(page, "F-F_Research_Data_Factors_daily", file.vintage))) {
      const factors = findSection(file, "", {frequency: "daily"})!;
      const col = (name: string) => factors.values[factors.columns.indexOf(name)];
      const [mktRf, smb, hml, rf] = ["Mkt-RF", "SMB", "HML", "RF"].map(col);
      const ijr = pricesByTicker(tableFromIPC(new Uint8Array(await (await fetch(pricesUrl!)).arrayBuffer()))).get(
        "IJR"
      )!;
      // A day counts when the fund and the factors both have it and the day before it.
      const factorDay = new Map(Array.from(factors.dates, (t, k) => [t, k]));
      const [lo, hi] = [Date.parse(from), Date.parse(to)];
      const y: number[] = [];
      const x: number[][] = [[], [], []];
      const days: number[] = [];
      for (let i = 1; i < ijr.date.length; ++i) {
        const k = factorDay.get(ijr.date[i]);
        if (
          k === undefined ||
          k === 0 ||
          factors.dates[k - 1] !== ijr.date[i - 1] ||
          ijr.date[i] < lo ||
          ijr.date[i] > hi
        )
          continue;
        days.push(ijr.date[i]);
        y.push(ijr.index[i] / ijr.index[i - 1] - 1 - rf[k]);
        [mktRf, smb, hml].forEach((f, j) => x[j].push(f[k]));
      }
      const cellsOf = page.locator('.exposure-table tr[data-ticker="IJR"] td');
      const row = await cellsOf.allInnerTexts();
      expect(row[6]).toBe(String(days.length));
      expect(row[7]).toBe(
        `${new Date(days[0]).toISOString().slice(0, 10)} → ${new Date(days.at(-1)!).toISOString().slice(0, 10)}`
      );
      // Mkt-RF, SMB and HML loadings; the table rounds to 2 decimals, so the independent fit must round to the same cent.
      const beta = ols(y, x);
      for (const j of [1, 2, 3])
        expect(Math.abs(parseFloat(row[j]) - beta[j]), `β${j}`).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    await page.close();
  });

  it("regimes: ?spread=quintile&fed=3&yield=9&growth=12&h=6 sets the inputs, and the forward returns and the all-months row match the French file", async () => {
    const {page, problems} = await openPage(
      browser,
      `${siteUrl}regimes.html?spread=quintile&fed=3&yield=9&growth=12&h=6`
    );
    expect(problems.errorCells).toEqual([]);
    await expect(page.locator("form select").first().locator("option:checked").innerText()).resolves.toBe(
      "Smallest minus biggest size quintile (French)"
    );
    const numbers = page.locator('form input[type="number"]');
    await expect(Promise.all([0, 1, 2].map((i) => numbers.nth(i).inputValue()))).resolves.toEqual(["3", "9", "12"]);
    await expect(page.locator("form label:has(input[type=radio]:checked)").first().innerText()).resolves.toBe("6");
    expect(await chartsWithMarks(page)).toBeGreaterThanOrEqual(1);
    await expectFigures(page, 1);
    await expect(page.locator("figure.workbench-figure").getAttribute("data-name")).resolves.toBe(
      "regimes-quintile-fed3-yield9-growth12"
    );

    // The page's own per-month CSV (forward 6-month spread) against the table it summarises.
    const lines = (await page.locator("details pre").textContent())!.trim().split("\n");
    expect(lines[0]).toBe("month,easing,yield_falling,growth_accelerating,forward");
    const months = lines
      .slice(1)
      .map((l) => l.split(","))
      .map(([month, e, y, g, f]) => ({month, flags: [+e, +y, +g], forward: +f}));
    const known = months.filter((m) => Number.isFinite(m.forward) && m.flags.every(Number.isFinite));
    const mean = known.reduce((s, m) => s + m.forward, 0) / known.length;
    const pct = (v: number) => `${v > 0 ? "+" : ""}${(v * 100).toFixed(1)}%`;
    const allRow = await page.locator(".regime-table tbody tr").first().locator("td").allInnerTexts();
    expect(allRow[0]).toBe("All months");
    expect(allRow[2]).toMatch(
      new RegExp(`^${pct(mean).replace("+", "\\+")} \\([-\\d.]+; [-\\d.]+\\) · ${known.length}$`)
    );
    // The HAC t by hand: Newey-West with lag 5 (horizon − 1) over the months in calendar order, Bartlett weights.
    const z = months.map((m) => (known.includes(m) ? m.forward - mean : 0));
    let S = z.reduce((a, v) => a + v * v, 0);
    for (let l = 1; l <= 5; ++l) for (let t = l; t < z.length; ++t) S += 2 * (1 - l / 6) * z[t] * z[t - l];
    const hac = mean / (Math.sqrt(S) / known.length);
    const [, shownHac] = /; ([-\d.]+)\)/.exec(allRow[2])!;
    expect(Math.abs(+shownHac - hac)).toBeLessThanOrEqual(0.05 + 1e-9);

    const file = frenchFile("Portfolios_Formed_on_ME.CSV");
    if (file && (await fromLocalFile(page, "Portfolios_Formed_on_ME", file.vintage))) {
      const returns =
        findSection(file, "Average Value Weight Returns -- Monthly") ??
        findSection(file, "Value Weight Returns -- Monthly");
      const lo = returns!.values[returns!.columns.indexOf("Lo 20")];
      const hi = returns!.values[returns!.columns.indexOf("Hi 20")];
      const spread = new Map(
        Array.from(returns!.dates, (t, i) => [new Date(t).toISOString().slice(0, 7), lo[i] - hi[i]])
      );
      // Π(1 + spread) over the 6 calendar months after each month, minus 1.
      const forward = (month: string) => {
        let growth = 1;
        for (let k = 1; k <= 6; ++k)
          growth *=
            1 +
            (spread.get(new Date(Date.UTC(+month.slice(0, 4), +month.slice(5) - 1 + k, 1)).toISOString().slice(0, 7)) ??
              NaN);
        return growth - 1;
      };
      const checked = months.filter((m) => Number.isFinite(m.forward));
      expect(checked.length).toBeGreaterThan(500);
      for (const m of checked) expect(m.forward, m.month).toBeCloseTo(forward(m.month), 4);
    }
    await page.close();
  });

  it("regimes: ?sample=nonoverlapping keeps only December months for 12 months ahead, and says so in the figure's name", async () => {
    const {page, problems} = await openPage(browser, `${siteUrl}regimes.html?sample=nonoverlapping`);
    expect(problems.errorCells).toEqual([]);
    await expect(page.locator("form label:has(input[type=radio]:checked)").allInnerTexts()).resolves.toContain(
      "Non-overlapping (quarter, half-year, year ends)"
    );
    const lines = (await page.locator("details pre").textContent())!.trim().split("\n").slice(1);
    const sampled = lines.map((l) => l.split(",")).filter((c) => c.slice(1).every((v) => v !== "NaN"));
    expect(sampled.length).toBeGreaterThan(10);
    expect(sampled.every(([month]) => month.endsWith("-12"))).toBe(true);
    const allRow = await page.locator(".regime-table tbody tr").first().locator("td").allInnerTexts();
    expect(allRow[3]).toMatch(new RegExp(` · ${sampled.length}$`));
    await expect(page.locator("figure.workbench-figure").getAttribute("data-name")).resolves.toMatch(
      /-nonoverlapping$/
    );
    await page.close();
  });

  it("persistence: ?exit=1 sets the exit, and the two counts are the episode table's independent and judged rows", async () => {
    const {page, problems} = await openPage(
      browser,
      `${siteUrl}persistence.html?small=IWM&large=IWB&enter=3&exit=1&gap=0`
    );
    expect(problems.errorCells).toEqual([]);
    await expect(page.locator('form:has-text("Exit (points)") input[type="number"]').inputValue()).resolves.toBe("1");
    const rows = await page
      .locator("table.episode-table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => ({...(tr as HTMLElement).dataset})));
    const judged = rows.filter((r) => r.outcome !== "too recent");
    const independent = judged.filter((r) => r.independent === "yes");
    expect(independent.length).toBeGreaterThan(0);
    expect(independent.length).toBeLessThan(judged.length);
    const cells = (count: string) =>
      page.locator(`table.persistence-share-table tr[data-count="${count}"] td`).allInnerTexts();
    const [ind, all] = [await cells("independent"), await cells("all")];
    expect(ind.slice(0, 3)).toEqual([
      "Independent episodes",
      String(independent.length),
      String(independent.filter((r) => r.outcome === "persisted").length)
    ]);
    expect(all.slice(0, 3)).toEqual([
      "All episodes",
      String(judged.length),
      String(judged.filter((r) => r.outcome === "persisted").length)
    ]);
    expect(ind[5]).toMatch(/^Wilson score/);
    expect(all[5]).toMatch(/^Circular block bootstrap: blocks of 252 trading days/);
    await expect(page.locator("#persistence-share").innerText()).resolves.toMatch(
      new RegExp(
        `^Of ${independent.length} independent past leads of IWM over IWB \\(63-day spread above 3 points until it fell to 1 or below\\)`
      )
    );
    await page.close();
  });

  it("persistence: an exit above the entry level is a message, not an error (and an older link's threshold still sets the entry)", async () => {
    const {page, problems} = await openPage(browser, `${siteUrl}persistence.html?threshold=2&exit=3`);
    expect(problems.errorCells).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    await expect(page.locator('.note[role="alert"]').first().innerText()).resolves.toBe(
      "The exit (3 points) must be at or below the entry level (2 points): lower the exit or raise the entry level."
    );
    await page.close();
  });
});
