import {heading, quadrantRun, type Heading, type QuadrantRun} from "./quadrant.js";
import {rotation, type Rotation, type RotationOptions} from "./rotation.js";

/** One fund of a relative rotation graph at its as-of close. */
export interface RotationRow {
  ticker: string;
  /** Every period end up to the as-of close. */
  series: Rotation;
  /** Positions in `series` of the tail drawn, oldest first, ending at the as-of close (those with both values). */
  tail: number[];
  /** The as-of close (epoch ms), RS-Ratio and RS-Momentum there; NaN when the fund has too little history. */
  close: number;
  ratio: number;
  momentum: number;
  /** The quadrant and how long the fund has been in it (null without values). */
  run: QuadrantRun | null;
  /** The close at which it entered that quadrant, epoch ms (NaN without a run). */
  entered: number;
  /** Direction of the last step (null without two points). */
  heading: Heading | null;
  /** Why the fund has no values, in words; null when it has them. */
  note: string | null;
}

/**
 * Each fund's rotation against the benchmark at the as-of day, its tail, its
 * quadrant run and its heading (see rotation and quadrantRun). A fund
 * without prices, the benchmark itself, or one with too little common history
 * gets a row with a note saying why, not an error.
 *
 * - tail: points drawn per fund, an integer ≥ 1 (default 10)
 * - asOf, interval, ratioWindow, momentumWindow: as rotation
 */
export function rotationStudy(
  prices: ReadonlyMap<string, {date: ArrayLike<number>; index: ArrayLike<number>}>,
  tickers: readonly string[],
  benchmark: string,
  {tail = 10, ...options}: RotationOptions & {tail?: number} = {}
): RotationRow[] {
  if (!Number.isInteger(tail) || tail < 1) throw new Error(`invalid tail: ${tail}`);
  const {interval = "weekly", ratioWindow = 26, momentumWindow = 13} = options;
  const bench = prices.get(benchmark);
  const periods = interval === "weekly" ? "weekly closes" : "daily closes";
  const needed = ratioWindow + momentumWindow - 1;
  return tickers.map((ticker) => {
    const fund = prices.get(ticker);
    const series =
      fund && bench ? rotation(fund, bench, options) : rotation({date: [], index: []}, {date: [], index: []});
    const n = series.date.length;
    const {ratio, momentum} = series;
    const last = n - 1;
    const valid = (i: number) => i >= 0 && ratio[i] === ratio[i] && momentum[i] === momentum[i];
    const run = valid(last) ? quadrantRun(ratio, momentum) : null;
    const tailPositions: number[] = [];
    for (let i = Math.max(0, n - tail); i < n; ++i) if (valid(i)) tailPositions.push(i);
    const note = !fund
      ? "no prices loaded"
      : !bench
        ? `no prices for the benchmark ${benchmark}`
        : ticker === benchmark
          ? "the benchmark itself"
          : run
            ? null
            : `not enough history: needs ${needed} ${periods} in common with ${benchmark} up to the as-of day, has ${n}`;
    return {
      ticker,
      series,
      tail: note ? [] : tailPositions,
      close: n ? series.date[last] : NaN,
      ratio: valid(last) && !note ? ratio[last] : NaN,
      momentum: valid(last) && !note ? momentum[last] : NaN,
      run: note ? null : run,
      entered: run && !note ? series.date[run.start] : NaN,
      heading:
        valid(last - 1) && !note ? heading(ratio[last - 1], momentum[last - 1], ratio[last], momentum[last]) : null,
      note
    };
  });
}
