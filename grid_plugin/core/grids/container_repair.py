"""Overlaps and gaps between communities up to a tolerance, repaired so that the communities tile.

Neighbouring communities whose shared boundary was digitised twice overlap in thin slivers and leave
thin gaps between them. Every such piece up to the tolerance (m², one per piece) is given to one
community:

- an overlap piece is taken from all the communities over it and left to the one of them sharing the
  longest edge with the rest of it (a community that would lose most of its area to overlaps, such
  as a small one lying inside another, keeps its own pieces; the smallest first);
- a gap (an area the communities enclose that none covers) goes to the community around it sharing
  the longest edge with it.

Ties (shared edges within 0.1 mm) go to the lowest feature id. The work runs on one snap-rounded
noding (1 µm) of all the boundaries in feature id order, so the result does not depend on the order
of the features and the communities share identical edges afterwards. Each piece is one warning
naming the features, its area and place. An overlap piece above the tolerance is an error naming the
tolerance that would accept it; a gap above it a warning (no grid will cover it).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from grid_plugin.core.errors import GridInputError, Message, message
from grid_plugin.core.grids.shapes import POLYGONS, simple_parts

# Shared edges of neighbouring communities digitised twice rarely agree: a 1 km edge drawn twice
# 1 cm apart leaves 10 m² between the two lines, in slivers. Pieces up to this many m² are such
# noise and are repaired; a larger overlap is real and must be fixed in the input.
DEFAULT_OVERLAP_TOLERANCE_M2 = 10.0
MAX_LISTED = 20
# The noding grid (m): far below any area that matters, far above the rounding of coordinates.
_GRID_M = 1e-6
# Faces narrower than this on average (2 × area / perimeter) are rounding between edges that nearly
# coincide, not ground: they join a neighbour without a warning.
_CRUMB_WIDTH_M = 1e-5
# Shared edges differing by less than this are a tie (m).
_SAME_LENGTH_M = 1e-4

_EDGE = "edge"
_KEEPS = "keeps"


def listing(items: Sequence[str]) -> str:
    """At most MAX_LISTED items, then how many more (a count, language-neutral)."""
    shown = ", ".join(items[:MAX_LISTED])
    more = len(items) - MAX_LISTED
    return shown + (f", … (+{more})" if more > 0 else "")


def _m2(area: float) -> str:
    """An area for a message: 0.1 m² steps, significant digits below 0.1 m²."""
    return f"{area:.1f}" if area >= 0.1 else f"{area:.2g}"


def _crumbs(polygons: np.ndarray) -> np.ndarray:
    return 2.0 * shapely.area(polygons) < _CRUMB_WIDTH_M * shapely.length(polygons)


@dataclass(frozen=True)
class _Repair:
    area: float
    point: tuple[float, float]
    around: tuple[int, ...]  # indices of the communities over (overlap) or around (gap) the piece
    winner: int
    overlap: bool
    reason: str


def repair_tiling(
    geometries: Sequence[BaseGeometry], fids: Sequence[int], labels: Sequence[str],
    tolerance_m2: float = DEFAULT_OVERLAP_TOLERANCE_M2,
) -> tuple[list[BaseGeometry], list[Message]]:
    """The communities with their overlaps and gaps up to the tolerance repaired, and the warnings.

    `geometries` are valid polygonal geometries, `labels` name the features in messages (code and
    name). Raises GridInputError naming the features when communities overlap by more than the
    tolerance, or when a community lies wholly inside others and nothing of it would be left.
    """
    if len(geometries) < 2:
        return list(geometries), []
    order = np.argsort(np.asarray(fids), kind="stable")  # feature id order: independent of the layer's
    geoms = np.empty(len(order), dtype=object)
    geoms[:] = [geometries[k] for k in order]
    fid = [int(fids[k]) for k in order]
    name = [f"#{fid[k]} {labels[order[k]]}".strip() for k in range(len(order))]
    repairable, big_gaps = _survey(geoms, tolerance_m2)
    if not repairable:
        return list(geometries), [_gap_warning(*gap, fid) for gap in big_gaps]
    tiling = _Tiling(geoms, fid)
    tiling.check_overlaps(tolerance_m2, name)
    repairs, gaps = tiling.repair(tolerance_m2)
    rebuilt = tiling.rebuild(name)
    out: list[BaseGeometry] = [geometries[0]] * len(order)
    for k, geometry in enumerate(rebuilt):
        out[order[k]] = geometry
    return out, _repair_warnings(repairs, name) + [_gap_warning(*gap, fid) for gap in gaps]


def _survey(geoms: np.ndarray, tolerance_m2: float) -> tuple[bool, list[tuple[float, BaseGeometry, list[int]]]]:
    """Whether anything is to be repaired (an overlap or a gap up to the tolerance, beyond rounding),
    and the gaps above the tolerance (area, piece, indices of the communities around) otherwise."""
    tree = shapely.STRtree(geoms)
    # "overlaps" misses a community lying wholly inside another: ask for "contains" as well
    found = np.concatenate([tree.query(geoms, predicate=p) for p in ("overlaps", "contains")], axis=1)
    found = found[:, found[0] != found[1]]
    if found.size:
        pairs = np.unique(np.sort(found.T, axis=1), axis=0)
        shared = shapely.intersection(geoms[pairs[:, 0]], geoms[pairs[:, 1]], grid_size=_GRID_M)
        pieces, _ = simple_parts(shared, POLYGONS)
        if len(pieces) and not _crumbs(pieces).all():
            return True, []
    union = shapely.union_all(geoms, grid_size=_GRID_M)
    parts, _ = simple_parts(np.array([union], dtype=object), POLYGONS)
    rings = [ring for polygon in parts for ring in polygon.interiors]
    if not rings:
        return False, []
    holes = shapely.polygons(np.array(rings, dtype=object))
    islands = shapely.STRtree(parts).query(holes, predicate="contains")
    if islands.size:  # communities lying in a hole are not part of the gap
        for h in np.unique(islands[0]).tolist():
            holes[h] = shapely.difference(holes[h], shapely.union_all(parts[islands[1][islands[0] == h]]),
                                          grid_size=_GRID_M)
    holes = holes[~_crumbs(holes)]
    if (shapely.area(holes) <= tolerance_m2).any():
        return True, []
    around = [sorted(tree.query(hole, predicate="dwithin", distance=2 * _GRID_M).tolist()) for hole in holes]
    return False, [(float(hole.area), hole, near) for hole, near in zip(holes, around)]


class _Tiling:
    """The faces of one snap-rounded noding of the communities' boundaries, the communities over
    each face, the faces' neighbours across each edge, and the community each face is given to."""

    def __init__(self, geoms: np.ndarray, fid: list[int]):
        self.geoms, self.fid = geoms, fid
        edges = shapely.get_parts(shapely.union_all(shapely.boundary(geoms), grid_size=_GRID_M))
        self.faces = shapely.get_parts(shapely.polygonize(edges))
        self.area = shapely.area(self.faces)
        self.crumb = _crumbs(self.faces)
        self.points = shapely.point_on_surface(self.faces)
        self.over = self._over()
        self.owner = np.array([o[0] if len(o) == 1 else -1 for o in self.over], dtype=np.int64)
        self._neighbours()

    def _neighbours(self) -> None:
        """The faces across each edge segment with its length, by face: faces made by one polygonize of
        one noding share their segments with identical coordinates."""
        rings, ring_face = shapely.get_rings(self.faces, return_index=True)
        xy, ring = shapely.get_coordinates(rings, return_index=True)
        same = np.flatnonzero(ring[:-1] == ring[1:])
        a, b = xy[same], xy[same + 1]
        swap = (a[:, 0] > b[:, 0]) | ((a[:, 0] == b[:, 0]) & (a[:, 1] > b[:, 1]))
        keys = np.column_stack([np.where(swap[:, None], b, a), np.where(swap[:, None], a, b)])
        _, segment = np.unique(keys, axis=0, return_inverse=True)
        segment = segment.reshape(-1)
        face = ring_face[ring[same]]
        order = np.lexsort((face, segment))
        segment, face, length = segment[order], face[order], np.hypot(*(b - a)[order].T)
        twice = np.flatnonzero((segment[:-1] == segment[1:]) & (face[:-1] != face[1:]))
        pairs = np.concatenate([np.column_stack([face[twice], face[twice + 1]]),
                                np.column_stack([face[twice + 1], face[twice]])])
        lengths = np.tile(length[twice], 2)
        order = np.argsort(pairs[:, 0], kind="stable")
        self.neighbour, self.edge_length = pairs[order, 1], lengths[order]
        self.start = np.searchsorted(pairs[order, 0], np.arange(len(self.faces) + 1))

    def _over(self) -> list[tuple[int, ...]]:
        """The communities over each face. No community boundary crosses a face, so its interior point
        decides; where that point lies within two grid steps of the face's edge (the noding moved edges
        by up to 0.7 of a step), the communities holding most of its area do. Crumbs take their point's."""
        over: list[set[int]] = [set() for _ in range(len(self.faces))]
        comm, face = shapely.STRtree(self.points).query(self.geoms, predicate="contains")
        for f, c in zip(face.tolist(), comm.tolist()):
            over[f].add(c)
        unsure = np.flatnonzero(~self.crumb & (shapely.distance(self.points, shapely.boundary(self.faces))
                                                < 2 * _GRID_M))
        tree = shapely.STRtree(self.geoms)
        for f in unsure.tolist():
            candidates = tree.query(self.faces[f], predicate="intersects")
            shared = shapely.area(shapely.intersection(self.faces[f], self.geoms[candidates], grid_size=_GRID_M))
            over[f] = set(candidates[shared > 0.5 * self.area[f]].tolist())
        return [tuple(sorted(o)) for o in over]

    def check_overlaps(self, tolerance_m2: float, name: list[str]) -> None:
        """An error naming the overlaps above the tolerance, one entry per piece."""
        big = [f for f in range(len(self.faces))
               if len(self.over[f]) > 1 and not self.crumb[f] and self.area[f] > tolerance_m2]
        if not big:
            return
        big.sort(key=lambda f: (self.over[f], -self.area[f]))
        listed = [f"{' & '.join(name[c] for c in self.over[f])} ({self.area[f]:.1f} m²)" for f in big]
        largest = max(float(self.area[f]) for f in big)
        raise GridInputError(
            "communities overlap, so a grid could belong to two of them: features {listing}. "
            "Fix the shared boundaries (e.g. with QGIS's topology checker), or, if the overlaps are "
            "digitising noise, raise the overlap tolerance OVERLAP_TOLERANCE from {tolerance:g} to "
            "{accepting:.1f} m²",
            sorted({self.fid[c] for f in big for c in self.over[f]}), listing=listing(listed),
            tolerance=tolerance_m2, accepting=math.floor(largest * 10.0 + 1.0) / 10.0,  # next 0.1 m² above
        )

    def repair(self, tolerance_m2: float) -> tuple[list[_Repair], list[tuple[float, BaseGeometry, list[int]]]]:
        """Give every overlap and gap up to the tolerance, then the crumbs of rounding, to a community.
        Returns the repairs and the gaps left (area, piece, indices of the communities around)."""
        pieces = np.flatnonzero(~self.crumb).tolist()
        overlaps = [f for f in pieces if len(self.over[f]) > 1]
        gaps = [f for f in pieces if not self.over[f]]
        repairs = self._keep_mostly_covered(overlaps)
        rest = [f for f in overlaps if self.owner[f] < 0]
        for f, winner in self._grow(rest, among_over=True).items():
            repairs.append(self._repair(f, self.over[f], winner, True, _EDGE))
        for f, winner in self._grow([f for f in gaps if self.area[f] <= tolerance_m2], among_over=False).items():
            repairs.append(self._repair(f, self._around(f), winner, False, _EDGE))
        self._grow(np.flatnonzero(self.crumb & (self.owner < 0)).tolist(), among_over=False)
        return repairs, [(float(self.area[f]), self.faces[f], list(self._around(f)))
                         for f in gaps if self.area[f] > tolerance_m2]

    def _keep_mostly_covered(self, overlaps: list[int]) -> list[_Repair]:
        """Communities with more than half their area in overlap pieces keep their pieces (the
        smallest community first, then the lowest feature id)."""
        lost: dict[int, float] = defaultdict(float)
        for f in overlaps:
            for c in self.over[f]:
                lost[c] += float(self.area[f])
        keeps = {c for c, area in lost.items() if area > 0.5 * float(shapely.area(self.geoms[c]))}
        repairs = []
        for f in overlaps:
            candidates = [c for c in self.over[f] if c in keeps]
            if candidates:
                winner = min(candidates, key=lambda c: (float(shapely.area(self.geoms[c])), self.fid[c]))
                self.owner[f] = winner
                repairs.append(self._repair(f, self.over[f], winner, True, _KEEPS))
        return repairs

    def _grow(self, faces: list[int], among_over: bool) -> dict[int, int]:
        """Give each face to the community sharing the longest edge with it (among those over it, or
        any neighbour), in rounds: a face that no such community touches yet waits for its neighbours
        to be given. Faces touching none in the end go to the lowest feature id over or around them."""
        given: dict[int, int] = {}
        pending = sorted(faces)
        while pending:
            now = {}
            for f in pending:
                shared = self._shared(f)
                if among_over:
                    shared = {c: length for c, length in shared.items() if c in self.over[f]}
                if shared:
                    best = max(shared.values())
                    now[f] = min((c for c, length in shared.items() if length >= best - _SAME_LENGTH_M),
                                 key=lambda c: self.fid[c])
            if not now:  # enclosed by faces no community has: the lowest feature id over or around
                for f in pending:
                    candidates = self.over[f] if among_over else self._around(f)
                    if candidates:
                        now[f] = min(candidates, key=lambda c: self.fid[c])
                if not now:
                    break
            for f, c in now.items():
                self.owner[f] = c
            given.update(now)
            pending = [f for f in pending if f not in now]
        return given

    def _shared(self, f: int) -> dict[int, float]:
        """Length of edge the face shares with each community, through the faces given to it."""
        out: dict[int, float] = defaultdict(float)
        span = slice(self.start[f], self.start[f + 1])
        for c, length in zip(self.owner[self.neighbour[span]].tolist(), self.edge_length[span].tolist()):
            if c >= 0:
                out[c] += length
        return out

    def _around(self, f: int) -> tuple[int, ...]:
        """The communities over the faces next to a face."""
        return tuple(sorted({c for g in self.neighbour[self.start[f]:self.start[f + 1]].tolist()
                             for c in self.over[g]}))

    def _repair(self, f: int, around: tuple[int, ...], winner: int, overlap: bool, reason: str) -> _Repair:
        point = self.points[f]
        return _Repair(float(self.area[f]), (float(point.x), float(point.y)), around, winner, overlap, reason)

    def rebuild(self, name: list[str]) -> list[BaseGeometry]:
        """Each community as the union of the faces given to it. Raises GridInputError for communities
        left with none (duplicates of others, within the tolerance)."""
        out, vanished = [], []
        for c in range(len(self.geoms)):
            own = self.faces[self.owner == c]
            if len(own) == 0:
                vanished.append(c)
                continue
            geometry = own[0] if len(own) == 1 else shapely.coverage_union_all(own)
            if not geometry.is_valid:
                parts, _ = simple_parts(np.array([shapely.make_valid(geometry)], dtype=object), POLYGONS)
                geometry = shapely.union_all(parts)
            out.append(geometry)
        if vanished:
            raise GridInputError(
                "features {listing} lie wholly inside other communities, within the overlap tolerance; "
                "remove these duplicates or redraw them",
                [self.fid[c] for c in vanished], listing=listing([name[c] for c in vanished]),
            )
        return out


