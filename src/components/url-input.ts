import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import {
  choiceParam,
  dateParam,
  integerParam,
  listParam,
  numberParam,
  readParam,
  textParam,
  writeParam,
  type UrlParam
} from "../lib/url-params.js";
import {fundPicker} from "./fund-picker.js";
import {windowInput} from "./window-input.js";

/** Past this many values, urlSelect and urlCheckbox show a search box (fundPicker) instead of a long list. */
export const SEARCH_AFTER = 30;

/**
 * Binds an input to a query parameter, so a link reproduces the view: the
 * input's own value is the default; a value in the link replaces it when the
 * input is created (a value it cannot use leaves the default and a note under
 * the input saying what was ignored); every change is written back, and a
 * value equal to the default is left out of the link. Framework does not bind
 * inputs to the URL; this is the one place that does. Names and aliases are
 * listed in the README ("Links").
 *
 * - name: the parameter
 * - aliases: older names read when `name` is absent (old share links)
 * - pin: write the value even when it is the default (an as-of date, so a link keeps its day as the data grow)
 */
export function urlInput<I extends HTMLElement & {value: any}>(
  input: I,
  name: string,
  param: UrlParam<any>,
  {aliases = [], pin = false}: {aliases?: readonly string[]; pin?: boolean} = {}
): I {
  const key = {name, aliases};
  const fallback = input.value;
  const {value, message} = readParam(new URLSearchParams(window.location.search), key, param, fallback);
  input.value = value;
  if (message) input.append(html`<div class="note url-note" role="status">${message}</div>`);
  const write = () =>
    setQuery(
      writeParam(new URLSearchParams(window.location.search), key, param, input.value, pin ? undefined : fallback)
    );
  // Written at once too: an old name becomes the new one and an unusable value leaves the link.
  write();
  input.addEventListener("input", write);
  return input;
}

/** Replaces the query, keeping the path and hash, with no history entry per change. */
export function setQuery(query: URLSearchParams): void {
  const {pathname, search, hash} = window.location;
  const next = query.size ? `?${query}` : "";
  if (next !== search) window.history.replaceState(window.history.state, "", `${pathname}${next}${hash}`);
}

/** Options of the bound inputs below: Inputs' own, plus the parameter's old names and whether to pin it. */
type BoundOptions = Record<string, unknown> & {aliases?: readonly string[]; pin?: boolean};

/** Options of the inputs that become a search box past SEARCH_AFTER values: `describe` words a suggestion (page.describe). */
type ListOptions = BoundOptions & {describe?: (value: string) => string};

/** Inputs.select bound to a parameter that must be one of the values; a search box (fundPicker) past SEARCH_AFTER values. */
export function urlSelect(
  name: string,
  values: readonly unknown[],
  {aliases, pin, describe, ...options}: ListOptions = {}
) {
  const input =
    values.length > SEARCH_AFTER
      ? fundPicker(values.map(String), {...options, format: describe, multiple: false})
      : Inputs.select(values, options);
  return urlInput(input, name, choiceParam(values), {aliases, pin});
}

/** Inputs.radio bound to a parameter that must be one of the values. */
export function urlRadio(name: string, values: readonly unknown[], {aliases, pin, ...options}: BoundOptions = {}) {
  return urlInput(Inputs.radio(values, options), name, choiceParam(values), {aliases, pin});
}

/** Inputs.checkbox bound to a comma-separated list of the values (all of them by default); a search box (fundPicker) past SEARCH_AFTER values. */
export function urlCheckbox(
  name: string,
  values: readonly string[],
  {aliases, pin, describe, ...options}: ListOptions = {}
) {
  const input =
    values.length > SEARCH_AFTER
      ? fundPicker(values, {value: values, ...options, format: describe})
      : Inputs.checkbox(values, {value: values, ...options});
  return urlInput(input, name, listParam(values), {aliases, pin});
}

/** A date box (Inputs.text of type date) bound to a day clamped into [min, max]. */
export function urlDate(name: string, {aliases, pin, ...options}: BoundOptions & {min?: string; max?: string} = {}) {
  const {min, max} = options;
  return urlInput(Inputs.text({type: "date", ...options}), name, dateParam({min, max}), {aliases, pin});
}

/** Inputs.number bound to a whole number clamped into [min, max]. */
export function urlInteger(name: string, [min, max]: [number, number], {aliases, pin, ...options}: BoundOptions = {}) {
  return urlInput(Inputs.number([min, max], {step: 1, ...options}), name, integerParam({min, max}), {aliases, pin});
}

/** Inputs.range bound to a whole number clamped into [min, max]. */
export function urlRange(name: string, [min, max]: [number, number], {aliases, pin, ...options}: BoundOptions = {}) {
  return urlInput(Inputs.range([min, max], {step: 1, ...options}), name, integerParam({min, max}), {aliases, pin});
}

/** windowInput (a window in trading days, with presets) bound to a whole number within its range. */
export function urlWindow(
  name: string,
  {aliases, pin, ...options}: Parameters<typeof windowInput>[0] & BoundOptions = {}
) {
  const {min = 5, max = 756} = options;
  return urlInput(windowInput(options), name, integerParam({min, max}), {aliases, pin});
}

/** Inputs.number bound to any number (e.g. a threshold in points). */
export function urlNumber(name: string, {aliases, pin, ...options}: BoundOptions = {}) {
  return urlInput(Inputs.number(options), name, numberParam(), {aliases, pin});
}

/** Inputs.text bound to free text. */
export function urlText(name: string, {aliases, pin, ...options}: BoundOptions = {}) {
  return urlInput(Inputs.text(options), name, textParam(), {aliases, pin});
}
