"""Offset coordinates on whole geometries and the datum guess from the grids: grid_plugin.core.geodesy.datum."""

import fiona
import numpy as np
import pytest
import shapely
from shapely.geometry import shape

from grid_plugin.core.geodesy.datum import (
    DatumGuess,
    convert_geometries,
    guess_datum,
    map_coordinates,
    outside_china,
)
from grid_plugin.core.geodesy.offsets import (
    BD09,
    GCJ02,
    WGS84,
    bd09_to_wgs84,
    gcj02_to_wgs84,
    wgs84_to_bd09,
    wgs84_to_gcj02,
)
from tests.conftest import SAMPLE_GPKG


def _district() -> shapely.Polygon:
    with fiona.open(SAMPLE_GPKG, layer="district") as source:
        return shape(next(iter(source))["geometry"])


def _unit_grids(cell: float = 0.0012) -> np.ndarray:
    """The sample district cut into cells of about 100 m, as unit grids tile their district."""
    district = _district()
    x0, y0, x1, y1 = district.bounds
    cells = [shapely.box(x, y, x + cell, y + cell)
             for x in np.arange(x0, x1, cell) for y in np.arange(y0, y1, cell)]
    pieces = shapely.intersection(np.array(cells, dtype=object), district)
    return pieces[~shapely.is_empty(pieces)]


def _contains(grids: np.ndarray):
    tree = shapely.STRtree(grids)

    def contains(lon, lat):
        points = shapely.points(lon, lat)
        inside = np.zeros(len(points), dtype=bool)
        hits = tree.query(points, predicate="intersects")
        inside[np.unique(hits[0])] = True
        return inside

    return contains


