"""gridplugin:dividegrids with polygon features to follow (POLYGONS) and managed units (MANAGED_UNIT,
OPEN_LAND_MAX), through processing.run with the plain-string parameters of qgis_process: a parcel layer
shaped like real land-use data (quotes in names and in the layer name, a bow-tie parcel, a GBK shapefile,
GCJ-02 coordinates tagged EPSG:4326)."""

from __future__ import annotations

import numpy as np
import processing
import pytest
import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

from grid_plugin.core.geodesy.offsets import GCJ02, from_wgs84
from tests.qgis.conftest import square, write_gpkg
from tests.qgis.test_divide_grids import Recorder, error_text, read_layer

D = 0.001  # ≈ 85 m east-west, 111 m north-south at 39.9° N
LAYER = "地块'甲'"  # a layer name with quotes (QGIS names a layer opened from a file after the file)
PARCEL_FIELDS = {"name": "str", "type": "str", "managed": "int", "rank": "int"}


def rectangle(x0, y0, x1, y1):
    return {"type": "Polygon", "coordinates": [[(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]]}


# a walled compound with a lane through it (≈ 34,000 m²: above MAX_AREA, below 4 × target), a school
# (≈ 27,000 m²), a park (≈ 64,000 m², above 4 × target), a bow-tie green (invalid) and a lake
COMPOUND = rectangle(116.4004, 39.9004, 116.4024, 39.9022)
SCHOOL = rectangle(116.4035, 39.9035, 116.4052, 39.9052)
PARK = rectangle(116.4032, 39.9002, 116.4058, 39.9028)
BOW_TIE = {"type": "Polygon", "coordinates": [[(116.4005, 39.9035), (116.4025, 39.9055), (116.4025, 39.9035),
                                               (116.4005, 39.9055), (116.4005, 39.9035)]]}
LAKE = rectangle(116.408, 39.901, 116.411, 39.904)
PARCELS = [
    (COMPOUND, {"name": '王府井"东"小区', "type": "小区", "managed": 1, "rank": None}),
    (SCHOOL, {"name": "O'Brien 学校", "type": "学校", "managed": 1, "rank": None}),
    (PARK, {"name": "人民公园", "type": "公园", "managed": 1, "rank": None}),
    (BOW_TIE, {"name": "街角绿地", "type": "绿地", "managed": 0, "rank": None}),
    (LAKE, {"name": "团结湖", "type": "水域", "managed": 0, "rank": 9}),
]
ROADS = [
    ([(116.403, 39.899), (116.403, 39.907)], "支路"),
    ([(116.399, 39.903), (116.413, 39.903)], "主干路"),
    ([(116.4014, 39.9004), (116.4014, 39.9022)], "小区路"),  # the compound's own lane, wall to wall
]


def gcj02(geometry):
    """A GeoJSON-like geometry with its coordinates as a GCJ-02 web map gives them."""
    def move(ring):
        lon, lat = from_wgs84(np.array([p[0] for p in ring]), np.array([p[1] for p in ring]), GCJ02)
        return list(zip(lon.tolist(), lat.tolist()))
    if geometry["type"] == "LineString":
        return {"type": "LineString", "coordinates": move(geometry["coordinates"])}
    return {"type": "Polygon", "coordinates": [move(ring) for ring in geometry["coordinates"]]}


def layers(tmp_path, datum_shift=False):
    """(communities, roads, parcels) sources; with datum_shift the roads and parcels are GCJ-02 tagged EPSG:4326."""
    shift = gcj02 if datum_shift else (lambda g: g)
    communities = write_gpkg(tmp_path / "c.gpkg", "c", "Polygon", [
        (square(116.40, 39.90, 6 * D), {"code": "110101001001", "name": "甲"}),
        (square(116.40 + 6 * D, 39.90, 6 * D), {"code": "110101001002", "name": "乙"}),
    ], {"code": "str", "name": "str"})
    crs = "EPSG:4326" if datum_shift else "EPSG:4490"
    roads = write_gpkg(tmp_path / "r.gpkg", "r", "LineString", [
        (shift({"type": "LineString", "coordinates": c}), {"road_class": k}) for c, k in ROADS],
        {"road_class": "str"}, crs=crs)
    parcels = write_gpkg(tmp_path / f"{LAYER}.gpkg", "parcels", "Polygon", [(shift(g), a) for g, a in PARCELS],
                         PARCEL_FIELDS, crs=crs)
    return communities, roads, parcels


def run(parameters, feedback=None):
    return processing.run("gridplugin:dividegrids", parameters, feedback=feedback)


def params(communities, roads, out, **extra):
    return {"INPUT": communities, "MODE": "1", "COMMUNITY_CODE_FIELD": "code", "COMMUNITY_NAME_FIELD": "name",
            "LINES": roads, "EFFECTIVE_DATE": "2025-01-01", "OUTPUT": str(out), **extra}


def projected(geometry, crs="EPSG:4548"):
    """A GeoJSON-like EPSG:4490 polygon in the output's CRS, as shapely."""
    from qgis.core import QgsGeometry

    qgs = QgsGeometry.fromWkt(shapely.geometry.shape(geometry).wkt)
    qgs.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4490"),
                                         QgsCoordinateReferenceSystem(crs), QgsProject.instance()))
    return shapely.from_wkb(bytes(qgs.asWkb()))


