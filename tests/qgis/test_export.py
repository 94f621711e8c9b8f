"""gridplugin:exportgrids: every format reopened and checked (count, codes, areas, Chinese text),
and the bad inputs of the issue (nothing half-written)."""

from __future__ import annotations

import os
from pathlib import Path

import fiona
import numpy as np
import processing
import pytest
import shapely
import shapely.geometry
from osgeo import ogr
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from grid_plugin.core.geodesy import crs as core_crs
from grid_plugin.core.geodesy.offsets import wgs84_to_gcj02

FORMAT = {"gpkg": 0, "shp": 1, "geojson": 2, "kml": 3, "dxf": 4, "csv": 5}
TARGET = {"cgcs2000": 0, "gk3": 1, "gk6": 2, "wgs84": 3, "webmercator": 4, "gcj02": 5, "other": 6}


def export(source: str, out: Path, fmt: str, target: str, **extra) -> dict:
    return processing.run("gridplugin:exportgrids", {
        "INPUT": source, "FORMAT": FORMAT[fmt], "TARGET": TARGET[target], "ENCODING": extra.pop("ENCODING", 0),
        "OVERWRITE": extra.pop("OVERWRITE", False), "OUTPUT": str(out), **extra})


@pytest.fixture(scope="module")
def grids(sample_grids):
    """(source, layer, features): features as plain values (grid code -> fields and WKB), so no QGIS
    object outlives the module (one alive at interpreter exit crashes QGIS's teardown)."""
    layer = QgsVectorLayer(sample_grids, "grids", "ogr")
    features = {f["grid_code"]: {"community_name": f["community_name"], "wkb": bytes(f.geometry().asWkb())}
                for f in layer.getFeatures()}
    yield sample_grids, sample_grids, features


def reference_areas(source: str, crs: str) -> dict[str, float]:
    """Areas of the source grids moved by QGIS's own transform (independent of the exporter's pyproj)."""
    layer = QgsVectorLayer(source, "grids", "ogr")
    transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(crs), QgsProject.instance())
    out = {}
    for feature in layer.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(transform)
        out[feature["grid_code"]] = geometry.area()
    return out


def read_back(path: Path, encoding: str | None = None, layer: str | None = None) -> list[dict]:
    with fiona.open(path, encoding=encoding, layer=layer) as source:
        return [{"properties": dict(r["properties"]), "geometry": shapely.geometry.shape(r["geometry"])
                 if r["geometry"] else None} for r in source]


@pytest.mark.parametrize(("fmt", "target", "encoding"), [
    ("gpkg", "gk6", 0), ("shp", "gk3", 0), ("shp", "cgcs2000", 1), ("csv", "webmercator", 0), ("csv", "gk3", 1),
])
def test_round_trip_keeps_count_codes_chinese_text_and_areas(grids, gridplugin, tmp_path, fmt, target, encoding):
    source, layer, features = grids
    out = tmp_path / f"grids.{fmt}"
    result = export(source, out, fmt, target, ENCODING=encoding)
    assert result["FEATURE_COUNT"] == len(features)
    text_encoding = ("utf-8", "gbk")[encoding]
    records = read_back(out, encoding=text_encoding if fmt in ("shp", "csv") else None)
    assert len(records) == len(features)
    code = "grid_code"
    community_name = "comm_name" if fmt == "shp" else "community_name"
    assert {r["properties"][code] for r in records} == set(features)
    for record in records:
        original = features[record["properties"][code]]
        assert record["properties"][community_name] == original["community_name"]  # Chinese text intact
        assert "社区" in record["properties"][community_name]
    crs = {"gk6": f"EPSG:{core_crs.gk6_epsg(116.4)}", "gk3": f"EPSG:{core_crs.gk3_epsg(116.4)}",
           "webmercator": "EPSG:3857", "cgcs2000": "EPSG:4490"}[target]
    if target != "cgcs2000":  # projected outputs: areas within 0.1 m² of QGIS's own transform
        expected = reference_areas(layer, crs)
        differences = [abs(r["geometry"].area - expected[r["properties"][code]]) for r in records]
        assert max(differences) < 0.1, max(differences)
    if fmt == "shp":
        assert out.with_suffix(".cpg").read_text().strip().upper() == ("UTF-8", "GBK")[encoding]
        mapping = Path(result["FIELD_MAP"]).read_text(encoding="utf-8").splitlines()
        assert "community_code,comm_code" in mapping and "grid_code,grid_code" in mapping
        with fiona.open(out) as reopened:
            assert reopened.crs.to_epsg() == int(crs.split(":")[1])
        reopened_in_qgis = QgsVectorLayer(str(out), "shp", "ogr")  # QGIS reads the .cpg: Chinese intact
        names_in_qgis = {f["grid_code"]: f["comm_name"] for f in reopened_in_qgis.getFeatures()}
        assert names_in_qgis == {code: f["community_name"] for code, f in features.items()}
    if fmt == "csv":
        raw = out.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") == (encoding == 0)  # a BOM for Excel in UTF-8
        assert "社区".encode(text_encoding) in raw


