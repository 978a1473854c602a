import type {PricesMeta} from "../lib/contracts.js";

const SOURCE_NAMES: Record<string, string> = {
  yahoo: "Yahoo Finance daily chart data",
  cache: "Yahoo Finance data from the local cache",
  csv: "CSV files",
  sample: "synthetic sample data"
};

/** A banner when data is synthetic, stale or incomplete; an empty span otherwise (so the page has no gap). */
export function provenanceBanner(meta: PricesMeta): HTMLElement {
  const lines: string[] = [];
  if (meta.synthetic)
    lines.push(
      "<strong>Synthetic sample data, not market prices.</strong> Live prices were not used. Run <code>npm run data -- pull</code> online, or set <code>WORKBENCH_SOURCE=csv</code> and <code>WORKBENCH_DATA_DIR</code> to a folder of CSV files."
    );
  if (meta.stale) {
    const last = meta.series
      .filter((s) => s.last)
      .map((s) => s.last!)
      .sort()
      .at(-1);
    lines.push(
      `<strong>Stale data:</strong> the latest close is ${last}. Run <code>npm run data -- pull</code> to refresh.`
    );
  }
  const failed = meta.series.filter((s) => s.rows === 0);
  if (failed.length) {
    const reasons = failed.map((s) => `<li>${escape(s.warnings.join("; ").replace(/^failed: /, ""))}</li>`).join("");
    lines.push(
      `<strong>Missing:</strong> ${failed.map((s) => s.ticker).join(", ")} could not be loaded. <details><summary>Why</summary><ul>${reasons}</ul></details>`
    );
  }
  const el = document.createElement(lines.length ? "div" : "span");
  if (lines.length) {
    el.className = `note workbench-banner ${meta.synthetic ? "synthetic" : ""}`;
    el.setAttribute("role", "status");
    el.innerHTML = lines.map((l) => `<p>${l}</p>`).join("");
  }
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
  const sources = [...new Set(series.map((s) => SOURCE_NAMES[s.source] ?? s.source))];
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

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
