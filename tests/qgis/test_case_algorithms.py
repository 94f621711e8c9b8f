"""importcases, caseheatmap and casehotspots on the sample district's cases, on both stores."""

from __future__ import annotations

import csv
import datetime as dt
import uuid
from pathlib import Path

import numpy as np
import processing
import pytest
import shapely
from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingFeedback,
    QgsProviderRegistry,
    QgsRasterLayer,
    QgsVectorLayer,
)

from grid_plugin.core.cases.hotspots import contiguity, getis_ord_gi_star
from grid_plugin.core.geodesy.offsets import wgs84_to_bd09, wgs84_to_gcj02
from grid_plugin.store.gpkg import GpkgStore, decode_points
from grid_plugin.store.schema import SCHEMA_VERSION
from tests.conftest import REPO, read_postgis_env
from tests.qgis.conftest import Messages
from tests.qgis.test_case_store import drop_schema

SAMPLE_CASES = REPO / "resources" / "sample" / "sample_cases.csv"
SAMPLE_IMPORTED = 5355  # of its 5,358 rows; 3 close before their report and are rejected
SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def sample_rows() -> tuple[list[str], list[dict[str, str]]]:
    with open(SAMPLE_CASES, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_csv(path: Path, fields: list[str], rows: list[dict], encoding: str = "utf-8") -> str:
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return str(path)


def import_cases(source, store=None, grids=None, feedback=None, **extra):
    parameters = {"INPUT": str(source), "ENCODING": 0, "COORDINATES": 0, "TIMEZONE": "Asia/Shanghai", "SCHEME": 0,
                  "DB_SCHEMA": "gridplugin", "REJECTS": str(Path(store or extra["REJECTS_DIR"]).parent / "rejects.csv")}
    if store:
        parameters["STORE"] = str(store)
    if grids:
        parameters["GRIDS"] = grids
    extra.pop("REJECTS_DIR", None)
    parameters.update(extra)
    return processing.run("gridplugin:importcases", parameters, feedback=feedback)


def read_rejects(path: str) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory, sample_grids, qgis_processing):
    """The sample's 5,355 importable cases in a GeoPackage store with the road-following grids."""
    from tests.qgis.conftest import ensure_provider

    ensure_provider()
    store = tmp_path_factory.mktemp("store") / "cases.gpkg"
    result = import_cases(SAMPLE_CASES, store, grids=sample_grids)
    assert (result["IMPORTED_COUNT"], result["REJECTED_COUNT"]) == (SAMPLE_IMPORTED, 3)
    return store


def test_the_sample_imports_completely_into_its_grids(sample_store):
    with GpkgStore(sample_store) as store:
        assert store.count_cases() == SAMPLE_IMPORTED
        rows = store.query('SELECT grid_code, community_code, street_code, kind, geom FROM "cases"')
        grids = store.read_grids()
    codes, communities, streets, kinds, blobs = zip(*rows)
    assert None not in codes
    assert set(kinds) == {"部件", "事件"}
    assert all(g.startswith(c) and c.startswith(s) for g, c, s in zip(codes, communities, streets))
    # every case lies in (or on the edge of) the grid whose code it got
    by_code = dict(zip(grids.grid_codes, grids.geometries))
    x, y = decode_points(list(blobs))
    assert shapely.dwithin(np.array([by_code[c] for c in codes]), shapely.points(x, y), 1e-9).all()


