"""Noding a coverage on a precision grid and making its grids again from the faces (core.grids.precision).

The boundaries are noded once with GEOS snap-rounding; every face goes back to the grid(s) it lies
in. Where a grid keeps a vertex closer than the precision to a segment, that vertex is put onto the
segment, the linework there noded again and the faces around it polygonized again (locally: the
rest of the arrangement stays). Parts that a pinched neck cut off join a neighbour.
"""

from __future__ import annotations

import numpy as np
import shapely

# Distances between grid points are off by up to this much (m): coordinates up to 4e7 m (a Gauss-Krüger
# zone with its number in front) are rounded to doubles 7.5e-9 m apart. A clearance up to twice this
# below the tolerance is that noise, not a near miss; vertices nearer than the precision less this to
# a segment are put onto it, and two distinct grid points never are.
FLOAT_NOISE_M = 1e-8
# Rounds of putting vertices onto segments within one call of NodedCoverage.clear.
_INSERT_ROUNDS = 8


def clearance_below(geometries: np.ndarray, tolerance: float) -> np.ndarray:
    """True for each geometry with a vertex closer than the tolerance to a segment or vertex of its own
    that it is not on (GEOS's minimum clearance), beyond floating-point noise (2 × FLOAT_NOISE_M)."""
    clearance = shapely.minimum_clearance(geometries)
    return np.isfinite(clearance) & (clearance < tolerance - 2 * FLOAT_NOISE_M)


