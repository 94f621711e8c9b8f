"""A case's lifecycle as imported (core.cases.lifecycle through CaseParser): the handling department,
rework and postponement counts, the invalid flag, and the workflow's order of times (CJ/T 315 stages).

Rows carry the Chinese headers of an eGova export, so the field mapping is found by its aliases. The
module imports only what the parser had before these fields (names of the new ones are imported in the
tests that need them), so that each test shows its own failure on the code without them.
"""

from __future__ import annotations

import pytest

from grid_plugin.core.cases.records import CaseParser, finish_records, parse_field_map, resolve_field_map
from grid_plugin.store.schema import CASE_COLUMNS, MIGRATIONS

CASE_LIFECYCLE_FIELDS = ("department", "rework_count", "postpone_count", "invalid")
COUNT_MAX = 2_147_483_647

HEADERS = {"case_id": "案件编号", "reported_at": "上报时间", "filed_at": "立案时间", "dispatched_at": "派遣时间",
           "disposed_at": "处置时间", "closed_at": "结案时间", "deadline": "处置时限", "department": "处置部门",
           "rework_count": "返工次数", "postpone_count": "延期次数", "invalid": "是否作废", "status": "状态",
           "x": "经度", "y": "纬度"}
TIMES = {"reported_at": "2025-03-01 10:00:00", "filed_at": "2025-03-01 10:20:00",
         "dispatched_at": "2025-03-01 10:30:00", "disposed_at": "2025-03-01 15:00:00",
         "closed_at": "2025-03-02 09:00:00", "deadline": "2025-03-03 10:30:00"}


def row(case_id: str = "AJ1", **values: object) -> dict[str, object]:
    """One row of an export with Chinese headers: a case handled in order, by 东城区城管委, once reworked
    (values by case field or by header)."""
    fields = {"case_id": case_id, **TIMES, "department": "东城区城管委", "rework_count": "1", "postpone_count": "0",
              "invalid": "否", "status": "已结案", "x": "116.3974", "y": "39.9087", **values}
    return {HEADERS.get(name, name): value for name, value in fields.items()}


def parse(*rows: dict[str, object], headers: list[str] | None = None, **options):
    mapping = resolve_field_map(headers or list(rows[0]), {})
    return CaseParser(mapping, **options).parse(list(enumerate(rows, start=1)))


def reasons(parsed) -> dict[int, list[str]]:
    return {reject.row: [str(reason) for reason in reject.reasons] for reject in parsed.rejects}


def finished(parsed):
    n = len(parsed.records)
    return finish_records(parsed, ["G1"] * n, ["S1"] * n, ["C1"] * n)


# ---- mapping -------------------------------------------------------------------------------------------
def test_chinese_headers_map_every_lifecycle_field():
    mapping = resolve_field_map(list(row()), {})
    assert mapping == {name: header for name, header in HEADERS.items()}


@pytest.mark.parametrize(("headers", "expected"), [
    (["责任部门", "返工次数", "延期次数", "作废"], ("责任部门", "返工次数", "延期次数", "作废")),
    (["dept", "rework", "postpone", "cancelled"], ("dept", "rework", "postpone", "cancelled")),
    (["Department", "REWORK_COUNT", "Postpone_Count", "Invalid"],
     ("Department", "REWORK_COUNT", "Postpone_Count", "Invalid")),
])
def test_lifecycle_aliases(headers, expected):
    mapping = resolve_field_map(["案件编号", "上报时间", "经度", "纬度", *headers], {})
    assert tuple(mapping[name] for name in CASE_LIFECYCLE_FIELDS) == expected


def test_field_map_names_the_lifecycle_fields_long_or_short():
    assert parse_field_map("dept=科室; rework=整改次数; postpone=延长次数; cancelled=撤销") == {
        "department": "科室", "rework_count": "整改次数", "postpone_count": "延长次数", "invalid": "撤销"}
    assert parse_field_map("department=科室; rework_count=a; postpone_count=b; invalid=c") == {
        "department": "科室", "rework_count": "a", "postpone_count": "b", "invalid": "c"}
    mapping = resolve_field_map(["编号", "时间", "经度", "纬度", "科室", "整改次数"],
                                parse_field_map("case_id=编号; reported_at=时间; dept=科室; rework=整改次数"))
    assert (mapping["department"], mapping["rework_count"]) == ("科室", "整改次数")


