import * as Inputs from "@observablehq/inputs";

/**
 * A window-length input: a range slider with a number box (any value from
 * min to max) and preset buttons that set it, as one input whose value is the window.
 *
 * - value: initial window (default 252)
 * - presets: quick choices (default 21, 63, 126, 252)
 * - min, max: allowed range (default 5–756)
 */
export function windowInput({
  value = 252,
  presets = [21, 63, 126, 252],
  min = 5,
  max = 756,
  label = "Window (days)"
} = {}): HTMLElement & {value: number} {
  const range = Inputs.range([min, max], {step: 1, value: Math.min(max, Math.max(min, value)), label});
  const buttons = document.createElement("div");
  buttons.className = "window-presets";
  for (const p of presets) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = `${p}d`;
    b.onclick = () => {
      range.value = p;
      range.dispatchEvent(new Event("input", {bubbles: true}));
    };
    buttons.append(b);
  }
  range.append(buttons);
  return range;
}