class NodedCoverage:
    """Grids made again from one snap-rounded noding of their boundaries (core.grids.precision): the noded
    linework, its faces, the grid(s) each face belongs to, and the grids.

    `linework` gives the boundaries to node (the grids with rounded coordinates); `originals` valid
    versions of the same grids (as rounded, or as divided where rounding made one invalid), which
    decide where each face belongs; `group` the community of each grid."""

    def __init__(self, linework: np.ndarray, originals: np.ndarray, precision: float, group: np.ndarray):
        self.originals = originals
        self.precision = precision
        self.group = group
        self.parts = shapely.get_num_geometries(originals)
        self.tree = shapely.STRtree(originals)
        self.edges = shapely.get_parts(shapely.union_all(shapely.boundary(linework), grid_size=precision))
        self.faces = shapely.get_parts(shapely.polygonize(self.edges))
        self.fresh = np.arange(len(self.faces))  # faces made since they were last checked for slivers
        self.face, self.grid = self._owners(self.faces)
        self.grids = np.full(len(originals), None, dtype=object)
        self.pending = np.empty(0, dtype=np.int64)  # grids made again since they were last checked
        self._assemble(np.arange(len(originals)))

    def defects(self) -> np.ndarray:
        """Where a vertex may lie closer than the precision to a segment, since the last call: the grids
        made again with a clearance below it, and new sliver faces (narrower than two precisions on
        average) between two edges that nearly coincide, which snap-rounding leaves apart when their
        vertices are more than half a precision from the other edge."""
        check = self.pending[~shapely.is_missing(self.grids[self.pending])]
        self.pending = np.empty(0, dtype=np.int64)
        faces = self.faces[self.fresh]
        self.fresh = np.empty(0, dtype=np.int64)
        slivers = faces[shapely.area(faces) < self.precision * shapely.length(faces)]
        return np.concatenate([self.grids[check[clearance_below(self.grids[check], self.precision)]], slivers])

    def clearance_bad(self) -> np.ndarray:
        """The grids with a clearance below the precision (for the final count)."""
        kept = np.flatnonzero(~shapely.is_missing(self.grids))
        return kept[clearance_below(self.grids[kept], self.precision)]

    def clear(self, near: np.ndarray) -> None:
        """Vertices near the given geometries closer than the precision to a segment not their own put
        onto that segment (a T-junction, near-coincident edges, a spike or a neck: edges there come to
        coincide or touch); the faces there made again."""
        removed, added = [], []
        edges = self.edges
        reach = self.precision - FLOAT_NOISE_M
        for _ in range(_INSERT_ROUNDS):
            tree = shapely.STRtree(edges)
            local = np.unique(tree.query(near, predicate="dwithin", distance=2 * self.precision)[1])
            bent = _insert_vertices(edges[local], reach)
            if bent is None:
                break
            changed = local[bent[0]]
            context = np.unique(tree.query(bent[1], predicate="dwithin", distance=2 * self.precision)[1])
            replaced = np.union1d(changed, context)
            around = edges[np.setdiff1d(context, changed)]
            renoded = shapely.get_parts(shapely.union_all(np.concatenate([bent[1], around]), grid_size=self.precision))
            renoded = _drop_dangles(renoded, tree, replaced)
            removed.append(edges[replaced])
            added.append(renoded)
            keep = np.ones(len(edges), dtype=bool)
            keep[replaced] = False
            edges = np.concatenate([edges[keep], renoded])
        if not removed:
            return
        self.edges = edges
        self._refaces(np.concatenate(removed + added))

    def join_fragments(self, fragment_m2: float) -> bool:
        """Parts a pinched neck cut off (beyond a grid's own number of parts), below fragment_m2, given
        to the neighbour of the same group sharing the longest edge. True if any was moved."""
        kept = np.flatnonzero(~shapely.is_missing(self.grids))
        split = kept[shapely.get_num_geometries(self.grids[kept]) > self.parts[kept]]
        moves: list[tuple[int, int, np.ndarray]] = []
        for k in split.tolist():
            pieces = shapely.get_parts(self.grids[k])
            order = np.argsort(-shapely.area(pieces), kind="stable")
            for piece in pieces[order[self.parts[k]:]]:
                if piece.area >= fragment_m2:
                    continue
                target = self._best_neighbour(k, piece)
                if target >= 0:
                    moves.append((k, target, piece))
        if not moves:
            return False
        touched = []
        for k, target, piece in moves:
            mine = np.flatnonzero(self.grid == k)
            inside = shapely.within(shapely.point_on_surface(self.faces[self.face[mine]]), piece)
            self.grid[mine[inside]] = target
            touched += [k, target]
        # a face the target already had (where communities overlap) counts once
        _, first = np.unique(np.column_stack([self.face, self.grid]), axis=0, return_index=True)
        first.sort()
        self.face, self.grid = self.face[first], self.grid[first]
        self._assemble(np.unique(touched))
        return True

    def _best_neighbour(self, k: int, piece: shapely.Polygon) -> int:
        """The grid of the same group sharing the longest edge with the piece; -1 if none shares one."""
        near = self.tree.query(piece, predicate="dwithin", distance=2 * self.precision)
        near = near[(near != k) & (self.group[near] == self.group[k])]
        near = near[~shapely.is_missing(self.grids[near])]
        near = near[shapely.intersects(self.grids[near], piece)]
        if len(near) == 0:
            return -1
        shared = shapely.length(shapely.intersection(piece.boundary, shapely.boundary(self.grids[near])))
        return int(near[np.argmax(shared)]) if shared.max() > 0 else -1

    def _refaces(self, changed_edges: np.ndarray) -> None:
        """Faces touching the changed edges polygonized again from the edges around them."""
        face_tree = shapely.STRtree(self.faces)
        affected = np.unique(face_tree.query(changed_edges, predicate="intersects")[1])
        edge_tree = shapely.STRtree(self.edges)
        subset = self.edges[np.unique(edge_tree.query(self.faces[affected], predicate="intersects")[1])]
        fresh = shapely.get_parts(shapely.polygonize(subset))
        stays = np.ones(len(self.faces), dtype=bool)
        stays[affected] = False
        # edges around an unaffected face can enclose it again: that copy is not new
        again = shapely.STRtree(self.faces[stays]).query(shapely.point_on_surface(fresh), predicate="within")[0]
        fresh = np.delete(fresh, np.unique(again))
        self.fresh = np.arange(int(stays.sum()), int(stays.sum()) + len(fresh))
        renumber = np.cumsum(stays) - 1
        old = stays[self.face]
        touched = np.unique(self.grid[~old])
        face, grid = self._owners(fresh)
        self.face = np.concatenate([renumber[self.face[old]], face + int(stays.sum())])
        self.grid = np.concatenate([self.grid[old], grid])
        self.faces = np.concatenate([self.faces[stays], fresh])
        self._assemble(np.union1d(touched, grid))

    def _owners(self, faces: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(face, grid) pairs: the grids each face lies in. A face's interior point decides, unless it lies
        within two precisions of a grid's boundary (a thin face): then the grids holding most of its area."""
        tree, originals, near_m = self.tree, self.originals, 2 * self.precision
        points = shapely.point_on_surface(faces)
        face, grid = tree.query(points, predicate="within")
        close_face, close_grid = tree.query(points, predicate="dwithin", distance=near_m)
        with np.errstate(invalid="ignore"):  # GEOS 3.11 measures NaN to a ring with a repeated vertex
            close = shapely.distance(points[close_face], shapely.boundary(originals[close_grid])) < near_m
        unsure = np.unique(close_face[close])
        if len(unsure) == 0:
            return face, grid
        sure = ~np.isin(face, unsure)
        u_face, u_grid = tree.query(faces[unsure], predicate="intersects")
        pieces = faces[unsure][u_face]
        shared = shapely.area(shapely.intersection(pieces, originals[u_grid], grid_size=self.precision / 1000))
        mostly = shared > 0.5 * shapely.area(pieces)
        return (np.concatenate([face[sure], unsure[u_face[mostly]]]),
                np.concatenate([grid[sure], u_grid[mostly]]))

    def _assemble(self, which: np.ndarray) -> None:
        """The given grids made again as the union of their faces (None: no face left)."""
        self.pending = np.union1d(self.pending, which)
        mine = np.isin(self.grid, which)
        face, grid = self.face[mine], self.grid[mine]
        order = np.lexsort((face, grid))
        face, grid = face[order], grid[order]
        starts = np.searchsorted(grid, which, side="left")
        ends = np.searchsorted(grid, which, side="right")
        for k, start, end in zip(which.tolist(), starts.tolist(), ends.tolist()):
            own = self.faces[face[start:end]]
            self.grids[k] = None if len(own) == 0 else own[0] if len(own) == 1 else shapely.coverage_union_all(own)


def _insert_vertices(lines: np.ndarray, reach: float) -> tuple[np.ndarray, np.ndarray] | None:
    """For the lines with a vertex (of any of them) closer than `reach` to the inside of one of their
    segments: their indices and the lines with those vertices inserted. None when there is none."""
    xy, owner = shapely.get_coordinates(lines, return_index=True)
    start = np.flatnonzero(owner[:-1] == owner[1:])  # segment k: xy[start[k]] -> xy[start[k] + 1]
    if len(start) == 0:
        return None
    a, b = xy[start], xy[start + 1]
    vertices = np.unique(xy, axis=0)
    segments = shapely.linestrings(np.stack([a, b], axis=1))
    v, s = shapely.STRtree(segments).query(shapely.points(vertices), predicate="dwithin", distance=reach)
    ab = b[s] - a[s]
    length2 = np.einsum("ij,ij->i", ab, ab)
    t = np.einsum("ij,ij->i", vertices[v] - a[s], ab) / np.where(length2 > 0, length2, 1.0)
    gap = np.hypot(*(vertices[v] - (a[s] + t[:, None] * ab)).T)
    inside = ((t > 0) & (t < 1) & (gap < reach)
              & (vertices[v] != a[s]).any(axis=1) & (vertices[v] != b[s]).any(axis=1))
    if not inside.any():
        return None
    order = np.lexsort((t[inside], s[inside]))
    v, s = v[inside][order], s[inside][order]
    # every inserted point right after its segment's start, in order along the segment
    position = np.concatenate([np.arange(len(xy)), start[s]])
    rank = np.concatenate([np.zeros(len(xy)), 1.0 + np.arange(len(s))])
    points = np.concatenate([xy, vertices[v]])
    line_of = np.concatenate([owner, owner[start[s]]])
    order = np.lexsort((rank, position))
    touched = np.unique(owner[start[s]])
    pick = order[np.isin(line_of[order], touched)]
    rebuilt = shapely.linestrings(points[pick], indices=np.searchsorted(touched, line_of[pick]))
    return touched, rebuilt


def _drop_dangles(new: np.ndarray, tree: shapely.STRtree, gone: np.ndarray) -> np.ndarray:
    """The new edges without dangling ones (an end no other edge meets), repeatedly: what a collapsed
    spike leaves bounds no face, and its vertices must not pull other edges. The other edges are those
    of `tree` but `gone` (which the new ones replace)."""
    while len(new):
        ends = np.concatenate([shapely.get_coordinates(shapely.get_point(new, 0)),
                               shapely.get_coordinates(shapely.get_point(new, -1))])
        _, inverse, count = np.unique(ends, axis=0, return_inverse=True, return_counts=True)
        degree = count[inverse.reshape(-1)]
        at, edge = tree.query(shapely.points(ends), predicate="intersects")
        degree += np.bincount(at[~np.isin(edge, gone)], minlength=len(ends))
        loose = ((degree[:len(new)] == 1) | (degree[len(new):] == 1)) & ~shapely.is_closed(new)
        if not loose.any():
            return new
        new = new[~loose]
    return new
