/**
 * Benchmark of the rolling kernels against two references computing the same
 * result in the same process: a naive O(n·w) loop and arquero's window
 * operations. Prints one JSON line per case on stdout; exits non-zero when a
 * kernel disagrees with the naive loop by more than 1e-9 relative.
 *
 *   npx tsx test/bench/rolling-bench.ts
 */
import * as aq from "arquero";
import {spawnSync} from "node:child_process";
import v8 from "node:v8";
import vm from "node:vm";
import {rollingMean, rollingStd} from "../../src/lib/rolling.js";
import {rollingReturn} from "../../src/lib/rolling-return.js";
import {rollingSpreads} from "../../src/lib/spread.js";
import {rollingMax} from "../../src/lib/peak.js";
import {rollingCorrelation, rollingBeta, rollingVolatility} from "../../src/lib/rolling-stats.js";
import {sma, ema} from "../../src/lib/moving-average.js";
import {seededRandom} from "../lib/seeded-random.js";

// Rerun in a child process set up to measure steady-state kernels, not the host:
// - glibc hands freed typed-array memory back to the OS and each call then
//   page-faults its output in again (about 10 µs a page in a small VM, 10×
//   the kernel itself), so the allocator is told to keep it;
// - V8 can end up re-entering a kernel's hot loop through on-stack replacement
//   on every call, 2–3× slower, and which way a run goes is luck; --no-use-osr
//   makes every case (references included) run its regular optimised code.
if (process.env.ROLLING_BENCH_CHILD === undefined) {
  const env = {
    ...process.env,
    ROLLING_BENCH_CHILD: "1",
    MALLOC_TRIM_THRESHOLD_: "268435456",
    MALLOC_TOP_PAD_: "16777216"
  };
  const args = [...process.execArgv, "--no-use-osr", ...process.argv.slice(1)];
  const {status} = spawnSync(process.execPath, args, {stdio: "inherit", env});
  process.exit(status ?? 1);
}

const N = 7560; // 30 years of trading days
const TICKERS = 50;
const W = 252;
const ROUNDS = 7; // timing rounds: each reference runs once a round (naiveRuns, arqueroRuns)
const RUNS = 49; // kernel runs, RUNS / ROUNDS a round
const TOLERANCE = 1e-9;

// A seeded one-factor market: each ticker's daily return is beta × market + its own noise.
const random = seededRandom(20260501);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const market = Float64Array.from({length: N}, () => 0.0003 + 0.011 * normal());
const returns = Array.from({length: TICKERS}, () => {
  const beta = 0.7 + 0.6 * random();
  return Float64Array.from(market, (m) => beta * m + 0.008 * normal());
});
const indexes = returns.map((r) => {
  let level = 100;
  return Float64Array.from(r, (x) => (level *= 1 + x));
});

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

// Warm each function up for 0.4 s (at least 2 runs) so V8 has optimised it,
// collect the garbage, then time in ROUNDS rounds, each running the kernel
// RUNS / ROUNDS times and each reference once (after an untimed call): on a shared machine all three
// then see the same load, and the speedups compare like with like.
function measure(fns: (() => Float64Array[])[]): {ms: number[]; result: Float64Array[]}[] {
  const results = fns.map((fn) => {
    let result = fn();
    for (let i = 1, start = performance.now(); i < 2 || performance.now() - start < 400; ++i) result = fn();
    return result;
  });
  gc();
  const ms = fns.map((): number[] => []);
  for (let round = 0; round < ROUNDS; ++round) {
    fns.forEach((fn, k) => {
      // One untimed call first, so no method is timed straight after another's garbage and cache misses.
      results[k] = fn();
      for (let i = 0; i < (k === 0 ? RUNS / ROUNDS : 1); ++i) {
        const t0 = performance.now();
        results[k] = fn();
        ms[k].push(performance.now() - t0);
      }
    });
  }
  return fns.map((_, k) => ({ms: ms[k], result: results[k]}));
}

