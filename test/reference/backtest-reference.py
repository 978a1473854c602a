#!/usr/bin/python3
"""Reference backtests for test/lib/backtest-reference-test.ts, written from the Backtest issue's definitions in
pandas, independently of the TypeScript code, on the shared real prices and Ken French's daily risk-free rate.
Usage: /usr/bin/python3 test/reference/backtest-reference.py ../shared/data > test/reference/backtest-reference.json
(Debian's python3 has pandas; a pyenv python3 first on PATH may not.)"""
import json, math, sys
from pathlib import Path
import pandas as pd

data = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
START, END = pd.Timestamp("2006-01-01"), pd.Timestamp("2025-12-31")


def prices(ticker):
    frame = pd.read_csv(data / "prices" / f"{ticker}.csv", parse_dates=["Date"], index_col="Date")
    return frame["AdjClose"].rename(ticker)


def risk_free(dates):
    """French's daily RF (percent) as a fraction on the funds' dates, the last published value carried forward."""
    path = data / "french" / "F-F_Research_Data_Factors_daily.CSV"
    rows = []
    for line in open(path):
        cells = [c.strip() for c in line.split(",")]
        if len(cells) == 5 and len(cells[0]) == 8 and cells[0].isdigit():
            rows.append((pd.Timestamp(cells[0]), float(cells[4]) / 100))
    rf = pd.Series(dict(rows)).sort_index()
    return rf.reindex(rf.index.union(dates)).ffill().reindex(dates)


def metrics(equity, rf, held_small=None, switches=0):
    """Total return, CAGR (365.25-day years between the first and last close), volatility and Sharpe of daily
    returns (sample deviation × √252; Sharpe on returns minus RF, QuantStats' convention), max drawdown from the
    running peak with the first close counted as a peak, switches per year, share of days in the small fund."""
    r = equity.pct_change().iloc[1:]
    excess = r - rf.loc[r.index]
    years = (equity.index[-1] - equity.index[0]).days / 365.25
    out = {
        "totalReturn": equity.iloc[-1] / equity.iloc[0] - 1,
        "cagr": (equity.iloc[-1] / equity.iloc[0]) ** (1 / years) - 1,
        "volatility": r.std(ddof=1) * math.sqrt(252),
        "sharpe": excess.mean() / excess.std(ddof=1) * math.sqrt(252),
        "maxDrawdown": (equity / equity.cummax() - 1).min(),
        "switchesPerYear": switches / years,
    }
    if held_small is not None:
        out["shareSmall"] = float(held_small.mean())
    return out


def mix(a, b, cost):
    """50/50 rebalanced at each calendar month's last close of the run (not at its last close), paying the cost on
    the value sold plus the value bought."""
    parts, values = [0.5, 0.5], [1.0]
    dates = a.index
    for k in range(1, len(a)):
        parts = [parts[0] * a.iloc[k] / a.iloc[k - 1], parts[1] * b.iloc[k] / b.iloc[k - 1]]
        level = sum(parts)
        if k < len(a) - 1 and (dates[k + 1].year, dates[k + 1].month) != (dates[k].year, dates[k].month):
            level -= cost / 10_000 * (abs(parts[0] - level / 2) + abs(parts[1] - level / 2))
            parts = [level / 2, level / 2]
        values.append(level)
    return pd.Series(values, index=dates)


def run(small, large, rule, cost=0.0):
    panel = pd.concat([prices(small), prices(large)], axis=1, join="inner").dropna()
    rf = risk_free(panel.index)
    s, l = panel[small], panel[large]
    if rule == "trend200":
        ratio = s / l
        position = (ratio > ratio.rolling(200).mean()).map({True: "small", False: "large"})
    elif rule == "momentum252":
        cash = (1 + rf).cumprod()
        rs, rl, rc = s / s.shift(252) - 1, l / l.shift(252) - 1, cash / cash.shift(252) - 1
        best = pd.concat([rs, rl], axis=1).max(axis=1, skipna=False)
        position = pd.Series("large", index=panel.index)
        position[rs > rl] = "small"
        position[best < rc] = "cash"
    daily = pd.DataFrame({"small": s.pct_change(), "large": l.pct_change(), "cash": rf})
    window = panel.index[(panel.index >= START) & (panel.index <= END)]
    i0, i1 = panel.index.get_loc(window[0]), panel.index.get_loc(window[-1])
    held = position.shift(1).iloc[i0 + 1 : i1 + 1]
    ret = pd.Series([daily.at[d, h] for d, h in held.items()], index=held.index)
    # A switch at close t (between the run's first and last closes) trades the sale and the purchase of the
    # equity (one leg when cash is one side), cost in basis points of that value.
    change = position.iloc[i0 + 1 : i1] != position.shift(1).iloc[i0 + 1 : i1]
    switches = [(d.strftime("%Y-%m-%d"), position.shift(1)[d], position[d]) for d in change[change].index]
    legs = pd.Series(0.0, index=held.index)
    for d, a, b in switches:
        legs[pd.Timestamp(d)] = (a != "cash") + (b != "cash")
    factor = (1 + ret) * (1 - cost / 10_000 * legs)
    equity = pd.concat([pd.Series([1.0], index=[window[0]]), factor.cumprod()])
    fund = lambda x: x.loc[window[0] : window[-1]] / x.loc[window[0]]
    return {
        "start": window[0].strftime("%Y-%m-%d"),
        "end": window[-1].strftime("%Y-%m-%d"),
        "switches": [list(x) for x in switches],
        "lines": {
            "Strategy": metrics(equity, rf, held == "small", len(switches)),
            small: metrics(fund(s), rf),
            large: metrics(fund(l), rf),
            "50/50": metrics(mix(fund(s), fund(l), cost), rf),
        },
    }


out = {
    "IJR/SPY trend200 cost0": run("IJR", "SPY", "trend200"),
    "IJR/SPY trend200 cost10": run("IJR", "SPY", "trend200", cost=10),
    "IWM/IWB momentum252 cost5": run("IWM", "IWB", "momentum252", cost=5),
}
json.dump(out, sys.stdout, indent=1)
print()
