import * as Plot from "@observablehq/plot";
import * as Inputs from "@observablehq/inputs";
import * as d3 from "d3";
import {html} from "htl";
import aq from "arquero/dist/arquero.js";
import type {Table} from "apache-arrow";
import * as lib from "../lib/index.js";
import type {Page} from "./page-kit.js";

/**
 * The names every Scratch cell sees without importing them (the downloaded page declares the same ones):
 *
 * - prices: the price panel, ticker → typed arrays, as the library's functions take it (page.prices)
 * - priceTable: the same prices as one long arquero table (date, ticker, close, adjClose, dividend, split, volume)
 * - lib: the compute library (src/lib/index.ts); Plot, d3, Inputs, html (htl), aq and op (arquero)
 */
export function scratchScope(page: Pick<Page, "prices" | "pricesTable">) {
  return {
    prices: page.prices,
    priceTable: page.pricesTable ? arqueroPrices(page.pricesTable) : aq.table({}),
    lib,
    Plot,
    d3,
    Inputs,
    html,
    aq,
    op: aq.op
  };
}

/** The Arrow prices as an arquero table, days as Dates (Arrow gives epoch ms) so that Plot and op.utcyear read them. */
export function arqueroPrices(table: Table) {
  // arquero reads an apache-arrow Table as well (schema.fields, getChild), though its types name only flechette's.
  const prices = aq.fromArrow(table as unknown as Parameters<typeof aq.fromArrow>[0]);
  return prices.assign({date: Array.from(prices.array("date") as ArrayLike<number>, (t) => new Date(t))});
}
