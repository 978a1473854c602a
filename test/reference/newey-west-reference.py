#!/usr/bin/env python3
"""Reference values for test/lib/newey-west-test.ts and factor-models-test.ts: OLS and Newey-West (HAC) standard errors
from statsmodels 0.13, independently of the TypeScript code, on the shared real data (IJR against the Ken French daily
factor files, 2021-01-04..2025-12-31, five factor models) and on a small hand-made series.
Usage (Debian's Python, which has statsmodels): /usr/bin/python3 test/reference/newey-west-reference.py ../shared/data \
  > test/reference/newey-west-reference.json"""
import csv, json, math, sys
from pathlib import Path
import numpy as np
import statsmodels
import statsmodels.api as sm

data = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")


def french_daily(name):
    """The first table of a French daily file: {YYYYMMDD: {column: fraction}}."""
    out, columns = {}, None
    for line in open(data / "french" / name, encoding="latin-1"):
        cells = [c.strip() for c in line.strip().split(",")]
        if line.startswith(","):
            if columns is not None:
                break
            columns = cells[1:]
        elif columns is not None and len(cells[0]) == 8 and cells[0].isdigit():
            out[cells[0]] = {c: float(v) / 100 for c, v in zip(columns, cells[1:])}
        elif columns is not None and out and not cells[0]:
            break
    return out


three = french_daily("F-F_Research_Data_Factors_daily.CSV")
five = french_daily("F-F_Research_Data_5_Factors_2x3_daily.CSV")
mom = french_daily("F-F_Momentum_Factor_daily.CSV")

# Each model reads its factors from one file (the three-factor file for CAPM, FF3 and Carhart, the five-factor file for
# FF5 and FF5+Mom) plus the momentum file; the panel is the days all of them have.
MODELS = {
    "capm": (three, ["Mkt-RF"]),
    "ff3": (three, ["Mkt-RF", "SMB", "HML"]),
    "carhart": (three, ["Mkt-RF", "SMB", "HML", "Mom"]),
    "ff5": (five, ["Mkt-RF", "SMB", "HML", "RMW", "CMA"]),
    "ff5mom": (five, ["Mkt-RF", "SMB", "HML", "RMW", "CMA", "Mom"]),
}

prices = [(r["Date"].replace("-", ""), float(r["AdjClose"])) for r in csv.DictReader(open(data / "prices" / "IJR.csv"))]
FROM, TO = "20210104", "20251231"


def design(base, factors):
    days = sorted(d for d in base if "Mom" not in factors or d in mom)
    where = {d: k for k, d in enumerate(days)}
    y, X, dates = [], [], []
    for i in range(1, len(prices)):
        d, close = prices[i]
        k = where.get(d)
        # A fund return counts only when its previous close is also the panel's previous day.
        if k is None or k == 0 or days[k - 1] != prices[i - 1][0] or not (FROM <= d <= TO):
            continue
        row = {**base[d], **({"Mom": mom[d]["Mom"]} if "Mom" in factors else {})}
        y.append(close / prices[i - 1][1] - 1 - row["RF"])
        X.append([row[f] for f in factors])
        dates.append(d)
    return np.array(y), sm.add_constant(np.array(X)), dates


out = {"statsmodels": statsmodels.__version__, "fund": "IJR", "from": FROM, "to": TO, "models": {}}
for model, (base, factors) in MODELS.items():
    y, X, dates = design(base, factors)
    n = len(y)
    auto = int(math.floor(4 * (n / 100) ** (2 / 9)))
    plain = sm.OLS(y, X).fit()
    entry = {"factors": factors, "n": n, "first": dates[0], "last": dates[-1], "params": plain.params.tolist(),
             "bse": plain.bse.tolist(), "rsquared": plain.rsquared, "autoLag": auto, "hac": []}
    for lag in sorted({0, 5, auto}):
        for correction in (False, True):
            fit = sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": lag, "use_correction": correction})
            entry["hac"].append({"lag": lag, "correction": correction, "bse": fit.bse.tolist(), "tvalues": fit.tvalues.tolist()})
    out["models"][model] = entry

# The mean of a short autocorrelated series (OLS on a constant), every lag from 0 to 4, both conventions.
x = np.array([0.5, 1.5, 2.0, 1.0, -0.5, 0.25, 1.75, 2.5, 3.0, 1.25, 0.0, -1.0])
out["mean"] = {"x": x.tolist(), "mean": float(x.mean()), "bse": float(sm.OLS(x, np.ones_like(x)).fit().bse[0]), "hac": []}
for lag in range(5):
    for correction in (False, True):
        fit = sm.OLS(x, np.ones_like(x)).fit(cov_type="HAC", cov_kwds={"maxlags": lag, "use_correction": correction})
        out["mean"]["hac"].append({"lag": lag, "correction": correction, "bse": float(fit.bse[0])})
json.dump(out, sys.stdout, indent=1)
print()
