"""core.grids.dangles: large blocks are cut along the dead ends inside them first."""

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, box

from grid_plugin.core.grids.dangles import continued_cut, cut_along, dead_ends, split_along_dead_ends
from grid_plugin.core.grids.splitting import split_equal

BLOCK = box(0, 0, 200, 200)  # 40,000 m²


def parts_for(piece):
    return max(1, round(piece.area / 10_000)) if piece.area > 25_000 else 1


def straight(piece, count):
    return split_equal(piece, count)


def lines(*coords):
    return np.array([LineString(c) for c in coords], dtype=object)


def test_dead_ends_are_the_pieces_inside_the_block_not_on_its_edge_longest_first():
    found = dead_ends(BLOCK, lines([(0, 100), (60, 100)], [(0, 0), (200, 0)], [(200, 50), (110, 50)],
                                   [(100, 200), (100, 195)]))
    assert [round(d.length) for d in found] == [90, 60]  # the edge line and the 5 m stub are not


def test_a_dead_end_is_continued_straight_to_the_far_edge():
    cut = continued_cut(LineString([(0, 100), (60, 100)]), BLOCK)
    xy = shapely.get_coordinates(cut)
    assert xy[0] == pytest.approx([-0.001, 100]) and xy[-1] == pytest.approx([200.001, 100])
    first, second = cut_along(BLOCK, cut)
    assert sorted([first.area, second.area]) == pytest.approx([20_000, 20_000])
    assert shapely.union(first, second).equals(BLOCK)


def test_a_bent_dead_end_continues_along_its_last_segment():
    cut = continued_cut(LineString([(0, 80), (50, 80), (50, 120), (90, 120)]), BLOCK)
    assert shapely.get_coordinates(cut)[-1] == pytest.approx([200.001, 120])
    sides = cut_along(BLOCK, cut)
    assert sides is not None and sum(s.area for s in sides) == pytest.approx(BLOCK.area)


def test_the_block_is_cut_along_the_dead_end_and_not_straight():
    grids = split_along_dead_ends(BLOCK, lines([(0, 130), (80, 130)]), parts_for, 10_000, 3_000, straight)
    # a straight cut would halve the square; along the lane it is cut at y = 130 (26,000 + 14,000),
    # then the southern 26,000 m² is above the maximum and split straight in three
    edges = shapely.union_all(shapely.boundary(np.array(grids, dtype=object)))
    assert LineString([(0, 130), (80, 130)]).difference(edges.buffer(0.01)).length == pytest.approx(0, abs=0.01)
    assert sum(g.area for g in grids) == pytest.approx(BLOCK.area)
    assert shapely.union_all(np.array(grids, dtype=object)).symmetric_difference(BLOCK).area < 1e-6


def test_a_dead_end_that_would_leave_a_sliver_is_not_followed():
    # continuing y = 10 leaves a 2,000 m² strip, below the 3,000 m² minimum: cut straight instead
    grids = split_along_dead_ends(BLOCK, lines([(0, 10), (80, 10)]), parts_for, 10_000, 3_000, straight)
    assert len(grids) == 4 and min(g.area for g in grids) == pytest.approx(10_000)


def test_a_block_that_needs_no_cut_is_left_whole():
    small = box(0, 0, 100, 150)
    assert split_along_dead_ends(small, lines([(0, 50), (60, 50)]), parts_for, 10_000, 3_000, straight) == [small]
