import {formatDay, parseDay} from "./dates.js";

/**
 * How one query parameter's text becomes an input's value and back. A value
 * outside the allowed range is clamped and `note` says so; text that cannot
 * be read gives `error`, and the input keeps its default. Messages name the
 * text as the link had it, so a reader sees what was ignored.
 */
export interface UrlParam<T> {
  parse(text: string): {value: T; note?: string} | {error: string};
  format(value: T): string;
}

/**
 * A whole number, clamped into [min, max]: "2.5" is an error, "1e9" with max 2520 becomes 2520 with a note.
 *
 * - min, max: the allowed range (default unbounded)
 */
export function integerParam({min = -Infinity, max = Infinity} = {}): UrlParam<number> {
  return {
    parse(text) {
      const x = text.trim() === "" ? NaN : Number(text);
      if (!Number.isFinite(x)) return {error: "not a number"};
      if (!Number.isInteger(x)) return {error: "not a whole number"};
      return clamp(x, min, max, Number);
    },
    format: String
  };
}

/**
 * Any finite number, clamped into [min, max].
 *
 * - min, max: the allowed range (default unbounded)
 */
export function numberParam({min = -Infinity, max = Infinity} = {}): UrlParam<number> {
  return {
    parse(text) {
      const x = text.trim() === "" ? NaN : Number(text);
      return Number.isFinite(x) ? clamp(x, min, max, Number) : {error: "not a number"};
    },
    format: String
  };
}

/**
 * A calendar day, YYYY-MM-DD, clamped into [min, max] (days as YYYY-MM-DD too):
 * a link made on a site with more data opens on one with less.
 *
 * - min, max: the first and last allowed day (default unbounded)
 */
export function dateParam({min, max}: {min?: string; max?: string} = {}): UrlParam<string> {
  return {
    parse(text) {
      const t = parseDay(text);
      if (Number.isNaN(t)) return {error: "not a date (YYYY-MM-DD)"};
      const lo = min === undefined ? -Infinity : parseDay(min);
      const hi = max === undefined ? Infinity : parseDay(max);
      return clamp(t, lo, hi, formatDay, ["before the first day available", "after the last day available"]);
    },
    format: (value) => value
  };
}

/**
 * One of a fixed list of values, matched by their text ("6" finds the number 6).
 *
 * - values: the allowed values
 */
export function choiceParam<T>(values: readonly T[]): UrlParam<T> {
  return {
    parse(text) {
      const found = values.find((v) => String(v) === text.trim());
      const choices = values.length > 12 ? `the ${values.length} choices` : values.join(", ");
      return found === undefined ? {error: `not one of ${choices}`} : {value: found};
    },
    format: String
  };
}

/**
 * A comma-separated subset of a list, matched case-insensitively and kept in
 * the list's order; unknown items are dropped with a note, and none known is an error.
 *
 * - values: the allowed items
 */
export function listParam(values: readonly string[]): UrlParam<string[]> {
  return {
    parse(text) {
      const asked = text
        .split(",")
        .map((t) => t.trim().toUpperCase())
        .filter(Boolean);
      const known = values.filter((v) => asked.includes(v.toUpperCase()));
      const unknown = asked.filter((t) => !values.some((v) => v.toUpperCase() === t));
      if (!known.length) return {error: `none of ${asked.join(", ") || "(empty)"} is available`};
      return unknown.length ? {value: known, note: `${unknown.join(", ")} not available`} : {value: known};
    },
    format: (value) => value.join(",")
  };
}

/** Free text, taken as it is. */
export function textParam(): UrlParam<string> {
  return {parse: (text) => ({value: text}), format: (value) => value};
}

function clamp<T>(
  x: number,
  min: number,
  max: number,
  back: (x: number) => T,
  [below, above] = ["below the smallest allowed", "above the largest allowed"]
): {value: T; note?: string} {
  if (x < min) return {value: back(min), note: `${below}, ${back(min)}`};
  if (x > max) return {value: back(max), note: `${above}, ${back(max)}`};
  return {value: back(x)};
}

/** Where a parameter is read from and written to: its name, and older names links may still carry. */
export interface ParamName {
  name: string;
  /** Older names for the same idea, read when `name` is absent and removed on the next write. */
  aliases?: readonly string[];
}

/**
 * The value a link asks for, or the fallback with a sentence saying what was
 * ignored or adjusted ("fast=2.5 in the link is not a whole number: showing 50.").
 */
export function readParam<T>(
  query: URLSearchParams,
  {name, aliases = []}: ParamName,
  param: UrlParam<T>,
  fallback: T
): {value: T; message?: string} {
  const key = [name, ...aliases].find((k) => query.has(k));
  if (key === undefined) return {value: fallback};
  const text = query.get(key)!;
  const read = param.parse(text);
  const asked = `${key}=${text}`;
  if ("error" in read)
    return {value: fallback, message: `${asked} in the link is ${read.error}: showing ${param.format(fallback)}.`};
  if (read.note)
    return {value: read.value, message: `${asked} in the link: ${read.note}; showing ${param.format(read.value)}.`};
  return {value: read.value};
}

/**
 * Writes a value under the parameter's name, or removes it when the value is
 * the default (links stay short, and "to" left out means "the latest day");
 * its aliases are removed either way. Returns the same query, changed.
 *
 * - fallback: the default; undefined to write every value (a pinned parameter)
 */
export function writeParam<T>(
  query: URLSearchParams,
  {name, aliases = []}: ParamName,
  param: UrlParam<T>,
  value: T,
  fallback?: T
): URLSearchParams {
  for (const a of aliases) query.delete(a);
  const text = param.format(value);
  if ((fallback !== undefined && text === param.format(fallback)) || text === "") query.delete(name);
  else query.set(name, text);
  return query;
}
