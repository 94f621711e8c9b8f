"""Regular-lattice division of communities into unit grids.

The lattice is anchored to the origin of the working CRS: cell (i, j) covers
[i·s, (i+1)·s) × [j·s, (j+1)·s) for cell size s, so the same community gives the same cells on
every run and neighbouring communities share lattice lines. Each cell is clipped to its
community (a grid never crosses a community boundary); pieces smaller than the minimum area
are merged into the neighbouring piece of the same community that shares the longest edge
with them, smallest first, until no piece below the minimum has a neighbour left.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely

from grid_plugin.core.errors import GridInputError, Message, message
from grid_plugin.core.grids.containers import Container
from grid_plugin.core.grids.estimate import GridCounts, lattice_bounds, lattice_fix, refuse_oversized, small_communities
from grid_plugin.core.grids.merging import merge_small_pieces
from grid_plugin.core.grids.numbering import ORDER_ROWS, number_grids
from grid_plugin.core.grids.precision import DEFAULT_PRECISION_M, snap_division
from grid_plugin.core.grids.shapes import POLYGONS, simple_parts
from grid_plugin.core.progress import Progress

DEFAULT_CELL_SIZE_M = 100.0
DEFAULT_MIN_AREA_FRACTION = 0.3
# Candidate cells (boxes) made and tested in one batch: bounds memory on any input size.
_BOXES_PER_BLOCK = 250_000
# Coordinates within this distance of a lattice line lie on it (GEOS rounds clip points).
_ON_LINE_TOLERANCE_M = 1e-6
# Communities near the 999-grid limit are counted exactly before dividing when their bounding
# box holds at most this many cells (beyond, the division counts them).
_COUNTED_CELLS = 2_000_000


@dataclass
class Division:
    """Unit grids of all communities, in the order communities were given."""

    geometries: np.ndarray  # shapely polygons, object dtype
    container_index: np.ndarray  # index into the containers list
    sequence: np.ndarray  # 1-based number within the community
    warnings: list[Message] = field(default_factory=list)
    snapped: int = 0  # grids the precision grid changed (core.grids.precision)
    max_area_change: float = 0.0  # m², the largest area change that made

    def __len__(self) -> int:
        return len(self.geometries)

    def codes(self, containers: Sequence[Container]) -> list[str]:
        return [
            containers[c].code.grid_code(int(s))
            for c, s in zip(self.container_index, self.sequence)
        ]


def _clip_to_cells(geometries: np.ndarray, xmin: np.ndarray, ymin: np.ndarray, cell: float) -> np.ndarray:
    """Each geometry clipped to its cell [xmin, xmin+cell] × [ymin, ymin+cell].

    GEOS's rectangle clipper is several times faster than a general overlay but does not
    promise valid output, so any invalid result is redone with an exact intersection.
    """
    clip = shapely.lib.clip_by_rect
    clipped = np.array([clip(g, x, y, x + cell, y + cell)
                        for g, x, y in zip(geometries, xmin.tolist(), ymin.tolist())], dtype=object)
    invalid = ~shapely.is_valid(clipped)
    if invalid.any():
        redo = shapely.box(xmin[invalid], ymin[invalid], xmin[invalid] + cell, ymin[invalid] + cell)
        clipped[invalid] = shapely.intersection(redo, geometries[invalid])
    return clipped


@dataclass
class Pieces:
    """Lattice cells clipped to their communities: one entry per polygon part."""

    geometry: np.ndarray  # shapely Polygons
    container: np.ndarray  # index of the community
    col: np.ndarray  # lattice column i
    row: np.ndarray  # lattice row j
    whole: np.ndarray  # the whole cell, untouched by the community's boundary


def _cell_ranges(bounds: np.ndarray, cell: float, origin: tuple[float, float]) -> tuple[np.ndarray, ...]:
    """First column, column count, first row and row count of each community's bounding box."""
    ox, oy = origin
    i0 = np.floor((bounds[:, 0] - ox) / cell).astype(np.int64)
    j0 = np.floor((bounds[:, 1] - oy) / cell).astype(np.int64)
    ncols = np.maximum(np.ceil((bounds[:, 2] - ox) / cell).astype(np.int64) - i0, 1)
    nrows = np.maximum(np.ceil((bounds[:, 3] - oy) / cell).astype(np.int64) - j0, 1)
    return i0, ncols, j0, nrows