def test_reimport_changes_nothing_and_edits_update(sample_store, gridplugin, tmp_path):
    again = import_cases(SAMPLE_CASES, sample_store)
    assert (again["IMPORTED_COUNT"], again["UPDATED_COUNT"], again["UNCHANGED_COUNT"]) == (0, 0, SAMPLE_IMPORTED)
    fields, rows = sample_rows()
    rows[0]["status"] = "已作废"
    edited = write_csv(tmp_path / "edited.csv", fields, rows)
    result = import_cases(edited, sample_store)
    assert (result["IMPORTED_COUNT"], result["UPDATED_COUNT"], result["UNCHANGED_COUNT"]) == (0, 1, SAMPLE_IMPORTED - 1)
    with GpkgStore(sample_store) as store:
        assert store.query('SELECT status FROM "cases" WHERE case_id = ?', (rows[0]["case_id"],))[0][0] == "已作废"
    rows[0]["status"] = "已结案"
    import_cases(write_csv(tmp_path / "back.csv", fields, rows), sample_store)


def test_a_gbk_export_with_chinese_headers_and_bad_rows(gridplugin, sample_grids, tmp_path):
    fields, rows = sample_rows()
    chinese = {"case_id": "案件编号", "source": "案件来源", "kind": "案件类型", "class_code": "小类代码",
               "class_name": "小类名称", "description": "问题描述", "address": "地址", "reported_at": "上报时间",
               "status": "状态", "closed_at": "结案时间", "lon": "经度", "lat": "纬度"}
    rows = [dict(r) for r in rows[:200]]
    for r in rows:
        r["reported_at"] = r["reported_at"].replace("T", " ").replace("+08:00", "")  # local time, no zone
    rows[3]["lon"], rows[3]["lat"] = rows[3]["lat"], rows[3]["lon"]
    rows[5]["lon"] = rows[5]["lat"] = ""
    rows[7]["reported_at"] = "下周一"
    rows[9]["class_code"], rows[9]["class_name"] = "99999", ""
    rows[11]["lon"], rows[11]["lat"] = "2.35", "48.85"  # Paris
    rows[13]["lon"] = "116.0"  # inside China, outside the district
    rows[15]["case_id"] = ""
    rows.append(dict(rows[20]))  # an identical duplicate
    conflicting = dict(rows[30])
    conflicting["status"] = "处置中"
    rows.append(conflicting)
    path = write_csv(tmp_path / "gbk.csv", [chinese.get(f, f) for f in fields],
                     [{chinese.get(k, k): v for k, v in r.items()} for r in rows], encoding="gbk")
    store = tmp_path / "store.gpkg"
    feedback = Messages()
    result = import_cases(path, store, grids=sample_grids, feedback=feedback)
    assert result["READ_COUNT"] == 202
    assert result["READ_COUNT"] == (result["IMPORTED_COUNT"] + result["UPDATED_COUNT"] + result["UNCHANGED_COUNT"]
                                    + result["REJECTED_COUNT"])
    rejects = read_rejects(result["REJECTS"])
    reasons = {int(r["row"]): r["reason"] for r in rejects}
    assert "swapped" in reasons[4]
    assert "no coordinates" in reasons[6]
    assert "not a date" in reasons[8]
    assert "99999" in reasons[10]
    assert "outside China" in reasons[12]
    assert "outside every unit grid" in reasons[14]
    assert "no case id" in reasons[16]
    assert "identical duplicate of row 21" in reasons[201]
    assert {31, 202} <= set(reasons) and "different content" in reasons[202]
    assert result["IMPORTED_COUNT"] == 200 - 8
    assert any("swapped" in line for line in feedback.lines)
    # the rejects file keeps each row as read, Chinese intact, so it can be fixed and re-imported
    assert next(r for r in rejects if r["row"] == "10")["问题描述"] == rows[9]["description"]
    with GpkgStore(store) as opened:
        first = opened.case_columns(("case_id", "reported_at"))
        at = first["case_id"].index(rows[0]["case_id"])
        local = dt.datetime.fromisoformat(rows[0]["reported_at"]).replace(tzinfo=SHANGHAI)
        assert first["reported_at"][at] == local.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


