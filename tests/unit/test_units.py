"""Polygon features to follow and managed units (core.grids.units) in road-following division."""

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, box

from grid_plugin.core.grids.follow import (
    DEFAULT_POLYGON_RANK,
    KIND_FEATURE,
    KIND_ROAD,
    AreaSettings,
    FollowLines,
    divide_following,
)
from grid_plugin.core.grids.quality import quality_figures
from grid_plugin.core.grids.units import ManagedUnits, repair_polygons, unit_flag
from tests.unit.test_follow import assert_exact_cover, community, follow, grid_at

# target 10,000 m², minimum 5,000, maximum 20,000, open-land maximum 40,000
SETTINGS = AreaSettings()


def parcels(*polygons, units=(), rank=DEFAULT_POLYGON_RANK):
    """Polygon features as the reader gives them: their boundaries as lines of the feature kind, and the
    polygons at the `units` positions as managed units."""
    boundaries = np.array([p.boundary for p in polygons], dtype=object)
    managed = ManagedUnits(np.array([polygons[k] for k in units], dtype=object), [f"parcel {k}" for k in units])
    return FollowLines(boundaries, np.full(len(polygons), rank), np.full(len(polygons), KIND_FEATURE), managed)


def join(*line_sets):
    joined = line_sets[0]
    for lines in line_sets[1:]:
        joined = joined.joined(lines)
    return joined


def divide(geometry, lines, settings=SETTINGS):
    division = divide_following([community(geometry)], lines, settings, workers=1)
    assert_exact_cover(division.geometries, geometry)
    return division


def test_settings_default_open_land_to_four_targets_at_least_the_maximum():
    assert SETTINGS.open_land == 40_000.0
    assert AreaSettings(10_000.0, maximum=50_000.0).open_land == 50_000.0
    assert AreaSettings(10_000.0, open_land=25_000.0).open_land == 25_000.0
    with pytest.raises(Exception, match="OPEN_LAND_MAX"):
        AreaSettings(10_000.0, open_land=15_000.0).check()


def test_a_walled_compound_above_the_maximum_stays_one_grid_with_its_lane():
    geometry = box(0, 0, 400, 200)
    compound = box(20, 20, 220, 180)  # 32,000 m²: above MAX_AREA, below OPEN_LAND_MAX
    lane = follow([(120, 20), (120, 180)], rank=1)  # its own lane, wall to wall
    division = divide(geometry, join(lane, parcels(compound, units=[0])))
    assert sum(g.equals(compound) for g in division.geometries) == 1
    assert all(g.area <= SETTINGS.maximum + 1e-6 for g in division.geometries if not g.equals(compound))
    assert division.warnings == []
    # not a managed unit: its two halves (16,000 m² each) are two grids
    plain = divide(geometry, join(lane, parcels(compound)))
    assert not any(g.equals(compound) for g in plain.geometries)
    assert grid_at(plain.geometries, 70, 100).equals(box(20, 20, 120, 180))


def test_a_park_above_open_land_max_is_cut_with_a_warning_naming_it():
    geometry = box(0, 0, 400, 200)
    park = box(0, 0, 300, 200)  # 60,000 m²
    division = divide(geometry, parcels(park, units=[0]))
    inside = [g for g in division.geometries if g.within(park.buffer(1e-6))]
    assert len(inside) >= 3 and all(g.area <= SETTINGS.maximum + 1e-6 for g in inside)
    assert len(division.warnings) == 1
    warning = division.warnings[0]
    assert warning.params["unit"] == "parcel 0" and warning.params["area"] == pytest.approx(60_000.0)
    assert warning.params["limit"] == 40_000.0 and warning.params["fid"] == 1
    assert "OPEN_LAND_MAX" in warning.template
    # with a higher open-land maximum it is one grid
    whole = divide(geometry, parcels(park, units=[0]), AreaSettings(open_land=60_000.0))
    assert sum(g.equals(park) for g in whole.geometries) == 1 and whole.warnings == []


