"""Schema version 6 (the cases' department, rework and postponement counts, invalid flag) on both
backends: a version 5 store is migrated with its cases kept and the new columns NULL, a version 6 store
is refused by a version 5 plugin, and the values go in and come back as imported."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from qgis.core import QgsVectorLayer

from grid_plugin.core.cases.records import CaseFilter, CaseRecords, content_hash
from grid_plugin.store import base as base_module
from grid_plugin.store import gpkg as gpkg_module
from grid_plugin.store import postgis as postgis_module
from grid_plugin.store.base import ImportCounts, StoredGrids, StoreError, import_cases
from grid_plugin.store.gpkg import GpkgStore
from grid_plugin.store.schema import CASE_COLUMNS, MIGRATIONS, SCHEMA_VERSION
from tests.qgis.test_case_store import GRID_CODES, make_cases, store_backend

LIFECYCLE = ("department", "rework_count", "postpone_count", "invalid")  # schema.LIFECYCLE_COLUMNS
VERSION_5_COLUMNS = tuple(c for c in CASE_COLUMNS if c not in LIFECYCLE)  # what a version 5 plugin writes
EVERYTHING = CaseFilter(include_piles=True)
DEPARTMENTS = ("东城区城管委", "交通委 \"道路\" 科", "O'Brien 清洁公司", None)


@pytest.fixture(params=["gpkg", "postgis"])
def backend(request, tmp_path):
    """A function making (and re-opening) one store of the backend under test (schemas t19life_...)."""
    yield from store_backend(request.param, tmp_path, "t19life_")


def module_of(backend):
    return gpkg_module if backend.kind == "gpkg" else postgis_module


def with_lifecycle(records: CaseRecords, seed: int = 0) -> CaseRecords:
    """The cases with a department, counts and flag each (some unknown), their hashes changed with them."""
    n = len(records)
    values = {name: list(column) for name, column in records.values.items()}
    values["department"] = [DEPARTMENTS[(i + seed) % 4] for i in range(n)]
    values["rework_count"] = [None if i % 5 == 4 else (i + seed) % 3 for i in range(n)]
    values["postpone_count"] = [None if i % 7 == 6 else (i + seed) % 2 for i in range(n)]
    values["invalid"] = [None if i % 6 == 5 else int((i + seed) % 10 == 0) for i in range(n)]
    values["content_hash"] = [content_hash([h, *(values[c][i] for c in LIFECYCLE)])
                              for i, h in enumerate(values["content_hash"])]
    return CaseRecords(values, records.lon, records.lat, records.rows)


def load(store, records: CaseRecords) -> ImportCounts:
    return import_cases(store, records, ImportCounts(read=len(records)), "test")


def column_types(store) -> dict[str, str]:
    """The cases table's columns and their declared types, as the database has them."""
    if isinstance(store, GpkgStore):
        return {row[1]: row[2].lower() for row in store.query('PRAGMA table_info("cases")')}
    return dict(store.query("SELECT column_name, data_type FROM information_schema.columns "
                            "WHERE table_schema = %s AND table_name = 'cases'", (store.schema,)))


