import {csvFormat} from "d3-dsv";

/** The chart's own SVG: the biggest one in the node (Plot's figure may also hold a legend SVG). */
export function chartSvg(node: Element): SVGSVGElement | null {
  const svgs = [...node.querySelectorAll("svg")];
  return svgs.sort((a, b) => b.clientWidth * b.clientHeight - a.clientWidth * a.clientHeight)[0] ?? null;
}

/** The ink of a downloaded chart: slides and documents are light, whatever the page's colour scheme. */
const INK = "#1b1e23";

/** A standalone SVG document: namespaces set, and currentColor resolved to dark ink (an image has no page colour to inherit). */
export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("xmlns:xlink", "http://www.w3.org/1999/xlink");
  return new XMLSerializer().serializeToString(copy).replaceAll("currentColor", INK);
}

/** Renders an SVG to PNG bytes at `scale` times its size, on a white background (slides and documents expect one). */
export async function svgToPng(svg: SVGSVGElement, {scale = 2} = {}): Promise<Blob> {
  const {width, height} = svg.getBoundingClientRect();
  const url = URL.createObjectURL(new Blob([svgText(svg)], {type: "image/svg+xml"}));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext("2d")!;
    context.fillStyle = "white";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png")
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Rows as CSV; Dates as YYYY-MM-DD (the data are daily) and non-finite numbers as empty cells. */
export function rowsToCsv(rows: readonly Record<string, unknown>[]): string {
  const clean = rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [
        k,
        v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "number" && !Number.isFinite(v) ? "" : v
      ])
    )
  );
  return csvFormat(clean as Record<string, string>[]);
}

/** Saves a blob under a file name through a temporary link, as browsers allow from a click. */
export function saveBlob(blob: Blob, filename: string): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