def test_geojson_is_rfc7946_longitude_latitude_and_gcj02_is_shifted(grids, gridplugin, tmp_path):
    source, _layer, features = grids
    export(source, tmp_path / "wgs84.geojson", "geojson", "wgs84")
    export(source, tmp_path / "gcj02.geojson", "geojson", "gcj02")
    text = (tmp_path / "wgs84.geojson").read_text(encoding="utf-8")
    assert '"crs"' not in text and "石桥社区" in text  # RFC 7946: no crs member, UTF-8
    wgs84 = {r["properties"]["grid_code"]: r["geometry"] for r in read_back(tmp_path / "wgs84.geojson")}
    gcj02 = {r["properties"]["grid_code"]: r["geometry"] for r in read_back(tmp_path / "gcj02.geojson")}
    assert set(wgs84) == set(gcj02) == set(features)
    for grid_code in list(wgs84)[:50]:
        lon, lat = shapely.get_coordinates(wgs84[grid_code]).T
        assert lon.min() > 116 and lon.max() < 117 and lat.min() > 39.5 and lat.max() < 40.5
        shifted = shapely.transform(wgs84[grid_code], lambda xy: np.column_stack(wgs84_to_gcj02(*xy.T)))
        # GDAL 3.10 drops vertices 7-decimal rounding made repeated or collinear, separately in each file:
        # compare the shapes, not vertex lists
        assert shapely.hausdorff_distance(gcj02[grid_code], shifted) < 3e-7
        first = shapely.get_coordinates(shifted)[0]
        assert 100 < np.hypot(*(first - (lon[0], lat[0]))) * 111_000 < 1000  # the offset is real


def test_geojson_polygons_are_valid_as_written_at_seven_decimals(grids, gridplugin, tmp_path):
    """RFC 7946 files hold 7 decimals (about 1 cm): the coordinates are rounded, and what the rounding
    makes invalid repaired, before GDAL writes them, so every feature is valid per GEOS and per QGIS's
    own check (33 of the sample's grids were not, on GDAL 3.6; GDAL 3.10 dropped part of one)."""
    source, _layer, features = grids
    for target in ("wgs84", "gcj02"):
        path = tmp_path / f"{target}.geojson"
        export(source, path, "geojson", target)
        written = np.array([r["geometry"] for r in read_back(path)], dtype=object)
        assert len(written) == len(features)
        assert shapely.is_valid(written).all(), shapely.is_valid_reason(written[~shapely.is_valid(written)])[:3]
        layer = QgsVectorLayer(str(path), "written", "ogr")
        rejected = [f.id() for f in layer.getFeatures()
                    if f.geometry().validateGeometry(Qgis.GeometryValidationEngine.Geos)]
        del layer
        assert rejected == [], target
        assert np.allclose(shapely.get_coordinates(written), np.round(shapely.get_coordinates(written), 7),
                           rtol=0, atol=1e-12)


def test_kml_names_placemarks_by_code(grids, gridplugin, tmp_path):
    source, _layer, features = grids
    export(source, tmp_path / "grids.kml", "kml", "wgs84")
    reopened = ogr.Open(str(tmp_path / "grids.kml"))
    placemarks = [f for layer in reopened for f in layer]
    assert sorted(f.GetField("Name") for f in placemarks) == sorted(features)  # named by grid code
    assert sorted(f.GetField("grid_code") for f in placemarks) == sorted(features)  # and the code kept as data
    names = {f.GetField("Name"): f.GetField("community_name") for f in placemarks}
    assert names == {code: f["community_name"] for code, f in features.items()}  # Chinese text intact


