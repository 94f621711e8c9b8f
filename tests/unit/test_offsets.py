"""GCJ-02 / BD-09 offset coordinates of Chinese web maps: grid_plugin.core.geodesy.offsets."""

import numpy as np
import pytest
from pyproj import Geod

from grid_plugin.core.geodesy.offsets import (
    BD09,
    CHINA_BOX,
    COORDINATE_SYSTEMS,
    GCJ02,
    OFFSET_SYSTEMS,
    WGS84,
    bd09_to_gcj02,
    bd09_to_wgs84,
    from_wgs84,
    gcj02_to_bd09,
    gcj02_to_wgs84,
    in_china,
    to_wgs84,
    wgs84_to_bd09,
    wgs84_to_gcj02,
)

GEOD = Geod(ellps="WGS84")
FUNCTIONS = [wgs84_to_gcj02, gcj02_to_wgs84, gcj02_to_bd09, bd09_to_gcj02, wgs84_to_bd09, bd09_to_wgs84]

# Published reference points, all as (lon, lat) -> (lon, lat), with the tolerance their printed rounding allows.
# Full-precision doubles get 1e-12; figures printed to n decimals get half a unit in the last place (plus the
# rounding of the input where that was rounded too).
WGS84_TO_GCJ02 = [
    # wandergis/coordtransform, test/app.js and README (also dromara/hutool CoordinateUtilTest.wgs84ToGcj02Test)
    pytest.param((116.404, 39.915), (116.41024449916938, 39.91640428150164), 1e-12, id="coordtransform-beijing"),
    # googollee/eviltransform, python/test.py and go/transform_test.go, TESTS (given there as lat, lon)
    pytest.param((121.5272106, 31.1774276), (121.531541859215, 31.17530398364597), 1e-12, id="eviltransform-shanghai"),
    pytest.param((113.912316, 22.543847), (113.9171764808363, 22.540796131694766), 1e-12, id="eviltransform-shenzhen"),
    pytest.param((116.377817, 39.911954), (116.38404722455657, 39.91334545536069), 1e-12, id="eviltransform-beijing"),
    # hujiulong/gcoord, test/unit/crs/WGS84.spec.ts "WGS84 to GCJ02" (8 decimals)
    pytest.param((123.0, 45.0), (123.00607541, 45.00197815), 1e-8, id="gcoord"),
    # caijun/geoChina (CRAN), man/wgs2gcj.Rd example: Beijing railway station (5 decimals, input rounded too)
    pytest.param((116.42079, 39.90105), (116.42703, 39.90245), 1.05e-5, id="geoChina-beijing-station"),
]
GCJ02_TO_BD09 = [
    # wandergis/coordtransform, test/app.js and README: gcj02tobd09(116.404, 39.915)
    pytest.param((116.404, 39.915), (116.41036949371029, 39.92133699351021), 1e-12, id="coordtransform"),
    # hujiulong/gcoord, test/unit/crs/GCJ02.spec.ts "GCJ02 to BD09" (8 decimals)
    pytest.param((123.0, 45.0), (123.00636499, 45.00636899), 1e-8, id="gcoord"),
    # caijun/geoChina (CRAN), man/bd2gcj.Rd example: Beijing railway station (5 decimals, input rounded too)
    pytest.param((116.42703, 39.90245), (116.43351, 39.90851), 1.05e-5, id="geoChina-beijing-station"),
]
# BD-09 -> GCJ-02 as published by tools that use the one-step closed form, which is off by up to 1.9e-6°;
# offsets iterates to the exact inverse, so these agree only to that.
BD09_TO_GCJ02_CLOSED_FORM = [
    # wandergis/coordtransform, test/app.js and README: bd09togcj02(116.404, 39.915)
    pytest.param((116.404, 39.915), (116.39762729119315, 39.90865673957631), id="coordtransform"),
    # hujiulong/gcoord, test/unit/crs/BD09.spec.ts "BD09 to GCJ02"
    pytest.param((123.0, 45.0), (122.99363304, 44.99365430), id="gcoord"),
]


