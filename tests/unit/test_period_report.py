"""Period keys in local time and the top-N report of grids and case classes."""

import csv
import random
from collections import Counter
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from grid_plugin.core.cases.period_report import (
    CSV_COLUMNS,
    period_key,
    previous_period,
    report_html,
    top_n_report,
    write_csv,
    write_html,
)
from grid_plugin.core.errors import Cancelled, GridInputError
from grid_plugin.core.progress import Progress

# --- period keys ----------------------------------------------------------------------------


def test_end_of_january_utc_is_february_in_shanghai():
    assert period_key(["2025-01-31T17:00:00Z"], "month") == ["2025-02"]
    assert period_key(["2025-01-31T17:00:00Z"], "month", tz="UTC") == ["2025-01"]
    assert period_key(["2025-01-31T15:59:59Z"], "month") == ["2025-01"]
    assert period_key(["2025-01-31T16:00:00Z"], "month") == ["2025-02"]


@pytest.mark.parametrize(("period", "shanghai", "utc"), [
    ("day", "2025-01-01", "2024-12-31"),
    ("week", "2025-W01", "2025-W01"),  # Tuesday 31 December 2024 lies in ISO week 1 of 2025
    ("month", "2025-01", "2024-12"),
    ("quarter", "2025-Q1", "2024-Q4"),
    ("year", "2025", "2024"),
])
def test_keys_across_the_year_boundary(period, shanghai, utc):
    time = "2024-12-31T16:30:00Z"  # 00:30 on 1 January 2025 in Shanghai
    assert period_key([time], period) == [shanghai]
    assert period_key([time], period, tz="UTC") == [utc]


def test_iso_weeks_at_year_ends():
    times = ["2026-12-31T12:00:00Z", "2027-01-01T03:00:00Z", "2027-01-03T12:00:00Z", "2027-01-04T01:00:00Z",
             "2025-12-28T12:00:00Z", "2025-12-29T01:00:00Z"]
    assert period_key(times, "week", tz="UTC") == [
        "2026-W53", "2026-W53", "2026-W53", "2027-W01", "2025-W52", "2026-W01",
    ]


def test_quarters_and_months_of_a_year():
    times = [f"2025-{month:02d}-15T00:00:00Z" for month in range(1, 13)]
    assert period_key(times, "quarter") == [f"2025-Q{(m - 1) // 3 + 1}" for m in range(1, 13)]
    assert period_key(times, "month") == [f"2025-{m:02d}" for m in range(1, 13)]


def test_other_time_forms():
    same_instant = [
        "2025-01-31T17:00:00Z", "2025-01-31T17:00:00+00:00", "2025-01-31 17:00:00", "2025-01-31T17:00Z",
        "2025-01-31T17:00:00.123Z", "2025-02-01T01:00:00+08:00", "2025-01-31T12:00:00-05:00",
        datetime(2025, 1, 31, 17, tzinfo=timezone.utc),
    ]
    assert period_key(same_instant, "month") == ["2025-02"] * len(same_instant)
    assert period_key(same_instant, "month", tz="UTC") == ["2025-01"] * len(same_instant)


def test_half_hour_zones_are_not_cached_per_hour():
    times = ["2025-01-31T18:29:59Z", "2025-01-31T18:30:00Z"]
    assert period_key(times, "month", tz="Asia/Kolkata") == ["2025-01", "2025-02"]
    assert period_key(times, "month", tz="+05:30") == ["2025-01", "2025-02"]


def test_daylight_saving_change_inside_an_hour():
    # Lord Howe Island moves by 30 minutes; 2025-04-06 02:00 local (UTC+11) becomes 01:30 (UTC+10:30).
    assert period_key(["2025-04-05T12:59:00Z", "2025-04-05T13:29:00Z"], "day", tz="Australia/Lord_Howe") == [
        "2025-04-05", "2025-04-06",
    ]


