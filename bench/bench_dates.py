"""Benchmark: reading a million US-format case times ('01/13/2015 12:20:09 PM', as a 311 export
writes them) into the store's UTC text.

    .venv/bin/python bench/bench_dates.py [--rows 1000000] [--repo PATH]

`--repo` points at another checkout (e.g. a worktree of an older commit) to time its code on the
same values. What runs (the column parser of importcases, core only, no QGIS):

- with core.cases.time_formats (DATE_FORMAT): TimeColumns with auto (survey of the day/month order, then
  the parse) and with the US preset, in America/New_York;
- the ISO column of the same times ('2015-01-13 12:20:09'), for comparison: the existing fast path;
- without it (older code): core.cases.times.parse_time_column, which reads no US time: every value
  takes the per-value path and is rejected.

Values: times every 31.5 s from 2015-01-01 00:00:00 (a year at 1 M), month and day zero-padded,
12-hour clock with AM/PM, one value in 50 without seconds and one in 40 empty. Deterministic.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def us_values(rows: int) -> tuple[list[str], list[str]]:
    import datetime as dt

    start = dt.datetime(2015, 1, 1)
    us, iso = [], []
    for k in range(rows):
        moment = start + dt.timedelta(seconds=31.5 * k)
        if k % 40 == 39:
            us.append("")
            iso.append("")
            continue
        text = moment.strftime("%m/%d/%Y %I:%M %p" if k % 50 == 0 else "%m/%d/%Y %I:%M:%S %p")
        us.append(text)
        iso.append(moment.strftime("%Y-%m-%d %H:%M:%S"))
    return us, iso


def timed(label: str, call) -> object:
    began = time.perf_counter()
    result = call()
    print(f"{label:<58} {time.perf_counter() - began:7.2f} s", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args()
    sys.path.insert(0, str(args.repo))
    import numpy as np

    from grid_plugin.core.cases.times import TimeWindow, parse_time_column, time_zone

    zone = time_zone("America/New_York")
    us, iso = us_values(args.rows)
    rows = np.arange(1, args.rows + 1)
    print(f"{args.rows:,} values, code at {args.repo}")
    timed("ISO column, parse_time_column", lambda: parse_time_column(iso, zone, TimeWindow()))
    try:
        from grid_plugin.core.cases.time_formats import AUTO, TimeColumns, date_format
    except ImportError:
        _, bad = timed("US column, parse_time_column (no DATE_FORMAT)",
                       lambda: parse_time_column(us, zone, TimeWindow()))
        print(f"  rejected: {len(bad):,}")
        return
    for label, chosen in (("auto", AUTO), ("US", date_format("us"))):
        columns = TimeColumns(chosen, zone, TimeWindow())
        out, problems = timed(f"US column, DATE_FORMAT={label} (survey + parse)",
                              lambda columns=columns: (columns.survey([("reported_at", us, rows)]),
                                                       columns.parse("reported_at", us, rows))[1])
        print(f"  read: {sum(1 for t in out if t):,}, rejected: {len(problems):,}, order: {columns.order}")
    columns = TimeColumns(AUTO, zone, TimeWindow())
    timed("ISO column, DATE_FORMAT=auto (survey + parse)",
          lambda: (columns.survey([("reported_at", iso, rows)]), columns.parse("reported_at", iso, rows)))


if __name__ == "__main__":
    main()
