// Usage: npx tsx test/reference/rigor-figures.ts (needs ../shared/data). Prints the persistence table (IJR−IVV, IWM−IWB) and the article's regime row with plain and HAC t.
import {readFileSync} from "node:fs";
import path from "node:path";
import {readAdjusted, SHARED_PRICES} from "../lib/shared-prices.js";
import {pairIndexes, persistenceStudy} from "../../src/lib/persistence-study.js";
import {regimeStudy} from "../../src/lib/regime-study.js";
import {macroColumns} from "../../data-loaders/research-tables.js";
import {findSection, parseFrenchCsv} from "../../data-loaders/french.js";
import type {RawDataset} from "../../data-loaders/research.js";
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
for (const [s, l] of [
  ["IJR", "IVV"],
  ["IWM", "IWB"]
]) {
  const a = readAdjusted(s),
    b = readAdjusted(l);
  const st = persistenceStudy(pairIndexes({date: a.dates, index: a.index}, {date: b.dates, index: b.index}), {
    window: 63,
    threshold: 5,
    exit: 0,
    minGap: 5,
    horizon: 126
  });
  console.log(
    `${s}−${l}  all: ${st.all.successes}/${st.all.n} = ${pct(st.all.estimate)}, block bootstrap 95% ${pct(st.all.lower)}–${pct(st.all.upper)} (${st.all.block}-day blocks)  independent: ${st.independent.persisted}/${st.independent.n} = ${pct(st.independent.estimate)}, Wilson 95% ${pct(st.independent.lower)}–${pct(st.independent.upper)}`
  );
}
const shared = path.dirname(SHARED_PRICES);
const raw = ["FEDFUNDS", "DFF", "DGS10", "INDPRO"].map((id) => ({
  dataset: {id},
  text: readFileSync(path.join(shared, "fred", `${id}.csv`), "utf8")
})) as unknown as RawDataset[];
const macro = macroColumns(raw);
const sec = findSection(
  parseFrenchCsv(readFileSync(path.join(shared, "french", "F-F_Research_Data_Factors.CSV"), "utf8")),
  "",
  {frequency: "monthly"}
)!;
const input = {
  dates: macro.date,
  fedFunds: macro.fedFunds.map((v, i) => (Number.isNaN(v) ? macro.dff[i] : v)),
  yield10: macro.dgs10,
  indpro: macro.indpro,
  spread: {dates: sec.dates, values: sec.values[sec.columns.indexOf("SMB")]}
};
for (const sample of ["all", "nonoverlapping"] as const)
  for (const t of regimeStudy(input, {sample}).tables) {
    const row = t.rows.find((r) => r.easing && r.yieldFalling && r.growthAccelerating)!;
    const all = t.rows[0];
    console.log(
      `SMB ${sample} h=${t.horizon} lag ${t.lag}: claim row n=${row.count} mean ${(row.mean * 100).toFixed(2)}% t=${row.tStat.toFixed(2)} HAC t=${row.hacTStat.toFixed(2)} | all n=${all.count} mean ${(all.mean * 100).toFixed(2)}% t=${all.tStat.toFixed(2)} HAC t=${all.hacTStat.toFixed(2)}`
    );
  }
