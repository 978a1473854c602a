import {html} from "htl";
import type {ResearchMeta, ResearchProvenance} from "../lib/contracts.js";

const SOURCE_NAMES: Record<string, string> = {
  french: "Ken French Data Library (live)",
  fred: "FRED (live)",
  cache: "local cache of the live download",
  file: "local file copy",
  sample: "SYNTHETIC sample"
};

function pick(meta: ResearchMeta, ids: readonly string[]): ResearchProvenance[] {
  return meta.series.filter((s) => ids.includes(s.ticker));
}

/**
 * A banner when any of the given research series is synthetic, stale or
 * missing; an empty span otherwise. Warnings come from files and providers,
 * so htl puts them in as text.
 */
export function researchBanner(meta: ResearchMeta, {ids}: {ids: readonly string[]}): HTMLElement {
  const series = pick(meta, ids);
  const synthetic = series.filter((s) => s.synthetic);
  const stale = series.filter((s) => s.warnings.some((w) => w.startsWith("stale")));
  const missing = series.filter((s) => s.rows === 0);
  if (!synthetic.length && !stale.length && !missing.length) return html`<span></span>`;
  return html`<div class="note workbench-banner ${synthetic.length ? "synthetic" : ""}" role="status">
    ${
      synthetic.length
        ? html`<p>
            <strong>Synthetic research data, not French/FRED data:</strong>
            ${synthetic.map((s) => s.ticker).join(", ")}. No live, cached or local copy was found; set
            <code>WORKBENCH_FRENCH_DIR</code> / <code>WORKBENCH_FRED_DIR</code> or build online.
          </p>`
        : ""
    }
    ${stale.length ? html`<p><strong>Stale:</strong> ${stale.map((s) => `${s.ticker} ends ${s.last}`).join("; ")}.</p>` : ""}
    ${
      missing.length
        ? html`<p>
            <strong>Missing:</strong> ${missing.map((s) => `${s.ticker} (${s.warnings.join("; ")})`).join(", ")}.
          </p>`
        : ""
    }
  </div>`;
}

/** The source line under a research chart: each series' source, vintage and span, and the as-of date. */
export function researchSourceLine(
  meta: ResearchMeta,
  {ids, asOf, extra}: {ids: readonly string[]; asOf?: string; extra?: string} = {ids: []}
): HTMLElement {
  const parts = pick(meta, ids).map((s) => {
    const vintage = s.synthetic
      ? "synthetic"
      : s.provider === "french"
        ? s.vintage
          ? `CRSP vintage ${s.vintage}`
          : "vintage unknown"
        : s.fetchedAt
          ? `retrieved ${s.fetchedAt.slice(0, 10)}`
          : "";
    return `${s.ticker}: ${SOURCE_NAMES[s.source] ?? s.source}${vintage ? `, ${vintage}` : ""}, ${s.first ?? "–"} to ${s.last ?? "–"}`;
  });
  const el = document.createElement("p");
  el.className = "source-line";
  el.textContent = [
    `Source: ${parts.join("; ") || "none"}`,
    extra,
    asOf ? `as of ${asOf}` : null,
    `data prepared ${meta.generatedAt.slice(0, 16).replace("T", " ")} UTC`
  ]
    .filter(Boolean)
    .join(" · ");
  return el;
}
