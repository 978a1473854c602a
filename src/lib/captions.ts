import {formatDay} from "./dates.js";
import {formatNumber, formatOrdinal, formatPercent, formatPoints} from "./format.js";
import type {Period} from "./periods.js";
import type {ScoreboardRow} from "./scoreboard.js";
import type {Rule} from "./switching-rules.js";
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

/**
 * The calendar-year record against a benchmark:
 * "Calendar-year total returns, 2006 to 2025: IJR beat SPY in 8 of 20 whole years, IWM in 7 of 20."
 */
export function yearsCaption(
  rows: readonly {label: string; partial: boolean; values: ReadonlyMap<string, number>}[],
  tickers: readonly string[],
  benchmark: string
): string {
  if (!rows.length) return "No calendar year in this range.";
  const span = `Calendar-year total returns, ${rows[0].label} to ${rows[rows.length - 1].label}`;
  const records = tickers
    .filter((t) => t !== benchmark)
    .map((t) => {
      const whole = rows.filter((r) => !r.partial && r.values.has(t) && r.values.has(benchmark));
      const wins = whole.filter((r) => r.values.get(t)! > r.values.get(benchmark)!).length;
      return {t, wins, n: whole.length};
    })
    .filter((r) => r.n > 0);
  if (!records.length) return `${span}.`;
  const [first, ...rest] = records;
  const more = rest.map((r) => `, ${r.t} in ${r.wins} of ${r.n}`).join("");
  return `${span}: ${first.t} beat ${benchmark} in ${first.wins} of ${first.n} whole years${more}.`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * One fund's months in words: "IJR rose in 149 of 240 months (62%); its best month was Nov 2020 (18.2%), its worst
 * Oct 2008 (-20.3%)."
 */
export function monthsCaption(ticker: string, months: readonly {year: number; month: number; value: number}[]): string {
  if (!months.length) return `${ticker}: no month in this range.`;
  const up = months.filter((m) => m.value > 0).length;
  const best = months.reduce((a, b) => (b.value > a.value ? b : a));
  const worst = months.reduce((a, b) => (b.value < a.value ? b : a));
  const name = (m: {year: number; month: number}) => `${MONTHS[m.month]} ${m.year}`;
  return `${ticker} rose in ${up} of ${months.length} months (${formatPercent(up / months.length, {digits: 0})}); its best month was ${name(best)} (${formatPercent(best.value)}), its worst ${name(worst)} (${formatPercent(worst.value)}).`;
}

/**
 * The deepest fall and where each fund stands at the end: "The deepest fall was IWM's, -58.6% to 2009-03-09; on
 * 2025-12-31 IJR was 2.1% below its peak, SPY at a new high."
 */
export function underwaterCaption(
  funds: readonly {ticker: string; depth: number; trough: string; current: number}[],
  {end}: {end: string}
): string {
  const shown = funds.filter((f) => Number.isFinite(f.depth));
  if (!shown.length) return "No drawdown to show in this range.";
  const worst = shown.reduce((a, b) => (b.depth < a.depth ? b : a));
  const now = shown
    .map((f) =>
      f.current < 0 ? `${f.ticker} ${formatPercent(-f.current)} below its peak` : `${f.ticker} at a new high`
    )
    .join(", ");
  if (!(worst.depth < 0)) return `No fund fell below its running peak; on ${end} ${now}.`;
  return `The deepest fall was ${worst.ticker}'s, ${formatPercent(worst.depth)} to ${worst.trough}; on ${end} ${now}.`;
}

/**
 * A fund's latest rolling risk against its range: "On 2025-12-31 IJR's 252-day volatility was 22.0% (11.2% to
 * 58.0% over the range), its beta to SPY 1.05, correlation 0.84, Sharpe 0.45."
 */
export function rollingRiskCaption(
  ticker: string,
  benchmark: string,
  risk: {date: ArrayLike<number>; lines: readonly {metric: string; window: number; values: ArrayLike<number>}[]},
  {window = 252}: {window?: number} = {}
): string {
  const line = (metric: string) => risk.lines.find((l) => l.metric === metric && l.window === window)?.values;
  const vol = line("Volatility");
  const last = vol ? lastFinite(vol) : -1;
  if (!vol || last < 0) return `${ticker}: not enough common history with ${benchmark} for a ${window}-day window.`;
  const finite = Array.from(vol).filter(Number.isFinite);
  const value = (metric: string) => formatNumber(line(metric)?.[last] ?? NaN, {digits: 2});
  return `On ${formatDay(risk.date[last])} ${ticker}'s ${window}-day volatility was ${formatPercent(vol[last])} (${formatPercent(Math.min(...finite))} to ${formatPercent(Math.max(...finite))} over the range), its beta to ${benchmark} ${value("Beta")}, correlation ${value("Correlation")}, Sharpe ${value("Sharpe")}.`;
}

function lastFinite(values: ArrayLike<number>): number {
  for (let i = values.length - 1; i >= 0; --i) if (Number.isFinite(values[i])) return i;
  return -1;
}

/**
 * Who paid best for the risk taken: "IVW grew fastest (12.6% a year at 20.0% volatility); IVE was the least
 * volatile (19.5%, 8.6% a year)."
 */
export function riskReturnCaption(points: readonly {ticker: string; cagr: number; volatility: number}[]): string {
  const shown = points.filter((p) => Number.isFinite(p.cagr) && Number.isFinite(p.volatility));
  if (!shown.length) return "No fund has two closes in this range.";
  const fastest = shown.reduce((a, b) => (b.cagr > a.cagr ? b : a));
  const calmest = shown.reduce((a, b) => (b.volatility < a.volatility ? b : a));
  const lead = `${fastest.ticker} grew fastest (${formatPercent(fastest.cagr)} a year at ${formatPercent(fastest.volatility)} volatility)`;
  if (calmest === fastest) return `${lead}, and was also the least volatile.`;
  return `${lead}; ${calmest.ticker} was the least volatile (${formatPercent(calmest.volatility)}, ${formatPercent(calmest.cagr)} a year).`;
}

/**
 * Each fund's place on a relative rotation graph in words, Leading first, the
 * latest arrival first within a quadrant: "Against the S&P 500 (SPY) at the
 * 2026-02-03 close: micro caps (IWC) entered Leading 3 weeks ago (2026-01-16); …".
 *
 * - interval: "weekly" or "daily", for "weeks" or "days" (default "weekly")
 */
export function rotationCaption(
  rows: readonly (Pick<ScoreboardRow, "ticker" | "size" | "style"> & {
    close: number;
    run: {quadrant: string; periods: number; atLeast: boolean} | null;
    entered: number;
  })[],
  benchmark: Pick<ScoreboardRow, "ticker" | "size" | "style">,
  {interval = "weekly"}: {interval?: "weekly" | "daily"} = {}
): string {
  const order = ["Leading", "Improving", "Weakening", "Lagging"];
  const placed = rows
    .filter((r) => r.run)
    .sort((a, b) => order.indexOf(a.run!.quadrant) - order.indexOf(b.run!.quadrant) || a.run!.periods - b.run!.periods);
  const against = midSentence(describeFund(benchmark));
  if (!placed.length) return `No fund has enough history against ${against} for this view.`;
  const unit = interval === "weekly" ? "week" : "day";
  const clauses = placed.map(({run, entered, ...fund}) => {
    const {quadrant, periods, atLeast} = run!;
    const name = midSentence(describeFund(fund));
    if (atLeast)
      return `${name} entered ${quadrant} on or before ${formatDay(entered)}, the first point its history gives`;
    if (periods === 0) return `${name} entered ${quadrant} at this close`;
    return `${name} entered ${quadrant} ${periods} ${unit}${periods === 1 ? "" : "s"} ago (${formatDay(entered)})`;
  });
  const close = Math.max(...placed.map((r) => r.close));
  return `Against ${against} at the ${formatDay(close)} close: ${clauses.join("; ")}.`;
}

/** "Micro caps (IWC)" → "micro caps (IWC)"; names that start with a capital for themselves ("S&P") stay. */
function midSentence(name: string): string {
  return name.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
}

/** A switching rule in words: "trend (IJR ÷ SPY above its 200-day average)". */
export function ruleDescription(rule: Rule, [small, large]: readonly [string, string]): string {
  switch (rule.rule) {
    case "trend":
      return `trend (${small} ÷ ${large} above its ${rule.ma}-day average)`;
    case "spread":
      return `spread (into ${small} when its ${rule.window}-day lead over ${large} closes above ${formatNumber(rule.enter)} points, out below ${formatNumber(rule.exit)})`;
    case "momentum":
      return `dual momentum (the better ${rule.window}-day return, cash when both trail it)`;
  }
}

/**
 * A backtest's result against its benchmarks: "IJR/SPY by trend (…), 2006-01-03 to 2025-12-31: the strategy
 * returned 378.5% (8.2% a year, max drawdown -60.0%) against 435.1% for IJR, 679.7% for SPY and 561.8% for 50/50,
 * switching 11.1 times a year with 43% of days in IJR."
 */
export function backtestCaption(
  rows: readonly {
    name: string;
    totalReturn: number;
    cagr: number;
    maxDrawdown: number;
    switchesPerYear: number;
    shareSmall: number;
    start: string;
    end: string;
  }[],
  rule: Rule,
  names: readonly [string, string]
): string {
  const [strategy, ...others] = rows;
  if (!strategy?.start) return "Not enough closes in this range for a backtest.";
  const against = others.map((r) => `${formatPercent(r.totalReturn)} for ${r.name}`);
  const list = `${against.slice(0, -1).join(", ")} and ${against[against.length - 1]}`;
  return `${names[0]}/${names[1]} by ${ruleDescription(rule, names)}, ${strategy.start} to ${strategy.end}: the strategy returned ${formatPercent(strategy.totalReturn)} (${formatPercent(strategy.cagr)} a year, max drawdown ${formatPercent(strategy.maxDrawdown)}) against ${list}, switching ${formatNumber(strategy.switchesPerYear)} times a year with ${formatPercent(strategy.shareSmall, {digits: 0})} of days in ${names[0]}.`;
}
