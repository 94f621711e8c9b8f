"""core.export: targets, Shapefile field names, text checks and the representability check."""

import numpy as np
import pyproj
import pytest
import shapely

from grid_plugin.core.errors import GridInputError
from grid_plugin.core.export import (
    FORMATS,
    check_format_target,
    field_map_csv,
    label_height,
    parse_renames,
    resolve_target,
    shapefile_field_names,
    text_problem,
    transform_geometries,
    unrepresentable,
)
from grid_plugin.core.geodesy.offsets import wgs84_to_gcj02

GK39 = pyproj.CRS.from_epsg(4548).to_wkt()  # CGCS2000 3-degree zone, CM 117E
LONLAT = pyproj.CRS.from_epsg(4490).to_wkt()
BEIJING = shapely.box(116.40, 39.90, 116.41, 39.91)


def test_targets_by_name_and_the_zone_of_the_data():
    assert resolve_target("cgcs2000").crs.to_epsg() == 4490
    assert resolve_target("gk3", 116.4).crs.to_epsg() == 4548
    assert resolve_target("gk6", 116.4).crs.to_epsg() == 4509
    assert resolve_target("webmercator").crs.to_epsg() == 3857
    gcj = resolve_target("gcj02")
    assert gcj.is_gcj02 and gcj.crs.to_epsg() == 4326
    assert resolve_target("other", other="EPSG:32650").crs.to_epsg() == 32650
    with pytest.raises(GridInputError, match="Other"):
        resolve_target("other")
    with pytest.raises(GridInputError, match="no geometries"):
        resolve_target("gk3", None)
    with pytest.raises(GridInputError, match="longitude/latitude only"):
        check_format_target(FORMATS["geojson"], resolve_target("gk3", 116.4))
    check_format_target(FORMATS["kml"], gcj)  # GCJ-02 is longitude/latitude


def test_gcj02_is_wgs84_with_the_offset():
    moved, repaired = transform_geometries(np.array([BEIJING], dtype=object), LONLAT, resolve_target("gcj02"))
    assert repaired == 0
    lon, lat = shapely.get_coordinates(BEIJING).T
    expected = np.column_stack(wgs84_to_gcj02(lon, lat))
    assert np.allclose(shapely.get_coordinates(moved[0]), expected, atol=1e-9)


def test_projected_areas_match_pyproj():
    grid = shapely.box(446000, 4420000, 446100, 4420100)  # 10,000 m² in EPSG:4548
    moved, _ = transform_geometries(np.array([grid], dtype=object), GK39, resolve_target("gk6", 116.4))
    assert abs(moved[0].area - 10_000) < 5  # two zones with the same central meridian 117E: nearly equal


def test_unrepresentable_names_the_feature():
    geometries = np.array([BEIJING, shapely.box(80, 40, 80.01, 40.01)], dtype=object)
    target = resolve_target("other", other="EPSG:4548")
    problem = unrepresentable(geometries, LONLAT, target, [7, 8])
    assert problem is not None and problem.message.params["fid"] == 8
    polar = np.array([BEIJING, shapely.box(10, 89.5, 11, 89.9)], dtype=object)
    mercator = resolve_target("webmercator")
    problem = unrepresentable(polar, LONLAT, mercator, [1, 2])
    assert problem is not None and problem.message.params["fid"] == 2
    fine = np.array([BEIJING, None], dtype=object)
    gk = resolve_target("gk3", 116.4)
    assert unrepresentable(fine, LONLAT, gk, [1, 2]) is None


def test_shapefile_names_are_short_stable_and_never_collide_silently():
    mapping = shapefile_field_names(["grid_code", "community_code", "community_name", "street_name", "area_m2",
                                     "a_really_long_name"])
    assert mapping == {"grid_code": "grid_code", "community_code": "comm_code", "community_name": "comm_name",
                       "street_name": "strt_name", "area_m2": "area_m2", "a_really_long_name": "a_really_l"}
    with pytest.raises(GridInputError, match="responsible_a1.*responsible_a2") as caught:
        shapefile_field_names(["responsible_a1", "responsible_a2"])
    assert "responsible_a2=" in caught.value.message.render(lambda s: s)
    assert shapefile_field_names(["responsible_a1", "responsible_a2"], {"responsible_a2": "resp2"}) == {
        "responsible_a1": "responsibl", "responsible_a2": "resp2"}
    with pytest.raises(GridInputError, match="not in the layer"):
        shapefile_field_names(["a"], {"b": "c"})
    with pytest.raises(GridInputError, match="longer than 10 bytes"):
        shapefile_field_names(["名称"], {"名称": "社区名称字段"})  # 18 bytes in UTF-8
    assert "community_code,comm_code" in field_map_csv(mapping)


def test_renames_parse_and_bad_ones_are_named():
    assert parse_renames("community_code=comm; street_name = strt；x=y") == {
        "community_code": "comm", "street_name": "strt", "x": "y"}
    assert parse_renames("") == {}
    with pytest.raises(GridInputError, match="not a rename"):
        parse_renames("community_code")


def test_text_problems_name_feature_and_field():
    columns = {"name": ["短", "网格" * 50, None]}
    problem = text_problem([1, 2, 3], columns, "utf-8", 254)
    assert problem is not None and problem.message.params["fid"] == 2 and problem.message.params["size"] == 300
    assert text_problem([1, 2, 3], columns, "gbk", 254) is None  # 200 bytes in GBK
    problem = text_problem([5], {"note": ["𠀀"]}, "gbk", None)
    assert problem is not None and problem.message.params["char"] == "𠀀"


def test_label_height_follows_the_feature_size():
    grids = np.array([shapely.box(0, 0, 100, 100)] * 3, dtype=object)
    assert label_height(grids) == pytest.approx(12.5)


def test_geojson_coordinates_are_rounded_to_seven_decimals_and_what_that_breaks_is_repaired():
    # a notch reaching 4e-8 degrees above the bottom edge: valid as it is, on the edge once rounded
    notch = shapely.Polygon([(116.0, 39.0), (116.001, 39.0), (116.001, 39.001), (116.00050004, 39.00000004),
                             (116.0, 39.001)])
    plain = shapely.box(116.002, 39.0, 116.003, 39.001)
    assert notch.is_valid
    assert not shapely.transform(notch, lambda xy: np.round(xy, 7)).is_valid
    moved, repaired = transform_geometries(np.array([notch, plain], dtype=object), LONLAT, resolve_target("wgs84"),
                                           decimals=7)
    assert repaired == 1
    assert shapely.is_valid(moved).all()
    xy = shapely.get_coordinates(moved)
    assert np.array_equal(xy, np.round(xy, 7))  # the writer's own rounding changes nothing
    assert abs(moved[0].area - notch.area) < 1e-4 * notch.area and moved[1].equals(plain)
