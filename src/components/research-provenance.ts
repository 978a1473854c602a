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

/** A banner when any of the given research series is synthetic, stale or missing; an empty span otherwise. */
export function researchBanner(meta: ResearchMeta, {ids}: {ids: readonly string[]}): HTMLElement {
  const series = pick(meta, ids);
  const lines: string[] = [];
  const synthetic = series.filter((s) => s.synthetic);
  if (synthetic.length)
    lines.push(
      `<strong>Synthetic research data, not French/FRED data:</strong> ${synthetic.map((s) => s.ticker).join(", ")}. No live, cached or local copy was found; set <code>WORKBENCH_FRENCH_DIR</code> / <code>WORKBENCH_FRED_DIR</code> or build online.`
    );
  const stale = series.filter((s) => s.warnings.some((w) => w.startsWith("stale")));
  if (stale.length) lines.push(`<strong>Stale:</strong> ${stale.map((s) => `${s.ticker} ends ${s.last}`).join("; ")}.`);
  const missing = series.filter((s) => s.rows === 0);
  if (missing.length)
    lines.push(
      `<strong>Missing:</strong> ${missing.map((s) => `${s.ticker} (${escape(s.warnings.join("; "))})`).join(", ")}.`
    );
  const el = document.createElement(lines.length ? "div" : "span");
  if (lines.length) {
    el.className = `note workbench-banner ${synthetic.length ? "synthetic" : ""}`;
    el.setAttribute("role", "status");
    el.innerHTML = lines.map((l) => `<p>${l}</p>`).join("");
  }
  return el;
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

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
