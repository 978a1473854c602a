/**
 * The size premium's long record by era: SMB's average and compounded annual
 * return over spans of calendar years, with the t-statistic of the average
 * (annual returns taken as independent: t = mean / (sd / √n), sd with n − 1),
 * and SMB compounded over a trailing window of months. NaN years are skipped.
 */

/** A span of calendar years, inclusive; `last` Infinity means "to date". */
export interface Era {
  label: string;
  first: number;
  last: number;
}

/** The eras the "small caps are overdue" argument quotes: before CRSP's Compustat years, Fama-French's sample, the two since. */
export const SIZE_ERAS: readonly Era[] = [
  {label: "1927–1962", first: 1927, last: 1962},
  {label: "1963–1990", first: 1963, last: 1990},
  {label: "1991–2012", first: 1991, last: 2012},
  {label: "2013 to date", first: 2013, last: Infinity}
];

/** Calendar decades from the one holding `first` to the one holding `last` ("1920s" … "2020s"). */
export function decades(first: number, last: number): Era[] {
  const out: Era[] = [];
  for (let d = Math.floor(first / 10) * 10; d <= last; d += 10) out.push({label: `${d}s`, first: d, last: d + 9});
  return out;
}

export interface EraStats {
  label: string;
  /** The first and last year with data inside the era. */
  first: number;
  last: number;
  n: number;
  /** Arithmetic mean of the annual returns. */
  mean: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** mean / (sd / √n); NaN with fewer than two years. */
  t: number;
  /** Geometric mean: (∏(1 + r))^(1/n) − 1. */
  compound: number;
  /** Share of years with a positive return. */
  positive: number;
}

/**
 * Statistics of annual returns per era; an era with no year of data is left out.
 * - years: the calendar year of each return
 * - returns: annual returns as fractions (French's annual SMB)
 */
export function eraTable(years: ArrayLike<number>, returns: ArrayLike<number>, eras: readonly Era[]): EraStats[] {
  if (years.length !== returns.length) throw new Error(`${years.length} years for ${returns.length} returns`);
  return eras.flatMap(({label, first, last}) => {
    const inside: [number, number][] = [];
    for (let i = 0; i < years.length; ++i)
      if (years[i] >= first && years[i] <= last && !Number.isNaN(returns[i])) inside.push([years[i], returns[i]]);
    const n = inside.length;
    if (!n) return [];
    const mean = inside.reduce((s, [, r]) => s + r, 0) / n;
    const sd = n > 1 ? Math.sqrt(inside.reduce((s, [, r]) => s + (r - mean) ** 2, 0) / (n - 1)) : NaN;
    const growth = inside.reduce((g, [, r]) => g * (1 + r), 1);
    return [
      {
        label,
        first: inside[0][0],
        last: inside[n - 1][0],
        n,
        mean,
        sd,
        t: mean / (sd / Math.sqrt(n)),
        compound: growth ** (1 / n) - 1,
        positive: inside.filter(([, r]) => r > 0).length / n
      }
    ];
  });
}

/**
 * Monthly returns compounded over the trailing `months` and annualised: (∏(1 + r))^(12/months) − 1
 * at each month with a full window, NaN before it and wherever a month in the window is missing.
 * - months: window length (default 120, ten years)
 */
export function rollingAnnualized(returns: ArrayLike<number>, {months = 120}: {months?: number} = {}): Float64Array {
  if (!Number.isInteger(months) || months < 1) throw new Error(`invalid window: ${months}`);
  const out = new Float64Array(returns.length).fill(NaN);
  // A direct product per window (a thousand months × 120): no running ratio to drift or to break at a gap.
  for (let i = months - 1; i < returns.length; ++i) {
    let growth = 1;
    for (let k = i - months + 1; k <= i; ++k) growth *= 1 + returns[k];
    out[i] = growth ** (12 / months) - 1;
  }
  return out;
}
