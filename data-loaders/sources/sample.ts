import {randomLcg, randomNormal} from "d3";
import {floorDay, formatDay, parseDay} from "../../src/lib/dates.js";
import {fundLookup, type Fund, type SizeBucket, type Style} from "../../src/lib/universe.js";
import type {SourceDefinition} from "../source.js";
import type {PriceSeries} from "../types.js";

/**
 * A synthetic market built from three factors (market, size = small minus
 * large, value = value minus growth) plus per-fund noise. Each factor's log
 * level is pinned at a few anchor days (the crashes, the small-cap false dawn
 * of late 2024, January 2026) and filled in between by a random bridge, so the
 * story is the same for every seed while the days are random. Every random
 * number is drawn day by day in a fixed order and every bridge ends by the last
 * anchor, which is always generated: the path up to a date never depends on `end`.
 */

const FIRST_DAY = "2000-01-03";
const LAST_ANCHOR = "2026-01-30";
/**
 * The default seed. Any seed keeps the anchored history (crashes, false dawn,
 * January 2026); this one also gives a plausible path after the last anchor
 * (SPY about +10%, small caps about +10–20% in 2026), where some seeds wander
 * to returns no researcher would believe.
 */
export const DEFAULT_SEED = 6;
const YEAR = 252;

type Anchor = readonly [day: string, level: number];

/** Log total-return level of the market: 2008 falls 50% peak to trough over 17 months, 2020 falls 35% in 5 weeks. */
const MARKET: readonly Anchor[] = [
  [FIRST_DAY, 0],
  ["2002-10-09", -0.12],
  ["2007-10-09", 0.45],
  ["2008-05-19", 0.35],
  ["2008-09-19", 0.22],
  ["2008-11-20", -0.1],
  ["2009-01-06", -0.02],
  ["2009-03-09", 0.45 + Math.log(0.55)],
  ["2020-02-19", 1.35],
  ["2020-03-23", 1.35 + Math.log(0.69)],
  ["2020-08-18", 1.36],
  ["2024-09-10", 1.86],
  ["2024-11-11", 1.9],
  ["2025-01-10", 1.88],
  ["2025-04-08", 1.76],
  ["2025-12-31", 2.03],
  [LAST_ANCHOR, 2.045]
];

/** Log level of small minus large: early-2000s lead, the long lag, a false dawn (Sep–Nov 2024, given back by January), and January 2026. */
const SIZE: readonly Anchor[] = [
  [FIRST_DAY, 0],
  ["2006-12-29", 0.35],
  ["2009-03-09", 0.25],
  ["2011-04-29", 0.4],
  ["2020-02-19", 0.05],
  ["2020-03-23", -0.08],
  ["2021-03-12", 0.15],
  ["2024-09-10", -0.1],
  ["2024-11-11", -0.04],
  ["2025-01-10", -0.11],
  ["2025-04-08", -0.16],
  ["2025-12-31", -0.14],
  [LAST_ANCHOR, -0.1]
];

/** Log level of value minus growth: value wins to 2007, growth wins to 2020, value rebounds in 2022. */
const VALUE: readonly Anchor[] = [
  [FIRST_DAY, 0],
  ["2007-06-01", 0.3],
  ["2020-08-31", -0.25],
  ["2022-10-31", 0],
  [LAST_ANCHOR, -0.1]
];

/** Annual market volatility by period (quiet markets at 13%, crises far higher); 26 years average about 16%. */
const MARKET_VOL: readonly (readonly [from: string, to: string, vol: number])[] = [
  ["2000-01-01", "2002-12-31", 0.2],
  ["2007-07-01", "2008-09-12", 0.2],
  ["2008-09-13", "2009-06-30", 0.35],
  ["2009-07-01", "2009-12-31", 0.22],
  ["2011-08-01", "2011-10-31", 0.3],
  ["2020-02-20", "2020-03-23", 0.5],
  ["2020-03-24", "2020-04-30", 0.35],
  ["2020-05-01", "2020-12-31", 0.25],
  ["2022-01-01", "2022-12-31", 0.23],
  ["2025-04-01", "2025-05-15", 0.35]
];
const QUIET_VOL = 0.12;
const SIZE_VOL = 0.09;
const VALUE_VOL = 0.07;
/** Drift after the last anchor, per year in log terms: mildly positive for the market, none for the spreads. */
const DRIFT = {market: 0.07, size: 0, value: 0};
/** Speed (per year) at which the size and value spreads return towards their last anchor level afterwards. */
const REVERSION = 3;