def test_parcel_edges_are_followed_before_dead_ends_and_straight_cuts():
    geometry = box(0, 0, 220, 100)  # 22,000 m²: one block above the maximum, two grids
    dead_end = follow([(100, 0), (100, 60)])

    def west_edge(division):
        return round(grid_at(division.geometries, 5, 50).bounds[2], 6)

    assert west_edge(divide(geometry, follow())) == 110.0  # a straight cut halves it
    assert west_edge(divide(geometry, dead_end)) == 100.0  # the dead end, extended
    with_parcels = divide(geometry, join(dead_end, parcels(box(0, 0, 120, 100), box(120, 0, 220, 100))))
    assert west_edge(with_parcels) == 120.0  # the parcel edge
    assert grid_at(with_parcels.geometries, 5, 50).equals(box(0, 0, 120, 100))


def test_small_blocks_go_elsewhere_than_a_closed_unit_unless_it_is_their_only_neighbour():
    unit = box(0, 0, 150, 100)  # 15,000 m²: at least the minimum, closed
    geometry = box(0, 0, 300, 100)
    # the 3,000 m² strip between the unit and a road joins the block across the road, not the unit
    division = divide(geometry, join(follow([(180, -10), (180, 110)]), parcels(unit, units=[0])))
    assert sum(g.equals(unit) for g in division.geometries) == 1
    assert grid_at(division.geometries, 165, 50).equals(box(150, 0, 300, 100))
    # without the unit it would cross the parcel edge (rank 1) before the road (rank 2)
    plain = divide(geometry, join(follow([(180, -10), (180, 110)]), parcels(unit)))
    assert grid_at(plain.geometries, 165, 50).equals(box(0, 0, 180, 100))
    # a block with no other neighbour joins the unit
    alone = divide(box(0, 0, 190, 100), parcels(unit, units=[0]))
    assert len(alone) == 1 and alone.warnings == []
    # so does a strip between the unit's wall and the centre line of the road outside it (8 m on average)
    strip = divide(geometry, join(follow([(158, -10), (158, 110)]), parcels(unit, units=[0])))
    assert grid_at(strip.geometries, 154, 50).equals(box(0, 0, 158, 100))
    assert grid_at(strip.geometries, 200, 50).equals(box(158, 0, 300, 100))


def test_a_small_unit_joins_a_neighbour():
    geometry = box(0, 0, 200, 100)
    division = divide(geometry, parcels(box(0, 0, 40, 100), units=[0]))  # 4,000 m²: below the minimum
    assert len(division) == 1


def test_nested_units_and_a_unit_the_community_cuts_in_two():
    geometry = box(0, 0, 400, 200)
    compound, school = box(0, 0, 200, 200), box(50, 50, 150, 150)
    division = divide(geometry, parcels(compound, school, units=[0, 1]))
    assert sum(g.equals(school) for g in division.geometries) == 1
    assert sum(g.equals(compound.difference(school)) for g in division.geometries) == 1  # round the school
    # a unit over two communities is one grid in each
    west, east = box(0, 0, 200, 200), box(200, 0, 400, 200)
    lot = box(100, 50, 300, 150)
    both = divide_following([community(west, 1), community(east, 2)], parcels(lot, units=[0]), SETTINGS, workers=1)
    assert sum(g.equals(lot.intersection(west)) for g in both.geometries) == 1
    assert sum(g.equals(lot.intersection(east)) for g in both.geometries) == 1