def _points_in_district(count: int, seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    """Components spread over the district, as the sample's (WGS84 ≈ CGCS2000 degrees)."""
    district = _district()
    rng = np.random.default_rng(seed)
    x0, y0, x1, y1 = district.bounds
    lon = rng.uniform(x0, x1, count * 3)
    lat = rng.uniform(y0, y1, count * 3)
    inside = shapely.contains_xy(district, lon, lat)
    return lon[inside][:count], lat[inside][:count]


# ---- convert_geometries -----------------------------------------------------------------------------------
BEIJING = [(116.3912, 39.9065), (116.4012, 39.9165), (116.4112, 39.9065)]


def _geometries() -> np.ndarray:
    ring = [(116.38, 39.90), (116.42, 39.90), (116.42, 39.93), (116.38, 39.93), (116.38, 39.90)]
    hole = [(116.39, 39.91), (116.40, 39.91), (116.40, 39.92), (116.39, 39.91)]
    return np.array([
        shapely.Point(116.3975, 39.9087),
        shapely.LineString(BEIJING),
        shapely.Polygon(ring, [hole]),
        shapely.MultiPoint(BEIJING),
        shapely.MultiLineString([BEIJING, [(121.47, 31.23), (121.48, 31.24)]]),
        shapely.MultiPolygon([shapely.Polygon(ring), shapely.box(113.26, 23.12, 113.27, 23.13)]),
        shapely.LineString([(x, y, 40.0 + k) for k, (x, y) in enumerate(BEIJING)]),
        shapely.GeometryCollection([shapely.Point(116.39, 39.90), shapely.LineString(BEIJING)]),
        None,
        shapely.Polygon(),
    ], dtype=object)


@pytest.mark.parametrize(("system", "forward"), [(GCJ02, wgs84_to_gcj02), (BD09, wgs84_to_bd09)])
def test_every_vertex_of_every_geometry_type_is_converted_as_core_offsets_converts_points(system, forward):
    geometries = _geometries()
    converted = convert_geometries(geometries, WGS84, system)
    for before, after in zip(geometries, converted):
        if before is None:
            assert after is None
            continue
        assert shapely.get_type_id(after) == shapely.get_type_id(before)
        assert shapely.get_num_coordinates(after) == shapely.get_num_coordinates(before)
        xy = shapely.get_coordinates(before)
        expected = np.column_stack(forward(xy[:, 0], xy[:, 1])) if len(xy) else xy
        assert np.abs(shapely.get_coordinates(after) - expected).max(initial=0) < 1e-12
    # a Beijing point moves by hundreds of metres, not by nothing
    assert shapely.distance(geometries[0], converted[0]) > 0.004


@pytest.mark.parametrize("system", [GCJ02, BD09])
def test_round_trips_are_within_1e9_degrees_and_keep_z_holes_and_parts(system):
    geometries = _geometries()
    back = convert_geometries(convert_geometries(geometries, WGS84, system), system, WGS84)
    for before, after in zip(geometries, back):
        if before is None:
            assert after is None
            continue
        with_z = bool(shapely.has_z(before))
        assert np.abs(shapely.get_coordinates(after, include_z=with_z)
                      - shapely.get_coordinates(before, include_z=with_z)).max(initial=0) < 1e-9
        assert shapely.has_z(after) == with_z
        assert shapely.get_num_geometries(after) == shapely.get_num_geometries(before)
    assert shapely.get_num_interior_rings(back[2]) == 1
    assert list(shapely.get_coordinates(back[6], include_z=True)[:, 2]) == [40.0, 41.0, 42.0]


def test_gcj02_and_bd09_convert_into_each_other_through_wgs84():
    geometries = _geometries()
    gcj = convert_geometries(geometries, WGS84, GCJ02)
    bd = convert_geometries(gcj, GCJ02, BD09)
    direct = convert_geometries(geometries, WGS84, BD09)
    assert all(shapely.equals_exact(a, b, tolerance=1e-9) for a, b in zip(bd[:8], direct[:8]))


def test_the_same_system_gives_a_copy_and_unknown_names_are_refused():
    geometries = _geometries()
    same = convert_geometries(geometries, GCJ02, GCJ02)
    assert same is not geometries and all(a is b for a, b in zip(same, geometries))
    with pytest.raises(ValueError, match="cgcs"):
        convert_geometries(geometries, "cgcs2000", WGS84)


def test_outside_china_the_gcj02_step_leaves_vertices_unchanged_and_outside_china_names_them():
    paris = shapely.Point(2.35, 48.86)
    straddling = shapely.LineString([(116.4, 39.9), (140.0, 39.9)])  # ends off Japan, outside the box
    geometries = np.array([paris, straddling, shapely.Point(116.4, 39.9), None, shapely.Point()], dtype=object)
    converted = convert_geometries(geometries, GCJ02, WGS84)
    assert converted[0].equals(paris)
    ends = shapely.get_coordinates(converted[1])
    assert tuple(ends[1]) == (140.0, 39.9) and abs(ends[0][0] - 116.4) > 0.004
    assert outside_china(geometries).tolist() == [True, True, False, False, False]
    assert outside_china(np.array([], dtype=object)).tolist() == []


def test_map_coordinates_applies_one_vectorised_function_and_keeps_z():
    calls = []

    def double(x, y):
        calls.append(len(x))
        return x * 2, y * 2

    geometries = np.array([shapely.Point(1, 2), shapely.LineString([(0, 0, 5), (1, 1, 6)]), None], dtype=object)
    mapped = map_coordinates(geometries, double)
    assert mapped[0].equals(shapely.Point(2, 4)) and mapped[2] is None
    assert shapely.get_coordinates(mapped[1], include_z=True).tolist() == [[0, 0, 5], [2, 2, 6]]
    assert calls == [1, 2]  # one call per dimension group, not one per geometry


# ---- guess_datum --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def district_grids():
    grids = _unit_grids()
    return grids, _contains(grids)


def test_gcj02_points_read_as_wgs84_are_recognised_with_their_counts(district_grids):
    grids, contains = district_grids
    lon, lat = _points_in_district(3000)
    gcj_lon, gcj_lat = wgs84_to_gcj02(lon, lat)
    guess = guess_datum(gcj_lon, gcj_lat, contains, WGS84)
    assert guess.total == 3000
    # about a sixth fall outside the district (its east and north edges), as with the sample's components
    assert 300 < guess.outside < 1200
    assert guess.inside[GCJ02] == 3000 and guess.suggested == GCJ02 and guess.best == GCJ02
    assert guess.inside[BD09] < guess.inside[WGS84]


def test_bd09_points_are_recognised_as_bd09(district_grids):
    _, contains = district_grids
    lon, lat = _points_in_district(2000)
    guess = guess_datum(*wgs84_to_bd09(lon, lat), contains, WGS84)
    assert guess.suggested == BD09 and guess.inside[BD09] == 2000 and guess.outside > 500


def test_the_right_choice_is_kept(district_grids):
    _, contains = district_grids
    lon, lat = _points_in_district(2000)
    assert guess_datum(lon, lat, contains, WGS84).suggested is None
    gcj = guess_datum(*wgs84_to_gcj02(lon, lat), contains, GCJ02)
    assert gcj.suggested is None and gcj.outside == 0


def test_wgs84_points_read_as_gcj02_by_mistake_are_named_wgs84(district_grids):
    _, contains = district_grids
    lon, lat = _points_in_district(2000)
    guess = guess_datum(lon, lat, contains, GCJ02)
    assert guess.outside > 200 and guess.suggested == WGS84 and guess.inside[WGS84] == 2000


def test_points_genuinely_outside_are_no_reason_to_shift(district_grids):
    """WGS84 points of which a tenth lies genuinely outside: some across the district boundary (within 300 m
    all around) and some in another district 5 km away. No datum brings them in, so none is suggested."""
    grids, contains = district_grids
    lon, lat = _points_in_district(1800)
    district = _district()
    ring = shapely.difference(shapely.buffer(district, 0.003), district)  # up to ~300 m outside, all around
    rng = np.random.default_rng(3)
    x0, y0, x1, y1 = ring.bounds
    near_lon, near_lat = rng.uniform(x0, x1, 4000), rng.uniform(y0, y1, 4000)
    keep = shapely.contains_xy(ring, near_lon, near_lat)
    near_lon, near_lat = near_lon[keep][:150], near_lat[keep][:150]
    far_lon, far_lat = rng.uniform(116.50, 116.55, 50), rng.uniform(39.95, 39.98, 50)
    all_lon = np.concatenate([lon, near_lon, far_lon])
    all_lat = np.concatenate([lat, near_lat, far_lat])
    guess = guess_datum(all_lon, all_lat, contains, WGS84)
    assert guess.outside == 200 and guess.suggested is None
    # the shifts bring some of the near ones in, but lose more at the other side
    assert guess.inside[GCJ02] < guess.inside[WGS84]
    # and a layer of another district altogether is outside under every datum
    far = guess_datum(far_lon, far_lat, contains, WGS84)
    assert far.outside == 50 and far.suggested is None and set(far.inside.values()) == {0}


def test_one_point_brought_back_is_no_evidence_two_are():
    """The smallest evidence: GCJ-02 → WGS84 moves Beijing points ~500 m west, so a point 200 m east of the edge
    comes back; one such point is not enough (a component across a boundary street), two are."""
    edge = 116.43

    def contains(lon, lat):
        return np.asarray(lon) < edge

    lon = np.r_[np.linspace(116.38, 116.41, 50), edge + 0.0023, edge + 0.0024]
    lat = np.full(len(lon), 39.92)
    one = guess_datum(lon[:-1], lat[:-1], contains, WGS84)
    assert one.outside == 1 and one.inside[GCJ02] == one.total and one.suggested is None
    two = guess_datum(lon, lat, contains, WGS84)
    assert two.outside == 2 and two.inside[GCJ02] == two.total and two.suggested == GCJ02


def test_nan_points_are_left_out_and_outside_china_points_count_the_same_for_all(district_grids):
    _, contains = district_grids
    lon = np.array([np.nan, 2.35, 116.40])
    lat = np.array([39.9, 48.86, np.nan])
    guess = guess_datum(lon, lat, contains, WGS84)
    assert guess == DatumGuess(WGS84, 1, {WGS84: 0, GCJ02: 0, BD09: 0}, WGS84)
    assert guess_datum([], [], contains).total == 0
    with pytest.raises(ValueError, match="unknown coordinate system"):
        guess_datum(lon, lat, contains, "crs")


def test_the_containment_test_gets_wgs84_degrees(district_grids):
    seen = []

    def contains(lon, lat):
        seen.append((lon.copy(), lat.copy()))
        return np.ones(len(lon), dtype=bool)

    lon, lat = _points_in_district(10)
    gcj_lon, gcj_lat = wgs84_to_gcj02(lon, lat)
    guess_datum(gcj_lon, gcj_lat, contains, WGS84)
    as_wgs, as_gcj, as_bd = seen
    assert np.allclose(as_wgs[0], gcj_lon, atol=0, rtol=0)
    assert np.abs(as_gcj[0] - lon).max() < 1e-9 and np.abs(as_gcj[1] - lat).max() < 1e-9
    expected = bd09_to_wgs84(gcj_lon, gcj_lat)
    assert np.abs(as_bd[0] - expected[0]).max() < 1e-12
    assert np.abs(gcj02_to_wgs84(gcj_lon, gcj_lat)[0] - lon).max() < 1e-9
