import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point, Polygon, box

from grid_plugin.core.grids.blocks import community_blocks


def cover_error(blocks, community):
    union = shapely.union_all(blocks)
    overlap = sum(shapely.area(blocks)) - union.area
    return union.symmetric_difference(community).area, overlap


def lines(*coords):
    return np.array([LineString(c) for c in coords], dtype=object)


def test_a_cross_of_roads_cuts_a_square_into_four_blocks():
    square = box(0, 0, 200, 200)
    blocks = community_blocks(square, lines([(-10, 100), (210, 100)], [(100, -10), (100, 210)]))
    assert sorted(np.round(shapely.area(blocks))) == [10_000] * 4
    assert max(cover_error(blocks, square)) < 1e-6


def test_no_lines_or_lines_outside_leave_the_community_whole():
    square = box(0, 0, 100, 100)
    assert len(community_blocks(square, lines())) == 1
    blocks = community_blocks(square, lines([(200, 0), (300, 50)]))
    assert len(blocks) == 1 and blocks[0].equals(square)


def test_dangling_lines_and_zero_length_segments_do_not_split():
    square = box(0, 0, 100, 100)
    dangling = lines([(50, 0), (50, 60)], [(20, 20), (20, 20)], [(70, 70), (80, 80)])
    assert len(community_blocks(square, dangling)) == 1


def test_unnoded_duplicate_and_overlapping_lines_are_resolved():
    square = box(0, 0, 200, 200)
    messy = lines([(0, 100), (200, 100)], [(0, 100), (200, 100)],  # duplicate
                  [(50, 100), (150, 100)],  # overlapping part of the same road
                  [(100, 0), (100, 200)])  # crosses without a shared vertex
    blocks = community_blocks(square, messy)
    assert len(blocks) == 4 and max(cover_error(blocks, square)) < 1e-6


def test_lines_partly_outside_are_clipped_and_holes_stay_holes():
    community = box(0, 0, 300, 300).difference(Point(225, 225).buffer(30))
    road = lines([(-100, 150), (400, 150)])
    blocks = community_blocks(community, road)
    assert len(blocks) == 2
    assert max(cover_error(blocks, community)) < 1e-6
    assert not any(b.contains(Point(225, 225)) for b in blocks)


def test_multipart_lines_and_multipolygon_communities():
    community = shapely.MultiPolygon([box(0, 0, 100, 100), box(200, 0, 300, 100)])
    road = np.array([MultiLineString([[(50, -1), (50, 101)], [(250, -1), (250, 101)]])], dtype=object)
    blocks = community_blocks(community, road)
    assert len(blocks) == 4 and max(cover_error(blocks, community)) < 1e-6


def test_irregular_network_covers_exactly():
    rng = np.random.default_rng(3)
    community = Polygon([(0, 0), (500, -40), (560, 380), (40, 420)])
    network = lines(*[[(rng.uniform(-50, 600), rng.uniform(-50, 450)), (rng.uniform(-50, 600), rng.uniform(-50, 450))]
                      for _ in range(25)])
    blocks = community_blocks(community, network)
    assert len(blocks) > 25
    gap, overlap = cover_error(blocks, community)
    assert gap < 1e-3 and overlap < 1e-3