def test_the_store_columns_are_the_lifecycle_fields():
    from grid_plugin.core.cases import records
    from grid_plugin.store.schema import LIFECYCLE_COLUMNS

    assert records.CASE_LIFECYCLE_FIELDS == CASE_LIFECYCLE_FIELDS
    assert tuple(c.name for c in LIFECYCLE_COLUMNS) == CASE_LIFECYCLE_FIELDS
    assert [c.kind for c in LIFECYCLE_COLUMNS] == ["text", "integer", "integer", "integer"]
    assert CASE_COLUMNS[-4:] == CASE_LIFECYCLE_FIELDS
    assert MIGRATIONS[5].version == 6
    assert MIGRATIONS[5].add_columns == tuple(("cases", c) for c in LIFECYCLE_COLUMNS)


# ---- values ----------------------------------------------------------------------------------------------
def test_a_case_in_order_keeps_every_lifecycle_value():
    parsed = parse(row(), row("AJ2", department="  交通委 ", rework_count=3, postpone_count=2.0, invalid="是"),
                   row("AJ3", department="", rework_count="", postpone_count=None, invalid=""))
    assert not parsed.rejects
    values = parsed.records.values
    assert values["department"] == ["东城区城管委", "交通委", None]  # trimmed, else as given
    assert values["rework_count"] == [1, 3, None]
    assert values["postpone_count"] == [0, 2, None]
    assert values["invalid"] == [0, 1, None]
    assert [type(v) for v in values["rework_count"][:2]] == [int, int]
    assert values["closed_at"][0] == "2025-03-02T01:00:00.000Z"


def test_unmapped_lifecycle_fields_are_unknown():
    plain = {k: v for k, v in row().items() if k in ("案件编号", "上报时间", "经度", "纬度")}
    parsed = parse(plain, plain | {"案件编号": "AJ2"})
    for name in CASE_LIFECYCLE_FIELDS:
        assert parsed.records.values[name] == [None, None]


@pytest.mark.parametrize(("value", "count"), [
    ("0", 0), ("3", 3), (" 12 ", 12), (7, 7), (2.0, 2), ("2.0", 2), ("２", 2), ("+1", 1), (str(COUNT_MAX), COUNT_MAX),
    ("", None), ("  ", None), (None, None),
])
def test_counts_read(value, count):
    parsed = parse(row(rework_count=value, postpone_count=value))
    assert not parsed.rejects
    assert parsed.records.values["rework_count"] == parsed.records.values["postpone_count"] == [count]


@pytest.mark.parametrize("value", ["-1", -3, "1.5", 0.5, "两次", "2次", "abc", True, str(COUNT_MAX + 1), "nan", "inf",
                                   float("nan")])
def test_a_value_that_is_not_a_count_rejects_its_row_naming_it(value):
    parsed = parse(row("AJ1"), row("AJ2", rework_count=value), row("AJ3", postpone_count=value))
    assert [r.case_id for r in parsed.rejects] == ["AJ2", "AJ3"]
    assert parsed.records.case_ids == ["AJ1"]
    expected = ("row {row}: {field} '{value}' is not a count; write a whole number from 0 to 2147483647, or leave "
                "it empty (unknown)")
    assert reasons(parsed) == {2: [expected.format(row=2, field="返工次数", value=value)],
                               3: [expected.format(row=3, field="延期次数", value=value)]}


@pytest.mark.parametrize(("value", "flag"), [
    ("是", 1), ("否", 0), ("1", 1), ("0", 0), (1, 1), (0, 0), (1.0, 1), (True, 1), (False, 0), ("true", 1),
    ("FALSE", 0), ("True", 1), ("Y", 1), ("n", 0), ("yes", 1), ("No", 0), ("作废", 1), ("有效", 0), ("已作废", 1),
    ("无效", 1), ("Ｙ", 1), (" 是 ", 1), ("", None), (None, None),
])
def test_invalid_flags_read(value, flag):
    parsed = parse(row(invalid=value))
    assert not parsed.rejects
    assert parsed.records.values["invalid"] == [flag]


