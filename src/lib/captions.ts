import {formatDay} from "./dates.js";
import {formatNumber, formatOrdinal, formatPercent, formatPoints} from "./format.js";
import type {Period} from "./periods.js";
import type {ScoreboardRow} from "./scoreboard.js";
import type {TrendStudy} from "./trend-study.js";

/**
 * One-line captions written from the numbers, so a report says in words
 * exactly what its tables and charts show, for any as-of date.
 */

const SIZE_WORDS: Record<string, string> = {
  micro: "Micro caps",
  small: "Small caps",
  mid: "Mid caps",
  large: "Large caps",
  market: "The market",
  other: "Other funds"
};
const STYLE_WORDS: Record<string, string> = {value: "value", growth: "growth", core: "core"};
const PERIOD_WORDS: Record<Period, string> = {
  ytd: "so far this year",
  "1m": "over the past month",
  "3m": "over the past three months",
  "6m": "over the past six months",
  "1y": "over the past year",
  "3y": "over the past three years",
  "5y": "over the past five years",
  custom: "over the period"
};

/** "Micro caps (IWC)", "Small-cap value (IJS)", "The S&P 500 (SPY)". */
export function describeFund(row: Pick<ScoreboardRow, "ticker" | "size" | "style">): string {
  if (row.ticker === "SPY" || row.ticker === "IVV") return `the S&P 500 (${row.ticker})`;
  const style = STYLE_WORDS[row.style];
  const size = SIZE_WORDS[row.size] ?? row.ticker;
  if (!style || row.size === "market" || row.size === "other") return `${size} (${row.ticker})`;
  return `${size.replace(/ caps$/, "-cap")} ${style} (${row.ticker})`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Who leads the scoreboard and by how much against the benchmark:
 * "Micro caps (IWC) lead the table, 2.3 points ahead of the S&P 500 (SPY) so far this year."
 */
export function scoreboardCaption(
  rows: readonly ScoreboardRow[],
  {period = "ytd", benchmark = "SPY"}: {period?: Period; benchmark?: string} = {}
): string {
  if (rows.length === 0) return "No fund has data for this period.";
  const leader = rows[0];
  const bench = rows.find((r) => r.ticker === benchmark);
  const when = PERIOD_WORDS[period];
  const name = describeFund(leader);
  // "Micro caps lead", but "Small-cap value leads" and "The S&P 500 leads".
  const lead = `${capitalize(name)} lead${/ caps \(/.test(name) ? "" : "s"} the table with ${formatPercent(leader.totalReturn)}`;
  if (!bench || bench.ticker === leader.ticker) return `${lead} ${when}.`;
  return `${lead}, ${formatPoints((leader.totalReturn - bench.totalReturn) * 100)} ahead of ${describeFund(bench)} ${when}.`;
}

/**
 * Where a fund stands against its prior high, its averages and a price level a reader named:
 * "IJR closed at 137.44 on 2026-05-01, 0.2% above its prior high of 137.10 (…): a new high; its 50-day average is above its 200-day average; 5.7% above 130."
 *
 * - fastDays, slowDays: the averages' lengths, as the study used them (default 50, 200)
 * - threshold: a price level to measure the close against (default none)
 */
export function trendCaption(
  study: TrendStudy,
  {fastDays = 50, slowDays = 200, threshold}: {fastDays?: number; slowDays?: number; threshold?: number} = {}
): string {
  const last = study.date.length - 1;
  if (last < 1) return `${study.ticker}: not enough data.`;
  const {value, date, distance} = study.priorHigh;
  const where =
    distance >= 0
      ? `${formatPercent(distance)} above its prior high of ${value.toFixed(2)} (${formatDay(date)}): a new high`
      : `${formatPercent(-distance)} below its prior high of ${value.toFixed(2)} (${formatDay(date)})`;
  const trend = study.fast[last] > study.slow[last] ? `above` : `below`;
  const close = study.price[last];
  const level =
    threshold === undefined || !Number.isFinite(threshold)
      ? ""
      : `; ${formatPercent(Math.abs(close / threshold - 1))} ${close >= threshold ? "above" : "below"} ${threshold}`;
  return `${study.ticker} closed at ${close.toFixed(2)} on ${formatDay(study.date[last])}, ${where}; its ${fastDays}-day average is ${trend} its ${slowDays}-day average${level}.`;
}

/** A pair's rolling spread in words: "Over 63 trading days IJR beat IVV by 7.8 points, the 85th percentile of the pair's history." */
export function spreadCaption(
  summary: {pair: string; spread: number; percentile: number},
  {window = 252}: {window?: number} = {}
): string {
  const [small, large] = summary.pair.split("−");
  if (!Number.isFinite(summary.spread)) return `${summary.pair}: not enough common history for a ${window}-day spread.`;
  const verb = summary.spread >= 0 ? "beat" : "trailed";
  return `Over ${window} trading days ${small} ${verb} ${large} by ${formatPoints(summary.spread)}, the ${formatOrdinal(summary.percentile)} percentile of the pair's history.`;
}

/**
 * The valuation gap in words: "Small caps' book-to-market is 3.71× large caps' (2026-02), the 80th percentile
 * of 1,196 months since 1926 (median 2.31): small caps are cheaper relative to large caps than usual."
 *
 * - window: the history the percentile ranks against, as a phrase (default "since 1926")
 * - basis: which portfolios the ratio compares, named after the month (default none)
 */
export function valuationCaption(
  rank: {current: number; currentDate: number; percentile: number; median: number; count?: number},
  {window = "since 1926", basis}: {window?: string; basis?: string} = {}
): string {
  if (!Number.isFinite(rank.current)) return "No valuation data for this date.";
  const verdict =
    rank.current > rank.median
      ? "small caps are cheaper relative to large caps than usual"
      : "small caps are dearer relative to large caps than usual";
  const months = rank.count ? ` of ${rank.count.toLocaleString("en-US")} months` : "";
  const month = formatDay(rank.currentDate).slice(0, 7);
  return `Small caps' book-to-market is ${rank.current.toFixed(2)}× large caps' (${month}${basis ? `, ${basis}` : ""}), the ${formatOrdinal(rank.percentile)} percentile${months} ${window} (median ${rank.median.toFixed(2)}): ${verdict}.`;
}

/** The rule and the horizon of a false-dawns study, and the pair it is on ("IJR−IVV", or a factor's name such as "SMB"). */
export interface LeadRule {
  pair: string;
  window?: number;
  threshold?: number;
  /** The exit level in points (default 0); equal to the threshold, an episode is a plain run above it. */
  exit?: number;
  horizon?: number;
}

/** "IJR over IVV" for a pair, the name alone for a factor. */
function leadOf(pair: string): string {
  const [small, large] = pair.split("−");
  return large === undefined ? small : `${small} over ${large}`;
}

/** Signed points: 3.44 → "+3.4 points", −2.25 → "-2.3 points", 0.04 → "0.0 points" ("–" for NaN); the spreads of a study are in points already. */
function signedPoints(x: number): string {
  return Number.isFinite(x)
    ? `${formatNumber(x, {sign: true})} point${formatPoints(x) === "1.0 point" ? "" : "s"}`
    : "–";
}

/** "63-day spread above 5 points until it fell to 0 or below", or "… above 5 points" when the exit is the threshold. */
function leadRuleWords({window = 63, threshold = 5, exit = 0}: Omit<LeadRule, "pair">): string {
  const rule = `${window}-day spread above ${threshold} points`;
  return exit === threshold ? rule : `${rule} until it fell to ${exit} or below`;
}

const percent = (x: number) => formatPercent(x, {digits: 0});
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * How often past leads persisted, on the independent leads with Wilson's interval and on all of them with
 * the block bootstrap's: "Of 9 independent past leads of IJR over IVV (63-day spread above 5 points until
 * it fell to 0 or below), 3 (33%) were still ahead 126 trading days later (95% Wilson interval 12%–65%).
 * Counting all 14, overlapping ones included, 5 (36%) were (95% block-bootstrap interval 13%–62%)."
 */
