import numpy as np

from grid_plugin.core.grids.merging import merge_small_pieces


def test_small_piece_crosses_the_lowest_rank_before_the_longest_edge():
    areas = np.array([1000.0, 9000.0, 9000.0])
    # piece 0 shares 100 m with piece 1 across a main road (rank 3), 10 m with piece 2 across an alley
    group, isolated = merge_small_pieces(areas, 3000.0, {0: [(1, 100.0, 3), (2, 10.0, 0)]})
    assert list(group) == [2, 1, 2] and isolated == []


def test_equal_rank_goes_to_the_longest_shared_edge_then_the_larger_neighbour():
    areas = np.array([1000.0, 9000.0, 9500.0, 9000.0])
    group, _ = merge_small_pieces(areas, 3000.0, {0: [(1, 50.0, 1), (2, 50.0, 1), (3, 40.0, 1)]})
    assert group[0] == 2


def test_chains_merge_until_above_the_minimum_and_islands_are_reported():
    areas = np.array([1000.0, 1500.0, 9000.0, 500.0])
    neighbours = {0: [(1, 30.0, 0)], 1: [(0, 30.0, 0), (2, 10.0, 0)], 3: []}
    group, isolated = merge_small_pieces(areas, 3000.0, neighbours)
    assert group[0] == group[1] == group[2] and isolated == [3]
