"""Cases (案件) from hotline/inspection exports: grid_plugin.core.cases.records.

The realistic input is resources/sample/sample_cases.csv (5,358 fictional cases, WGS84 lon/lat near
116.4E 39.92N, gbt47678 class codes, report times with +08:00, the handling's times and counts under Chinese
headers), read with core.components.tables.read_csv. Three of its rows carry a closing time a month before the
report, which the import rejects (test_sample_rejects_its_closings_before_the_report); the other tests take the
rest (`sample_rows`). Bad rows are made from it one kind at a time, so each test shows that exactly that row is
rejected, with its row number and a reason that names the problem.
"""

import datetime as dt
import re
from pathlib import Path

import numpy as np
import pyproj
import pytest

from grid_plugin.core.cases.records import (
    FIELD_ALIASES,
    MAPPABLE_FIELDS,
    REQUIRED_FIELDS,
    CaseFilter,
    CaseParser,
    ParsedCases,
    content_hash,
    filter_kinds,
    finish_records,
    parse_field_map,
    resolve_field_map,
    split_list,
)
from grid_plugin.core.cases.times import parse_time, parse_time_column, time_zone
from grid_plugin.core.components.classes import ClassEntry, ClassTable
from grid_plugin.core.components.tables import read_csv
from grid_plugin.core.errors import GridInputError
from grid_plugin.core.geodesy.offsets import wgs84_to_bd09, wgs84_to_gcj02

REPO = Path(__file__).resolve().parents[2]
SAMPLE_CSV = REPO / "resources" / "sample" / "sample_cases.csv"
CLASSES_DIR = REPO / "resources" / "classes"
SAMPLE_FILE_ROWS = 5358
CLOSED_BEFORE_REPORT = (1136, 2693, 3881)  # the sample's rows whose 结案时间 comes before the report
SAMPLE_ROWS = SAMPLE_FILE_ROWS - len(CLOSED_BEFORE_REPORT)
SHANGHAI = time_zone("Asia/Shanghai")
UTC = time_zone("UTC")
BAD_ROW = 17  # the sample row made bad in the reject tests


# Stored times: UTC ISO 8601 in whole seconds, with or without GeoPackage's '.000' milliseconds.
STORED_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.000)?Z$")


# ---- helpers ----------------------------------------------------------------------------------------
def stored(text):
    """A stored time checked for its form and written as 'YYYY-MM-DDTHH:MM:SSZ' for comparison."""
    assert text is not None and STORED_TIME.match(text), text
    return text[:19] + "Z"


@pytest.fixture(scope="module")
def sample_table():
    return read_csv(SAMPLE_CSV)


@pytest.fixture(scope="module")
def sample_rows(sample_table):
    """[(row number, {field: text})] of the sample but CLOSED_BEFORE_REPORT; tests copy before changing a row."""
    return [(number, row) for number, row in sample_table.rows() if number not in CLOSED_BEFORE_REPORT]


@pytest.fixture(scope="module")
def tables():
    return (ClassTable.load("gbt47678", CLASSES_DIR, kind="events"),
            ClassTable.load("gbt47678", CLASSES_DIR, kind="components"))


@pytest.fixture(scope="module")
def sample_mapping(sample_table):
    return resolve_field_map(sample_table.fields, {})


def sample_parser(mapping, tables, **options):
    events, components = tables
    return CaseParser(mapping, events=events, components=components, **options)


def changed(rows, number, **changes):
    """A copy of the rows with the given fields of row `number` replaced."""
    out = []
    for row_number, row in rows:
        row = dict(row)
        if row_number == number:
            row.update(changes)
        out.append((row_number, row))
    return out


def with_coordinates(rows, lon, lat, fmt=repr):
    """A copy of the rows with lon/lat replaced by the given arrays (written as text, full precision)."""
    return [(number, {**row, "lon": fmt(float(x)), "lat": fmt(float(y))})
            for (number, row), x, y in zip(rows, lon, lat)]


def sample_lonlat(rows):
    return (np.array([float(row["lon"]) for _, row in rows]), np.array([float(row["lat"]) for _, row in rows]))


CASE_COLUMNS = ("case_id", "source", "kind", "class_code", "class_name", "description", "address",
                "reported_at", "filed_at", "status", "closed_at", "lon", "lat")


def case_row(case_id="C1", **values):
    """One input row in the sample's columns plus filed_at (a plain event case at Tiananmen by default)."""
    row = {"case_id": case_id, "source": "12345热线", "kind": "事件", "class_code": "09011",
           "class_name": "共享单车乱象", "description": "共享单车乱停放", "address": "示例路1号",
           "reported_at": "2025-03-01 08:05:00", "filed_at": "", "status": "已结案", "closed_at": "2025-03-02 09:00:00",
           "lon": "116.3974", "lat": "39.9087"}
    row.update(values)
    return row


def numbered(*rows):
    return list(enumerate(rows, start=1))


def parse_plain(*rows, **options):
    """Parse rows in the sample's columns without class tables."""
    return CaseParser(resolve_field_map(CASE_COLUMNS, {}), **options).parse(numbered(*rows))


def finished(parsed, grid_codes):
    """finish_records with street/community codes derived from the grid codes."""
    streets = [None if g is None else g[:3] + "-S" for g in grid_codes]
    communities = [None if g is None else g[:3] + "-C" for g in grid_codes]
    return finish_records(parsed, grid_codes, streets, communities)


def assert_accounted(parsed):
    assert len(parsed.records) + len(parsed.rejects) == parsed.read
    assert [r.row for r in parsed.rejects] == sorted(r.row for r in parsed.rejects)


def error_of(call, *args, **kwargs):
    with pytest.raises(GridInputError) as caught:
        call(*args, **kwargs)
    return caught.value


# ---- field map --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "case_id=编号; x=经度; y=纬度",
    "case_id=编号；x=经度；y=纬度",
    "case_id=编号，x=经度，y=纬度",
    "case_id=编号, x=经度,y=纬度",
    "case_id=编号\nx=经度\ny=纬度\n",
    "  case_id = 编号 ;; x= 经度 ；y =纬度;  ",
])
def test_parse_field_map_separators(text):
    assert parse_field_map(text) == {"case_id": "编号", "x": "经度", "y": "纬度"}


@pytest.mark.parametrize(("text", "expected"), [
    ("lon=经度; lat=纬度", {"x": "经度", "y": "纬度"}),
    ("longitude=E; latitude=N", {"x": "E", "y": "N"}),
    ("reported_at=上报时间; closed_at=结案时间", {"reported_at": "上报时间", "closed_at": "结案时间"}),
])
def test_parse_field_map_targets(text, expected):
    assert parse_field_map(text) == expected


@pytest.mark.parametrize("text", ["", None, " ; ；\n"])
def test_parse_field_map_empty(text):
    assert parse_field_map(text) == {}


