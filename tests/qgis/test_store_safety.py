"""Reliability and security of the case stores and the GeoPackage outputs (issue 16): names that
become SQL (PostGIS schemas, output files and their fields), identifiers PostgreSQL would cut,
NUL characters, a connection lost mid-import, and a GeoPackage busy with another import.
PostGIS schemas made here start with sec_ (and one test uses public, dropping its tables after)."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import processing
import psycopg2
import pytest
import shapely
from psycopg2 import sql
from qgis.core import QgsFeatureRequest, QgsRectangle, QgsVectorLayer

from grid_plugin.core.cases.records import CaseFilter
from grid_plugin.core.errors import Cancelled
from grid_plugin.core.progress import Progress
from grid_plugin.io.feature_files import SpatialReference, write_feature_file
from grid_plugin.store import gpkg as gpkg_module
from grid_plugin.store import postgis as postgis_module
from grid_plugin.store.base import StoredComponents, StoredGrids, StoreError
from grid_plugin.store.gpkg import GpkgStore
from grid_plugin.store.postgis import PostgisStore
from grid_plugin.store.schema import MIGRATIONS, Index
from tests.qgis.conftest import Messages, write_gpkg
from tests.qgis.test_case_algorithms import sample_rows, write_csv
from tests.qgis.test_case_store import GRID_CODES, drop_schema, load, make_addresses, make_cases, pg_parameters


@contextmanager
def admin():
    """A cursor of an autocommit connection: every statement sees the server as it is now."""
    connection = psycopg2.connect(**pg_parameters())
    connection.autocommit = True
    try:
        yield connection.cursor()
    finally:
        connection.close()


def schemas_like(prefix: str) -> list[str]:
    with admin() as cursor:
        cursor.execute("SELECT nspname FROM pg_namespace WHERE starts_with(nspname, %s)", (prefix,))
        found = [row[0] for row in cursor.fetchall()]
    return found


def drop(schema: str) -> None:
    with admin() as cursor:
        cursor.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


def squares(n: int = 3) -> StoredGrids:
    boxes = np.array([shapely.box(116.38 + k * 0.02, 39.90, 116.40 + k * 0.02, 39.93) for k in range(n)])
    return StoredGrids(GRID_CODES[:n], ["990101001"] * n, ["街道"] * n, ["990101001001"] * n, ["社区"] * n,
                       np.full(n, 9000.0), boxes)


def components(ids: list[str], names: list[str | None]) -> StoredComponents:
    n = len(ids)
    return StoredComponents(ids, ["01001"] * n, ["井盖"] * n, names, GRID_CODES[:n], ["990101001"] * n,
                            ["990101001001"] * n, ["N50J47539B825534"] * n, ["完好"] * n,
                            np.array([shapely.Point(116.4, 39.91 + k * 0.001) for k in range(n)]))


# ---- 1: schema names that hold quotes, semicolons, % and Chinese are names, never SQL ---------------------
HOSTILE_SCHEMAS = ["sec_o'brien_{}", "sec_x'; DROP TABLE cases; --{}", "sec_100%_{}", 'sec_网格 "东城" 5%_{}']


@pytest.mark.parametrize("pattern", HOSTILE_SCHEMAS)
def test_a_schema_name_with_quotes_semicolons_or_per_cent_is_a_name_on_every_path(pattern):
    schema = pattern.format(uuid.uuid4().hex[:6])
    try:
        store = PostgisStore(pg_parameters(), schema)
        store.write_grids(squares())
        store.write_components(components(["99010101001000001"], ["东门"]))
        store.write_addresses(make_addresses(["A00001", "A00002"]))
        load(store, make_cases(100))
        counts = load(store, make_cases(25_000, start=100))  # large: drops and rebuilds keys and indexes
        assert counts.imported == 25_000
        changed = make_cases(100)
        changed.values["content_hash"] = [h + "x" for h in changed.values["content_hash"]]
        assert load(store, changed).updated == 100  # through the staging table and one UPDATE
        chosen = CaseFilter(class_codes=("09011",))
        assert sum(store.counts_per_grid(chosen).values()) == store.count_cases(chosen) > 0
        assert len(store.case_points()[0]) == 25_100
        assert len(store.hourly_counts()) > 0 and set(store.distinct_values("kind")) == {"事件", "部件"}
        assert store.recent_cases(GRID_CODES[0], limit=3)
        assert len(store.case_columns(("case_id", "reported_at"))["case_id"]) == 25_100
        store.close()
        again = PostgisStore(pg_parameters(), schema)
        assert again.count_cases() == 25_100 and again.read_components().names == ["东门"]
        assert again.read_grids().grid_codes == GRID_CODES[:3] and again.count_addresses() == 2
        uri, provider = again.layer_source("cases")
        layer = QgsVectorLayer(uri, "cases", provider)
        assert layer.isValid() and layer.featureCount() == 25_100
        again.close()
        assert schema in schemas_like("sec_")  # the schema has exactly the name given
        with admin() as cursor:
            cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = %s AND tablename !~ "
                           "'^cases_[0-9]{4}_[0-9]{2}$'", (schema,))
            assert cursor.fetchone()[0] == 7  # store_meta, five tables, case_keys (+ the months)
    finally:
        drop(schema)


@pytest.mark.parametrize(("schema", "error"), [
    ("sec_a\x00b", r"'sec_a\\x00b' contains a control character"),
    ("sec_tab\tname", "contains a control character"),
    (" sec_space", "begins or ends with a space"),
    ("pg_catalog", "reserved for PostgreSQL's own catalogs"),
    ("pg_sec_store", "reserved for PostgreSQL's own catalogs"),
    ("information_schema", "reserved for PostgreSQL's own catalogs"),
    ("sec_" + "x" * 60, "is 64 bytes long in UTF-8"),
    ("sec_" + "网格" * 10 + "案件库", "is 73 bytes long in UTF-8"),
])
def test_a_schema_name_postgresql_cannot_keep_is_refused_and_nothing_is_made(schema, error):
    before = set(schemas_like("sec_"))
    with pytest.raises(StoreError, match=error):
        PostgisStore(pg_parameters(), schema)
    assert set(schemas_like("sec_")) == before  # no schema cut short or changed was created instead


def test_two_long_schema_names_sharing_their_first_63_bytes_never_become_one_store():
    stem = "sec_" + "案件" * 9 + uuid.uuid4().hex[:4]  # 4 + 54 + 4 = 62 bytes
    first, second = stem + "一", stem + "二"  # 65 bytes each; PostgreSQL would keep the same 63
    try:
        with pytest.raises(StoreError, match="keeps only the first 63"):
            load(PostgisStore(pg_parameters(), first), make_cases(10))
        with pytest.raises(StoreError, match="keeps only the first 63"):
            PostgisStore(pg_parameters(), second)
    finally:
        for name in schemas_like(stem[:20]):
            drop(name)


def test_a_derived_name_longer_than_63_bytes_is_refused_not_cut(monkeypatch):
    schema = f"sec_{uuid.uuid4().hex[:10]}"
    long_index = Index("cases", "cases_by_class_code_reported_at_grid_code_street_code_community_code",
                       ("class_code",))
    assert len(long_index.name.encode()) > 63
    first = MIGRATIONS[0]
    monkeypatch.setattr(postgis_module, "MIGRATIONS", (type(first)(
        first.version, first.description, create=first.create, indexes=(*first.indexes, long_index)),
        *MIGRATIONS[1:]))
    try:
        with pytest.raises(StoreError, match="PostgreSQL keeps only 63"):
            PostgisStore(pg_parameters(), schema)
        assert schema not in schemas_like("sec_")  # the whole opening was rolled back
    finally:
        drop(schema)


def test_a_schema_holding_other_tables_of_the_stores_names_is_refused_untouched():
    schema = f"sec_{uuid.uuid4().hex[:10]}"
    try:
        with admin() as cursor:
            cursor.execute(sql.SQL("CREATE SCHEMA {0}; CREATE TABLE {0}.cases (ticket text); "
                                            "INSERT INTO {0}.cases VALUES ('theirs')").format(
                sql.Identifier(schema)))
        with pytest.raises(StoreError, match=r"already holds the table\(s\) cases, not made by the case store"):
            PostgisStore(pg_parameters(), schema)
        with admin() as cursor:
            cursor.execute(sql.SQL("SELECT ticket FROM {}.cases").format(sql.Identifier(schema)))
            assert cursor.fetchall() == [("theirs",)]
            cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = %s", (schema,))
            assert cursor.fetchone()[0] == 1  # no store_meta or other table was left behind
    finally:
        drop(schema)


def test_a_store_in_public_works_with_its_own_tables_and_refuses_to_mix_with_others():
    names = ("cases", "unit_grids", "components", "addresses", "import_batches", "store_meta")

    def public_tables() -> list[str]:
        with admin() as cursor:
            cursor.execute("SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE nspname = 'public' AND relname = ANY(%s) ORDER BY relname", (list(names),))
            return [row[0] for row in cursor.fetchall()]

    assert public_tables() == [], "public already holds tables of the store's names"
    try:
        with admin() as cursor:  # another application's table of one of the store's names
            cursor.execute("CREATE TABLE public.addresses (owner text)")
        with pytest.raises(StoreError, match=r"Schema public .* already holds the table\(s\) addresses"):
            PostgisStore(pg_parameters(), "public")
        assert public_tables() == ["addresses"]  # nothing of the store was left beside it
        with admin() as cursor:
            cursor.execute("DROP TABLE public.addresses")
        store = PostgisStore(pg_parameters(), "public")
        store.write_grids(squares())
        assert load(store, make_cases(300)).imported == 300
        store.close()
        again = PostgisStore(pg_parameters(), "public")
        assert again.count_cases() == 300 and again.read_grids().grid_codes == GRID_CODES[:3]
        uri, provider = again.layer_source("unit_grids")
        assert QgsVectorLayer(uri, "grids", provider).featureCount() == 3
        again.close()
    finally:
        with admin() as cursor:
            for name in (*names, "case_keys"):
                cursor.execute(sql.SQL("DROP TABLE IF EXISTS public.{}").format(sql.Identifier(name)))
            for name in ("case_keys_added", "case_keys_removed", "case_keys_changed", "case_keys_emptied"):
                cursor.execute(sql.SQL("DROP FUNCTION IF EXISTS public.{}()").format(sql.Identifier(name)))


# ---- 3: output file and field names become quoted identifiers in every GeoPackage statement -----------------
HOSTILE_LAYERS = ['grids "v2"', "it's; DROP TABLE gpkg_contents; --", "网格 单元（二）"]
HOSTILE_FIELDS = ["order", "group", 'a"b', "it's", "名 称;", "select"]


def check_geopackage(path: Path, layer: str, count: int) -> None:
    """The file passes SQLite's integrity check and the R-tree check, and QGIS opens the layer."""
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("SELECT rtreecheck(?)", (f"rtree_{layer}_geom",)).fetchone()[0] == "ok"
    assert connection.execute("SELECT table_name FROM gpkg_contents").fetchall() == [(layer,)]
    connection.close()
    opened = QgsVectorLayer(f"{path}|layername={layer}", "out", "ogr")
    assert opened.isValid() and opened.featureCount() == count


