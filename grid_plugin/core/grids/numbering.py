"""Sequence numbers of unit grids within a community: west→east, north→south.

The standards say grids are numbered "from west to east, from north to south" without saying
whether rows or columns come first, so both readings are offered:

- ``rows`` (default, like reading a page): the community is cut into horizontal bands of height
  ``band`` counted from northing 0 of the working CRS; bands are taken north to south, and within
  a band grids go west to east by centroid easting.
- ``columns``: vertical bands of width ``band`` counted from easting 0, west to east; within a
  band, north to south by centroid northing.

Ties (same band, same easting) fall back to the other coordinate, so the order is total and the
same on every run.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

ORDER_ROWS = "rows"
ORDER_COLUMNS = "columns"
ORDERS = (ORDER_ROWS, ORDER_COLUMNS)


def sequence_order(cx: np.ndarray, cy: np.ndarray, band: float, order: str = ORDER_ROWS) -> np.ndarray:
    """Indices that sort grids with centroids (cx, cy) into numbering order."""
    cx = np.asarray(cx, dtype=float)
    cy = np.asarray(cy, dtype=float)
    if order == ORDER_ROWS:
        row = np.floor(cy / band)
        # np.lexsort sorts by the last key first: band north→south, then west→east, then north first.
        return np.lexsort((-cy, cx, -row))
    if order == ORDER_COLUMNS:
        col = np.floor(cx / band)
        return np.lexsort((cx, -cy, col))
    raise ValueError(f"unknown numbering order {order!r}; use one of {ORDERS}")


class Numbering(NamedTuple):
    ranked: np.ndarray  # indices putting the grids in community order, then numbering order within each
    counts: np.ndarray  # grids per community
    sequence: np.ndarray  # 1-based number within the community, of the grids in ranked order


def number_grids(owner: np.ndarray, cx: np.ndarray, cy: np.ndarray, band: float, communities: int,
                 order: str = ORDER_ROWS) -> Numbering:
    """Number grids 1..n within each community: `owner` is each grid's community index (0 to
    communities - 1), (cx, cy) its centroid. Communities stay in index order; within each, the grids
    follow `sequence_order`."""
    ranked = np.lexsort((sequence_order(cx, cy, band, order).argsort(), owner))
    counts = np.bincount(owner, minlength=communities)
    sequence = np.arange(len(ranked)) - np.repeat(np.cumsum(counts) - counts, counts) + 1
    return Numbering(ranked, counts, sequence)