@pytest.mark.parametrize(("text", "entry"), [
    ("case_id=编号; x 经度", "x 经度"),  # no '='
    ("case_id=; x=经度", "case_id="),  # no input field
    ("case_id=编号; colour=颜色", "colour=颜色"),  # not a case field
    ("=编号", "=编号"),
    ("grid_code=网格", "grid_code=网格"),  # codes are computed, not mapped
])
def test_parse_field_map_bad_entry_names_it(text, entry):
    err = error_of(parse_field_map, text)
    assert err.message.params["entry"] == entry
    assert entry in str(err)
    for name in MAPPABLE_FIELDS:
        assert name in err.message.params["fields"]


def test_aliases_cover_every_mappable_field():
    assert set(FIELD_ALIASES) == set(MAPPABLE_FIELDS)
    assert set(REQUIRED_FIELDS) <= set(MAPPABLE_FIELDS)


def test_resolve_chinese_column_names():
    fields = ["案件编号", "问题来源", "问题类型", "小类代码", "问题描述", "地址", "上报时间", "结案时间",
              "经度", "纬度"]
    mapping = resolve_field_map(fields, {})
    assert mapping == {"case_id": "案件编号", "source": "问题来源", "kind": "问题类型", "class_code": "小类代码",
                       "description": "问题描述", "address": "地址", "reported_at": "上报时间",
                       "closed_at": "结案时间", "x": "经度", "y": "纬度"}


@pytest.mark.parametrize(("fields", "x", "y"), [
    (["id", "reported_at", "X坐标", "Y坐标"], "X坐标", "Y坐标"),
    (["id", "reported_at", "lng", "lat"], "lng", "lat"),
    (["id", "reported_at", "longitude", "latitude"], "longitude", "latitude"),
    (["id", "reported_at", "x", "y"], "x", "y"),
])
def test_resolve_coordinate_aliases(fields, x, y):
    mapping = resolve_field_map(fields, {})
    assert (mapping["case_id"], mapping["x"], mapping["y"]) == ("id", x, y)


def test_resolve_is_case_insensitive_and_keeps_the_input_spelling():
    fields = ["Case_ID", "REPORTED_AT", "Lon", "LAT", " Status "]
    mapping = resolve_field_map(fields, {})
    assert mapping == {"case_id": "Case_ID", "reported_at": "REPORTED_AT", "x": "Lon", "y": "LAT",
                       "status": " Status "}
    given = resolve_field_map(["BianHao", "ShiJian", "E", "N"],
                              {"case_id": "bianhao", "reported_at": "SHIJIAN", "x": "e", "y": "n"})
    assert given == {"case_id": "BianHao", "reported_at": "ShiJian", "x": "E", "y": "N"}


def test_resolve_given_mapping_wins_over_aliases():
    fields = ["案件编号", "工单号", "上报时间", "经度", "纬度", "GPS经度", "GPS纬度"]
    mapping = resolve_field_map(fields, {"case_id": "工单号", "x": "GPS经度", "y": "GPS纬度"})
    assert (mapping["case_id"], mapping["x"], mapping["y"]) == ("工单号", "GPS经度", "GPS纬度")
    assert mapping["reported_at"] == "上报时间"


def test_resolve_alias_order_prefers_the_specific_name():
    # both 案件编号 and 编号 are aliases of case_id; the more specific one, listed first, wins
    mapping = resolve_field_map(["编号", "案件编号", "上报时间", "经度", "纬度"], {})
    assert mapping["case_id"] == "案件编号"


def test_resolve_mapped_field_missing_names_it():
    err = error_of(resolve_field_map, ["编号", "上报时间", "经度", "纬度"], {"case_id": "案件编号"})
    assert err.message.params["target"] == "case_id"
    assert err.message.params["source"] == "案件编号"
    assert "编号, 上报时间, 经度, 纬度" in str(err)


def test_resolve_missing_required_fields_names_them():
    err = error_of(resolve_field_map, ["编号", "地址", "经度", "纬度"], {})
    assert err.message.params["missing"] == "reported_at"  # 编号 is an alias of case_id
    err = error_of(resolve_field_map, ["name", "地址", "time"], {})
    assert err.message.params["missing"] == "case_id, reported_at, x, y"
    assert "case_id=…; reported_at=…; x=…; y=…" in str(err)
    assert "name, 地址, time" in str(err)


def test_resolve_with_parsed_field_map():
    fields = ["工单编号", "受理时间", "东经", "北纬"]
    mapping = resolve_field_map(fields, parse_field_map("x=东经；y=北纬"))
    assert mapping == {"case_id": "工单编号", "reported_at": "受理时间", "x": "东经", "y": "北纬"}


# ---- times ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "expected"), [
    ("2025-03-01T04:00:00Z", "2025-03-01T04:00:00Z"),
    ("2025-03-01T12:00:00+08:00", "2025-03-01T04:00:00Z"),
    ("2025-03-01 12:00:00+08:00", "2025-03-01T04:00:00Z"),
    ("2025-03-01T06:00:00+02:00", "2025-03-01T04:00:00Z"),
    ("2025-03-01 12:00:00", "2025-03-01T04:00:00Z"),  # naive: Asia/Shanghai, minus 8 h
    ("2025-03-01T12:00", "2025-03-01T04:00:00Z"),
    ("2025-03-01 08:05:30.750", "2025-03-01T00:05:30Z"),  # fractions are dropped
    ("2025-03-01 03:00:00", "2025-02-28T19:00:00Z"),  # across midnight
    ("2025-01-01 07:59:59", "2024-12-31T23:59:59Z"),  # across the year
    ("2025/3/1 8:05", "2025-03-01T00:05:00Z"),
    ("2025/03/01 08:05:09", "2025-03-01T00:05:09Z"),
    ("2025.3.1 8:05", "2025-03-01T00:05:00Z"),
    ("2025/3/1", "2025-02-28T16:00:00Z"),
    ("2025年3月1日 08:05:00", "2025-03-01T00:05:00Z"),
    ("2025年3月1日 8:05", "2025-03-01T00:05:00Z"),
    ("2025年3月1日8时5分3秒", "2025-03-01T00:05:03Z"),
    ("2025年3月1日 08：05", "2025-03-01T00:05:00Z"),  # full-width colon
    ("2025年3月1日", "2025-02-28T16:00:00Z"),
    ("20250301080500", "2025-03-01T00:05:00Z"),
    ("202503010805", "2025-03-01T00:05:00Z"),
    ("20250301", "2025-02-28T16:00:00Z"),
    ("2025-03-01", "2025-02-28T16:00:00Z"),  # date only: local midnight
    ("  2025-03-01 12:00:00  ", "2025-03-01T04:00:00Z"),
    ("2024-02-29 10:00:00", "2024-02-29T02:00:00Z"),  # leap day
])
def test_parse_time_text(value, expected):
    assert stored(parse_time(value, SHANGHAI)) == expected


