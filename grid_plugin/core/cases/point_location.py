"""Which polygon of a coverage holds each point: exact, for millions of points per second.

Unit grids tile their communities (shared edges, no overlaps), and components and cases are
located in them by the million. Asking GEOS point by point (an STRtree query with prepared
polygons, as `grid_assignment.assign_to_grids` does) costs about a microsecond per point; most
of that is spent on points far from any edge, whose answer a raster already knows.

So `PointLocator` rasterises the polygons once, in numpy:

- every cell that a polygon edge passes through or comes within a tiny margin of is *mixed*;
- every other cell lies wholly inside one polygon or outside all of them, and its label is the
  polygon holding its centre, found by an even-odd scanline fill (holes and multipolygons
  included); a cell covered by two polygons (overlapping input) is treated as mixed.

A point in a labelled cell takes the label with one array lookup. A point in a mixed cell is
asked of GEOS exactly as `assign_to_grids` does (prepared polygons, ``intersects``, so the
boundary belongs to the polygon), and a point on an edge shared by several polygons goes to the
one with the lowest priority. The answers are therefore identical to `assign_to_grids`'s.

Why the lookup is exact: cell coordinates are computed as ``(x - x0) * (1 / cell)`` for polygon
vertices and points alike, with a rounding error far below the margin (`_EPS` cells, more for
coordinates large against the cell) by which edges are widened when marking mixed cells. A point
whose computed cell is labelled is thus within that margin of an edge-free cell and on the same
side of every edge as the cell's centre. Polygons whose coordinates are not finite, and
non-polygonal geometries, are left entirely to GEOS (their bounding box, or the whole raster,
is mixed).
"""

from __future__ import annotations

import numpy as np
import shapely

# The raster's size when the cell size is chosen automatically: a few million cells build in tens
# of milliseconds and leave a few per cent of uniformly spread points to GEOS on district-sized
# coverages of ~100 m grids.
TARGET_CELLS = 4_000_000
# An explicit cell size giving more cells than this is refused (memory: ~12 bytes per cell to build).
MAX_CELLS = 64_000_000
# Margin, in cells, by which edges are widened when marking mixed cells (see the module docstring).
_EPS = 1e-6
_OUTSIDE = -1
_POLYGONAL = (3, 6)  # Polygon, MultiPolygon
# Padding cells around the polygons' bounds: points clamped into the outermost ring are outside.
_PAD = 2


