import {rollingMax} from "../../src/lib/peak.ts";
import {ema} from "../../src/lib/moving-average.ts";
import {rollingSpreads} from "../../src/lib/spread.ts";
import {rollingBeta} from "../../src/lib/rolling-stats.ts";
import {seededRandom} from "../lib/seeded-random.ts";
const r = seededRandom(1);
let l = 100;
const x = Float64Array.from({length: 7560}, () => (l *= 1 + 0.02 * (r() - 0.5)));
const xs = Array.from({length: 50}, () => { let l = 100; return Float64Array.from({length: 7560}, () => (l *= 1 + 0.02 * (r() - 0.5))); });
const ra = Float64Array.from({length: 7560}, () => r() - 0.5), rb = Float64Array.from({length: 7560}, () => r() - 0.5);
function t(name: string, fn: () => unknown) {
  const ms: number[] = [];
  for (let k = 0; k < 200; ++k) { const t0 = performance.now(); fn(); ms.push(performance.now() - t0); }
  const s = (a: number[]) => [...a].sort((p, q) => p - q)[a.length >> 1];
  console.log(name, "first5", s(ms.slice(0, 5)).toFixed(4), "next20", s(ms.slice(5, 25)).toFixed(4), "last100", s(ms.slice(100)).toFixed(4));
}
t("rollingMax", () => rollingMax(x, {window: 252}));
t("ema", () => ema(x, {span: 252}));
t("spreads", () => rollingSpreads(xs.slice(1), xs[0], {window: 252}));
t("beta", () => rollingBeta(ra, rb, {window: 252}));
// same as bench data
const random = seededRandom(20260501);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const market = Float64Array.from({length: 7560}, () => 0.0003 + 0.011 * normal());
const returns = Array.from({length: 50}, () => { const beta = 0.7 + 0.6 * random(); return Float64Array.from(market, (m) => beta * m + 0.008 * normal()); });
const indexes = returns.map((r) => { let level = 100; return Float64Array.from(r, (x) => (level *= 1 + x)); });
t("spreads-benchdata", () => rollingSpreads(indexes.slice(1), indexes[0], {window: 252}));
