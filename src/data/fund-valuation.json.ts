// Fund-level valuation (P/E, P/B, P/S, P/CF of each ETF's holdings): live, cached or none; the work is in data-loaders/fund-valuation.ts.
import {fetchFundValuations} from "../../data-loaders/fund-valuation.js";
import {publicPaths} from "../../data-loaders/public-paths.js";
import {readSettings} from "../../data-loaders/settings.js";

const {tickers, cacheDir, fundValuation} = readSettings();
const snapshot = await fetchFundValuations(tickers, {cacheDir, ...fundValuation, log: (m) => console.error(m)});
process.stdout.write(JSON.stringify(publicPaths(snapshot, {dirs: [cacheDir]}), null, 2));
