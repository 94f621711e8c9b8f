"""gridplugin:importcases with a case's lifecycle (issue 19): the workflow's times, the handling
department, rework and postponement counts and the invalid flag, from a GBK export with Chinese
headers, an XLSX sheet with number and date cells, and a US export mapped by FIELD_MAP; each bad
value or contradiction rejects its row, named; on GeoPackage and PostGIS (schemas t19life_...)."""

from __future__ import annotations

import datetime as dt

import pytest
from qgis.core import QgsApplication, QgsProcessingException

from grid_plugin.store.gpkg import GpkgStore
from grid_plugin.store.postgis import PostgisStore
from tests.qgis.conftest import Messages
from tests.qgis.test_case_algorithms import read_rejects, sample_rows, saved_connection, write_csv
from tests.qgis.test_case_store import pg_parameters
from tests.qgis.test_import_reliability import run_import
from tests.xlsx_writer import Formatted, serial, write_xlsx

HEADERS = ["案件编号", "案件来源", "案件类型", "小类代码", "小类名称", "问题描述", "地址", "上报时间", "立案时间",
           "派遣时间", "处置时间", "结案时间", "处置时限", "处置部门", "返工次数", "延期次数", "是否作废", "状态",
           "经度", "纬度"]
SAMPLE = {"案件编号": "case_id", "案件来源": "source", "案件类型": "kind", "小类代码": "class_code",
          "小类名称": "class_name", "问题描述": "description", "地址": "address", "状态": "status", "经度": "lon",
          "纬度": "lat"}
DEPARTMENTS = ["东城区城管委", "交通委 \"道路\" 科", "", "未登记的部门"]
REWORKS = ["0", "1", "2", ""]
POSTPONES = ["", "0", "1", "0", "3"]
FLAGS = ["否", "是", "", "有效", "作废", "N", "1"]
LIFECYCLE = ("department", "rework_count", "postpone_count", "invalid", "filed_at", "dispatched_at",
             "disposed_at", "closed_at", "deadline")
SHOWN = "%Y-%m-%d %H:%M:%S"


def local(text: str) -> dt.datetime:
    """A sample time ('2025-01-01T21:23:35+08:00') as Beijing wall-clock time without a zone."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=None)


def export_rows(count: int = 120) -> list[dict[str, str]]:
    """The sample's first cases as an eGova export: local times, the lifecycle filled in, in order."""
    _, rows = sample_rows()
    out = []
    for k, r in enumerate(rows[:count]):
        reported = local(r["reported_at"])
        row = {header: r[name] for header, name in SAMPLE.items()}
        row.update({"上报时间": reported.strftime(SHOWN),
                    "立案时间": (reported + dt.timedelta(minutes=5)).strftime(SHOWN),
                    "派遣时间": (reported + dt.timedelta(minutes=10)).strftime(SHOWN),
                    "处置时间": (reported + dt.timedelta(minutes=20)).strftime(SHOWN),
                    "结案时间": local(r["结案时间"]).strftime(SHOWN),
                    "处置时限": (reported + dt.timedelta(days=3)).strftime(SHOWN),
                    "处置部门": DEPARTMENTS[k % 4], "返工次数": REWORKS[k % 4], "延期次数": POSTPONES[k % 5],
                    "是否作废": FLAGS[k % 7]})
        out.append(row)
    return out


def earlier(row: dict[str, str], minutes: int) -> str:
    return (dt.datetime.strptime(row["上报时间"], SHOWN) - dt.timedelta(minutes=minutes)).strftime(SHOWN)


STAGES = {"上报时间": "the report (上报)", "立案时间": "the filing (立案)", "派遣时间": "the dispatch (派遣)",
          "处置时间": "the disposal (处置)", "结案时间": "the closing (结案)", "处置时限": "the deadline (处置时限)"}
# row: (the time set out of order, minutes before the report or the time it copies, the time it contradicts)
OUT_OF_ORDER = {3: ("结案时间", 60, "上报时间"), 5: ("处置时限", 24 * 60, "上报时间"),
                7: ("处置时间", "立案时间", "派遣时间"), 9: ("派遣时间", 1, "上报时间"),
                11: ("立案时间", 30, "上报时间")}
NOT_A_COUNT = "is not a count; write a whole number from 0 to 2147483647, or leave it empty (unknown)"
NOT_A_FLAG = "is not a yes/no value; write 是 or 否 (also 1/0, true/false, Y/N, 作废/有效), or leave it empty (unknown)"


def bad_rows(rows: list[dict[str, str]]) -> dict[int, tuple[dict[str, str], str]]:
    """row (1-based) -> (its changes, the reason's expected text); every other row imports."""
    bad = {}
    for number, (field, when, before) in OUT_OF_ORDER.items():
        row = rows[number - 1]
        time = row[when] if isinstance(when, str) else earlier(row, when)
        bad[number] = ({field: time}, f"row {number}, case {row['案件编号']}: {field} '{time}' is before {before} "
                                      f"'{row[before]}', but {STAGES[field]} cannot come before {STAGES[before]}; "
                                      "correct the wrong time")
    for number, field, value, text in ((13, "返工次数", "-1", NOT_A_COUNT), (15, "延期次数", "两次", NOT_A_COUNT),
                                       (17, "是否作废", "待定", NOT_A_FLAG)):
        bad[number] = ({field: value}, f"row {number}: {field} '{value}' {text}")
    return bad


