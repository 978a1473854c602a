import type {Settings} from "../../data-loaders/settings.js";
import type {SourceDefinition} from "../../data-loaders/source.js";
import {SOURCES} from "../../data-loaders/sources/index.js";
import type {TickerOutcome} from "../../data-loaders/types.js";
import {formatDay} from "../../src/lib/dates.js";

/** Settings for a test: prices from `source` into `cacheDir`, research and fund valuation quiet, every other setting at its default. */
export function testSettings({cacheDir, ...more}: Partial<Settings> & {cacheDir: string}): Settings {
  return {
    source: "auto",
    dataDir: null,
    tickers: ["IJR", "IVV"],
    start: "2025-12-01",
    cacheDir,
    configFile: null,
    funds: [],
    research: {
      source: "sample",
      cacheDir,
      frenchDir: null,
      fredDir: null,
      frenchUrl: null,
      fredUrl: null,
      timeoutMs: 1000
    },
    fundValuation: {mode: "off", timeoutMs: 1000},
    sources: {},
    ...more
  };
}

/** A network source answering from a function, recording each ticker's request (days as YYYY-MM-DD). */
export function fakeSource(
  answer: (ticker: string, range: {start: string; end: string}) => TickerOutcome,
  {name = "yahoo", kind = "network"}: {name?: string; kind?: SourceDefinition["kind"]} = {}
) {
  const calls: {ticker: string; start: string; end: string}[] = [];
  const definition: SourceDefinition = {
    name,
    title: `fake ${name}`,
    kind,
    async fetchTicker(ticker, range) {
      const request = {ticker, start: formatDay(range.start), end: formatDay(range.end)};
      calls.push(request);
      const outcome = answer(ticker, request);
      if (!outcome.ok) throw new Error(outcome.error.replace(`${ticker}: `, ""));
      return {series: outcome.series, warnings: outcome.warnings};
    }
  };
  return {definition, calls, sources: withSource(definition)};
}

/** The registry with `definition` in place of the source of the same name (or added at the end). */
export function withSource(definition: SourceDefinition): SourceDefinition[] {
  const i = SOURCES.findIndex((s) => s.name === definition.name);
  return i < 0 ? [...SOURCES, definition] : SOURCES.map((s, j) => (j === i ? definition : s));
}
