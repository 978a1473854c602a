// Prints the calendar-year returns of IJR, IWM, IVV and SPY for 2006–2025 (which years the small caps beat SPY),
// and each fund's Sharpe (over French's daily RF) and max drawdown over the same range, from the shared CSV files
// with the library the pages use. Usage: npx tsx test/reference/print-returns.ts [../shared/data]
import {readFileSync} from "node:fs";
import path from "node:path";
import {csvParse, csvParseRows} from "d3-dsv";
import {calendarYearReturns, formatNumber, formatPercent, parseDay, performanceMetrics} from "../../src/lib/index.js";

const data = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, "../../../shared/data"));
const TICKERS = ["IJR", "IWM", "IVV", "SPY"];
const range = {from: parseDay("2005-12-31"), to: parseDay("2025-12-31")};

const read = (ticker: string) => {
  const rows = csvParse(readFileSync(path.join(data, "prices", `${ticker}.csv`), "utf8"));
  return {date: Float64Array.from(rows, (r) => parseDay(r.Date!)), index: Float64Array.from(rows, (r) => +r.AdjClose!)};
};
const french = csvParseRows(readFileSync(path.join(data, "french", "F-F_Research_Data_Factors_daily.CSV"), "utf8"))
  .filter((r) => r.length === 5 && /^\s*\d{8}$/.test(r[0]))
  .map((r) => [r[0].trim(), +r[4] / 100] as const);
const rf = {
  date: Float64Array.from(french, ([d]) => parseDay(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`)),
  values: Float64Array.from(french, ([, v]) => v)
};

const funds = new Map(TICKERS.map((t) => [t, read(t)]));
const years = new Map(
  TICKERS.map((t) => [t, calendarYearReturns(funds.get(t)!.date, funds.get(t)!.index, range)] as const)
);
const pad = (s: string, n = 8) => s.padStart(n);
console.log(`Year ${TICKERS.map((t) => pad(t)).join("")}   small caps beat SPY`);
years.get("SPY")!.forEach((y, k) => {
  const value = (t: string) => years.get(t)![k].value;
  const winners = ["IJR", "IWM"].filter((t) => value(t) > value("SPY"));
  console.log(`${y.label} ${TICKERS.map((t) => pad(formatPercent(value(t)))).join("")}   ${winners.join(", ")}`);
});
for (const t of ["IJR", "IWM"]) {
  const wins = years.get(t)!.filter((y, k) => y.value > years.get("SPY")![k].value).length;
  console.log(`${t} beat SPY in ${wins} of ${years.get(t)!.length} years`);
}
console.log(`\nFund   Sharpe   Max drawdown   (2005-12-30 to 2025-12-31, French daily RF)`);
for (const t of TICKERS) {
  const m = performanceMetrics(funds.get(t)!, funds.get("SPY")!, rf, range);
  console.log(`${t.padEnd(6)} ${pad(formatNumber(m.sharpe, {digits: 2}), 6)} ${pad(formatPercent(m.maxDrawdown), 14)}`);
}
