import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {formatDay, parseDay} from "../src/lib/dates.js";
import {listCache, readCachedSeries} from "./cache.js";
import {acquireAll} from "./research.js";
import type {Settings} from "./settings.js";
import {autoSources} from "./prices.js";
import {decodeCsv, findTickerFile, parsePriceCsv} from "./sources/csv.js";
import {SOURCES} from "./sources/index.js";

/** Lays out rows of cells in columns two spaces apart, the last cell unpadded. */
function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => (r[j] ?? "").length)));
  return rows.map((r) =>
    r
      .map((c, j) => (j === r.length - 1 ? c : c.padEnd(widths[j])))
      .join("  ")
      .trimEnd()
  );
}

function age(ms: number): string {
  const h = ms / 3_600_000;
  return h < 1 ? `${Math.round(h * 60)} min` : h < 48 ? `${Math.round(h)} h` : `${Math.round(h / 24)} days`;
}

/**
 * `npm run data -- status`: what a build would load now, without going
 * online. Prices: for csv, each configured ticker's file found or missing,
 * its first and last date and rows within the settings' range, and the rows
 * skipped as bad; for the other sources, the cache. Research series (Ken
 * French, FRED): the copy a build would use offline (cache, local file or
 * synthetic sample), with its vintage and last date. Returns the lines.
 * - now: the time to describe, epoch ms, Date.now()
 */
export async function status(settings: Settings, {now = Date.now()}: {now?: number} = {}): Promise<string[]> {
  const lines = [
    `settings: source=${settings.source} tickers=${settings.tickers.join(",")} start=${settings.start}` +
      (settings.dataDir ? ` dataDir=${settings.dataDir}` : "") +
      (settings.configFile ? ` (config ${settings.configFile})` : "")
  ];
  if (settings.source === "csv") lines.push(...(await csvStatus(settings, now)));
  else if (SOURCES.find((s) => s.name === settings.source)?.kind === "synthetic")
    lines.push("prices: synthetic sample data, generated on demand (no cache)");
  else lines.push(...cacheStatus(settings, now));
  lines.push(...(await researchStatus(settings, now)));
  return lines;
}

async function csvStatus(settings: Settings, now: number): Promise<string[]> {
  const dir = settings.dataDir!;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    return [`prices: cannot read the CSV folder ${dir} (${(error as Error).message}); a build would fail`];
  }
  const from = parseDay(settings.start);
  const to = parseDay(formatDay(now));
  const rows = [["ticker", "file", "first", "last", "rows", "skipped", "note"]];
  for (const ticker of settings.tickers) {
    const file = findTickerFile(names, ticker);
    if (file === undefined) {
      rows.push([ticker, "missing", "-", "-", "0", "-", `put ${ticker}.csv in the folder`]);
      continue;
    }
    try {
      const text = decodeCsv(await readFile(join(dir, file)), {file});
      const {series, skipped} = parsePriceCsv(text, {file, ticker});
      // What the build keeps: the rows from the start setting to today.
      const kept = series.date.filter((t) => t >= from && t <= to);
      const n = kept.length;
      const note = n < series.date.length ? `${series.date.length - n} rows outside ${settings.start} to today` : "";
      rows.push([
        ticker,
        file,
        n ? formatDay(kept[0]) : "-",
        n ? formatDay(kept[n - 1]) : "-",
        String(n),
        String(skipped),
        n ? note : "no rows in range: a build would leave this ticker out"
      ]);
    } catch (error) {
      rows.push([ticker, file, "-", "-", "0", "-", `unreadable: ${(error as Error).message}`]);
    }
  }
  return [`prices: read from the CSV folder ${dir} at every build (no cache)`, ...table(rows)];
}

function cacheStatus(settings: Settings, now: number): string[] {
  // The caches of the network sources in play: the chosen one, or auto's live ones in the order auto asks them.
  const chosen = SOURCES.find((s) => s.name === settings.source && s.kind === "network");
  const names = (chosen ? [chosen] : autoSources(SOURCES, settings).live).map((s) => s.name);
  const notes: string[] = [];
  const rows = [["series", "source", "first", "last", "rows", "age"]];
  for (const name of names) {
    const cached = listCache(settings.cacheDir, name);
    for (const t of [...new Set([...settings.tickers, ...cached.map((c) => c.ticker)])]) {
      const c = readCachedSeries(settings.cacheDir, name, t, (m) => notes.push(`  ${m}`));
      const n = c?.series.date.length ?? 0;
      rows.push(
        c && n
          ? [
              t,
              name,
              formatDay(c.series.date[0]),
              formatDay(c.series.date[n - 1]),
              String(n),
              age(now - Date.parse(c.fetchedAt))
            ]
          : [
              t,
              "-",
              "-",
              "-",
              "0",
              settings.tickers.includes(t) ? (names.length > 1 ? `not cached (${name})` : "not cached") : ""
            ]
      );
    }
  }
  return [`prices: cache ${settings.cacheDir}`, ...notes, ...table(rows)];
}

async function researchStatus(settings: Settings, now: number): Promise<string[]> {
  // The offline view of a build: any cached copy counts however old, and nothing is fetched.
  const offline = (async () => {
    throw new TypeError("status does not go online");
  }) as unknown as typeof globalThis.fetch;
  const source = settings.research.source === "live" ? "auto" : settings.research.source;
  const raw = await acquireAll({...settings.research, source}, undefined, {
    fetch: offline,
    now,
    maxAgeMs: Infinity
  });
  const rows = [["series", "source", "vintage", "first", "last", "rows", "note"]];
  for (const {provenance: p} of raw) {
    const note = p.warnings.filter((w) => !/^live fetch (failed|skipped)/.test(w))[0] ?? "";
    rows.push([p.id, p.source, p.vintage ?? "-", p.first ?? "-", p.last ?? "-", String(p.rows), note]);
  }
  return [`research (${settings.research.source}; as a build would have them offline):`, ...table(rows)];
}
