import {describe, expect, it} from "vitest";
import {
  backtestCaption,
  describeFund,
  currentLeadCaption,
  persistenceCaption,
  persistenceShareCaption,
  rotationCaption,
  ruleDescription,
  scoreboardCaption,
  spreadCaption,
  trendCaption,
  valuationCaption
} from "../../src/lib/captions.js";
import type {ScoreboardRow} from "../../src/lib/scoreboard.js";
import type {TrendStudy} from "../../src/lib/trend-study.js";
import {fundInfo} from "../../src/lib/universe.js";

const row = (ticker: string, totalReturn: number): ScoreboardRow => ({
  ...fundInfo(ticker),
  totalReturn,
  volatility: 0.1,
  maxDrawdown: -0.02,
  startDate: "2025-12-31",
  endDate: "2026-02-03"
});
const DAY = 86_400_000;

describe("describeFund(row)", () => {
  it("names funds by size and style, the S&P 500 trackers by index", () => {
    expect(describeFund(fundInfo("IWC"))).toBe("Micro caps (IWC)");
    expect(describeFund(fundInfo("IJS"))).toBe("Small-cap value (IJS)");
    expect(describeFund(fundInfo("IVW"))).toBe("Large-cap growth (IVW)");
    expect(describeFund(fundInfo("SPY"))).toBe("the S&P 500 (SPY)");
    expect(describeFund(fundInfo("XYZ"))).toBe("Other funds (XYZ)");
  });
});

describe("scoreboardCaption(rows, {period, benchmark})", () => {
  it("says who leads and by how many points against SPY (the reference article's sentence)", () => {
    const rows = [row("IWC", 0.087), row("IJS", 0.081), row("SPY", 0.064), row("IVW", -0.008)];
    expect(scoreboardCaption(rows)).toBe(
      "Micro caps (IWC) lead the table with 8.7%, 2.3 points ahead of the S&P 500 (SPY) so far this year."
    );
  });
  it("uses the singular for a single fund and the period's words", () => {
    expect(scoreboardCaption([row("IJS", 0.1), row("SPY", 0.09)], {period: "1y"})).toBe(
      "Small-cap value (IJS) leads the table with 10.0%, 1.0 point ahead of the S&P 500 (SPY) over the past year."
    );
  });
  it("when the benchmark leads or is absent there is no comparison", () => {
    expect(scoreboardCaption([row("SPY", 0.05), row("IJR", 0.01)])).toBe(
      "The S&P 500 (SPY) leads the table with 5.0% so far this year."
    );
    expect(scoreboardCaption([row("IJR", 0.05)])).toBe(
      "Small-cap core (IJR) leads the table with 5.0% so far this year."
    );
    expect(scoreboardCaption([])).toBe("No fund has data for this period.");
  });
});

describe("spreadCaption(summary, {window})", () => {
  it("states the spread in points with its percentile", () => {
    expect(spreadCaption({pair: "IJR−IVV", spread: 7.84, percentile: 0.851}, {window: 63})).toBe(
      "Over 63 trading days IJR beat IVV by 7.8 points, the 85th percentile of the pair's history."
    );
    expect(spreadCaption({pair: "IWM−IWB", spread: -1, percentile: 0.21}, {window: 21})).toBe(
      "Over 21 trading days IWM trailed IWB by 1.0 point, the 21st percentile of the pair's history."
    );
    expect(spreadCaption({pair: "A−B", spread: NaN, percentile: NaN})).toMatch(/not enough common history/);
  });
});

describe("trendCaption(study)", () => {
  const study = (
    price: number[],
    fast: number[],
    slow: number[],
    high: {value: number; date: number; distance: number}
  ) =>
    ({
      ticker: "IJR",
      date: Float64Array.from(price, (_, i) => Date.UTC(2026, 0, 1) + i * DAY),
      price: Float64Array.from(price),
      fast: Float64Array.from(fast),
      slow: Float64Array.from(slow),
      priorHigh: high
    }) as unknown as TrendStudy;
  it("below the prior high, fast average under the slow one", () => {
    const s = study([120, 125], [0, 124], [0, 126], {
      value: 131.2,
      date: Date.UTC(2025, 10, 3),
      distance: 125 / 131.2 - 1
    });
    expect(trendCaption(s)).toBe(
      "IJR closed at 125.00 on 2026-01-02, 4.7% below its prior high of 131.20 (2025-11-03); its 50-day average is below its 200-day average."
    );
  });
  it("a close above the prior high is a new high", () => {
    const s = study([130, 137.44], [0, 130], [0, 120], {
      value: 137.1,
      date: Date.UTC(2025, 11, 30),
      distance: 137.44 / 137.1 - 1
    });
    expect(trendCaption(s, {fastDays: 20, slowDays: 100})).toBe(
      "IJR closed at 137.44 on 2026-01-02, 0.2% above its prior high of 137.10 (2025-12-30): a new high; its 20-day average is above its 100-day average."
    );
    // A level the reader named: 137.44 / 130 − 1 = 5.72%; 137.44 / 140 − 1 = −1.83%.
    expect(trendCaption(s, {fastDays: 20, slowDays: 100, threshold: 130})).toMatch(/average; 5\.7% above 130\.$/);
    expect(trendCaption(s, {fastDays: 20, slowDays: 100, threshold: 140})).toMatch(/average; 1\.8% below 140\.$/);
    expect(trendCaption(s, {threshold: NaN})).toMatch(/200-day average\.$/);
  });
});