@pytest.mark.parametrize("layer", HOSTILE_LAYERS)
def test_a_feature_file_with_quotes_semicolons_chinese_and_keyword_names_is_a_good_geopackage(tmp_path, layer):
    from osgeo import ogr

    rng = np.random.default_rng(3)
    x, y = rng.uniform(116.3, 116.5, 3000), rng.uniform(39.8, 40.0, 3000)
    points = shapely.points(x, y)
    columns = [(name, "TEXT") for name in HOSTILE_FIELDS] + [("count", "INTEGER")]
    path = tmp_path / f"{layer}.gpkg"
    write_feature_file(path, layer, "POINT", SpatialReference(4490, "EPSG", "CGCS2000", "GEOGCS[]"), columns,
                       points, lambda a, b: [[f"{name} {k}" for name in HOSTILE_FIELDS] + [k] for k in range(a, b)])
    check_geopackage(path, layer, 3000)
    opened = QgsVectorLayer(f"{path}|layername={layer}", "out", "ogr")
    assert opened.fields().names() == ["fid", *HOSTILE_FIELDS, "count"]
    feature = next(opened.getFeatures(QgsFeatureRequest().setFilterExpression('"count" = 1234')))
    assert feature['a"b'] == 'a"b 1234' and feature["名 称;"] == "名 称; 1234"
    box = QgsRectangle(116.35, 39.85, 116.40, 39.90)
    inside = int(((x >= 116.35) & (x <= 116.40) & (y >= 39.85) & (y <= 39.90)).sum())
    assert len(list(opened.getFeatures(QgsFeatureRequest().setFilterRect(box)))) == inside
    del opened
    # the R-tree triggers name the table right: GDAL adds a feature and the index follows
    source = ogr.Open(str(path), 1)
    target = source.GetLayerByName(layer)
    feature = ogr.Feature(target.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (116.37 39.87)"))
    assert target.CreateFeature(feature) == 0
    feature = target = source = None
    check_geopackage(path, layer, 3001)


def test_an_algorithm_output_named_like_sql_with_keyword_fields_opens_in_qgis(gridplugin, sample_gpkg, sample_grids,
                                                                              tmp_path):
    """gridplugin:codecomponents carries the input's fields into its GeoPackage output."""
    from osgeo import ogr

    source = ogr.Open(str(sample_gpkg))
    layer = source.GetLayerByName("components")
    records = []
    for k, feature in enumerate(layer):
        point = feature.GetGeometryRef()
        attributes = {"class_code": feature.GetField("class_code"), **{name: f"{name}-{k}" for name in HOSTILE_FIELDS}}
        records.append(({"type": "Point", "coordinates": (point.GetX(), point.GetY())}, attributes))
    layer = source = None
    components_source = write_gpkg(tmp_path / "in.gpkg", "components", "Point", records,
                                   {"class_code": "str", **{name: "str" for name in HOSTILE_FIELDS}})
    out = tmp_path / """部件 "v2"; it's.gpkg"""
    result = processing.run("gridplugin:codecomponents", {
        "INPUT": components_source, "CLASS_FIELD": "class_code", "GRIDS": sample_grids,
        "GRID_CODE_FIELD": "grid_code", "EFFECTIVE_DATE": "2026-01-01", "OUTPUT": str(out)})
    assert result["OUTPUT"] == str(out)
    check_geopackage(out, out.stem, len(records))
    opened = QgsVectorLayer(f"{out}|layername={out.stem}", "out", "ogr")
    assert set(HOSTILE_FIELDS) <= set(opened.fields().names())
    values = sorted(f["order"] for f in opened.getFeatures())
    assert values == sorted(f"order-{k}" for k in range(len(records)))


def sample_components_geojson(path: Path, sample_gpkg, extra: dict[str, str]) -> str:
    """The sample's components with extra text fields, as GeoJSON (which takes any field names)."""
    import json

    from osgeo import ogr

    source = ogr.Open(str(sample_gpkg))
    features = []
    for feature in source.GetLayerByName("components"):
        point = feature.GetGeometryRef()
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [point.GetX(), point.GetY()]},
                         "properties": {"class_code": feature.GetField("class_code"), **extra}})
    source = None
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("output", "extra", "error"), [
    ("sqlite_x.gpkg", {}, r"would hold a table named 'sqlite_x', but GeoPackage and SQLite reserve names"),
    ("GPKG_mine.gpkg", {}, r"would hold a table named 'GPKG_mine', but GeoPackage and SQLite reserve names"),
    ("out.gpkg", {"GEOM": "g"}, r"The output field 'GEOM' has the name of the GeoPackage's own column geom"),
    ("out.gpkg", {"Note": "n"}, r"The output fields 'Note' and 'note' differ only in upper and lower case"),
])
def test_output_names_no_geopackage_can_take_are_refused_before_writing(gridplugin, sample_gpkg, sample_grids,
                                                                        tmp_path, output, extra, error):
    source = sample_components_geojson(tmp_path / "in.geojson", sample_gpkg, extra)
    with pytest.raises(Exception, match=error):
        processing.run("gridplugin:codecomponents", {
            "INPUT": source, "CLASS_FIELD": "class_code", "GRIDS": sample_grids, "GRID_CODE_FIELD": "grid_code",
            "EFFECTIVE_DATE": "2026-01-01", "OUTPUT": str(tmp_path / output)})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.geojson"]


