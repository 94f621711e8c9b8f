"""Joining the near-misses of hand-digitised lines before noding (core.grids.snapping)."""

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, box

from grid_plugin.core.grids.blocks import community_blocks
from grid_plugin.core.grids.codes import CommunityCode
from grid_plugin.core.grids.containers import Container
from grid_plugin.core.grids.follow import AreaSettings, FollowLines, divide_following, road_class_rank
from grid_plugin.core.grids.snapping import (
    DEFAULT_SNAP_TOLERANCE_M,
    SNAP_OVERSHOOT_M,
    SnapCounts,
    snap_line_ends,
)
from tests import old_town

X0, Y0 = old_town.X0, old_town.Y0  # Gauss-Krüger metres: coordinates rounded to ~1e-9 m


def lines(*coords):
    return np.array([LineString(np.asarray(c, dtype=float) + old_town.ORIGIN) for c in coords], dtype=object)


def snapped(*coords, tolerance=3.0):
    return snap_line_ends(lines(*coords), tolerance)


def unchanged(before, after):
    return bool(shapely.equals_exact(before, after, 0.0).all())


def block_count(network, size=(200, 100)):
    return len(community_blocks(box(X0, Y0, X0 + size[0], Y0 + size[1]), network))


def test_a_lane_stopping_short_of_a_road_closes_its_block_and_moves_no_vertex():
    # a road across a 200 × 100 m community and a lane from its southern edge stopping 2 m short
    network = lines([(-10, 50), (210, 50)], [(100, -10), (100, 48)])
    out, counts = snap_line_ends(network, 3.0)
    assert counts == SnapCounts(to_lines=1, to_ends=0) and counts.total == 1
    assert block_count(network) == 2 and block_count(out) == 3
    assert out[0].equals(network[0])
    before, after = shapely.get_coordinates(network[1]), shapely.get_coordinates(out[1])
    assert (after[:-1] == before).all()  # every vertex stays; one is added
    assert np.hypot(*(after[-1] - before[-1])) == pytest.approx(2.0 + SNAP_OVERSHOOT_M)


def test_oblique_near_misses_at_large_coordinates_all_make_junctions():
    """Nearest points on an oblique road are on it only up to rounding: the lanes must still node."""
    rng = np.random.default_rng(7)
    for angle in rng.uniform(-0.6, 0.6, 12):
        slope = np.tan(angle)
        road = [(-10, 50 - 110 * slope), (210, 50 + 110 * slope)]
        lanes = [[(x, -10), (x, 50 + (x - 100) * slope - gap)] for x, gap in zip((40, 100, 160), (0.7, 1.9, 2.8))]
        network = lines(road, *lanes)
        out, counts = snap_line_ends(network, 3.0)
        assert counts.total == 3
        assert block_count(network) == 2 and block_count(out) == 5


def test_a_dead_end_beyond_the_tolerance_and_an_overshoot_are_left_alone():
    network = lines([(-10, 50), (210, 50)], [(60, -10), (60, 45)],  # 5 m short: a dead end
                    [(140, -10), (140, 52.5)])  # crosses the road and stops 2.5 m beyond it: noding joins it
    out, counts = snap_line_ends(network, 3.0)
    assert counts.total == 0 and unchanged(network, out)
    assert block_count(out) == 3
    out, counts = snap_line_ends(network, 6.0)  # a wider tolerance reaches the dead end
    assert counts.total == 1 and block_count(out) == 4


def test_exact_junctions_crossings_and_closed_lines_are_left_alone():
    network = lines([(-10, 50), (210, 50)],
                    [(-10, 52), (210, 52)],  # a second road 2 m further on
                    [(100, -10), (100, 50)],  # ends exactly on the road, between its vertices
                    [(150, 50), (150, 110)],  # starts exactly on it
                    [(30, -10), (30, 110)],  # crosses it
                    [(60, 60), (80, 60), (80, 80), (60, 80), (60, 60)])  # a closed line
    out, counts = snap_line_ends(network, 3.0)
    assert counts.total == 0 and unchanged(network, out)


def test_parallel_lanes_two_metres_apart_are_neither_merged_nor_joined_side_by_side():
    network = lines([(0, 50), (150, 50)], [(20, 52), (200, 52)], [(0, 30), (100, 30)], [(100, 32), (160, 32.5)])
    out, counts = snap_line_ends(network, 3.0)
    assert counts.total == 0 and unchanged(network, out)


def test_a_lane_drawn_in_two_pieces_is_joined_end_to_end_once():
    network = lines([(-10, 50), (210, 50)], [(100, -10), (100, 20)], [(100.4, 21.6), (100, 50)])
    out, counts = snap_line_ends(network, 3.0)
    assert counts == SnapCounts(to_lines=0, to_ends=1)
    assert block_count(out) == 3
    ends = {tuple(shapely.get_coordinates(line)[k]) for line in out[1:] for k in (0, -1)}
    assert len(ends) == 3  # the two pieces share one end exactly; the other two ends are theirs


def test_no_short_loops_and_no_line_joined_to_itself():
    network = lines(
        [(-10, 0), (210, 0)],
        [(10, 0), (10, 5), (14, 5), (14, 1)],  # leaves the road and hooks back 1 m short of it
        [(60, 1), (60, 4), (63, 4), (63, 1)],  # a short U whose two ends are 1 m above the road
        [(100, 40), (100, 20), (130, 20), (130, 38), (102, 38)],  # a lane curling back 2 m short of itself
    )
    out, counts = snap_line_ends(network, 3.0)
    assert counts.total == 1  # one end of the U only: its other end would close a 14 m loop
    assert unchanged(network[[0, 1, 3]], out[[0, 1, 3]])
    assert len(shapely.get_coordinates(out[2])) == 5


