import {neweyWest} from "./newey-west.js";

/**
 * Monthly macro regimes (Fed easing, 10-year yield falling, industrial
 * production growth accelerating) and the forward returns that followed them.
 * Series are aligned on consecutive calendar months, dated the month's last
 * day (00:00 UTC). Flags are typed arrays of 1 (true), 0 (false) or NaN
 * (unknown: warm-up or missing input); missing data propagate as NaN and
 * NaN months are left out of the tables.
 */

export interface RegimeFlags {
  dates: Float64Array;
  /** 1 when fed funds now < fed funds fedLookback months ago. */
  easing: Float64Array;
  /** 1 when the 10-year yield now < its value yieldLookback months ago. */
  yieldFalling: Float64Array;
  /** 1 when year-on-year IP growth now > year-on-year IP growth growthLookback months ago. */
  growthAccelerating: Float64Array;
}

export interface RegimeRow {
  label: string;
  /** The flags this row conditions on; null means "either". */
  easing: boolean | null;
  yieldFalling: boolean | null;
  growthAccelerating: boolean | null;
  count: number;
  mean: number;
  sd: number;
  /** mean / (sd / √count), the plain t; overlapping forward returns (horizon > 1) overstate it by roughly √horizon. */
  tStat: number;
  /** The mean's Newey-West t (regimeTable's lag), valid with overlapping windows; NaN below two months. */
  hacTStat: number;
}

const FLAGS = ["easing", "yieldFalling", "growthAccelerating"] as const;
const NAMES = {
  easing: ["Fed easing", "Fed not easing"],
  yieldFalling: ["10y yield falling", "10y yield not falling"],
  growthAccelerating: ["IP growth accelerating", "IP growth not accelerating"]
};

/**
 * Classifies each month from fed funds, the 10-year yield and industrial production.
 * - fedLookback: months back for the fed funds comparison (default 6)
 * - yieldLookback: months back for the yield comparison (default 6)
 * - growthLookback: months back for the growth comparison (default 6)
 */
export function classifyRegimes(
  {
    dates,
    fedFunds,
    yield10,
    indpro
  }: {dates: Float64Array; fedFunds: Float64Array; yield10: Float64Array; indpro: Float64Array},
  {
    fedLookback = 6,
    yieldLookback = 6,
    growthLookback = 6
  }: {fedLookback?: number; yieldLookback?: number; growthLookback?: number} = {}
): RegimeFlags {
  for (const [name, k] of Object.entries({fedLookback, yieldLookback, growthLookback})) {
    if (!Number.isInteger(k) || k < 1) throw new Error(`invalid ${name}: ${k}`);
  }
  const n = dates.length;
  for (const [name, s] of Object.entries({fedFunds, yield10, indpro})) {
    if (s.length !== n) throw new Error(`${name} has ${s.length} months, dates has ${n}`);
  }
  // Lookbacks count array positions, so a skipped month would silently stretch them.
  for (let i = 1; i < n; ++i) {
    if (monthKey(dates[i]) !== monthKey(dates[i - 1]) + 1)
      throw new Error(`months are not consecutive at ${new Date(dates[i]).toISOString().slice(0, 10)}`);
  }
  const yoy = indpro.map((v, i) => (i >= 12 ? v / indpro[i - 12] - 1 : NaN));
  return {
    dates: dates.slice(),
    easing: compare(fedFunds, fedLookback, (now, then) => now < then),
    yieldFalling: compare(yield10, yieldLookback, (now, then) => now < then),
    growthAccelerating: compare(yoy, growthLookback, (now, then) => now > then)
  };
}

function compare(values: Float64Array, lag: number, test: (now: number, then: number) => boolean): Float64Array {
  return values.map((v, i) =>
    i < lag || Number.isNaN(v) || Number.isNaN(values[i - lag]) ? NaN : test(v, values[i - lag]) ? 1 : 0
  );
}

