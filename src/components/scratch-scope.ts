import * as Plot from "@observablehq/plot";
import * as Inputs from "@observablehq/inputs";
import * as d3 from "d3";
import {html} from "htl";
import aq from "arquero/dist/arquero.js";
import type {Table} from "apache-arrow";
import * as lib from "../lib/index.js";
import type {Page} from "./page-kit.js";

/**
 * The names every Scratch cell sees without importing them (the downloaded page declares the same ones). Only the
 * page's featured funds (the declared and reference ones, page.featured) are downloaded up front, so that a site of
 * 500 funds opens as fast as one of 11; `await load([...])` in a cell downloads any other:
 *
 * - prices: the featured funds' price panel, ticker → typed arrays, as the library's functions take it
 * - priceTable: the same prices as one long arquero table (date, ticker, close, adjClose, dividend, split, volume)
 * - funds: every fund with prices (tickers), featured or not
 * - load(tickers): downloads those funds (each once) and gives their panel, like prices
 * - lib: the compute library (src/lib/index.ts); Plot, d3, Inputs, html (htl), aq and op (arquero)
 */
export async function scratchScope(page: Pick<Page, "featured" | "loaded" | "load" | "loadArrow">) {
  const [prices, tables] = await Promise.all([page.load(page.featured), page.loadArrow(page.featured)]);
  return {
    prices,
    priceTable: arqueroPrices(tables),
    funds: page.loaded,
    load: page.load,
    lib,
    Plot,
    d3,
    Inputs,
    html,
    aq,
    op: aq.op
  };
}

/**
 * Funds' Arrow prices (one table per fund, as page.loadArrow gives them) as one arquero table, fund after fund, each
 * by date; days as Dates (Arrow gives epoch ms) so that Plot and op.utcyear read them. No tables: an empty table.
 */
export function arqueroPrices(tables: readonly Table[]) {
  // arquero reads an apache-arrow Table as well (schema.fields, getChild), though its types name only flechette's.
  const parts = tables.map((table) => aq.fromArrow(table as unknown as Parameters<typeof aq.fromArrow>[0]));
  if (!parts.length) return aq.table({});
  const prices = parts.length === 1 ? parts[0] : parts[0].concat(...parts.slice(1));
  return prices.assign({date: Array.from(prices.array("date") as ArrayLike<number>, (t) => new Date(t))});
}
