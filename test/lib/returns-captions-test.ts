import {describe, expect, it} from "vitest";
import {
  monthsCaption,
  riskReturnCaption,
  rollingRiskCaption,
  underwaterCaption,
  yearsCaption
} from "../../src/lib/captions.js";
import {parseDay} from "../../src/lib/dates.js";

describe("yearsCaption(rows, tickers, benchmark)", () => {
  const row = (label: string, partial: boolean, values: Record<string, number>) => ({
    label,
    partial,
    values: new Map(Object.entries(values))
  });
  const rows = [
    row("2024", false, {IJR: 0.1, IWM: 0.02, SPY: 0.05}),
    row("2025", false, {IJR: 0.01, IWM: 0.03, SPY: 0.02}),
    row("2026 (to May 1)", true, {IJR: 0.2, IWM: 0.2, SPY: 0.01})
  ];
  it("counts the whole years each fund beat the benchmark, partial years left out", () => {
    expect(yearsCaption(rows, ["IJR", "IWM", "SPY"], "SPY")).toBe(
      "Calendar-year total returns, 2024 to 2026 (to May 1): IJR beat SPY in 1 of 2 whole years, IWM in 1 of 2."
    );
  });
  it("names only the span without another fund, and says when there is no year", () => {
    expect(yearsCaption(rows, ["SPY"], "SPY")).toBe("Calendar-year total returns, 2024 to 2026 (to May 1).");
    expect(yearsCaption([], ["SPY"], "SPY")).toBe("No calendar year in this range.");
  });
});

describe("monthsCaption(ticker, months)", () => {
  it("counts the rising months and names the best and the worst", () => {
    const months = [
      {year: 2008, month: 9, value: -0.2},
      {year: 2020, month: 10, value: 0.18},
      {year: 2021, month: 0, value: 0.01},
      {year: 2021, month: 1, value: 0}
    ];
    expect(monthsCaption("IJR", months)).toBe(
      "IJR rose in 2 of 4 months (50%); its best month was Nov 2020 (18.0%), its worst Oct 2008 (-20.0%)."
    );
    expect(monthsCaption("IJR", [])).toBe("IJR: no month in this range.");
  });
});

describe("underwaterCaption(funds, {end})", () => {
  it("names the deepest fall and where each fund ends", () => {
    const funds = [
      {ticker: "IJR", depth: -0.58, trough: "2009-03-09", current: -0.021},
      {ticker: "SPY", depth: -0.55, trough: "2009-03-09", current: 0}
    ];
    expect(underwaterCaption(funds, {end: "2025-12-31"})).toBe(
      "The deepest fall was IJR's, -58.0% to 2009-03-09; on 2025-12-31 IJR 2.1% below its peak, SPY at a new high."
    );
    expect(underwaterCaption([], {end: "2025-12-31"})).toBe("No drawdown to show in this range.");
  });
});

describe("rollingRiskCaption(ticker, benchmark, risk, {window})", () => {
  const date = Float64Array.of(parseDay("2025-12-30"), parseDay("2025-12-31"));
  const lines = [
    {metric: "Volatility", window: 252, values: Float64Array.of(0.3, 0.2)},
    {metric: "Beta", window: 252, values: Float64Array.of(1, 1.05)},
    {metric: "Correlation", window: 252, values: Float64Array.of(0.8, 0.84)},
    {metric: "Sharpe", window: 252, values: Float64Array.of(0.1, 0.45)}
  ];
  it("gives the latest values and the volatility's range", () => {
    expect(rollingRiskCaption("IJR", "SPY", {date, lines})).toBe(
      "On 2025-12-31 IJR's 252-day volatility was 20.0% (20.0% to 30.0% over the range), its beta to SPY 1.05, correlation 0.84, Sharpe 0.45."
    );
  });
  it("says so when no window is full", () => {
    const empty = lines.map((l) => ({...l, values: Float64Array.of(NaN, NaN)}));
    expect(rollingRiskCaption("IJR", "SPY", {date, lines: empty})).toBe(
      "IJR: not enough common history with SPY for a 252-day window."
    );
  });
});

describe("riskReturnCaption(points)", () => {
  it("names the fastest-growing and the least volatile fund", () => {
    expect(
      riskReturnCaption([
        {ticker: "IVW", cagr: 0.126, volatility: 0.2},
        {ticker: "IVE", cagr: 0.086, volatility: 0.195},
        {ticker: "IJR", cagr: NaN, volatility: NaN}
      ])
    ).toBe("IVW grew fastest (12.6% a year at 20.0% volatility); IVE was the least volatile (19.5%, 8.6% a year).");
    expect(riskReturnCaption([])).toBe("No fund has two closes in this range.");
  });
});