def grid_over(grids, parcel):
    """The grid holding the parcel's centre."""
    centre = projected(parcel).centroid
    found = [g["geometry"] for g in grids if g["geometry"].contains(centre)]
    assert len(found) == 1
    return found[0]


def is_the_parcel(grid, parcel, tolerance_m=1.0):
    """The grid is the parcel: neither sticks out of the other by more than the tolerance."""
    shape = projected(parcel)
    return (grid.difference(shape.buffer(tolerance_m)).area < 1.0
            and shape.difference(grid.buffer(tolerance_m)).area < 1.0)


def test_managed_units_by_expression_stay_whole_and_parcels_are_followed(gridplugin, tmp_path):
    communities, roads, parcels = layers(tmp_path)
    messages = Recorder()
    result = run(params(communities, roads, tmp_path / "g.gpkg", POLYGONS=[parcels],
                        MANAGED_UNIT="\"type\" IN ('小区','学校')"), messages)
    grids = read_layer(result["OUTPUT"])[2]
    assert max(g["area_m2"] for g in grids) > 20_000  # the default maximum: only the managed units pass it
    compound, school = grid_over(grids, COMPOUND), grid_over(grids, SCHOOL)
    assert is_the_parcel(compound, COMPOUND) and compound.area > 30_000  # one grid, lane and all
    assert is_the_parcel(school, SCHOOL) and school.area > 25_000
    assert not is_the_parcel(grid_over(grids, PARK), PARK)  # a park is no managed unit here: cut
    assert all(g["area_m2"] <= 20_000 + 0.01 for g in grids if g["geometry"] not in (compound, school))
    warnings = "\n".join(messages.warnings)
    assert f"Layer '{LAYER}': 1 invalid polygon(s) repaired with make_valid" in warnings
    assert "4: Self-intersection" in warnings  # the bow-tie, by feature id and reason
    assert "managed unit" not in warnings
    assert messages.errors == []
    # the shares of interior boundaries: roads, other features (parcel edges), straight; they add up
    assert result["BOUNDARY_ON_FEATURES"] > 0.1 and result["BOUNDARY_ON_ROADS"] > 0.05
    assert result["BOUNDARY_ON_LINES"] == pytest.approx(result["BOUNDARY_ON_ROADS"] + result["BOUNDARY_ON_FEATURES"])
    assert result["BOUNDARY_ON_LINES"] + result["BOUNDARY_STRAIGHT"] == pytest.approx(1.0)
    assert '"boundary_on_features"' in result["QUALITY"]