def test_parse_time_chinese_hours_and_minutes_without_seconds():
    """'8时5分' (hour and minute markers, no seconds) is as common as '8时5分3秒', which is accepted."""
    assert stored(parse_time("2025年3月1日 8时5分", SHANGHAI)) == "2025-03-01T00:05:00Z"


def test_parse_time_objects():
    assert stored(parse_time(dt.datetime(2025, 3, 1, 12, 0), SHANGHAI)) == "2025-03-01T04:00:00Z"
    assert stored(parse_time(dt.date(2025, 3, 1), SHANGHAI)) == "2025-02-28T16:00:00Z"
    aware = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert stored(parse_time(aware, SHANGHAI)) == "2025-03-01T17:00:00Z"
    in_utc = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.timezone.utc)
    assert stored(parse_time(in_utc, SHANGHAI)) == "2025-03-01T12:00:00Z"


@pytest.mark.parametrize("value", [None, "", "   ", "\t"])
def test_parse_time_empty(value):
    assert parse_time(value, SHANGHAI) is None


@pytest.mark.parametrize("value", ["yesterday", "昨天下午", "2025-13-01", "2025/2/30", "2025年2月30日", "20251301",
                                   "2025030", "12:30", "2025-03-01 25:00", "45717.5", "2025/3/1 8:05:00 PM"])
def test_parse_time_garbage(value):
    with pytest.raises(ValueError):
        parse_time(value, SHANGHAI)


def test_parse_time_zones():
    assert stored(parse_time("2025-03-01 12:00:00", UTC)) == "2025-03-01T12:00:00Z"
    assert stored(parse_time(dt.datetime(2025, 3, 1, 12, 0), UTC)) == "2025-03-01T12:00:00Z"
    # a zone with daylight saving time: +1 in winter, +2 in summer
    berlin = time_zone("Europe/Berlin")
    assert stored(parse_time("2025-01-15 12:00:00", berlin)) == "2025-01-15T11:00:00Z"
    assert stored(parse_time("2025-07-15 12:00:00", berlin)) == "2025-07-15T10:00:00Z"
    # an explicit offset ignores the zone
    assert stored(parse_time("2025-03-01T12:00:00+08:00", UTC)) == "2025-03-01T04:00:00Z"


# Every form parse_time knows, some written in ways that must fall to the careful path, and some
# that are not times: parse_time_column (numpy for whole columns) must give parse_time's answer.
COLUMN_FORMS = [
    "2025-03-01 08:05:00", "2025-03-01T08:05:00", "2025-03-01T08:05:00Z", "2025-03-01T08:05:00+08:00",
    "2025-03-01T08:05:00-05:30", "2025/3/1 8:05", "2025年3月1日 08:05:00", "20250301080500", "", None, "  ",
    "2025-02-30 08:00:00", "garbage", " 2025-03-01 08:05:00 ", "2025-03-01 08:05", "2025-03-01", "0999-01-01 00:00:00",
    dt.datetime(2025, 3, 1, 8, 5), dt.date(2025, 3, 1), "2025-0a-01 08:05:00", "2025-03-30 02:30:00",
    "2025-10-26 02:30:00", "2025-03-01 08:05:00.5", "2025-12-31 23:59:59", "1999-12-31 23:59:59", "2025-03-01 24:00:00",
]


def column_by_parse_time(values, zone):
    out, bad = [], []
    for i, value in enumerate(values):
        try:
            out.append(parse_time(value, zone))
        except (ValueError, OverflowError):
            out.append(None)
            bad.append(i)
    return out, bad


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "UTC"])
def test_parse_time_column_gives_parse_times_answers(zone):
    rng = np.random.default_rng(7)
    for _ in range(200):
        values = [COLUMN_FORMS[k] for k in rng.integers(0, len(COLUMN_FORMS), rng.integers(0, 40))]
        if rng.random() < 0.5:  # columns of the fast forms only, as real exports are
            values = [v for v in values if isinstance(v, str) and v[:4] in ("2025", "1999") and len(v) == 19]
        assert parse_time_column(values, time_zone(zone)) == column_by_parse_time(values, time_zone(zone)), values


def test_parse_time_column_every_hour_of_a_year_with_summer_time():
    """A whole column in the fast form, across both DST changes: the same as parse_time, row by row."""
    start = dt.datetime(2025, 1, 1)
    values = [(start + dt.timedelta(minutes=37 * k)).strftime("%Y-%m-%d %H:%M:%S") for k in range(14_300)]
    berlin = time_zone("Europe/Berlin")
    out, bad = parse_time_column(values, berlin)
    assert bad == []
    assert out == [parse_time(v, berlin) for v in values]


def test_parse_time_column_names_an_impossible_date_among_good_ones():
    values = ["2025-03-01 08:00:00"] * 5 + ["2025-02-30 08:00:00"] + ["2025-03-02 08:00:00"] * 3 + [None, ""]
    out, bad = parse_time_column(values, SHANGHAI)
    assert bad == [5]
    assert out[:5] == [parse_time("2025-03-01 08:00:00", SHANGHAI)] * 5
    assert out[6:9] == [parse_time("2025-03-02 08:00:00", SHANGHAI)] * 3
    assert out[5] is None and out[9:] == [None, None]


def test_parse_time_column_of_a_missing_field():
    assert parse_time_column([None] * 4, SHANGHAI) == ([None] * 4, [])


def test_time_zone():
    assert stored(parse_time("2025-03-01 12:00", time_zone(""))) == "2025-03-01T04:00:00Z"  # empty: Asia/Shanghai
    assert stored(parse_time("2025-03-01 12:00", time_zone("Asia/Urumqi"))) == "2025-03-01T06:00:00Z"


@pytest.mark.parametrize("name", ["Mars/Olympus", "Beijing", "UTC+8x", "../etc/passwd"])
def test_time_zone_unknown(name):
    err = error_of(time_zone, name)
    assert err.message.params["zone"] == name
    assert name in str(err)


# ---- parser on the sample ------------------------------------------------------------------------------
def test_sample_is_read_whole(sample_table, sample_rows):
    assert sample_table.encoding == "utf-8"
    assert sample_table.delimiter == ","
    assert [n for n, _ in sample_table.rows()] == list(range(1, SAMPLE_FILE_ROWS + 1))
    assert len(sample_rows) == SAMPLE_ROWS


def test_sample_mapping(sample_mapping):
    assert sample_mapping["case_id"] == "case_id"
    assert sample_mapping["x"] == "lon"
    assert sample_mapping["y"] == "lat"
    assert sample_mapping["closed_at"] == "结案时间"
    assert (sample_mapping["filed_at"], sample_mapping["deadline"], sample_mapping["invalid"]) == (
        "立案时间", "处置时限", "是否作废")


