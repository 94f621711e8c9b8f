"""Polygon edges beside the lines taken as the lines (core.grids.parcel_edges), split junctions made one
(core.grids.junctions) and strips between managed units shared among them (core.grids.strips)."""

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, box

from grid_plugin.core.grids.blocks import community_blocks
from grid_plugin.core.grids.junctions import join_split_junctions
from grid_plugin.core.grids.parcel_edges import edges_onto_lines
from grid_plugin.core.grids.strips import share_strips
from grid_plugin.core.grids.units import UnitBlocks

X0, Y0 = 448_000.0, 4_421_000.0  # Gauss-Krüger coordinates, as in Beijing


def lines(*coords):
    return np.array([LineString([(X0 + x, Y0 + y) for x, y in c]) for c in coords], dtype=object)


def square(x0, y0, x1, y1):
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


# Two walled compounds side by side, 100 m deep, their walls 3 m inside the centre lines of the roads round them
# (west x=0, south y=0, east x=206), with a lane along the shared wall's north half only.
ROADS = lines([(0, -20), (0, 130)], [(-20, 0), (230, 0)], [(206, -20), (206, 130)], [(-20, 106), (230, 106)])
COMPOUNDS = [square(3, 3, 103, 103), square(103, 3, 203, 103)]
COMMUNITY = square(-10, -10, 216, 116)


def blocks_with(edges):
    return community_blocks(COMMUNITY, np.concatenate([ROADS, edges]))


def block_of(blocks, geometry):
    return max(blocks, key=lambda b: b.intersection(geometry).area)


def test_walls_beside_roads_give_way_to_the_centre_lines():
    edges = shapely.boundary(np.array(COMPOUNDS, dtype=object))
    moved = edges_onto_lines(edges, ROADS, 5.0)
    # each compound: three walls beside roads, and the shared wall's last 2 m at either end
    assert moved.changed and moved.dropped_m == pytest.approx(2 * (3 * 100 + 2 * 2), abs=0.01)
    # nothing of the walls runs within 5 m of a road any more, except where a wall meets one
    near = shapely.intersection(shapely.union_all(moved.parts), shapely.union_all(shapely.buffer(ROADS, 4.9)))
    assert near.length < 2 * 5.0 + 0.1  # the shared wall's two ends, continued onto the roads
    blocks = blocks_with(moved.parts)
    west, east = (block_of(blocks, c) for c in COMPOUNDS)
    # each compound's block reaches the centre lines: the compound and its strips, split at the shared wall
    assert west.area == pytest.approx(103 * 106, abs=0.5)
    assert east.area == pytest.approx(103 * 106, abs=0.5)
    # without it, the strips round both compounds make one ring-shaped block of their own
    before = blocks_with(edges)
    ring = max(before, key=lambda b: b.length)
    assert 2 * ring.area / ring.length < 4.0 and ring.length > 800


def test_a_lane_ending_at_a_wall_leaves_the_wall_whole():
    lane = lines([(53, 150), (53, 103)])  # a lane from the north ending on the west compound's north wall
    edges = shapely.boundary(np.array([square(3, 3, 103, 103)], dtype=object))
    moved = edges_onto_lines(edges, lane, 5.0)
    assert not moved.changed
    assert moved.parts[0].equals(edges[0])


def test_nothing_changes_without_a_distance_or_lines():
    edges = shapely.boundary(np.array(COMPOUNDS, dtype=object))
    for moved in (edges_onto_lines(edges, ROADS, 0.0), edges_onto_lines(edges, np.empty(0, dtype=object), 5.0)):
        assert not moved.changed and list(moved.source) == [0, 1]


def test_a_lane_ending_beside_a_wall_is_met_at_its_end():
    # the wall runs 2.8 m beside a lane that stops halfway: the wall's cut end goes onto the lane near its end (a
    # continuation that missed the lane would leave the blocks on both sides of the wall joined)
    lane = lines([(103, 105.8), (60, 105.8)], [(103, 105.8), (103, 140)])
    wall = shapely.boundary(np.array([square(3, 3, 103, 103)], dtype=object))
    moved = edges_onto_lines(wall, lane, 5.0)
    meeting = shapely.intersection(shapely.union_all(moved.parts), lane[0])
    assert not meeting.is_empty
    assert meeting.distance(shapely.Point(X0 + 60, Y0 + 105.8)) < 0.02


def junction_roads(gap):
    """A crossroads drawn as two T-junctions `gap` m apart: the road from the west and a side street end at one
    point, the road to the east and another side street start at the other."""
    return lines([(-100, 0), (0, 0)], [(0, 0), (0, -100)], [(gap, 0), (100, 0)], [(gap, 0), (gap, 100)],
                 [(-100, 100), (100, 100)], [(-100, -100), (100, -100)], [(-100, -100), (-100, 100)],
                 [(100, -100), (100, 100)])


@pytest.mark.parametrize("gap, joined", [(0.3, 1), (0.9, 1), (2.0, 0)])
def test_junctions_drawn_twice_a_little_apart_are_made_one(gap, joined):
    roads = junction_roads(gap)
    out, count = join_split_junctions(roads, 3.0)
    assert count == joined
    blocks = community_blocks(square(-100, -100, 100, 100), out)
    assert len(blocks) == (4 if joined else 3)  # apart, the north-west and south-east blocks run into each other
    moved = shapely.hausdorff_distance(out, roads)
    assert moved.max() <= gap + 1e-9


def test_joined_junctions_do_not_depend_on_the_order_of_the_lines():
    roads = junction_roads(0.4)
    order = np.random.default_rng(3).permutation(len(roads))
    a, _ = join_split_junctions(roads, 3.0)
    b, _ = join_split_junctions(roads[order], 3.0)
    assert all(shapely.equals_exact(a[order], b, 0.0))


def test_a_strip_along_two_units_is_shared_between_them():
    # two compounds with an unmapped 8 m lane between them that runs on along the north of both: one strip block
    west, east = square(0, 0, 100, 100), square(108, 0, 208, 100)
    strip = square(0, 100, 208, 108).union(square(100, 0, 108, 100))
    blocks = np.array([west, east, strip, square(0, 108, 208, 200)], dtype=object)
    whole = np.array([True, True, False, False])
    shared = share_strips(UnitBlocks.of(blocks, whole, 5_000.0), 5_000.0)
    out = shared.blocks
    assert len(out) == 3 and list(shared.whole) == [True, True, False] and list(shared.closed) == [True, True, False]
    assert sum(g.area for g in out) == pytest.approx(sum(g.area for g in blocks))
    for unit, grid in zip((west, east), out[:2]):
        assert grid.contains(unit.buffer(-1e-6))
        assert grid.area == pytest.approx(unit.area + strip.area / 2, rel=0.02)
        assert 4 * np.pi * grid.area / grid.length ** 2 > 0.6  # no ring round the neighbour