def _cell_blocks(ncols: np.ndarray, j0: np.ndarray, nrows: np.ndarray) -> list[tuple[int, int, int]]:
    """(community, first row, row count) blocks of at most _BOXES_PER_BLOCK candidate cells."""
    blocks = []
    for k, (cols, first, rows) in enumerate(zip(ncols.tolist(), j0.tolist(), nrows.tolist())):
        step = max(1, _BOXES_PER_BLOCK // cols)
        blocks += [(k, first + r, min(step, rows - r)) for r in range(0, rows, step)]
    return blocks


def lattice_pieces(
    geometries: np.ndarray, cell: float, origin: tuple[float, float] = (0.0, 0.0),
    progress: Progress | None = None,
) -> Pieces:
    """Lattice cells of every community, clipped to it.

    Cells wholly inside stay boxes; a cell cut into several parts gives one piece per part.
    Communities are processed together in batches of about _BOXES_PER_BLOCK candidate cells, so
    thousands of small communities cost a few large vectorised GEOS calls, not many small ones.
    """
    progress = progress or Progress()
    shapely.prepare(geometries)
    i0, ncols, j0, nrows = _cell_ranges(shapely.bounds(geometries), cell, origin)
    blocks = _cell_blocks(ncols, j0, nrows)
    out: list[list[np.ndarray]] = [[], [], [], [], []]
    batch: list[tuple[int, int, int]] = []
    size = 0

    def flush() -> None:
        for part, values in zip(out, _pieces_of_batch(geometries, batch, i0, ncols, cell, origin)):
            part.append(values)

    for b, block in enumerate(blocks):
        cells = int(ncols[block[0]] * block[2])
        if batch and size + cells > _BOXES_PER_BLOCK:
            flush()
            progress.step(b, len(blocks))
            batch, size = [], 0
        batch.append(block)
        size += cells
    if batch:
        flush()
    progress.step(len(blocks), len(blocks))
    if not out[0]:
        none = np.empty(0, dtype=np.int64)
        return Pieces(np.empty(0, dtype=object), none, none, none, np.empty(0, dtype=bool))
    return Pieces(*(np.concatenate(part) for part in out))


def _pieces_of_batch(
    geometries: np.ndarray, batch: list[tuple[int, int, int]], i0: np.ndarray, ncols: np.ndarray,
    cell: float, origin: tuple[float, float],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Pieces, communities, columns, rows and whole-cell flags of the candidate cells of a batch of
    row blocks."""
    ox, oy = origin
    owner = np.array([k for k, _, _ in batch])
    first_row = np.array([r for _, r, _ in batch])
    counts = ncols[owner] * np.array([n for _, _, n in batch])
    container = np.repeat(owner, counts)
    local = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    ii = i0[container] + local % ncols[container]
    jj = np.repeat(first_row, counts) + local // ncols[container]
    x0, y0 = ox + ii * cell, oy + jj * cell
    boxes = shapely.box(x0, y0, x0 + cell, y0 + cell)
    owners = geometries[container]
    inside = shapely.contains_properly(owners, boxes)
    edge = ~inside & shapely.intersects(owners, boxes)
    parts, part_of = simple_parts(_clip_to_cells(owners[edge], x0[edge], y0[edge], cell), POLYGONS)
    return (np.concatenate([boxes[inside], parts]),
            np.concatenate([container[inside], container[edge][part_of]]),
            np.concatenate([ii[inside], ii[edge][part_of]]),
            np.concatenate([jj[inside], jj[edge][part_of]]),
            np.r_[np.ones(int(inside.sum()), dtype=bool), np.zeros(len(parts), dtype=bool)])


def _lattice_line_segments(
    pieces: np.ndarray, cell: float, origin: tuple[float, float]
) -> tuple[np.ndarray, ...]:
    """Boundary segments of the pieces that run along a lattice line.

    Returns (piece, axis, line, lo, hi): axis 0 = vertical line x = line·s, axis 1 = horizontal
    line y = line·s; [lo, hi] is the segment's extent along the line.
    """
    rings, ring_piece = shapely.get_rings(pieces, return_index=True)
    xy, point_ring = shapely.get_coordinates(rings, return_index=True)
    same_ring = point_ring[:-1] == point_ring[1:]
    a, b = xy[:-1][same_ring], xy[1:][same_ring]
    piece = ring_piece[point_ring[:-1][same_ring]]
    out = []
    for axis in (0, 1):
        offset = origin[axis]
        line = np.round((a[:, axis] - offset) / cell)
        on_line = ((np.abs(a[:, axis] - offset - line * cell) < _ON_LINE_TOLERANCE_M)
                   & (np.abs(b[:, axis] - offset - line * cell) < _ON_LINE_TOLERANCE_M))
        along = 1 - axis
        lo = np.minimum(a[on_line, along], b[on_line, along])
        hi = np.maximum(a[on_line, along], b[on_line, along])
        out.append((piece[on_line], np.full(on_line.sum(), axis), line[on_line].astype(np.int64), lo, hi))
    return tuple(np.concatenate(parts) for parts in zip(*out))


def _cell_keys(pieces: Pieces) -> Callable[..., np.ndarray]:
    """A function giving one integer per (community, column + di, row + dj) of the given pieces
    (all of them, or those at `index`), for np.isin in place of sets of tuples."""
    col0, row0 = int(pieces.col.min()) - 1, int(pieces.row.min()) - 1
    cols = int(pieces.col.max()) - col0 + 2
    rows = int(pieces.row.max()) - row0 + 2
    if (int(pieces.container.max()) + 1) * cols * rows >= 2 ** 62:
        raise ValueError("lattice too large for 64-bit cell keys")  # 10⁹ communities × 10⁵ × 10⁵ cells

    def key(container: np.ndarray, index: np.ndarray | None = None, di: int = 0, dj: int = 0) -> np.ndarray:
        col = pieces.col if index is None else pieces.col[index]
        row = pieces.row if index is None else pieces.row[index]
        return (container * cols + (col + di - col0)) * rows + (row + dj - row0)

    return key


def small_piece_neighbours(
    pieces: Pieces, small: np.ndarray, cell: float, origin: tuple[float, float],
) -> dict[int, list[tuple[int, float, int]]]:
    """For each small piece, the pieces of its community sharing an edge with it, and the length.

    Two pieces can share an edge only across the lattice line between their cells, so the shared
    length is the overlap of their boundary segments on that line: the piece west (south) of the
    line meets the piece east (north) of it in the same row (column) and community. Only pieces
    in or next to a small piece's cell are looked at.
    """
    if len(small) == 0:
        return {}
    near = np.zeros(len(pieces.geometry), dtype=bool)
    near[small] = True
    cell_key = _cell_keys(pieces)
    for di, dj in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        near |= np.isin(cell_key(pieces.container), cell_key(pieces.container[small], small, di, dj))
    candidates = np.flatnonzero(near)
    local, axis, line, lo, hi = _lattice_line_segments(pieces.geometry[candidates], cell, origin)
    piece = candidates[local]
    across = np.where(axis == 0, pieces.col[piece], pieces.row[piece])  # the piece's cell across the line
    along = np.where(axis == 0, pieces.row[piece], pieces.col[piece])  # its row (column) along the line
    before, after = across == line - 1, across == line  # west/south of the line, east/north of it
    # segments on the same line, in the same row/column and community form a group; pair every
    # "before" segment of a group with every "after" one
    order = np.lexsort((along, line, axis, pieces.container[piece]))
    keys = np.stack([pieces.container[piece], axis, line, along])[:, order]
    group = np.empty(len(piece), dtype=np.int64)
    group[order] = np.cumsum(np.r_[True, (keys[:, 1:] != keys[:, :-1]).any(axis=0)]) - 1
    b_idx, a_idx = np.flatnonzero(before), np.flatnonzero(after)
    a_idx = a_idx[np.argsort(group[a_idx], kind="stable")]
    start = np.searchsorted(group[a_idx], group[b_idx], side="left")
    counts = np.searchsorted(group[a_idx], group[b_idx], side="right") - start
    left = np.repeat(b_idx, counts)
    right = a_idx[np.repeat(start, counts) + np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)]
    length = np.clip(np.minimum(hi[left], hi[right]) - np.maximum(lo[left], lo[right]), 0.0, None)
    touching = length > 0
    p, q, length = piece[left][touching], piece[right][touching], length[touching]
    is_small = np.zeros(len(pieces.geometry), dtype=bool)
    is_small[small] = True
    neighbours: dict[int, dict[int, float]] = {int(s): {} for s in small}
    for u, v, d in zip(p.tolist(), q.tolist(), length.tolist()):
        if is_small[u]:
            neighbours[u][v] = neighbours[u].get(v, 0.0) + d
        if is_small[v]:
            neighbours[v][u] = neighbours[v].get(u, 0.0) + d
    # (neighbour, shared length, crossing rank): lattice lines are all alike, rank 0
    return {s: [(n, length, 0) for n, length in sorted(found.items())] for s, found in neighbours.items()}


def _merge_lattice_pieces(
    pieces: Pieces, areas: np.ndarray, small: np.ndarray, min_area: float, cell: float,
    origin: tuple[float, float],
) -> tuple[np.ndarray, list[int]]:
    """merge_small_pieces on lattice pieces; equal candidates go to the one further north, then
    west (then by centroid), so the result never depends on the order pieces were made in."""

    def northwest_first(piece: int) -> tuple[float, ...]:
        centre = pieces.geometry[piece].centroid
        return (pieces.row[piece], -pieces.col[piece], centre.y, -centre.x)

    neighbours = small_piece_neighbours(pieces, small, cell, origin)
    return merge_small_pieces(areas, min_area, neighbours, northwest_first)


def lattice_grid_counts(
    geometries: np.ndarray, cell: float, min_area: float, origin: tuple[float, float] = (0.0, 0.0),
    progress: Progress | None = None,
) -> np.ndarray:
    """The number of grids of each geometry: its lattice pieces grouped as divide_lattice groups
    them, without uniting them."""
    pieces = lattice_pieces(geometries, cell, origin, progress)
    areas = shapely.area(pieces.geometry)
    group, _ = _merge_lattice_pieces(pieces, areas, np.flatnonzero(areas < min_area), min_area, cell, origin)
    return np.bincount(pieces.container[np.unique(group)], minlength=len(geometries))


def _check_limit(
    containers: Sequence[Container], geometries: np.ndarray, cell: float, min_area: float,
    origin: tuple[float, float], progress: Progress, counts: np.ndarray | None = None,
) -> None:
    """Refuse every community of more than 999 grids at once: before dividing from the bounds,
    counting those they leave open (if cheap), or with the counts after dividing."""
    if counts is not None:
        bounds = GridCounts(counts, counts.astype(float))
    else:
        bounds = lattice_bounds(geometries, cell, min_area, origin)
        undecided = bounds.open()
        _, ncols, _, nrows = _cell_ranges(shapely.bounds(geometries[undecided]), cell, origin)
        cheap = undecided[ncols * nrows <= _COUNTED_CELLS]
        if len(cheap):
            bounds.set_exact(cheap, lattice_grid_counts(geometries[cheap], cell, min_area, origin,
                                                        Progress(is_cancelled=progress.is_cancelled)))
    refuse_oversized(containers, bounds, lambda over: lattice_fix(geometries[over], cell, origin))


def _union_groups(
    geometries: np.ndarray, group: np.ndarray, rows: np.ndarray, cols: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """One geometry per group (the union of its members) and the group ids, in id order.

    Members are united in lattice order (north to south, west to east), so the vertex order of
    the result does not depend on the order the pieces were made in.
    """
    roots, inverse, sizes = np.unique(group, return_inverse=True, return_counts=True)
    members = np.lexsort((np.arange(len(group)), cols, -rows, inverse))
    first = np.cumsum(sizes) - sizes
    out = geometries[roots].copy()
    pairs = np.flatnonzero(sizes == 2)
    if len(pairs):
        out[pairs] = shapely.union(geometries[members[first[pairs]]], geometries[members[first[pairs] + 1]])
    for g in np.flatnonzero(sizes > 2):
        out[g] = shapely.union_all(geometries[members[first[g]:first[g] + sizes[g]]])
    return out, roots


def divide_lattice(
    containers: Sequence[Container],
    cell: float = DEFAULT_CELL_SIZE_M,
    min_area: float | None = None,
    order: str = ORDER_ROWS,
    origin: tuple[float, float] = (0.0, 0.0),
    progress: Progress | None = None,
    precision: float = DEFAULT_PRECISION_M,
) -> Division:
    """Divide every community into lattice unit grids numbered west→east, north→south, on a grid of
    `precision` metres (core.grids.precision: valid in every CRS they are written to)."""
    if not cell > 0:
        raise GridInputError("cell size must be positive, got {cell}", cell=cell)
    if min_area is None:
        min_area = DEFAULT_MIN_AREA_FRACTION * cell * cell
    if min_area < 0 or min_area > cell * cell:
        raise GridInputError(
            "minimum area {min_area} m² must lie between 0 and the cell area {cell_area:.0f} m²",
            min_area=min_area, cell_area=cell * cell,
        )
    progress = progress or Progress()
    if not containers:
        return Division(np.empty(0, dtype=object), np.empty(0, np.int64), np.empty(0, np.int64))
    geometries = np.array([c.geometry for c in containers], dtype=object)
    _check_limit(containers, geometries, cell, min_area, origin, progress)
    pieces = lattice_pieces(geometries, cell, origin, Progress(
        lambda pct: progress.report(0.7 * pct), progress.is_cancelled))
    areas = shapely.area(pieces.geometry)
    small = np.flatnonzero(areas < min_area)
    progress.step(75, 100)
    group, isolated = _merge_lattice_pieces(pieces, areas, small, min_area, cell, origin)
    progress.step(85, 100)
    grids, roots = _union_groups(pieces.geometry, group, pieces.row, pieces.col)
    owner, isolated_owner = pieces.container[roots], pieces.container[isolated]
    # a whole cell that nothing joined has its centre as centroid: GEOS is asked only for the rest
    cx = origin[0] + (pieces.col[roots] + 0.5) * cell
    cy = origin[1] + (pieces.row[roots] + 0.5) * cell
    whole = pieces.whole[roots] & (np.bincount(group, minlength=len(group))[roots] == 1)
    del pieces, roots  # frees the pieces merged away before the grids are snapped and sorted
    snap, keep, snap_warnings = snap_division(grids, owner, containers, precision, in_place=True)
    grids, owner, cx, cy, whole = snap.geometries[keep], owner[keep], cx[keep], cy[keep], whole[keep]
    snapped, max_area_change = snap.changed, snap.max_area_change
    del snap
    shaped = np.flatnonzero(~whole)
    centroids = shapely.centroid(grids[shaped])
    cx[shaped], cy[shaped] = shapely.get_x(centroids), shapely.get_y(centroids)
    del centroids
    ranked, counts, sequence = number_grids(owner, cx, cy, cell, len(containers), order)
    grids, owner = grids[ranked], owner[ranked]
    _check_limit(containers, geometries, cell, min_area, origin, progress, counts)
    warnings = small_communities(containers, min_area) + snap_warnings
    # a piece with no neighbour is news only in a community that has other grids too
    lonely = np.bincount(isolated_owner, minlength=len(containers))
    lonely[counts <= 1] = 0
    for k in np.flatnonzero(lonely):
        c = containers[k]
        warnings.append(message(
            "community {code} (feature {fid}): {count} piece(s) below {min_area:.0f} m² share "
            "no edge with another grid of the community and were kept as grids of their own",
            code=c.code.code12, fid=c.fid, count=int(lonely[k]), min_area=min_area,
        ))
    progress.step(100, 100)
    return Division(grids, owner, sequence, warnings, snapped, max_area_change)
