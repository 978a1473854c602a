// The rotation graph's table at an as-of day, on the shared real prices (../shared/data/prices), in the terminal.
// Usage: npx tsx test/reference/rotation-asof.ts [YYYY-MM-DD] [BENCHMARK] [TICKER ...] [--daily]
import {existsSync} from "node:fs";
import path from "node:path";
import {formatDay, parseDay} from "../../src/lib/dates.js";
import {rotationStudy} from "../../src/lib/rotation-study.js";
import {readAdjusted, SHARED_PRICES} from "../lib/shared-prices.js";

const args = process.argv.slice(2);
const interval = args.includes("--daily") ? "daily" : "weekly";
const [asOf = "2026-02-03", benchmark = "SPY", ...asked] = args.filter((a) => !a.startsWith("--"));
const tickers = asked.length ? asked : ["IWC", "IJS", "IJR", "IJT", "IVE", "IVW"];
const prices = new Map(
  [...tickers, benchmark]
    .filter((t) => existsSync(path.join(SHARED_PRICES, `${t}.csv`)))
    .map((t) => {
      const {dates, index} = readAdjusted(t);
      return [t, {date: dates, index}] as const;
    })
);
const rows = rotationStudy(prices, tickers, benchmark, {asOf: parseDay(asOf), interval});
console.log(`${interval} rotation against ${benchmark} as of ${asOf} (RS-Ratio window 26, RS-Momentum window 13)`);
for (const r of rows) {
  if (r.note) console.log(`${r.ticker.padEnd(5)} ${r.note}`);
  else
    console.log(
      `${r.ticker.padEnd(5)} close ${formatDay(r.close)}  RS-Ratio ${r.ratio.toFixed(2)}  RS-Momentum ${r.momentum.toFixed(2)}  ${r.run!.quadrant.padEnd(9)} ${r.run!.atLeast ? "≥" : ""}${r.run!.periods} since ${formatDay(r.entered)}  heading ${r.heading?.compass} ${r.heading?.degrees.toFixed(0)}°`
    );
}
const leading = rows.filter((r) => r.run?.quadrant === "Leading");
console.log(
  `Leading: ${leading.map((r) => `${r.ticker} (${r.ratio.toFixed(2)}, ${r.momentum.toFixed(2)})`).join(", ") || "none"}`
);
