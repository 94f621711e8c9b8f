"""Bulk loading of a GeoPackage's R-tree (the spatial index of the R-tree extension), shared by the
store (store/gpkg.py) and the feature-file writer (io/feature_files.py)."""

from __future__ import annotations

import contextlib
import sqlite3
import tempfile
from collections.abc import Iterator

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


# ---- points, a chunk at a time ---------------------------------------------------------------------------
_BLOCK = 1 << 19  # points read back at a time
_BINS = 1 << 20  # histogram bins over x, for cutting the vertical slices
_GROUPS = 32  # files the points are sorted into, by slice, before each slice is packed


class PointBoxes:
    """Points gathered for `bulk_load_points` in a temporary file, 9 bytes each: x and y as the float32 at or
    below them, and whether each was rounded (then its box reaches the next float32 up), which is the box
    SQLite stores. New points come first, in id order from `first_new` on, one by one; then those `add_held`
    gives with their ids (ascending, all below first_new; these ids are held in memory)."""

    RECORD = np.dtype([("x", "<f4"), ("y", "<f4"), ("rounded", "u1")])  # rounded: bit 0 x, bit 1 y

    def __init__(self, first_new: int = 1, folder: str | None = None):
        self.size = 0
        self.first_new = first_new
        self.new = 0  # points with ids first_new, first_new + 1, ...
        self.held = np.empty(0, dtype=np.int64)  # the ids of the points after them
        # closed by close(), or dropped with the object
        self._file = tempfile.TemporaryFile(prefix="grid_plugin_rtree_", dir=folder)  # noqa: SIM115

    def __len__(self) -> int:
        return self.size

    def add(self, x: np.ndarray, y: np.ndarray) -> None:
        """New points, after those added before (and before any held one)."""
        if len(self.held):
            raise ValueError("new points come before the held ones")
        self._append(x, y)
        self.new = self.size

    def add_held(self, ids: np.ndarray, x: np.ndarray, y: np.ndarray) -> None:
        self._append(x, y)
        self.held = np.concatenate([self.held, np.asarray(ids, dtype=np.int64)])

    def _append(self, x: np.ndarray, y: np.ndarray) -> None:
        records = np.empty(len(x), dtype=self.RECORD)
        records["x"], rounded_x = _below(x)
        records["y"], rounded_y = _below(y)
        records["rounded"] = rounded_x | (rounded_y << 1)
        self._file.seek(0, 2)
        self._file.write(records.tobytes())
        self.size += len(x)

    def blocks(self, size: int = _BLOCK) -> Iterator[tuple[int, np.ndarray]]:
        """(index of the first, records) of consecutive blocks of the points."""
        self._file.seek(0)
        start = 0
        while data := self._file.read(size * self.RECORD.itemsize):
            records = np.frombuffer(data, dtype=self.RECORD)
            yield start, records
            start += len(records)

    def ids(self, index: np.ndarray) -> np.ndarray:
        index = np.asarray(index, dtype=np.int64)
        ids = self.first_new + index
        held = index >= self.new
        if held.any():
            ids[held] = self.held[index[held] - self.new]
        return ids

    def close(self) -> None:
        self._file.close()


