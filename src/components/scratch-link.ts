import {Inflate, deflateSync, strFromU8, strToU8} from "fflate";

/**
 * Scratch cells in a link: a JSON list of sources, deflated (fflate) and written base64url in the URL's fragment,
 * `#cells=…`. The fragment never reaches the server, so a shared analysis stays between the people who share it.
 */

/** The fragment's parameter name. */
export const CELLS_PARAM = "cells";
/** Links decode to at most this many characters of code: a damaged or hostile link cannot fill the tab's memory. */
export const MAX_CODE = 1 << 20;

/** The fragment value (no `#cells=`) that carries these cells. */
export function encodeCells(cells: readonly string[]): string {
  const bytes = deflateSync(strToU8(JSON.stringify(cells)), {level: 9});
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The cells in a fragment value, or a message saying what is wrong with the link and what to do. */
export function decodeCells(value: string): {cells: string[]} | {error: string} {
  const damaged = (why: string) => ({
    error: `The code in this link is damaged (${why}): it may have been cut short when it was copied. Ask for the link again.`
  });
  let binary;
  try {
    binary = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return damaged("not base64url text");
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const inflate = new Inflate((chunk) => {
      if ((size += chunk.length) > MAX_CODE) throw new Error("too large");
      chunks.push(chunk);
    });
    inflate.push(bytes, true);
  } catch (error) {
    return damaged((error as Error).message === "too large" ? "more than 1 MB of code" : "it does not decompress");
  }
  const all = new Uint8Array(size);
  chunks.reduce((offset, chunk) => (all.set(chunk, offset), offset + chunk.length), 0);
  let cells: unknown;
  try {
    cells = JSON.parse(strFromU8(all));
  } catch {
    return damaged("not a list of cells");
  }
  if (!Array.isArray(cells) || !cells.every((c) => typeof c === "string")) return damaged("not a list of cells");
  return {cells};
}

/** The cells a URL's fragment carries: null when it carries none, else the cells or what is wrong with them. */
export function cellsFromHash(hash: string): {cells: string[]} | {error: string} | null {
  const value = new URLSearchParams(hash.replace(/^#/, "")).get(CELLS_PARAM);
  return value === null ? null : decodeCells(value);
}

/** A URL's fragment carrying these cells, or none when they are the starter cells (a default stays out of a link). */
export function hashForCells(cells: readonly string[], starter: readonly string[]): string {
  const isStarter = cells.length === starter.length && cells.every((c, i) => c === starter[i]);
  return isStarter ? "" : `#${CELLS_PARAM}=${encodeCells(cells)}`;
}