def random_china(n, seed):
    """Random points well inside the box (so that no round trip crosses its edge), from Xinjiang to Heilongjiang
    and Hainan, plus points on the lon = 105° line where the GCJ-02 formula has its √|x| kink."""
    rng = np.random.default_rng(seed)
    lon = np.concatenate([rng.uniform(73.0, 135.0, n - 4), [105.0, 105.0 + 1e-12, 105.0 - 1e-9, 105.0]])
    lat = np.concatenate([rng.uniform(18.0, 53.5, n - 4), [35.0, 30.0, 40.0, 20.0]])
    return lon, lat


def metres(lon1, lat1, lon2, lat2):
    return GEOD.inv(lon1, lat1, lon2, lat2)[2]


# ---------------------------------------------------------------- published reference points


@pytest.mark.parametrize(("wgs", "gcj", "tol"), WGS84_TO_GCJ02)
def test_wgs84_to_gcj02_matches_published_points(wgs, gcj, tol):
    lon, lat = wgs84_to_gcj02(*wgs)
    assert abs(float(lon) - gcj[0]) <= tol
    assert abs(float(lat) - gcj[1]) <= tol


@pytest.mark.parametrize(("wgs", "gcj", "tol"), WGS84_TO_GCJ02)
def test_gcj02_to_wgs84_recovers_the_published_wgs84_points(wgs, gcj, tol):
    lon, lat = gcj02_to_wgs84(*gcj)
    # the inverse is exact, so only the rounding of the published GCJ-02 figures (slope ≈ 1) remains
    assert abs(float(lon) - wgs[0]) <= max(tol, 1e-11) * 1.01
    assert abs(float(lat) - wgs[1]) <= max(tol, 1e-11) * 1.01


@pytest.mark.parametrize(("gcj", "bd", "tol"), GCJ02_TO_BD09)
def test_gcj02_to_bd09_matches_published_points(gcj, bd, tol):
    lon, lat = gcj02_to_bd09(*gcj)
    assert abs(float(lon) - bd[0]) <= tol
    assert abs(float(lat) - bd[1]) <= tol


@pytest.mark.parametrize(("bd", "gcj"), BD09_TO_GCJ02_CLOSED_FORM)
def test_bd09_to_gcj02_refines_the_published_closed_form(bd, gcj):
    lon, lat = bd09_to_gcj02(*bd)
    assert abs(float(lon) - gcj[0]) <= 2e-6
    assert abs(float(lat) - gcj[1]) <= 2e-6
    # ours maps back onto the BD-09 input; the closed-form figure misses it by a measurable amount
    ours_back = gcj02_to_bd09(lon, lat)
    theirs_back = gcj02_to_bd09(*gcj)
    assert max(abs(float(ours_back[0]) - bd[0]), abs(float(ours_back[1]) - bd[1])) <= 1e-12
    assert max(abs(float(theirs_back[0]) - bd[0]), abs(float(theirs_back[1]) - bd[1])) > 1e-7


def test_gcj02_to_wgs84_against_gcoord_and_the_one_step_inverse_of_coordtransform():
    # hujiulong/gcoord, test/unit/crs/GCJ02.spec.ts "GCJ02 to WGS84": toBeCloseTo(…, 5), i.e. within 5e-6
    lon, lat = gcj02_to_wgs84(123.0, 45.0)
    assert abs(float(lon) - 122.99395597) < 5e-6
    assert abs(float(lat) - 44.99804071) < 5e-6
    # wandergis/coordtransform, test/app.js: gcj02towgs84(116.404, 39.915), the one-step inverse 2·gcj - f(gcj)
    rough = (116.39775550083061, 39.91359571849836)
    lon, lat = gcj02_to_wgs84(116.404, 39.915)
    assert 1e-7 < max(abs(float(lon) - rough[0]), abs(float(lat) - rough[1])) < 2e-6
    forward = wgs84_to_gcj02(lon, lat)
    assert abs(float(forward[0]) - 116.404) < 1e-12
    assert abs(float(forward[1]) - 39.915) < 1e-12