def test_a_heat_layer_exports_with_its_counts(grids, gridplugin, tmp_path):
    source, _layer, _features = grids
    processing.run("gridplugin:importcases", {
        "INPUT": str(Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample_cases.csv"),
        "STORE": str(tmp_path / "cases.gpkg"), "GRIDS": source, "TIMEZONE": "Asia/Shanghai",
        "REJECTS": str(tmp_path / "rejects.csv")})
    heat = processing.run("gridplugin:caseheatmap", {
        "STORE": str(tmp_path / "cases.gpkg"), "TIMEZONE": "Asia/Shanghai", "RADIUS": 200, "PIXEL_SIZE": 10,
        "KERNEL": 0, "OUTPUT_VALUES": 0, "LIVE_LAYER": False, "GRID_COUNTS": str(tmp_path / "heat.gpkg")})
    out = tmp_path / "heat.csv"
    export(heat["GRID_COUNTS"], out, "csv", "gk3", ENCODING=1)
    records = read_back(out, encoding="gbk")
    assert sum(int(r["properties"]["case_count"]) for r in records) == 5355  # the sample's 5,358 but 3 rejected


def test_dxf_has_boundaries_and_codes_as_text(grids, gridplugin, tmp_path):
    source, layer, features = grids
    out = tmp_path / "grids.dxf"
    export(source, out, "dxf", "gk3")
    dataset = ogr.Open(str(out))
    texts, lines = {}, []
    for feature in dataset.GetLayer(0):
        if feature.GetField("Layer") == "codes":
            point = shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb()))
            texts[feature.GetField("Text")] = point
        else:
            lines.append(shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb())))
    assert set(texts) == set(features)
    assert len(lines) >= len(features)
    for code, point in list(texts.items())[:100]:  # each code sits inside its own grid
        geometry = shapely.from_wkb(features[code]["wkb"])
        assert geometry.contains(point)
    # closed boundaries of single-ring grids enclose the source area (EPSG:4548 is the source CRS)
    areas = sorted(shapely.area(shapely.polygons(shapely.get_coordinates(line))) for line in lines
                   if shapely.get_num_geometries(line) == 1 and line.is_closed)
    shapes = [shapely.from_wkb(f["wkb"]) for f in features.values()]
    source_areas = sorted(g.area for g in shapes
                          if shapely.get_num_geometries(g) == 1 and shapely.get_num_interior_rings(g.geoms[0]) == 0)
    assert len(areas) == len(source_areas)
    assert np.allclose(areas, source_areas, atol=0.1)


def test_components_and_their_long_field_names_go_to_shapefile(sample_gpkg, gridplugin, tmp_path):
    components = f"{sample_gpkg}|layername=components"
    result = export(components, tmp_path / "components.shp", "shp", "cgcs2000")
    mapping = dict(line.split(",") for line in Path(result["FIELD_MAP"]).read_text(encoding="utf-8").splitlines()[1:])
    assert all(len(short.encode()) <= 10 for short in mapping.values())
    records = read_back(tmp_path / "components.shp")
    layer = QgsVectorLayer(components, "c", "ogr")
    assert len(records) == layer.featureCount()
    assert all(r["geometry"].geom_type == "Point" for r in records)
    names = {f.name(): f for f in layer.fields()}
    text_field = next(n for n in names if n not in ("fid",) and isinstance(next(layer.getFeatures())[n], str))
    originals = [f[text_field] for f in layer.getFeatures()]
    assert [r["properties"][mapping[text_field]] for r in records] == originals


# ---- bad input: a clear error, nothing half-written ------------------------------------------------------
def test_an_existing_file_is_kept_without_overwrite_and_replaced_with_it(grids, gridplugin, tmp_path):
    source, _layer, _features = grids
    out = tmp_path / "grids.geojson"
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="already exists.*OVERWRITE"):
        export(source, out, "geojson", "wgs84")
    assert out.read_text(encoding="utf-8") == "keep me"
    export(source, out, "geojson", "wgs84", OVERWRITE=True)
    assert out.read_text(encoding="utf-8").startswith("{")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["grids.geojson"]  # no scratch folder left


def test_unwritable_and_missing_folders_and_a_wrong_extension_are_errors(grids, gridplugin, tmp_path):
    source, _layer, _features = grids
    with pytest.raises(QgsProcessingException, match="cannot be written"):
        export(source, Path("/proc/grids.gpkg"), "gpkg", "cgcs2000")
    with pytest.raises(QgsProcessingException, match="does not exist"):
        export(source, tmp_path / "nowhere" / "grids.gpkg", "gpkg", "cgcs2000")
    with pytest.raises(QgsProcessingException, match=r"ends in \.gpkg.*SHP"):
        export(source, tmp_path / "grids.gpkg", "shp", "cgcs2000")
    assert list(tmp_path.iterdir()) == []


BEIJING = "POLYGON((116.40 39.90, 116.401 39.90, 116.401 39.901, 116.40 39.901, 116.40 39.90))"