# ---- 10: NUL characters: both stores refuse them, naming the record, and keep what they held --------------
@pytest.fixture(params=["gpkg", "postgis"])
def store_of(request, tmp_path):
    schema = f"sec_{uuid.uuid4().hex[:10]}"
    opened = []

    def open_store():
        store = GpkgStore(tmp_path / "cases.gpkg") if request.param == "gpkg" else PostgisStore(pg_parameters(), schema)
        opened.append(store)
        return store

    open_store.kind = request.param
    yield open_store
    for store in opened:
        store.close()
    if request.param == "postgis":
        drop_schema(schema)


def test_a_nul_character_in_any_case_text_is_refused_naming_the_case_and_row(store_of):
    store = store_of()
    load(store, make_cases(50))
    bad = make_cases(30_000, start=50)
    bad.values["description"][20_500] = "井盖破损\x00需处理"
    with pytest.raises(StoreError, match=r"Case AJ00020550 \(row 20501\): column 'description' contains a NUL "
                                         r"character \(\\x00\).*Nothing was imported"):
        load(store, bad)
    bad = make_cases(10, start=50)
    bad.values["case_id"][3] = "AJ\x0099"
    with pytest.raises(StoreError, match=r"Case AJ\\x0099 \(row 4\): column 'case_id'"):
        load(store, bad)
    assert store.count_cases() == 50 and store_of().count_cases() == 50
    assert store.next_batch_id() == 2