@pytest.fixture(params=["gpkg", "postgis"])
def store(request, tmp_path):
    """(the importcases parameters of a store, a function opening it) on the backend under test."""
    if request.param == "gpkg":
        path = tmp_path / "cases.gpkg"
        yield {"STORE": str(path)}, lambda: GpkgStore(path)
        return
    connection = saved_connection("t19life_")
    name, schema = next(connection)
    yield {"CONNECTION": name, "DB_SCHEMA": schema}, lambda: PostgisStore(pg_parameters(), schema)
    next(connection, None)  # deletes the connection and drops the schema


def stored(opened) -> dict[str, dict[str, object]]:
    """case id -> the lifecycle as stored (times as UTC text)."""
    columns = opened.case_columns(("case_id", *LIFECYCLE))
    return {case_id: {name: columns[name][k] for name in LIFECYCLE} for k, case_id in enumerate(columns["case_id"])}


def utc(text: str) -> str:
    moment = dt.datetime.strptime(text, SHOWN).replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def test_a_gbk_export_with_the_lifecycle_under_chinese_headers(gridplugin, sample_grids, tmp_path, store):
    parameters, open_store = store
    rows = export_rows()
    bad = bad_rows(rows)
    for number, (changes, _) in bad.items():
        rows[number - 1].update(changes)
    rows[18]["处置时间"] = rows[18]["结案时间"] = ""  # missing times: an open case
    rows[20]["处置时限"] = rows[20]["上报时间"][:10]  # a deadline written as a date: that whole day
    path = write_csv(tmp_path / "导出.csv", HEADERS, rows, encoding="gbk")
    feedback = Messages()
    result = run_import(path, tmp_path / "rejects.csv", GRIDS=sample_grids, feedback=feedback, **parameters)
    assert (result["READ_COUNT"], result["IMPORTED_COUNT"], result["REJECTED_COUNT"]) == (120, 112, 8)
    rejects = {int(r["row"]): r for r in read_rejects(result["REJECTS"])}
    assert set(rejects) == set(bad)
    for number, (changes, text) in bad.items():
        reject = rejects[number]
        case_id = rows[number - 1]["案件编号"]
        assert reject["case_id"] == case_id
        assert reject["reason"] == text, number
        for header, value in changes.items():  # the row as read, Chinese intact, to correct and import again
            assert reject[header] == value
    assert any("8 rows rejected" in line for line in feedback.lines)

    with open_store() as opened:
        values = stored(opened)
    assert len(values) == 112
    for k, row in enumerate(rows):
        if k + 1 in bad:
            assert row["案件编号"] not in values
            continue
        case = values[row["案件编号"]]
        assert case["department"] == (row["处置部门"] or None)  # as given, unknown names too
        assert case["rework_count"] == (int(row["返工次数"]) if row["返工次数"] else None)
        assert case["postpone_count"] == (int(row["延期次数"]) if row["延期次数"] else None)
        assert case["invalid"] == {"否": 0, "有效": 0, "N": 0, "是": 1, "作废": 1, "1": 1, "": None}[row["是否作废"]]
        for name, header in (("filed_at", "立案时间"), ("dispatched_at", "派遣时间"), ("disposed_at", "处置时间"),
                             ("closed_at", "结案时间")):
            assert case[name] == (utc(row[header]) if row[header] else None), (k, name)
    assert values[rows[18]["案件编号"]]["closed_at"] is None
    assert values[rows[20]["案件编号"]]["deadline"] == utc(rows[20]["上报时间"][:10] + " 00:00:00")
    assert values[rows[1]["案件编号"]]["department"] == "交通委 \"道路\" 科"
    again = run_import(path, tmp_path / "rejects.csv", feedback=Messages(), **parameters)
    assert (again["IMPORTED_COUNT"], again["UPDATED_COUNT"], again["UNCHANGED_COUNT"]) == (0, 0, 112)