def test_sample_rejects_its_closings_before_the_report(sample_table, sample_mapping, tables):
    parsed = sample_parser(sample_mapping, tables).parse(list(sample_table.rows()))
    assert parsed.read == SAMPLE_FILE_ROWS and len(parsed.records) == SAMPLE_ROWS
    assert [r.row for r in parsed.rejects] == list(CLOSED_BEFORE_REPORT)
    for reject in parsed.rejects:  # one reason each, naming the case, both fields and both times
        (reason,) = reject.reasons
        assert (reason.params["field"], reason.params["earlier"]) == ("结案时间", "reported_at")
        assert reason.params["later_time"] < reason.params["earlier_time"]
        assert reject.case_id in str(reason.params["who"])


def test_sample_parses_without_rejects(sample_rows, sample_mapping, tables):
    parsed = sample_parser(sample_mapping, tables).parse(sample_rows)
    records = parsed.records
    assert parsed.read == SAMPLE_ROWS
    assert parsed.rejects == []
    assert parsed.swapped == 0
    assert len(records) == SAMPLE_ROWS
    assert records.rows.tolist() == [number for number, _ in sample_rows]
    assert records.case_ids == [row["case_id"] for _, row in sample_rows]
    assert set(records.values["kind"]) == {"部件", "事件"}
    assert records.values["kind"] == [row["kind"] for _, row in sample_rows]
    assert all(records.values["class_name"])
    assert records.values["class_code"] == [row["class_code"] for _, row in sample_rows]
    filed = [t for t in records.values["filed_at"] if t is not None]
    assert len(filed) == SAMPLE_ROWS - sum(not row["立案时间"] for _, row in sample_rows) > 5000
    # WGS84 ≈ CGCS2000: coordinates unchanged
    lon, lat = sample_lonlat(sample_rows)
    np.testing.assert_array_equal(records.lon, lon)
    np.testing.assert_array_equal(records.lat, lat)
    # times: +08:00 in the file, UTC in the records
    first = dict(zip(records.values, (column[0] for column in records.values.values())))
    assert sample_rows[0][1]["reported_at"] == "2025-01-01T21:23:35+08:00"
    assert stored(first["reported_at"]) == "2025-01-01T13:23:35Z"
    assert stored(first["closed_at"]) == "2025-01-01T18:35:13Z"
    assert stored(first["filed_at"]) == "2025-01-01T14:06:09Z"
    reported = records.values["reported_at"]
    assert all(STORED_TIME.match(t) for t in reported)
    assert len({len(t) for t in reported}) == 1  # one form for all: text order is time order
    closed = [t for t in records.values["closed_at"] if t is not None]
    assert len(closed) == 5305  # the cases not yet closed have no closing time


def test_sample_kinds_are_normalised(sample_rows, sample_mapping, tables):
    spellings = {"事件": ["事件", "event", "Events", " 事件类 ", "事件问题", ""],
                 "部件": ["部件", "component", "COMPONENTS", "部件类", "部件问题"]}
    rows, expected = [], []
    for number, row in sample_rows[:200]:
        choices = spellings[row["kind"]]
        kind = choices[number % len(choices)]
        rows.append((number, {**row, "kind": kind}))
        expected.append(row["kind"] if kind else "事件")  # no kind: the events table is tried first
    parsed = sample_parser(sample_mapping, tables).parse(rows)
    assert parsed.rejects == []
    assert parsed.records.values["kind"] == expected


def test_sample_class_names_are_filled(sample_rows, sample_mapping, tables):
    rows = [(number, {**row, "class_name": ""}) for number, row in sample_rows]
    parsed = sample_parser(sample_mapping, tables).parse(rows)
    assert parsed.rejects == []
    assert parsed.records.values["class_name"] == [row["class_name"] for _, row in sample_rows]


def test_sample_classes_by_name_only(sample_rows, sample_mapping, tables):
    rows = [(number, {**row, "class_code": ""}) for number, row in sample_rows[:300]]
    parsed = sample_parser(sample_mapping, tables).parse(rows)
    assert parsed.rejects == []
    assert parsed.records.values["class_code"] == [row["class_code"] for _, row in sample_rows[:300]]


BAD_ROWS = [
    pytest.param({"case_id": ""}, "no case id", id="no-id"),
    pytest.param({"case_id": "   "}, "no case id", id="blank-id"),
    pytest.param({"reported_at": ""}, "no report time", id="empty-report-time"),
    pytest.param({"reported_at": "昨天下午三点"}, "is not a date and time", id="bad-report-time"),
    pytest.param({"结案时间": "2025-02-30 10:00:00"}, "is not a date and time", id="bad-closing-time"),
    pytest.param({"lon": "", "lat": ""}, "no coordinates", id="empty-coordinates"),
    pytest.param({"lon": " ", "lat": None}, "no coordinates", id="blank-coordinates"),
    pytest.param({"lon": "116.4E", "lat": "39.9N"}, "are not numbers", id="non-numeric"),
    pytest.param({"lon": "116°24′", "lat": "39.92"}, "are not numbers", id="degrees-minutes"),
    pytest.param({"lon": "", "lat": "39.92"}, "are not numbers", id="one-empty"),
    pytest.param({"lon": "nan", "lat": "39.92"}, "are not numbers", id="nan"),
    pytest.param({"lon": "39.9109734", "lat": "116.4081693"}, "look swapped", id="swapped"),
    pytest.param({"lon": "2.3522", "lat": "48.8566"}, "outside China", id="paris"),
    pytest.param({"lon": "0", "lat": "0"}, "outside China", id="null-island"),
    pytest.param({"class_code": "99999"}, "unknown class code", id="unknown-class-code"),
    pytest.param({"class_code": "", "class_name": "飞碟降落"}, "unknown class '{value}'", id="unknown-class-name"),
    pytest.param({"class_code": "0901"}, "belongs to the {other} scheme", id="other-scheme-code"),
    pytest.param({"kind": "foo"}, "neither 部件 (component) nor 事件 (event)", id="kind-foo"),
]


@pytest.mark.parametrize(("changes", "reason"), BAD_ROWS)
def test_sample_one_bad_row(sample_rows, sample_mapping, tables, changes, reason):
    rows = changed(sample_rows, BAD_ROW, **changes)
    parsed = sample_parser(sample_mapping, tables).parse(rows)
    assert parsed.read == SAMPLE_ROWS
    assert len(parsed.rejects) == 1
    reject = parsed.rejects[0]
    assert reject.row == BAD_ROW
    assert reason in reject.reason.template
    original_id = sample_rows[BAD_ROW - 1][1]["case_id"]
    assert reject.case_id == (changes["case_id"].strip() if "case_id" in changes else original_id)
    assert len(parsed.records) == SAMPLE_ROWS - 1
    assert BAD_ROW not in parsed.records.rows.tolist()
    assert_accounted(parsed)
    assert parsed.swapped == (1 if "swapped" in reason else 0)


