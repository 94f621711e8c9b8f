"""Schema version 5 (location_quality) and default-location piles in the store, on both backends."""

from __future__ import annotations

import dataclasses
import re
import uuid

import numpy as np
import pytest
import shapely

from grid_plugin.core.cases.daily_counts import DailyCaseCounts
from grid_plugin.core.cases.piles import PileRule
from grid_plugin.core.cases.records import CaseFilter, CaseRecords, content_hash
from grid_plugin.store import base as base_module
from grid_plugin.store import gpkg as gpkg_module
from grid_plugin.store import postgis as postgis_module
from grid_plugin.store.base import ImportCounts, StoredGrids, StoreError, import_cases, subset_string
from grid_plugin.store.gpkg import GpkgStore
from grid_plugin.store.postgis import PostgisStore
from grid_plugin.store.schema import CASE_COLUMNS, MIGRATIONS, SCHEMA_VERSION
from tests.qgis.test_case_store import GRID_CODES, drop_schema, make_cases, pg_parameters

OFFICE = (116.3969210, 39.9280740)  # where the platform puts the cases it cannot place
QUALITY = "location_quality"


@pytest.fixture(params=["gpkg", "postgis"])
def backend(request, tmp_path):
    """A function making (and re-opening) one store of the backend under test (as test_case_store's)."""
    schema = f"piles_{uuid.uuid4().hex[:10]}"
    opened = []

    def open_store():
        store = (GpkgStore(tmp_path / "cases.gpkg") if request.param == "gpkg"
                 else PostgisStore(pg_parameters(), schema))
        opened.append(store)
        return store

    open_store.kind = request.param
    yield open_store
    for store in opened:
        store.close()
    if request.param == "postgis":
        drop_schema(schema)


