/** Up and down capture ratios of a fund against a benchmark. */
export interface Capture {
  /** The fund's compound growth in the benchmark's up months ÷ the benchmark's, as annualised rates (1: moved alike). */
  up: number;
  down: number;
  /** How many months the benchmark rose, and fell. */
  upMonths: number;
  downMonths: number;
}

// Below this a monthly move is rounding, not a move (see upDownCapture).
const FLAT = 1e-12;

/**
 * Up and down capture on monthly returns of the same months (arrays of equal length), empyrical's
 * `up_capture`/`down_capture`: over the months the benchmark rose (fell), the fund's annualised compound return
 * ÷ the benchmark's, each (∏(1 + r))^(12 ÷ months) − 1. A month missing either return is skipped; a month the
 * benchmark was flat counts in neither, flat meaning within 1e-12 of 0: two equal closes divided through a
 * normalised index give 1 ± 1e-16, and such rounding must not decide a month's side. NaN with no such month.
 *
 * - periodsPerYear: how many returns make a year (default 12)
 */
export function upDownCapture(
  returns: ArrayLike<number>,
  benchmark: ArrayLike<number>,
  {periodsPerYear = 12}: {periodsPerYear?: number} = {}
): Capture {
  if (returns.length !== benchmark.length) throw new Error(`length mismatch: ${returns.length} vs ${benchmark.length}`);
  const side = (up: boolean) => {
    let fund = 1;
    let bench = 1;
    let n = 0;
    for (let i = 0; i < returns.length; ++i) {
      const b = benchmark[i];
      if (Number.isNaN(returns[i]) || !(up ? b > FLAT : b < -FLAT)) continue;
      fund *= 1 + returns[i];
      bench *= 1 + b;
      ++n;
    }
    const annual = (growth: number) => growth ** (periodsPerYear / n) - 1;
    return {ratio: n ? annual(fund) / annual(bench) : NaN, n};
  };
  const up = side(true);
  const down = side(false);
  return {up: up.ratio, down: down.ratio, upMonths: up.n, downMonths: down.n};
}
