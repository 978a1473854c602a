// Prints a fund's loadings under the five factor models from the shared real data, through the same loaders and
// library as the Factor exposure page. Usage: npx tsx test/reference/print-factor-models.ts [IJR] [2021-01-04] [2025-12-31]
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {tableFromIPC} from "apache-arrow";
import {acquireAll, DATASETS} from "../../data-loaders/research.js";
import {buildResearch} from "../../data-loaders/research-tables.js";
import {parseDay} from "../../src/lib/dates.js";
import {
  alignExcessReturns,
  factorExposure,
  factorPanel,
  FACTOR_MODELS,
  type FactorColumns,
  type ModelName
} from "../../src/lib/factor-exposure.js";
import {tableColumns} from "../../src/lib/table-columns.js";
import {readAdjusted, SHARED_PRICES} from "../lib/shared-prices.js";

const [ticker = "IJR", from = "2021-01-04", to = "2025-12-31"] = process.argv.slice(2);
const cacheDir = mkdtempSync(path.join(tmpdir(), "print-factor-models-"));
const settings = {
  source: "file" as const,
  cacheDir,
  frenchDir: path.resolve(SHARED_PRICES, "../french"),
  fredDir: null,
  frenchUrl: null,
  fredUrl: null,
  timeoutMs: 1000
};
const raw = await acquireAll(
  settings,
  DATASETS.filter((d) => /Factors_daily|5_Factors_2x3_daily|Momentum_Factor_daily/.test(d.id))
);
rmSync(cacheDir, {recursive: true, force: true});
for (const r of raw)
  console.log(`${r.dataset.id}: CRSP vintage ${r.provenance.vintage}, ${r.provenance.first} to ${r.provenance.last}`);
const files = buildResearch(raw, settings, Date.now());
const table = (name: "factors-daily.arrow" | "factors5-daily.arrow") =>
  tableColumns(tableFromIPC(files[name] as Uint8Array), [
    "mktRf",
    "smb",
    "hml",
    "rmw",
    "cma",
    "mom",
    "rf"
  ]) as unknown as FactorColumns;
const [three, five] = [table("factors-daily.arrow"), table("factors5-daily.arrow")];
const fund = readAdjusted(ticker);
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
for (const model of Object.keys(FACTOR_MODELS) as ModelName[]) {
  const e = factorExposure(alignExcessReturns(fund.dates, fund.index, factorPanel(model, {three, five})), {
    from: parseDay(from),
    to: parseDay(to)
  });
  if (!e) {
    console.log(`${model}: not enough days`);
    continue;
  }
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  console.log(
    `\n${ticker} ${FACTOR_MODELS[model].label} (${model}), ${day(e.first)} to ${day(e.last)}, n = ${e.n}, Newey-West lag ${e.lag}`
  );
  e.names.forEach((f, j) =>
    console.log(`  ${f.padEnd(7)} β ${e.beta[j].toFixed(3).padStart(7)}   HAC t ${e.t[j].toFixed(2).padStart(7)}`)
  );
  console.log(
    `  alpha   ${pct(e.alphaAnnual)} a year, HAC t ${e.alphaT.toFixed(2)}, 95% [${pct(e.alphaLow)}, ${pct(e.alphaHigh)}]`
  );
  console.log(`  R²      ${e.rSquared.toFixed(4)}`);
}
