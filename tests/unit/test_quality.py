import math

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon, box

from grid_plugin.core.grids.codes import CommunityCode
from grid_plugin.core.grids.containers import Container
from grid_plugin.core.grids.quality import (
    QualityFigures,
    boundary_on_lines,
    interior_segments,
    polsby_popper,
    quality_figures,
)


def community(geometry, number=1):
    return Container(number, geometry, CommunityCode("110101", "001", f"{number:03d}"))


def objects(*geometries):
    return np.array(geometries, dtype=object)


def lines(*coords):
    return objects(*(LineString(c) for c in coords))


def row_of_grids(*widths, height=100.0):
    """Rectangles side by side from x = 0, and the community they tile."""
    edges = np.r_[0.0, np.cumsum(widths)]
    grids = objects(*(box(a, 0, b, height) for a, b in zip(edges[:-1], edges[1:])))
    return grids, np.zeros(len(grids), dtype=np.int64), [community(box(0, 0, edges[-1], height))]


def rectangle_compactness(w, h):
    return 4 * math.pi * w * h / (2 * (w + h)) ** 2


def test_polsby_popper_of_a_circle_square_and_sliver():
    circle = Point(500, 500).buffer(100, quad_segs=256)
    values = polsby_popper(objects(circle, box(0, 0, 10, 10), box(0, 0, 1000, 1), Polygon()))
    assert values[0] == pytest.approx(1.0, abs=1e-4)
    assert values[1] == pytest.approx(math.pi / 4, rel=1e-12)
    assert values[2] < 0.01
    assert values[3] == 0.0
    assert polsby_popper(objects(box(0, 0, 300, 100)))[0] == pytest.approx(rectangle_compactness(300, 100))


def test_polsby_popper_does_not_depend_on_scale_or_position():
    square = box(0, 0, 1, 1)
    moved = shapely.affinity.translate(shapely.affinity.scale(square, 500, 500), 449_930.0, 4_420_010.0)
    assert polsby_popper(objects(moved))[0] == pytest.approx(polsby_popper(objects(square))[0], rel=1e-9)


def test_interior_segments_exclude_the_community_boundary():
    grids, owner, containers = row_of_grids(100, 100)
    a, b = interior_segments(grids, owner, containers)
    # the shared edge x = 100, once from each side
    assert len(a) == 2
    assert np.allclose(a[:, 0], 100.0) and np.allclose(b[:, 0], 100.0)
    assert np.hypot(*(b - a).T).sum() == pytest.approx(200.0)


def test_interior_segments_of_multipolygon_grids_are_counted():
    """A grid written as a MultiPolygon (or made of two pieces touching at a corner) has the same
    interior edges as its polygons."""
    grids, owner, containers = row_of_grids(100, 100)
    multi = objects(*(shapely.MultiPolygon([g]) for g in grids))
    a, b = interior_segments(multi, owner, containers)
    plain_a, plain_b = interior_segments(grids, owner, containers)
    assert len(a) == len(plain_a) == 2
    assert np.allclose(np.sort(a, axis=0), np.sort(plain_a, axis=0))


def test_edges_between_communities_are_not_interior():
    containers = [community(box(0, 0, 100, 100), 1), community(box(100, 0, 200, 100), 2)]
    grids = objects(box(0, 0, 100, 100), box(100, 0, 200, 100))
    a, _ = interior_segments(grids, np.array([0, 1]), containers)
    assert len(a) == 0
    assert boundary_on_lines(grids, np.array([0, 1]), containers, lines([(100, 0), (100, 100)])) is None


def test_interior_segments_of_a_community_with_a_hole_exclude_the_hole_boundary():
    geometry = box(0, 0, 200, 100).difference(box(20, 20, 60, 60))
    grids = objects(geometry.intersection(box(0, 0, 100, 100)), box(100, 0, 200, 100))
    a, b = interior_segments(grids, np.zeros(2, dtype=np.int64), [community(geometry)])
    assert np.allclose(np.r_[a[:, 0], b[:, 0]], 100.0)
    assert np.hypot(*(b - a).T).sum() == pytest.approx(200.0)


def test_boundary_on_lines_is_one_when_every_interior_edge_is_on_a_line():
    grids, owner, containers = row_of_grids(100, 100, 100)
    roads = lines([(100, -50), (100, 150)], [(200, -50), (200, 150)])
    assert boundary_on_lines(grids, owner, containers, roads) == 1.0