describe("valuationCaption(rank)", () => {
  it("gives the ratio, month, percentile, median and the verdict", () => {
    expect(valuationCaption({current: 3.714, currentDate: Date.UTC(2026, 1, 28), percentile: 0.8, median: 2.31})).toBe(
      "Small caps' book-to-market is 3.71× large caps' (2026-02), the 80th percentile since 1926 (median 2.31): small caps are cheaper relative to large caps than usual."
    );
    expect(
      valuationCaption(
        {current: 1.924, currentDate: Date.UTC(2024, 11, 31), percentile: 0.95, median: 1.76, count: 1200},
        {window: "over the last 30 years", basis: "small vs big half (2×3)"}
      )
    ).toBe(
      "Small caps' book-to-market is 1.92× large caps' (2024-12, small vs big half (2×3)), the 95th percentile of 1,200 months over the last 30 years (median 1.76): small caps are cheaper relative to large caps than usual."
    );
    expect(valuationCaption({current: 1, currentDate: 0, percentile: 0.02, median: 2})).toMatch(
      /2nd percentile.*dearer/
    );
    expect(valuationCaption({current: NaN, currentDate: NaN, percentile: NaN, median: NaN})).toBe(
      "No valuation data for this date."
    );
  });
});

describe("persistenceCaption(study, {pair, window, threshold, exit, horizon})", () => {
  const independent = {persisted: 3, n: 9, estimate: 1 / 3, lower: 0.121, upper: 0.646};
  const all = {successes: 5, n: 14, estimate: 5 / 14, lower: 0.133, upper: 0.625};
  const share = {independent, all};
  it("counts the independent past leads that persisted with Wilson's interval, then all of them with the bootstrap's", () => {
    expect(persistenceCaption({...share, current: null}, {pair: "IJR−IVV"})).toBe(
      "Of 9 independent past leads of IJR over IVV (63-day spread above 5 points until it fell to 0 or below), 3 (33%) were still ahead 126 trading days later (95% Wilson interval 12%–65%). Counting all 14, overlapping ones included, 5 (36%) were (95% block-bootstrap interval 13%–63%). No lead is open now."
    );
  });
  it("names the rule without an exit when the exit is the threshold, and says when no lead overlapped", () => {
    expect(
      persistenceShareCaption(
        {independent, all: {...all, n: 9, successes: 3}},
        {pair: "IWM−IWB", threshold: 4, exit: 4, horizon: 63}
      )
    ).toBe(
      "Of 9 independent past leads of IWM over IWB (63-day spread above 4 points), 3 (33%) were still ahead 63 trading days later (95% Wilson interval 12%–65%). No other lead overlapped them."
    );
    expect(persistenceShareCaption({independent, all: {...all, lower: NaN, upper: NaN}}, {pair: "SMB"})).toMatch(
      /Counting all 14, overlapping ones included, 5 \(36%\) were \(the history is too short for a block-bootstrap interval\)\.$/
    );
  });
  it("ranks an open lead at its age, or says nothing compares", () => {
    expect(
      persistenceCaption(
        {...share, current: {age: 12, percentile: 0.81, count: 39}},
        {pair: "IWM−IWB", window: 21, threshold: 3, horizon: 63}
      )
    ).toMatch(
      /^Of 9 independent past leads of IWM over IWB \(21-day spread above 3 points until it fell to 0 or below\), .* 63 trading days later .* The current lead, 12 days old, ranks in the 81st percentile of past leads at the same age\.$/
    );
    // With the study's episodes and the lead's value (points), the sentence dates the lead and says how far ahead it is.
    expect(
      currentLeadCaption(
        {current: {age: 12, percentile: 0.81, count: 39, value: 3.44}, episodes: [{startDate: Date.UTC(2026, 2, 2)}]},
        {pair: "IWM−IWB"}
      )
    ).toBe(
      "The current lead, 12 days old (from 2026-03-02, +3.4 points since), ranks in the 81st percentile of past leads at the same age."
    );
    // No lead open: with the spread, the sentence says where it stands against the threshold.
    expect(currentLeadCaption({current: null, spread: [1, 6, -2.25]}, {pair: "SMB", window: 21, threshold: 3})).toBe(
      "No lead is open now: the 21-day spread is -2.3 points, not above the 3-point threshold."
    );
    expect(
      persistenceShareCaption(
        {
          independent: {...independent, n: 1, persisted: 1, estimate: 1},
          all: {...all, n: 2, successes: 1, estimate: 0.5}
        },
        {pair: "SMB", exit: 5}
      )
    ).toMatch(
      /^Of 1 independent past lead of SMB \(63-day spread above 5 points\), 1 \(100%\) was still ahead.* 1 \(50%\) was \(/
    );
    expect(
      persistenceCaption(
        {
          independent: {...independent, n: 0, persisted: 0},
          all: {...all, n: 0},
          current: {age: 400, percentile: NaN, count: 0}
        },
        {pair: "A−B", exit: 5}
      )
    ).toBe(
      "No past lead of A over B (63-day spread above 5 points) is old enough to judge. The current lead is 400 days old; no past lead lasted as long to compare with."
    );
  });
});

describe("rotationCaption(rows, benchmark, {interval})", () => {
  const close = Date.UTC(2026, 1, 3);
  const placed = (ticker: string, quadrant: string, periods: number, entered: string, atLeast = false) => ({
    ...fundInfo(ticker),
    close,
    run: {quadrant, periods, atLeast},
    entered: Date.parse(entered)
  });
  it("says where each fund is and since when, Leading first, the latest arrival first", () => {
    const rows = [
      placed("IVW", "Lagging", 5, "2026-01-02"),
      placed("IVE", "Leading", 5, "2026-01-02"),
      placed("IWC", "Leading", 3, "2026-01-16"),
      placed("IJT", "Improving", 1, "2026-01-30")
    ];
    expect(rotationCaption(rows, fundInfo("SPY"))).toBe(
      "Against the S&P 500 (SPY) at the 2026-02-03 close: micro caps (IWC) entered Leading 3 weeks ago (2026-01-16); " +
        "large-cap value (IVE) entered Leading 5 weeks ago (2026-01-02); small-cap growth (IJT) entered Improving 1 week ago (2026-01-30); " +
        "large-cap growth (IVW) entered Lagging 5 weeks ago (2026-01-02)."
    );
  });
  it("days on a daily graph; 'at this close' for a fund that just arrived; a run as old as the history says so", () => {
    const rows = [placed("IJR", "Weakening", 0, "2026-02-03"), placed("IWM", "Lagging", 40, "2025-12-01", true)];
    expect(rotationCaption(rows, fundInfo("IWB"), {interval: "daily"})).toBe(
      "Against large caps (IWB) at the 2026-02-03 close: small-cap core (IJR) entered Weakening at this close; " +
        "small caps (IWM) entered Lagging on or before 2025-12-01, the first point its history gives."
    );
    expect(rotationCaption([placed("IJR", "Leading", 2, "2026-01-30")], fundInfo("SPY"), {interval: "daily"})).toMatch(
      /entered Leading 2 days ago \(2026-01-30\)/
    );
  });
  it("says so when no fund has enough history", () => {
    expect(rotationCaption([{...fundInfo("IJR"), close: NaN, run: null, entered: NaN}], fundInfo("SPY"))).toBe(
      "No fund has enough history against the S&P 500 (SPY) for this view."
    );
  });
});

describe("ruleDescription(rule, names) and backtestCaption(rows, rule, names)", () => {
  it("names each rule with its parameters", () => {
    expect(ruleDescription({rule: "trend", ma: 200}, ["IJR", "SPY"])).toBe(
      "trend (IJR ÷ SPY above its 200-day average)"
    );
    expect(ruleDescription({rule: "spread", window: 63, enter: 2, exit: -1.5}, ["IJR", "SPY"])).toBe(
      "spread (into IJR when its 63-day lead over SPY closes above 2.0 points, out below -1.5)"
    );
    expect(ruleDescription({rule: "momentum", window: 252}, ["IWM", "IWB"])).toBe(
      "dual momentum (the better 252-day return, cash when both trail it)"
    );
  });
  it("says what the strategy returned against each benchmark, how often it switched and how long it held small", () => {
    const row = (name: string, totalReturn: number) => ({
      name,
      totalReturn,
      cagr: 0.0815,
      maxDrawdown: -0.5995,
      switchesPerYear: 11.05,
      shareSmall: 0.428,
      start: "2006-01-03",
      end: "2025-12-31"
    });
    const rows = [row("Strategy", 3.7851), row("IJR", 4.3511), row("SPY", 6.7966), row("50/50", 5.6178)];
    expect(backtestCaption(rows, {rule: "trend", ma: 200}, ["IJR", "SPY"])).toBe(
      "IJR/SPY by trend (IJR ÷ SPY above its 200-day average), 2006-01-03 to 2025-12-31: the strategy returned 378.5% (8.2% a year, max drawdown -60.0%) against 435.1% for IJR, 679.7% for SPY and 561.8% for 50/50, switching 11.1 times a year with 43% of days in IJR."
    );
    expect(backtestCaption([{...row("Strategy", NaN), start: ""}], {rule: "trend", ma: 200}, ["IJR", "SPY"])).toBe(
      "Not enough closes in this range for a backtest."
    );
  });
});
