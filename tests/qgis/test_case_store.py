"""The case store, the same tests on both backends: a GeoPackage file and a schema on the real
PostGIS server that `make test` starts (tests/postgis.env)."""

from __future__ import annotations

import datetime as dt
import threading
import uuid

import numpy as np
import psycopg2
import pytest
import shapely

from grid_plugin.core.addresses.addresses import AddressEntries
from grid_plugin.core.cases.records import CaseFilter, CaseRecords, content_hash
from grid_plugin.core.errors import Cancelled
from grid_plugin.core.progress import Progress
from grid_plugin.store import gpkg as gpkg_module
from grid_plugin.store import postgis as postgis_module
from grid_plugin.store.base import ImportCounts, StoredComponents, StoredGrids, StoreError, import_cases
from grid_plugin.store.gpkg import GpkgStore
from grid_plugin.store.postgis import PostgisStore
from grid_plugin.store.schema import MIGRATIONS, SCHEMA_VERSION
from tests.conftest import read_postgis_env

GRID_CODES = [f"990101001001{k:03d}" for k in range(1, 10)]
CLASSES = ("01001", "09011", "06016")
SOURCES = ("监督员上报", "12345热线")
STATUSES = ("已结案", "处置中")


def pg_parameters() -> dict[str, str]:
    env = read_postgis_env()
    return {"host": env["PGHOST"], "port": env["PGPORT"], "dbname": env["PGDATABASE"], "user": env["PGUSER"],
            "password": env["PGPASSWORD"]}


def drop_schema(schema: str) -> None:
    connection = psycopg2.connect(**pg_parameters())
    connection.autocommit = True
    connection.cursor().execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    connection.close()


def store_backend(kind: str, tmp_path, prefix: str = "test_"):
    """The body of a backend fixture: yields a function making (and re-opening) one store of `kind`
    (gpkg: tmp_path/cases.gpkg; postgis: a fresh schema named prefix + random), then closes the stores
    and drops the schema."""
    schema = f"{prefix}{uuid.uuid4().hex[:10]}"
    opened = []

    def open_store():
        store = (GpkgStore(tmp_path / "cases.gpkg") if kind == "gpkg" else PostgisStore(pg_parameters(), schema))
        opened.append(store)
        return store

    open_store.kind = kind
    open_store.schema = schema
    yield open_store
    for store in opened:
        store.close()
    if kind == "postgis":
        drop_schema(schema)


@pytest.fixture(params=["gpkg", "postgis"])
def backend(request, tmp_path):
    """A function making (and re-opening) one store of the backend under test."""
    yield from store_backend(request.param, tmp_path)