def _repair_warnings(repairs: list[_Repair], name: list[str]) -> list[Message]:
    """One warning per repair, the largest first, at most MAX_LISTED, then a count."""
    repairs = sorted(repairs, key=lambda r: (-r.area, -r.point[1], r.point[0]))
    warnings = []
    for r in repairs[:MAX_LISTED]:
        features = ", ".join(name[c] for c in r.around)
        x, y = r.point
        if not r.overlap:
            warnings.append(message(
                "gap of {area} m² at ({x:.1f}, {y:.1f}) enclosed by features {features}: given to {winner} "
                "(longest shared edge)", area=_m2(r.area), x=x, y=y, features=features, winner=name[r.winner]))
        elif r.reason == _KEEPS:
            warnings.append(message(
                "overlap of {area} m² at ({x:.1f}, {y:.1f}) between features {features}: given to {winner}, "
                "which would otherwise lose most of its area", area=_m2(r.area), x=x, y=y, features=features,
                winner=name[r.winner]))
        else:
            warnings.append(message(
                "overlap of {area} m² at ({x:.1f}, {y:.1f}) between features {features}: given to {winner} "
                "(longest shared edge)", area=_m2(r.area), x=x, y=y, features=features, winner=name[r.winner]))
    rest = repairs[MAX_LISTED:]
    if rest:
        warnings.append(message(
            "{count} more overlaps and gaps within the overlap tolerance given to a neighbour in the same way, "
            "{area} m² in all", count=len(rest), area=_m2(sum(r.area for r in rest))))
    return warnings


def _gap_warning(area: float, hole: BaseGeometry, around: list[int], fid: list[int]) -> Message:
    point = hole.representative_point()
    return message(
        "the communities leave a gap of {area:.1f} m² at ({x:.1f}, {y:.1f}) between features "
        "{fids}; no grid covers it. Extend a community over it, or ignore it if it is not "
        "part of the district",
        area=area, x=point.x, y=point.y, fids=", ".join(f"#{fid[k]}" for k in around),
    )