@pytest.mark.parametrize(("system", "convert", "index"), [("gcj02", wgs84_to_gcj02, 2), ("bd09", wgs84_to_bd09, 3)])
def test_web_map_coordinates_are_stored_in_cgcs2000(gridplugin, sample_grids, tmp_path, system, convert, index):
    fields, rows = sample_rows()
    rows = rows[:100]
    lon = np.array([float(r["lon"]) for r in rows])
    lat = np.array([float(r["lat"]) for r in rows])
    shifted_lon, shifted_lat = convert(lon, lat)
    for r, x, y in zip(rows, shifted_lon, shifted_lat):
        r["lon"], r["lat"] = f"{x:.9f}", f"{y:.9f}"
    store = tmp_path / f"{system}.gpkg"
    result = import_cases(write_csv(tmp_path / f"{system}.csv", fields, rows), store, grids=sample_grids,
                          COORDINATES=index)
    assert result["IMPORTED_COUNT"] == 100
    with GpkgStore(store) as opened:
        ids = opened.case_columns(("case_id",))["case_id"]
        stored = {r[0]: r[1] for r in opened.query('SELECT case_id, geom FROM "cases"')}
    x, y = decode_points([stored[i] for i in ids])
    expected = {r["case_id"]: (a, b) for r, a, b in zip(rows, lon, lat)}
    assert np.abs(x - [expected[i][0] for i in ids]).max() < 1e-7
    assert np.abs(y - [expected[i][1] for i in ids]).max() < 1e-7


def test_an_xlsx_sheet_imports_with_its_date_cells(gridplugin, sample_grids, tmp_path):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsField,
        QgsFields,
        QgsVectorFileWriter,
        QgsWkbTypes,
    )
    from qgis.PyQt.QtCore import QDateTime

    from grid_plugin.toolbelt import field_types

    fields, rows = sample_rows()
    qfields = QgsFields()
    for name in fields:
        qfields.append(QgsField(name, field_types.DATE_TIME if name == "reported_at" else field_types.STRING))
    path = str(tmp_path / "cases.xlsx")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "XLSX"
    options.layerName = "案件"
    writer = QgsVectorFileWriter.create(path, qfields, QgsWkbTypes.Type.NoGeometry, QgsCoordinateReferenceSystem(),
                                        QgsCoordinateTransformContext(), options)
    for r in rows[:50]:
        feature = QgsFeature(qfields)
        local = dt.datetime.fromisoformat(r["reported_at"]).replace(tzinfo=None)
        feature.setAttributes([QDateTime(local) if name == "reported_at" else r[name] for name in fields])
        writer.addFeature(feature)
    del writer
    store = tmp_path / "x.gpkg"
    result = import_cases(path, store, grids=sample_grids, LAYER="案件")
    assert result["IMPORTED_COUNT"] == 50, read_rejects(result["REJECTS"])[:3]
    with GpkgStore(store) as opened:
        times = dict(zip(*opened.case_columns(("case_id", "reported_at")).values()))
    first = rows[0]
    expected = dt.datetime.fromisoformat(first["reported_at"]).astimezone(dt.timezone.utc)
    assert times[first["case_id"]] == expected.strftime("%Y-%m-%dT%H:%M:%S.000Z")


class CancelHalfway(QgsProcessingFeedback):
    def setProgress(self, progress):
        super().setProgress(progress)
        if progress > 30:
            self.cancel()


def test_a_cancelled_import_writes_nothing(sample_store, gridplugin, tmp_path):
    fields, rows = sample_rows()
    for r in rows:
        r["case_id"] = "NEW" + r["case_id"]
    path = write_csv(tmp_path / "new.csv", fields, rows)
    with pytest.raises(Exception, match="nothing was written"):
        import_cases(path, sample_store, feedback=CancelHalfway())
    with GpkgStore(sample_store) as store:
        assert store.count_cases() == SAMPLE_IMPORTED


