import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {parseFrenchCsv} from "../../data-loaders/french.js";
import {backtestMetrics, backtestStudy, pairPanel, type PairPanel} from "../../src/lib/backtest-study.js";
import {parseDay} from "../../src/lib/dates.js";
import {sensitivityGrid} from "../../src/lib/sensitivity.js";
import type {Rule} from "../../src/lib/switching-rules.js";
import {seededRandom} from "./seeded-random.js";
import {hasSharedPrices, readAdjusted, SHARED_PRICES} from "./shared-prices.js";

const DAY = 86_400_000;

/** Two random walks on weekdays from 2000 and a 1 bp daily rate. */
function syntheticPanel(n = 1500): PairPanel {
  const random = seededRandom(7);
  const date = new Float64Array(n);
  for (let i = 0, t = Date.UTC(2000, 0, 3); i < n; t += DAY)
    if (![0, 6].includes(new Date(t).getUTCDay())) date[i++] = t;
  const walk = (drift: number) => {
    let level = 1;
    return Float64Array.from({length: n}, () => (level *= 1 + drift + (random() - 0.5) * 0.03));
  };
  return pairPanel(
    {date, index: walk(0.0003)},
    {date, index: walk(0.0002)},
    {date, values: new Float64Array(n).fill(0.0001)}
  );
}

describe("sensitivityGrid(panel, rule, {start, end, cost})", () => {
  const panel = syntheticPanel();
  const range = {from: panel.date[400], to: panel.date[1400]};
  const rules: Rule[] = [
    {rule: "trend", ma: 120},
    {rule: "spread", window: 50, enter: 3, exit: -1},
    {rule: "momentum", window: 100}
  ];
  for (const rule of rules) {
    it(`${rule.rule}: every cell is the study rerun with its parameters, the chosen one included and marked`, () => {
      const cost = 7;
      const grid = sensitivityGrid(panel, rule, {start: 400, end: 1400, cost});
      expect(grid.cells).toHaveLength(grid.x.values.length * grid.y.values.length);
      expect(grid.cells.filter((c) => c.chosen)).toHaveLength(1);
      for (const cell of grid.cells) {
        const params = {...rule, cost, [grid.x.name]: cell.x, [grid.y.name]: cell.y} as unknown as Record<
          string,
          number
        >;
        // The spread grid keeps the band enter − exit.
        if (rule.rule === "spread") params.exit = cell.y - (rule.enter - rule.exit);
        const study = backtestStudy(panel, {...params, rule: rule.rule} as Rule, {...range, cost: params.cost})!;
        const [row] = backtestMetrics(study, {date: panel.date, values: panel.rf});
        expect(cell.cagr, `${cell.x} × ${cell.y}`).toBeCloseTo(row.cagr, 12);
        expect(cell.sharpe, `${cell.x} × ${cell.y}`).toBeCloseTo(row.sharpe, 12);
        expect(cell.switches, `${cell.x} × ${cell.y}`).toBeCloseTo(row.switchesPerYear, 12);
      }
    });
  }
  it("adds the chosen value to an axis, in order", () => {
    const grid = sensitivityGrid(panel, {rule: "trend", ma: 77}, {start: 400, end: 1400, cost: 3});
    expect(grid.x).toEqual({name: "ma", values: [20, 50, 77, 100, 150, 200, 250, 300]});
    expect(grid.y).toEqual({name: "cost", values: [0, 3, 5, 10, 25, 50]});
  });
});

const FRENCH = path.resolve(SHARED_PRICES, "../french/F-F_Research_Data_Factors_daily.CSV");
describe.skipIf(!hasSharedPrices || !existsSync(FRENCH))("sensitivityGrid on 21 years of IJR/SPY", () => {
  it("fills the trend grid (7 × 5 runs of 5,000 days) in well under a second", () => {
    const fund = (t: string) => ({date: readAdjusted(t).dates, index: readAdjusted(t).index});
    const [table] = parseFrenchCsv(readFileSync(FRENCH, "utf8")).sections;
    const panel = pairPanel(fund("IJR"), fund("SPY"), {date: table.dates, values: table.values[3]});
    const study = backtestStudy(
      panel,
      {rule: "trend", ma: 200},
      {from: parseDay("2006-01-01"), to: parseDay("2025-12-31")}
    )!;
    const times: number[] = [];
    for (let k = 0; k < 5; ++k) {
      const t0 = performance.now();
      sensitivityGrid(panel, study.rule, {start: study.start, end: study.end});
      times.push(performance.now() - t0);
    }
    const median = times.sort((a, b) => a - b)[2];
    console.log(`sensitivityGrid, trend, IJR/SPY 2006-2025: median ${median.toFixed(1)} ms over 5 runs`);
    // Generous for a loaded 2-core machine; it takes tens of milliseconds.
    expect(median).toBeLessThan(1000);
  });
});
