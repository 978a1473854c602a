import {SIZE_ORDER} from "../lib/universe.js";

/** One colour per size bucket, shared by every chart so a bucket looks the same everywhere. */
export const SIZE_COLOR = {
  domain: [...SIZE_ORDER],
  range: ["#b2182b", "#ef8a62", "#f4a582", "#4393c3", "#2166ac", "#999999"]
};

/** SIZE_COLOR narrowed to the buckets present, so a legend lists only what the chart shows, in the same colours. */
export function sizeColor(sizes: Iterable<string>): {domain: string[]; range: string[]} {
  const present = new Set(sizes);
  const keep = SIZE_COLOR.domain.map((d, i) => i).filter((i) => present.has(SIZE_COLOR.domain[i]));
  return {domain: keep.map((i) => SIZE_COLOR.domain[i]), range: keep.map((i) => SIZE_COLOR.range[i])};
}
