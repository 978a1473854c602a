/**
 * The page kit: what every page imports, in one line. A page is front matter,
 * this import, one `openPage` call naming the data it shows, its header, then
 * prose, inputs and figures (see the README's "Writing a page").
 *
 * Inputs and htl come from node_modules through here, so no page reaches for
 * Framework's CDN copies (which fail offline).
 */
import {FileAttachment} from "observablehq:stdlib";
import {openData, type DataFiles, type Page, type PageRequest} from "./page-kit.js";

export * as Inputs from "@observablehq/inputs";
export {html} from "htl";
export {figure} from "./figure.js";
export {
  urlCheckbox,
  urlDate,
  urlInput,
  urlInteger,
  urlNumber,
  urlRadio,
  urlRange,
  urlSelect,
  urlText,
  urlWindow
} from "./url-input.js";
export type {Page, PageRequest};

// Framework finds data files by static analysis of literal paths, in pages and in the modules they import alike
// (a path here is relative to this module); a file is fetched only when a page opens it. Each call reads its
// file right away with .arrayBuffer() or .json(): a bare FileAttachment("….arrow") makes Framework add its
// implicit Arrow import, fetched from a CDN (which fails offline).
// A fund's price file has a name Framework cannot see (meta.json lists them): it sits in prices/ beside meta.json
// in the preview and in the build alike (data-loaders/price-files.ts), so its URL is meta.json's URL with the last
// part replaced, under any sub-path (docs/architecture.md, "One file per fund").
const FILES: DataFiles = {
  price: async (path) => {
    const url = new URL(path, new URL(FileAttachment("../data/meta.json").href, document.baseURI));
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
    return response.arrayBuffer();
  },
  meta: () => FileAttachment("../data/meta.json").json(),
  research: () => FileAttachment("../data/research-meta.json").json(),
  fundValuation: () => FileAttachment("../data/fund-valuation.json").json(),
  factors: () => FileAttachment("../data/factors.arrow").arrayBuffer(),
  factors5: () => FileAttachment("../data/factors5.arrow").arrayBuffer(),
  factorsMonthly: () => FileAttachment("../data/factors-monthly.arrow").arrayBuffer(),
  factorsAnnual: () => FileAttachment("../data/factors-annual.arrow").arrayBuffer(),
  macro: () => FileAttachment("../data/macro.arrow").arrayBuffer(),
  valuation: () => FileAttachment("../data/valuation.arrow").arrayBuffer()
};

/**
 * Opens the data a page shows, all at once, decoded: e.g.
 * `openPage({universe: true, research: ["F-F_Research_Data_Factors_daily"], factors: ["smb"]})`, then
 * `const prices = await page.load(tickers)` in a cell of its own for the funds shown.
 *
 * - universe: the funds, their provenance and date ranges (meta.json), for page.load
 * - prices: every fund's prices at once (costs as many downloads as funds)
 * - research: research series ids, for banners and source lines
 * - factors, factors5, factorsMonthly, factorsAnnual, macro, valuation: research tables, with the columns the page reads
 * - fundValuation: the fund holdings' valuation snapshot
 */
export function openPage(request: PageRequest): Promise<Page> {
  return openData(FILES, request);
}