def test_a_nul_character_in_grids_components_addresses_or_a_filter_is_refused(store_of):
    store = store_of()
    store.write_grids(squares())
    grids = squares()
    grids.community_names[1] = "春晖\x00社区"
    with pytest.raises(StoreError, match=rf"Unit grid {GRID_CODES[1]}: column 'community_name' contains a NUL"):
        store.write_grids(grids)
    assert store_of().read_grids().community_names == ["社区"] * 3  # the old grids stay
    with pytest.raises(StoreError, match="Component 99010101001000002: column 'name' contains a NUL"):
        store.write_components(components(["99010101001000001", "99010101001000002"], [None, "东\x00门"]))
    addresses = make_addresses(["A00001", "A00002"])
    addresses.roads[0] = "槐荫\x00大街"
    with pytest.raises(StoreError, match="Address A00001: column 'road' contains a NUL"):
        store.write_addresses(addresses)
    assert store_of().count_addresses() == 0
    load(store, make_cases(20))
    with pytest.raises(StoreError, match=r"The value 'x\\x00' contains a NUL"):
        store.count_cases(CaseFilter(class_codes=("x\x00",)))
    assert store.count_cases() == 20  # the store is still usable


def test_a_failure_inside_copy_never_names_a_copy_line_as_a_row(monkeypatch):
    schema = f"sec_{uuid.uuid4().hex[:10]}"
    store = PostgisStore(pg_parameters(), schema)
    try:
        load(store, make_cases(100))
        monkeypatch.setattr(postgis_module, "_COPY_ROWS", 4_000)
        bad = make_cases(30_000, start=100)
        bad.values["reported_at"][9_000] = None  # NOT NULL: the server refuses line 1001 of the third chunk
        with pytest.raises(StoreError) as raised:
            load(store, bad)
        text = str(raised.value)
        assert "refused the import" in text and "nothing was imported" in text and "reported_at" in text
        assert "line" not in text.lower() and "COPY" not in text
        assert store.count_cases() == 100
    finally:
        store.close()
        drop_schema(schema)