def test_sample_reject_reasons_carry_the_values(sample_rows, sample_mapping, tables):
    parser = sample_parser(sample_mapping, tables)
    reason = parser.parse(changed(sample_rows, 5, reported_at="昨天")).rejects[0].reason
    assert reason.params == {"field": "reported_at", "value": "昨天"}
    reason = parser.parse(changed(sample_rows, 5, case_id="")).rejects[0].reason
    assert reason.params == {"field": "case_id"}
    reason = parser.parse(changed(sample_rows, 5, lon="", lat="")).rejects[0].reason
    assert reason.params == {"x": "lon", "y": "lat"}
    reason = parser.parse(changed(sample_rows, 5, lon="abc", lat="39.9")).rejects[0].reason
    assert reason.params == {"x": "abc", "y": "39.9"}
    reason = parser.parse(changed(sample_rows, 5, lon="2.5", lat="48.5")).rejects[0].reason
    assert (reason.params["x"], reason.params["y"]) == (2.5, 48.5)
    assert "(2.5, 48.5)" in str(reason)
    reason = parser.parse(changed(sample_rows, 5, kind="foo")).rejects[0].reason
    assert reason.params == {"value": "foo"}
    reason = parser.parse(changed(sample_rows, 5, class_code="99999")).rejects[0].reason
    assert reason.params["code"] == "99999"


def test_sample_all_bad_rows_together(sample_rows, sample_mapping, tables):
    rows = sample_rows
    bad = {}
    for offset, param in enumerate(BAD_ROWS):
        changes, reason = param.values
        number = 100 + 37 * offset
        rows = changed(rows, number, **changes)
        bad[number] = reason
    parsed = sample_parser(sample_mapping, tables).parse(rows)
    assert parsed.read == SAMPLE_ROWS
    assert [r.row for r in parsed.rejects] == sorted(bad)  # sorted by row, coordinate rejects included
    for reject in parsed.rejects:
        assert bad[reject.row] in reject.reason.template
    assert len(parsed.records) == SAMPLE_ROWS - len(bad)
    assert set(parsed.records.rows.tolist()).isdisjoint(bad)
    assert parsed.swapped == 1
    assert_accounted(parsed)


def test_a_row_without_a_class_is_imported_unclassified(sample_rows, sample_mapping, tables):
    """The README names case_id, reported_at, x and y as required: a row without class code and name is
    a case without a class (class code None; kind as given, else unknown), not a reject."""
    rows = changed(sample_rows, BAD_ROW, class_code="", class_name="", kind="")
    rows = changed(rows, BAD_ROW + 1, class_code=" ", class_name="", kind="部件")
    parsed = sample_parser(sample_mapping, tables).parse(rows)
    assert parsed.rejects == [] and parsed.unknown_classes == {}
    at = parsed.records.rows.tolist().index(BAD_ROW)
    values = parsed.records.values
    assert (values["class_code"][at], values["class_name"][at], values["kind"][at]) == (None, None, None)
    assert (values["class_code"][at + 1], values["kind"][at + 1]) == (None, "部件")
    assert values["class_code"].count(None) == 2


def test_unknown_classes_are_counted_per_value_as_written(sample_rows, sample_mapping, tables):
    from grid_plugin.core.cases.case_classes import unknown_classes_warning

    rows = sample_rows[:300]
    for number in range(1, 41):
        rows = changed(rows, number, class_code="", class_name="Noise - Residential")
    for number in range(41, 51):
        rows = changed(rows, number, class_code="Graffiti", class_name="")
    rows = changed(rows, 51, class_code="99999")
    parsed = sample_parser(sample_mapping, tables).parse(rows)
    assert parsed.unknown_classes == {"Noise - Residential": 40, "Graffiti": 10, "99999": 1}
    assert [r.row for r in parsed.rejects] == list(range(1, 52))
    text = str(unknown_classes_warning(parsed.unknown_classes, "GB/T 47678.5-2026"))
    assert text.startswith("51 rows have a class that is not in the class table GB/T 47678.5-2026")
    assert "'Noise - Residential' (40 rows); 'Graffiti' (10 rows); '99999' (1 rows)" in text
    assert "USER_CLASSES" in text
    many = {f"class {k}": 100 - k for k in range(14)}
    text = str(unknown_classes_warning(many, "GB/T 47678.5-2026"))
    assert "'class 9' (91 rows); and 4 more values (354 rows)" in text and "class 10'" not in text


def test_a_rejected_row_gets_all_its_reasons(sample_rows, sample_mapping, tables):
    rows = changed(sample_rows, BAD_ROW, reported_at="01/13/2015 25:00", 结案时间="2025-02-30 10:00:00",
                   class_code="Graffiti", kind="foo", lon="", lat="")
    rows = changed(rows, BAD_ROW + 1, case_id="", lon="abc", lat="39.9")
    parsed = sample_parser(sample_mapping, tables).parse(rows)
    assert [r.row for r in parsed.rejects] == [BAD_ROW, BAD_ROW + 1]
    first, second = parsed.rejects
    assert first.reason == first.reasons[0]
    templates = [reason.template for reason in first.reasons]
    assert len(templates) == 5
    assert "is not a date and time" in templates[0] and first.reasons[0].params["field"] == "reported_at"
    assert "is not a date and time" in templates[1] and first.reasons[1].params["field"] == "结案时间"
    assert "no coordinates" in templates[2]
    assert "neither 部件" in templates[3]
    assert "unknown class" in templates[4] and first.reasons[4].params["value"] == "Graffiti"
    assert [reason.template.split(" (")[0] for reason in second.reasons] == [
        "no case id", "coordinates '{x}', '{y}' are not numbers"]


def test_an_empty_report_time_is_one_reason_and_a_bad_one_another():
    parsed = parse_plain(case_row("C1", reported_at=""), case_row("C2", reported_at="下周一"))
    first, second = parsed.rejects
    assert len(first.reasons) == 1 and first.reason.template.startswith("no report time")
    assert len(second.reasons) == 1 and "is not a date and time" in second.reason.template
    assert "set DATE_FORMAT" in str(second.reason)


def test_a_row_read_only_in_part_keeps_that_one_reason():
    from grid_plugin.core.errors import message

    rows = [case_row("C1", reported_at="bad", lon="")]
    columns = {name: [row.get(name)] for name in CASE_COLUMNS for row in rows}
    problem = message("row {row} has more values than the header", row=1)
    parsed = CaseParser(resolve_field_map(CASE_COLUMNS, {})).parse_columns(columns, np.array([1]),
                                                                          row_problems={0: problem})
    assert parsed.rejects[0].reasons == (problem,)


