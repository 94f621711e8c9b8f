"""Regular-lattice division of communities into unit grids.

The lattice is anchored to the origin of the working CRS: cell (i, j) covers
[i·s, (i+1)·s) × [j·s, (j+1)·s) for cell size s, so the same community gives the same cells on
every run and neighbouring communities share lattice lines. Each cell is clipped to its
community (a grid never crosses a community boundary); pieces smaller than the minimum area
are merged into the neighbouring piece of the same community that shares the longest edge
with them, smallest first, until no piece below the minimum has a neighbour left.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from grid_plugin.core.codes import MAX_SEQUENCE
from grid_plugin.core.containers import Container
from grid_plugin.core.errors import GridInputError, Message, message
from grid_plugin.core.numbering import ORDER_ROWS, sequence_order
from grid_plugin.core.progress import Progress

DEFAULT_CELL_SIZE_M = 100.0
DEFAULT_MIN_AREA_FRACTION = 0.3
# Boxes made at once for one community; bounds memory when a huge polygon is one community.
_BOXES_PER_BLOCK = 250_000
# Coordinates within this distance of a lattice line lie on it (GEOS rounds clip points).
_ON_LINE_TOLERANCE_M = 1e-6


@dataclass
class Division:
    """Unit grids of all communities, in the order communities were given."""

    geometries: np.ndarray  # shapely polygons, object dtype
    container_index: np.ndarray  # index into the containers list
    sequence: np.ndarray  # 1-based number within the community
    warnings: list[Message] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.geometries)

    def codes(self, containers: Sequence[Container]) -> list[str]:
        return [
            containers[c].code.grid_code(int(s))
            for c, s in zip(self.container_index, self.sequence)
        ]


def polygon_parts(geometries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Polygons inside each geometry (collections unpacked) and the index they came from."""
    parts, index = shapely.get_parts(geometries, return_index=True)
    while True:
        nested = shapely.get_type_id(parts) == 7  # GeometryCollection
        if not nested.any():
            break
        sub, sub_index = shapely.get_parts(parts[nested], return_index=True)
        parts = np.concatenate([parts[~nested], sub])
        index = np.concatenate([index[~nested], index[nested][sub_index]])
    multi = shapely.get_type_id(parts) == 6  # MultiPolygon
    if multi.any():
        sub, sub_index = shapely.get_parts(parts[multi], return_index=True)
        parts = np.concatenate([parts[~multi], sub])
        index = np.concatenate([index[~multi], index[multi][sub_index]])
    keep = (shapely.get_type_id(parts) == 3) & (shapely.area(parts) > 0)
    return parts[keep], index[keep]