def test_a_version_5_store_with_cases_migrates_keeping_them_with_unknown_lifecycle(backend, monkeypatch,
                                                                                    tmp_path):
    monkeypatch.setattr(module_of(backend), "MIGRATIONS", MIGRATIONS[:5])
    monkeypatch.setattr(module_of(backend), "CASE_COLUMNS", VERSION_5_COLUMNS)
    old = backend()
    assert old.schema_version() == 5
    assert not set(LIFECYCLE) & set(column_types(old))
    old.write_grids(StoredGrids([GRID_CODES[0]], [None], [None], [None], [None], np.array([1.0]),
                                np.array([shapely.box(116.4, 39.9, 116.401, 39.901)])))
    records = make_cases(400)
    records.values["closed_at"] = [t.replace("T03:", "T09:") if i % 2 else None
                                   for i, t in enumerate(records.values["reported_at"])]
    load(old, records)
    before = old.case_columns(VERSION_5_COLUMNS, EVERYTHING)
    old.close()
    monkeypatch.setattr(module_of(backend), "MIGRATIONS", MIGRATIONS)
    monkeypatch.setattr(module_of(backend), "CASE_COLUMNS", CASE_COLUMNS)

    store = backend()
    assert store.schema_version() == SCHEMA_VERSION == 7  # 6, then 7 (PostGIS: partitioned by month)
    types = column_types(store)
    expected = ({"department": "text", "rework_count": "integer", "postpone_count": "integer", "invalid": "integer"}
                if backend.kind == "gpkg" else
                {"department": "text", "rework_count": "bigint", "postpone_count": "bigint", "invalid": "bigint"})
    assert {name: types[name] for name in LIFECYCLE} == expected
    assert store.case_columns(VERSION_5_COLUMNS, EVERYTHING) == before  # every case and value kept
    after = store.case_columns(LIFECYCLE, EVERYTHING)
    assert all(after[name] == [None] * 400 for name in LIFECYCLE)
    # the same cases again change nothing; with their lifecycle they are updated, and new ones added
    assert load(store, records).unchanged == 400
    counts = load(store, with_lifecycle(make_cases(420)))
    assert (counts.imported, counts.updated) == (20, 400)
    store.close()
    assert backend().case_columns(("department",), EVERYTHING)["department"][:4] == list(DEPARTMENTS)
    if backend.kind == "gpkg":  # QGIS (OGR) sees the migrated table with the new fields
        layer = QgsVectorLayer(f"{tmp_path / 'cases.gpkg'}|layername=cases", "cases", "ogr")
        assert layer.isValid() and layer.featureCount() == 420
        names = layer.fields().names()
        assert set(LIFECYCLE) <= set(names)
        assert layer.fields().field("rework_count").isNumeric()


def test_a_newer_store_is_refused_by_a_version_5_plugin(backend, monkeypatch):
    store = backend()
    load(store, with_lifecycle(make_cases(30)))
    store.close()
    monkeypatch.setattr(module_of(backend), "MIGRATIONS", MIGRATIONS[:5])
    monkeypatch.setattr(module_of(backend), "CASE_COLUMNS", VERSION_5_COLUMNS)
    monkeypatch.setattr(base_module, "SCHEMA_VERSION", 5)
    if backend.kind == "gpkg":
        monkeypatch.setattr(module_of(backend), "SCHEMA_VERSION", 5)
    with pytest.raises(StoreError, match="schema version 7, newer than this plugin understands \\(5\\)"):
        backend()
    monkeypatch.undo()
    again = backend()  # refused, not changed
    assert again.schema_version() == 7 and again.count_cases(EVERYTHING) == 30
    assert again.case_columns(("rework_count",), EVERYTHING)["rework_count"][:3] == [0, 1, 2]


def test_lifecycle_values_are_stored_as_imported(backend):
    store = backend()
    records = with_lifecycle(make_cases(60))
    counts = load(store, records)
    assert counts.imported == 60
    stored = backend().case_columns(("case_id", *LIFECYCLE), EVERYTHING)  # committed, in case-id order
    assert stored["case_id"] == records.case_ids
    for name in LIFECYCLE:
        assert stored[name] == records.values[name], name
    assert {type(v) for v in stored["rework_count"]} == {int, type(None)}
    assert stored["department"].count(None) == 15 and "交通委 \"道路\" 科" in stored["department"]
    # one case's department changes in the next export: that case is updated, the others unchanged
    edited = with_lifecycle(make_cases(60))
    edited.values["department"][0] = "交通委"
    edited.values["content_hash"][0] = "changed"
    again = load(store, edited)
    assert (again.imported, again.updated, again.unchanged) == (0, 1, 59)
    assert store.case_columns(("department",), EVERYTHING)["department"][0] == "交通委"