@pytest.mark.parametrize("tz", ["Asia/Shanghai", "Asia/Kolkata", "America/New_York", "UTC"])
def test_cached_keys_equal_one_conversion_per_time(tz):
    rng = random.Random(7)
    start = datetime(2023, 12, 20, tzinfo=timezone.utc)
    moments = [start + timedelta(seconds=rng.randrange(0, 3 * 365 * 86400)) for _ in range(3000)]
    moments += [datetime(2024, 12, 31, 15, 59, 59, tzinfo=timezone.utc),
                datetime(2025, 3, 9, 6, 59, tzinfo=timezone.utc)]  # a minute before New York's DST change
    times = [m.strftime("%Y-%m-%dT%H:%M:%SZ") for m in moments]
    zone = ZoneInfo(tz)
    local = [m.astimezone(zone) for m in moments]
    expected = {
        "day": [d.strftime("%Y-%m-%d") for d in local],
        "week": [f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}" for d in local],
        "month": [d.strftime("%Y-%m") for d in local],
        "quarter": [f"{d.year}-Q{(d.month + 2) // 3}" for d in local],
        "year": [str(d.year) for d in local],
    }
    for period, keys in expected.items():
        assert period_key(times, period, tz=tz) == keys, period


def test_bad_times_zones_and_periods_are_reported():
    with pytest.raises(GridInputError, match="ISO 8601") as info:
        period_key(["2025-03-01T04:00:00Z", "yesterday"], "month")
    assert info.value.feature_ids == (1,)
    with pytest.raises(GridInputError, match="ISO 8601"):
        period_key(["2025-13-01T04:00:00Z"], "month")
    with pytest.raises(GridInputError, match="ISO 8601"):
        period_key(["2025-02-30T04:00:00Z"], "day")
    with pytest.raises(GridInputError, match="Time zone"):
        period_key(["2025-03-01T04:00:00Z"], "month", tz="Mars/Olympus")
    with pytest.raises(GridInputError, match="period must be"):
        period_key(["2025-03-01T04:00:00Z"], "fortnight")


def test_period_key_reports_progress_and_can_be_cancelled():
    reported = []
    assert period_key(iter(["2025-03-01T04:00:00Z"]), "day", progress=Progress(report=reported.append)) == [
        "2025-03-01"]
    assert reported[-1] == 100.0
    with pytest.raises(Cancelled):
        period_key(["2025-03-01T04:00:00Z"], "day", progress=Progress(is_cancelled=lambda: True))


@pytest.mark.parametrize(("key", "before"), [
    ("2025-03-01", "2025-02-28"), ("2024-03-01", "2024-02-29"), ("2025-01-01", "2024-12-31"),
    ("2025-W02", "2025-W01"), ("2026-W01", "2025-W52"), ("2027-W01", "2026-W53"),
    ("2025-03", "2025-02"), ("2025-01", "2024-12"), ("2025-Q2", "2025-Q1"), ("2025-Q1", "2024-Q4"),
    ("2025", "2024"), ("spring", None), ("2025-W60", None),
])
def test_previous_period(key, before):
    assert previous_period(key) == before


# --- report ---------------------------------------------------------------------------------


def cases(*groups):
    """(period, grid, class, how many) → per-case lists."""
    periods, grids, classes = [], [], []
    for period, grid, klass, count in groups:
        periods += [period] * count
        grids += [grid] * count
        classes += [klass] * count
    return periods, grids, classes


def test_hand_example_of_changes():
    periods, grids, classes = cases(
        ("2025-01", "G1", "01001", 3), ("2025-01", "G2", "01002", 2), ("2025-01", "G3", "01001", 1),
        ("2025-02", "G1", "01002", 1), ("2025-02", "G2", "01002", 4), ("2025-02", "G4", "01001", 2),
    )
    report = top_n_report(periods, grids, classes, n=2, grid_names={"G2": "东风社区2号"})
    assert report.periods == ("2025-01", "2025-02")
    assert report.totals == {"2025-01": 6, "2025-02": 7}
    assert report.previous == {"2025-01": None, "2025-02": "2025-01"}
    grid_rows = [(r.rank, r.code, r.name, r.count, r.previous_count, r.change, r.change_percent)
                 for r in report.table("2025-02", "grid")]
    assert grid_rows == [(1, "G2", "东风社区2号", 4, 2, 2, 100.0), (2, "G4", "", 2, 0, 2, None)]
    january = report.table("2025-01", "grid")
    assert [(r.code, r.count, r.previous_count, r.change, r.change_percent) for r in january] == [
        ("G1", 3, None, None, None), ("G2", 2, None, None, None)]
    class_rows = [(r.code, r.count, r.previous_count, r.change, r.change_percent)
                  for r in report.table("2025-02", "class")]
    # 01002: 2 → 5 (+150 %); 01001: 4 → 2 (−50 %)
    assert class_rows == [("01002", 5, 2, 3, 150.0), ("01001", 2, 4, -2, -50.0)]
    assert report.table("2025-02", "class")[0].share == pytest.approx(5 / 7)