/** Exposures by size bucket; "other" (unknown tickers) is treated as a mid cap. */
const BY_SIZE: Record<SizeBucket, {beta: number; size: number; idio: number; volume: number}> = {
  micro: {beta: 1.25, size: 1.4, idio: 0.07, volume: 2e5},
  small: {beta: 1.15, size: 1, idio: 0.06, volume: 4e6},
  mid: {beta: 1.08, size: 0.5, idio: 0.04, volume: 2e6},
  large: {beta: 1, size: 0, idio: 0.005, volume: 5e6},
  market: {beta: 1, size: 0, idio: 0.003, volume: 7e7},
  other: {beta: 1.08, size: 0.5, idio: 0.04, volume: 1e6}
};
const BY_STYLE: Record<Style, {beta: number; value: number; idio: number; yield: number}> = {
  value: {beta: 0.95, value: 0.6, idio: 0.02, yield: 0.02},
  core: {beta: 1, value: 0, idio: 0, yield: 0.016},
  blend: {beta: 1, value: 0, idio: 0, yield: 0.015},
  growth: {beta: 1.05, value: -0.6, idio: 0.02, yield: 0.013},
  other: {beta: 1, value: 0, idio: 0.01, yield: 0.016}
};
/** Close on the last anchor day, near the real funds' prices in early 2026; 100 for any other ticker. */
const PRICE: Record<string, number> = {
  IWC: 150,
  IJS: 115,
  IJR: 122,
  IJT: 145,
  IJH: 66,
  IVE: 215,
  IVV: 695,
  IVW: 122,
  SPY: 692,
  IWM: 262,
  IWB: 380
};
const AVERAGE_VOLUME: Record<string, number> = {SPY: 7e7, IWM: 3e7, IVV: 5e6, IJR: 4e6, IWC: 5e4};

/** Weekdays from 2000-01-03 through `last`, without 1 January, 4 July and 25 December. */
export function tradingDays(last: number): Float64Array {
  const days: number[] = [];
  for (let t = parseDay(FIRST_DAY); t <= last; t += 86_400_000) {
    const d = new Date(t);
    const [wd, m, dom] = [d.getUTCDay(), d.getUTCMonth(), d.getUTCDate()];
    if (wd === 0 || wd === 6 || (m === 0 && dom === 1) || (m === 6 && dom === 4) || (m === 11 && dom === 25)) continue;
    days.push(t);
  }
  return Float64Array.from(days);
}

function dayIndex(days: Float64Array, day: string): number {
  const i = days.indexOf(parseDay(day));
  if (i < 0) throw new Error(`sample anchor is not a trading day: ${day}`);
  return i;
}

/** Daily log increments of a factor pinned at `anchors`: Gaussian-bridge noise between anchors, drift after the last. */
function bridged(
  days: Float64Array,
  shocks: Float64Array,
  sigma: Float64Array,
  anchors: readonly Anchor[],
  drift: number,
  reversion = 0
): Float64Array {
  const at = anchors.map(([day, level]) => [dayIndex(days, day), level] as const);
  const inc = new Float64Array(days.length);
  for (let i = 1; i < days.length; ++i) inc[i] = sigma[i] * shocks[i];
  for (let k = 1; k < at.length; ++k) {
    const [a, la] = at[k - 1];
    const [b, lb] = at[k];
    let sum = 0;
    let variance = 0;
    for (let i = a + 1; i <= b; ++i) ((sum += inc[i]), (variance += sigma[i] ** 2));
    // Conditioning independent increments on their sum moves each in proportion to its variance.
    const shift = (lb - la - sum) / variance;
    for (let i = a + 1; i <= b; ++i) inc[i] += sigma[i] ** 2 * shift;
  }
  // After the last anchor: drift, plus a pull back towards the anchor level so
  // that spreads wander as real ones do instead of trending off for years.
  const last = at[at.length - 1][0];
  let deviation = 0;
  for (let i = last + 1; i < days.length; ++i) {
    inc[i] += drift / YEAR - (reversion * deviation) / YEAR;
    deviation += inc[i] - drift / YEAR;
  }
  return inc;
}

