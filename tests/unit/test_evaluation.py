"""The evaluation of case handling (综合评价), core only: periods, the indicators made of the store's
counts, the composite, the grade bands, the ranking, the notes and the HTML report."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely

from grid_plugin.core.cases.evaluation import (
    COUNT_FIELDS,
    INDICATOR_IDS,
    INVALID,
    UNFILED,
    VALID,
    EvaluationOptions,
    UnitCounts,
    area_units,
    evaluation_periods,
    indicator_values,
    unit_counts,
)
from grid_plugin.core.cases.evaluation_grades import (
    DEFAULT_WEIGHTS,
    composite,
    evaluate,
    grade,
    parse_weights,
    ranks,
)
from grid_plugin.core.cases.evaluation_report import TABLE_FIELDS, report_html, table_row
from grid_plugin.core.errors import GridInputError


def row(key, standing, **counts) -> tuple:
    """A row as the store gives it: key, standing, COUNT_FIELDS (missing ones 0; None as SQL's empty SUM)."""
    return (key, standing, *(counts.get(name, 0) for name in COUNT_FIELDS))


# ---- periods --------------------------------------------------------------------------------------------
def test_a_calendar_month_is_compared_with_the_month_before_in_local_time():
    period, previous = evaluation_periods("2025-03-01", "2025-04-01", "Asia/Shanghai")
    assert (period.start, period.end, period.cutoff) == ("2025-02-28T16:00:00.000Z", "2025-03-31T16:00:00.000Z",
                                                         "2025-03-31T16:00:00.000Z")
    assert (previous.start, previous.end) == ("2025-01-31T16:00:00.000Z", "2025-02-28T16:00:00.000Z")
    assert (period.label, previous.label) == ("2025-03-01 – 2025-03-31", "2025-02-01 – 2025-02-28")


def test_whole_months_across_a_year_and_a_quarter():
    period, previous = evaluation_periods("2025-01-01", "2025-04-01", "UTC")
    assert (previous.start, previous.end) == ("2024-10-01T00:00:00.000Z", "2025-01-01T00:00:00.000Z")


def test_any_other_period_is_compared_with_the_same_duration_before():
    period, previous = evaluation_periods("2025-03-10", "2025-03-20 12:00", "UTC")
    assert period.end == "2025-03-20T12:00:00.000Z"
    assert (previous.start, previous.end) == ("2025-02-27T12:00:00.000Z", "2025-03-10T00:00:00.000Z")
    assert period.label == "2025-03-10 00:00 – 2025-03-20 12:00"


def test_the_grace_moves_both_cut_offs_and_nothing_else():
    period, previous = evaluation_periods("2025-03-01", "2025-04-01", "UTC", grace_days=5)
    assert period.cutoff == "2025-04-06T00:00:00.000Z" and period.end == "2025-04-01T00:00:00.000Z"
    assert previous.cutoff == "2025-03-06T00:00:00.000Z" and previous.end == "2025-03-01T00:00:00.000Z"


@pytest.mark.parametrize(("start", "end", "grace", "named"), [
    ("2025-04-01", "2025-03-01", 0, "2025-03-01"),  # end before start
    ("2025-03-01", "2025-03-01", 0, "exclusive"),  # empty
    ("2025-13-01", "2025-04-01", 0, "2025-13-01"),  # no date
    ("", "2025-04-01", 0, "start"),
    ("2025-03-01", "2025-04-01", -1, "-1"),
    ("1000-01-01", "1500-01-01", 0, "1000"),  # the period before would fall before year 1000
])
def test_a_period_that_is_none_is_refused_by_name(start, end, grace, named):
    with pytest.raises(GridInputError) as error:
        evaluation_periods(start, end, "Asia/Shanghai", grace)
    assert named in str(error.value)


def test_an_unknown_time_zone_is_refused():
    with pytest.raises(GridInputError, match="Mars/Olympus"):
        evaluation_periods("2025-03-01", "2025-04-01", "Mars/Olympus")


# ---- counts and indicators ---------------------------------------------------------------------------------
def test_the_store_rows_of_a_unit_make_its_counts_by_standing_and_trimmed_key():
    units = unit_counts([
        row("G1", VALID, cases=10, closed=6, filed_from_report=1),
        row("G1 ", VALID, cases=2, closed=1),  # the same unit written with a space
        row("G1", INVALID, cases=3, filed_from_report=2),
        row("G1", UNFILED, cases=4),
        row(None, VALID, cases=1),
        row("", UNFILED, cases=2),
    ], medians=[("G1", 5.5), (None, 2.0)])
    assert set(units) == {"G1", ""}
    g1 = units["G1"]
    assert (g1.filed, g1.due, g1.invalid, g1.unfiled, g1.valid["closed"]) == (15, 12, 3, 4, 7)
    assert g1.quality()["filed_from_report"] == 3
    assert g1.median_hours is None  # two spellings of a key: their medians cannot be merged
    assert (units[""].filed, units[""].unfiled, units[""].median_hours) == (1, 2, None)


def test_a_standing_the_store_cannot_give_is_refused():
    with pytest.raises(ValueError, match="standing"):
        unit_counts([row("G1", 7, cases=1)])


def counts(**valid) -> UnitCounts:
    unit = UnitCounts()
    unit.valid.update(valid)
    return unit


def test_each_indicator_of_a_unit():
    unit = counts(cases=40, disposed=30, disposed_intime=24, pending_overdue=6, closed=25, closed_intime=20,
                  closed_late=4, open_overdue=9, reworked=4, reworked_closed=3, postponed=2, handled=24,
                  handled_hours=120.0)
    unit.invalid, unit.median_hours = 10, 3.5
    values = indicator_values(unit, EvaluationOptions())
    assert set(values) == set(INDICATOR_IDS)
    assert values == {"filed": 50, "due": 40, "accurate_inst_rate": 80.0, "dispose_rate": 75.0,
                      "intime_dispose_rate": 60.0, "overtime_pending_rate": 15.0, "close_rate": 62.5,
                      "intime_close_rate": 50.0, "overtime_close_rate": 10.0, "rework_rate": 10.0,
                      "postpone_rate": 5.0, "open_overdue": 9, "mean_hours": 5.0, "median_hours": 3.5}


def test_the_disputed_denominators_follow_their_parameters():
    unit = counts(cases=40, closed=25, closed_intime=20, closed_late=4, reworked=4, reworked_closed=3)
    values = indicator_values(unit, EvaluationOptions(rework_base="closed", close_base="closed"))
    assert values["intime_close_rate"] == 80.0 and values["overtime_close_rate"] == 16.0
    assert values["rework_rate"] == 12.0  # the reworked closed cases over the closed ones


def test_a_unit_without_cases_has_counts_of_0_and_no_rates():
    values = indicator_values(None, EvaluationOptions())
    assert values["filed"] == values["due"] == values["open_overdue"] == 0
    assert all(values[name] is None for name in INDICATOR_IDS if name not in ("filed", "due", "open_overdue"))
    only_invalid = UnitCounts(invalid=3)
    assert indicator_values(only_invalid, EvaluationOptions())["accurate_inst_rate"] == 0.0
    no_closed = counts(cases=5)
    closed_base = indicator_values(no_closed, EvaluationOptions(rework_base="closed", close_base="closed"))
    assert closed_base["rework_rate"] is None and closed_base["intime_close_rate"] is None


@pytest.mark.parametrize("options", [{"rework_base": "all"}, {"close_base": ""}, {"min_cases": 0}])
def test_options_that_are_none_are_refused(options):
    with pytest.raises(GridInputError):
        EvaluationOptions(**options)


# ---- composite, grades, ranks ------------------------------------------------------------------------------
def test_the_default_composite_weighs_rates_and_turns_the_bad_ones_around():
    values = {"intime_close_rate": 80.0, "close_rate": 90.0, "intime_dispose_rate": 70.0, "dispose_rate": 100.0,
              "rework_rate": 10.0, "postpone_rate": 20.0}
    expected = (30 * 80 + 20 * 90 + 20 * 70 + 10 * 100 + 10 * 90 + 10 * 80) / 100
    assert composite(values, DEFAULT_WEIGHTS) == pytest.approx(expected)
    assert composite({**values, "rework_rate": None}, DEFAULT_WEIGHTS) is None
    assert composite({**values, "rework_rate": None}, (("close_rate", 1), ("rework_rate", 0))) == 90.0


@pytest.mark.parametrize(("score", "expected"), [
    (100.0, "A"), (90.0, "A"), (89.995001, "A"), (89.994999, "B"), (75.0, "B"), (74.99, "C"), (60.0, "C"),
    (59.999, "C"),  # shown as 60.00
    (59.994, "D"), (40.0, "D"), (39.99, "E"), (0.0, "E"), (None, None)])
def test_grade_bands_are_judged_on_the_shown_score(score, expected):
    assert grade(score) == expected


def test_equal_scores_share_a_rank_and_units_without_one_are_unranked():
    assert ranks({"b": 80.0, "a": 80.001, "c": 95.0, "d": None, "e": 70.0}) == {"c": 1, "a": 2, "b": 2, "e": 4}


def test_weights_by_id_or_chinese_name():
    assert parse_weights("intime_close_rate=3, 结案率：1；返工率: 0.5") == (
        ("intime_close_rate", 3.0), ("close_rate", 1.0), ("rework_rate", 0.5))
    assert parse_weights("  ") == DEFAULT_WEIGHTS


@pytest.mark.parametrize(("text", "named"), [
    ("due=1", "due=1"), ("close_rate", "close_rate"), ("close_rate=x", "x"), ("close_rate=-1", "-1"),
    ("close_rate=1, close_rate=2", "twice"), ("close_rate=0", "at least one"), ("close_rate=nan", "nan")])
def test_weights_that_are_none_are_refused(text, named):
    with pytest.raises(GridInputError) as error:
        parse_weights(text)
    assert named in str(error.value)


# ---- the evaluation of a level -------------------------------------------------------------------------------
def good(cases: int, closed_intime: int) -> list[tuple]:
    return [row(None, VALID, cases=cases, disposed=cases, disposed_intime=closed_intime, closed=cases,
                closed_intime=closed_intime, closed_late=cases - closed_intime, handled=cases,
                handled_hours=2.0 * cases)]


def units_of(**per_key) -> dict[str, UnitCounts]:
    return unit_counts([(key, *r[1:]) for key, rows in per_key.items() for r in rows])


def test_a_level_lists_every_known_unit_grades_and_ranks_them_and_notes_what_it_cannot():
    period, previous = evaluation_periods("2025-03-01", "2025-04-01")
    now = units_of(G1=good(10, 10), G2=good(10, 5), G3=good(1, 1), X9=good(4, 4), **{"": good(5, 5)})
    before = units_of(G1=good(10, 5), G2=good(10, 10))
    evaluation = evaluate("grid", period, previous, now, before, EvaluationOptions(min_cases=2),
                          names={"G1": "东四", "G2": "O'Brien"}, known_keys=["G1", "G2", "G3", "G4"])
    by_key = {unit.key: unit for unit in evaluation.units}
    assert list(by_key) == ["G1", "X9", "G2", "G3", "G4", ""]  # ranked, unranked by key, the unassigned last
    g1, g2 = by_key["G1"], by_key["G2"]
    assert (g1.grade, g1.rank, g1.previous_rank, g1.rank_change) == ("A", 1, 2, 1)
    assert g1.composite == pytest.approx(100.0) and g1.previous_composite == pytest.approx(75.0)
    assert g1.change("intime_close_rate") == pytest.approx(50.0)
    assert (g2.rank, g2.previous_rank, g2.rank_change, g2.grade) == (3, 1, -2, "B")
    assert by_key["G3"].grade is None and by_key["G3"].composite == pytest.approx(100.0)  # 1 case < min_cases
    assert by_key["G4"].current["filed"] == 0 and by_key["G4"].grade is None
    assert by_key[""].rank is None and by_key[""].grade is None  # the cases without a grid are no unit
    assert evaluation.unknown_keys == ("X9",)
    assert evaluation.total.current["filed"] == 30 and evaluation.total.current["median_hours"] is None
    notes = [str(note) for note in evaluation.notes]
    assert any("5 cases have no unit grid" in n for n in notes)
    assert any("4 cases lie in 1 unit grid codes" in n and "X9" in n for n in notes)
    assert any("1 units have fewer than 2 due cases" in n for n in notes)


def test_periods_without_cases_give_zeros_empty_rates_and_say_so():
    period, previous = evaluation_periods("2025-03-01", "2025-04-01")
    evaluation = evaluate("street", period, previous, {}, {}, known_keys=["110101001"])
    unit = evaluation.units[0]
    assert unit.current["filed"] == 0 and unit.current["close_rate"] is None and unit.grade is None
    assert unit.change("filed") == 0 and unit.change("close_rate") is None
    notes = " ".join(str(note) for note in evaluation.notes)
    assert "No case was filed in the period 2025-03-01 – 2025-03-31" in notes
    assert "No case was filed in the previous period 2025-02-01 – 2025-02-28" in notes
    html = report_html(evaluation, "t", [])
    assert "No unit could be graded" in html


def test_the_notes_count_every_case_that_lacks_a_time():
    period, previous = evaluation_periods("2025-03-01", "2025-04-01")
    now = unit_counts([row("部门甲", VALID, cases=10, no_deadline=2, closed_no_disposed=3, bad_order=1,
                           filed_from_report=4), row("部门甲", INVALID, cases=1), row("部门甲", UNFILED, cases=5)])
    evaluation = evaluate("department", period, previous, now, {})
    notes = " ".join(str(note) for note in evaluation.notes)
    for text in ("5 cases reported in the period have neither", "4 cases have no filing time",
                 "1 filed cases are invalid", "2 valid cases have no deadline", "3 closed cases have no disposal",
                 "1 cases were closed before their filing time"):
        assert text in notes
    assert evaluation.units[0].quality == {"invalid": 1, "unfiled": 5, "filed_from_report": 4, "no_deadline": 2,
                                           "closed_no_disposed": 3, "bad_order": 1}


def test_table_rows_match_their_fields_and_the_report_escapes_names():
    period, previous = evaluation_periods("2025-03-01", "2025-04-01")
    evaluation = evaluate("department", period, previous, units_of(**{'<b>"部门"</b>': good(3, 2)}), {})
    unit = evaluation.units[0]
    values = table_row(evaluation, unit, lambda s: s)
    assert len(values) == len(TABLE_FIELDS)
    fields = dict(zip((f.name for f in TABLE_FIELDS), values, strict=True))
    assert fields["intime_close_rate"] == 66.67 and fields["intime_close_rate_prev"] is None
    assert fields["grade"] == unit.grade and fields["rank"] == 1
    html = report_html(evaluation, "评价", [])
    assert '&lt;b&gt;&quot;部门&quot;&lt;/b&gt;' in html and '<b>"部门"' not in html


def test_area_units_merge_the_grids_of_a_community_and_of_a_street():
    boxes = np.array([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1), shapely.box(0, 1, 1, 2)], dtype=object)
    codes = {"community": ["C1", "C1", "C2"], "street": ["S1", "S1", "S1"]}
    names = {"community": ["东四", None, "交道口"], "street": ["东四街道"] * 3}
    keys, titles, polygons = area_units("community", ["G1", "G2", "G3"], codes, names, boxes)
    assert keys == ["C1", "C2"] and titles == {"C1": "东四", "C2": "交道口"}
    assert math.isclose(polygons["C1"].area, 2.0) and polygons["C1"].geom_type == "Polygon"
    keys, titles, polygons = area_units("street", ["G1", "G2", "G3"], codes, names, boxes)
    assert keys == ["S1"] and math.isclose(polygons["S1"].area, 3.0)
    keys, titles, _ = area_units("grid", ["G1", "G2", "G3"], codes, names, boxes)
    assert titles == {"G1": "东四", "G2": "", "G3": "交道口"}


def test_the_report_colours_a_change_by_whether_it_is_better():
    period, previous = evaluation_periods("2025-03-01", "2025-04-01")
    now = units_of(D1=[row(None, VALID, cases=10, closed=9, postponed=1)])
    before = units_of(D1=[row(None, VALID, cases=4, closed=2, postponed=2)])
    html = report_html(evaluate("department", period, previous, now, before), "t", [])
    totals = html[html.index("All cases of the period"):html.index("Ranking and grades")]
    assert "<td>立案数 Cases filed</td>" in totals and '<td class="number ">+6</td>' in totals  # a count: neutral
    assert '<td class="number up">+40.00</td>' in totals  # 结案率 50 -> 90: better
    assert '<td class="number up">-40.00</td>' in totals  # 延期率 50 -> 10: better although lower