@pytest.mark.parametrize("value", ["maybe", "2", 2, "待定", "是的", "-1"])
def test_an_unknown_flag_rejects_its_row_naming_it(value):
    parsed = parse(row("AJ1"), row("AJ2", invalid=value))
    assert reasons(parsed) == {2: [
        f"row 2: 是否作废 '{value}' is not a yes/no value; write 是 or 否 (also 1/0, true/false, Y/N, 作废/有效), or "
        "leave it empty (unknown)"]}
    assert parsed.records.case_ids == ["AJ1"]


def test_department_names_are_not_checked():
    names = ["东城区城管委", "交通委 \"道路\" 科", "O'Brien & Co", "未知部门", "1"]
    parsed = parse(*(row(f"AJ{k}", department=name) for k, name in enumerate(names)))
    assert not parsed.rejects and parsed.records.values["department"] == names


# ---- order --------------------------------------------------------------------------------------------
ORDER_CASES = [  # (field set earlier than allowed, the time, the earlier field it contradicts)
    ("closed_at", "2025-03-01 09:00:00", "reported_at"),
    ("deadline", "2025-02-28 18:00:00", "reported_at"),
    ("disposed_at", "2025-03-01 10:25:00", "dispatched_at"),
    ("dispatched_at", "2025-03-01 10:10:00", "filed_at"),
    ("filed_at", "2025-03-01 09:59:59", "reported_at"),
    ("closed_at", "2025-03-01 14:00:00", "disposed_at"),
]
STAGE = {"reported_at": "the report (上报)", "filed_at": "the filing (立案)", "dispatched_at": "the dispatch (派遣)",
         "disposed_at": "the disposal (处置)", "closed_at": "the closing (结案)", "deadline": "the deadline (处置时限)"}


def test_the_order_rules_follow_the_workflow():
    from grid_plugin.core.cases import lifecycle

    assert lifecycle.COUNT_MAX == COUNT_MAX
    stages = ["reported_at", "filed_at", "dispatched_at", "disposed_at", "closed_at"]
    pairs = {(a, b) for k, b in enumerate(stages) for a in stages[:k]}
    assert set(lifecycle.ORDER_RULES) == pairs | {("reported_at", "deadline")}


@pytest.mark.parametrize(("field", "time", "earlier"), ORDER_CASES)
def test_a_time_before_its_stage_rejects_the_row_naming_both(field, time, earlier):
    parsed = parse(row("AJ1"), row("AJ 2", **{field: time}), row("AJ3"))
    assert parsed.records.case_ids == ["AJ1", "AJ3"]  # nothing else is lost
    assert [(r.row, r.case_id) for r in parsed.rejects] == [(2, "AJ 2")]
    expected = (f"row 2, case AJ 2: {HEADERS[field]} '{time}' is before {HEADERS[earlier]} '{TIMES[earlier]}', but "
                f"{STAGE[field]} cannot come before {STAGE[earlier]}; correct the wrong time")
    assert expected in reasons(parsed)[2]


def test_a_wrong_report_time_is_named_by_every_stage_it_contradicts():
    parsed = parse(row("AJ1", 上报时间="2025-03-01 16:00:00"), row("", 立案时间="2025-03-01 09:00:00"))
    first = reasons(parsed)[1]
    assert len(first) == 3  # filed, dispatched and the dispose time precede the report; the closing and deadline do not
    assert all("is before 上报时间 '2025-03-01 16:00:00'" in text for text in first)
    assert {text.split(":")[1].strip().split(" ")[0] for text in first} == {"立案时间", "派遣时间", "处置时间"}
    second = reasons(parsed)[2]
    assert second[0] == "no case id (field 案件编号 is empty)"
    assert second[1:] == ["row 2: 立案时间 '2025-03-01 09:00:00' is before 上报时间 '2025-03-01 10:00:00', but the "
                          "filing (立案) cannot come before the report (上报); correct the wrong time"]