export function persistenceShareCaption(
  {
    independent,
    all
  }: {
    independent: {persisted: number; n: number; lower: number; upper: number; estimate: number};
    all: {successes: number; n: number; lower: number; upper: number; estimate: number};
  },
  {pair, horizon = 126, ...rule}: LeadRule
): string {
  const lead = `${leadOf(pair)} (${leadRuleWords(rule)})`;
  if (independent.n === 0) return `No past lead of ${lead} is old enough to judge.`;
  const first = `Of ${count(independent.n, "independent past lead")} of ${lead}, ${independent.persisted} (${percent(independent.estimate)}) ${independent.persisted === 1 ? "was" : "were"} still ahead ${horizon} trading days later (95% Wilson interval ${percent(independent.lower)}–${percent(independent.upper)}).`;
  if (all.n === independent.n) return `${first} No other lead overlapped them.`;
  const interval = Number.isFinite(all.lower)
    ? `95% block-bootstrap interval ${percent(all.lower)}–${percent(all.upper)}`
    : "the history is too short for a block-bootstrap interval";
  return `${first} Counting all ${all.n}, overlapping ones included, ${all.successes} (${percent(all.estimate)}) ${all.successes === 1 ? "was" : "were"} (${interval}).`;
}

/**
 * Where the open lead stands: "The current lead, 12 days old (from 2026-03-02, +3.4 points since), ranks in
 * the 81st percentile of past leads at the same age." With the study's spread and no lead open, the
 * sentence says where the spread is against the threshold.
 */
export function currentLeadCaption(
  study: {
    current: {age: number; percentile: number; count: number; value?: number} | null;
    episodes?: readonly {startDate: number}[];
    spread?: ArrayLike<number>;
  },
  {window = 63, threshold = 5}: LeadRule
): string {
  const {current, episodes, spread} = study;
  if (!current) {
    const latest = spread?.length ? spread[spread.length - 1] : undefined;
    return latest === undefined
      ? "No lead is open now."
      : `No lead is open now: the ${window}-day spread is ${signedPoints(latest)}, not above the ${threshold}-point threshold.`;
  }
  const start = episodes?.length ? episodes[episodes.length - 1].startDate : NaN;
  const since = [
    Number.isFinite(start) ? `from ${formatDay(start)}` : null,
    current.value !== undefined ? `${signedPoints(current.value)} since` : null
  ].filter(Boolean);
  const age = `${current.age} day${current.age === 1 ? "" : "s"} old${since.length ? ` (${since.join(", ")})` : ""}`;
  return current.count
    ? `The current lead, ${age}, ranks in the ${formatOrdinal(current.percentile)} percentile of past leads at the same age.`
    : `The current lead is ${age}; no past lead lasted as long to compare with.`;
}

/** The false-dawns verdict in words, as the report writes it: persistenceShareCaption, then currentLeadCaption. */
export function persistenceCaption(
  study: Parameters<typeof persistenceShareCaption>[0] & Parameters<typeof currentLeadCaption>[0],
  rule: LeadRule
): string {
  return `${persistenceShareCaption(study, rule)} ${currentLeadCaption(study, rule)}`;
}
