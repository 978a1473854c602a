#!/usr/bin/python3
"""Reference values for test/lib/rotation-test.ts and test/browser/rotation-test.ts, computed independently of the
TypeScript code with pandas, from the definitions stated on the Rotation page, on the shared real prices.
Usage: /usr/bin/python3 test/reference/rotation-reference.py ../shared/data/prices > test/reference/rotation-reference.json"""
import json, sys
from pathlib import Path
import pandas as pd

folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/prices")
QUADRANT = {(True, True): "Leading", (True, False): "Weakening", (False, False): "Lagging", (False, True): "Improving"}


def adjusted(ticker):
    return pd.read_csv(folder / f"{ticker}.csv", parse_dates=["Date"], index_col="Date")["AdjClose"]


def case(tickers, benchmark, as_of, interval, ratio_window, momentum_window, points=12):
    out = {}
    for t in tickers:
        both = pd.concat([adjusted(t), adjusted(benchmark)], axis=1, keys=["fund", "bench"]).dropna()
        both = both[both.index <= as_of]
        if interval == "weekly":
            # The last close of each week, Sunday to Saturday; the as-of close ends the week under way.
            both = both.groupby(both.index.to_period("W-SAT")).tail(1)
        rs = both.fund / both.bench
        ratio = 100 + (rs - rs.rolling(ratio_window).mean()) / rs.rolling(ratio_window).std()
        momentum = 100 + (ratio - ratio.rolling(momentum_window).mean()) / ratio.rolling(momentum_window).std()
        quadrants = [QUADRANT[(r >= 100, m >= 100)] if pd.notna(r) and pd.notna(m) else None for r, m in zip(ratio, momentum)]
        run = 0
        while run + 1 < len(quadrants) and quadrants[-2 - run] == quadrants[-1]:
            run += 1
        out[t] = {
            "dates": [d.strftime("%Y-%m-%d") for d in ratio.index[-points:]],
            "ratio": ratio.iloc[-points:].tolist(),
            "momentum": momentum.iloc[-points:].tolist(),
            "quadrant": quadrants[-1],
            "periods": run,
            "entered": ratio.index[-1 - run].strftime("%Y-%m-%d"),
        }
    return {"tickers": tickers, "benchmark": benchmark, "asOf": as_of, "interval": interval,
            "ratioWindow": ratio_window, "momentumWindow": momentum_window, "funds": out}


cases = [
    case(["IJR", "IJH", "IWM", "IVE", "IVW"], "SPY", "2026-02-03", "weekly", 26, 13),
    case(["IJR", "IJH", "IWM", "IVE", "IVW"], "SPY", "2026-02-03", "daily", 26, 13),
    case(["IJR", "IWM", "QQQ"], "IVV", "2020-03-20", "weekly", 10, 5),
    case(["IWM", "VBR"], "IWB", "2025-11-28", "daily", 63, 21),
]
json.dump(cases, sys.stdout, indent=1)
print()