def test_wgs84_bd09_compositions_against_gcoord():
    # hujiulong/gcoord, test/unit/crs/WGS84.spec.ts and BD09.spec.ts: toBeCloseTo(…, 5), i.e. within 5e-6
    lon, lat = wgs84_to_bd09(123.0, 45.0)
    assert abs(float(lon) - 123.0124491) <= 1e-7  # printed to 7 decimals
    assert abs(float(lat) - 45.0083293) <= 1e-7
    lon, lat = bd09_to_wgs84(123.0, 45.0)
    assert abs(float(lon) - 122.98762210) < 5e-6
    assert abs(float(lat) - 44.99171540) < 5e-6


# ---------------------------------------------------------------- sizes of the shifts


def test_beijing_gcj02_shift_is_about_554_metres():
    # standards.md §7.2: at 116.4160 E 39.9285 N the WGS84 -> GCJ-02 shift is about 554 m (measured: 555.6 m)
    lon, lat = wgs84_to_gcj02(116.4160, 39.9285)
    assert abs(metres(116.4160, 39.9285, float(lon), float(lat)) - 554.0) <= 3.0


def test_beijing_bd09_shift_is_about_1_37_km():
    # standards.md §7.2: BD-09 minus WGS84 in Beijing is about 1.37 km (measured: 1368.6 m)
    lon, lat = wgs84_to_bd09(116.4160, 39.9285)
    assert abs(metres(116.4160, 39.9285, float(lon), float(lat)) - 1370.0) <= 10.0


def test_gcj02_shifts_over_china_are_tens_to_hundreds_of_metres():
    lon, lat = random_china(2000, seed=5)
    glon, glat = wgs84_to_gcj02(lon, lat)
    d = metres(lon, lat, glon, glat)
    assert d.min() > 5.0
    assert d.max() < 1200.0


# ---------------------------------------------------------------- round trips (accuracy)


def test_gcj02_round_trip_on_10000_points_is_exact_to_1e9_degrees():
    lon, lat = random_china(10_000, seed=20240601)
    glon, glat = wgs84_to_gcj02(lon, lat)
    assert np.hypot(glon - lon, glat - lat).min() > 1e-4  # a real shift happened everywhere
    wlon, wlat = gcj02_to_wgs84(glon, glat)
    assert np.abs(wlon - lon).max() < 1e-9  # measured 9e-14
    assert np.abs(wlat - lat).max() < 1e-9
    # the other way round: GCJ-02 -> WGS84 -> GCJ-02
    back_lon, back_lat = wgs84_to_gcj02(*gcj02_to_wgs84(lon, lat))
    assert np.abs(back_lon - lon).max() < 1e-9
    assert np.abs(back_lat - lat).max() < 1e-9


def test_bd09_round_trips_on_10000_points_are_within_1e9_degrees():
    lon, lat = random_china(10_000, seed=7)
    blon, blat = gcj02_to_bd09(lon, lat)
    assert np.abs(blat - lat).min() > 1e-3
    glon, glat = bd09_to_gcj02(blon, blat)
    assert np.abs(glon - lon).max() < 1e-9  # measured 6e-14 (the closed form alone: 9e-7 lon, 1.9e-6 lat)
    assert np.abs(glat - lat).max() < 1e-9
    wlon, wlat = bd09_to_wgs84(*wgs84_to_bd09(lon, lat))
    assert np.abs(wlon - lon).max() < 1e-9  # measured 1.2e-13
    assert np.abs(wlat - lat).max() < 1e-9


def test_to_and_from_wgs84_round_trip_for_every_system():
    lon, lat = random_china(500, seed=3)
    for system in COORDINATE_SYSTEMS:
        back_lon, back_lat = to_wgs84(*from_wgs84(lon, lat, system), system)
        assert np.abs(back_lon - lon).max() < 1e-9, system
        assert np.abs(back_lat - lat).max() < 1e-9, system