def test_boundary_on_lines_is_a_half_when_half_the_edges_are_on_lines():
    grids, owner, containers = row_of_grids(100, 100, 100)
    assert boundary_on_lines(grids, owner, containers, lines([(100, -50), (100, 150)])) == pytest.approx(0.5)


def test_boundary_on_lines_counts_each_segment_on_its_own():
    # the shared edge x = 100 has a vertex at y = 50; a road runs along its southern half only
    west = Polygon([(0, 0), (100, 0), (100, 50), (100, 100), (0, 100)])
    east = Polygon([(100, 0), (200, 0), (200, 100), (100, 100), (100, 50)])
    grids = objects(west, east)
    containers = [community(box(0, 0, 200, 100))]
    owner = np.zeros(2, dtype=np.int64)
    assert boundary_on_lines(grids, owner, containers, lines([(100, -20), (100, 50)])) == pytest.approx(0.5)
    # a road touching the edge only at its ends does not count
    assert boundary_on_lines(grids, owner, containers, lines([(100, 0), (150, -50), (150, 150), (100, 100)])) == 0.0


def test_boundary_on_lines_respects_the_tolerance():
    grids, owner, containers = row_of_grids(100, 100)
    offset = lines([(101.5, -50), (101.5, 150)])
    assert boundary_on_lines(grids, owner, containers, offset, tolerance=2.0) == 1.0
    assert boundary_on_lines(grids, owner, containers, offset, tolerance=1.0) == 0.0


def test_boundary_on_lines_without_lines_or_interior_edges():
    grids, owner, containers = row_of_grids(100, 100)
    assert boundary_on_lines(grids, owner, containers, objects()) == 0.0
    single, single_owner, single_containers = row_of_grids(100)
    assert boundary_on_lines(single, single_owner, single_containers, lines([(50, 0), (50, 100)])) is None


def test_quality_figures_of_a_known_set():
    # areas 2 000, 5 000, 10 000 and 20 000 m² against a target of 10 000 m²
    grids, owner, containers = row_of_grids(20, 50, 100, 200)
    roads = lines([(20, 0), (20, 100)], [(70, 0), (70, 100)], [(170, 0), (170, 100)])
    figures = quality_figures(grids, owner, containers, 10_000.0, roads)
    assert isinstance(figures, QualityFigures)
    assert figures.grid_count == 4
    assert figures.area_min == pytest.approx(2_000.0)
    assert figures.area_median == pytest.approx(7_500.0)
    # linear interpolation between the 3rd and 4th areas at rank 0.95 × 3 = 2.85
    assert figures.area_p95 == pytest.approx(10_000.0 + 0.85 * 10_000.0)
    assert figures.area_max == pytest.approx(20_000.0)
    # 5 000 and 20 000 lie on the bounds of [0.5, 2] × target and count
    assert figures.share_near_target == pytest.approx(0.75)
    assert figures.boundary_on_lines == 1.0
    compact = sorted(rectangle_compactness(w, 100) for w in (20, 50, 100, 200))
    assert figures.compactness_min == pytest.approx(compact[0])
    assert figures.compactness_p5 == pytest.approx(compact[0] + 0.15 * (compact[1] - compact[0]))
    assert figures.compactness_median == pytest.approx((compact[1] + compact[2]) / 2)
    as_dict = figures.as_dict()
    assert as_dict["grid_count"] == 4 and as_dict["share_near_target"] == pytest.approx(0.75)


def test_quality_figures_without_lines_or_grids():
    grids, owner, containers = row_of_grids(100, 100)
    assert quality_figures(grids, owner, containers, 10_000.0).boundary_on_lines is None
    assert quality_figures(grids, owner, containers, 10_000.0, objects()).boundary_on_lines == 0.0
    empty = quality_figures(objects(), np.empty(0, dtype=np.int64), containers, 10_000.0, objects())
    assert empty.grid_count == 0 and empty.boundary_on_lines is None and empty.share_near_target == 0.0


def test_share_near_target_excludes_grids_outside_half_to_double():
    grids, owner, containers = row_of_grids(49, 201)
    assert quality_figures(grids, owner, containers, 10_000.0).share_near_target == 0.0
