import numpy as np
import pytest

from grid_plugin.core.grids.numbering import sequence_order


def test_rows_go_north_to_south_then_west_to_east():
    # a 3 x 2 lattice of 100 m cells given in scrambled order
    cx = np.array([250, 50, 150, 50, 250, 150])
    cy = np.array([50, 150, 150, 50, 150, 50])
    order = sequence_order(cx, cy, 100.0, "rows")
    assert list(zip(cx[order], cy[order])) == [(50, 150), (150, 150), (250, 150), (50, 50), (150, 50), (250, 50)]


def test_columns_go_west_to_east_then_north_to_south():
    cx = np.array([250, 50, 150, 50, 250, 150])
    cy = np.array([50, 150, 150, 50, 150, 50])
    order = sequence_order(cx, cy, 100.0, "columns")
    assert list(zip(cx[order], cy[order])) == [(50, 150), (50, 50), (150, 150), (150, 50), (250, 150), (250, 50)]


def test_rows_are_bands_so_small_northing_jitter_does_not_reorder_a_row():
    cx = np.array([10.0, 110.0, 210.0])
    cy = np.array([40.0, 60.0, 45.0])  # one band [0, 100)
    assert list(sequence_order(cx, cy, 100.0)) == [0, 1, 2]


def test_unknown_order_is_rejected():
    with pytest.raises(ValueError):
        sequence_order(np.zeros(1), np.zeros(1), 100.0, "spiral")
