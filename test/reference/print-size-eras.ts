// Prints SMB by era and by decade, and the latest rolling ten-year SMB, from the shared Ken French factors file, with
// the Size premium page's library. Usage: npx tsx test/reference/print-size-eras.ts
import {readFileSync} from "node:fs";
import path from "node:path";
import {parseFrenchCsv} from "../../data-loaders/french.js";
import {decades, eraTable, rollingAnnualized, SIZE_ERAS, type EraStats} from "../../src/lib/size-eras.js";
import {SHARED_PRICES} from "../lib/shared-prices.js";

const file = parseFrenchCsv(
  readFileSync(path.resolve(SHARED_PRICES, "../french/F-F_Research_Data_Factors.CSV"), "utf8")
);
const [monthly, annual] = [
  file.sections.find((s) => s.frequency === "monthly")!,
  file.sections.find((s) => s.frequency === "annual")!
];
const years = Float64Array.from(annual.dates, (t) => new Date(t).getUTCFullYear());
const smb = annual.values[annual.columns.indexOf("SMB")];
const pct = (x: number) => `${(x * 100).toFixed(2)}%`.padStart(8);
const print = (rows: EraStats[]) => {
  console.log("era            years      average  compounded      t   volatility  positive");
  for (const r of rows)
    console.log(
      `${r.label.padEnd(14)} ${r.first}–${r.last}  ${pct(r.mean)}  ${pct(r.compound)}  ${r.t.toFixed(2).padStart(6)}  ${pct(r.sd)}     ${Math.round(r.positive * r.n)} of ${r.n}`
    );
};
console.log(`F-F_Research_Data_Factors, CRSP vintage ${file.vintage}: annual SMB ${years[0]}–${years.at(-1)}\n`);
print(eraTable(years, smb, SIZE_ERAS));
console.log("");
print(eraTable(years, smb, decades(years[0], years.at(-1)!)));
const rolling = rollingAnnualized(monthly.values[monthly.columns.indexOf("SMB")], {months: 120});
const last = monthly.dates.length - 1;
console.log(
  `\nRolling 10-year SMB, annualised, to ${new Date(monthly.dates[last]).toISOString().slice(0, 7)}: ${pct(rolling[last]).trim()}`
);
let low = last;
rolling.forEach((v, i) => v < rolling[low] && (low = i));
console.log(
  `Lowest: ${pct(rolling[low]).trim()} for the ten years to ${new Date(monthly.dates[low]).toISOString().slice(0, 7)}`
);