/** FNV-1a hash, so each ticker's own noise depends on its name and not on which other tickers were asked for. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; ++i) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

interface Factors {
  days: Float64Array;
  market: Float64Array;
  size: Float64Array;
  value: Float64Array;
  marketVol: Float64Array;
}

/** The last factor paths made: the spine asks for one ticker at a time, and all of them share these. */
let memo: {key: string; factors: Factors} | null = null;

function factors(last: number, seed: number): Factors {
  const key = `${last}:${seed}`;
  if (memo?.key !== key) memo = {key, factors: makeFactors(last, seed)};
  return memo.factors;
}

function makeFactors(last: number, seed: number): Factors {
  const days = tradingDays(last);
  const n = days.length;
  const normal = randomNormal.source(randomLcg(seed))(0, 1);
  const [zm, zs, zv] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  for (let i = 1; i < n; ++i) {
    // Student t with 4 degrees of freedom, scaled to unit variance: fat-tailed market days.
    const z = normal();
    const chi2 = normal() ** 2 + normal() ** 2 + normal() ** 2 + normal() ** 2;
    zm[i] = z / Math.sqrt(chi2 / 4) / Math.SQRT2;
    zs[i] = normal();
    zv[i] = normal();
  }
  const marketVol = new Float64Array(n);
  const windows = MARKET_VOL.map(([from, to, vol]) => [parseDay(from), parseDay(to), vol] as const);
  for (let i = 0; i < n; ++i) {
    const w = windows.find(([from, to]) => from <= days[i] && days[i] <= to);
    marketVol[i] = (w ? w[2] : QUIET_VOL) / Math.sqrt(YEAR);
  }
  const constant = (vol: number) => new Float64Array(n).fill(vol / Math.sqrt(YEAR));
  return {
    days,
    market: bridged(days, zm, marketVol, MARKET, DRIFT.market),
    size: bridged(days, zs, constant(SIZE_VOL), SIZE, DRIFT.size, REVERSION),
    value: bridged(days, zv, constant(VALUE_VOL), VALUE, DRIFT.value, REVERSION),
    marketVol
  };
}

/** Whether day i is a quarterly ex-dividend day: the first trading day on or after the 18th of March, June, September and December. */
function exDividend(days: Float64Array, i: number): boolean {
  const d = new Date(days[i]);
  if (i === 0 || d.getUTCMonth() % 3 !== 2 || d.getUTCDate() < 18) return false;
  const p = new Date(days[i - 1]);
  return p.getUTCMonth() !== d.getUTCMonth() || p.getUTCDate() < 18;
}

/** One fund's close, dividend and volume on every factor day, before clipping. */
function fund(ticker: string, f: Factors, seed: number, info: Fund) {
  const bySize = BY_SIZE[info.size];
  const byStyle = BY_STYLE[info.style];
  const beta = bySize.beta * byStyle.beta;
  const idio = Math.hypot(bySize.idio, byStyle.idio) / Math.sqrt(YEAR);
  const quarterly = byStyle.yield / 4;
  const baseVolume = AVERAGE_VOLUME[info.ticker] ?? bySize.volume;
  const normal = randomNormal.source(randomLcg((seed ^ hash(info.ticker)) >>> 0))(0, 1);
  const n = f.days.length;
  const close = new Float64Array(n);
  const dividend = new Float64Array(n);
  const volume = new Float64Array(n);
  close[0] = 1;
  for (let i = 0; i < n; ++i) {
    const noise = normal();
    const activity = normal();
    if (i > 0) {
      const r = beta * f.market[i] + bySize.size * f.size[i] + byStyle.value * f.value[i] + idio * noise;
      // Total return (close + dividend) / previous close = exp(r); the dividend is set from the previous close.
      dividend[i] = exDividend(f.days, i) ? close[i - 1] * quarterly : 0;
      close[i] = close[i - 1] * Math.exp(r) - dividend[i];
    }
    // Busier on big market days, as real volume is.
    const surprise = i > 0 ? Math.abs(f.market[i]) / f.marketVol[i] : 1;
    volume[i] = Math.round(baseVolume * Math.exp(0.35 * activity - 0.06) * (0.6 + 0.4 * surprise));
  }
  // Scale to a realistic price on the last anchor day, then round as exchanges quote.
  const scale = (PRICE[info.ticker] ?? 100) / close[dayIndex(f.days, LAST_ANCHOR)];
  for (let i = 0; i < n; ++i) {
    close[i] = Math.max(0.01, Math.round(close[i] * scale * 100) / 100);
    dividend[i] = Math.round(dividend[i] * scale * 1e4) / 1e4;
  }
  return {close, dividend, volume};
}

