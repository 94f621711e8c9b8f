"""Reliability of gridplugin:importcases (issue 16), end to end through processing.run with the
plain-string parameters qgis_process and models pass, on GeoPackage and PostGIS stores: rejects safe
to open in Excel, rows with too many values, XLSX date-times and title rows, the rejects file
checked first and committed with the store, the time window, NUL characters, long values.
PostGIS schemas made here start with imp_."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import processing
import psycopg2
import pytest
from qgis.core import QgsApplication, QgsDataSourceUri, QgsProviderRegistry

from grid_plugin.store.gpkg import GpkgStore
from tests.conftest import read_postgis_env
from tests.qgis.conftest import Messages
from tests.qgis.test_case_algorithms import read_rejects, sample_rows, write_csv
from tests.qgis.test_case_store import drop_schema, pg_parameters
from tests.xlsx_writer import Formatted, serial, write_xlsx

UTC = dt.timezone.utc
NEXT_YEAR = dt.date.today().year + 1
# the sample's time columns: the report and its handling (立案, 派遣, 处置, 结案, 处置时限)
TIME_COLUMNS = ("reported_at", "立案时间", "派遣时间", "处置时间", "结案时间", "处置时限")


def run_import(source, rejects, store=None, feedback=None, **extra):
    parameters = {"INPUT": str(source), "ENCODING": 0, "COORDINATES": 0, "TIMEZONE": "Asia/Shanghai", "SCHEME": 0,
                  "DB_SCHEMA": "gridplugin", "REJECTS": str(rejects)}
    if store is not None:
        parameters["STORE"] = str(store)
    parameters.update(extra)
    return processing.run("gridplugin:importcases", parameters, feedback=feedback)


def utc_text(local: str) -> str:
    """The stored form of a sample time ('2025-01-01T21:23:35+08:00')."""
    return dt.datetime.fromisoformat(local).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def stored_times(store: Path) -> dict[str, str]:
    with GpkgStore(store) as opened:
        return dict(zip(*opened.case_columns(("case_id", "reported_at")).values()))


def sample_csv_text(rows: list[dict], fields: list[str]) -> list[str]:
    """The rows as CSV lines written by hand (no quoting: the sample's values have no commas)."""
    return [",".join(fields)] + [",".join(r[f] for f in fields) for r in rows]


# ---- 4 -------------------------------------------------------------------------------------------------------
def test_rejected_cells_cannot_run_as_formulas_in_excel(gridplugin, sample_grids, tmp_path):
    fields, rows = sample_rows()
    rows = rows[:10]
    rows[2]["reported_at"] = "=cmd|' /C calc'!A0"
    rows[2]["description"] = '=HYPERLINK("http://example.com","点击查看")'
    rows[2]["source"] = "+86 10 12345"
    rows[4]["description"] = "@SUM(1+1)"
    rows[4]["lon"], rows[4]["lat"] = "-73.9856", "40.7484"  # New York: rejected, coordinates stay numbers
    result = run_import(write_csv(tmp_path / "in.csv", fields, rows), tmp_path / "rejects.csv",
                        tmp_path / "s.gpkg", GRIDS=sample_grids)
    assert result["REJECTED_COUNT"] == 2
    rejects = {int(r["row"]): r for r in read_rejects(result["REJECTS"])}
    assert rejects[3]["reported_at"] == "'=cmd|' /C calc'!A0"
    assert rejects[3]["description"] == "'" + rows[2]["description"]
    assert rejects[3]["source"] == "'+86 10 12345"
    assert rejects[5]["description"] == "'@SUM(1+1)"
    assert (rejects[5]["lon"], rejects[5]["lat"]) == ("-73.9856", "40.7484")
    assert all(not value.startswith(("=", "+", "@")) for r in rejects.values() for value in r.values())


# ---- 5 -------------------------------------------------------------------------------------------------------
def test_rows_with_more_values_than_the_header_are_rejected_not_cut(gridplugin, sample_grids, tmp_path):
    fields, rows = sample_rows()
    lines = sample_csv_text(rows[:30], fields)
    lines[17] += ",备注：居民来电"  # row 17: an extra trailing value
    lines[20] = lines[20].replace(rows[19]["description"], rows[19]["description"][:3] + "," +
                                  rows[19]["description"][3:])  # row 20: an unquoted comma in the description
    path = tmp_path / "in.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_import(path, tmp_path / "rejects.csv", tmp_path / "s.gpkg", GRIDS=sample_grids)
    assert (result["READ_COUNT"], result["IMPORTED_COUNT"], result["REJECTED_COUNT"]) == (30, 28, 2)
    rejects = {int(r["row"]): r for r in read_rejects(result["REJECTS"])}
    assert rejects[17]["reason"] == "row 17 has 21 values but the header has 20: a comma inside a value needs quotes"
    assert rejects[20]["reason"] == "row 20 has 21 values but the header has 20: a comma inside a value needs quotes"
    assert rejects[17]["(extra values)"] == "备注：居民来电"  # nothing lost: the extra value is kept
    assert rejects[17]["lat"] == rows[16]["lat"]


# ---- 6, 8, 15: XLSX ------------------------------------------------------------------------------------------
def sample_sheet(path: Path, rows: list[dict], fields: list[str], above: list[list] = (), merges=()) -> Path:
    """The sample rows as an XLSX sheet '案件' with the times as date cells formatted 'yyyy/m/d h:mm'."""
    def cell(name, value):
        if name in TIME_COLUMNS and value:
            return Formatted(serial(dt.datetime.fromisoformat(value).replace(tzinfo=None)), 0)
        if name in ("lon", "lat"):
            return float(value)
        return value or None

    table = [*above, fields, *[[cell(name, r[name]) for name in fields] for r in rows]]
    return write_xlsx(path, table, formats=("yyyy/m/d h:mm",), merges=merges, sheet="案件")


def test_xlsx_date_times_with_a_custom_format_keep_their_time(gridplugin, sample_grids, tmp_path):
    fields, rows = sample_rows()
    rows = rows[:40]
    path = sample_sheet(tmp_path / "cases.xlsx", rows, fields)
    store = tmp_path / "x.gpkg"
    result = run_import(path, tmp_path / "rejects.csv", store, GRIDS=sample_grids, LAYER="案件")
    assert result["IMPORTED_COUNT"] == 40, read_rejects(result["REJECTS"])[:3]
    times = stored_times(store)
    assert {r["case_id"]: utc_text(r["reported_at"]) for r in rows} == times  # to the second, not local midnight


def test_xlsx_rejected_rows_keep_their_values(gridplugin, sample_grids, tmp_path):
    fields, rows = sample_rows()
    rows = rows[:20]
    rows[5]["class_code"], rows[5]["class_name"] = "99999", ""
    path = sample_sheet(tmp_path / "cases.xlsx", rows, fields)
    result = run_import(path, tmp_path / "rejects.csv", tmp_path / "x.gpkg", GRIDS=sample_grids)
    [reject] = read_rejects(result["REJECTS"])
    assert reject["row"] == "6" and "99999" in reject["reason"]
    assert reject["description"] == rows[5]["description"] and reject["address"] == rows[5]["address"]
    assert reject["reported_at"] == rows[5]["reported_at"][:19].replace("T", " ")
    assert float(reject["lon"]) == float(rows[5]["lon"])


def test_an_xlsx_with_a_merged_title_row_imports_and_says_so(gridplugin, sample_grids, tmp_path):
    fields, rows = sample_rows()
    rows = rows[:25]
    path = sample_sheet(tmp_path / "cases.xlsx", rows, fields, above=[["东城区12345工单导出 2026年3月"], []],
                        merges=("A1:L1",))
    log = Messages()
    result = run_import(path, tmp_path / "rejects.csv", tmp_path / "x.gpkg", feedback=log, GRIDS=sample_grids)
    assert result["IMPORTED_COUNT"] == 25
    assert any("Row 1 ('东城区12345工单导出 2026年3月') is a title" in line and "row 3" in line for line in log.lines)


def test_csv_title_lines_and_the_header_row(gridplugin, sample_grids, tmp_path):
    fields, rows = sample_rows()
    lines = sample_csv_text(rows[:15], fields)
    titled = tmp_path / "titled.csv"
    titled.write_text("东城区12345工单导出 2026年3月\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    result = run_import(titled, tmp_path / "rejects.csv", tmp_path / "a.gpkg", GRIDS=sample_grids)
    assert result["IMPORTED_COUNT"] == 15
    ambiguous = tmp_path / "ambiguous.csv"  # a first line with two values could be a header
    ambiguous.write_text("导出时间,2026-03-01\n" + "\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(Exception, match="Row 2 of the file looks like the header .*set HEADER_ROW to 2"):
        run_import(ambiguous, tmp_path / "rejects.csv", tmp_path / "b.gpkg", GRIDS=sample_grids)
    assert not (tmp_path / "b.gpkg").exists()
    result = run_import(ambiguous, tmp_path / "rejects.csv", tmp_path / "b.gpkg", GRIDS=sample_grids, HEADER_ROW="2")
    assert result["IMPORTED_COUNT"] == 15


def test_a_header_with_a_doubled_byte_order_mark_imports(gridplugin, sample_grids, tmp_path):
    fields, rows = sample_rows()
    path = tmp_path / "bom.csv"
    path.write_text("\ufeff" + "\n".join(sample_csv_text(rows[:10], fields)) + "\n", encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf\xef\xbb\xbf")  # saved twice with a BOM
    result = run_import(path, tmp_path / "rejects.csv", tmp_path / "a.gpkg", GRIDS=sample_grids)
    assert result["IMPORTED_COUNT"] == 10


# ---- 7: the rejects file is checked first and committed with the store ------------------------------------
def test_a_rejects_path_that_cannot_be_written_stops_the_run_before_the_store(gridplugin, sample_grids, tmp_path):
    fields, rows = sample_rows()
    source = write_csv(tmp_path / "in.csv", fields, rows[:10])
    (tmp_path / "a_file").write_text("x")
    for rejects, error in ((tmp_path, "is the folder"), (tmp_path / "a_file" / "r.csv", "cannot take a new file"),
                           (tmp_path / "r.xlsx", "must be a .csv file")):
        store = tmp_path / f"{uuid.uuid4().hex}.gpkg"
        with pytest.raises(Exception, match=error):
            run_import(source, rejects, store, GRIDS=sample_grids)
        assert not store.exists()  # nothing written: not even the store file


def test_a_rejects_file_that_cannot_be_put_in_place_rolls_the_store_back(gridplugin, sample_grids, tmp_path,
                                                                          monkeypatch):
    import os

    from grid_plugin.core import output_files

    fields, rows = sample_rows()
    store, rejects = tmp_path / "s.gpkg", tmp_path / "rejects.csv"
    run_import(write_csv(tmp_path / "first.csv", fields, rows[:10]), rejects, store, GRIDS=sample_grids)
    rejects.write_text("the rejects of the first run", encoding="utf-8")
    real_replace = os.replace

    def failing(source, destination):  # moving the new file in fails (e.g. a virus scanner holds it)
        if Path(destination) == rejects and str(source).endswith(".tmp"):
            raise PermissionError(13, "The process cannot access the file")
        real_replace(source, destination)

    monkeypatch.setattr(output_files.os, "replace", failing)
    rows[12]["class_code"] = "99999"
    with pytest.raises(Exception, match="cannot be written .*nothing was imported"):
        run_import(write_csv(tmp_path / "more.csv", fields, rows[10:30]), rejects, store)
    with GpkgStore(store) as opened:
        assert opened.count_cases() == 10  # rolled back
    assert rejects.read_text(encoding="utf-8") == "the rejects of the first run"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first.csv", "more.csv", "rejects.csv", "s.gpkg"]


@pytest.fixture()
def imp_postgis():
    """A QGIS connection to the test server and a fresh schema name (imp_...), dropped afterwards."""
    env = read_postgis_env()
    uri = QgsDataSourceUri()
    uri.setConnection(env["PGHOST"], env["PGPORT"], env["PGDATABASE"], env["PGUSER"], env["PGPASSWORD"])
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    name = f"gridplugin imp {uuid.uuid4().hex[:6]}"
    metadata.saveConnection(metadata.createConnection(uri.uri(False), {"saveUsername": True,
                                                                       "savePassword": True}), name)
    schema = f"imp_{uuid.uuid4().hex[:10]}"
    yield name, schema
    metadata.deleteConnection(name)
    drop_schema(schema)


def test_when_the_commit_fails_the_old_rejects_file_stays(gridplugin, sample_grids, tmp_path, imp_postgis):
    """A PostgreSQL commit can fail (here a deferred constraint): then no new rejects file replaces the
    old one. (The old code passed this too, writing the rejects only after the commit; it guards the
    new order, which writes them before.)"""
    name, schema = imp_postgis
    fields, rows = sample_rows()
    rejects = tmp_path / "rejects.csv"
    store = {"CONNECTION": name, "DB_SCHEMA": schema}
    run_import(write_csv(tmp_path / "first.csv", fields, rows[:10]), rejects, GRIDS=sample_grids, **store)
    rejects.write_text("the rejects of the first run", encoding="utf-8")
    connection = psycopg2.connect(**pg_parameters())
    with connection, connection.cursor() as cursor:
        cursor.execute(f"CREATE FUNCTION {schema}.refuse() RETURNS trigger LANGUAGE plpgsql AS "
                       "$$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$")
        cursor.execute(f"CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON {schema}.cases "
                       f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {schema}.refuse()")
    connection.close()
    rows[12]["class_code"] = "99999"
    with pytest.raises(Exception, match="refused at commit"):
        run_import(write_csv(tmp_path / "more.csv", fields, rows[10:30]), rejects, **store)
    assert rejects.read_text(encoding="utf-8") == "the rejects of the first run"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first.csv", "more.csv", "rejects.csv"]


# ---- 9: the time window --------------------------------------------------------------------------------------
def test_year_one_is_rejected_and_the_store_stays_usable(gridplugin, sample_grids, tmp_path):
    fields, rows = sample_rows()
    rows = rows[:100]
    for r in rows:  # every time in the one form the fast column parser takes
        for name in TIME_COLUMNS:
            r[name] = r[name][:19].replace("T", " ")
    rows[4]["reported_at"] = "0001-01-01 00:00:00"
    store = tmp_path / "s.gpkg"
    result = run_import(write_csv(tmp_path / "in.csv", fields, rows), tmp_path / "rejects.csv", store,
                        GRIDS=sample_grids)
    assert result["REJECTED_COUNT"] == 1
    [reject] = read_rejects(result["REJECTS"])
    assert reject["reason"] == (f"row 5: reported_at '0001-01-01 00:00:00' is outside the years 1990–{NEXT_YEAR} "
                                "accepted for case times; correct it, or widen the window (EARLIEST_YEAR, LATEST_YEAR)")
    assert min(stored_times(store).values()) >= "2025"
    hot = processing.run("gridplugin:casehotspots", {
        "STORE": str(store), "DB_SCHEMA": "gridplugin", "TIMEZONE": "Asia/Shanghai", "CONTIGUITY": 0,
        "TOLERANCE": 0.5, "PERIOD": 2, "TOP_N": 5, "OUTPUT": str(tmp_path / "hot.gpkg"),
        "REPORT_CSV": str(tmp_path / "report.csv"), "REPORT_HTML": str(tmp_path / "report.html")})
    assert Path(hot["REPORT_CSV"]).exists()


def test_the_time_window_is_a_parameter(gridplugin, sample_grids, tmp_path):
    fields, rows = sample_rows()
    rows = rows[:10]
    rows[3]["reported_at"] = "1985/6/1 9:30"
    rows[6]["reported_at"] = "2025-05-01 10:00:00"
    rows[6].update(dict.fromkeys(TIME_COLUMNS[1:], ""))  # handled after the report, as importcases requires
    rows[6]["结案时间"] = "2025-05-02 10:00:00"
    source = write_csv(tmp_path / "in.csv", fields, rows)
    old = run_import(source, tmp_path / "r1.csv", tmp_path / "a.gpkg", GRIDS=sample_grids, EARLIEST_YEAR="1980")
    assert old["IMPORTED_COUNT"] == 10
    narrow = run_import(source, tmp_path / "r2.csv", tmp_path / "b.gpkg", GRIDS=sample_grids, EARLIEST_YEAR="1990",
                        LATEST_YEAR="2025")
    assert narrow["REJECTED_COUNT"] == 1  # 1985
    with pytest.raises(Exception, match="All 10 rows were rejected") as stopped:  # no success with nothing imported
        run_import(source, tmp_path / "r3.csv", tmp_path / "c.gpkg", GRIDS=sample_grids, LATEST_YEAR="2024")
    assert "outside the years 1990–2024" in str(stopped.value)
    assert len(read_rejects(str(tmp_path / "r3.csv"))) == 10  # the rejects file is written all the same
    with pytest.raises(Exception, match="no time window"):
        run_import(source, tmp_path / "r4.csv", tmp_path / "d.gpkg", GRIDS=sample_grids, EARLIEST_YEAR="2025",
                   LATEST_YEAR="2020")


# ---- 10, 11 --------------------------------------------------------------------------------------------------
def test_a_nul_character_is_rejected_on_postgis_and_the_rest_imports(gridplugin, sample_grids, tmp_path, imp_postgis):
    name, schema = imp_postgis
    fields, rows = sample_rows()
    rows = rows[:20]
    rows[11]["description"] = "井盖破损\x00需处理"
    result = run_import(write_csv(tmp_path / "in.csv", fields, rows), tmp_path / "rejects.csv", GRIDS=sample_grids,
                        CONNECTION=name, DB_SCHEMA=schema)
    assert (result["IMPORTED_COUNT"], result["REJECTED_COUNT"]) == (19, 1)
    [reject] = read_rejects(result["REJECTS"])
    assert reject["reason"] == "row 12, column 'description' contains a NUL character (\\x00); remove it"
    assert reject["description"] == "井盖破损\\x00需处理"  # visible in the rejects file


def test_a_nul_character_is_rejected_on_the_geopackage_too(gridplugin, sample_grids, tmp_path):
    fields, rows = sample_rows()
    rows = rows[:20]
    rows[11]["address"] = "文昌一巷\x0030号"
    result = run_import(write_csv(tmp_path / "in.csv", fields, rows), tmp_path / "rejects.csv", tmp_path / "s.gpkg",
                        GRIDS=sample_grids)
    assert (result["IMPORTED_COUNT"], result["REJECTED_COUNT"]) == (19, 1)
    assert read_rejects(result["REJECTS"])[0]["reason"].startswith("row 12, column 'address' contains a NUL")


def test_a_description_over_128_kib_imports(gridplugin, sample_grids, tmp_path):
    fields, rows = sample_rows()
    rows = rows[:10]
    rows[1]["description"] = "井盖破损，" * 40_000  # 200,000 characters
    store = tmp_path / "s.gpkg"
    result = run_import(write_csv(tmp_path / "in.csv", fields, rows), tmp_path / "rejects.csv", store,
                        GRIDS=sample_grids)
    assert result["IMPORTED_COUNT"] == 10
    with GpkgStore(store) as opened:
        [(length,)] = opened.query('SELECT length(description) FROM "cases" WHERE case_id = ?', (rows[1]["case_id"],))
    assert length == 200_000


def test_an_unclosed_quote_names_its_row(gridplugin, sample_grids, tmp_path):
    fields, rows = sample_rows()
    lines = sample_csv_text(rows[:10], fields)
    lines[4] = lines[4].replace(rows[3]["description"], '"' + rows[3]["description"])
    path = tmp_path / "in.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tmp_path / "s.gpkg"
    with pytest.raises(Exception, match="Row 4 of .* opens a quote"):
        run_import(path, tmp_path / "rejects.csv", store, GRIDS=sample_grids)
    with GpkgStore(store) as opened:
        assert opened.count_cases() == 0


# ---- the new parameters for qgis_process and the modeler -------------------------------------------------------
def test_the_new_parameters_are_documented_and_run_in_a_model(gridplugin, sample_grids, tmp_path):
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelParameter,
        QgsProcessingParameterFile,
        QgsProcessingParameterNumber,
    )

    algorithm = QgsApplication.processingRegistry().algorithmById("gridplugin:importcases")
    help_text = algorithm.shortHelpString()
    for name, default in (("HEADER_ROW", 0), ("EARLIEST_YEAR", 1990), ("LATEST_YEAR", None)):
        assert algorithm.parameterDefinition(name).defaultValue() == default, name
        assert name in help_text
    fields, rows = sample_rows()
    source = tmp_path / "titled.csv"
    source.write_text("导出时间,2026-03-01\n" + "\n".join(sample_csv_text(rows[:12], fields)) + "\n", encoding="utf-8")
    model = QgsProcessingModelAlgorithm("import cases", "tests")
    model.addModelParameter(QgsProcessingParameterFile("input", "Input"), QgsProcessingModelParameter("input"))
    model.addModelParameter(QgsProcessingParameterNumber("header", "Header row"),
                            QgsProcessingModelParameter("header"))
    child = QgsProcessingModelChildAlgorithm("gridplugin:importcases")
    child.setChildId("import")
    static = QgsProcessingModelChildParameterSource.fromStaticValue
    child.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("input")])
    child.addParameterSources("HEADER_ROW", [QgsProcessingModelChildParameterSource.fromModelParameter("header")])
    for key, value in (("EARLIEST_YEAR", 2000), ("LATEST_YEAR", 2030), ("STORE", str(tmp_path / "m.gpkg")),
                       ("GRIDS", sample_grids), ("REJECTS", str(tmp_path / "rejects.csv"))):
        child.addParameterSources(key, [static(value)])
    model.addChildAlgorithm(child)
    path = tmp_path / "import.model3"
    assert model.toFile(str(path))
    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(str(path))
    processing.run(loaded, {"input": str(source), "header": 2})
    with GpkgStore(tmp_path / "m.gpkg") as opened:
        assert opened.count_cases() == 12
