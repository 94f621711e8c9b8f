"""Cutting a large block along the dead ends inside it before any straight cut.

A block too large for one grid is often crossed part of the way by real features that bound no
block: dead-end roads and hutongs, a lane that stops at a wall, a path into a park. Grids should
follow them (地理布局). A dead end is continued straight from its free end to the block's edge;
the longest such cut whose two sides can still be divided into grids near the target area is
taken, and each side is treated the same way with the dead ends left in it. Only what no dead
end can divide is cut straight (core.grids.splitting).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import shapely
import shapely.errors
from shapely.geometry.base import BaseGeometry

from grid_plugin.core.grids.shapes import LINES, simple_parts

# Dead ends shorter than this are kerb stubs and digitising noise, not features to follow (m).
MIN_DEAD_END_M = 15.0
# Only the longest few dead ends of a block are tried as cuts (each try is a small overlay).
_MAX_TRIED = 12
# Cuts reach this far past the edge they end on, so noding always finds the junction (m).
_OVERSHOOT_M = 1e-3
# An end closer than this to the block's edge lies on it (m).
_ON_EDGE_M = 0.01
# Each side's mean grid area must stay within this factor of the target.
_BALANCE = 2.0
# Neither side may be less compact than this (Polsby-Popper), or half the block if it is thinner.
_MIN_COMPACTNESS = 0.2


def dead_ends(block: BaseGeometry, lines: np.ndarray) -> list[BaseGeometry]:
    """The pieces of the lines inside the block that are not on its edge, longest first."""
    if len(lines) == 0:
        return []
    shapely.prepare(block)  # prepared predicates are also the more robust ones
    near = lines[shapely.intersects(block, lines)]
    if len(near) == 0:
        return []
    pieces, _ = simple_parts(shapely.intersection(near, block), LINES)  # many lines: vectorised
    if len(pieces) == 0:
        return []
    middles = shapely.line_interpolate_point(pieces, 0.5, normalized=True)
    inside = (shapely.distance(middles, block.boundary) > _ON_EDGE_M) & (shapely.length(pieces) >= MIN_DEAD_END_M)
    pieces = pieces[inside]
    order = np.lexsort((shapely.get_coordinates(shapely.centroid(pieces))[:, 0], -shapely.length(pieces)))
    return list(pieces[order])


def _compactness(polygon: BaseGeometry) -> float:
    """Polsby-Popper 4πA/P²."""
    return 4 * math.pi * polygon.area / polygon.length ** 2 if polygon.length else 0.0


def _dead_ends_or_none(block: BaseGeometry, lines: np.ndarray) -> list[BaseGeometry]:
    """dead_ends, or none where GEOS cannot decide a predicate on a near-degenerate block (two
    vertices 1e-10 m apart at the tip of a sliver raise "side location conflict" in GEOS 3.11)."""
    try:
        return dead_ends(block, lines)
    except shapely.errors.GEOSException:
        return []


def _ray_hit(start: np.ndarray, direction: np.ndarray, edge: BaseGeometry, reach: float) -> np.ndarray | None:
    """Where a ray from start along direction first meets the block's edge (its boundary)."""
    ray = shapely.LineString([tuple(start), tuple(start + reach * direction)])
    hits = shapely.get_coordinates(shapely.intersection(ray, edge))
    if len(hits) == 0:
        return None
    distance = (hits - start) @ direction
    ahead = distance > _ON_EDGE_M
    if not ahead.any():
        return None
    return hits[ahead][np.argmin(distance[ahead])]


