/** The cells a first visit to the Scratch page shows and runs: one idiom each, the library, arquero and Plot. */
export const STARTER_CELLS: readonly string[] = [
  `// A rolling spread with the library: IJR (small caps) minus IVV (large caps), each fund's 252-day
// total return, in percentage points. Any fund in \`prices\` works: try IWM and IWB.
const study = lib.pairStudy(prices.get("IJR"), prices.get("IVV"), {window: 252});
const spread = Array.from(study.date, (t, i) => ({date: new Date(t), points: study.spread[i]}));
\`\${study.small} minus \${study.large} on \${lib.formatDay(study.date.at(-1))}: \${lib.formatNumber(study.spread.at(-1))} points\``,
  `// Calendar-year total returns (%) with arquero: daily growth of the adjusted close per fund (the
// table holds fund after fund, each by date), compounded within each year, one row per year.
const years = priceTable
  .filter((d) => d.ticker === "IJR" || d.ticker === "IVV")
  .groupby("ticker")
  .derive({growth: (d) => d.adjClose / op.lag(d.adjClose)})
  .filter((d) => op.is_finite(d.growth))
  .derive({year: (d) => op.utcyear(d.date)})
  .groupby("ticker", "year")
  .rollup({return: (d) => op.round(1000 * (op.product(d.growth) - 1)) / 10})
  .groupby("year")
  .pivot("ticker", "return")
  .derive({"IJR − IVV": (d) => op.round(10 * (d.IJR - d.IVV)) / 10})
  .orderby(aq.desc("year"));
years`,
  `// A Plot chart of the first cell's spread: above zero, small caps were ahead over the past year.
Plot.plot({
  y: {label: "IJR minus IVV, 252-day return (points)", grid: true},
  marks: [
    Plot.areaY(spread, {x: "date", y: "points", fillOpacity: 0.2}),
    Plot.lineY(spread, {x: "date", y: "points"}),
    Plot.ruleY([0])
  ]
})`
];