# ---------------------------------------------------------------- the "in China" box


def test_in_china_box_edges_are_inclusive():
    min_lon, min_lat, max_lon, max_lat = CHINA_BOX
    assert (min_lon, min_lat, max_lon, max_lat) == (72.004, 0.8293, 137.8347, 55.8271)
    lon = np.array([min_lon, max_lon, 100.0, 100.0, min_lon - 1e-9, max_lon + 1e-9, 100.0, 100.0, np.nan])
    lat = np.array([30.0, 30.0, min_lat, max_lat, 30.0, 30.0, min_lat - 1e-9, max_lat + 1e-9, 30.0])
    inside = in_china(lon, lat)
    assert inside.dtype == np.bool_
    assert inside.tolist() == [True] * 4 + [False] * 5


def test_points_outside_china_are_unchanged_by_gcj02_functions():
    # (0, 0), New York, Paris, Sydney, and points just outside each edge of the box
    lon = np.array([0.0, -74.006, 2.3522, 151.2093, 72.0039, 137.8348, 100.0, 100.0])
    lat = np.array([0.0, 40.7128, 48.8566, -33.8688, 30.0, 40.0, 0.8292, 55.8272])
    assert not in_china(lon, lat).any()
    for function in (wgs84_to_gcj02, gcj02_to_wgs84):
        out_lon, out_lat = function(lon, lat)
        assert np.array_equal(out_lon, lon)
        assert np.array_equal(out_lat, lat)
    # BD-09 applies everywhere (like the reference implementations), only its GCJ-02 step is skipped; far from
    # the box, since the BD-09 shift can move a point just outside an edge into the box
    far_lon, far_lat = lon[:4], lat[:4]
    assert np.array_equal(np.array(wgs84_to_bd09(far_lon, far_lat)), np.array(gcj02_to_bd09(far_lon, far_lat)))
    assert np.array_equal(np.array(bd09_to_wgs84(far_lon, far_lat)), np.array(bd09_to_gcj02(far_lon, far_lat)))


def test_mixed_inside_and_outside_points_are_converted_independently():
    lon = np.array([116.404, 2.3522, 121.5272106])
    lat = np.array([39.915, 48.8566, 31.1774276])
    out_lon, out_lat = wgs84_to_gcj02(lon, lat)
    assert out_lon[1] == lon[1]
    assert out_lat[1] == lat[1]
    assert out_lon[0] == pytest.approx(116.41024449916938, abs=1e-12)
    assert out_lon[2] == pytest.approx(121.531541859215, abs=1e-12)


# ---------------------------------------------------------------- vectorisation, shapes, edge cases


@pytest.mark.parametrize("function", FUNCTIONS)
def test_vectorised_result_equals_per_point_results(function):
    lon, lat = random_china(60, seed=11)
    lon = np.concatenate([lon, [0.0, 151.2093, 137.9]])  # some outside the box
    lat = np.concatenate([lat, [0.0, -33.8688, 40.0]])
    out_lon, out_lat = function(lon, lat)
    for i in range(lon.size):
        one_lon, one_lat = function(lon[i], lat[i])
        assert float(one_lon) == pytest.approx(out_lon[i], abs=1e-12)
        assert float(one_lat) == pytest.approx(out_lat[i], abs=1e-12)


@pytest.mark.parametrize("function", FUNCTIONS)
def test_empty_arrays(function):
    out_lon, out_lat = function(np.array([]), np.array([]))
    assert out_lon.shape == out_lat.shape == (0,)
    assert out_lon.dtype == out_lat.dtype == np.float64
    assert in_china(np.array([]), np.array([])).shape == (0,)


@pytest.mark.parametrize("function", FUNCTIONS)
def test_scalars_give_0d_float64_arrays(function):
    out_lon, out_lat = function(116.404, 39.915)
    assert isinstance(out_lon, np.ndarray)
    assert out_lon.shape == out_lat.shape == ()
    assert out_lon.dtype == out_lat.dtype == np.float64
    assert 110.0 < float(out_lon) < 120.0