def test_an_xlsx_sheet_with_number_and_date_cells(gridplugin, sample_grids, tmp_path):
    rows = export_rows(12)
    header = ["案件编号", "上报时间", "处置时限", "责任部门", "返工次数", "延期次数", "作废", "经度", "纬度"]
    sheet = [header]
    counts = [0, 1, 2.0, 3, None, 1.5, 0, 2, 1, 0, 1, 0]
    flags = [1, 0, "是", "否", None, 0, True, "Y", 1, 0, 2, 0]
    for k, row in enumerate(rows):
        reported = dt.datetime.strptime(row["上报时间"], SHOWN)
        deadline = reported.replace(hour=0, minute=0, second=0) + dt.timedelta(days=0 if k % 2 else 2)
        sheet.append([row["案件编号"], Formatted(serial(reported), 0), Formatted(serial(deadline), 1),
                      DEPARTMENTS[k % 4] or None, counts[k], k % 3, flags[k], float(row["经度"]), float(row["纬度"])])
    path = write_xlsx(tmp_path / "cases.xlsx", sheet, formats=("yyyy/m/d h:mm:ss", "yyyy/m/d"))
    store = tmp_path / "x.gpkg"
    result = run_import(path, tmp_path / "rejects.csv", store, GRIDS=sample_grids)
    rejects = {int(r["row"]): r["reason"] for r in read_rejects(result["REJECTS"])}
    assert rejects == {
        6: f"row 6: 返工次数 '1.5' {NOT_A_COUNT}",
        11: f"row 11: 作废 '2' {NOT_A_FLAG}"}
    with GpkgStore(store) as opened:
        values = stored(opened)
    ids = [row["案件编号"] for row in rows]
    assert [values[i]["rework_count"] for i in ids if i in values] == [0, 1, 2, 3, None, 0, 2, 1, 0, 0]
    assert [values[i]["invalid"] for i in ids if i in values] == [1, 0, 1, 0, None, 1, 1, 1, 0, 0]
    assert [values[i]["postpone_count"] for i in ids[:4]] == [0, 1, 2, 0]
    # a deadline cell showing a date only, on the day of the report, is in order (the whole day)
    assert values[ids[1]]["deadline"] == utc(rows[1]["上报时间"][:10] + " 00:00:00")


def test_a_us_export_mapped_by_field_map(gridplugin, sample_grids, tmp_path):
    us = "%m/%d/%Y %I:%M:%S %p"
    header = ["Unique Key", "Created Date", "Closed Date", "Due Date", "Agency Name", "Reopened", "Cancelled?",
              "Latitude", "Longitude"]
    _, sample = sample_rows()
    rows = []
    for k, r in enumerate(sample[:20]):
        created = local(r["reported_at"])
        rows.append({"Unique Key": str(40_000_000 + k), "Created Date": created.strftime(us),
                     "Closed Date": (created + dt.timedelta(hours=26)).strftime(us),
                     "Due Date": (created + dt.timedelta(days=5)).strftime(us),
                     "Agency Name": ["Department of Sanitation", "NYPD", ""][k % 3], "Reopened": str(k % 2),
                     "Cancelled?": ["N", "Y", "false", "TRUE"][k % 4], "Latitude": r["lat"], "Longitude": r["lon"]})
    created = local(sample[13]["reported_at"])
    rows[13]["Closed Date"] = (created - dt.timedelta(days=1)).strftime(us)
    path = write_csv(tmp_path / "311.csv", header, rows)
    field_map = ("case_id=Unique Key; reported_at=Created Date; closed_at=Closed Date; deadline=Due Date; "
                 "dept=Agency Name; rework=Reopened; cancelled=Cancelled?")
    store = tmp_path / "us.gpkg"
    result = run_import(path, tmp_path / "rejects.csv", store, GRIDS=sample_grids, FIELD_MAP=field_map,
                        DATE_FORMAT="us")
    assert (result["IMPORTED_COUNT"], result["REJECTED_COUNT"]) == (19, 1)
    reason = read_rejects(result["REJECTS"])[0]["reason"]
    assert reason == (f"row 14, case 40000013: Closed Date '{(created - dt.timedelta(days=1)).strftime(SHOWN)}' is "
                      f"before Created Date '{created.strftime(SHOWN)}', but the closing (结案) cannot come before the "
                      "report (上报); correct the wrong time")
    with GpkgStore(store) as opened:
        values = stored(opened)
    assert values["40000000"]["department"] == "Department of Sanitation"
    assert values["40000002"]["department"] is None
    assert [values[str(40_000_000 + k)]["invalid"] for k in range(4)] == [0, 1, 0, 1]
    assert [values[str(40_000_000 + k)]["rework_count"] for k in range(4)] == [0, 1, 0, 1]


def test_an_export_whose_every_row_contradicts_itself_fails_naming_why(gridplugin, sample_grids, tmp_path):
    rows = export_rows(6)
    for row in rows:
        row["结案时间"] = earlier(row, 5)
    path = write_csv(tmp_path / "bad.csv", HEADERS, rows, encoding="gbk")
    store = tmp_path / "bad.gpkg"
    with pytest.raises(QgsProcessingException) as caught:
        run_import(path, tmp_path / "rejects.csv", store, GRIDS=sample_grids)
    text = str(caught.value)
    assert "All 6 rows were rejected" in text
    assert "6 × row 1, case AJ2025000001: 结案时间" in text and "the closing (结案) cannot come before" in text
    assert len(read_rejects(str(tmp_path / "rejects.csv"))) == 6
    with GpkgStore(store) as opened:
        assert opened.count_cases() == 0


def test_the_lifecycle_fields_are_in_the_help():
    algorithm = QgsApplication.processingRegistry().algorithmById("gridplugin:importcases")
    text = algorithm.shortHelpString()
    for name in ("department", "rework_count", "postpone_count", "invalid", "处置部门", "返工次数", "延期次数", "作废",
                 "filed_at", "deadline"):
        assert name in text
