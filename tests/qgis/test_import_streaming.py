"""gridplugin:importcases reads, checks and writes its file in chunks: end to end through processing.run, with
chunks of a few rows against one chunk for the whole file, into GeoPackage and PostGIS stores. Counts, rejects
file and store content are the same; a cancel in the third chunk leaves the store as it was; duplicates far
apart are rejected as in one piece. PostGIS schemas made here start with stream_."""

from __future__ import annotations

import csv
from pathlib import Path

import processing
import psycopg2
import pytest
from qgis.core import QgsProcessingFeedback

from grid_plugin.core.cases.records import CaseParser
from grid_plugin.core.components import tables as tables_module
from grid_plugin.store.gpkg import GpkgStore
from tests.messy_export import messy_rows, write_messy
from tests.qgis.test_case_algorithms import SAMPLE_CASES, read_rejects, sample_rows, saved_connection, write_csv
from tests.qgis.test_case_store import pg_parameters

OUTPUTS = ("READ_COUNT", "IMPORTED_COUNT", "UPDATED_COUNT", "UNCHANGED_COUNT", "REJECTED_COUNT", "GEOCODED_COUNT",
           "UNCLASSIFIED_COUNT", "PILE_COUNT", "PILED_CASES")
WHOLE = 10**9  # rows a chunk: the whole file in one


@pytest.fixture()
def stream_connection():
    yield from saved_connection("stream_")


def chunked(monkeypatch, rows: int, cells: int | None = None) -> list[int]:
    """Read the input in chunks of `rows` rows (of `cells` values, when given); returns the row counts the
    parser is handed, call by call."""
    monkeypatch.setattr(tables_module, "CHUNK_ROWS", rows, raising=False)
    if cells is not None:
        monkeypatch.setattr(tables_module, "CHUNK_CELLS", cells, raising=False)
    sizes: list[int] = []
    parse = CaseParser.parse_columns

    def counted(self, columns, numbers, *args, **kwargs):
        sizes.append(len(numbers))
        return parse(self, columns, numbers, *args, **kwargs)

    monkeypatch.setattr(CaseParser, "parse_columns", counted)
    return sizes


def run(source, where: dict, rejects: Path, feedback=None, **extra) -> dict:
    parameters = {"INPUT": str(source), "ENCODING": 0, "COORDINATES": 0, "TIMEZONE": "Asia/Shanghai", "SCHEME": 0,
                  "DB_SCHEMA": "gridplugin", "REJECTS": str(rejects), **where, **extra}
    return processing.run("gridplugin:importcases", parameters, feedback=feedback or QgsProcessingFeedback())


def gpkg_content(path: Path) -> list[tuple]:
    """Every column of every case but the fid, by case id; then the batches without their times."""
    with GpkgStore(path) as store:
        names = [row[1] for row in store.query('PRAGMA table_info("cases")') if row[1] != "fid"]
        cases = store.query(f'SELECT {", ".join(chr(34) + n + chr(34) for n in names)} FROM "cases" ORDER BY case_id')
        batches = store.query('SELECT batch_id, source_name, read_count, imported_count, updated_count, '
                              'unchanged_count, rejected_count FROM "import_batches" ORDER BY batch_id')
    return cases + batches


def pg_content(schema: str) -> list[tuple]:
    connection = psycopg2.connect(**pg_parameters())
    try:
        cursor = connection.cursor()
        cursor.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = %s AND "
                       "table_name = 'cases' AND column_name NOT IN ('fid', 'geom') ORDER BY ordinal_position",
                       (schema,))
        names = [row[0] for row in cursor.fetchall()]
        cursor.execute(f'SELECT {", ".join(chr(34) + n + chr(34) for n in names)}, ST_AsEWKT(geom) FROM '
                       f'"{schema}".cases ORDER BY case_id')
        cases = cursor.fetchall()
        cursor.execute(f'SELECT batch_id, source_name, read_count, imported_count, updated_count, unchanged_count, '
                       f'rejected_count FROM "{schema}".import_batches ORDER BY batch_id')
        return cases + cursor.fetchall()
    finally:
        connection.close()


