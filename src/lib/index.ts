// The public compute API: pure functions on typed arrays, shared by pages, loaders, tests and benchmarks.
export {parseDay, formatDay, floorDay, offsetMonths, indexOnOrBefore} from "./dates.js";
export {totalReturnIndex} from "./total-return.js";
export {simpleReturns, periodReturn} from "./returns.js";
export {annualizedVolatility, TRADING_DAYS} from "./volatility.js";
export {drawdown, maxDrawdown} from "./drawdown.js";
export {periodWindow, periodStartDate, PERIODS, type Period, type PeriodWindow} from "./periods.js";
export {pricesByTicker, type TickerPrices} from "./price-panel.js";
export {scoreboard, type Scoreboard, type ScoreboardRow} from "./scoreboard.js";
export {formatPercent, formatPoints} from "./format.js";
export {DEFAULT_UNIVERSE, SIZE_ORDER, fundInfo, type Fund, type SizeBucket, type Style} from "./universe.js";
