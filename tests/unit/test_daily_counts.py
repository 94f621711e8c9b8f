"""core.cases.daily_counts: the dock's per (grid, local day, class, source) pre-aggregate."""

import datetime as dt

import numpy as np

from grid_plugin.core.cases.daily_counts import DailyCaseCounts

GRIDS = ["G1", "G2", "G3"]
HOURLY = [  # (grid, UTC hour, class, source, count)
    ("G1", "2025-03-01T15", "09011", "12345热线", 2),  # 23:00 in Beijing: 1 March
    ("G1", "2025-03-01T16", "09011", "12345热线", 3),  # 00:00 in Beijing: 2 March
    ("G1", "2025-03-01T20", "09011", "12345热线", 1),  # 04:00 in Beijing: 2 March, same row as above
    ("G2", "2025-03-01T02", "06016", "监督员上报", 4),
    ("G3", "2025-03-09T02", None, None, 5),  # a gap of days, no class, no source
    ("G9", "2025-03-01T02", "06016", "监督员上报", 7),  # a grid not shown: left out
]


def test_hours_become_local_days_and_merge():
    daily = DailyCaseCounts.from_hourly(GRIDS, HOURLY, "Asia/Shanghai")
    assert daily.first_day == dt.date(2025, 3, 1)
    assert daily.day_count == 9 and daily.total == 15
    assert len(daily.count) == 4  # two hours of 2 March in G1 are one row
    assert list(daily.day) == sorted(daily.day)
    assert daily.counts(0, 0).tolist() == [2, 4, 0]
    assert daily.counts(1, 1).tolist() == [4, 0, 0]
    assert daily.counts(8, 8).tolist() == [0, 0, 5]
    assert daily.counts().tolist() == [6, 4, 5]
    assert daily.class_codes == ["", "06016", "09011"] and daily.sources == ["", "12345热线", "监督员上报"]


def test_filters_by_class_and_source_none_means_all_and_empty_means_none():
    daily = DailyCaseCounts.from_hourly(GRIDS, HOURLY, "Asia/Shanghai")
    assert daily.counts(class_codes=["09011"]).tolist() == [6, 0, 0]
    assert daily.counts(class_codes=[""]).tolist() == [0, 0, 5]
    assert daily.counts(sources=["监督员上报", "12345热线"]).tolist() == [6, 4, 0]
    assert daily.counts(class_codes=[]).tolist() == [0, 0, 0]
    assert daily.counts(0, 1, ["09011", "06016"], ["12345热线"]).tolist() == [6, 0, 0]


def test_the_zone_decides_the_day():
    utc = DailyCaseCounts.from_hourly(GRIDS, HOURLY, "UTC")
    assert utc.counts(0, 0).tolist() == [6, 4, 0]  # all three G1 hours are 1 March in UTC
    # a zone with summer time: 2025-03-30T22 UTC is 00:00 on 31 March in Berlin (UTC+2), not 30 March
    berlin = DailyCaseCounts.from_hourly(["G1"], [("G1", "2025-03-29T23", "a", "s", 1),
                                                  ("G1", "2025-03-30T22", "a", "s", 1)], "Europe/Berlin")
    assert berlin.first_day == dt.date(2025, 3, 30) and berlin.counts(1, 1).tolist() == [1]


def test_no_cases():
    daily = DailyCaseCounts.from_hourly(GRIDS, [], "Asia/Shanghai")
    assert daily.day_count == 0 and daily.total == 0
    assert np.array_equal(daily.counts(), np.zeros(3, dtype=np.int64))
