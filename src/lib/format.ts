/**
 * A number with fixed decimals; a value that rounds to zero loses its sign
 * ("0.0", never "-0.0" or "+0.0"); "–" for NaN and infinities.
 *
 * - digits: decimals (default 1)
 * - sign: prefix "+" on positive values (default false)
 */
export function formatNumber(x: number, {digits = 1, sign = false} = {}): string {
  if (!Number.isFinite(x)) return "–";
  const text = x.toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return `${sign && x > 0 ? "+" : ""}${text}`;
}

/**
 * A fraction as a percentage with one decimal, the way the reference article
 * writes returns: 0.087 → "8.7%", -0.008 → "-0.8%"; "–" for NaN.
 * A value that rounds to zero loses its sign ("0.0%", never "-0.0%").
 *
 * - digits: decimals (default 1)
 * - sign: prefix "+" on positive values (default false)
 */
export function formatPercent(x: number, {digits = 1, sign = false} = {}): string {
  return Number.isFinite(x) ? `${formatNumber(x * 100, {digits, sign})}%` : "–";
}

/**
 * A spread in percentage points, without its sign: 2.3 → "2.3 points". Every
 * spread in this library is in points already (a 5 means small caps are 5
 * percentage points ahead: 7% against 2%); a difference of two fractional
 * returns becomes points by × 100 where it is formed.
 *
 * - digits: decimals (default 1)
 */
export function formatPoints(x: number, {digits = 1} = {}): string {
  if (!Number.isFinite(x)) return "–";
  const v = Math.abs(x).toFixed(digits);
  return `${v} point${v === (1).toFixed(digits) ? "" : "s"}`;
}

/** A 0–1 percentile as an English ordinal: 0.8 → "80th", 0.01 → "1st", 0.22 → "22nd", 0.13 → "13th"; "–" for NaN. */
export function formatOrdinal(p: number): string {
  if (!Number.isFinite(p)) return "–";
  const n = Math.round(p * 100);
  const suffix =
    n % 100 >= 11 && n % 100 <= 13 ? "th" : (({1: "st", 2: "nd", 3: "rd"} as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
}