def test_ties_are_broken_by_code():
    periods, grids, classes = cases(("2025-03", "G9", "02", 2), ("2025-03", "G10", "01", 2),
                                    ("2025-03", "G2", "03", 2), ("2025-03", "G1", "01", 1))
    report = top_n_report(periods, grids, classes, n=3)
    assert [r.code for r in report.table("2025-03", "grid")] == ["G10", "G2", "G9"]
    assert [r.rank for r in report.table("2025-03", "grid")] == [1, 2, 3]
    shuffled = list(zip(periods, grids, classes))
    random.Random(1).shuffle(shuffled)
    again = top_n_report(*map(list, zip(*shuffled)), n=3)
    assert again.rows == report.rows


def test_counts_are_conserved_in_full_rankings():
    rng = random.Random(3)
    size = 5000
    periods = [f"2025-{rng.randint(1, 6):02d}" for _ in range(size)]
    grids = [f"G{rng.randint(1, 80)}" if rng.random() > 0.02 else None for _ in range(size)]
    classes = [f"{rng.randint(1, 30):05d}" for _ in range(size)]
    report = top_n_report(periods, grids, classes, n=None)
    assert sum(report.totals.values()) == size
    for period in report.periods:
        for dimension in ("grid", "class"):
            rows = report.table(period, dimension)
            assert sum(r.count for r in rows) == report.totals[period] == periods.count(period)
            assert sum(r.share for r in rows) == pytest.approx(1.0)
            assert [r.rank for r in rows] == list(range(1, len(rows) + 1))
            assert [(-r.count, r.code) for r in rows] == sorted((-r.count, r.code) for r in rows)
    truth = Counter(zip(periods, ["" if g is None else g for g in grids]))
    for row in report.rows:
        if row.dimension == "grid":
            assert row.count == truth[(row.period, row.code)]
            if row.previous_count is not None:
                assert row.previous_count == truth[(report.previous[row.period], row.code)]
    assert any(r.code == "" for r in report.rows)  # cases without a grid are ranked, not dropped
    top = top_n_report(periods, grids, classes, n=5)
    assert all(len(top.table(p, d)) == 5 for p in top.periods for d in ("grid", "class"))


def test_periods_are_sorted_and_a_month_without_cases_counts_as_zero():
    periods, grids, classes = cases(("2025-03", "G1", "01", 2), ("2024-12", "G1", "01", 5),
                                    ("2025-01", "G1", "01", 4))
    report = top_n_report(periods, grids, classes)
    assert report.periods == ("2024-12", "2025-01", "2025-03")
    assert report.previous == {"2024-12": None, "2025-01": "2024-12", "2025-03": "2025-02"}
    march = report.table("2025-03", "grid")[0]
    assert (march.previous_count, march.change, march.change_percent) == (0, 2, None)
    january = report.table("2025-01", "grid")[0]
    assert (january.previous_count, january.change, january.change_percent) == (5, -1, -20.0)


def test_week_keys_compare_across_the_year():
    periods, grids, classes = cases(("2024-W52", "G1", "01", 2), ("2025-W01", "G1", "01", 3))
    report = top_n_report(periods, grids, classes)
    assert report.previous["2025-W01"] == "2024-W52"
    assert report.table("2025-W01", "grid")[0].change == 1


def test_keys_of_another_form_compare_with_the_key_before():
    periods, grids, classes = cases(("P1", "G1", "01", 2), ("P2", "G1", "01", 3))
    report = top_n_report(periods, grids, classes)
    assert report.previous == {"P1": None, "P2": "P1"}
    assert report.table("P2", "grid")[0].change_percent == 50.0