// Relative error at positions i ≥ from (both NaN counts as equal), floored at 1e-3 of the
// series' largest magnitude so values crossing 0 (spreads, correlations) are
// not held to an impossible relative precision.
function maxRelErr(actual: ArrayLike<number>[], expected: ArrayLike<number>[], from: number): number {
  let worst = 0;
  expected.forEach((e, k) => {
    let scale = 0;
    for (let i = from; i < e.length; ++i) if (Math.abs(e[i]) > scale) scale = Math.abs(e[i]);
    for (let i = from; i < e.length; ++i) {
      const a = actual[k][i] ?? NaN;
      const err =
        Number.isNaN(a) && Number.isNaN(e[i]) ? 0 : Math.abs(a - e[i]) / Math.max(Math.abs(e[i]), 1e-3 * scale);
      worst = Math.max(worst, Number.isNaN(err) ? Infinity : err);
    }
  });
  return worst;
}

// Naive O(n·w): every window reduced from scratch.
function naiveWindow(x: Float64Array, reduce: (from: number, to: number) => number, from = W - 1): Float64Array {
  const out = new Float64Array(x.length).fill(NaN);
  for (let i = from; i < x.length; ++i) out[i] = reduce(i - W + 1, i + 1);
  return out;
}
const mean = (x: Float64Array, a: number, b: number) => {
  let s = 0;
  for (let j = a; j < b; ++j) s += x[j];
  return s / (b - a);
};
const cov = (x: Float64Array, y: Float64Array, a: number, b: number) => {
  const mx = mean(x, a, b);
  const my = mean(y, a, b);
  let s = 0;
  for (let j = a; j < b; ++j) s += (x[j] - mx) * (y[j] - my);
  return s / (b - a - 1);
};
// The window return compounded from its daily returns, not read off the index.
const compounded = (r: Float64Array) =>
  naiveWindow(
    r,
    (a, b) => {
      let g = 1;
      for (let j = a; j < b; ++j) g *= 1 + r[j];
      return g - 1;
    },
    W
  );
function naiveEma(x: Float64Array, span: number): Float64Array {
  const alpha = 2 / (span + 1);
  return Float64Array.from(x, (_, i) => {
    let s = 0;
    let weight = 1;
    for (let j = i; j > 0; --j, weight *= 1 - alpha) s += alpha * weight * x[j];
    return s + weight * x[0];
  });
}

// arquero: the same windows as derive() expressions over a table of the inputs.
function arquero(columns: Record<string, Float64Array>, exprs: Record<string, string>, framed = true): Float64Array[] {
  const derived = Object.fromEntries(
    Object.entries(exprs).map(([k, e]) => [k, framed ? aq.rolling(e, [-(W - 1), 0]) : e])
  );
  const table = aq.table(columns).derive(derived);
  return Object.keys(exprs).map((k) => Float64Array.from(table.array(k) as ArrayLike<number>, (v) => v ?? NaN));
}

interface Case {
  name: string;
  series: number;
  from: number; // first fully warmed position
  kernel: () => Float64Array[];
  naive: () => Float64Array[];
  arquero?: () => Float64Array[];
}