def store_where(kind: str, tmp_path: Path, name: str, connection=None) -> tuple[dict, callable]:
    """(the store parameters, a function giving its content) of a new store of `kind`."""
    if kind == "gpkg":
        path = tmp_path / f"{name}.gpkg"
        return {"STORE": str(path)}, lambda: gpkg_content(path)
    schema = f"{connection[1]}_{name}"
    return ({"STORE": "", "CONNECTION": connection[0], "DB_SCHEMA": schema}, lambda: pg_content(schema))


def drop(schema: str) -> None:
    connection = psycopg2.connect(**pg_parameters())
    connection.autocommit = True
    connection.cursor().execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    connection.close()


def test_the_sample_in_chunks_imports_as_in_one(gridplugin, sample_grids, tmp_path, monkeypatch):
    sizes = chunked(monkeypatch, WHOLE)
    whole = run(SAMPLE_CASES, {"STORE": str(tmp_path / "whole.gpkg")}, tmp_path / "whole.csv", GRIDS=sample_grids)
    assert sizes == [5358]
    sizes = chunked(monkeypatch, 500)
    parts = run(SAMPLE_CASES, {"STORE": str(tmp_path / "parts.gpkg")}, tmp_path / "parts.csv", GRIDS=sample_grids)
    assert max(sizes) == 500 and sum(sizes) == 5358  # read, checked and written 500 rows at a time
    assert {k: parts[k] for k in OUTPUTS} == {k: whole[k] for k in OUTPUTS}
    assert (parts["IMPORTED_COUNT"], parts["REJECTED_COUNT"]) == (5355, 3)
    assert (tmp_path / "parts.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()
    assert gpkg_content(tmp_path / "parts.gpkg") == gpkg_content(tmp_path / "whole.gpkg")
    again = run(SAMPLE_CASES, {"STORE": str(tmp_path / "parts.gpkg")}, tmp_path / "again.csv")
    assert (again["IMPORTED_COUNT"], again["UPDATED_COUNT"], again["UNCHANGED_COUNT"]) == (0, 0, 5355)
    with GpkgStore(tmp_path / "parts.gpkg") as store:
        assert store.query("SELECT rtreecheck('rtree_cases_geom')")[0][0] == "ok"
        assert store.query('SELECT COUNT(*) FROM "rtree_cases_geom"')[0][0] == 5355


@pytest.mark.parametrize("kind", ["gpkg", "postgis"])
def test_a_messy_gbk_export_in_tiny_chunks_imports_as_in_one(gridplugin, sample_grids, tmp_path, monkeypatch, kind,
                                                              stream_connection):
    source = write_messy(tmp_path / "messy.csv", *messy_rows())
    results, contents = {}, {}
    for name, rows in (("whole", WHOLE), ("tiny", 7)):
        sizes = chunked(monkeypatch, rows)
        where, content = store_where(kind, tmp_path, name, stream_connection)
        try:
            results[name] = run(source, where, tmp_path / f"{name}.csv", GRIDS=sample_grids)
            contents[name] = content()
        finally:
            if kind == "postgis":
                drop(where["DB_SCHEMA"])
        assert max(sizes) == min(rows, 400)
    whole, tiny = results["whole"], results["tiny"]
    assert {k: tiny[k] for k in OUTPUTS} == {k: whole[k] for k in OUTPUTS}
    assert tiny["PILE_COUNT"] == 1 and tiny["PILED_CASES"] >= 50  # the pile's cases came in every chunk
    assert (tmp_path / "tiny.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()
    assert contents["tiny"] == contents["whole"]
    reasons = {int(r["row"]): r["reason"] for r in read_rejects(str(tmp_path / "tiny.csv"))}
    assert reasons[251] == "identical duplicate of row 5; imported once"  # duplicates chunks apart
    assert "appears again in rows 261" in reasons[10] and "appears again in rows 10" in reasons[261]
    assert "appears again in rows 301, 351" in reasons[21]
    long = next(r for r in read_rejects(str(tmp_path / "tiny.csv")) if r["row"] == "330")
    # a value beyond the header, found in a late chunk, is kept in a column the earlier rows get too
    assert (long["纬度"], long["(extra values)"]) == ("备注：来电人要求回电", messy_rows()[1][329]["lat"])


@pytest.mark.parametrize("kind", ["gpkg", "postgis"])
def test_a_cancel_in_the_third_chunk_leaves_the_store_as_it_was(gridplugin, sample_grids, tmp_path, monkeypatch,
                                                               kind, stream_connection):
    where, content = store_where(kind, tmp_path, "cancel", stream_connection)
    try:
        run(SAMPLE_CASES, where, tmp_path / "first.csv", GRIDS=sample_grids)
        before = content()
        fields, rows = sample_rows()
        for r in rows:
            r["case_id"] = "NEW" + r["case_id"]
        rows[0]["status"] = "已作废"
        source = write_csv(tmp_path / "new.csv", fields, rows)
        sizes = chunked(monkeypatch, 1_000)
        feedback = QgsProcessingFeedback()
        parse = CaseParser.parse_columns  # the counting one

        def third_cancels(self, columns, numbers, *args, **kwargs):
            if len(sizes) == 2:  # the third chunk: two have been written into the transaction
                feedback.cancel()
            return parse(self, columns, numbers, *args, **kwargs)

        monkeypatch.setattr(CaseParser, "parse_columns", third_cancels)
        with pytest.raises(Exception, match="nothing was written"):
            run(source, where, tmp_path / "second.csv", feedback=feedback)
        assert len(sizes) == 3
        assert content() == before
        assert not (tmp_path / "second.csv").exists()
    finally:
        if kind == "postgis":
            drop(where["DB_SCHEMA"])


def test_three_hundred_columns_in_small_chunks_import_as_in_one(gridplugin, sample_grids, tmp_path, monkeypatch):
    fields, rows = sample_rows()
    rows = rows[:300]
    extra = [f"备用字段{k:03d}" for k in range(1, 301 - len(fields))]
    for k, r in enumerate(rows):
        r.update({name: ("" if (k + j) % 3 == 0 else f"C{(k * j) % 97}") for j, name in enumerate(extra)})
    rows[150]["lon"] = "abc"  # one reject, with its 300 values in the rejects file
    source = write_csv(tmp_path / "wide.csv", fields + extra, rows)
    sizes = chunked(monkeypatch, WHOLE, cells=WHOLE)
    whole = run(source, {"STORE": str(tmp_path / "whole.gpkg")}, tmp_path / "whole.csv", GRIDS=sample_grids)
    assert sizes == [300]
    sizes = chunked(monkeypatch, 50_000, cells=6_000)  # 20 rows of 300 columns a chunk
    parts = run(source, {"STORE": str(tmp_path / "parts.gpkg")}, tmp_path / "parts.csv", GRIDS=sample_grids)
    assert sizes == [20] * 15
    assert {k: parts[k] for k in OUTPUTS} == {k: whole[k] for k in OUTPUTS}
    assert (tmp_path / "parts.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()
    with open(tmp_path / "parts.csv", encoding="utf-8-sig", newline="") as handle:
        header, rejected = list(csv.reader(handle))
    assert len(header) == len(rejected) == 3 + 300 and rejected[:2] == ["151", "AJ2025000151"]
    assert gpkg_content(tmp_path / "parts.gpkg") == gpkg_content(tmp_path / "whole.gpkg")


def test_a_point_layer_in_chunks_imports_as_in_one(gridplugin, sample_grids, tmp_path, monkeypatch):
    fields, rows = sample_rows()
    rows = rows[:120]
    rows[30]["reported_at"] = "下周一"
    source = tmp_path / "cases.csv"
    write_csv(source, fields, rows)
    layer = processing.run("native:createpointslayerfromtable", {
        "INPUT": str(source), "XFIELD": "lon", "YFIELD": "lat", "TARGET_CRS": "EPSG:4326",
        "OUTPUT": str(tmp_path / "cases.gpkg")})["OUTPUT"]
    outputs = {}
    for name, rows_per_chunk in (("whole", WHOLE), ("parts", 16)):
        sizes = chunked(monkeypatch, rows_per_chunk)
        outputs[name] = run(layer, {"STORE": str(tmp_path / f"{name}.gpkg")}, tmp_path / f"{name}.csv",
                            GRIDS=sample_grids, FIELD_MAP="x=(geometry x); y=(geometry y)")
        assert max(sizes) == min(rows_per_chunk, 120)
    assert {k: outputs["parts"][k] for k in OUTPUTS} == {k: outputs["whole"][k] for k in OUTPUTS}
    assert outputs["parts"]["REJECTED_COUNT"] == 1
    assert (tmp_path / "parts.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()
    rejected = read_rejects(str(tmp_path / "parts.csv"))[0]
    assert (rejected["row"], rejected["reported_at"]) == ("31", "下周一")  # the row as read, by its feature id
    assert gpkg_content(tmp_path / "parts.gpkg") == gpkg_content(tmp_path / "whole.gpkg")


def test_an_xlsx_sheet_in_chunks_imports_as_in_one(gridplugin, sample_grids, tmp_path, monkeypatch):
    from tests.qgis.test_import_reliability import sample_sheet

    fields, rows = sample_rows()
    rows = rows[:100]
    rows[40]["class_code"], rows[40]["class_name"] = "99999", "不存在的小类"  # rejected, its values kept
    path = sample_sheet(tmp_path / "cases.xlsx", rows, fields, above=[["东城区12345工单导出 2025年1月"]])
    outputs = {}
    for name, rows_per_chunk in (("whole", WHOLE), ("parts", 9)):
        sizes = chunked(monkeypatch, rows_per_chunk)
        outputs[name] = run(path, {"STORE": str(tmp_path / f"{name}.gpkg")}, tmp_path / f"{name}.csv",
                            GRIDS=sample_grids, LAYER="案件")
        assert max(sizes) == min(rows_per_chunk, 100)
    assert {k: outputs["parts"][k] for k in OUTPUTS} == {k: outputs["whole"][k] for k in OUTPUTS}
    assert outputs["parts"]["REJECTED_COUNT"] == 1
    assert (tmp_path / "parts.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()
    rejected = read_rejects(str(tmp_path / "parts.csv"))[0]
    assert (rejected["row"], rejected["class_name"]) == ("41", "不存在的小类")  # rows numbered below the title
    assert gpkg_content(tmp_path / "parts.gpkg") == gpkg_content(tmp_path / "whole.gpkg")


def test_the_rejects_file_of_an_import_is_written_as_rows_are_rejected(gridplugin, sample_grids, tmp_path,
                                                                       monkeypatch):
    fields, rows = sample_rows()
    for k in (5, 2_500, 5_000):
        rows[k]["lon"] = "abc"
    source = write_csv(tmp_path / "bad.csv", fields, rows)
    sizes = chunked(monkeypatch, 1_000)
    staged = []
    parse = CaseParser.parse_columns

    def look(self, columns, numbers, *args, **kwargs):
        temps = [p for p in tmp_path.iterdir() if p.name.startswith(".rejects.csv.") and p.suffix == ".tmp"]
        staged.append(sum(len(p.read_bytes()) for p in temps))
        return parse(self, columns, numbers, *args, **kwargs)

    monkeypatch.setattr(CaseParser, "parse_columns", look)
    result = run(source, {"STORE": str(tmp_path / "s.gpkg")}, tmp_path / "rejects.csv", GRIDS=sample_grids)
    assert result["REJECTED_COUNT"] == 6
    assert len(sizes) == 6 and staged[1] < staged[3] < staged[5]  # the staged file grew chunk by chunk
    assert [int(r["row"]) for r in read_rejects(str(tmp_path / "rejects.csv"))] == [6, 1136, 2501, 2693, 3881,
                                                                                    5001]
