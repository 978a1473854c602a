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
  range.classList.add("window-input");
  const buttons = document.createElement("div");
  buttons.className = "window-presets";
  for (const p of presets) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = `${p}d`;
    b.value = String(p);
    b.onclick = () => {
      range.value = p;
      range.dispatchEvent(new Event("input", {bubbles: true}));
    };
    buttons.append(b);
  }
  // The presets sit under the slider, in the input's own column: beside it they squeezed the number box to nothing.
  const column = document.createElement("div");
  column.className = "window-column";
  const input = range.querySelector("div")!;
  input.replaceWith(column);
  column.append(input, buttons);
  // The preset matching the value shows as pressed, whether it was clicked, typed or set from a link.
  const mark = () => {
    for (const b of buttons.querySelectorAll("button"))
      b.setAttribute("aria-pressed", String(+b.value === range.value));
  };
  range.addEventListener("input", mark);
  mark();
  return range;
}