const [x, bench] = [indexes[1], indexes[0]];
const [rx, rb] = [returns[1], returns[0]];
const col = (k: number) => `t${k}`;
const cases: Case[] = [
  {
    name: "spreads-vs-benchmark",
    series: TICKERS - 1,
    from: W,
    kernel: () => rollingSpreads(indexes.slice(1), bench, {window: W}),
    naive: () => {
      const large = compounded(rb);
      return returns.slice(1).map((r) => compounded(r).map((s, i) => (s - large[i]) * 100));
    },
    arquero: () =>
      arquero(
        Object.fromEntries(indexes.map((v, k) => [col(k), v])),
        Object.fromEntries(
          indexes
            .slice(1)
            .map((_, k) => [
              `s${k}`,
              `d => (d.${col(k + 1)} / op.lag(d.${col(k + 1)}, ${W}) - d.t0 / op.lag(d.t0, ${W})) * 100`
            ])
        ),
        false
      )
  },
  {
    name: "rollingMean",
    series: 1,
    from: W - 1,
    kernel: () => [rollingMean(x, {window: W})],
    naive: () => [naiveWindow(x, (a, b) => mean(x, a, b))],
    arquero: () => arquero({x}, {m: "d => op.average(d.x)"})
  },
  {
    name: "rollingStd",
    series: 1,
    from: W - 1,
    kernel: () => [rollingStd(rx, {window: W})],
    naive: () => [naiveWindow(rx, (a, b) => Math.sqrt(cov(rx, rx, a, b)))],
    arquero: () => arquero({x: rx}, {s: "d => op.stdev(d.x)"})
  },
  {
    name: "rollingReturn",
    series: 1,
    from: W,
    kernel: () => [rollingReturn(x, {window: W})],
    naive: () => [compounded(rx)],
    arquero: () => arquero({x}, {r: `d => d.x / op.lag(d.x, ${W}) - 1`}, false)
  },
  {
    name: "rollingMax",
    series: 1,
    from: W - 1,
    kernel: () => [rollingMax(x, {window: W})],
    naive: () => [naiveWindow(x, (a, b) => Math.max(...x.subarray(a, b)))],
    arquero: () => arquero({x}, {m: "d => op.max(d.x)"})
  },
  {
    name: "rollingCorrelation",
    series: 1,
    from: W - 1,
    kernel: () => [rollingCorrelation(rx, rb, {window: W})],
    naive: () => [naiveWindow(rx, (a, b) => cov(rx, rb, a, b) / Math.sqrt(cov(rx, rx, a, b) * cov(rb, rb, a, b)))],
    arquero: () => arquero({x: rx, y: rb}, {c: "d => op.corr(d.x, d.y)"})
  },
  {
    name: "rollingBeta",
    series: 1,
    from: W - 1,
    kernel: () => [rollingBeta(rx, rb, {window: W})],
    naive: () => [naiveWindow(rx, (a, b) => cov(rx, rb, a, b) / cov(rb, rb, a, b))],
    arquero: () => arquero({x: rx, y: rb}, {b: "d => op.covariance(d.x, d.y) / op.variance(d.y)"})
  },
  {
    name: "rollingVolatility",
    series: 1,
    from: W - 1,
    kernel: () => [rollingVolatility(rx, {window: W})],
    naive: () => [naiveWindow(rx, (a, b) => Math.sqrt(cov(rx, rx, a, b) * 252))],
    arquero: () => arquero({x: rx}, {v: `d => op.stdev(d.x) * ${Math.sqrt(252)}`})
  },
  {
    name: "sma",
    series: 1,
    from: W - 1,
    kernel: () => [sma(x, {window: W})],
    naive: () => [naiveWindow(x, (a, b) => mean(x, a, b))],
    arquero: () => arquero({x}, {m: "d => op.average(d.x)"})
  },
  // arquero has no recursive (exponential) window, so ema has no arquero reference.
  {name: "ema", series: 1, from: 0, kernel: () => [ema(x, {span: W})], naive: () => [naiveEma(x, W)]}
];

const round = (v: number, digits = 4) => (Number.isFinite(v) ? +v.toPrecision(digits) : null);
let failed = false;
for (const c of cases) {
  const [kernel, naive, ref] = measure(c.arquero ? [c.kernel, c.naive, c.arquero] : [c.kernel, c.naive]);
  const [kernelMs, naiveMs, arqueroMs] = [kernel, naive, ref].map((m) => (m ? median(m.ms) : NaN));
  const errNaive = maxRelErr(kernel.result, naive.result, 0); // warm-up NaNs must match too
  const errArquero = ref ? maxRelErr(kernel.result, ref.result, c.from) : NaN;
  if (!(errNaive <= TOLERANCE) || (ref && !(errArquero <= TOLERANCE))) {
    failed = true;
    console.error(`${c.name}: max relative error ${errNaive} vs naive, ${errArquero} vs arquero exceeds ${TOLERANCE}`);
  }
  console.log(
    JSON.stringify({
      case: c.name,
      n: N,
      window: W,
      series: c.series,
      medianMs: round(kernelMs),
      naiveMs: round(naiveMs),
      arqueroMs: ref ? round(arqueroMs) : null,
      speedupVsNaive: round(naiveMs / kernelMs, 3),
      speedupVsArquero: ref ? round(arqueroMs / kernelMs, 3) : null,
      maxRelErrVsNaive: errNaive,
      runs: kernel.ms.length,
      naiveRuns: naive.ms.length,
      arqueroRuns: ref ? ref.ms.length : 0,
      maxRelErrVsArquero: ref ? errArquero : null
    })
  );
}
if (failed) process.exitCode = 1;