def test_the_reasons_of_all_rejected_rows_are_counted_by_kind():
    """An export whose every row fails: the error leads to the fix with the commonest reasons first, each
    counted over every reason of every row and shown with its first example."""
    from grid_plugin.core.cases.case_rejects import all_rejected, reason_counts
    from grid_plugin.core.cases.time_formats import DateFormat

    rows = [case_row(f"C{k}", reported_at=f"0{k % 9 + 1}/2{k % 8}/2015 12:20:09 AM", class_code="",
                     class_name="Graffiti" if k % 3 == 0 else "Noise - Residential") for k in range(30)]
    rows[4] = case_row("C4", reported_at="2025-03-01 08:00:00", lon="", lat="", class_code="Graffiti")
    parsed = CaseParser(resolve_field_map(CASE_COLUMNS, {}), date_format=DateFormat("iso"),
                        events=ClassTable.load("gbt47678", CLASSES_DIR, kind="events")).parse(numbered(*rows))
    assert len(parsed.rejects) == 30 and len(parsed.records) == 0
    counts = reason_counts(parsed.rejects)
    assert [(c.count, c.example.params.get("value"), c.row) for c in counts] == [
        (30, "Graffiti", 1), (29, "01/20/2015 12:20:09 AM", 1), (1, None, 5)]  # unknown classes: one kind
    assert parsed.unknown_classes == {"Noise - Residential": 19, "Graffiti": 11}  # ... named in their own warning
    text = str(all_rejected(30, parsed.rejects, "/tmp/rejects.csv"))
    assert text.startswith(
        "All 30 rows were rejected, so nothing was imported and the store is unchanged. Most common reasons: "
        "30 × unknown class 'Graffiti': no class of GB/T 47678.5-2026 has this code or exact name; use the class "
        "code or the name as written in the class table (first in row 1); 29 × reported_at '01/20/2015 12:20:09 AM' "
        "is not a date and time; write it as 2025-03-01 08:05:00, or set DATE_FORMAT to the format of the file "
        "(e.g. %d.%m.%Y %H:%M) (first in row 1); ")
    assert text.endswith("1 × no coordinates (fields lon and lat are empty); geocode the address first (first in row "
                         "5). Every row and its reasons are in /tmp/rejects.csv.")


def test_numbers_with_spaces_and_objects(sample_mapping):
    rows = numbered(case_row(lon=" 116.3974 ", lat="39.9087\t"), case_row("C2", lon=116.3974, lat=39.9087),
                    case_row("C3", lon=116, lat=40))
    parsed = CaseParser(sample_mapping).parse(rows)
    assert parsed.rejects == []
    assert parsed.records.lon.tolist() == [116.3974, 116.3974, 116.0]
    assert parsed.records.lat.tolist() == [39.9087, 39.9087, 40.0]


def test_parser_without_class_tables_keeps_codes_and_normalises_kinds():
    parsed = parse_plain(case_row(kind="event", class_code="whatever", class_name=""),
                         case_row("C2", kind="", class_code="", class_name=""),
                         case_row("C3", kind="部件类"), case_row("C4", kind="bogus"))
    assert parsed.records.values["kind"] == ["事件", None, "部件"]
    assert parsed.records.values["class_code"] == ["whatever", None, "09011"]
    assert parsed.records.values["class_name"] == [None, None, "共享单车乱象"]
    assert [r.row for r in parsed.rejects] == [4]


def test_parser_text_fields_are_trimmed_and_empty_is_none():
    parsed = parse_plain(case_row("  C1  ", description="  破损  ", address="", status=None))
    values = parsed.records.values
    assert values["case_id"] == ["C1"]
    assert values["description"] == ["破损"]
    assert values["address"] == [None]
    assert values["status"] == [None]


def test_parser_zone():
    row = case_row(reported_at="2025-03-01 12:00:00")
    assert stored(*parse_plain(row).records.values["reported_at"]) == "2025-03-01T04:00:00Z"
    assert stored(*parse_plain(row, zone="UTC").records.values["reported_at"]) == "2025-03-01T12:00:00Z"
    with pytest.raises(GridInputError):
        parse_plain(row, zone="Nowhere/Town")


def test_parser_datetime_objects_from_layers():
    row = case_row(reported_at=dt.datetime(2025, 3, 1, 12, 0), closed_at=dt.date(2025, 3, 2))
    values = parse_plain(row).records.values
    assert stored(*values["reported_at"]) == "2025-03-01T04:00:00Z"
    assert stored(*values["closed_at"]) == "2025-03-01T16:00:00Z"


def _table(kind, *classes):
    entries = [ClassEntry(code, code[:2], "大类", "Major", name, "", ("point",)) for code, name in classes]
    return ClassTable("gbt47678", entries, kind=kind)


def test_kind_follows_the_table_the_class_is_found_in():
    events = _table("events", ("09011", "共享单车乱象"))
    components = _table("components", ("01001", "供水井盖"))
    mapping = resolve_field_map(CASE_COLUMNS, {})
    parser = CaseParser(mapping, events=events, components=components)
    parsed = parser.parse(numbered(
        case_row("E", kind="", class_code="09011", class_name=""),
        case_row("C", kind="", class_code="01001", class_name=""),
        case_row("K", kind="部件", class_code="01001", class_name=""),
        case_row("X", kind="事件", class_code="01001", class_name=""),  # an event class is needed
        case_row("N", kind="", class_code="", class_name="供水井盖"),
    ))
    values = parsed.records.values
    assert values["case_id"] == ["E", "C", "K", "N"]
    assert values["kind"] == ["事件", "部件", "部件", "部件"]
    assert values["class_name"] == ["共享单车乱象", "供水井盖", "供水井盖", "供水井盖"]
    assert [(r.row, r.case_id) for r in parsed.rejects] == [(4, "X")]
    assert "unknown class code" in parsed.rejects[0].reason.template
    # without a components table a component class is unknown
    parsed = CaseParser(mapping, events=events).parse(numbered(case_row("C", kind="", class_code="01001")))
    assert len(parsed.rejects) == 1


def test_parser_options():
    mapping = resolve_field_map(CASE_COLUMNS, {})
    with pytest.raises(ValueError, match="unknown coordinate system"):
        CaseParser(mapping, system="utm")
    err = error_of(CaseParser, mapping, system="crs")
    assert "EPSG" in err.message.template
    err = error_of(CaseParser, mapping, system="crs", epsg="")
    assert "EPSG" in err.message.template


def test_parser_progress_total_does_not_matter():
    rows = [case_row(f"C{i}") for i in range(5)]
    parsed = CaseParser(resolve_field_map(CASE_COLUMNS, {})).parse(numbered(*rows), total=1)
    assert parsed.read == 5
    assert len(parsed.records) == 5


# ---- coordinate systems -----------------------------------------------------------------------------
@pytest.mark.parametrize(("system", "forward"), [("gcj02", wgs84_to_gcj02), ("bd09", wgs84_to_bd09)])
def test_offset_coordinates_come_back_to_wgs84(sample_rows, sample_mapping, tables, system, forward):
    lon, lat = sample_lonlat(sample_rows)
    shifted_lon, shifted_lat = forward(lon, lat)
    shift = np.hypot(shifted_lon - lon, shifted_lat - lat)
    assert shift.min() > 1e-3  # the offset input really differs (hundreds of metres)
    rows = with_coordinates(sample_rows, shifted_lon, shifted_lat)
    parsed = sample_parser(sample_mapping, tables, system=system).parse(rows)
    assert parsed.rejects == []
    assert np.abs(parsed.records.lon - lon).max() < 1e-7
    assert np.abs(parsed.records.lat - lat).max() < 1e-7


