#!/usr/bin/env python3
"""Reference values for test/lib/calendar-returns-test.ts and drawdown-periods-test.ts, computed independently of
the TypeScript code (plain Python, from the definitions in the Returns issue) on the shared real prices.
Usage: python3 test/reference/returns-reference.py ../shared/data/prices > test/reference/returns-reference.json"""
import csv, json, sys
from pathlib import Path

folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/prices")
out = {}
for ticker in ["IJR", "IWM", "IVV", "SPY"]:
    rows = [(r["Date"], float(r["AdjClose"])) for r in csv.DictReader(open(folder / f"{ticker}.csv"))]
    # Calendar years 2006-2025: from the last close of Y-1 to the last close of Y.
    last_close = {}
    for date, close in rows:
        last_close[int(date[:4])] = (date, close)
    years = {str(y): last_close[y][1] / last_close[y - 1][1] - 1 for y in range(2006, 2026)}
    # Drawdown periods: peak (running max, base included), trough, first close back at or above the peak.
    periods, peak, trough = [], 0, None
    for i, (date, close) in enumerate(rows):
        if close >= rows[peak][1]:
            if trough is not None:
                periods.append((rows[peak][0], rows[trough][0], date, rows[trough][1] / rows[peak][1] - 1, trough - peak, i - trough))
            peak, trough = i, None
        elif trough is None or close < rows[trough][1]:
            trough = i
    if trough is not None:
        periods.append((rows[peak][0], rows[trough][0], None, rows[trough][1] / rows[peak][1] - 1, trough - peak, None))
    periods.sort(key=lambda p: p[3])
    keys = ["peak", "trough", "recovery", "depth", "daysToTrough", "daysToRecover"]
    out[ticker] = {"years": years, "drawdowns": [dict(zip(keys, p)) for p in periods[:5]]}
json.dump(out, sys.stdout, indent=1)
print()