def _below(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the float32 at or below each value, 1 where that rounded it)."""
    low = _outwards(values, -1)
    return low, (low.astype(np.float64) != np.asarray(values, dtype=np.float64)).astype(np.uint8)


def _up(low: np.ndarray, rounded: np.ndarray) -> np.ndarray:
    return np.where(rounded != 0, np.nextafter(low, np.float32(np.inf)), low)


def _cells(ids: np.ndarray, records: np.ndarray) -> np.ndarray:
    cells = np.empty(len(ids), dtype=_RTREE_CELL)
    cells["id"] = ids
    x, y, rounded = records["x"], records["y"], records["rounded"]
    cells["minx"], cells["maxx"] = x, _up(x, rounded & 1)
    cells["miny"], cells["maxy"] = y, _up(y, rounded & 2)
    return cells


_ROUTED = np.dtype([("index", "<u4"), ("slice", "<u4"), ("x", "<f4"), ("y", "<f4"), ("rounded", "u1")])


def bulk_load_points(conn: sqlite3.Connection, name: str, points: PointBoxes) -> None:
    """Replace the content of SQLite R-tree `name` with the points, packed Sort-Tile-Recursive as
    bulk_load_rtree packs boxes, in bounded memory: the vertical slices are cut at x values found from a
    histogram (points with the same x stay in one slice), the points are sorted into a few files by slice,
    and each slice is read, sorted by y and packed alone. Besides the file of the points (9 bytes each) and
    of the sorted ones (17), memory holds the leaf of each point (4 bytes; 10 M points: 40 MB)."""
    count = len(points)
    node, rowid, parent = (q(f"{name}_{part}") for part in ("node", "rowid", "parent"))
    node_size = conn.execute(f"SELECT length(data) FROM {node} WHERE nodeno = 1").fetchone()[0]
    for table in (node, rowid, parent):
        conn.execute(f"DELETE FROM {table}")
    if count == 0:
        conn.execute(f"INSERT INTO {node} VALUES (1, ?)", (bytes(node_size),))
        points.close()
        return
    lo, hi = np.inf, -np.inf
    for _, records in points.blocks():
        lo, hi = min(lo, float(records["x"].min())), max(hi, float(records["x"].max()))
    scale = (_BINS - 1) / (hi - lo) if hi > lo else 0.0

    def bins(x: np.ndarray) -> np.ndarray:
        return np.clip(((x.astype(np.float64) - lo) * scale).astype(np.int64), 0, _BINS - 1)

    histogram = np.zeros(_BINS, dtype=np.int64)
    for _, records in points.blocks():
        histogram += np.bincount(bins(records["x"]), minlength=_BINS)
    per_slice = max(1, int(np.ceil(np.sqrt(-(-count // _RTREE_MAX_CELLS))))) * _RTREE_MAX_CELLS
    slice_of_bin = (np.cumsum(histogram) - histogram) // per_slice  # by the rank of the bin's first point
    slices = int(slice_of_bin[-1]) + 1
    slice_sizes = np.bincount(slice_of_bin, weights=histogram, minlength=slices).astype(np.int64)
    leaves = int((-(-slice_sizes // _RTREE_MAX_CELLS)).sum())
    del histogram
    sizes = [count, leaves]  # cells per level, leaves' cells first
    while sizes[-1] > _RTREE_MAX_CELLS:
        sizes.append(-(-sizes[-1] // _RTREE_MAX_CELLS))
    if count <= _RTREE_MAX_CELLS:
        sizes = [count]
    depth = len(sizes) - 1
    first_number = {depth: 1}
    for level in range(depth, 0, -1):
        first_number[level - 1] = first_number[level] + -(-sizes[level] // _RTREE_MAX_CELLS)
    leaf_of = np.empty(count, dtype=np.int32)
    leaf_boxes = np.empty(leaves, dtype=_RTREE_CELL)
    with contextlib.ExitStack() as files:
        files.callback(points.close)
        groups = [files.enter_context(tempfile.TemporaryFile(prefix="grid_plugin_rtree_"))
                  for _ in range(min(_GROUPS, slices))]
        for start, records in points.blocks():  # into the group files, by slice
            routed = np.empty(len(records), dtype=_ROUTED)
            routed["index"] = np.arange(start, start + len(records))
            routed["slice"] = slice_of_bin[bins(records["x"])]
            for field_name in ("x", "y", "rounded"):
                routed[field_name] = records[field_name]
            group = routed["slice"].astype(np.int64) * len(groups) // slices
            for g in np.unique(group).tolist():
                groups[g].write(routed[group == g].tobytes())
        del slice_of_bin
        done = 0  # leaves written
        for handle in groups:
            handle.seek(0)
            routed = np.frombuffer(handle.read(), dtype=_ROUTED)
            handle.truncate(0)
            y = routed["y"] / np.float32(2) + _up(routed["y"], routed["rounded"] & 2) / np.float32(2)
            routed = routed[np.lexsort((routed["index"], y, routed["slice"]))]
            bounds = np.flatnonzero(np.diff(routed["slice"].astype(np.int64))) + 1
            for part in np.split(routed, bounds):
                index = part["index"].astype(np.int64)
                cells = _cells(points.ids(index), part)
                rows = []
                for g, (first, stop) in enumerate(_groups(len(cells))):
                    number = first_number[0] + done + g
                    rows.append((number, _node(cells[first:stop], number, depth, node_size)))
                    leaf_of[index[first:stop]] = number
                conn.executemany(f"INSERT INTO {node} VALUES (?, ?)", rows)
                leaf_boxes[done:done + len(rows)] = _parents(cells)
                done += len(rows)
    if depth:
        _write_upper(conn, node, parent, [leaf_boxes], depth, first_number, node_size)
    for first, stop in ((points.new, count), (0, points.new)):  # in id order: the held points, then the new
        for start in range(first, stop, 200_000):
            index = np.arange(start, min(stop, start + 200_000))
            conn.executemany(f"INSERT INTO {rowid} VALUES (?, ?)", zip(points.ids(index).tolist(),
                                                                       leaf_of[index].tolist()))


def _node(cells: np.ndarray, number: int, depth: int, node_size: int) -> bytes:
    blob = bytearray(node_size)
    blob[0:2] = (depth if number == 1 else 0).to_bytes(2, "big")
    blob[2:4] = len(cells).to_bytes(2, "big")
    raw = cells.tobytes()
    blob[4:4 + len(raw)] = raw
    return bytes(blob)


def _write_upper(conn: sqlite3.Connection, node: str, parent: str, levels: list[np.ndarray], depth: int,
                 first_number: dict[int, int], node_size: int) -> None:
    """The inner nodes over the leaves' boxes (levels[0]: one cell per leaf), numbered as bulk_load_rtree
    numbers them."""
    while len(levels[-1]) > _RTREE_MAX_CELLS:
        levels.append(_parents(levels[-1]))
    rows, parents = [], []
    for level in range(depth, 0, -1):
        cells_of_level = levels[level - 1]
        for g, (start, stop) in enumerate(_groups(len(cells_of_level))):
            number = first_number[level] + g
            chunk = cells_of_level[start:stop].copy()
            children = np.arange(first_number[level - 1] + start, first_number[level - 1] + stop)
            chunk["id"] = children
            parents += [(int(c), number) for c in children]
            rows.append((number, _node(chunk, number, depth, node_size)))
    conn.executemany(f"INSERT INTO {node} VALUES (?, ?)", rows)
    conn.executemany(f"INSERT INTO {parent} VALUES (?, ?)", parents)
