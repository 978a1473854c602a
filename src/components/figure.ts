import {chartSvg, rowsToCsv, saveBlob, svgText, svgToPng} from "./downloads.js";

interface FigureOptions {
  /** File name stem for downloads, e.g. "scoreboard-ytd-2026-02-03". */
  name: string;
  /** The data behind the chart, for the CSV download. */
  rows: readonly Record<string, unknown>[];
  /** One line saying what the figure shows; also the slide's caption in meeting mode. */
  caption?: string;
  /** Elements under the chart, such as the source line. */
  notes?: readonly Node[];
}

/**
 * A chart as a figure with its caption, notes and download buttons (PNG,
 * SVG, CSV of its data). Meeting mode pages through these figures.
 */
export function figure(chart: Node, {name, rows, caption, notes = []}: FigureOptions): HTMLElement {
  const el = document.createElement("figure");
  el.className = "card workbench-figure";
  el.dataset.name = name;
  if (caption) {
    const cap = document.createElement("figcaption");
    cap.className = "workbench-caption";
    cap.textContent = caption;
    el.append(cap);
  }
  el.append(chart, ...notes);
  const tools = document.createElement("div");
  tools.className = "workbench-downloads";
  const button = (label: string, save: () => Promise<void> | void) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.title = `Download ${label}`;
    b.onclick = async () => {
      try {
        await save();
      } catch (error) {
        b.textContent = `${label} failed`;
        console.warn(error);
      }
    };
    tools.append(b);
  };
  const svg = () => {
    const s = chartSvg(el);
    if (!s) throw new Error("no chart to download");
    return s;
  };
  button("PNG", async () => saveBlob(await svgToPng(svg()), `${name}.png`));
  button("SVG", () => saveBlob(new Blob([svgText(svg())], {type: "image/svg+xml"}), `${name}.svg`));
  button("CSV", () => saveBlob(new Blob([rowsToCsv(rows)], {type: "text/csv"}), `${name}.csv`));
  el.append(tools);
  return el;
}
