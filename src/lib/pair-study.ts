import {alignOnCommonDates} from "./align.js";
import {sma} from "./moving-average.js";
import {expandingPercentile} from "./percentile.js";
import type {TickerPrices} from "./price-panel.js";
import {relativeStrength} from "./relative-strength.js";
import {rollingSpread} from "./spread.js";
import {currentPositiveStreak, longestPositiveStreak} from "./streaks.js";

/** A small-cap fund measured against a large-cap one. */
export interface Pair {
  small: string;
  large: string;
}

/** One pair's rolling spread, relative strength and the numbers a researcher quotes about them. */
export interface PairStudy extends Pair {
  /** Common trading days of the two funds, epoch ms. */
  date: Float64Array;
  /** Small minus large `window`-day total return, in percentage points (positive = small ahead). */
  spread: Float64Array;
  /** Percentile of each day's spread among all spreads up to that day (0–1). */
  percentile: Float64Array;
  /** Small / large total-return index, rebased to 1 on the first day at or after `rebase`. */
  ratio: Float64Array;
  /** The day the ratio is 1 (its base close), epoch ms; NaN when there are no common days. */
  rebaseDate: number;
  /** Simple moving average of the ratio over `ratioAverage` days. */
  ratioAverage: Float64Array;
  /** Trading days in the current positive run, counted as streak lengths (1 on the day it turns); NaN while not positive. */
  currentStreak: Float64Array;
}

/**
 * Aligns two funds on their common days and computes the rolling spread
 * (small minus large), its percentile in its own history, the relative-
 * strength ratio with its moving average, and the positive streaks.
 *
 * - window: days each return spans (default 252)
 * - rebase: epoch ms; the ratio is 1 on the first common day on or after it (default the first day)
 * - ratioAverage: days in the ratio's moving average (default 200)
 */
export function pairStudy(
  small: TickerPrices,
  large: TickerPrices,
  {window = 252, rebase = -Infinity, ratioAverage = 200}: {window?: number; rebase?: number; ratioAverage?: number} = {}
): PairStudy {
  const aligned = alignOnCommonDates([
    {date: small.date, values: [small.index]},
    {date: large.date, values: [large.index]}
  ]);
  const [[s], [l]] = aligned.values;
  const spread = rollingSpread(s, l, {window});
  const start = Math.max(
    0,
    aligned.date.findIndex((t) => t >= rebase)
  );
  const ratio = relativeStrength(s, l, {start});
  return {
    small: small.ticker,
    large: large.ticker,
    date: aligned.date,
    spread,
    percentile: expandingPercentile(spread),
    ratio,
    rebaseDate: aligned.date.length ? aligned.date[start] : NaN,
    ratioAverage: sma(ratio, {window: ratioAverage}),
    currentStreak: currentPositiveStreak(spread)
  };
}

/** The numbers of a pair's table row at the last day on or before `end` (epoch ms, default the last day). */
export function pairSummary(study: PairStudy, {end = Infinity}: {end?: number} = {}) {
  let i = study.date.length - 1;
  while (i >= 0 && study.date[i] > end) --i;
  const longest = longestPositiveStreak(study.spread.subarray(0, i + 1));
  return {
    pair: `${study.small}−${study.large}`,
    date: i >= 0 ? study.date[i] : NaN,
    spread: i >= 0 ? study.spread[i] : NaN,
    percentile: i >= 0 ? study.percentile[i] : NaN,
    currentStreak: i >= 0 ? study.currentStreak[i] : NaN,
    longest: longest ? {days: longest.length, from: study.date[longest.start], to: study.date[longest.end]} : null
  };
}

/**
 * Reads pairs written as "IWC-SPY, IJR-IVV" (the URL form); throws a message
 * naming the piece that is not SMALL-LARGE.
 */
export function parsePairs(text: string): Pair[] {
  return text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => {
      const m = /^([\^A-Za-z0-9.=]+)\s*[-−–]\s*([\^A-Za-z0-9.=]+)$/.exec(p);
      if (!m) throw new Error(`cannot read the pair "${p}": write SMALL-LARGE, e.g. IJR-IVV`);
      return {small: m[1].toUpperCase(), large: m[2].toUpperCase()};
    });
}

/** The default pairs of the reference article's funds: micro, small value, small core, small growth and the Russell pair. */
export const DEFAULT_PAIRS = "IWC-SPY, IJS-IVE, IJR-IVV, IJT-IVW, IWM-IWB";
