import {seededRandom} from "../lib/seeded-random.ts";
const r = seededRandom(1);
let l = 100;
const x = Float64Array.from({length: 7560}, () => (l *= 1 + 0.02 * (r() - 0.5)));
function a(values: ArrayLike<number>, window: number) {
  const n = values.length;
  const out = new Float64Array(n).fill(NaN);
  const deque = new Int32Array(n);
  let head = 0, tail = 0, lastNaN = -window;
  for (let i = 0; i < n; ++i) {
    const v = values[i];
    if (v !== v) lastNaN = i;
    else {
      while (tail > head && values[deque[tail - 1]] <= v) --tail;
      deque[tail++] = i;
    }
    while (head < tail && deque[head] <= i - window) ++head;
    if (i >= window - 1 && i - lastNaN >= window) out[i] = values[deque[head]];
  }
  return out;
}
function b(values: ArrayLike<number>, window: number) {
  const n = values.length;
  const out = new Float64Array(n).fill(NaN);
  const deque = new Int32Array(n);
  const dv = new Float64Array(n);
  let head = 0, tail = 0, lastNaN = -window;
  for (let i = 0; i < n; ++i) {
    const v = values[i];
    if (v !== v) lastNaN = i;
    else {
      while (tail > head && dv[tail - 1] <= v) --tail;
      deque[tail] = i; dv[tail++] = v;
    }
    if (head < tail && deque[head] <= i - window) ++head;
    if (i >= window - 1 && i - lastNaN >= window) out[i] = dv[head];
  }
  return out;
}
function t(name: string, fn: () => unknown) {
  const ms: number[] = [];
  for (let k = 0; k < 1000; ++k) { const t0 = performance.now(); fn(); ms.push(performance.now() - t0); }
  const s = (a: number[]) => [...a].sort((p, q) => p - q)[a.length >> 1];
  console.log(name, "first5", s(ms.slice(0, 5)).toFixed(4), "next20", s(ms.slice(5, 25)).toFixed(4), "last100", s(ms.slice(900)), "mid", s(ms.slice(300,400)).toFixed(4));
}
t("a", () => a(x, 252));
t("b", () => b(x, 252));
t("a", () => a(x, 252));
