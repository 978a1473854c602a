#!/usr/bin/env python3
"""Reference values for test/lib/regime-study-test.ts: the Regimes table (mean, plain t and Newey-West t of the
forward small-minus-big return after each kind of month) computed independently of the TypeScript code with pandas
and statsmodels, from the shared FRED and French files, plus a hand-made case.
Usage: /usr/bin/python3 test/reference/regimes-reference.py ../shared/data > test/reference/regimes-reference.json
(Debian's python3: numpy, pandas 1.5, statsmodels 0.13.)

The study as the page runs it: months classified by fed funds (FEDFUNDS, else the month's mean of DFF) below its
value 6 months earlier, the 10-year yield (DGS10, the month's last value) below its value 6 months earlier, and
year-on-year industrial production growth (INDPRO lagged one month) above its value 6 months earlier; a month still
running (daily data short of its last trading day) is dropped. SMB is French's monthly factor. The Newey-West t of a
row's mean is statsmodels' OLS of y on the row's indicator D over consecutive calendar months (y = 0 outside the
row), HAC with maxlags = horizon - 1 and statsmodels' default (no small-sample correction)."""
import datetime as dt
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import statsmodels.api as sm

folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")


def fred(name):
    s = pd.read_csv(folder / "fred" / f"{name}.csv", na_values=["", "."], parse_dates=["observation_date"])
    return s.set_index("observation_date")[name].dropna()


def last_trading_day(period):
    """The last weekday of the month that is not Good Friday or Memorial Day."""
    y = period.year
    a, b, c = y % 19, y // 100, y % 100
    f, g = (b + 8) // 25, (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - b // 4 - g + 15) % 30
    l = (32 + 2 * (b % 4) + 2 * (c // 4) - h - (c % 4)) % 7
    m = (a + 11 * h + 22 * l) // 451
    easter = dt.date(y, (h + l - 7 * m + 114) // 31, (h + l - 7 * m + 114) % 31 + 1)
    may31 = dt.date(y, 5, 31)
    holidays = {easter - dt.timedelta(days=2), may31 - dt.timedelta(days=may31.weekday())}
    day = period.to_timestamp(how="end").date()
    while day.weekday() >= 5 or day in holidays:
        day -= dt.timedelta(days=1)
    return day


def monthly(series, how):
    """Daily series to calendar months, the running month (data short of its last trading day) dropped."""
    grouped = series.groupby(series.index.to_period("M"))
    out = grouped.mean() if how == "mean" else grouped.last()
    if series.index[-1].date() < last_trading_day(out.index[-1]):
        out = out.iloc[:-1]
    return out


def by_month(series):
    return pd.Series(series.values, index=series.index.to_period("M"))


fedfunds = by_month(fred("FEDFUNDS"))
dff = monthly(fred("DFF"), "mean")
dgs10 = monthly(fred("DGS10"), "last")
indpro = by_month(fred("INDPRO"))
months = pd.period_range(
    min(s.index[0] for s in [fedfunds, dff, dgs10, indpro]), max(s.index[-1] for s in [fedfunds, dff, dgs10, indpro]), freq="M"
)
fed = fedfunds.reindex(months).fillna(dff.reindex(months))
y10 = dgs10.reindex(months)
ip = indpro.reindex(months).shift(1)
yoy = ip / ip.shift(12) - 1


def flag(now, then, test):
    out = pd.Series(np.where(test(now, then), 1.0, 0.0), index=now.index)
    return out.where(now.notna() & then.notna())


easing = flag(fed, fed.shift(6), lambda a, b: a < b)
yield_falling = flag(y10, y10.shift(6), lambda a, b: a < b)
growth = flag(yoy, yoy.shift(6), lambda a, b: a > b)

# French's monthly SMB (percent), the monthly section only (six-digit dates).
rows = []
for line in (folder / "french" / "F-F_Research_Data_Factors.CSV").read_text().splitlines():
    cells = [c.strip() for c in line.split(",")]
    if len(cells) == 5 and len(cells[0]) == 6 and cells[0].isdigit():
        rows.append((pd.Period(f"{cells[0][:4]}-{cells[0][4:]}", freq="M"), float(cells[2]) / 100))
smb = pd.Series(dict(rows)).reindex(months)

conditions = [{}]
for name in ["easing", "yieldFalling", "growthAccelerating"]:
    conditions += [{name: True}, {name: False}]
for e in [True, False]:
    for y in [True, False]:
        for g in [True, False]:
            conditions.append({"easing": e, "yieldFalling": y, "growthAccelerating": g})
flags = {"easing": easing, "yieldFalling": yield_falling, "growthAccelerating": growth}


def hac_t(y, d, lag):
    """t of the mean of y over the months where d is 1, Newey-West over consecutive calendar months."""
    fit = sm.OLS(np.where(d, y, 0.0), d.astype(float)).fit(cov_type="HAC", cov_kwds={"maxlags": lag})
    return float(fit.tvalues[0]), float(fit.params[0])


def table(horizon, nonoverlapping):
    growth_factor = (1 + smb).rolling(horizon).apply(np.prod, raw=True).shift(-horizon)
    forward = growth_factor - 1
    if nonoverlapping:
        # Every horizon-th month: quarter, half-year or year ends, so no two forward windows share a month.
        keys = np.array([p.year * 12 + p.month - 1 for p in months])
        forward = forward.where(keys % horizon == horizon - 1)
    keep = forward.notna() & easing.notna() & yield_falling.notna() & growth.notna()
    span = keep[keep].index
    inside = (months >= span[0]) & (months <= span[-1])
    out = []
    for c in conditions:
        d = keep.copy()
        for name, value in c.items():
            d &= flags[name] == (1.0 if value else 0.0)
        sample = forward[d]
        n = len(sample)
        mean = float(sample.mean())
        sd = float(sample.std(ddof=1))
        t_hac, mean_ols = hac_t(forward[inside].fillna(0).values, d[inside].values, horizon - 1) if n > 1 else (None, None)
        assert n < 2 or abs(mean_ols - mean) < 1e-12
        out.append(
            {
                "easing": c.get("easing"),
                "yieldFalling": c.get("yieldFalling"),
                "growthAccelerating": c.get("growthAccelerating"),
                "count": n,
                "mean": mean,
                "tPlain": mean / (sd / np.sqrt(n)) if n > 1 else None,
                "tHac": t_hac,
            }
        )
    return out


# A hand-made case: 40 months of an AR(1)-like series, a row holding 25 of them, lag 2.
y = np.array([0.03 * np.sin(i / 2.5) + 0.01 * ((i * 7) % 5 - 2) + 0.004 for i in range(40)])
d = np.array([(i * 3) % 8 < 5 for i in range(40)])
hand_t, hand_mean = hac_t(y, d, 2)

json.dump(
    {
        "firstMonth": str(months[0]),
        "lastMonth": str(months[-1]),
        "handMade": {"y": y.tolist(), "inRow": d.tolist(), "lag": 2, "mean": hand_mean, "tHac": hand_t},
        "tables": {
            str(h): {"overlapping": table(h, False), "nonoverlapping": table(h, True)} for h in [3, 6, 12]
        },
    },
    sys.stdout,
    indent=1,
)
print()