def test_equal_times_missing_times_and_whole_days_are_in_order():
    parsed = parse(
        row("AJ1", 立案时间=TIMES["reported_at"], 派遣时间=TIMES["reported_at"]),  # filed and dispatched at once
        row("AJ2", 立案时间="", 派遣时间="", 处置时间="", 结案时间="", 处置时限=""),  # only reported
        row("AJ3", 处置时限="2025-03-01"),  # a date: that whole day
        row("AJ4", 结案时间="2025-03-01", 处置时间="", 派遣时间="", 立案时间=""),  # closed the same day, no time of day
        row("AJ5", 处置时限="2025-02-28"),  # the day before: out of order
        row("AJ6", 处置时限="2025-03-01 09:00"),  # a time of day: compared as it is
    )
    assert parsed.records.case_ids == ["AJ1", "AJ2", "AJ3", "AJ4"]
    rule = "but the deadline (处置时限) cannot come before the report (上报); correct the wrong time"
    assert reasons(parsed) == {
        5: [f"row 5, case AJ5: 处置时限 '2025-02-28 00:00:00' is before 上报时间 '2025-03-01 10:00:00', {rule}"],
        6: [f"row 6, case AJ6: 处置时限 '2025-03-01 09:00:00' is before 上报时间 '2025-03-01 10:00:00', {rule}"]}


def test_times_are_compared_in_utc_and_shown_in_local_time():
    # a zone written in the value: 02:30 UTC is 10:30 in Shanghai, after the report at 10:00
    parsed = parse(row("AJ1", 立案时间="2025-03-01T02:30:00Z"), row("AJ2", 立案时间="2025-03-01T01:30:00Z"))
    assert parsed.records.case_ids == ["AJ1"]
    assert "立案时间 '2025-03-01 09:30:00' is before 上报时间 '2025-03-01 10:00:00'" in reasons(parsed)[2][0]
    newyork = parse(row("AJ1", 立案时间="2025-03-01T14:30:00Z"), row("AJ2", 立案时间="2025-03-01T15:00:00Z"),
                    zone="America/New_York")
    assert newyork.records.case_ids == ["AJ2"]  # 10:00 in New York is 15:00 UTC
    assert "立案时间 '2025-03-01 09:30:00' is before 上报时间 '2025-03-01 10:00:00'" in reasons(newyork)[1][0]
    assert [r.row for r in newyork.rejects] == [1]


def test_a_row_gets_every_reason_and_the_others_stay():
    parsed = parse(row("AJ1"), row("AJ2", 返工次数="-1", 是否作废="?", 结案时间="2025-02-01 08:00:00"),
                   row("AJ3", 上报时间="下周一"))
    assert parsed.records.case_ids == ["AJ1"]
    two = reasons(parsed)[2]
    assert len(two) == 3  # the closing time precedes every other time: named once, against the report
    assert two[0].startswith("row 2: 返工次数 '-1' is not a count")
    assert two[1].startswith("row 2: 是否作废 '?' is not a yes/no value")
    assert two[2].startswith("row 2, case AJ2: 结案时间 '2025-02-01 08:00:00' is before 上报时间 '2025-03-01 10:00:00'")
    three = reasons(parsed)[3]  # an unreadable report time is not compared
    assert len(three) == 1 and "上报时间 '下周一' is not a date" in three[0]


# ---- content hash -----------------------------------------------------------------------------------------
def test_the_content_hash_changes_with_lifecycle_values_only_where_there_are_some():
    base = {k: v for k, v in row().items() if k not in ("处置部门", "返工次数", "延期次数", "是否作废")}
    without = finished(parse(base))
    unknown = finished(parse(base | {"处置部门": "", "返工次数": "", "延期次数": "", "是否作废": ""}))
    assert unknown.records.values["content_hash"] == without.records.values["content_hash"]
    hashes = {finished(parse(base | changes)).records.values["content_hash"][0] for changes in (
        {}, {"处置部门": "交通委"}, {"返工次数": "1"}, {"返工次数": "2"}, {"延期次数": "1"}, {"是否作废": "是"},
        {"是否作废": "否"})}
    assert len(hashes) == 7
