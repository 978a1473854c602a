// Observable Framework configuration: https://observablehq.com/framework/config
export default {
  title: "Small-cap workbench",
  pages: [
    {name: "Scoreboard", path: "/"},
    {name: "Spreads", path: "/spreads"},
    {name: "Trend", path: "/trend"},
    {name: "Valuation", path: "/valuation"},
    {name: "Size premium", path: "/size-premium"},
    {name: "Returns", path: "/returns"},
    {name: "Rotation", path: "/rotation"},
    {name: "Backtest", path: "/backtest"},
    {name: "Factor exposure", path: "/factors"},
    {name: "Regimes", path: "/regimes"},
    {name: "False dawns", path: "/persistence"},
    {name: "Report: small caps", path: "/reports/small-caps"},
    {name: "Notebook", path: "/notebook"},
    {name: "Scratch", path: "/scratch"}
  ],
  head: '<link rel="icon" href="data:,">',
  root: "src",
  // The browser tests build into a scratch folder so that a user's dist/ is left alone.
  output: process.env.WORKBENCH_OUTPUT ?? "dist",
  style: "style.css",
  // The default theme loads a web font from a CDN; this site must work offline.
  globalStylesheets: [],
  footer:
    "Small-cap research workbench. Data: Yahoo Finance, Ken French data library, FRED, or synthetic sample where labelled.",
  search: false,
  // No previous/next pager: Framework labels the home page with the site title ("Previous page: Small-cap
  // workbench" on Spreads, not "Scoreboard"), and the sidebar already lists every page by name.
  pager: false,
  // Links end in .html so any static host serves them, also under a sub-path.
  preserveExtension: true
};
