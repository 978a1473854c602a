/**
 * A fraction as a percentage with one decimal, the way the reference article
 * writes returns: 0.087 → "8.7%", -0.008 → "-0.8%"; "–" for NaN.
 * A value that rounds to zero loses its sign ("0.0%", never "-0.0%").
 *
 * - digits: decimals (default 1)
 * - sign: prefix "+" on positive values (default false)
 */
export function formatPercent(x: number, {digits = 1, sign = false} = {}): string {
  if (!Number.isFinite(x)) return "–";
  const text = (x * 100).toFixed(digits);
  const zero = Number(text) === 0;
  if (zero) return `${(0).toFixed(digits)}%`;
  return `${sign && x > 0 ? "+" : ""}${text}%`;
}

/** A difference of two fractions in percentage points: 0.023 → "2.3 points". */
export function formatPoints(x: number, {digits = 1} = {}): string {
  if (!Number.isFinite(x)) return "–";
  const v = Math.abs(x * 100).toFixed(digits);
  return `${v} point${v === (1).toFixed(digits) ? "" : "s"}`;
}