def test_without_polygons_the_compound_is_cut(gridplugin, tmp_path):
    communities, roads, _ = layers(tmp_path)
    result = run(params(communities, roads, tmp_path / "g.gpkg"))
    grids = read_layer(result["OUTPUT"])[2]
    assert not is_the_parcel(grid_over(grids, COMPOUND), COMPOUND)
    assert max(g["area_m2"] for g in grids) <= 20_000 + 0.01
    assert result["BOUNDARY_ON_FEATURES"] == 0.0  # nothing but roads was followed


def test_a_field_name_marks_units_and_a_unit_above_open_land_max_is_cut_with_a_warning(gridplugin, tmp_path):
    communities, roads, parcels = layers(tmp_path)
    messages = Recorder()
    result = run(params(communities, roads, tmp_path / "g.gpkg", POLYGONS=[parcels], MANAGED_UNIT="managed",
                        POLYGON_CLASS_FIELD="rank"), messages)
    grids = read_layer(result["OUTPUT"])[2]
    assert is_the_parcel(grid_over(grids, COMPOUND), COMPOUND) and is_the_parcel(grid_over(grids, SCHOOL), SCHOOL)
    park = [g for g in grids if g["geometry"].intersection(projected(PARK)).area > 1_000]
    assert len(park) >= 3 and all(g["area_m2"] <= 20_000 + 0.01 for g in park)
    warnings = [w for w in messages.warnings if w.startswith("managed unit")]
    assert len(warnings) == 1, messages.warnings
    assert warnings[0].startswith(f"managed unit layer '{LAYER}', feature 3 covers ")
    assert "of community 110101001001 甲 (feature 1), more than the open-land maximum OPEN_LAND_MAX of 40000 m²" \
        in warnings[0]
    # a larger open-land maximum keeps the park whole too
    result = run(params(communities, roads, tmp_path / "h.gpkg", POLYGONS=[parcels], MANAGED_UNIT="managed",
                        OPEN_LAND_MAX="70000"))
    assert is_the_parcel(grid_over(read_layer(result["OUTPUT"])[2], PARK), PARK)


def test_gcj02_parcels_in_a_gbk_shapefile(gridplugin, tmp_path):
    """Parcels digitised on a GCJ-02 web map (tagged EPSG:4326) in a GBK shapefile: LINES_DATUM converts them
    with the roads, and the expression reads the Chinese values."""
    import fiona

    communities, roads, _ = layers(tmp_path, datum_shift=True)
    schema = {"geometry": "Polygon", "properties": PARCEL_FIELDS}
    with fiona.open(tmp_path / "parcels.shp", "w", driver="ESRI Shapefile", schema=schema, crs="EPSG:4326",
                    encoding="gbk") as sink:
        for geometry, attributes in PARCELS:
            sink.write({"geometry": gcj02(geometry), "properties": attributes})
    assert (tmp_path / "parcels.cpg").read_text().strip().upper() in ("GBK", "CP936", "936")
    result = run(params(communities, roads, tmp_path / "g.gpkg", POLYGONS=[str(tmp_path / "parcels.shp")],
                        LINES_DATUM="1", MANAGED_UNIT="\"type\" IN ('小区','学校')"))
    grids = read_layer(result["OUTPUT"])[2]
    assert is_the_parcel(grid_over(grids, COMPOUND), COMPOUND) and is_the_parcel(grid_over(grids, SCHOOL), SCHOOL)