/**
 * Back-adjusted total-return prices: adjClose[last] = close[last], and each
 * day's ratio adjClose[t] / adjClose[t-1] = (close[t] + dividend[t]) / close[t-1],
 * i.e. the dividend reinvested at the ex-date close.
 */
export function adjustedClose(close: Float64Array, dividend: Float64Array): Float64Array {
  const n = close.length;
  const adj = new Float64Array(n);
  let factor = 1;
  for (let i = n - 1; i >= 0; --i) {
    adj[i] = close[i] * factor;
    if (dividend[i] > 0) factor *= close[i] / (close[i] + dividend[i]);
  }
  return adj;
}

/**
 * A deterministic synthetic market for `tickers` (any ticker, exposures from
 * its size and style), on weekdays from 2000-01-03, clipped to [start, end].
 * - start: first day wanted, YYYY-MM-DD
 * - end: last day wanted, YYYY-MM-DD (inclusive)
 * - seed: the random seed (DEFAULT_SEED)
 * - funds: declared funds, whose size and style set their exposures (the config file's "funds")
 */
export function generateSample(
  tickers: readonly string[],
  {start, end, seed = DEFAULT_SEED, funds = []}: {start: string; end: string; seed?: number; funds?: readonly Fund[]}
): PriceSeries[] {
  const from = parseDay(start);
  if (Number.isNaN(from)) throw new Error(`invalid start: ${start}`);
  const to = parseDay(end);
  if (Number.isNaN(to)) throw new Error(`invalid end: ${end}`);
  if (!Number.isInteger(seed)) throw new Error(`invalid seed: ${seed}`);
  const f = factors(Math.max(to, parseDay(LAST_ANCHOR)), seed);
  let i = 0;
  while (i < f.days.length && f.days[i] < from) ++i;
  let j = i;
  while (j < f.days.length && f.days[j] <= to) ++j;
  const describe = fundLookup(funds);
  return tickers.map((ticker) => {
    const s = fund(ticker, f, seed, describe(ticker));
    const close = s.close.slice(i, j);
    const dividend = s.dividend.slice(i, j);
    // Back-adjusted after clipping, as a download on `end` would be: adjClose[last] = close[last].
    return {
      ticker,
      date: f.days.slice(i, j),
      close,
      adjClose: adjustedClose(close, dividend),
      dividend,
      split: new Float64Array(j - i).fill(1),
      volume: s.volume.slice(i, j)
    };
  });
}

/** Deterministic synthetic prices, labelled synthetic wherever they show; every ticker's path is its own. */
export const sample: SourceDefinition = {
  name: "sample",
  title: "synthetic sample data",
  kind: "synthetic",
  async fetchTicker(ticker, {start, end}, {settings}) {
    const [series] = generateSample([ticker], {start: formatDay(start), end: formatDay(end), funds: settings.funds});
    if (series.date.length === 0)
      throw new Error(`the sample has no days from ${formatDay(start)} to ${formatDay(end)}`);
    return {series, warnings: [`${ticker}: synthetic sample data (seed ${DEFAULT_SEED}), not real prices`]};
  }
};