def test_bad_parameters_are_named(gridplugin, tmp_path):
    with pytest.raises(Exception, match="FIELD_MAP"):
        import_cases(SAMPLE_CASES, tmp_path / "a.gpkg", FIELD_MAP="case_id=nope")
    with pytest.raises(Exception, match="no unit grids"):
        import_cases(SAMPLE_CASES, tmp_path / "b.gpkg")
    with pytest.raises(Exception, match="Asia/Shanghai"):
        import_cases(SAMPLE_CASES, tmp_path / "c.gpkg", TIMEZONE="Mars/Olympus")


# ---- heat ----------------------------------------------------------------------------------------------
def heatmap(store_parameters: dict, tmp_path: Path, **extra):
    tmp_path.mkdir(parents=True, exist_ok=True)
    parameters = {"DB_SCHEMA": "gridplugin", "TIMEZONE": "Asia/Shanghai", "RADIUS": 200, "PIXEL_SIZE": 20,
                  "KERNEL": 0, "OUTPUT_VALUES": 0, "LIVE_LAYER": True, "GRID_COUNTS": str(tmp_path / "counts.gpkg"),
                  "DENSITY": str(tmp_path / "density.tif"), **store_parameters, **extra}
    return processing.run("gridplugin:caseheatmap", parameters)


def case_ids_between(start: str, end: str, class_codes: set[str] | None = None) -> set[str]:
    """Ids of the sample cases reported in [start, end) local time, read straight from the CSV."""
    _, rows = sample_rows()
    keep = {r["case_id"] for r in rows if start <= r["reported_at"][:10] < end
            and (class_codes is None or r["class_code"] in class_codes)}
    return keep


def test_heatmap_counts_density_raster_and_live_layer(sample_store, gridplugin, tmp_path):
    result = heatmap({"STORE": str(sample_store)}, tmp_path, START="2025-03-01", END="2025-04-01",
                     CLASSES="09011, 06016")
    wanted = case_ids_between("2025-03-01", "2025-04-01", {"09011", "06016"})
    assert result["CASE_COUNT"] == len(wanted) > 0
    with GpkgStore(sample_store) as store:
        rows = store.query('SELECT case_id, grid_code FROM "cases"')
    per_grid: dict[str, int] = {}
    for case_id, code in rows:
        if case_id in wanted:
            per_grid[code] = per_grid.get(code, 0) + 1
    counts = QgsVectorLayer(result["GRID_COUNTS"], "counts", "ogr")
    found = {f["grid_code"]: (f["case_count"], f["density_10k"], f["area_m2"]) for f in counts.getFeatures()}
    assert {code: c for code, (c, _, _) in found.items() if c} == per_grid
    for count, density, area in found.values():
        assert density == pytest.approx(count * 10_000 / area, rel=1e-3)

    raster = QgsRasterLayer(result["DENSITY"], "density")
    assert raster.isValid() and raster.crs().authid() == "EPSG:4548"
    stats = raster.dataProvider().bandStatistics(1)
    assert stats.maximumValue > 1

    live = result["LIVE"]
    live = live if isinstance(live, QgsVectorLayer) else None
    assert live is not None and live.renderer().type() == "heatmapRenderer"
    assert live.temporalProperties().isActive() and live.temporalProperties().startField() == "reported_at"
    assert live.featureCount() == len(wanted)


def test_heatmap_without_matches_is_all_zero(sample_store, gridplugin, tmp_path):
    result = heatmap({"STORE": str(sample_store)}, tmp_path, START="2030-01-01", END="2030-02-01", LIVE_LAYER=False)
    assert result["CASE_COUNT"] == 0
    raster = QgsRasterLayer(result["DENSITY"], "density")
    assert raster.dataProvider().bandStatistics(1).maximumValue == 0