def lattice_pieces(
    geometry: BaseGeometry, cell: float, origin: tuple[float, float] = (0.0, 0.0)
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Lattice cells clipped to the geometry: (pieces, column i, row j) of each piece.

    Cells wholly inside stay boxes; a cell cut into several parts gives one piece per part.
    """
    ox, oy = origin
    xmin, ymin, xmax, ymax = geometry.bounds
    i0, i1 = math.floor((xmin - ox) / cell), math.ceil((xmax - ox) / cell)
    j0, j1 = math.floor((ymin - oy) / cell), math.ceil((ymax - oy) / cell)
    ncols = max(i1 - i0, 1)
    rows_per_block = max(1, _BOXES_PER_BLOCK // ncols)
    shapely.prepare(geometry)
    pieces, cols, rows = [], [], []
    for jb in range(j0, max(j1, j0 + 1), rows_per_block):
        jj, ii = np.meshgrid(
            np.arange(jb, min(jb + rows_per_block, max(j1, j0 + 1))), np.arange(i0, i0 + ncols),
            indexing="ij",
        )
        ii, jj = ii.ravel(), jj.ravel()
        boxes = shapely.box(ox + ii * cell, oy + jj * cell, ox + (ii + 1) * cell, oy + (jj + 1) * cell)
        inside = shapely.contains_properly(geometry, boxes)
        edge = ~inside & shapely.intersects(geometry, boxes)
        parts, part_of = polygon_parts(shapely.intersection(boxes[edge], geometry))
        pieces += [boxes[inside], parts]
        cols += [ii[inside], ii[edge][part_of]]
        rows += [jj[inside], jj[edge][part_of]]
    return np.concatenate(pieces), np.concatenate(cols), np.concatenate(rows)


def _line_intervals(piece: BaseGeometry, axis: int, value: float) -> np.ndarray:
    """Intervals (lo, hi) along the other axis where the piece's boundary runs on a lattice line."""
    out = []
    for ring in shapely.get_rings(piece):
        xy = shapely.get_coordinates(ring)
        a, b = xy[:-1], xy[1:]
        on = (np.abs(a[:, axis] - value) < _ON_LINE_TOLERANCE_M) & (
            np.abs(b[:, axis] - value) < _ON_LINE_TOLERANCE_M
        )
        if on.any():
            other = 1 - axis
            out.append(np.stack([np.minimum(a[on, other], b[on, other]),
                                 np.maximum(a[on, other], b[on, other])], axis=1))
    return np.concatenate(out) if out else np.empty((0, 2))


def _shared_length(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) == 0 or len(b) == 0:
        return 0.0
    lo = np.maximum(a[:, None, 0], b[None, :, 0])
    hi = np.minimum(a[:, None, 1], b[None, :, 1])
    return float(np.clip(hi - lo, 0.0, None).sum())


def _small_piece_neighbours(
    pieces: np.ndarray, cols: np.ndarray, rows: np.ndarray, small: np.ndarray,
    cell: float, origin: tuple[float, float],
) -> dict[int, list[tuple[int, float]]]:
    """For each small piece, the pieces sharing an edge with it and the shared length.

    Only the four edge-neighbour cells can share an edge with a piece, and the shared edge lies
    on the lattice line between the two cells, so lengths are measured on that line exactly.
    """
    ox, oy = origin
    by_cell: dict[tuple[int, int], list[int]] = defaultdict(list)
    wanted = {(int(cols[s]) + di, int(rows[s]) + dj) for s in small
              for di, dj in ((1, 0), (-1, 0), (0, 1), (0, -1))}
    for k, key in enumerate(zip(cols.tolist(), rows.tolist())):
        if key in wanted:
            by_cell[key].append(k)
    neighbours: dict[int, list[tuple[int, float]]] = {}
    for s in small.tolist():
        i, j = int(cols[s]), int(rows[s])
        found = []
        # (neighbour cell offset, axis of the shared line, its coordinate)
        for di, dj, axis, value in (
            (1, 0, 0, ox + (i + 1) * cell), (-1, 0, 0, ox + i * cell),
            (0, 1, 1, oy + (j + 1) * cell), (0, -1, 1, oy + j * cell),
        ):
            candidates = by_cell.get((i + di, j + dj))
            if not candidates:
                continue
            mine = _line_intervals(pieces[s], axis, value)
            for n in candidates:
                length = _shared_length(mine, _line_intervals(pieces[n], axis, value))
                if length > 0:
                    found.append((n, length))
        neighbours[s] = found
    return neighbours


def merge_small_pieces(
    areas: np.ndarray, min_area: float, neighbours: dict[int, list[tuple[int, float]]]
) -> tuple[np.ndarray, int]:
    """Group pieces so that each small one joins the neighbour with the longest shared edge.

    Smallest groups go first; a group that is still small after a merge is considered again.
    Returns the group id (a piece index) of every piece, and how many small groups had no
    neighbour to join (they stay as they are).
    """
    n = len(areas)
    parent = np.arange(n)

    def find(k: int) -> int:
        root = k
        while parent[root] != root:
            root = parent[root]
        while parent[k] != root:
            parent[k], k = root, parent[k]
        return root

    group_area = areas.astype(float).copy()
    members: dict[int, list[int]] = {s: [s] for s in neighbours}
    heap = [(group_area[s], s) for s in neighbours]
    heapq.heapify(heap)
    isolated = 0
    while heap:
        area, g = heapq.heappop(heap)
        if find(g) != g or group_area[g] != area or area >= min_area:
            continue
        shared: dict[int, float] = defaultdict(float)
        for m in members[g]:
            for nb, length in neighbours.get(m, ()):
                t = find(nb)
                if t != g:
                    shared[t] += length
        if not shared:
            isolated += 1
            continue
        # longest shared edge; ties go to the larger neighbour, then the lower index (stable runs)
        target = max(shared, key=lambda t: (round(shared[t], 6), group_area[t], -t))
        parent[g] = target
        group_area[target] += group_area[g]
        members.setdefault(target, [target]).extend(members.pop(g))
        if group_area[target] < min_area:
            heapq.heappush(heap, (group_area[target], target))
    return np.array([find(k) for k in range(n)]), isolated


def divide_container(
    container: Container, cell: float, min_area: float, order: str = ORDER_ROWS,
    origin: tuple[float, float] = (0.0, 0.0),
) -> tuple[np.ndarray, list[Message]]:
    """Unit grids of one community, already in numbering order, and warnings."""
    pieces, cols, rows = lattice_pieces(container.geometry, cell, origin)
    areas = shapely.area(pieces)
    small = np.flatnonzero(areas < min_area)
    warnings = []
    if len(small) and len(pieces) > 1:
        neighbours = _small_piece_neighbours(pieces, cols, rows, small, cell, origin)
        group, isolated = merge_small_pieces(areas, min_area, neighbours)
        roots, inverse = np.unique(group, return_inverse=True)
        grids = pieces[roots].copy()
        merged = np.flatnonzero(np.bincount(inverse) > 1)
        for g in merged:
            grids[g] = shapely.union_all(pieces[inverse == g])
        if isolated:
            warnings.append(message(
                "community {code} (feature {fid}): {count} piece(s) below {min_area:.0f} m² share "
                "no edge with another grid of the community and were kept as grids of their own",
                code=container.code.code12, fid=container.fid, count=isolated, min_area=min_area,
            ))
    else:
        grids = pieces
    centroids = shapely.centroid(grids)
    ordered = grids[sequence_order(shapely.get_x(centroids), shapely.get_y(centroids), cell, order)]
    if len(ordered) > MAX_SEQUENCE:
        raise GridInputError(
            "community {code} (feature {fid}) would get {count} grids, more than the {limit} a "
            "3-digit sequence allows; use a larger cell size or split the community",
            (container.fid,), code=container.code.code12, fid=container.fid, count=len(ordered),
            limit=MAX_SEQUENCE,
        )
    return ordered, warnings


def divide_lattice(
    containers: Sequence[Container],
    cell: float = DEFAULT_CELL_SIZE_M,
    min_area: float | None = None,
    order: str = ORDER_ROWS,
    origin: tuple[float, float] = (0.0, 0.0),
    progress: Progress | None = None,
) -> Division:
    """Divide every community into lattice unit grids numbered west→east, north→south."""
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
    geoms, owner, seqs, warnings = [], [], [], []
    for k, container in enumerate(containers):
        progress.step(k, len(containers))
        grids, notes = divide_container(container, cell, min_area, order, origin)
        geoms.append(grids)
        owner.append(np.full(len(grids), k))
        seqs.append(np.arange(1, len(grids) + 1))
        warnings += notes
    progress.step(len(containers), len(containers))
    if not geoms:
        return Division(np.empty(0, dtype=object), np.empty(0, int), np.empty(0, int), warnings)
    return Division(np.concatenate(geoms), np.concatenate(owner), np.concatenate(seqs), warnings)
