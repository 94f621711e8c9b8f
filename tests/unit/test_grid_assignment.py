"""core.cases.grid_assignment: the unit grid (BGID) of every component."""

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, MultiPoint, Point, box

from grid_plugin.core.cases.grid_assignment import assign_to_grids

# a 2 × 2 block of 100 m grids: 0 = SW, 1 = SE, 2 = NW, 3 = NE
GRIDS = np.array([box(0, 0, 100, 100), box(100, 0, 200, 100), box(0, 100, 100, 200), box(100, 100, 200, 200)],
                 dtype=object)


def test_points_go_to_the_grid_containing_them_and_outside_points_to_none():
    result = assign_to_grids(np.array([Point(50, 50), Point(150, 150), Point(500, 500)], dtype=object), GRIDS)
    assert result.grid.tolist() == [0, 3, -1]
    assert result.share.tolist() == [1.0, 1.0, 0.0]
    assert result.outside().tolist() == [2]


def test_a_point_on_a_shared_edge_goes_to_the_first_grid_by_priority_whatever_the_order():
    point = np.array([Point(100, 100)], dtype=object)  # the corner of all four grids
    assert assign_to_grids(point, GRIDS).grid.tolist() == [0]
    assert assign_to_grids(point, GRIDS, priority=np.array([3, 2, 1, 0])).grid.tolist() == [3]
    shuffled = GRIDS[[2, 3, 0, 1]]
    assert assign_to_grids(point, shuffled, priority=np.array([2, 3, 0, 1])).grid.tolist() == [2]  # = old grid 0


def test_lines_and_polygons_go_to_the_grid_holding_most_of_them_with_the_share():
    line = LineString([(20, 50), (150, 50)])  # 80 m in grid 0, 50 m in grid 1
    polygon = box(90, 110, 190, 190)  # 800 m² in grid 2, 7,200 m² in grid 3
    result = assign_to_grids(np.array([line, polygon], dtype=object), GRIDS)
    assert result.grid.tolist() == [0, 3]
    assert result.share == pytest.approx([80 / 130, 0.9])


def test_missing_empty_and_multipoint_components():
    components = np.array([None, Point(), MultiPoint([(150, 50), (50, 50)])], dtype=object)
    result = assign_to_grids(components, GRIDS)
    assert result.grid.tolist() == [-1, -1, 1]  # a multipoint counts by its first point


def test_many_points_in_one_vectorised_query():
    rng = np.random.default_rng(0)
    xy = rng.uniform(0, 200, (200_000, 2))
    result = assign_to_grids(shapely.points(xy), GRIDS)
    expected = (xy[:, 0] >= 100).astype(int) + 2 * (xy[:, 1] >= 100).astype(int)
    assert np.array_equal(result.grid, expected)