@pytest.mark.parametrize("function", FUNCTIONS)
def test_inputs_are_not_modified_and_lists_ints_and_broadcasting_work(function):
    lon = np.array([116.404, 121.5])
    lat = np.array([39.915, 31.2])
    saved = lon.copy(), lat.copy()
    out_lon, out_lat = function(lon, lat)
    assert np.array_equal(lon, saved[0])
    assert np.array_equal(lat, saved[1])
    from_list = function([116.404, 121.5], [39.915, 31.2])
    assert np.array_equal(from_list[0], out_lon)
    ints = function([116, 121], 35)  # integer input, scalar latitude broadcast
    assert ints[0].shape == ints[1].shape == (2,)
    assert ints[0].dtype == np.float64
    assert np.array_equal(ints[1], function([116.0, 121.0], [35.0, 35.0])[1])


@pytest.mark.parametrize("function", FUNCTIONS)
def test_two_dimensional_input_larger_than_one_block_keeps_its_shape(function):
    lon, lat = random_china(300 * 400, seed=13)
    lon2, lat2 = lon.reshape(300, 400), lat.reshape(300, 400)
    out_lon, out_lat = function(lon2, lat2)
    assert out_lon.shape == out_lat.shape == (300, 400)
    flat_lon, flat_lat = function(lon, lat)
    assert np.allclose(out_lon.ravel(), flat_lon, rtol=0.0, atol=1e-12)
    assert np.allclose(out_lat.ravel(), flat_lat, rtol=0.0, atol=1e-12)


@pytest.mark.parametrize("function", FUNCTIONS)
def test_nan_passes_through_without_disturbing_other_points(function):
    lon = np.array([np.nan, 116.404, 116.404])
    lat = np.array([39.915, np.nan, 39.915])
    out_lon, out_lat = function(lon, lat)
    assert np.isnan(out_lon[0])
    assert np.isnan(out_lat[1])
    one_lon, one_lat = function(116.404, 39.915)
    assert out_lon[2] == pytest.approx(float(one_lon), abs=1e-12)
    assert out_lat[2] == pytest.approx(float(one_lat), abs=1e-12)


# ---------------------------------------------------------------- system names


def test_system_names():
    assert OFFSET_SYSTEMS == (GCJ02, BD09) == ("gcj02", "bd09")
    assert COORDINATE_SYSTEMS == (WGS84, GCJ02, BD09)


def test_to_and_from_wgs84_dispatch_to_the_matching_functions():
    lon, lat = random_china(50, seed=17)
    pairs = {GCJ02: (gcj02_to_wgs84, wgs84_to_gcj02), BD09: (bd09_to_wgs84, wgs84_to_bd09)}
    for system, (inverse, forward) in pairs.items():
        assert np.array_equal(np.array(to_wgs84(lon, lat, system)), np.array(inverse(lon, lat)))
        assert np.array_equal(np.array(from_wgs84(lon, lat, system)), np.array(forward(lon, lat)))
    # names are case-insensitive
    assert np.array_equal(np.array(to_wgs84(lon, lat, "BD09")), np.array(bd09_to_wgs84(lon, lat)))


def test_wgs84_is_the_identity_and_returns_copies():
    lon, lat = random_china(20, seed=19)
    for convert in (to_wgs84, from_wgs84):
        out_lon, out_lat = convert(lon, lat, WGS84)
        assert np.array_equal(out_lon, lon)
        assert np.array_equal(out_lat, lat)
        out_lon[0] = 0.0
        assert lon[0] != 0.0


@pytest.mark.parametrize("system", ["", "wgs-84", "bd09mc", "cgcs2000", "gcj"])
def test_unknown_system_is_a_value_error(system):
    with pytest.raises(ValueError, match="unknown coordinate system"):
        to_wgs84(116.4, 39.9, system)
    with pytest.raises(ValueError, match="unknown coordinate system"):
        from_wgs84(116.4, 39.9, system)