def test_bad_polygon_input_is_named(gridplugin, tmp_path):
    communities, roads, parcels = layers(tmp_path)
    base = params(communities, roads, tmp_path / "x.gpkg", POLYGONS=[parcels])
    text = error_text({**base, "MANAGED_UNIT": "\"type\" IN ('小区'"})
    assert text.startswith("The managed-unit expression (MANAGED_UNIT: \"type\" IN ('小区') cannot be read for "
                           f"layer '{LAYER}'"), text
    text = error_text({**base, "MANAGED_UNIT": "\"kind\" = '小区'"})
    assert f"uses field(s) kind that layer '{LAYER}' does not have; its fields are: fid, name, type" in text
    text = error_text({**base, "MANAGED_UNIT": "type"})  # a text field is no yes/no
    assert "gives values that are neither true nor false" in text and "1: 小区" in text and f"'{LAYER}'" in text
    text = error_text({**base, "MANAGED_UNIT": "to_int(\"name\")"})  # fails when evaluated
    assert text.startswith("The managed-unit expression (MANAGED_UNIT: to_int(\"name\")) fails on feature 1 of "
                           f"layer '{LAYER}'"), text
    text = error_text({**base, "POLYGONS": [roads]})
    assert text.startswith("Layer 'r' of the polygon features to follow does not contain polygons"), text
    text = error_text({**base, "MAX_AREA": "30000", "OPEN_LAND_MAX": "25000"})
    assert "OPEN_LAND_MAX (25000 m²) must be at least the maximum area 30000 m²" in text
    assert not (tmp_path / "x.gpkg").exists()


def test_polygons_alone_can_be_followed(gridplugin, tmp_path):
    communities, _, parcels = layers(tmp_path)
    result = run(params(communities, None, tmp_path / "g.gpkg", POLYGONS=[parcels], MANAGED_UNIT="managed = 1"))
    grids = read_layer(result["OUTPUT"])[2]
    assert is_the_parcel(grid_over(grids, SCHOOL), SCHOOL)
    assert result["BOUNDARY_ON_ROADS"] == 0.0 and result["BOUNDARY_ON_FEATURES"] > 0.1


def test_the_reader_ranks_each_polygon_and_names_each_unit(gridplugin, tmp_path):
    from qgis.core import QgsProcessingContext, QgsVectorLayer

    from grid_plugin.core.grids.follow import KIND_FEATURE
    from grid_plugin.processing.parameters.division import read_follow_polygons

    _, _, parcels = layers(tmp_path)
    layer = QgsVectorLayer(parcels, LAYER, "ogr")
    messages = Recorder()
    lines = read_follow_polygons([layer], 2, "rank", "\"type\" IN ('小区','学校')",
                                 QgsCoordinateReferenceSystem("EPSG:4548"), QgsProcessingContext(), messages)
    # one boundary per polygon (the bow-tie is two triangles); the lake ranks 9 by its field, the rest 2
    assert lines.ranks.tolist() == [2, 2, 2, 2, 2, 9]
    assert set(lines.kinds.tolist()) == {KIND_FEATURE}
    assert [name.render() for name in lines.units.names] == [f"layer '{LAYER}', feature {fid}" for fid in (1, 2)]
    assert lines.units.geometries[0].equals_exact(projected(COMPOUND), 1e-3)
    # a rank field of names: road classes are ranks, other names get the polygon rank with a warning
    named = write_gpkg(tmp_path / "named.gpkg", "named", "Polygon", [
        (COMPOUND, {"rank": "主干路"}), (LAKE, {"rank": "湖泊"}), (SCHOOL, {"rank": None})], {"rank": "str"})
    lines = read_follow_polygons([QgsVectorLayer(named, "named", "ogr")], 1, "rank", "",
                                 QgsCoordinateReferenceSystem("EPSG:4548"), QgsProcessingContext(), messages)
    assert lines.ranks.tolist() == [5, 1, 1] and len(lines.units) == 0
    assert "Layer 'named': polygon ranks not known to the plugin were given the polygon rank 1: 湖泊 (1)." \
        in messages.warnings[-1]
    lines = read_follow_polygons([layer], 3, "kind", "", QgsCoordinateReferenceSystem("EPSG:4548"),
                                 QgsProcessingContext(), messages)
    assert set(lines.ranks.tolist()) == {3}
    assert f"Layer '{LAYER}' has no rank field 'kind': its polygon boundaries rank 3." in messages.infos