class PointLocator:
    """Locates points in a fixed set of polygons; build once, then `locate` any number of batches.

    `priority` ranks the polygons for points on a boundary shared by several (lower first; equal
    ranks: lower index); by default their index order. `cell_size` (in coordinate units) sets the
    raster's resolution; by default the polygons' bounding box is cut into about `TARGET_CELLS`.
    """

    def __init__(self, polygons: np.ndarray, priority: np.ndarray | None = None, cell_size: float | None = None):
        polygons = np.asarray(polygons, dtype=object).ravel()
        n = len(polygons)
        rank = np.arange(n) if priority is None else np.asarray(priority).ravel()
        if len(rank) != n:
            raise ValueError(f"priority has {len(rank)} values for {n} polygons")
        if cell_size is not None and not (np.isfinite(cell_size) and cell_size > 0):
            raise ValueError(f"cell_size must be a positive number, not {cell_size!r}")
        self._polygons = polygons
        self._rank = rank
        self.exact_tests = 0  # points of the last `locate` call answered by GEOS (diagnostics)
        self._tree: shapely.STRtree | None = None
        present = np.zeros(n, dtype=bool)
        if n:
            present = ~shapely.is_missing(polygons) & ~shapely.is_empty(polygons)
        self._empty = not present.any()
        # raster frame; replaced in _build
        self.cell_size = 1.0
        self._x0 = self._y0 = 0.0
        self._inv = 1.0
        self._nx = self._ny = 1
        # raster values: a polygon index, _OUTSIDE, or n for mixed cells; int16 when n allows (half
        # the memory traffic of the random lookups)
        self._mixed = n
        self._dtype = np.int16 if n < np.iinfo(np.int16).max else np.int32
        self._raster = np.full(1, _OUTSIDE, dtype=self._dtype)
        if not self._empty:
            self._tree = shapely.STRtree(polygons)
            shapely.prepare(polygons[present])
            self._build(polygons, present, cell_size)

    @property
    def shape(self) -> tuple[int, int]:
        """Rows and columns of the raster (diagnostics)."""
        return self._ny, self._nx

    def locate(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Index of the polygon holding each point (boundary included), -1 in none or for NaN.

        Everything is whole-array numpy except the GEOS query for the points in mixed cells.
        """
        x = np.asarray(x, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        if x.shape != y.shape:
            raise ValueError(f"x and y differ in shape: {x.shape} and {y.shape}")
        shape = x.shape
        x, y = x.ravel(), y.ravel()
        self.exact_tests = 0
        if self._empty or len(x) == 0:
            return np.full(shape, -1, dtype=np.int64)
        column = self._cells(x, self._x0, self._nx)
        row = self._cells(y, self._y0, self._ny)
        row *= self._nx
        row += column
        label = self._raster[row]
        result = label.astype(np.int64)
        mixed = np.flatnonzero(label == self._mixed)
        if len(mixed):
            self.exact_tests = len(mixed)
            result[mixed] = self._exact(x[mixed], y[mixed])
        return result.reshape(shape)

    def _cells(self, values: np.ndarray, origin: float, count: int) -> np.ndarray:
        """Cell index along one axis, clamped into the raster: NaN, ±inf and far points land in
        the padding, which is outside every polygon and never mixed."""
        u = np.subtract(values, origin)
        u *= self._inv
        np.fmax(u, 0.0, out=u)  # fmax turns NaN into 0
        np.fmin(u, count - 1, out=u)
        return u.astype(np.intp)

    def _exact(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """GEOS's answer for these points, as `assign_to_grids` computes it."""
        assert self._tree is not None
        out = np.full(len(x), -1, dtype=np.int64)
        local, grid = self._tree.query(shapely.points(x, y), predicate="intersects")
        if len(local):
            order = np.lexsort((grid, self._rank[grid], local))
            local, grid = local[order], grid[order]
            first = np.r_[True, local[1:] != local[:-1]]
            out[local[first]] = grid[first]
        return out

    def _build(self, polygons: np.ndarray, present: np.ndarray, cell_size: float | None) -> None:
        """Choose the frame, fill the labels by scanline, then mark the mixed cells."""
        types = shapely.get_type_id(polygons)
        bounds = shapely.bounds(polygons[present])
        finite = np.isfinite(bounds).all(axis=1)
        everything_exact = not finite.all()
        if finite.any():
            xmin, ymin = bounds[finite, 0].min(), bounds[finite, 1].min()
            xmax, ymax = bounds[finite, 2].max(), bounds[finite, 3].max()
        else:
            xmin = ymin = xmax = ymax = 0.0
        width, height = xmax - xmin, ymax - ymin
        largest = max(abs(xmin), abs(xmax), abs(ymin), abs(ymax))
        if cell_size is None:
            # a few million cells, at most 65,536 along the long side (thin extents), and not
            # below what the coordinates resolve; a single point-like extent gets any size
            cell_size = max(float(np.sqrt(width * height / TARGET_CELLS)), max(width, height) / 65536, 1e-9 * largest)
            cell_size = cell_size or 1.0
        cell_size = float(cell_size)
        nx = int(np.floor(width / cell_size + _EPS)) + 2 * _PAD + 1
        ny = int(np.floor(height / cell_size + _EPS)) + 2 * _PAD + 1
        if nx * ny > MAX_CELLS:
            raise ValueError(f"cell_size {cell_size} gives {nx} × {ny} cells, more than {MAX_CELLS}")
        self.cell_size = cell_size
        self._x0 = float(xmin - _PAD * cell_size)
        self._y0 = float(ymin - _PAD * cell_size)
        self._inv = 1.0 / self.cell_size
        self._nx, self._ny = nx, ny
        # rounding of (x - x0) * inv, in cells, for the largest coordinates: the margin must dwarf it
        largest = max(largest, abs(self._x0), abs(self._y0))
        eps = _EPS + 64 * (float(np.spacing(largest)) * self._inv + float(np.spacing(float(max(nx, ny)))))
        index = np.flatnonzero(present)
        polygonal = index[np.isin(types[index], _POLYGONAL)]
        u, v, owner = self._edges(polygonal)
        # non-finite coordinates, or cells too small for the coordinates' precision: all to GEOS
        if everything_exact or eps > 0.5 or not (np.isfinite(u).all() and np.isfinite(v).all()):
            self._raster = np.full(nx * ny, self._mixed, dtype=self._dtype)
            return
        self._raster = self._fill(u, v, owner, len(polygons))
        self._mark_mixed(u, v, eps)
        other = index[~np.isin(types[index], _POLYGONAL)]
        if len(other):
            self._mark_boxes(shapely.bounds(polygons[other]), eps)

    def _edges(self, polygonal: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every ring edge in cell coordinates, as (u, v) of shape (edges, 2), with its polygon."""
        parts, part_owner = shapely.get_parts(self._polygons[polygonal], return_index=True)
        rings, ring_part = shapely.get_rings(parts, return_index=True)
        coords, coord_ring = shapely.get_coordinates(rings, return_index=True)
        cu = (coords[:, 0] - self._x0) * self._inv
        cv = (coords[:, 1] - self._y0) * self._inv
        start = np.flatnonzero(coord_ring[1:] == coord_ring[:-1])
        u = np.stack((cu[start], cu[start + 1]), axis=1)
        v = np.stack((cv[start], cv[start + 1]), axis=1)
        owner = polygonal[part_owner[ring_part[coord_ring[start]]]]
        return u, v, owner

    def _fill(self, u: np.ndarray, v: np.ndarray, owner: np.ndarray, n: int) -> np.ndarray:
        """Label of the polygon holding each cell centre (even-odd rule over all its rings), -1 for
        none, mixed where several do.

        Each edge is oriented upwards so that an edge shared by two polygons gives both the same
        crossing. A row centre r + 0.5 crosses the edges with ceil(v_low - 0.5) <= r <
        ceil(v_high - 0.5): a per-vertex threshold, so every closed ring crosses each row an even
        number of times and the sorted crossings of one polygon in one row pair up into spans.
        Spans are summed into a difference array as K + label + 1 (K > n), so after a cumulative
        sum along rows one cell value tells both how many polygons cover the cell and which.
        """
        nx, ny = self._nx, self._ny
        up = v[:, 0] <= v[:, 1]
        u0 = np.where(up, u[:, 0], u[:, 1])
        u1 = np.where(up, u[:, 1], u[:, 0])
        v0 = np.where(up, v[:, 0], v[:, 1])
        v1 = np.where(up, v[:, 1], v[:, 0])
        first = np.ceil(v0 - 0.5).astype(np.int64)
        count = np.ceil(v1 - 0.5).astype(np.int64) - first
        crossing = count > 0
        u0, u1, v0, v1 = u0[crossing], u1[crossing], v0[crossing], v1[crossing]
        first, count, owner = first[crossing], count[crossing], owner[crossing]
        slope = (u1 - u0) / (v1 - v0)
        edge = np.repeat(np.arange(len(count)), count)
        offsets = np.cumsum(count) - count
        row = np.arange(len(edge)) - np.repeat(offsets - first, count)
        at = u0[edge] + (row + 0.5 - v0[edge]) * slope[edge]
        group = owner[edge] * ny + row
        order = np.lexsort((at, group))
        at, group, row = at[order], group[order], row[order]
        if len(group) % 2 or np.any(group[0::2] != group[1::2]):  # pragma: no cover - a ring was not closed
            raise ValueError("a polygon ring does not close")
        start = np.ceil(np.clip(at[0::2], 0.0, nx) - 0.5).astype(np.int64)
        end = np.ceil(np.clip(at[1::2], 0.0, nx) - 0.5).astype(np.int64)
        spans = end > start
        start, end, row = start[spans], end[spans], row[0::2][spans]
        key = float(n + 1)
        weight = key + (group[0::2][spans] // ny) + 1.0
        # one flat cumulative sum: a span ending at a row's last column closes at the next row's first
        row *= nx
        value = np.bincount(
            np.concatenate((row + start, row + end)),
            weights=np.concatenate((weight, -weight)),
            minlength=ny * nx + 1,
        ).astype(np.float64, copy=False)  # bincount gives integers when there are no spans
        np.cumsum(value, out=value)
        # one polygon: its label; none: -(key + 1), clipped to -1; several: > n, clipped to n (mixed)
        np.subtract(value, key + 1.0, out=value)
        np.clip(value, _OUTSIDE, n, out=value)
        return value[:-1].astype(self._dtype)

    def _mark_mixed(self, u: np.ndarray, v: np.ndarray, eps: float) -> None:
        """Mark every cell within `eps` of an edge: per edge, the rows it spans, and in each row the
        columns between the edge's x at the row's (clamped) bottom and top."""
        nx = self._nx
        umin, umax = u.min(axis=1), u.max(axis=1)
        vmin, vmax = v.min(axis=1), v.max(axis=1)
        first = np.floor(vmin - eps).astype(np.int64)
        count = np.floor(vmax + eps).astype(np.int64) - first + 1
        edge = np.repeat(np.arange(len(count)), count)
        offsets = np.cumsum(count) - count
        row = np.arange(len(edge)) - np.repeat(offsets - first, count)
        du = u[:, 1] - u[:, 0]
        dv = v[:, 1] - v[:, 0]
        flat = dv == 0.0
        slope = np.where(flat, 0.0, du / np.where(flat, 1.0, dv))
        e_u0, e_v0, e_slope = u[edge, 0], v[edge, 0], slope[edge]
        e_umin, e_umax = umin[edge], umax[edge]
        low = np.maximum(row, vmin[edge])
        high = np.minimum(row + 1.0, vmax[edge])
        at_low = np.clip(e_u0 + (low - e_v0) * e_slope, e_umin, e_umax)
        at_high = np.clip(e_u0 + (high - e_v0) * e_slope, e_umin, e_umax)
        e_flat = flat[edge]
        left = np.where(e_flat, e_umin, np.minimum(at_low, at_high))
        right = np.where(e_flat, e_umax, np.maximum(at_low, at_high))
        c0 = np.floor(left - eps).astype(np.int64)
        ncols = np.floor(right + eps).astype(np.int64) - c0 + 1
        cell_start = row * nx + c0
        cell_offsets = np.cumsum(ncols) - ncols
        cells = np.arange(int(ncols.sum())) + np.repeat(cell_start - cell_offsets, ncols)
        self._raster[cells] = self._mixed

    def _mark_boxes(self, boxes: np.ndarray, eps: float) -> None:
        """Mix the cells of these bounding boxes (geometries left to GEOS); all if not finite."""
        if not np.isfinite(boxes).all():
            self._raster[:] = self._mixed
            return
        raster = self._raster.reshape(self._ny, self._nx)
        for xmin, ymin, xmax, ymax in boxes:
            c0, c1 = (int(np.floor((c - self._x0) * self._inv + s)) for c, s in ((xmin, -eps), (xmax, eps)))
            r0, r1 = (int(np.floor((c - self._y0) * self._inv + s)) for c, s in ((ymin, -eps), (ymax, eps)))
            raster[r0:r1 + 1, c0:c1 + 1] = self._mixed