# ---- 13: the connection lost mid-import ----------------------------------------------------------------------
def terminate(pid: int) -> None:
    """What a server restart does to a session; returns once the session is gone."""
    with admin() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", (pid,))
        assert cursor.fetchone()[0]
        while True:
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", (pid,))
            if not cursor.fetchone()[0]:
                return


def test_a_connection_lost_mid_import_says_so_and_nothing_is_stored():
    schema = f"sec_{uuid.uuid4().hex[:10]}"
    store = PostgisStore(pg_parameters(), schema)
    load(store, make_cases(100))
    pid = store.conn.get_backend_pid()
    copying, terminated = threading.Event(), threading.Event()
    steps: list[int] = []
    errors: list[BaseException] = []

    def importing_copies() -> bool:  # called between COPY chunks, inside the import's transaction
        steps.append(1)
        if len(steps) == 3:
            copying.set()
            assert terminated.wait(120)
        return False

    def run() -> None:
        try:
            load(store, make_cases(300_000, start=100), Progress(is_cancelled=importing_copies))
        except BaseException as error:  # checked below
            errors.append(error)
            copying.set()

    worker = threading.Thread(target=run)
    worker.start()
    try:
        assert copying.wait(300)
        terminate(pid)
    finally:
        terminated.set()
        worker.join()
    assert len(errors) == 1 and isinstance(errors[0], StoreError), errors
    text = str(errors[0])
    assert "connection to the database" in text and "was lost during the import" in text
    assert "nothing was imported" in text and "run the import again" in text
    store.close()  # closing a dead connection is quiet
    again = PostgisStore(pg_parameters(), schema)
    try:
        assert again.count_cases() == 100 and again.next_batch_id() == 2
        pid = again.conn.get_backend_pid()
        terminate(pid)
        with pytest.raises(StoreError, match="connection to the database .* was lost"):
            again.count_cases()
    finally:
        again.close()
        drop_schema(schema)