def test_names_per_case_take_the_first_non_empty_name():
    periods, grids, classes = cases(("2025-01", "G1", "01001", 3))
    report = top_n_report(periods, grids, classes, grid_names=["", "一号网格", "other"],
                          class_names=["井盖", "井盖", "井盖"])
    assert report.table("2025-01", "grid")[0].name == "一号网格"
    assert report.table("2025-01", "class")[0].name == "井盖"


def test_report_rejects_bad_input():
    with pytest.raises(GridInputError, match="one of each per case"):
        top_n_report(["2025-01"], ["G1", "G2"], ["01"])
    with pytest.raises(GridInputError, match="at least 1"):
        top_n_report(["2025-01"], ["G1"], ["01"], n=0)
    with pytest.raises(GridInputError, match="no period") as info:
        top_n_report(["2025-01", ""], ["G1", "G2"], ["01", "01"])
    assert info.value.feature_ids == (1,)
    with pytest.raises(GridInputError, match="one name per case"):
        top_n_report(["2025-01"], ["G1"], ["01"], grid_names=["a", "b"])


# --- files ----------------------------------------------------------------------------------


def sample_report():
    periods, grids, classes = cases(
        ("2025-01", "G1", "01001", 1), ("2025-02", "G1", "01001", 3), ("2025-02", "G2", "01002", 1),
        ("2025-02", None, "01002", 1),
    )
    return top_n_report(periods, grids, classes, grid_names={"G1": "和平街<东>网格", "G2": "光明社区"},
                        class_names={"01001": "上水井盖", "01002": "路灯"})


def test_csv_has_a_bom_and_chinese_text_survives(tmp_path):
    path = tmp_path / "report.csv"
    report = sample_report()
    write_csv(report, path, translate=lambda s: {"Period": "时段", "Unit grid": "单元网格"}.get(s, s))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "时段"
    assert rows[0][1:] == [column.render() for column in CSV_COLUMNS[1:]]
    assert len(rows) == 1 + len(report.rows)
    first_february_grid = rows[1 + 2]  # January: one grid row and one class row
    assert first_february_grid == ["2025-02", "单元网格", "1", "G1", "和平街<东>网格", "3", "60.00", "1", "2", "200.0"]
    january = rows[1]
    assert january[7:] == ["", "", ""]  # nothing to compare with
    assert ["2025-02", "单元网格", "2", "", "(not assigned)", "1", "20.00", "0", "1", ""] in rows
    assert any(row[4] == "上水井盖" for row in rows)


def test_html_is_self_contained_escaped_and_highlights_increases(tmp_path):
    path = tmp_path / "report.html"
    write_html(sample_report(), path, title="案件热点 <2025>")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in text
    assert "<title>案件热点 &lt;2025&gt;</title>" in text
    assert "和平街&lt;东&gt;网格" in text and "和平街<东>" not in text
    assert "光明社区" in text and "路灯" in text
    assert 'class="number up">+2<' in text
    assert "+200.0%" in text
    assert "new" in text  # G2 had no case in January
    assert "<script" not in text and "http" not in text.replace("http-equiv", "")
    assert text.count("<table>") == 4  # two periods × grids and classes
    assert text.index("2025-02: 5 cases") < text.index("2025-01: 1 cases")  # latest period first


def test_html_labels_go_through_translate():
    text = report_html(sample_report(), "t", translate=lambda s: "【" + s + "】")
    assert "【Top 3 unit grids】" in text  # February has 3 grids (one "not assigned")
    assert "【Rank】" in text


def test_the_csv_neutralises_names_a_spreadsheet_would_run(tmp_path):
    from grid_plugin.core.cases.period_report import PeriodReport, ReportRow, write_csv

    row = ReportRow(period="2026-03", dimension="grid", rank=1, code="110101001001001",
                    name="=cmd|' /C calc'!A0", count=5, share=0.5, previous_count=2, change=3, change_percent=150.0)
    write_csv(PeriodReport(rows=(row,), periods=("2026-03",), totals={"2026-03": 10}, previous={"2026-03": None},
                           n=1), tmp_path / "report.csv")
    (line,) = (tmp_path / "report.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    assert "'=cmd|' /C calc'!A0" in line
    assert line.endswith(",5,50.00,2,3,150.0")  # numbers stay numbers