def make_cases(n: int, start: int = 0, seed: int = 1, status: str | None = None) -> CaseRecords:
    """n cases with ids start..start+n, spread over 2025, three classes, nine grids."""
    rng = np.random.default_rng(seed)
    ids = [f"AJ{start + i:08d}" for i in range(n)]
    months = rng.integers(1, 13, n)
    days = rng.integers(1, 29, n)
    values = {
        "case_id": ids,
        "source": [SOURCES[i % 2] for i in range(n)],
        "kind": ["部件" if i % 3 == 0 else "事件" for i in range(n)],
        "class_code": [CLASSES[i % 3] for i in range(n)],
        "class_name": ["名称" for _ in range(n)],
        "description": [f"描述 {i}" for i in range(n)],
        "address": [f"示例路{i}号" for i in range(n)],
        "status": [status or STATUSES[(i // 2) % 2] for i in range(n)],
        "reported_at": [f"2025-{m:02d}-{d:02d}T03:00:00.000Z" for m, d in zip(months, days)],
        "filed_at": [None] * n, "dispatched_at": [None] * n, "disposed_at": [None] * n,
        "closed_at": [None] * n, "deadline": [None] * n,
        "grid_code": [GRID_CODES[i % len(GRID_CODES)] for i in range(n)],
        "street_code": ["990101001"] * n, "community_code": ["990101001001"] * n,
    }
    lon, lat = rng.uniform(116.38, 116.42, n), rng.uniform(39.90, 39.93, n)
    values["content_hash"] = [content_hash([values[k][i] for k in ("case_id", "status", "reported_at")] + [lon[i]])
                              for i in range(n)]
    return CaseRecords(values, lon, lat, np.arange(1, n + 1))


def load(store, records: CaseRecords, progress: Progress | None = None) -> ImportCounts:
    return import_cases(store, records, ImportCounts(read=len(records)), "test", progress)


def test_a_new_store_has_the_current_schema(backend):
    store = backend()
    assert store.schema_version() == SCHEMA_VERSION
    assert store.count_cases() == 0
    assert store.read_grids().grid_codes == []


def test_reimport_is_idempotent_and_changed_cases_are_updated(backend):
    store = backend()
    first = load(store, make_cases(300))
    assert (first.imported, first.updated, first.unchanged) == (300, 0, 0)
    again = load(store, make_cases(300))
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 300)
    assert again.batch_id == first.batch_id + 1

    edited = make_cases(300)
    for i in range(10):  # ten cases are closed since the last export, and five new ones arrive
        edited.values["status"][i] = "已作废"
        edited.values["content_hash"][i] = "changed" + str(i)
    arriving = make_cases(5, start=300)
    combined = CaseRecords({k: v + arriving.values[k] for k, v in edited.values.items()},
                           np.r_[edited.lon, arriving.lon], np.r_[edited.lat, arriving.lat], np.arange(1, 306))
    third = load(store, combined)
    assert (third.imported, third.updated, third.unchanged) == (5, 10, 290)
    assert third.accounted()
    assert store.count_cases() == 305
    assert store.count_cases(CaseFilter(statuses=("已作废",))) == 10
    if backend.kind == "gpkg":  # the spatial index followed the inserts and updates
        assert store.query("SELECT rtreecheck('rtree_cases_geom')")[0][0] == "ok"
        assert store.query('SELECT COUNT(*) FROM "rtree_cases_geom"')[0][0] == 305
    reopened = backend()  # the data is committed, not only visible to the writer
    assert reopened.count_cases() == 305


def test_a_cancelled_import_leaves_the_store_as_it_was(backend):
    store = backend()
    load(store, make_cases(100))
    calls = []

    def cancel_after_first_step() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        load(store, make_cases(120_000, start=100), Progress(is_cancelled=cancel_after_first_step))
    assert store.count_cases() == 100
    assert backend().count_cases() == 100
    assert store.next_batch_id() == 2


def test_a_failing_row_rolls_the_whole_batch_back(backend):
    store = backend()
    bad = make_cases(50, start=1000)
    bad.values["reported_at"][49] = None  # NOT NULL: the database refuses the last row
    with pytest.raises(Exception):  # noqa: B017  sqlite3 and psycopg2 raise their own IntegrityError
        load(store, bad)
    assert store.count_cases() == 0
    assert backend().count_cases() == 0


def test_counts_per_grid_follow_every_filter(backend):
    store = backend()
    records = make_cases(2000)
    load(store, records)
    values = records.values
    chosen = CaseFilter(start="2025-03-01T00:00:00.000Z", end="2025-06-01T00:00:00.000Z",
                        class_codes=("09011", "06016"), sources=("12345热线",), statuses=("已结案",), kinds=("事件",))
    expected: dict[str, int] = {}
    for i in range(len(records)):
        if ("2025-03-01" <= values["reported_at"][i] < "2025-06-01" and values["class_code"][i] in chosen.class_codes
                and values["source"][i] == "12345热线" and values["status"][i] == "已结案"
                and values["kind"][i] == "事件"):
            expected[values["grid_code"][i]] = expected.get(values["grid_code"][i], 0) + 1
    assert expected, "the filter should keep some cases"
    assert store.counts_per_grid(chosen) == expected
    assert store.count_cases(chosen) == sum(expected.values())
    assert sum(store.counts_per_grid().values()) == 2000
    columns = store.case_columns(("case_id", "reported_at"), chosen)
    assert len(columns["case_id"]) == sum(expected.values())
    assert all(t.endswith(".000Z") and "2025-03-01" <= t < "2025-06-01" for t in columns["reported_at"])


def test_case_points_are_the_stored_coordinates(backend):
    store = backend()
    records = make_cases(500)
    load(store, records)
    lon, lat = store.case_points()
    assert sorted(zip(np.round(lon, 9), np.round(lat, 9))) == sorted(zip(np.round(records.lon, 9),
                                                                         np.round(records.lat, 9)))


def test_filter_values_never_become_sql(backend):
    store = backend()
    load(store, make_cases(20))
    hostile = CaseFilter(class_codes=("x'); DROP TABLE cases; --",), sources=("' OR '1'='1",))
    assert store.count_cases(hostile) == 0
    assert store.counts_per_grid(hostile) == {}
    assert store.count_cases() == 20


def test_grids_round_trip(backend):
    store = backend()
    squares = np.array([shapely.box(116.4 + k * 0.001, 39.9, 116.401 + k * 0.001, 39.901) for k in range(3)])
    grids = StoredGrids(GRID_CODES[:3][::-1], ["990101001"] * 3, ["街道"] * 3, ["990101001001"] * 3, ["社区"] * 3,
                        np.array([9000.0, 9100.0, 9200.0]), squares[::-1])
    store.write_grids(grids)
    store.write_grids(grids)  # replaces, never duplicates
    back = backend().read_grids()
    assert back.grid_codes == sorted(GRID_CODES[:3])
    assert back.community_names == ["社区"] * 3
    assert list(back.area_m2) == [9200.0, 9100.0, 9000.0]
    for code, geometry in zip(back.grid_codes, back.geometries):
        original = squares[::-1][grids.grid_codes.index(code)]
        assert geometry.geom_type == "MultiPolygon"
        assert shapely.equals_exact(shapely.normalize(geometry.geoms[0]), shapely.normalize(original), 1e-12)


def test_a_store_of_a_newer_plugin_is_refused(backend):
    store = backend()
    meta = store.table("store_meta")
    with store.transaction():
        if backend.kind == "gpkg":
            store.conn.execute(f"UPDATE {meta} SET value = '99' WHERE key = 'schema_version'")
        else:
            store.conn.cursor().execute(f"UPDATE {meta} SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer"):
        backend()


def test_an_older_store_is_migrated_and_keeps_its_data(backend, monkeypatch):
    module = gpkg_module if backend.kind == "gpkg" else postgis_module
    monkeypatch.setattr(module, "MIGRATIONS", MIGRATIONS[:1])
    old = backend()
    assert old.schema_version() == 1
    old.write_grids(StoredGrids([GRID_CODES[0]], [None], [None], [None], [None], np.array([1.0]),
                                np.array([shapely.box(116.4, 39.9, 116.401, 39.901)])))
    old.close()
    monkeypatch.setattr(module, "MIGRATIONS", MIGRATIONS)
    store = backend()
    assert store.schema_version() == SCHEMA_VERSION
    assert store.read_grids().grid_codes == [GRID_CODES[0]]
    counts = load(store, make_cases(10))  # version 2's batch bookkeeping works on the migrated store
    assert counts.batch_id == 1
    assert store.query(f"SELECT COUNT(*) FROM {store.table('cases')} WHERE batch_id = 1")[0][0] == 10


def insert_existing_id(store, case_id: str) -> None:
    """A row whose case id is already stored: the unique key must refuse it."""
    with store.transaction():
        store.conn.cursor().execute(
            f"INSERT INTO {store.table('cases')} (case_id, reported_at, content_hash) "
            f"VALUES ('{case_id}', '2025-01-01T00:00:00.000Z', 'x')")


def test_a_large_import_gets_its_keys_and_indexes_back(backend):
    store = backend()
    load(store, make_cases(100))
    counts = load(store, make_cases(30_000, start=100))  # large against the table: indexes are built afresh
    assert counts.imported == 30_000 and store.count_cases() == 30_100
    with pytest.raises(Exception):  # noqa: B017  sqlite3 and psycopg2 raise their own IntegrityError
        insert_existing_id(store, "AJ00012345")
    assert backend().count_cases() == 30_100
    if backend.kind == "postgis":
        kinds = store.query("SELECT contype, pg_get_constraintdef(oid) FROM pg_constraint "
                            "WHERE conrelid = %s::regclass ORDER BY contype", (store.table("cases"),))
        # partitioned by month: the keys hold the report time, case_keys keeps a case id unique across months
        assert kinds == [("p", "PRIMARY KEY (fid, reported_at)"), ("u", "UNIQUE (case_id, reported_at)")]
        indexes = {row[0] for row in store.query("SELECT indexname FROM pg_indexes WHERE schemaname = %s "
                                                 "AND tablename = 'cases'", (backend.schema,))}
        assert {"cases_class_time_grid", "cases_time_grid", "cases_grid_time_class", "cases_geom_idx"} <= indexes
        plan = "\n".join(row[0] for row in store.query(
            f"EXPLAIN SELECT grid_code, COUNT(*) FROM {store.table('cases')} WHERE class_code = %s "
            "AND reported_at >= %s AND reported_at < %s GROUP BY grid_code", ("09011", "2025-03-01", "2025-04-01")))
        assert "_class_time_grid" in plan  # the byte-order columns still use their index (each month's)


def test_a_failing_row_in_a_large_import_rolls_everything_back(backend, monkeypatch):
    store = backend()
    load(store, make_cases(100))
    monkeypatch.setattr(postgis_module, "_COPY_ROWS", 4_000)  # the failure arrives with chunks in flight
    bad = make_cases(30_000, start=100)
    bad.values["reported_at"][9_000] = None  # NOT NULL, in the third chunk of eight
    with pytest.raises(Exception):  # noqa: B017
        load(store, bad)
    assert store.count_cases() == 100
    assert backend().count_cases() == 100
    with pytest.raises(Exception):  # noqa: B017  the rollback brought the unique key back too
        insert_existing_id(store, "AJ00000042")
    counts = load(store, make_cases(30_000, start=100))  # and the store takes the corrected batch
    assert counts.imported == 30_000 and backend().count_cases() == 30_100


def test_postgis_compares_codes_byte_by_byte():
    schema = f"test_{uuid.uuid4().hex[:10]}"
    store = PostgisStore(pg_parameters(), schema)
    try:
        rows = store.query("SELECT table_name, column_name, collation_name FROM information_schema.columns "
                           "WHERE table_schema = %s AND (column_name LIKE '%%_code' OR column_name LIKE '%%_id') "
                           "AND data_type = 'text'", (schema,))
        collations = {(table, column): collation for table, column, collation in rows}
        assert collations[("cases", "case_id")] == "C"
        assert collations[("unit_grids", "grid_code")] == "C"
        assert collations[("components", "component_id")] == "C"
        assert collations[("addresses", "address_code")] == "C"
        assert set(collations.values()) == {"C"}, collations
    finally:
        store.close()
        drop_schema(schema)


def test_the_geopackage_is_standard_and_its_spatial_index_is_right(tmp_path):
    from osgeo import ogr

    store = GpkgStore(tmp_path / "cases.gpkg")
    records = make_cases(30_000)  # large enough for the bulk index path
    load(store, records)
    load(store, make_cases(50, start=30_000))  # and a small batch through the row triggers
    assert store.query("SELECT rtreecheck('rtree_cases_geom')")[0][0] == "ok"
    store.close()
    source = ogr.Open(str(tmp_path / "cases.gpkg"))
    layer = source.GetLayerByName("cases")
    assert layer.GetFeatureCount() == 30_050
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "4490"
    layer.SetSpatialFilterRect(116.39, 39.91, 116.40, 39.92)
    found = sorted(feature.GetField("case_id") for feature in layer)  # R-tree candidates, then exact test
    extra = make_cases(50, start=30_000)
    lon, lat = np.r_[records.lon, extra.lon], np.r_[records.lat, extra.lat]
    inside = (lon >= 116.39) & (lon <= 116.40) & (lat >= 39.91) & (lat <= 39.92)
    assert found == sorted(np.asarray(records.case_ids + extra.case_ids)[inside])
    definition = layer.GetLayerDefn()
    assert definition.GetFieldDefn(definition.GetFieldIndex("reported_at")).GetType() == ogr.OFTDateTime
    layer = source = None  # close before the interpreter tears GDAL down


def test_a_file_that_is_not_a_geopackage_is_refused(tmp_path):
    path = tmp_path / "notes.gpkg"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError):
        GpkgStore(path)
    with pytest.raises(StoreError, match="does not exist"):
        GpkgStore(tmp_path / "missing.gpkg", create=False)


def test_postgis_imports_and_heat_reads_run_concurrently_and_consistently(backend):
    if backend.kind != "postgis":
        return  # the GeoPackage side is a single-writer file; this property is the server's
    store = backend()
    load(store, make_cases(1000))
    seen: list[int] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def write() -> None:
        try:
            writer = backend()
            load(writer, make_cases(40_000, start=1000))
            load(writer, make_cases(200, start=100_000, status="重复"))
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            done.set()

    reader = backend()
    thread = threading.Thread(target=write)
    thread.start()
    while not done.is_set():
        seen.append(sum(reader.counts_per_grid().values()))
    thread.join()
    assert not errors
    seen.append(sum(reader.counts_per_grid().values()))
    assert set(seen) <= {1000, 41_000, 41_200}, "a reader saw a half-written batch"
    assert seen[-1] == 41_200

    # two importers of overlapping ids take turns: nothing fails, nothing is counted twice
    results: list[ImportCounts] = []

    def import_overlap(seed: int) -> None:
        results.append(load(backend(), make_cases(3000, start=200_000, seed=seed)))

    threads = [threading.Thread(target=import_overlap, args=(seed,)) for seed in (7, 7)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted((r.imported, r.unchanged) for r in results) == [(0, 3000), (3000, 0)]
    assert reader.count_cases() == 44_200


def test_components_round_trip(backend):
    store = backend()
    geometries = np.array([shapely.Point(116.4, 39.9), shapely.LineString([(116.4, 39.9), (116.41, 39.9)]),
                           shapely.box(116.4, 39.9, 116.401, 39.901)])
    ids = ["99010101001000002", "99010101001000001", "99010102003000001"]
    components = StoredComponents(ids, ["01001", "01001", "02003"], ["供水井盖", "供水井盖", "路灯"],
                                  [None, "东门井盖", None], GRID_CODES[:3], ["990101001"] * 3,
                                  ["990101001001"] * 3, ["N50J47539B825534"] * 3, ["完好"] * 3, geometries)
    store.write_components(components)
    store.write_components(components)  # replaces, never duplicates
    back = backend().read_components()
    assert back.component_ids == sorted(ids)
    assert back.names == ["东门井盖", None, None]
    assert [g.geom_type for g in back.geometries] == ["LineString", "Point", "Polygon"]


def test_hourly_counts_make_daily_counts_equal_to_the_stores_own_counts(backend):
    """The dock's heat pre-aggregation (grid × UTC hour × class × source) on both backends."""
    from grid_plugin.core.cases.daily_counts import DailyCaseCounts

    store = backend()
    records = make_cases(3000, seed=5)
    # times at every hour, so local (UTC+8) days differ from UTC days for a third of the cases
    hours = np.random.default_rng(5).integers(0, 24, len(records))
    records.values["reported_at"] = [t[:11] + f"{h:02d}" + t[13:] for t, h in
                                     zip(records.values["reported_at"], hours, strict=True)]
    load(store, records)
    hourly = store.hourly_counts()
    assert sum(row[4] for row in hourly) == 3000
    assert all(len(row[1]) == 13 and row[1][10] == "T" for row in hourly)
    daily = DailyCaseCounts.from_hourly(GRID_CODES, hourly, "Asia/Shanghai")
    assert daily.first_day.isoformat() == "2025-01-01"
    for first, last, classes, sources in ((0, 40, None, None), (31, 89, ["09011"], None),
                                          (100, 250, ["01001", "06016"], ["12345热线"]), (5, 5, None, [])):
        start = dt.datetime.combine(daily.date_of(first), dt.time()) - dt.timedelta(hours=8)  # local midnight
        end = dt.datetime.combine(daily.date_of(last + 1), dt.time()) - dt.timedelta(hours=8)
        expected = store.counts_per_grid(CaseFilter(
            start=start.strftime("%Y-%m-%dT%H:%M:%S.000Z"), end=end.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            class_codes=tuple(classes or ()), sources=tuple(sources) if sources is not None else ()))
        if sources == []:
            expected = {}
        counts = daily.counts(first, last, classes, sources)
        assert {code: int(n) for code, n in zip(GRID_CODES, counts, strict=True) if n} == expected


def test_recent_cases_of_a_grid_come_newest_first(backend):
    store = backend()
    records = make_cases(400, seed=9)
    load(store, records)
    values = records.values
    grid = GRID_CODES[2]
    mine = [(values["reported_at"][i], values["case_id"][i]) for i in range(len(records))
            if values["grid_code"][i] == grid and values["reported_at"][i] >= "2025-06-01"]
    newest_first = sorted(sorted(mine, key=lambda m: m[1]), key=lambda m: m[0], reverse=True)
    rows = store.recent_cases(grid, "2025-06-01T00:00:00.000Z", limit=7)
    assert [(row[1], row[0]) for row in rows] == newest_first[:7]
    assert store.recent_cases(GRID_CODES[0], "2026-01-01T00:00:00.000Z") == []


def make_addresses(codes: list[str], road: str = "槐荫大街") -> AddressEntries:
    n = len(codes)
    return AddressEntries(list(codes), ["门牌"] * n, [None] * n, [f"示例区{road}{i + 1}号" for i in range(n)],
                          [road] * n, list(range(1, n + 1)), [None] * n, ["示例区"] * n, ["槐荫街道"] * n,
                          ["春晖社区"] * n, [GRID_CODES[i % len(GRID_CODES)] for i in range(n)],
                          ["990101001"] * n, ["990101001001"] * n, [None] * n,
                          np.linspace(116.40, 116.41, n), np.full(n, 39.92))


def test_the_address_gazetteer_round_trips_and_upserts_by_code(backend):
    store = backend()
    first = make_addresses([f"A{i:05d}" for i in range(300)])
    store.write_addresses(first)
    assert store.count_addresses() == 300
    back = store.read_addresses()
    assert back.codes == first.codes and back.full_addresses == first.full_addresses
    assert back.numbers == first.numbers and back.grid_codes == first.grid_codes
    assert np.allclose(back.lon, first.lon) and np.allclose(back.lat, first.lat)
    # a second import: 100 codes again (renamed road), 50 new; the other 200 stay as they were
    again = make_addresses([f"A{i:05d}" for i in range(200, 350)], road="槐荫路")
    store.write_addresses(again)
    back = store.read_addresses()
    assert len(back) == 350
    roads = dict(zip(back.codes, back.roads, strict=True))
    assert roads["A00000"] == "槐荫大街" and roads["A00250"] == "槐荫路" and roads["A00349"] == "槐荫路"