def test_offset_coordinates_swapped_and_outside(sample_rows, sample_mapping, tables):
    rows = sample_rows[:50]
    lon, lat = sample_lonlat(rows)
    gcj_lon, gcj_lat = wgs84_to_gcj02(lon, lat)
    rows = with_coordinates(rows, gcj_lon, gcj_lat)
    rows = changed(rows, 3, lon=rows[2][1]["lat"], lat=rows[2][1]["lon"])
    rows = changed(rows, 4, lon="13.4", lat="52.5")
    parsed = sample_parser(sample_mapping, tables, system="gcj02").parse(rows)
    assert [r.row for r in parsed.rejects] == [3, 4]
    assert "swapped" in parsed.rejects[0].reason.template
    assert "outside China" in parsed.rejects[1].reason.template
    assert parsed.swapped == 1
    keep = np.array([i for i in range(50) if i not in (2, 3)])
    assert np.abs(parsed.records.lon - lon[keep]).max() < 1e-7
    assert np.abs(parsed.records.lat - lat[keep]).max() < 1e-7


@pytest.mark.parametrize("system", ["wgs84", "cgcs2000"])
def test_datum_systems_are_unchanged(sample_rows, sample_mapping, tables, system):
    rows = sample_rows[:100]
    parsed = sample_parser(sample_mapping, tables, system=system).parse(rows)
    lon, lat = sample_lonlat(rows)
    np.testing.assert_array_equal(parsed.records.lon, lon)
    np.testing.assert_array_equal(parsed.records.lat, lat)


@pytest.mark.parametrize("epsg", ["EPSG:4548", "epsg:4548"])
def test_projected_crs_comes_back_to_degrees(sample_rows, sample_mapping, tables, epsg):
    lon, lat = sample_lonlat(sample_rows)
    to_projected = pyproj.Transformer.from_crs("EPSG:4490", "EPSG:4548", always_xy=True)
    east, north = to_projected.transform(lon, lat)
    assert east.min() > 300_000 and east.max() < 700_000  # easting without zone number (CM 117E)
    assert north.min() > 4_000_000 and north.max() < 5_000_000
    rows = with_coordinates(sample_rows, east, north)
    parsed = sample_parser(sample_mapping, tables, system="crs", epsg=epsg).parse(rows)
    assert parsed.rejects == []
    assert np.abs(parsed.records.lon - lon).max() < 1e-7
    assert np.abs(parsed.records.lat - lat).max() < 1e-7


def test_projected_crs_outside_china_is_rejected(sample_rows, sample_mapping, tables):
    rows = sample_rows[:10]
    east, north = pyproj.Transformer.from_crs("EPSG:4490", "EPSG:4548", always_xy=True).transform(
        *sample_lonlat(rows))
    rows = with_coordinates(rows, east, north)
    rows = changed(rows, 2, lon="500000", lat="6500000")  # 117E 58.6N (swapped: 164E 3N)
    rows = changed(rows, 5, lon=repr(float(north[4])), lat=repr(float(east[4])))  # northing and easting swapped
    parsed = sample_parser(sample_mapping, tables, system="crs", epsg="EPSG:4548").parse(rows)
    assert [r.row for r in parsed.rejects] == [2, 5]
    assert "outside China" in parsed.rejects[0].reason.template
    assert "swapped" in parsed.rejects[1].reason.template
    assert parsed.swapped == 1


# ---- finish_records ---------------------------------------------------------------------------------
def test_finish_attaches_codes_and_rejects_cases_outside_every_grid():
    parsed = parse_plain(case_row("A"), case_row("B", lon="116.40", lat="39.90"), case_row("C"),
                         case_row("D", lon="116.41"))
    done = finished(parsed, ["G01", None, "G03", None])
    assert done.records.case_ids == ["A", "C"]
    assert done.records.values["grid_code"] == ["G01", "G03"]
    assert done.records.values["street_code"] == ["G01-S", "G03-S"]
    assert done.records.values["community_code"] == ["G01-C", "G03-C"]
    assert done.records.rows.tolist() == [1, 3]
    assert [(r.row, r.case_id) for r in done.rejects] == [(2, "B"), (4, "D")]
    reason = done.rejects[0].reason
    assert "outside every unit grid" in reason.template
    assert (reason.params["lon"], reason.params["lat"]) == (116.40, 39.90)
    assert "(116.400000, 39.900000)" in str(reason)
    assert done.read == 4
    assert_accounted(done)


def test_finish_keeps_earlier_rejects_and_the_swap_count():
    parsed = parse_plain(case_row("A"), case_row("", lon="116.4"), case_row("C", lon="39.9", lat="116.4"),
                         case_row("D"))
    assert parsed.swapped == 1
    done = finished(parsed, [None, "G1"])
    assert [r.row for r in done.rejects] == [1, 2, 3]
    assert done.records.case_ids == ["D"]
    assert done.swapped == 1
    assert done.read == 4
    assert_accounted(done)


def test_finish_identical_duplicates_keep_one():
    parsed = parse_plain(case_row("A"), case_row("B", description="另一个"), case_row("A"), case_row("A"))
    done = finished(parsed, ["G1"] * 4)
    assert done.records.case_ids == ["A", "B"]
    assert done.records.rows.tolist() == [1, 2]
    assert [r.row for r in done.rejects] == [3, 4]
    for reject in done.rejects:
        assert reject.case_id == "A"
        assert "identical duplicate" in reject.reason.template
        assert reject.reason.params["row"] == 1
    assert_accounted(done)


def test_finish_identical_duplicates_with_differently_written_input():
    """Same content after parsing (time formats, blanks, number text) counts as identical."""
    parsed = parse_plain(case_row("A", reported_at="2025-03-01 08:05:00", lon="116.3974"),
                         case_row("A", reported_at="2025/3/1 8:05", lon="116.39740"),
                         case_row("A", reported_at="2025-03-01T00:05:00Z", description=" 共享单车乱停放 "))
    done = finished(parsed, ["G1"] * 3)
    assert done.records.case_ids == ["A"]
    assert [r.row for r in done.rejects] == [2, 3]
    assert all("identical duplicate" in r.reason.template for r in done.rejects)


def test_finish_conflicting_duplicates_reject_every_row_of_the_id():
    parsed = parse_plain(case_row("A"), case_row("B"), case_row("A", status="处置中"), case_row("C"),
                         case_row("A"))
    done = finished(parsed, ["G1"] * 5)
    assert done.records.case_ids == ["B", "C"]
    assert [(r.row, r.case_id) for r in done.rejects] == [(1, "A"), (3, "A"), (5, "A")]
    others = {r.row: r.reason.params["rows"] for r in done.rejects}
    assert others == {1: "3, 5", 3: "1, 5", 5: "1, 3"}
    for reject in done.rejects:
        assert "different content" in reject.reason.template
        assert reject.reason.params["case_id"] == "A"
        assert f"rows {others[reject.row]}" in str(reject.reason)
    assert_accounted(done)