def test_quality_shares_split_by_kind_and_add_up():
    geometry = box(0, 0, 500, 100)
    road = follow([(100, -10), (100, 110)])
    division = divide(geometry, join(road, parcels(box(200, 0, 500, 100))))
    assert len(division) == 5  # [0, 100], [100, 200], and three of 10,000 m² cut straight in [200, 500]
    lines = join(road, parcels(box(200, 0, 500, 100)))
    assert list(lines.kinds) == [KIND_ROAD, KIND_FEATURE]
    figures = quality_figures(division.geometries, division.container_index, [community(geometry)], 10_000.0,
                              lines.geometries, 0.01, lines.kinds)
    assert figures.boundary_on_roads == pytest.approx(0.25)
    assert figures.boundary_on_features == pytest.approx(0.25)
    assert figures.boundary_straight == pytest.approx(0.5)
    assert figures.boundary_on_lines == pytest.approx(0.5)
    assert figures.boundary_on_roads + figures.boundary_on_features + figures.boundary_straight == pytest.approx(1.0)
    # a polygon edge on a road counts on the road
    on_road = join(road, parcels(box(100, 0, 500, 100)))
    figures = quality_figures(division.geometries, division.container_index, [community(geometry)], 10_000.0,
                              on_road.geometries, 0.01, on_road.kinds)
    assert figures.boundary_on_roads == pytest.approx(0.25) and figures.boundary_on_features == pytest.approx(0.0)
    # without kinds every line is a road, as before
    figures = quality_figures(division.geometries, division.container_index, [community(geometry)], 10_000.0,
                              lines.geometries, 0.01)
    assert figures.boundary_on_roads == figures.boundary_on_lines == pytest.approx(0.5)
    assert figures.boundary_on_features == 0.0


def test_no_polygons_changes_nothing():
    geometry = box(0, 0, 700, 300)
    roads = follow([(100, -10), (100, 310)], [(-10, 150), (710, 150)], [(400, 0), (400, 90)])
    plain = divide(geometry, roads)
    empty = divide(geometry, roads.joined(parcels()))
    assert [g.wkb for g in plain.geometries] == [g.wkb for g in empty.geometries]


def test_unit_flags_and_repairs():
    assert [unit_flag(v) for v in (True, 1, 2.0, "是", " yes ", "TRUE", "1")] == [True] * 7
    assert [unit_flag(v) for v in (False, 0, 0.0, None, "否", "no", "", "NULL", float("nan"))] == [False] * 9
    assert unit_flag("小区") is None
    bow_tie = shapely.Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    fixed, repaired = repair_polygons(np.array([box(0, 0, 1, 1), bow_tie, None], dtype=object))
    assert fixed[0].equals(box(0, 0, 1, 1)) and fixed[2] is None
    assert fixed[1].is_valid and fixed[1].area == pytest.approx(50.0)  # both triangles kept
    assert [(k, reason.split("[")[0]) for k, reason, _ in repaired] == [(1, "Self-intersection")]


def test_managed_units_near_a_community():
    units = ManagedUnits(np.array([box(0, 0, 10, 10), box(100, 100, 110, 110)], dtype=object), ["a", "b"])
    near = units.near(box(5, 5, 50, 50))
    assert near.names == ["a"] and len(near) == 1
    lines = FollowLines(np.array([LineString([(0, 0), (1, 1)])], dtype=object), np.array([2]), units=units)
    assert lines.subset(np.array([0]), Point(105, 105).buffer(1)).units.names == ["b"]
    assert list(lines.kinds) == [KIND_ROAD]


def test_grid_count_bounds_allow_for_managed_units():
    """A managed unit up to the open-land maximum is one grid: the lower bounds that refuse communities over
    the 999-grid limit must not count it as area / MAX_AREA grids, nor its blocks one by one."""
    from grid_plugin.core.grids.estimate import follow_grid_counts

    geometry = box(0, 0, 400, 100)  # 40,000 m²
    lanes = follow(*[[(x, -10), (x, 110)] for x in (100, 200, 300)], rank=1)  # four blocks of 10,000 m²
    containers = [community(geometry)]
    assert follow_grid_counts(containers, SETTINGS, lanes, limit=2).low.tolist() == [4]
    unit = join(lanes, parcels(geometry, units=[0]))
    assert follow_grid_counts(containers, SETTINGS, unit, limit=2).low.tolist() == [1]
    assert follow_grid_counts(containers, SETTINGS, managed_units=True, limit=2).low.tolist() == [1]
    assert len(divide(geometry, unit)) == 1  # what the bound allows for
