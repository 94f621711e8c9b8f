import numpy as np
import pytest

from grid_plugin.core.grids.numbering import number_grids, sequence_order


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


# centroids in metres of a projected CRS (EPSG:4548-like), 100 m bands; community 1 has no grid
X0, Y0 = 500_000.0, 3_400_000.0
GRIDS = [  # (community, easting, northing)
    (0, X0 + 50, Y0 + 150), (0, X0 + 150, Y0 + 150), (0, X0 + 50, Y0 + 50), (0, X0 + 150, Y0 + 50),  # 2 x 2
    (2, X0 + 350, Y0 + 50), (2, X0 + 450, Y0 + 60), (2, X0 + 550, Y0 + 45),  # one row, northings jitter
    (3, X0 - 900, Y0 + 1_050),  # north-west of all the others: first in sequence_order, yet community 3
]
SCRAMBLE = [6, 3, 7, 0, 4, 2, 5, 1]


def scrambled():
    owner, cx, cy = (np.array(column)[SCRAMBLE] for column in zip(*GRIDS))
    return owner.astype(np.int64), cx, cy


def test_grids_are_numbered_one_to_n_within_each_community_in_numbering_order():
    owner, cx, cy = scrambled()
    ranked, counts, sequence = number_grids(owner, cx, cy, 100.0, 4)
    assert owner[ranked].tolist() == [0, 0, 0, 0, 2, 2, 2, 3]  # communities in index order
    assert counts.tolist() == [4, 0, 3, 1]
    assert sequence.tolist() == [1, 2, 3, 4, 1, 2, 3, 1]
    assert list(zip((cx[ranked] - X0).tolist(), (cy[ranked] - Y0).tolist())) == [
        (50, 150), (150, 150), (50, 50), (150, 50),  # north row west to east, then the south row
        (350, 50), (450, 60), (550, 45),  # one band: west to east whatever the northing
        (-900, 1_050)]


def test_columns_number_west_to_east_bands_north_to_south_within_each():
    owner, cx, cy = scrambled()
    ranked, _, sequence = number_grids(owner, cx, cy, 100.0, 4, "columns")
    assert sequence.tolist() == [1, 2, 3, 4, 1, 2, 3, 1]
    assert list(zip((cx[ranked] - X0).tolist(), (cy[ranked] - Y0).tolist()))[:4] == [
        (50, 150), (50, 50), (150, 150), (150, 50)]


def test_numbering_no_grid_gives_zero_counts():
    ranked, counts, sequence = number_grids(np.empty(0, np.int64), np.empty(0), np.empty(0), 100.0, 2)
    assert ranked.tolist() == [] and sequence.tolist() == [] and counts.tolist() == [0, 0]
