"""Bulk loading of a GeoPackage's R-tree (the spatial index of the R-tree extension), shared by the
store (store/gpkg.py) and the feature-file writer (io/feature_files.py)."""

from __future__ import annotations

import sqlite3

import numpy as np

from grid_plugin.io.names import quote_sqlite as q

_RTREE_CELL = np.dtype([("id", ">i8"), ("minx", ">f4"), ("maxx", ">f4"), ("miny", ">f4"), ("maxy", ">f4")])
_RTREE_MAX_CELLS = 51  # SQLite's RTREE_MAXCELLS: nodes of a 2-D R-tree hold at most 51 cells


def bulk_load_rtree(conn: sqlite3.Connection, name: str, ids: np.ndarray, minx: np.ndarray, maxx: np.ndarray,
                    miny: np.ndarray, maxy: np.ndarray) -> None:
    """Replace the content of SQLite R-tree `name` with these boxes, packed Sort-Tile-Recursive.

    Inserting a million boxes row by row costs SQLite about 7 µs each (node splits, reinserts);
    writing the node, rowid and parent tables of the finished tree directly takes a fraction of
    that and gives a better-packed tree. The node format is SQLite's (ext/rtree/rtree.c): a 2-byte
    depth (root only), a 2-byte cell count, then cells of a 64-bit id and four 32-bit floats, all
    big-endian, each box rounded outwards to float32 as SQLite does; `rtreecheck()` accepts it.
    """
    node, rowid, parent = (q(f"{name}_{part}") for part in ("node", "rowid", "parent"))
    node_size = conn.execute(f"SELECT length(data) FROM {node} WHERE nodeno = 1").fetchone()[0]
    for table in (node, rowid, parent):
        conn.execute(f"DELETE FROM {table}")
    if len(ids) == 0:
        conn.execute(f"INSERT INTO {node} VALUES (1, ?)", (bytes(node_size),))
        return
    cells = np.empty(len(ids), dtype=_RTREE_CELL)
    cells["id"] = ids
    cells["minx"], cells["maxx"] = _outwards(minx, -1), _outwards(maxx, 1)
    cells["miny"], cells["maxy"] = _outwards(miny, -1), _outwards(maxy, 1)
    levels = [_str_order(cells)]
    while len(levels[-1]) > _RTREE_MAX_CELLS:
        levels.append(_parents(levels[-1]))
    # number the nodes from the root down: root 1, then each level's nodes in order
    depth = len(levels) - 1
    node_rows: list[tuple[int, bytes]] = []
    parent_rows: list[tuple[int, int]] = []
    rowid_rows: list[tuple[int, int]] = []
    first_number = {depth: 1}
    for level in range(depth, -1, -1):
        groups = _groups(len(levels[level]))
        if level:
            first_number[level - 1] = first_number[level] + len(groups)
        for g, (start, stop) in enumerate(groups):
            number = first_number[level] + g
            chunk = levels[level][start:stop].copy()
            if level:  # inner cells point at the nodes of the level below, numbered in order
                children = np.arange(first_number[level - 1] + start, first_number[level - 1] + stop)
                chunk["id"] = children
                parent_rows += [(int(c), number) for c in children]
            else:
                rowid_rows.append((number, start))  # expanded below without a Python loop per box
            blob = bytearray(node_size)
            blob[0:2] = (depth if number == 1 else 0).to_bytes(2, "big")
            blob[2:4] = len(chunk).to_bytes(2, "big")
            raw = chunk.tobytes()
            blob[4:4 + len(raw)] = raw
            node_rows.append((number, bytes(blob)))
    conn.executemany(f"INSERT INTO {node} VALUES (?, ?)", node_rows)
    conn.executemany(f"INSERT INTO {parent} VALUES (?, ?)", parent_rows)
    leaf_of = np.empty(len(cells), dtype=np.int64)
    for number, start in rowid_rows:
        leaf_of[start:start + _RTREE_MAX_CELLS] = number
    leaves = levels[0]["id"].astype(np.int64)
    order = np.argsort(leaves)
    leaves, leaf_of = leaves[order], leaf_of[order]
    del levels, order
    for start in range(0, len(leaves), 200_000):  # in slices: two Python ints per box cost 70 bytes
        conn.executemany(f"INSERT INTO {rowid} VALUES (?, ?)",
                         zip(leaves[start:start + 200_000].tolist(), leaf_of[start:start + 200_000].tolist()))


def _outwards(values: np.ndarray, direction: int) -> np.ndarray:
    """float32 values that never shrink the box (SQLite's RNDTOWARDS / RNDAWAY)."""
    values = np.asarray(values, dtype=np.float64)
    rounded = values.astype(np.float32)
    wrong = rounded > values if direction < 0 else rounded < values
    rounded[wrong] = np.nextafter(rounded[wrong], np.float32(-np.inf if direction < 0 else np.inf))
    return rounded


def _groups(count: int) -> list[tuple[int, int]]:
    return [(start, min(count, start + _RTREE_MAX_CELLS)) for start in range(0, count, _RTREE_MAX_CELLS)]


def _str_order(cells: np.ndarray) -> np.ndarray:
    """Cells in Sort-Tile-Recursive order: vertical slices by x, each sorted by y."""
    count = len(cells)
    leaves = max(1, -(-count // _RTREE_MAX_CELLS))
    slices = max(1, int(np.ceil(np.sqrt(leaves))))
    per_slice = slices * _RTREE_MAX_CELLS
    cx = cells["minx"] / np.float32(2) + cells["maxx"] / np.float32(2)  # float32: the order only needs sorting
    cy = cells["miny"] / np.float32(2) + cells["maxy"] / np.float32(2)
    by_x = np.argsort(cx, kind="stable")
    slice_of = np.empty(count, dtype=np.int64)
    slice_of[by_x] = np.arange(count) // per_slice
    return cells[np.lexsort((cy, slice_of))]


def _parents(children: np.ndarray) -> np.ndarray:
    """One cell per group of children: the union of their boxes (ids filled in by the caller).

    Upper levels keep the leaves' order instead of sorting again: consecutive leaves of the STR
    order are neighbours already, and the node numbering stays a plain running index."""
    starts = np.arange(0, len(children), _RTREE_MAX_CELLS)
    parents = np.empty(len(starts), dtype=_RTREE_CELL)
    parents["id"] = 0
    parents["minx"] = np.minimum.reduceat(children["minx"], starts)
    parents["maxx"] = np.maximum.reduceat(children["maxx"], starts)
    parents["miny"] = np.minimum.reduceat(children["miny"], starts)
    parents["maxy"] = np.maximum.reduceat(children["maxy"], starts)
    return parents  # in the children's order: cell k of this level is node k of the level below