def memory_layer(fields: str, values: list[list[object]], crs: str = "EPSG:4490", wkt: str | list[str] = BEIJING):
    layer = QgsVectorLayer(f"Polygon?crs={crs}&{fields}", "memory", "memory")
    features = []
    for i, row in enumerate(values):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt if isinstance(wkt, str) else wkt[i]))
        feature.setAttributes(row)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_field_names_colliding_after_truncation_are_an_error_with_the_fix(gridplugin, tmp_path):
    layer = memory_layer("field=responsible_a1:string&field=responsible_a2:string", [["甲", "乙"]])
    try:
        with pytest.raises(QgsProcessingException, match="responsible_a1.*responsible_a2.*FIELD_NAMES"):
            export(layer.id(), tmp_path / "x.shp", "shp", "cgcs2000")
        assert list(tmp_path.iterdir()) == []
        result = export(layer.id(), tmp_path / "x.shp", "shp", "cgcs2000",
                        FIELD_NAMES="responsible_a1=resp_a1; responsible_a2=resp_a2")
        assert read_back(tmp_path / "x.shp", encoding="utf-8")[0]["properties"] == {"resp_a1": "甲", "resp_a2": "乙"}
        assert "responsible_a2,resp_a2" in Path(result["FIELD_MAP"]).read_text(encoding="utf-8")
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_text_too_long_for_dbf_names_the_feature_and_writes_nothing(gridplugin, tmp_path):
    layer = memory_layer("field=note:string", [["短"], ["网格" * 50]])  # 300 bytes in UTF-8, 200 in GBK
    try:
        with pytest.raises(QgsProcessingException, match=r"feature 2, field note.*300 bytes.*254"):
            export(layer.id(), tmp_path / "x.shp", "shp", "cgcs2000")
        assert list(tmp_path.iterdir()) == []
        export(layer.id(), tmp_path / "x.shp", "shp", "cgcs2000", ENCODING=1)  # fits in GBK
        assert read_back(tmp_path / "x.shp", encoding="gbk")[1]["properties"]["note"] == "网格" * 50
        with pytest.raises(QgsProcessingException, match="feature 1.*GBK"):
            bad = memory_layer("field=note:string", [["𠀀 not in GBK"]])
            export(bad.id(), tmp_path / "y.shp", "shp", "cgcs2000", ENCODING=1)
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_a_crs_that_cannot_represent_the_data_is_an_error(gridplugin, tmp_path):
    far_west = memory_layer("field=name:string", [["x"]],
                            wkt="POLYGON((80 40, 80.01 40, 80.01 40.01, 80 40.01, 80 40))")
    polar = memory_layer("field=name:string", [["beijing"], ["polar"]], crs="EPSG:4326",
                         wkt=[BEIJING, "POLYGON((10 89.5, 11 89.5, 11 89.9, 10 89.9, 10 89.5))"])
    try:
        with pytest.raises(QgsProcessingException, match="feature 1 lies outside"):
            export(far_west.id(), tmp_path / "a.gpkg", "gpkg", "other", TARGET_CRS="EPSG:4548")
        with pytest.raises(QgsProcessingException, match="feature 2 lies outside the area"):
            export(polar.id(), tmp_path / "b.gpkg", "gpkg", "webmercator")
        far_side = "PROJ:+proj=ortho +lat_0=0 +lon_0=-60 +ellps=WGS84"  # Beijing is behind the globe
        with pytest.raises(QgsProcessingException, match="feature 1 cannot be represented"):
            export(polar.id(), tmp_path / "d.gpkg", "gpkg", "other", TARGET_CRS=far_side)
        with pytest.raises(QgsProcessingException, match="GEOJSON files hold longitude/latitude only"):
            export(far_west.id(), tmp_path / "c.geojson", "geojson", "gk3")
        assert list(tmp_path.iterdir()) == []
    finally:
        for layer in (far_west, polar):
            QgsProject.instance().removeMapLayer(layer.id())


def test_a_cancelled_export_leaves_nothing(grids, gridplugin, tmp_path):
    source, _layer, _features = grids

    class CancelOnProgress(QgsProcessingFeedback):
        def setProgress(self, progress):
            super().setProgress(progress)
            if progress >= 40:
                self.cancel()

    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("gridplugin:exportgrids", {
            "INPUT": source, "FORMAT": 1, "TARGET": 0, "ENCODING": 0, "OVERWRITE": False,
            "OUTPUT": str(tmp_path / "grids.shp")}, feedback=CancelOnProgress())
    assert os.listdir(tmp_path) == []
