import {html} from "htl";

/** Options of fundPicker. */
export interface FundPickerOptions {
  /** A list of funds (true, the default) or one fund. */
  multiple?: boolean;
  /** The funds chosen at first: a list, or one value when not multiple (default: none, or the first value). */
  value?: string | readonly string[];
  /** The label in front, as Inputs puts it. */
  label?: string;
  /** How a suggestion describes a fund, e.g. "IJR · iShares Core S&P Small-Cap 600" (default: the value). */
  format?: (value: string) => string;
  /** How many suggestions show at once (default 8). */
  limit?: number;
}

/**
 * A picker for a long list of funds: a search box whose suggestions (ticker
 * first, then name) are picked with a click or Enter, and the chosen funds as
 * buttons that remove them. It behaves like an Inputs input (a `value`, an
 * "input" event on each change), so urlInput binds it and view() reads it;
 * 500 checkboxes would not fit a screen.
 */
export function fundPicker(
  values: readonly string[],
  {multiple = true, value, label, format = String, limit = 8}: FundPickerOptions = {}
): HTMLFormElement & {value: any} {
  const known = new Set(values);
  const initial =
    value === undefined ? (multiple ? [] : values.slice(0, 1)) : typeof value === "string" ? [value] : value;
  let chosen = initial.filter((v) => known.has(v));
  const search = html`<input
    type="search"
    autocomplete="off"
    spellcheck="false"
    placeholder="${`Search ${values.length} funds`}"
    aria-label="${`${label ?? "Funds"}: search`}"
  />` as HTMLInputElement;
  const list = html`<div class="fund-picker-chosen" aria-live="polite"></div>` as HTMLElement;
  const suggestions = html`<div class="fund-picker-suggestions" role="listbox"></div>` as HTMLElement;
  const form = html`<form class="fund-picker">
    ${label ? html`<label>${label}</label>` : ""}
    <div class="fund-picker-body">${list}${search}${suggestions}</div>
  </form>` as HTMLFormElement & {value: any};

  const descriptions = new Map(values.map((v) => [v, format(v)]));
  const matches = (query: string): string[] => {
    const q = query.trim().toUpperCase();
    if (!q) return [];
    // Ticker prefixes first, then any part of the ticker or its description, in the list's order.
    const prefix = values.filter((v) => v.toUpperCase().startsWith(q));
    const inside = values.filter(
      (v) => !v.toUpperCase().startsWith(q) && `${v} ${descriptions.get(v)}`.toUpperCase().includes(q)
    );
    return [...prefix, ...inside].slice(0, limit);
  };
  const changed = () => form.dispatchEvent(new Event("input", {bubbles: true}));
  const pick = (v: string) => {
    chosen = multiple ? (chosen.includes(v) ? chosen : values.filter((x) => x === v || chosen.includes(x))) : [v];
    search.value = "";
    render();
    changed();
    search.focus();
  };
  const remove = (v: string) => {
    chosen = chosen.filter((x) => x !== v);
    render();
    changed();
  };
  const render = () => {
    list.replaceChildren(
      ...chosen.map((v) =>
        multiple
          ? html`<button type="button" class="fund-picker-fund" title="${`Remove ${v}`}" onclick=${() => remove(v)}>
              ${v} ×
            </button>`
          : html`<span class="fund-picker-fund">${descriptions.get(v)}</span>`
      )
    );
    const found = matches(search.value);
    suggestions.replaceChildren(
      ...found.map(
        (v) =>
          html`<button type="button" role="option" aria-selected="${chosen.includes(v)}" onclick=${() => pick(v)}>
            ${descriptions.get(v)}
          </button>`
      ),
      ...(search.value.trim() && !found.length
        ? [html`<span class="note">No fund matches “${search.value}”.</span>`]
        : [])
    );
  };
  search.addEventListener("input", (event) => {
    // The box's own typing is not a change of the picker's value.
    event.stopPropagation();
    render();
  });
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      const [first] = matches(search.value);
      if (first) pick(first);
    } else if (event.key === "Escape") {
      search.value = "";
      render();
    }
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  Object.defineProperty(form, "value", {
    get: () => (multiple ? [...chosen] : chosen[0]),
    set: (v: string | readonly string[]) => {
      const next = typeof v === "string" ? [v] : [...(v ?? [])];
      chosen = values.filter((x) => next.includes(x));
      render();
    }
  });
  render();
  return form;
}
