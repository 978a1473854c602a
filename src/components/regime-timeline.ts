import * as Plot from "@observablehq/plot";
import {logAxisY} from "./log-ticks.js";

export interface RegimeMonth {
  date: Date;
  /** Month end after which the next month begins (for the band's right edge). */
  next: Date;
  /** Small-minus-big cumulative growth of $1 (log scale). */
  cumulative: number;
  easing: number;
  yieldFalling: number;
  growthAccelerating: number;
}

/** Room for the strips' names ("Growth accelerating"); both panels share it so their dates line up. */
const MARGIN_LEFT = 120;

/** Powers of two from lo to hi, with the halfway 1.5 × 2^k when there would be fewer than three. */
function doublings(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (let k = Math.floor(Math.log2(lo)); 2 ** k <= hi; ++k) ticks.push(2 ** k, 1.5 * 2 ** k);
  const within = ticks.filter((t) => t >= lo && t <= hi);
  const whole = within.filter((t) => Math.log2(t) % 1 === 0);
  return (whole.length >= 3 ? whole : within).sort((a, b) => a - b);
}

const FLAGS = [
  ["easing", "Fed easing"],
  ["yieldFalling", "10y falling"],
  ["growthAccelerating", "Growth accelerating"]
] as const;

/**
 * The cumulative small-minus-big return through time with the months where
 * all three favourable conditions hold shaded behind it, and a strip per
 * condition underneath.
 *
 * - width: chart width in pixels (default 640)
 * - title: figure title (default none)
 * - label: the spread's name for the y axis (default "Small minus big")
 */
export function regimeTimeline(
  months: readonly RegimeMonth[],
  {width = 640, title, label = "Small minus big"}: {width?: number; title?: string; label?: string} = {}
): HTMLElement {
  const all = months.filter((m) => m.easing === 1 && m.yieldFalling === 1 && m.growthAccelerating === 1);
  const line = months.filter((m) => Number.isFinite(m.cumulative));
  const lo = Math.min(...line.map((m) => m.cumulative)) * 0.9;
  const hi = Math.max(...line.map((m) => m.cumulative)) * 1.1;
  const domain: [Date, Date] = [months[0]?.date ?? new Date(0), months[months.length - 1]?.next ?? new Date()];
  const top = Plot.plot({
    title,
    width,
    height: 300,
    marginLeft: MARGIN_LEFT,
    x: {label: null, domain},
    y: {type: "log", domain: line.length ? [lo, hi] : [0.5, 2]},
    marks: [
      // Every tick labelled: doublings, which a log axis spaces evenly (Plot's own log ticks leave some bare).
      logAxisY(doublings(line.length ? lo : 0.5, line.length ? hi : 2), {
        label: `${label}: growth of $1 (log)`,
        format: (d) => String(+d.toFixed(2))
      }),
      Plot.rectY(all, {
        x1: "date",
        x2: "next",
        y1: line.length ? lo : 0.5,
        y2: line.length ? hi : 2,
        fill: "var(--theme-green)",
        fillOpacity: 0.25
      }),
      Plot.ruleY([1], {stroke: "currentColor", strokeOpacity: 0.4}),
      Plot.lineY(line, {
        x: "date",
        y: "cumulative",
        stroke: "#b2182b",
        strokeWidth: 1.3,
        tip: {format: {y: (d: number) => d.toFixed(2)}}
      })
    ]
  });
  const strips = FLAGS.flatMap(([key, name]) =>
    months.filter((m) => m[key] === 1).map((m) => ({date: m.date, next: m.next, flag: name}))
  );
  const bottom = Plot.plot({
    width,
    height: 90,
    marginLeft: MARGIN_LEFT,
    marginTop: 4,
    x: {label: null, domain, axis: null},
    // The strips are named in the left margin, clear of the bars.
    y: {label: null, domain: FLAGS.map(([, n]) => n), tickSize: 0},
    marks: [Plot.barX(strips, {x1: "date", x2: "next", y: "flag", fill: "flag", inset: 0})],
    color: {domain: FLAGS.map(([, n]) => n), range: ["#4393c3", "#92c5de", "#5aae61"]}
  });
  const div = document.createElement("div");
  div.append(top, bottom);
  return div;
}
