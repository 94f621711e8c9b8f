"""Polygon edges that run beside a line to follow taken as that line.

Parcel, compound and water polygons are drawn from other sources than the road centre lines: a
compound's wall runs half a road's width (and some digitising error) beside the centre line of the
road outside it. Followed as they are, both make blocks, and the strip between them (a few metres
wide, running round the corner past several compounds) is land of no compound: merged into one of
them it makes a ring-shaped grid, left alone a grid that is all strip. Grids in the Dongcheng model
run on the road centre line, and the compound's grid is the compound with its side of the road.

So the stretches of polygon edges within a distance of a line are dropped, and every edge cut there
is continued from where it was cut to the nearest point of the line: the wall between two compounds
then meets the road, and each compound's block reaches the centre line. Lines are buffered with flat
ends, so a lane that ends at a wall does not cut the wall open around its end.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from grid_plugin.core.grids.shapes import LINES, simple_parts
from grid_plugin.core.grids.snapping import SNAP_OVERSHOOT_M

DEFAULT_EDGE_TO_LINE_M = 5.0
# Lines are buffered from this far inside their ends, so that a wall a lane ends on is not within the lane's
# zone (the zone's end would run along the wall) (m).
_END_INSET_M = 0.01
# An end nearer than this to a line is on it already (m).
_ON_LINE_M = 1e-6


@dataclass(frozen=True)
class EdgesOnLines:
    """Polygon edges with their stretches beside lines taken as the lines: the edge parts, the index of
    the edge each part comes from, and how much edge length was dropped (m)."""

    parts: np.ndarray
    source: np.ndarray
    dropped_m: float

    @property
    def changed(self) -> bool:
        return self.dropped_m > 0


def edges_onto_lines(edges: np.ndarray, lines: np.ndarray, distance: float) -> EdgesOnLines:
    """The polygon `edges` (lines, e.g. polygon boundaries) with every stretch within `distance` of one of
    the `lines` dropped and each end made by that continued to the nearest line (see the module)."""
    edges = np.asarray(edges, dtype=object)
    lines = np.asarray(lines, dtype=object)
    unchanged = EdgesOnLines(edges, np.arange(len(edges)), 0.0)
    if distance <= 0 or len(edges) == 0 or len(lines) == 0:
        return unchanged
    edge_index, line_index = shapely.STRtree(lines).query(edges, predicate="dwithin", distance=distance)
    if len(edge_index) == 0:
        return unchanged
    zones = shapely.buffer(_shortened(lines), distance, cap_style="flat", join_style="mitre")
    line_tree = shapely.STRtree(lines)
    near = np.unique(edge_index)
    starts = np.searchsorted(edge_index, near)
    ends = np.append(starts[1:], len(edge_index))
    kept = np.ones(len(edges), dtype=bool)
    kept[near] = False
    parts: list[BaseGeometry] = list(edges[kept])
    source: list[int] = np.flatnonzero(kept).tolist()
    dropped = 0.0
    for k, a, b in zip(near.tolist(), starts.tolist(), ends.tolist()):
        edge = edges[k]
        rest = shapely.difference(edge, shapely.union_all(zones[line_index[a:b]]))
        if edge.length - rest.length < _ON_LINE_M:  # near a line but not beside it
            parts.append(edge)
            source.append(k)
            continue
        dropped += edge.length - rest.length
        pieces = simple_parts(np.array([rest], dtype=object), LINES)[0]
        closed = edge.is_closed
        for piece in pieces:
            if closed and piece.length < distance:  # a remnant between two lines' zones (at a junction), no wall
                dropped += piece.length
                continue
            parts.append(_continued(piece, edge, lines, line_tree))
            source.append(k)
    order = np.argsort(np.array(source, dtype=np.int64), kind="stable")
    return EdgesOnLines(np.array(parts, dtype=object)[order], np.array(source, dtype=np.int64)[order], float(dropped))


def _continued(piece: BaseGeometry, edge: BaseGeometry, lines: np.ndarray, tree: shapely.STRtree) -> BaseGeometry:
    """The piece with each end the cut made (an end that is no end of the original edge) continued to the
    nearest line, a little past it."""
    xy = shapely.get_coordinates(piece)
    original_ends = shapely.get_coordinates(shapely.boundary(edge)) if not edge.is_closed else np.empty((0, 2))
    out = [xy]
    for at_start in (True, False):
        end = xy[0] if at_start else xy[-1]
        if len(original_ends) and np.isclose(original_ends, end, atol=_ON_LINE_M, rtol=0).all(axis=1).any():
            continue
        point = shapely.Point(end)
        nearest = int(tree.query_nearest(point)[0])
        target = shapely.get_coordinates(shapely.shortest_line(point, lines[nearest]))[1]
        step = target - end
        length = float(np.hypot(*step))
        if length < _ON_LINE_M:
            continue
        vertices = shapely.get_coordinates(lines[nearest])
        at_vertex = np.hypot(*(vertices - target).T) < _ON_LINE_M
        # onto a vertex exactly (a lane's dead end: a point past it would miss the lane); elsewhere a little past
        # the line, so that noding finds the crossing (as core.grids.snapping extends free ends)
        reach = vertices[np.argmax(at_vertex)] if at_vertex.any() else target + step / length * SNAP_OVERSHOOT_M
        out = [reach[None, :], *out] if at_start else [*out, reach[None, :]]
    return shapely.LineString(np.concatenate(out)) if len(out) > 1 else piece


def _shortened(lines: np.ndarray) -> np.ndarray:
    """The lines with both ends moved _END_INSET_M inwards along their first and last segments (those
    shorter than twice that stay as they are)."""
    xy, owner = shapely.get_coordinates(lines, return_index=True)
    if len(xy) < 2:
        return lines
    first = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    last = np.r_[first[1:] - 1, len(xy) - 1]
    xy = xy.copy()
    for end, inner in ((first, first + 1), (last, last - 1)):
        ok = (inner >= 0) & (inner < len(xy)) & (last > first)
        end, inner = end[ok], inner[ok]
        step = xy[inner] - xy[end]
        length = np.hypot(step[:, 0], step[:, 1])
        movable = length > 2 * _END_INSET_M
        xy[end[movable]] += step[movable] / length[movable, None] * _END_INSET_M
    return shapely.set_coordinates(lines.copy(), xy)
