import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {parseFrenchCsv} from "../../data-loaders/french.js";
import {backtestMetrics, backtestStudy, pairPanel} from "../../src/lib/backtest-study.js";
import {formatDay, parseDay} from "../../src/lib/dates.js";
import {CASH, LARGE, SMALL, type Rule} from "../../src/lib/switching-rules.js";
import {hasSharedPrices, readAdjusted, SHARED_PRICES} from "./shared-prices.js";

const REFERENCE = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../reference/backtest-reference.json"), "utf8")
);
const FRENCH = path.resolve(SHARED_PRICES, "../french/F-F_Research_Data_Factors_daily.CSV");
const shared = hasSharedPrices && existsSync(FRENCH);
if (!shared) console.warn(`backtest-reference-test: ${SHARED_PRICES} or ${FRENCH} is absent, so it is skipped`);

/** French's daily RF (the one table of the daily three-factor file), parsed by the site's own French reader. */
function frenchRiskFree() {
  const [table] = parseFrenchCsv(readFileSync(FRENCH, "utf8")).sections;
  return {date: table.dates, values: table.values[table.columns.indexOf("RF")]};
}

const fund = (ticker: string) => {
  const {dates, index} = readAdjusted(ticker);
  return {date: dates, index};
};
const NAMES = ["large", "small", "cash"];
const CASES: [key: string, small: string, large: string, rule: Rule, cost: number][] = [
  ["IJR/SPY trend200 cost0", "IJR", "SPY", {rule: "trend", ma: 200}, 0],
  ["IJR/SPY trend200 cost10", "IJR", "SPY", {rule: "trend", ma: 200}, 10],
  ["IWM/IWB momentum252 cost5", "IWM", "IWB", {rule: "momentum", window: 252}, 5]
];

describe.skipIf(!shared)(
  "backtests on the shared prices equal the independent pandas script (backtest-reference.py)",
  () => {
    const rate = shared ? frenchRiskFree() : null;
    for (const [key, small, large, rule, cost] of CASES) {
      it(`${key}, 2006-01-01 to 2025-12-31: the run, every switch and every metric of the four lines`, () => {
        const expected = REFERENCE[key];
        const panel = pairPanel(fund(small), fund(large), rate);
        const study = backtestStudy(panel, rule, {
          from: parseDay("2006-01-01"),
          to: parseDay("2025-12-31"),
          cost,
          names: [small, large]
        })!;
        expect([formatDay(study.dates[0]), formatDay(study.dates[study.dates.length - 1])]).toEqual([
          expected.start,
          expected.end
        ]);
        expect(study.run.switches.map((s) => [formatDay(panel.date[s.index]), NAMES[s.from], NAMES[s.to]])).toEqual(
          expected.switches
        );
        expect([LARGE, SMALL, CASH].map((h) => NAMES[h])).toEqual(NAMES);
        const rows = backtestMetrics(study, rate);
        expect(rows.map((r) => r.name)).toEqual(Object.keys(expected.lines));
        for (const row of rows) {
          const want = expected.lines[row.name];
          for (const metric of ["totalReturn", "cagr", "volatility", "sharpe", "maxDrawdown"] as const)
            expect(row[metric], `${row.name} ${metric}`).toBeCloseTo(want[metric], 9);
          if (row.name !== "50/50") expect(row.switchesPerYear, `${row.name}`).toBeCloseTo(want.switchesPerYear, 9);
          if (row.name === "Strategy") expect(row.shareSmall).toBeCloseTo(want.shareSmall, 12);
        }
      });
    }
    it("the issue's example figure: the trend rule's total return prints as 378.5%", () => {
      expect((REFERENCE["IJR/SPY trend200 cost0"].lines.Strategy.totalReturn * 100).toFixed(1)).toBe("378.5");
    });
  }
);