def test_finish_conflict_names_at_most_five_other_rows():
    parsed = parse_plain(*(case_row("A", description=f"第{i}次") for i in range(8)))
    done = finished(parsed, ["G1"] * 8)
    assert len(done.records) == 0
    assert done.rejects[0].reason.params["rows"] == "2, 3, 4, 5, 6"
    assert_accounted(done)


def test_finish_duplicate_outside_grid_does_not_conflict():
    # the same id at two places: the one outside every grid is rejected for that, the other is kept
    parsed = parse_plain(case_row("A", lon="116.40"), case_row("A", lon="116.50"))
    done = finished(parsed, ["G1", None])
    assert done.records.case_ids == ["A"]
    assert done.records.lon.tolist() == [116.40]
    assert [r.row for r in done.rejects] == [2]
    assert "outside every unit grid" in done.rejects[0].reason.template


def test_finish_on_the_sample(sample_rows, sample_mapping, tables):
    rows = sample_rows[:400]
    rows = [*rows, (401, dict(rows[9][1])), (402, {**rows[19][1], "status": "处置中"})]
    parsed = sample_parser(sample_mapping, tables).parse(rows)
    # a grid code that follows the location (as point in polygon would), none for every 50th case
    codes = [None if i % 50 == 7 else f"G{round(lon * 100) % 13:02d}" for i, lon in enumerate(parsed.records.lon)]
    done = finished(parsed, codes)
    outside = {i + 1 for i in range(402) if i % 50 == 7}
    assert {r.row for r in done.rejects} == outside | {401, 20, 402}
    assert done.read == 402
    assert len(done.records) == 402 - len(outside) - 3
    assert_accounted(done)
    assert len(set(done.records.case_ids)) == len(done.records)


def _hash_of(row, grid="G1"):
    return finished(parse_plain(row), [grid]).records.values["content_hash"][0]


def test_content_hash_equal_for_identical_content():
    assert _hash_of(case_row()) == _hash_of(case_row())
    assert _hash_of(case_row(reported_at="2025/3/1 8:05")) == _hash_of(case_row(reported_at="2025-03-01 08:05:00"))
    # the row number is not content: a re-import of a reordered file changes nothing
    parsed = parse_plain(case_row("B"), case_row("A"))
    done = finished(parsed, ["G1", "G1"]).records  # returned in case-id order
    assert done.case_ids == ["A", "B"]
    moved = done.values["content_hash"][0]
    assert moved == _hash_of(case_row("A"))
    assert len(_hash_of(case_row())) == 40


@pytest.mark.parametrize(("field_name", "value"), [
    ("case_id", "C2"), ("source", "视频发现"), ("kind", "部件"), ("class_code", "09012"),
    ("class_name", "其他"), ("description", "共享单车乱停放。"), ("address", "示例路2号"), ("status", "处置中"),
    ("reported_at", "2025-03-01 08:05:01"), ("closed_at", ""), ("filed_at", "2025-03-01 09:00:00"),
    ("lon", "116.397401"), ("lat", "39.908701"),
])
def test_content_hash_differs_when_any_field_differs(field_name, value):
    base = case_row()
    other = case_row(**{field_name: value})
    assert _hash_of(base) != _hash_of(other)
    # and the same id with that difference is a conflict, not an identical duplicate
    if field_name != "case_id":
        done = finished(parse_plain(base, other), ["G1", "G1"])
        assert len(done.records) == 0
        assert all("different content" in r.reason.template for r in done.rejects)


def test_content_hash_changes_when_the_grid_changes():
    """A re-import after the unit grids were redrawn must update the case's grid codes; the store
    leaves cases with an equal hash alone, so the hash has to cover the codes finish_records attaches."""
    row = case_row()
    assert _hash_of(row, "110101001001001") != _hash_of(row, "110101001001002")


def test_content_hash_function():
    assert content_hash(["a", None, "b"]) == content_hash(["a", "", "b"])
    assert content_hash(["ab", "c"]) != content_hash(["a", "bc"])
    assert content_hash(["案件"]) != content_hash(["案卷"])


def test_finish_empty():
    parsed = parse_plain()
    assert isinstance(parsed, ParsedCases)
    done = finish_records(parsed, [], [], [])
    assert len(done.records) == 0
    assert done.rejects == []
    assert done.read == 0
    assert done.records.values["content_hash"] == []


# ---- filters ----------------------------------------------------------------------------------------
def test_case_filter_describe():
    assert CaseFilter().describe() == "… – …"
    assert CaseFilter(start="2025-01-01T00:00:00Z").describe() == "2025-01-01T00:00:00Z – …"
    full = CaseFilter(start="2025-01-01T00:00:00Z", end="2025-02-01T00:00:00Z", kinds=("事件", "部件"),
                      class_codes=("09011",), sources=("12345热线", "公众举报"), statuses=("已结案",))
    assert full.describe() == ("2025-01-01T00:00:00Z – 2025-02-01T00:00:00Z; kind = 事件, 部件; class = 09011; "
                               "source = 12345热线, 公众举报; status = 已结案")
    assert CaseFilter(end="2025-02-01T00:00:00Z", statuses=("处置中",)).describe() == (
        "… – 2025-02-01T00:00:00Z; status = 处置中")


def test_case_filter_is_frozen_and_comparable():
    assert CaseFilter(kinds=("事件",)) == CaseFilter(kinds=("事件",))
    with pytest.raises(AttributeError):
        CaseFilter().start = "x"  # type: ignore[misc]


@pytest.mark.parametrize(("text", "expected"), [
    ("09011, 09012，09013；09014;09015、09016", ("09011", "09012", "09013", "09014", "09015", "09016")),
    ("已结案、处置中", ("已结案", "处置中")),
    (" a ,, ;b；；、 c \n d ", ("a", "b", "c", "d")),
    ("12345热线", ("12345热线",)),
    ("", ()),
    (None, ()),
    (" , ；、", ()),
])
def test_split_list(text, expected):
    assert split_list(text) == expected


def test_filter_kinds():
    assert filter_kinds(["event"]) == ("事件",)
    assert filter_kinds(["Components", "事件"]) == ("部件", "事件")
    assert filter_kinds(["事件", "event", "事件类", " EVENTS "]) == ("事件",)
    assert filter_kinds(split_list("部件，事件")) == ("部件", "事件")
    assert filter_kinds([]) == ()


@pytest.mark.parametrize("value", ["foo", "案件", "", "incident"])
def test_filter_kinds_unknown(value):
    err = error_of(filter_kinds, ["事件", value])
    assert err.message.params["value"] == value
