/**
 * Helpers for the chart components' snapshot tests, after Plot's own
 * (test/plot.js there: jsdom, xmlns on each svg, re-indexed generated names).
 * Not a test file itself: only *-test.ts files are collected.
 *
 * jsdom needs no polyfills for these charts: Plot only measures text
 * (getBBox) to place a tip after the pointer shows one, and the tips here
 * start empty; Plot uses the global `document` that the
 * `// @vitest-environment jsdom` docblock provides (its `document` option
 * is for passing another one).
 */

import {expect} from "vitest";

const SVG = "http://www.w3.org/2000/svg";
const XMLNS = "http://www.w3.org/2000/xmlns/";

/**
 * A rendered chart or table as stable, diff-friendly markup: Plot's class
 * names (plot-d6a7b5, changed by Plot whenever its default styles change)
 * become "plot-xxxxxx", clip-path and pattern ids (counters global to the
 * module, so they depend on test order) are re-numbered from 1, numbers in
 * attributes are rounded to 2 decimals (sub-pixel noise in path data is not
 * a change anyone cares about), and each tag starts a new line.
 */
export function normalise(root: Element): string {
  const el = root.cloneNode(true) as Element;
  // Like Plot's tests: a standalone .svg snapshot opens in a browser.
  for (const svg of el.localName === "svg" ? [el] : el.querySelectorAll("svg")) svg.setAttributeNS(XMLNS, "xmlns", SVG);
  const ids = new Map<string, string>();
  const counts: Record<string, number> = {clip: 0, pattern: 0};
  return el.outerHTML
    .replace(/\bplot-(clip|pattern)-\d+\b/g, (id, kind: string) => {
      if (!ids.has(id)) ids.set(id, `plot-${kind}-${++counts[kind]}`);
      return ids.get(id)!;
    })
    .replace(/\bplot-[0-9a-f]{6}\b/g, "plot-xxxxxx")
    .replace(/(\s[\w:-]+=")([^"]*)"/g, (_, name: string, value: string) => `${name}${roundNumbers(value)}"`)
    .replace(/></g, ">\n<");
}

function roundNumbers(text: string): string {
  // "+x" turns -0 into "0"; integers are left alone.
  return text.replace(/-?\d*\.\d+(?:e[-+]?\d+)?/gi, (m) => String(+(+m).toFixed(2)));
}

/** The svg of a chart that Plot may have wrapped in a figure with a legend. */
export function svgOf(chart: Element): SVGSVGElement {
  const svg = chart.localName === "svg" ? chart : chart.querySelector(":scope > svg");
  if (!svg) throw new Error(`no svg in <${chart.localName}>`);
  return svg as SVGSVGElement;
}

/** The children of a mark's group, found by its aria-label ("bar", "rule", "text", …); facet groups are flattened. */
export function markElements(chart: Element, ariaLabel: string): Element[] {
  const groups = svgOf(chart).querySelectorAll(`:scope > g[aria-label="${ariaLabel}"]`);
  return [...groups].flatMap((g) => [...g.querySelectorAll(":scope > :not(g), :scope > g > :not(g)")]);
}

/** The mark groups with an aria-label, in document order (each mark of the chart, without the axes). */
export function markGroups(chart: Element, ariaLabel: string): Element[] {
  return [...svgOf(chart).querySelectorAll(`:scope > g[aria-label="${ariaLabel}"]`)];
}

/**
 * The y axis's ticks as [value, y] pairs in the svg's coordinates, read from
 * the rendered tick labels: the chart's own axis, independent of the marks
 * checked against it. A faceted chart repeats the axis in each panel.
 */
export function yTicks(chart: Element, {facet = 0}: {facet?: number} = {}): [value: number, y: number][] {
  const axis = svgOf(chart).querySelector(':scope > g[aria-label="y-axis tick label"]');
  if (!axis) throw new Error("no y-axis tick labels");
  const panel = axis.querySelector(":scope > g") ? axis.querySelectorAll(":scope > g")[facet] : axis;
  return [...panel.querySelectorAll(":scope > text")].map((t) => [
    +t.textContent!.replace("\u2212", "-").replace(/,/g, ""),
    offset(t)[1]
  ]);
}

/** Where an element's own coordinates start in the svg: the sum of its and its ancestors' translate()s. */
export function offset(el: Element): [number, number] {
  let x = 0;
  let y = 0;
  for (let e: Element | null = el; e && e.localName !== "svg"; e = e.parentElement) {
    const [dx, dy] = translateOf(e);
    ((x += dx), (y += dy));
  }
  return [x, y];
}

/**
 * Two pixel positions agree: within 0.6 px, since Plot shifts strokes (lines,
 * rules, ticks) by half a pixel for crisp edges and fills (areas, bars) not.
 */
export function expectPixel(actual: number, expected: number, what = "position") {
  expect(Math.abs(actual - expected), `${what}: ${actual} px, expected ${expected} px`).toBeLessThanOrEqual(0.6);
}

/** The pixel of `value` interpolated between the two ticks either side of it (transform: e.g. Math.log for a log axis). */
export function tickPixel(ticks: readonly [number, number][], value: number, transform = (v: number) => v): number {
  const sorted = [...ticks].sort((a, b) => a[0] - b[0]);
  let k = sorted.findIndex(([v]) => v >= value);
  if (k < 0) k = sorted.length - 1;
  if (k === 0) k = 1;
  const [[v0, y0], [v1, y1]] = [sorted[k - 1], sorted[k]];
  return y0 + ((transform(value) - transform(v0)) / (transform(v1) - transform(v0))) * (y1 - y0);
}

/** Vertices of a path of M/L commands (Plot's linear lines and areas), as [x, y] pairs in the svg's coordinates. */
export function pathPoints(path: Element): [number, number][] {
  const d = path.getAttribute("d") ?? "";
  const [ox, oy] = offset(path);
  if (/[^MLZ\d.,\se+-]/.test(d)) throw new Error(`not a polyline path: ${d.slice(0, 80)}`);
  return [...d.matchAll(/(-?\d*\.?\d+(?:e[-+]?\d+)?),(-?\d*\.?\d+(?:e[-+]?\d+)?)/g)].map((m) => [
    +m[1] + ox,
    +m[2] + oy
  ]);
}

export const DAY = 86_400_000;

/** n weekdays from a UTC day (epoch ms), the calendar the test prices use. */
export function weekdays(start: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let t = start, i = 0; i < n; t += DAY) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) out[i++] = t;
  }
  return out;
}

/** The numbers of a translate(x,y) transform attribute. */
export function translateOf(el: Element): [number, number] {
  const m = /translate\(([^,)]+),?([^)]*)\)/.exec(el.getAttribute("transform") ?? "");
  return m ? [+m[1], +(m[2] || 0)] : [0, 0];
}