def with_pile(records: CaseRecords, count: int, at: tuple[float, float] = OFFICE, grid: str = GRID_CODES[4],
              repeats: int = 0) -> CaseRecords:
    """The last `count` cases moved onto one point (grid `grid`); with `repeats`, the first cases
    repeat their neighbours' positions 3 times each, as door plates of an address-geocoding platform do."""
    lon, lat = records.lon.copy(), records.lat.copy()
    lon[-count:], lat[-count:] = at
    for k in range(repeats):
        lon[k], lat[k] = lon[3 * (k // 3)], lat[3 * (k // 3)]
    values = {name: list(column) for name, column in records.values.items()}
    for i in range(len(records) - count, len(records)):
        values["grid_code"][i] = grid
    values["content_hash"] = [content_hash([h, x, y]) for h, x, y in zip(values["content_hash"], lon, lat)]
    return CaseRecords(values, lon, lat, records.rows)


DEFAULT_RULE = PileRule()


def load(store, records: CaseRecords, rule: PileRule | None = DEFAULT_RULE) -> ImportCounts:
    return import_cases(store, records, ImportCounts(read=len(records)), "test", piles=rule)


def qualities(store) -> dict[str, str]:
    rows = store.query(f'SELECT "case_id", "{QUALITY}" FROM {store.table("cases")}')
    return dict(rows)


def test_a_pile_is_flagged_and_left_out_of_every_count_by_default(backend):
    store = backend()
    records = with_pile(make_cases(2000), 120, repeats=300)
    counts = load(store, records)
    finding = counts.piles
    assert [(round(p.lon, 7), round(p.lat, 7), p.cases) for p in finding.piles] == [(*OFFICE, 120)]
    assert finding.piles[0].share == pytest.approx(120 / 2000)
    assert counts.piled == 120 and finding.threshold == 60  # 3 cases a position at the 99th percentile
    piled = {case_id for case_id, quality in qualities(store).items() if quality == "pile"}
    assert piled == set(records.case_ids[-120:])
    assert set(qualities(store).values()) == {"exact", "pile"}
    everything = CaseFilter(include_piles=True)
    assert store.count_cases() == 1880 and store.count_cases(everything) == 2000
    assert store.counts_per_grid().get(GRID_CODES[4], 0) == store.counts_per_grid(everything)[GRID_CODES[4]] - 120
    assert len(store.case_points()[0]) == 1880 and len(store.case_points(everything)[0]) == 2000
    assert len(store.case_columns(("case_id",))["case_id"]) == 1880
    # the dock's heat follows the default: the hourly counts leave the pile out
    daily = DailyCaseCounts.from_hourly(GRID_CODES, store.hourly_counts(), "Asia/Shanghai")
    assert daily.total == 1880
    assert sum(row[4] for row in store.hourly_counts(everything)) == 2000
    march = CaseFilter(start="2025-03-01T00:00:00.000Z", end="2025-04-01T00:00:00.000Z", class_codes=("09011",))
    piled_in_march = sum(1 for i in range(1880, 2000) if records.values["class_code"][i] == "09011"
                         and records.values["reported_at"][i].startswith("2025-03"))
    assert piled_in_march > 0
    assert store.count_cases(march) + piled_in_march == store.count_cases(dataclasses.replace(march,
                                                                                               include_piles=True))
    assert subset_string(CaseFilter()) == "\"location_quality\" <> 'pile'"
    assert "location_quality" not in subset_string(everything)


def test_a_pile_growing_over_monthly_imports_is_flagged_whole_once_large_enough(backend):
    store = backend()
    first = with_pile(make_cases(600), 30)
    assert load(store, first).piles.piles == []  # 30 cases: not yet
    assert set(qualities(store).values()) == {"exact"}
    second = with_pile(make_cases(600, start=600, seed=2), 30)
    counts = load(store, second)
    assert [p.cases for p in counts.piles.piles] == [60]
    piled = {case_id for case_id, quality in qualities(store).items() if quality == "pile"}
    assert piled == set(first.case_ids[-30:]) | set(second.case_ids[-30:])  # last month's cases too
    assert backend().count_cases() == 1140  # committed
    # the rule is applied to the whole store again at every import: a stricter one lifts the flags
    again = load(store, second, PileRule(min_cases=100))
    assert (again.unchanged, again.piled, again.piles.piles) == (600, 0, [])
    assert set(qualities(store).values()) == {"exact"}
    # without detection the flags of the cases not written stay as they are
    load(store, second)
    assert load(store, second, None).piled == 0 and list(qualities(store).values()).count("pile") == 60


def test_geocoded_cases_keep_their_quality(backend):
    store = backend()
    records = with_pile(make_cases(800), 80)
    records.values[QUALITY] = ["exact"] * 760 + ["geocoded"] * 10 + ["exact"] * 30
    counts = load(store, records)
    assert counts.piles.piles[0].cases == 80 and counts.piled == 70  # the position counts all, flags the placed
    assert list(qualities(store).values()).count("geocoded") == 10


def test_the_pile_filter_keeps_the_counting_queries_on_their_indexes(backend):
    store = backend()
    load(store, with_pile(make_cases(3000), 200))
    where, params = store.where(CaseFilter(start="2025-03-01T00:00:00.000Z", end="2025-04-01T00:00:00.000Z",
                                           class_codes=("09011",)))
    sql = f'SELECT "grid_code", COUNT(*) FROM {store.table("cases")}{where} GROUP BY "grid_code"'
    if backend.kind == "gpkg":
        plan = " ".join(str(row[-1]) for row in store.query("EXPLAIN QUERY PLAN " + sql, params))
        assert "COVERING INDEX cases_class_time_grid" in plan  # the table itself is never read
    else:
        store.conn.autocommit = True
        store.conn.cursor().execute("VACUUM ANALYZE " + store.table("cases"))
        store.conn.autocommit = False
        with store.transaction():  # can the index alone answer? (a table this small is read whole otherwise)
            store.conn.cursor().execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off")
            plan = "\n".join(row[0] for row in store.query("EXPLAIN " + sql, params))
        assert re.search(r"Index Only Scan using cases_\d{4}_\d{2}_class_time_grid", plan)  # each month's


def test_a_version_4_store_with_cases_migrates_and_keeps_them(backend, monkeypatch):
    module = gpkg_module if backend.kind == "gpkg" else postgis_module
    monkeypatch.setattr(module, "MIGRATIONS", MIGRATIONS[:4])
    monkeypatch.setattr(module, "CASE_COLUMNS", CASE_COLUMNS[:CASE_COLUMNS.index(QUALITY)])  # what version 4 writes
    old = backend()
    assert old.schema_version() == 4
    old.write_grids(StoredGrids([GRID_CODES[0]], [None], [None], [None], [None], np.array([1.0]),
                                np.array([shapely.box(116.4, 39.9, 116.401, 39.901)])))
    records = with_pile(make_cases(500), 60)
    import_cases(old, records, ImportCounts(read=500), "version 4")
    old.close()
    monkeypatch.setattr(module, "MIGRATIONS", MIGRATIONS)
    monkeypatch.setattr(module, "CASE_COLUMNS", CASE_COLUMNS)
    store = backend()
    assert store.schema_version() == SCHEMA_VERSION
    assert store.count_cases(CaseFilter(include_piles=True)) == 500
    assert set(qualities(store).values()) == {"exact"}  # the default of the new column
    assert store.case_columns(("case_id",), CaseFilter(include_piles=True))["case_id"] == sorted(records.case_ids)
    # the next import of the migrated store finds the pile the old plugin could not see
    counts = load(store, with_pile(make_cases(100, start=500, seed=3), 10))
    assert counts.piled == 70 and store.count_cases() == 530


def test_a_newer_store_is_refused_by_a_version_4_plugin(backend, monkeypatch):
    backend().close()  # a store of this plugin
    module = gpkg_module if backend.kind == "gpkg" else postgis_module
    monkeypatch.setattr(module, "MIGRATIONS", MIGRATIONS[:4])
    monkeypatch.setattr(base_module, "SCHEMA_VERSION", 4)
    if backend.kind == "gpkg":
        monkeypatch.setattr(module, "SCHEMA_VERSION", 4)
    newer = f"schema version {SCHEMA_VERSION}, newer than this plugin understands \\(4\\)"
    with pytest.raises(StoreError, match=newer):
        backend()


def test_the_store_records_the_datum_of_its_grids(backend):
    store = backend()
    assert store.datum() == 4490  # no grids yet: the store's own
    square = np.array([shapely.box(-73.995, 40.745, -73.994, 40.746)])
    store.write_grids(StoredGrids(["990101001001001"], [None], [None], [None], [None], np.array([9000.0]), square))
    assert backend().datum() == 4326  # New York: WGS 84
    store.write_grids(StoredGrids(["990101001001001"], [None], [None], [None], [None], np.array([9000.0]),
                                  np.array([shapely.box(116.40, 39.90, 116.401, 39.901)])))
    assert backend().datum() == 4490
