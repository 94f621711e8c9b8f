"""Default-location piles (core.cases.piles), the grids' extent check (core.grids.grid_extent) and the working CRS
and datum outside China (core.geodesy.crs)."""

from __future__ import annotations

import numpy as np
import pyproj
import pytest

from grid_plugin.core.cases.piles import PileRule, find_piles, percentile_99, position_keys
from grid_plugin.core.errors import GridInputError
from grid_plugin.core.geodesy.crs import datum_epsg, utm_epsg, working_epsg
from grid_plugin.core.grids.grid_extent import GridExtent, far_away, plausible


def address_geocoded(rng: np.random.Generator, places: int = 3000, cases: int = 9000) -> tuple[np.ndarray, ...]:
    """Cases geocoded to door plates, as a 311 or 12345 platform exports them: places repeat a few
    times each, a busy market's plates a few dozen times."""
    lon = np.round(rng.uniform(-74.02, -73.93, places), 6)
    lat = np.round(rng.uniform(40.70, 40.80, places), 6)
    weights = rng.pareto(2.5, places) + 1
    pick = rng.choice(places, cases, p=weights / weights.sum())
    return lon[pick], lat[pick]


def test_a_default_point_is_a_pile_and_busy_real_places_are_not():
    rng = np.random.default_rng(7)
    lon, lat = address_geocoded(rng)
    busiest = np.unique(np.column_stack([lon, lat]), axis=0, return_counts=True)[1].max()
    hall = (-73.99, 40.75)
    lon = np.r_[lon, np.full(400, hall[0])]
    lat = np.r_[lat, np.full(400, hall[1])]
    finding = find_piles(lon, lat)
    assert [(p.lon, p.lat, p.cases) for p in finding.piles] == [(hall[0], hall[1], 400)]
    assert finding.threshold == max(50, int(np.ceil(20 * finding.q99))) > busiest  # the market is left alone
    assert finding.piles[0].share == pytest.approx(400 / len(lon))
    assert finding.on_pile.sum() == 400 and finding.on_pile[-400:].all()


def test_positions_compare_rounded_to_a_ten_millionth_of_a_degree():
    # the same default point after two conversions: equal to 1e-9 degrees, not bit for bit
    lon = np.r_[np.full(30, 116.3969210), np.full(30, 116.3969210 + 3e-9), [116.3969213]]
    lat = np.r_[np.full(30, 39.9280740), np.full(30, 39.9280740 - 2e-9), [39.9280740]]
    finding = find_piles(lon, lat, rule=PileRule(min_cases=50))
    assert len(finding.piles) == 1 and finding.piles[0].cases == 60
    assert finding.on_pile.tolist() == [True] * 60 + [False]  # 3e-7 degrees (3 cm) away: another place
    assert finding.positions == 2


def test_counts_per_position_are_weights_and_the_threshold_follows_the_data():
    # what the stores give: distinct exact positions and their cases
    lon = np.arange(200) * 1e-4 + 116.0
    lat = np.full(200, 39.9)
    counts = np.full(200, 4)
    counts[17] = 70
    finding = find_piles(lon, lat, counts)
    assert percentile_99(counts) == 4 and finding.q99 == 4 and finding.threshold == 80  # 70 is no pile here
    assert finding.piles == []
    counts[17] = 80
    assert [p.cases for p in find_piles(lon, lat, counts).piles] == [80]
    assert [p.cases for p in find_piles(lon, lat, counts, PileRule(factor=10)).piles] == [80]
    assert find_piles(lon, lat, counts, PileRule(factor=10, min_cases=100)).piles == []


def test_piles_come_most_cases_first_and_nan_positions_are_none():
    lon = np.r_[np.full(60, 1.0), np.full(90, 2.0), np.arange(100) + 10.0, [np.nan]]
    lat = np.r_[np.full(60, 1.0), np.full(90, 2.0), np.zeros(100), [5.0]]
    finding = find_piles(lon, lat)
    assert [p.cases for p in finding.piles] == [90, 60]
    assert finding.piled_cases == 150 and finding.total == 250  # the position without numbers is not counted
    assert not finding.on_pile[-1]
    empty = find_piles(np.empty(0), np.empty(0))
    assert empty.piles == [] and empty.positions == 0


def test_position_keys_are_integers_of_rounded_degrees():
    keys = position_keys(np.array([-73.98765432, 179.9999999]), np.array([40.7, -89.99999994]))
    assert keys.tolist() == [[-739876543, 407000000], [1799999999, -899999999]]


