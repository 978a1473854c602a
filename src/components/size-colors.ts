import {SIZE_ORDER} from "../lib/universe.js";

/** One colour per size bucket, shared by every chart so a bucket looks the same everywhere. */
export const SIZE_COLOR = {
  domain: [...SIZE_ORDER],
  range: ["#b2182b", "#ef8a62", "#f4a582", "#4393c3", "#2166ac", "#999999"]
};