def test_hotspots_and_period_report(sample_store, gridplugin, tmp_path):
    result = processing.run("gridplugin:casehotspots", {
        "STORE": str(sample_store), "DB_SCHEMA": "gridplugin", "TIMEZONE": "Asia/Shanghai", "CONTIGUITY": 0,
        "TOLERANCE": 0.5, "PERIOD": 2, "TOP_N": 5, "OUTPUT": str(tmp_path / "hot.gpkg"),
        "REPORT_CSV": str(tmp_path / "report.csv"), "REPORT_HTML": str(tmp_path / "report.html")})
    layer = QgsVectorLayer(result["OUTPUT"], "hot", "ogr")
    features = sorted(layer.getFeatures(), key=lambda f: f["grid_code"])
    values = np.array([f["case_count"] for f in features], dtype=float)
    assert values.sum() == SAMPLE_IMPORTED
    with GpkgStore(sample_store) as store:
        grids = store.read_grids()
    from grid_plugin.processing.algorithms.case_hotspots import _projected

    gi = getis_ord_gi_star(values, contiguity(_projected(grids), "queen", 0.5))
    assert np.allclose([f["gi_z"] for f in features], gi.z, atol=1e-5)
    assert result["HOT_COUNT"] == int((gi.classes > 0).sum()) > 0
    report = read_rejects(result["REPORT_CSV"])  # a UTF-8-BOM CSV like the rejects file
    months = sorted({r[next(iter(r))] for r in report})
    assert months[0] == "2025-01" and len(months) >= 12
    assert "<table" in Path(result["REPORT_HTML"]).read_text(encoding="utf-8")


# ---- PostGIS through a QGIS connection -------------------------------------------------------------------
def saved_connection(prefix: str = "test_"):
    """The body of a PostGIS connection fixture: yields (the name of a QGIS connection to the test server,
    a fresh schema name prefix + random), then deletes the connection and drops the schema."""
    env = read_postgis_env()
    uri = QgsDataSourceUri()
    uri.setConnection(env["PGHOST"], env["PGPORT"], env["PGDATABASE"], env["PGUSER"], env["PGPASSWORD"])
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    name = f"gridplugin test {uuid.uuid4().hex[:6]}"
    metadata.saveConnection(metadata.createConnection(uri.uri(False), {"saveUsername": True,
                                                                       "savePassword": True}), name)
    schema = f"{prefix}{uuid.uuid4().hex[:10]}"
    yield name, schema
    metadata.deleteConnection(name)
    drop_schema(schema)


@pytest.fixture()
def postgis_connection():
    yield from saved_connection()


def test_postgis_store_gives_the_same_heat_as_the_geopackage(sample_store, sample_grids, gridplugin, tmp_path,
                                                             postgis_connection):
    name, schema = postgis_connection
    store = {"CONNECTION": name, "DB_SCHEMA": schema}
    result = import_cases(SAMPLE_CASES, grids=sample_grids, REJECTS_DIR=tmp_path / "x", **store)
    assert result["IMPORTED_COUNT"] == SAMPLE_IMPORTED
    assert "password" not in result["STORE_LABEL"].lower()
    again = import_cases(SAMPLE_CASES, REJECTS_DIR=tmp_path / "x", **store)
    assert again["UNCHANGED_COUNT"] == SAMPLE_IMPORTED
    pg = heatmap(store, tmp_path / "pg", START="2025-06-01", END="2025-07-01")
    gp = heatmap({"STORE": str(sample_store)}, tmp_path / "gp", START="2025-06-01", END="2025-07-01")
    assert pg["CASE_COUNT"] == gp["CASE_COUNT"] > 0

    def counts(path):
        return {f["grid_code"]: f["case_count"] for f in QgsVectorLayer(path, "c", "ogr").getFeatures()}

    assert counts(pg["GRID_COUNTS"]) == counts(gp["GRID_COUNTS"])
    live = pg["LIVE"]
    assert live.providerType() == "postgres"
    assert "password" not in live.source().lower()  # credentials stay in the QGIS connection
    assert live.featureCount() == pg["CASE_COUNT"]