function monthKey(t: number): number {
  const d = new Date(t);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/**
 * Collapses a sorted (daily or monthly) series to one value per calendar
 * month, dated the month's last day, every month from the first to the last
 * present (empty months NaN); NaN values are skipped.
 * - how: "last" (last valid value in the month, default) or "mean"
 */
export function toMonthEnd(
  dates: Float64Array,
  values: Float64Array,
  {how = "last"}: {how?: "last" | "mean"} = {}
): {dates: Float64Array; values: Float64Array} {
  if (how !== "last" && how !== "mean") throw new Error(`invalid how: ${how}`);
  if (dates.length !== values.length) throw new Error(`dates has ${dates.length} values, values has ${values.length}`);
  if (dates.length === 0) return {dates: new Float64Array(0), values: new Float64Array(0)};
  const first = monthKey(dates[0]);
  const m = monthKey(dates[dates.length - 1]) - first + 1;
  if (m < 1) throw new Error("dates must be sorted ascending");
  const sum = new Float64Array(m);
  const count = new Float64Array(m);
  const last = new Float64Array(m).fill(NaN);
  for (let i = 0; i < dates.length; ++i) {
    if (i > 0 && dates[i] < dates[i - 1]) throw new Error("dates must be sorted ascending");
    if (Number.isNaN(values[i])) continue;
    const k = monthKey(dates[i]) - first;
    sum[k] += values[i];
    count[k] += 1;
    last[k] = values[i];
  }
  return {
    dates: Float64Array.from({length: m}, (_, k) => monthEnd(first + k)),
    values: how === "last" ? last : sum.map((s, k) => (count[k] ? s / count[k] : NaN))
  };
}

/** The last day of month `key` (year × 12 + month index); day 0 of the next month is that day. */
function monthEnd(key: number): number {
  return Date.UTC(Math.floor(key / 12), (key % 12) + 1, 0);
}

/** Picks, for each target month-end, the series' value in the same calendar month (NaN when absent). */
export function alignMonthly(
  target: Float64Array,
  {dates, values}: {dates: Float64Array; values: Float64Array}
): Float64Array {
  const byMonth = new Map<number, number>();
  dates.forEach((t, i) => byMonth.set(monthKey(t), values[i]));
  return target.map((t) => byMonth.get(monthKey(t)) ?? NaN);
}

/**
 * The compounded return over the `horizon` months after each month,
 * Π(1 + r[t+1..t+horizon]) − 1; NaN when fewer months remain or any is NaN.
 */
export function forwardReturns(monthlyReturns: Float64Array, horizon: number): Float64Array {
  if (!Number.isInteger(horizon) || horizon < 1) throw new Error(`invalid horizon: ${horizon}`);
  const n = monthlyReturns.length;
  const out = new Float64Array(n).fill(NaN);
  for (let t = 0; t + horizon < n; ++t) {
    let growth = 1;
    for (let i = t + 1; i <= t + horizon; ++i) growth *= 1 + monthlyReturns[i];
    out[t] = growth - 1; // NaN propagates through the product
  }
  return out;
}

/**
 * Count, mean, sd, plain and Newey-West t-statistics of forward returns for
 * all months, each flag on and off, and each of the 8 combinations. Months
 * where any flag or the forward return is NaN are left out of every row, so
 * rows share one sample. The Newey-West t keeps calendar time: a row's mean is
 * the OLS coefficient of the forward return on the row's indicator over the
 * consecutive months of the sample's span (zero outside the row), so lag l
 * pairs months l calendar months apart, whichever rows they are in.
 *
 * - lag: the Newey-West lag in months, horizon − 1 for overlapping horizon-month returns (default 0: White's errors)
 */
export function regimeTable(flags: RegimeFlags, forward: Float64Array, {lag = 0}: {lag?: number} = {}): RegimeRow[] {
  if (forward.length !== flags.dates.length)
    throw new Error(`forward has ${forward.length} months, flags have ${flags.dates.length}`);
  const keep: number[] = [];
  for (let i = 0; i < forward.length; ++i) {
    if (!Number.isNaN(forward[i]) && FLAGS.every((f) => !Number.isNaN(flags[f][i]))) keep.push(i);
  }
  const conditions: Array<Partial<Record<(typeof FLAGS)[number], boolean>>> = [{}];
  for (const f of FLAGS) conditions.push({[f]: true}, {[f]: false});
  for (const e of [true, false])
    for (const y of [true, false])
      for (const g of [true, false]) conditions.push({easing: e, yieldFalling: y, growthAccelerating: g});
  const first = keep.length ? keep[0] : 0;
  const span = keep.length ? keep[keep.length - 1] - first + 1 : 0;
  return conditions.map((c) => {
    const months = keep.filter((i) => FLAGS.every((f) => c[f] === undefined || flags[f][i] === (c[f] ? 1 : 0)));
    const sample = months.map((i) => forward[i]);
    const label =
      FLAGS.filter((f) => c[f] !== undefined)
        .map((f) => NAMES[f][c[f] ? 0 : 1])
        .join(" · ") || "All months";
    return {
      label,
      easing: c.easing ?? null,
      yieldFalling: c.yieldFalling ?? null,
      growthAccelerating: c.growthAccelerating ?? null,
      ...stats(sample),
      hacTStat: months.length > 1 ? hacT(forward, months, first, span, lag) : NaN
    };
  });
}

/** Newey-West t of the mean of forward[months], regressing on the months' indicator over `span` months from `first`. */
function hacT(forward: Float64Array, months: number[], first: number, span: number, lag: number): number {
  const y = new Float64Array(span);
  const inRow = new Float64Array(span);
  for (const i of months) ((y[i - first] = forward[i]), (inRow[i - first] = 1));
  return neweyWest(y, [inRow], {lag, intercept: false}).hac.tStats[0];
}

function stats(sample: number[]): {count: number; mean: number; sd: number; tStat: number} {
  const count = sample.length;
  const mean = count ? sample.reduce((a, b) => a + b, 0) / count : NaN;
  const sd = count > 1 ? Math.sqrt(sample.reduce((a, b) => a + (b - mean) ** 2, 0) / (count - 1)) : NaN;
  return {count, mean, sd, tStat: mean / (sd / Math.sqrt(count))};
}
