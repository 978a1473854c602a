// The public compute API: pure functions on typed arrays, shared by pages, loaders, tests and benchmarks.
export {parseDay, formatDay, floorDay, offsetMonths, indexOnOrBefore} from "./dates.js";
export {totalReturnIndex} from "./total-return.js";
export {simpleReturns, periodReturn} from "./returns.js";
export {annualizedVolatility, TRADING_DAYS} from "./volatility.js";
export {drawdown, maxDrawdown} from "./drawdown.js";
export {drawdownPeriods, type DrawdownPeriod} from "./drawdown-periods.js";
export {calendarYearReturns, type YearReturn} from "./calendar-returns.js";
export {yearByYear, yearsBeaten, type YearRow} from "./year-by-year.js";
export {periodWindow, periodStartDate, PERIODS, PERIOD_LABELS, type Period, type PeriodWindow} from "./periods.js";
export {pricesByTicker, type TickerPrices} from "./price-panel.js";
export {scoreboard, type Scoreboard, type ScoreboardRow} from "./scoreboard.js";
export {formatNumber, formatPercent, formatPoints, formatOrdinal} from "./format.js";
export {DEFAULT_UNIVERSE, SIZE_ORDER, fundInfo, type Fund, type SizeBucket, type Style} from "./universe.js";
export {alignOnCommonDates, type DatedSeries, type AlignedSeries} from "./align.js";
export {rollingSum, rollingMean, rollingStd} from "./rolling.js";
export {rollingReturn} from "./rolling-return.js";
export {rollingSpread, rollingSpreads} from "./spread.js";
export {relativeStrength, logRelativeStrength} from "./relative-strength.js";
export {expandingPercentile, rollingPercentile, rollingZScore, expandingZScore} from "./percentile.js";
export {sma, ema, crossovers, crossoverName, type Crossover} from "./moving-average.js";
export {periodEnds, INTERVALS, type Interval} from "./period-ends.js";
export {rsRatio, rsMomentum, rotation, type Rotation, type RotationOptions} from "./rotation.js";
export {
  quadrantOf,
  quadrantRun,
  heading,
  QUADRANTS,
  type Quadrant,
  type QuadrantRun,
  type Heading
} from "./quadrant.js";
export {rotationStudy, type RotationRow} from "./rotation-study.js";
export {runningPeak, rollingMax, priorHigh, distanceFromHigh} from "./peak.js";
export {rollingVolatility, rollingCovariance, rollingCorrelation, rollingBeta} from "./rolling-stats.js";
export {positiveStreaks, longestPositiveStreak, currentPositiveStreak, type Streak} from "./streaks.js";
export {pairStudy, pairSummary, parsePairs, DEFAULT_PAIRS, type Pair, type PairStudy} from "./pair-study.js";
export {trendStudy, type TrendStudy} from "./trend-study.js";
export {
  describeFund,
  scoreboardCaption,
  trendCaption,
  spreadCaption,
  valuationCaption,
  persistenceCaption,
  persistenceShareCaption,
  currentLeadCaption,
  yearsCaption,
  monthsCaption,
  underwaterCaption,
  rollingRiskCaption,
  riskReturnCaption,
  rotationCaption,
  type LeadRule
} from "./captions.js";
export {leadershipEpisodes, episodeLabel, type Episode} from "./episodes.js";
export {independentEpisodes} from "./independent-episodes.js";
export {wilsonInterval, type ProportionInterval} from "./proportion-ci.js";
export {blockBootstrapShare, type BootstrapShare} from "./block-bootstrap.js";
export {
  forwardSpread,
  forwardSpreads,
  persistenceShare,
  rankAtAge,
  currentEpisodeRank,
  type PersistenceShare,
  type AgeRank
} from "./forward-outcomes.js";
export {compoundIndex} from "./compound.js";
export {
  pairIndexes,
  smbIndexes,
  persistenceStudy,
  type IndexPair,
  type EpisodeOutcome,
  type PersistenceStudy
} from "./persistence-study.js";
export {
  medianComparison,
  sizeMedians,
  sortBySize,
  isStale,
  STALE_DAYS,
  type FundValuation,
  type FundValuationSnapshot,
  type Multiple
} from "./fund-valuation.js";
export {neweyWest, hacMean, neweyWestLag, type HacInference, type HacOptions} from "./newey-west.js";
export {cagr, DAYS_PER_YEAR} from "./cagr.js";
export {riskFree, type RiskFree} from "./risk-free.js";
export {excessReturns} from "./excess-returns.js";
export {sharpeRatio} from "./sharpe-ratio.js";
export {sortinoRatio} from "./sortino-ratio.js";
export {calmarRatio} from "./calmar-ratio.js";
export {longestDrawdown} from "./longest-drawdown.js";
export {positiveShare} from "./positive-share.js";
export {beta, correlation, trackingError, informationRatio} from "./benchmark-stats.js";
export {upDownCapture, type Capture} from "./capture.js";
export {performanceMetrics, type PerformanceMetrics, type IndexSeries} from "./performance-metrics.js";
export {calendarMonthReturns, type MonthReturn} from "./month-returns.js";
export {periodReturns, type PeriodReturn} from "./period-returns.js";
export {rollingSharpe} from "./rolling-sharpe.js";
export {rollingRisk, ROLLING_METRICS, type RollingRisk, type RollingMetric} from "./rolling-risk.js";
export {
  LARGE,
  SMALL,
  CASH,
  RULES,
  trendPositions,
  spreadPositions,
  momentumPositions,
  hysteresis,
  rulePositions,
  type Holding,
  type Rule,
  type RuleName
} from "./switching-rules.js";
export {backtest, type BacktestRun, type Switch} from "./backtest.js";
export {rebalancedMix} from "./rebalanced-mix.js";
export {
  pairPanel,
  rateFrom,
  backtestStudy,
  backtestMetrics,
  ruleWarmup,
  type PairPanel,
  type DailyRate,
  type BacktestLine,
  type BacktestStudy,
  type BacktestRow
} from "./backtest-study.js";
export {sensitivityGrid, GRID_AXES, type GridCell, type SensitivityGrid} from "./sensitivity.js";