def test_a_connection_with_an_authentication_configuration(gridplugin, tmp_path, monkeypatch):
    """The password comes from QGIS's encrypted authentication database, not the connection."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    for variable in ("PGPASSWORD", "PGUSER"):  # the password must not come from libpq's environment
        monkeypatch.delenv(variable, raising=False)
    env = read_postgis_env()
    manager = QgsApplication.authManager()
    assert manager.setMasterPassword("grid-plugin-tests", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("grid plugin test")
    config.setConfig("username", env["PGUSER"])
    config.setConfig("password", env["PGPASSWORD"])
    assert manager.storeAuthenticationConfig(config)[0]
    uri = QgsDataSourceUri()
    uri.setConnection(env["PGHOST"], env["PGPORT"], env["PGDATABASE"], "", "", QgsDataSourceUri.SslMode.SslPrefer,
                      config.id())
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    name, schema = f"gridplugin auth {uuid.uuid4().hex[:6]}", f"test_{uuid.uuid4().hex[:10]}"
    metadata.saveConnection(metadata.createConnection(uri.uri(False), {}), name)
    try:
        from grid_plugin.store.postgis import PostgisStore, connection_parameters

        parameters, layer_uri = connection_parameters(name)
        assert parameters["password"] == env["PGPASSWORD"] and parameters["user"] == env["PGUSER"]
        assert "password" not in layer_uri and f"authcfg={config.id()}" in layer_uri
        with PostgisStore.from_connection(name, schema) as store:
            assert store.schema_version() == SCHEMA_VERSION
            assert "authcfg" in store.layer_source("cases")[0]
    finally:
        metadata.deleteConnection(name)
        drop_schema(schema)


def test_an_unknown_connection_is_named(gridplugin, tmp_path):
    with pytest.raises(Exception, match="no QGIS PostgreSQL connection named 'nowhere'"):
        heatmap({"CONNECTION": "nowhere"}, tmp_path)


def test_loaded_heat_and_hot_spot_layers_get_their_styles(sample_store, gridplugin, tmp_path):
    """As from the toolbox: outputs loaded into the project are styled by their post-processors."""
    from qgis.core import QgsProject, QgsSingleBandPseudoColorRenderer

    project = QgsProject.instance()
    before = set(project.mapLayers())
    try:
        processing.runAndLoadResults("gridplugin:caseheatmap", {
            "STORE": str(sample_store), "DB_SCHEMA": "gridplugin", "TIMEZONE": "Asia/Shanghai", "RADIUS": 200,
            "PIXEL_SIZE": 20, "KERNEL": 0, "OUTPUT_VALUES": 0, "LIVE_LAYER": False,
            "GRID_COUNTS": str(tmp_path / "counts.gpkg"), "DENSITY": str(tmp_path / "density.tif")})
        processing.runAndLoadResults("gridplugin:casehotspots", {
            "STORE": str(sample_store), "DB_SCHEMA": "gridplugin", "TIMEZONE": "Asia/Shanghai", "CONTIGUITY": 0,
            "TOLERANCE": 0.5, "PERIOD": 2, "TOP_N": 5, "OUTPUT": str(tmp_path / "hot.gpkg"),
            "REPORT_CSV": str(tmp_path / "report.csv"), "REPORT_HTML": str(tmp_path / "report.html")})
        loaded = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
        renderers = {layer.source().split("|")[0].rsplit("/", 1)[-1]: layer.renderer() for layer in loaded}
        assert renderers["counts.gpkg"].type() == "graduatedSymbol"
        assert renderers["counts.gpkg"].classAttribute() == "density_10k"
        assert isinstance(renderers["density.tif"], QgsSingleBandPseudoColorRenderer)
        assert renderers["hot.gpkg"].type() == "categorizedSymbol"
        assert renderers["hot.gpkg"].classAttribute() == "gi_bin"
    finally:
        project.removeMapLayers(list(set(project.mapLayers()) - before))