def continued_cut(dead_end: BaseGeometry, block: BaseGeometry) -> BaseGeometry | None:
    """The dead end continued straight from each free end to the block's edge, both ends
    lengthened by _OVERSHOOT_M so that noding meets the edge; None when a ray finds no edge."""
    xy = shapely.get_coordinates(dead_end)
    xmin, ymin, xmax, ymax = block.bounds
    reach = 2.0 * math.hypot(xmax - xmin, ymax - ymin) + 1.0
    edge = block.boundary
    coords = [xy[k] for k in range(len(xy))]
    for at_start in (True, False):
        end, before = (xy[0], xy[1]) if at_start else (xy[-1], xy[-2])
        direction = end - before
        norm = math.hypot(*direction)
        if norm == 0:
            return None
        direction = direction / norm
        if edge.distance(shapely.Point(end)) > _ON_EDGE_M:
            hit = _ray_hit(end, direction, edge, reach)
            if hit is None:
                return None
            end = hit
        tip = end + _OVERSHOOT_M * direction
        if at_start:
            coords = [tip, end, *coords[1:]] if not np.array_equal(end, xy[0]) else [tip, *coords]
        else:
            coords = [*coords[:-1], end, tip] if not np.array_equal(end, xy[-1]) else [*coords, tip]
    return shapely.LineString([tuple(c) for c in coords])


def cut_along(block: BaseGeometry, cut: BaseGeometry) -> tuple[BaseGeometry, BaseGeometry] | None:
    """The two sides of a block cut by a line from edge to edge (None unless it makes exactly
    two). Both come from one noding, so they share identical vertices along the cut."""
    noded = shapely.union_all(np.array([block.boundary, cut], dtype=object))
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
    faces = faces[shapely.contains_properly(block, shapely.point_on_surface(faces))] if len(faces) else faces
    if len(faces) != 2:
        return None
    return faces[0], faces[1]


def split_along_dead_ends(
    block: BaseGeometry, lines: np.ndarray, parts_for: Callable[[BaseGeometry], int], target: float,
    minimum: float, split_straight: Callable[[BaseGeometry, int], list[BaseGeometry]],
) -> list[BaseGeometry]:
    """Divide a block into grids, along dead ends where they allow it.

    `parts_for(piece)` is the number of grids a piece becomes; `split_straight` divides a piece
    with no usable dead end into that many parts.
    """
    count = parts_for(block)
    if count <= 1:
        return [block]
    slivers = min(_MIN_COMPACTNESS, 0.5 * _compactness(block))
    cuts: list[tuple[float, int, BaseGeometry]] = []  # (share of the cut on the feature, rank, cut)
    for rank, dead_end in enumerate(_dead_ends_or_none(block, lines)[:_MAX_TRIED]):
        try:
            cut = continued_cut(dead_end, block)
        except shapely.errors.GEOSException:
            continue  # a near-degenerate block: this dead end is skipped, a straight cut remains
        if cut is not None:
            cuts.append((round(dead_end.length / max(cut.length - 2 * _OVERSHOOT_M, 1e-9), 6), rank, cut))
    # The best cut has the largest share on its feature, then the best balance (the first of equals):
    # cuts are tried by share, and once a share has a usable cut no lower share can be better, so
    # their sides (an overlay each) are never made.
    best: tuple[tuple[float, float], BaseGeometry, BaseGeometry] | None = None
    for share, _rank, cut in sorted(cuts, key=lambda c: (-c[0], c[1])):
        if best is not None and share < best[0][0]:
            break
        try:
            sides = cut_along(block, cut)
        except shapely.errors.GEOSException:
            continue
        if sides is None:
            continue
        areas = [side.area for side in sides]
        if min(areas) < minimum:
            continue
        if min(_compactness(side) for side in sides) < slivers:
            continue  # a cut grazing a corner leaves a long thin wedge: not a grid shape
        means = [side.area / parts_for(side) for side in sides]
        balance = max(abs(math.log(m / target)) for m in means)
        if balance > math.log(_BALANCE):
            continue
        score = (share, -round(balance, 6))
        if best is None or score > best[0]:
            best = (score, *sides)
    if best is None:
        return split_straight(block, count)
    out = []
    for side in best[1:]:
        out.extend(split_along_dead_ends(side, lines, parts_for, target, minimum, split_straight))
    return out