def test_a_rule_that_could_flag_every_place_is_refused():
    with pytest.raises(GridInputError):
        PileRule(factor=0.5)
    with pytest.raises(GridInputError):
        PileRule(min_cases=1)


# ---- the grids' extent -----------------------------------------------------------------------------
def test_the_extent_check_measures_metres_outside_the_grids():
    extent = GridExtent.of((-74.00, 40.74, -73.98, 40.76))
    to_degrees = 1 / (111_320 * np.cos(np.radians(40.75)))
    lon = np.array([-73.99, -73.98 + 40_000 * to_degrees, -73.98 + 60_000 * to_degrees, -72.80, np.nan])
    lat = np.array([40.75, 40.75, 40.75, 40.75, 40.75])
    assert extent.holds(lon, lat).tolist() == [True, True, False, False, False]
    north = np.array([40.76 + 49_000 / 111_320, 40.76 + 51_000 / 111_320])
    assert extent.holds(np.array([-73.99, -73.99]), north).tolist() == [True, False]
    geod = pyproj.Geod(ellps="WGS84")  # the approximation is within 1 % of the ellipsoid's distance
    assert extent.distance_m(lon[2:3], lat[2:3])[0] == pytest.approx(
        geod.inv(-73.98, 40.75, lon[2], 40.75)[2], rel=0.01)


def test_without_a_given_crs_cases_must_lie_in_china():
    lon, lat = np.array([116.4, -73.99]), np.array([39.9, 40.75])
    assert plausible(lon, lat, None).tolist() == [True, False]
    assert plausible(lon, lat, GridExtent.of((-74.0, 40.7, -73.9, 40.8))).tolist() == [False, True]
    assert "outside China" in far_away(1.0, 2.0, None).template
    assert "50 km outside the district's grids" in far_away(1.0, 2.0, GridExtent.of((0, 0, 1, 1))).render(str)


# ---- outside China -----------------------------------------------------------------------------------
def test_working_crs_and_datum_outside_china_are_utm_and_wgs84():
    assert working_epsg(-73.99, 40.75) == utm_epsg(-73.99, 40.75) == 32618  # New York
    assert utm_epsg(151.21, -33.87) == 32756  # Sydney, south of the equator
    assert utm_epsg(2.35, 48.85) == 32631 and utm_epsg(-180.0, 10.0) == 32601 and utm_epsg(179.9, 10.0) == 32660
    assert working_epsg(116.4, 39.9) == 4548  # Beijing keeps its CGCS2000 Gauss-Krüger zone
    assert working_epsg(72.5, 39.0) == 32643  # in the rough China box, west of the first 3-degree zone
    assert datum_epsg(-73.99, 40.75) == 4326 and datum_epsg(116.4, 39.9) == 4490
    for epsg in (32618, 32756, 32643):
        assert pyproj.CRS.from_epsg(epsg).name.startswith("WGS 84 / UTM zone")


def test_the_histogram_form_gives_the_same_piles_and_the_stores_tokens():
    from grid_plugin.core.cases.piles import count_positions, judge_piles

    rng = np.random.default_rng(3)
    lon, lat = address_geocoded(rng)
    lon = np.r_[lon, np.full(170, -73.9969210), np.full(130, -73.9969210 + 2e-9)]
    lat = np.r_[lat, np.full(170, 40.7280740), np.full(130, 40.7280740)]
    blobs = [f"blob{x!r},{y!r}" for x, y in zip(lon, lat)]
    counts, candidate_of = count_positions(lon, lat, 50, tokens=blobs)
    assert counts.total == len(lon) and counts.positions.sum() == len(np.unique(position_keys(lon, lat), axis=0))
    assert (counts.cases >= 50).all() and (candidate_of >= 0).sum() == counts.cases.sum()
    finding = judge_piles(counts, PileRule())
    assert finding.threshold == 260  # 20 × 13, the 99th percentile of this platform's door plates
    assert [p.cases for p in finding.piles] == [300] == [p.cases for p in find_piles(lon, lat).piles]
    assert sorted(finding.tokens[0]) == sorted({blobs[-1], blobs[-131]})  # both exact forms of the point
    assert percentile_99(np.array([1, 2, 3]), np.array([99, 1, 0])) == 1.0
    assert percentile_99(np.array([1, 2, 3]), np.array([97, 1, 2])) == 3.0
    assert percentile_99(np.array([1, 2, 3]), np.array([97, 2, 1])) == 2.0
    for sizes in (rng.integers(1, 9, 1000), rng.integers(1, 4, 37)):
        values, positions = np.unique(sizes, return_counts=True)
        assert percentile_99(values, positions) == np.percentile(sizes, 99, method="inverted_cdf")
