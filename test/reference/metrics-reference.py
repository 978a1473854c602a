#!/usr/bin/env python3
"""Reference values for test/lib/performance-metrics-test.ts and month-returns-test.ts: the Returns page's metrics table written out in pandas
from the definitions in the Returns issue (QuantStats' formulas: Sharpe, Sortino's downside deviation over every day,
empyrical's capture), independently of the TypeScript code, on the shared real prices and French's daily RF.
Usage: /usr/bin/python3 test/reference/metrics-reference.py ../shared/data > test/reference/metrics-reference.json"""
import json, sys
from pathlib import Path
import numpy as np
import pandas as pd

data = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
TICKERS = ["IJR", "IJH", "IWM", "IVE", "IVV", "IVW", "IWB", "SPY"]
BENCHMARK = "SPY"
RANGES = [("2005-12-31", "2025-12-31"), ("2019-06-15", "2026-05-01")]


def prices(ticker):
    df = pd.read_csv(data / "prices" / f"{ticker}.csv", parse_dates=["Date"], index_col="Date")
    return df["AdjClose"][df["AdjClose"] > 0]


def french_rf():
    # The daily file: a text preamble, then "date,Mkt-RF,SMB,HML,RF" rows in percent, then a copyright line.
    lines = (data / "french" / "F-F_Research_Data_Factors_daily.CSV").read_text().splitlines()
    rows = [l.split(",") for l in lines if l[:8].strip().isdigit() and len(l.split(",")) == 5]
    return pd.Series([float(r[4]) / 100 for r in rows], index=pd.to_datetime([r[0].strip() for r in rows], format="%Y%m%d"))


def cut(px, start, end):
    base = px.index[px.index <= start]
    first = base[-1] if len(base) else px.index[0]
    return px[(px.index >= first) & (px.index <= end)]


def whole_years(px, full):
    # A year counts when both its start close and its end close are the true last closes of their years.
    year_end = full.groupby(full.index.year).apply(lambda s: s.index[-1])
    ye = px.groupby(px.index.year).apply(lambda s: (s.index[-1], s.iloc[-1]))
    out = {}
    for y in ye.index[1:]:
        (d0, v0), (d1, v1) = ye[y - 1], ye[y]
        if d0 == year_end[y - 1] and d1 == year_end[y] and d1.month == 12 and d1.day >= 28:
            out[y] = v1 / v0 - 1
    return pd.Series(out, dtype=float)


def whole_months(px):
    m = px.resample("M").last().pct_change()
    # The last month counts only when the range reaches its last business day.
    if px.index[-1] < px.index[-1] + pd.offsets.BMonthEnd(0):
        m = m.iloc[:-1]
    return m.dropna()


def longest_drawdown(px):
    at_peak = px >= px.cummax()
    peak_date = pd.Series(px.index, index=px.index).where(at_peak).ffill()
    days = pd.Series(px.index, index=px.index)
    underwater = (days - peak_date)[~at_peak]
    recovered = (days - peak_date.shift(1))[at_peak & ~at_peak.shift(1, fill_value=True)]
    spans = pd.concat([underwater, recovered])
    return int(spans.max().days) if len(spans) else 0


def capture(f, b, up):
    sel = b > 0 if up else b < 0
    n = int(sel.sum())
    ann = lambda r: (1 + r[sel]).prod() ** (12 / n) - 1
    return ann(f) / ann(b)


rf_all = french_rf()
full = {t: prices(t) for t in TICKERS}
out = {"benchmark": BENCHMARK, "riskFreeLastDay": str(rf_all.index[-1].date()), "ranges": []}
for start, end in RANGES:
    bench = cut(full[BENCHMARK], start, end)
    bret = bench.pct_change().dropna()
    bmon = whole_months(bench)
    metrics = {}
    for t in TICKERS:
        px = cut(full[t], start, end)
        ret = px.pct_change().dropna()
        days = (px.index[-1] - px.index[0]).days
        cagr = (px.iloc[-1] / px.iloc[0]) ** (365.25 / days) - 1
        rf = rf_all.reindex(rf_all.index.union(ret.index)).ffill().reindex(ret.index)
        excess = ret - rf
        dd = (px / px.cummax() - 1).min()
        years = whole_years(px, full[t])
        months = whole_months(px)
        b, m = bret.reindex(ret.index), bmon.reindex(months.index)
        active = ret - b
        te = active.std() * np.sqrt(252)
        metrics[t] = {
            "start": str(px.index[0].date()),
            "end": str(px.index[-1].date()),
            "totalReturn": px.iloc[-1] / px.iloc[0] - 1,
            "cagr": cagr,
            "volatility": ret.std() * np.sqrt(252),
            "sharpe": excess.mean() / excess.std() * np.sqrt(252),
            "sortino": excess.mean() / np.sqrt((excess[excess < 0] ** 2).sum() / len(excess)) * np.sqrt(252),
            "calmar": cagr / abs(dd),
            "maxDrawdown": dd,
            "longestDrawdown": longest_drawdown(px),
            "bestYear": years.max() if len(years) else None,
            "worstYear": years.min() if len(years) else None,
            "positiveMonths": (months > 0).mean(),
            "beta": ret.cov(b) / b.var(),
            "correlation": ret.corr(b),
            "trackingError": te,
            "informationRatio": active.mean() * 252 / te if te > 0 else None,
            "upCapture": capture(months, m, True),
            "downCapture": capture(months, m, False),
            "riskFreeCarried": int((ret.index > rf_all.index[-1]).sum()),
        }
    # Calendar months of IJR, partial ones included: month-end closes, the first month from the base.
    px = cut(full["IJR"], start, end)
    ends = px.resample("M").last()
    months = ends / ends.shift(1, fill_value=px.iloc[0]) - 1
    # A base that is its month's last close in the range starts no month of its own.
    if (px.index.to_period("M") == px.index[0].to_period("M")).sum() == 1:
        months = months.iloc[1:]
    ijr_months = {d.strftime("%Y-%m"): v for d, v in months.items()}
    out["ranges"].append({"from": start, "to": end, "metrics": metrics, "ijrMonths": ijr_months})
json.dump(out, sys.stdout, indent=1)
print()
