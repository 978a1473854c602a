import {readdirSync} from "node:fs";
import {resolve} from "node:path";
import type {Browser, Page} from "playwright-core";

/** What went wrong on a page: error cells, console errors, uncaught exceptions, failed requests. */
export interface PageProblems {
  errorCells: string[];
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
}

/** Opens a page, records every problem, and waits until its charts have rendered and the network is idle. */
export async function openPage(
  browser: Browser,
  url: string,
  {viewport = {width: 1280, height: 900}} = {}
): Promise<{page: Page; problems: PageProblems}> {
  const page = await browser.newPage({viewport});
  const problems: PageProblems = {errorCells: [], consoleErrors: [], pageErrors: [], failedRequests: []};
  page.on("console", (m) => m.type() === "error" && problems.consoleErrors.push(m.text()));
  page.on("pageerror", (e) => problems.pageErrors.push(e.message));
  page.on("requestfailed", (r) => problems.failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ""}`));
  page.on("response", (r) => r.status() >= 400 && problems.failedRequests.push(`${r.url()} HTTP ${r.status()}`));
  await page.goto(url, {waitUntil: "networkidle"});
  await settle(page);
  problems.errorCells = await page.locator(".observablehq--error").allInnerTexts();
  return {page, problems};
}

/** Waits until the page stops changing: Framework's cells run after load, and inputs re-run them. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  let last = "";
  for (let i = 0; i < 40; ++i) {
    const now = await page.evaluate(
      () => `${document.querySelectorAll("svg").length}:${document.body.innerText.length}:${location.search}`
    );
    if (now === last) return;
    last = now;
    await page.waitForTimeout(150);
  }
}

/** Plot charts on the page that draw data: some mark other than axes, grids and rules has a shape in it. */
export async function chartsWithMarks(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.querySelectorAll('svg[class*="plot"]')].filter((svg) =>
        [...svg.querySelectorAll("g[aria-label]")].some((g) => {
          const label = g.getAttribute("aria-label") ?? "";
          return !/axis|grid|rule|tick/.test(label) && g.querySelector("rect, path, line, circle, text") !== null;
        })
      ).length
  );
}

/** Every page a build produced, found on disk so a new page is tested without editing this file. */
export function builtPages(output = "dist"): string[] {
  const dist = resolve(import.meta.dirname, "../.tmp", output);
  const walk = (dir: string, prefix = ""): string[] =>
    readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
      e.isDirectory() && !e.name.startsWith("_")
        ? walk(resolve(dir, e.name), `${prefix}${e.name}/`)
        : e.name.endsWith(".html") && e.name !== "404.html"
          ? [`${prefix}${e.name}`]
          : []
    );
  return walk(dist).sort();
}
