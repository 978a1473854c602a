// Prints a backtest's metrics table from the shared CSVs (../shared/data) with the site's own library, the way the
// Backtest page computes it. Usage, with the page's parameter names (defaults: the example link):
//   npx tsx test/reference/print-backtest.ts small=IJR large=SPY rule=trend ma=200 from=2006-01-01 to=2025-12-31 cost=0
import {readFileSync} from "node:fs";
import path from "node:path";
import {parseFrenchCsv} from "../../data-loaders/french.js";
import {backtestMetrics, backtestStudy, pairPanel} from "../../src/lib/backtest-study.js";
import {formatDay, parseDay} from "../../src/lib/dates.js";
import {formatNumber, formatPercent} from "../../src/lib/format.js";
import {sensitivityGrid} from "../../src/lib/sensitivity.js";
import type {Rule} from "../../src/lib/switching-rules.js";
import {readAdjusted, SHARED_PRICES} from "../lib/shared-prices.js";

const args = {
  small: "IJR",
  large: "SPY",
  rule: "trend",
  ma: "200",
  window: "126",
  enter: "2",
  exit: "-2",
  from: "2006-01-01",
  to: "2025-12-31",
  cost: "0",
  split: "",
  ...Object.fromEntries(process.argv.slice(2).map((a) => a.split("=", 2)))
};
const rule = {rule: args.rule, ma: +args.ma, window: +args.window, enter: +args.enter, exit: +args.exit} as Rule;
const fund = (ticker: string) => {
  const {dates, index} = readAdjusted(ticker);
  return {date: dates, index};
};
const [factors] = parseFrenchCsv(
  readFileSync(path.resolve(SHARED_PRICES, "../french/F-F_Research_Data_Factors_daily.CSV"), "utf8")
).sections;
const rate = {date: factors.dates, values: factors.values[factors.columns.indexOf("RF")]};
const panel = pairPanel(fund(args.small), fund(args.large), rate);
const study = backtestStudy(panel, rule, {
  from: parseDay(args.from),
  to: parseDay(args.to),
  cost: +args.cost,
  names: [args.small, args.large]
});
if (!study) throw new Error(`fewer than two common closes of ${args.small} and ${args.large} in the range`);

const print = (title: string, rows: ReturnType<typeof backtestMetrics>) => {
  console.log(`\n${title}`);
  const header = ["Line", "Total return", "CAGR", "Volatility", "Sharpe", "Max DD", "Switches/yr", "% days small"];
  const lines = rows.map((r) => [
    r.name,
    formatPercent(r.totalReturn),
    formatPercent(r.cagr),
    formatPercent(r.volatility),
    formatNumber(r.sharpe, {digits: 2}),
    formatPercent(r.maxDrawdown),
    formatNumber(r.switchesPerYear),
    formatPercent(r.shareSmall, {digits: 0})
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...lines.map((l) => l[j].length)));
  for (const l of [header, ...lines])
    console.log(l.map((c, j) => (j ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join("  "));
};

const first = formatDay(study.dates[0]);
const last = formatDay(study.dates[study.dates.length - 1]);
print(
  `${args.small}/${args.large} ${JSON.stringify(rule)}, cost ${args.cost} bp, ${first} to ${last}`,
  backtestMetrics(study, rate)
);
console.log(`${study.run.switches.length} switches; first ${study.warmup} closes before the indicator exists`);
if (args.split) {
  const at = parseDay(args.split);
  print(`In sample, to ${args.split}`, backtestMetrics(study, rate, {to: at}));
  print(`Out of sample, from ${args.split}`, backtestMetrics(study, rate, {from: at}));
}
const times: number[] = [];
let cells = 0;
for (let k = 0; k < 7; ++k) {
  const t0 = performance.now();
  cells = sensitivityGrid(panel, rule, {start: study.start, end: study.end, cost: +args.cost}).cells.length;
  times.push(performance.now() - t0);
}
console.log(
  `\nsensitivity grid: ${cells} backtests in ${times.sort((a, b) => a - b)[3].toFixed(1)} ms (median of 7, Node)`
);