def test_a_postgis_import_waiting_for_another_says_so():
    schema = f"sec_{uuid.uuid4().hex[:10]}"
    first = PostgisStore(pg_parameters(), schema)
    heard: list[str] = []
    waiting = threading.Event()
    from grid_plugin.store.base import StoreFeedback

    def notify(text) -> None:
        heard.append(str(text))
        waiting.set()

    second = PostgisStore(pg_parameters(), schema, feedback=StoreFeedback(notify=notify))
    results = []
    try:
        with first.transaction():
            first.begin_import()  # the first import's turn is held
            worker = threading.Thread(target=lambda: results.append(load(second, make_cases(10))))
            worker.start()
            assert waiting.wait(120)
        worker.join()
        assert heard == [f"Waiting for another import into {second.label} to finish..."]
        assert results[0].imported == 10
    finally:
        first.close()
        second.close()
        drop_schema(schema)


# ---- 14: a GeoPackage busy with an import: readers read, a second writer waits and then says why ---------------
def test_a_busy_geopackage_lets_readers_read_and_a_second_writer_give_a_clear_message(tmp_path, monkeypatch):
    path = tmp_path / "cases.gpkg"
    with GpkgStore(path) as store:
        load(store, make_cases(100))
    monkeypatch.setattr(gpkg_module, "BUSY_TIMEOUT_S", 0.5, raising=False)
    importing, release = threading.Event(), threading.Event()
    steps: list[int] = []
    results: list[object] = []

    def held_import() -> bool:  # called between chunks, with the write transaction open
        steps.append(1)
        if len(steps) == 2:
            importing.set()
            assert release.wait(120)
        return False

    def run() -> None:
        try:
            with GpkgStore(path) as writer:
                results.append(load(writer, make_cases(120_000, start=100), Progress(is_cancelled=held_import)))
        except BaseException as error:  # checked below
            results.append(error)
            importing.set()

    worker = threading.Thread(target=run)
    worker.start()
    try:
        assert importing.wait(300)
        with GpkgStore(path) as reader:  # a count, the heat map's points: opening takes no lock, reading waits not
            assert reader.count_cases() == 100
            assert len(reader.case_points()[0]) == 100
        heard: list[str] = []
        from grid_plugin.store.base import StoreFeedback

        second = GpkgStore(path, feedback=StoreFeedback(notify=lambda text: heard.append(str(text))))
        with second, pytest.raises(StoreError) as raised:
            load(second, make_cases(10, start=500_000))
        text = str(raised.value)
        assert text.startswith(str(path)) and "being written by another import or program" in text
        assert "nothing was saved" in text and "database is locked" not in text
        assert heard == [f"Waiting for another import or program writing {path} to finish (at most 0.5 s)..."]
    finally:
        release.set()
        worker.join()
    assert results[0].imported == 120_000, results
    with GpkgStore(path) as store:
        assert store.count_cases() == 120_100
    connection = sqlite3.connect(path)  # at rest the store is one plain file again
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    connection.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.gpkg"]


