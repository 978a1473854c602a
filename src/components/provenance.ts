import type {PricesMeta} from "../lib/contracts.js";
import {endingEarly, skippedRows} from "../lib/provenance-issues.js";

/**
 * A banner when data is synthetic, stale or incomplete, or rows were
 * skipped; an empty span otherwise (so the page has no gap). Warnings come
 * from files and providers, so they reach the page as text only.
 */
export function provenanceBanner(meta: PricesMeta): HTMLElement {
  const lines: (Node | string)[][] = [];
  const code = (text: string) => Object.assign(document.createElement("code"), {textContent: text});
  const strong = (text: string) => Object.assign(document.createElement("strong"), {textContent: text});
  if (meta.synthetic)
    lines.push([
      strong("Synthetic sample data, not market prices."),
      " Live prices were not used. Run ",
      code("npm run data -- pull"),
      " online, or set ",
      code("WORKBENCH_SOURCE=csv"),
      " and ",
      code("WORKBENCH_DATA_DIR"),
      " to a folder of CSV files."
    ]);
  if (meta.stale) {
    const last = meta.series
      .filter((s) => s.last)
      .map((s) => s.last!)
      .sort()
      .at(-1);
    // The fix depends on where the prices come from: a CSV folder is the researcher's to update.
    const advice =
      meta.source === "csv"
        ? [
            "Update the files in ",
            code(meta.dataDir ?? "the CSV folder"),
            " (",
            code("WORKBENCH_DATA_DIR"),
            ") and rebuild."
          ]
        : ["Run ", code("npm run data -- pull"), " to refresh."];
    lines.push([strong("Stale data:"), ` the latest close is ${last}. `, ...advice]);
  }
  const failed = meta.series.filter((s) => s.rows === 0);
  if (failed.length)
    lines.push([
      strong("Missing:"),
      ` ${failed.map((s) => s.ticker).join(", ")} could not be loaded. `,
      details(
        "Why",
        failed.map((s) => s.warnings.join("; ").replace(/^failed: /, ""))
      )
    ]);
  const {latest, early} = endingEarly(meta.series);
  if (early.length)
    lines.push([
      strong("Ends early:"),
      ` ${early.map((s) => `${s.ticker} (last close ${s.last})`).join(", ")}; the other series run to ${latest}. Figures for ${early.length === 1 ? "it" : "them"} stop there.`
    ]);
  const skipped = skippedRows(meta.series);
  if (skipped.count)
    lines.push([
      strong("Skipped rows:"),
      ` ${skipped.count} bad row${skipped.count === 1 ? "" : "s"} left out (${skipped.bySeries.map((s) => `${s.ticker} ${s.count}`).join(", ")}). `,
      details(skipped.rows.length > SHOWN ? `The first ${SHOWN}` : "Which", skipped.rows.slice(0, SHOWN))
    ]);
  const el = document.createElement(lines.length ? "div" : "span");
  if (lines.length) {
    el.className = `note workbench-banner ${meta.synthetic ? "synthetic" : ""}`;
    el.setAttribute("role", "status");
    for (const line of lines) {
      const p = document.createElement("p");
      p.append(...line);
      el.append(p);
    }
  }
  return el;
}

/** Skipped rows listed in the banner's details; the rest are in meta.json and the build log. */
const SHOWN = 5;

/** A closed details element with a summary and a list of text items. */
function details(summary: string, items: readonly string[]): HTMLElement {
  const el = document.createElement("details");
  el.append(Object.assign(document.createElement("summary"), {textContent: summary}));
  const list = document.createElement("ul");
  for (const item of items) list.append(Object.assign(document.createElement("li"), {textContent: item}));
  el.append(list);
  return el;
}

/** The source and as-of line under a chart. */
export function sourceLine(
  meta: PricesMeta,
  {asOf, tickers}: {asOf?: string; tickers?: readonly string[]} = {}
): HTMLElement {
  const series = meta.series.filter((s) => s.rows > 0 && (!tickers || tickers.includes(s.ticker)));
  const basis = [...new Set(series.map((s) => s.totalReturnBasis))].map((b) =>
    b === "adjClose" ? "total return from adjusted close" : "total return from close with dividends reinvested"
  );
  const sources = [...new Set(series.map((s) => s.sourceTitle ?? s.source))];
  const el = document.createElement("p");
  el.className = "source-line";
  el.textContent = [
    `Source: ${sources.join(", ") || "none"}`,
    basis.join("; "),
    asOf ? `as of the ${asOf} close` : null,
    `data prepared ${meta.generatedAt.slice(0, 16).replace("T", " ")} UTC`
  ]
    .filter(Boolean)
    .join(" · ");
  return el;
}