def test_free_ends_are_joined_to_the_nearest_line_ahead():
    # the lane stops 2.5 m short of the road and 1.5 m beside a path along it
    network = lines([(-10, 50), (210, 50)], [(101.5, 40), (101.5, 60)], [(100, -10), (100, 47.5)])
    out, counts = snap_line_ends(network, 3.0)
    assert counts.total == 1 and unchanged(network[:2], out[:2])
    assert shapely.get_coordinates(out[2])[-1] == pytest.approx((X0 + 100, Y0 + 50 + SNAP_OVERSHOOT_M))


def messy_network(rng, count=300):
    """Random lanes across a 1 km square, each end moved 0-3 m back or forth along the lane."""
    start = rng.uniform(0, 1000, (count, 2))
    angle = rng.uniform(0, np.pi, count)
    direction = np.column_stack([np.cos(angle), np.sin(angle)])
    length = rng.uniform(30, 300, count)
    trim = rng.uniform(-3, 3, (count, 2))
    a = start - direction * trim[:, :1]
    b = start + direction * (length + trim[:, 1])[:, None]
    network = shapely.linestrings(np.stack([a, b], axis=1) + old_town.ORIGIN)
    # some segments meeting exactly, some drawn twice
    joined = shapely.linestrings(np.stack([b[:40], a[40:80]], axis=1) + old_town.ORIGIN)
    return np.concatenate([network, joined, network[:10]])


def test_results_do_not_depend_on_the_order_of_the_lines():
    rng = np.random.default_rng(11)
    network = messy_network(rng)
    out, counts = snap_line_ends(network, 3.0)
    assert counts.total > 20
    for _ in range(3):
        order = rng.permutation(len(network))
        shuffled, shuffled_counts = snap_line_ends(network[order], 3.0)
        assert shuffled_counts == counts
        assert shapely.equals_exact(shuffled, out[order], 0.0).all()


def test_every_join_is_short_and_keeps_the_line():
    network = messy_network(np.random.default_rng(5))
    out, counts = snap_line_ends(network, 2.0)
    assert counts.total > 10
    changed = np.flatnonzero(~shapely.equals_exact(network, out, 0.0))
    assert len(changed) <= counts.total
    for k in changed:
        before, after = shapely.get_coordinates(network[k]), shapely.get_coordinates(out[k])
        start = int(not (after[0] == before[0]).all())
        assert (after[start:start + len(before)] == before).all()
        added = np.delete(after, range(start, start + len(before)), axis=0)
        gaps = [np.hypot(*(p - before[0 if (p == after[0]).all() else -1])) for p in added]
        assert 0 < max(gaps) <= 2.0 + SNAP_OVERSHOOT_M


def test_zero_tolerance_and_other_geometries_leave_everything_alone():
    network = lines([(-10, 50), (210, 50)], [(100, -10), (100, 48)])
    out, counts = snap_line_ends(network, 0.0)
    assert counts.total == 0 and unchanged(network, out)
    mixed = np.concatenate([network, [None, shapely.Point(X0, Y0),
                                      shapely.MultiLineString([[(X0, Y0 + 49), (X0, Y0 + 10)]])]])
    out, counts = snap_line_ends(mixed, 3.0)
    assert counts.total == 1 and out[2] is None and out[3].equals(mixed[3]) and out[4].equals(mixed[4])


def test_duplicated_and_overlapping_lines_are_dissolved_by_noding():
    network, _ = old_town.roads()
    once = np.unique(shapely.to_wkb(network), return_index=True)[1]
    assert len(once) == len(network) - 1  # the road's western half is there twice
    snapped_all, _ = snap_line_ends(network, DEFAULT_SNAP_TOLERANCE_M)
    snapped_once, _ = snap_line_ends(network[np.sort(once)], DEFAULT_SNAP_TOLERANCE_M)
    overlapping = np.concatenate([snapped_all, lines([(50, 100), (150, 100)])])  # part of the road, a third time
    blocks = [community_blocks(old_town.community(), lines) for lines in (snapped_all, snapped_once, overlapping)]
    assert len(blocks[0]) == len(blocks[1]) == len(blocks[2]) > 7  # with the slivers of the redigitised hutong
    assert all(shapely.equals(b, blocks[0]).all() for b in blocks[1:])  # the same shapes (more vertices, once)


def divide_old_town(network, classes, tolerance):
    out, counts = snap_line_ends(network, tolerance)
    containers = [Container(1, old_town.community(), CommunityCode("110101", "001", "001"))]
    division = divide_following(containers, FollowLines(out, [road_class_rank(c) for c in classes]),
                                AreaSettings(**old_town.SETTINGS))
    return division, counts


def test_old_town_grids_close_their_blocks_with_snapping_and_not_without():
    network, classes = old_town.roads()
    assert classes.count(None) == 5  # unnamed lanes: road class NULL
    division, counts = divide_old_town(network, classes, DEFAULT_SNAP_TOLERANCE_M)
    assert counts == SnapCounts(old_town.SNAPPED_TO_LINES, old_town.SNAPPED_TO_ENDS)
    assert len(division) == old_town.GRIDS_SNAPPED
    assert sorted(np.round(shapely.area(division.geometries))) == [10_000.0] * 6 + [20_000.0]
    unsnapped, none = divide_old_town(network, classes, 0.0)
    assert none.total == 0 and len(unsnapped) == old_town.GRIDS_UNSNAPPED
    # shuffled input: the same grids
    order = np.random.default_rng(3).permutation(len(network))
    shuffled, shuffled_counts = divide_old_town(network[order], [classes[k] for k in order], DEFAULT_SNAP_TOLERANCE_M)
    assert shuffled_counts == counts
    assert shapely.equals_exact(shuffled.geometries, division.geometries, 0.0).all()