def test_a_reader_of_a_geopackage_held_whole_by_an_import_waits_then_says_why(tmp_path, monkeypatch):
    path = tmp_path / "cases.gpkg"
    with GpkgStore(path) as store:
        load(store, make_cases(100))
    monkeypatch.setattr(gpkg_module, "BUSY_TIMEOUT_S", 0.5, raising=False)
    reader = GpkgStore(path)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")  # what an import holds once its changes outgrow its page cache
        with pytest.raises(StoreError) as raised:
            reader.count_cases()
        text = str(raised.value)
        assert text.startswith(str(path)) and "did not finish within 0.5 s; run again when it has finished" in text
        assert "database is locked" not in text
        from grid_plugin.store.base import StoreFeedback

        heard: list[str] = []
        reader.feedback = StoreFeedback(notify=lambda text: heard.append(str(text)))
        with pytest.raises(StoreError):
            reader.case_points()
        assert heard == [f"Waiting for another import or program writing {path} to finish (at most 0.5 s)..."]
        holder.execute("ROLLBACK")
        assert reader.count_cases() == 100  # and the store reads again once the file is free
    finally:
        holder.close()
        reader.close()


def test_a_waiting_geopackage_writer_can_be_cancelled(tmp_path, monkeypatch):
    path = tmp_path / "cases.gpkg"
    holder = GpkgStore(path)
    from grid_plugin.store.base import StoreFeedback

    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2

    waiting = GpkgStore(path, feedback=StoreFeedback(is_cancelled=cancelled))
    try:
        with holder.transaction(), pytest.raises(Cancelled):
            waiting.write_grids(squares())
        assert len(asked) == 3  # asked once a poll while waiting, well before the minute is over
        assert waiting.read_grids().grid_codes == []
    finally:
        holder.close()
        waiting.close()


def test_importcases_into_a_busy_geopackage_reports_the_wait_then_a_clear_message(gridplugin, sample_grids,
                                                                                 tmp_path, monkeypatch):
    fields, rows = sample_rows()
    source = write_csv(tmp_path / "cases.csv", fields, rows[:20])
    path = tmp_path / "store.gpkg"
    monkeypatch.setattr(gpkg_module, "BUSY_TIMEOUT_S", 0.5, raising=False)
    holder = GpkgStore(path)
    feedback = Messages()
    try:
        busy = r"being written by another import or program.*nothing was saved"
        with holder.transaction(), pytest.raises(Exception, match=busy):  # another import holds the file
            processing.run("gridplugin:importcases", {
                "INPUT": source, "ENCODING": 0, "COORDINATES": 0, "TIMEZONE": "Asia/Shanghai", "SCHEME": 0,
                "STORE": str(path), "GRIDS": sample_grids, "REJECTS": str(tmp_path / "rejects.csv")},
                feedback=feedback)
    finally:
        holder.close()
    assert any("Waiting for another import or program writing" in line for line in feedback.lines)
    assert not any("database is locked" in line for line in feedback.lines)
    with GpkgStore(path) as store:
        assert store.count_cases() == 0
