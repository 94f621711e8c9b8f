"""Joining the near-misses of the lines to follow before they are noded (地理布局 on real data).

Road and hutong layers digitised by hand rarely meet exactly: a lane stops half a metre to three
metres short of the road it runs into, or a road is drawn in two pieces with a gap between them.
Noding (core.grids.blocks) joins only lines that touch, so such a lane bounds no block and the
grids cross it. Here every free end (an end that touches no other line) with another line ahead of
it within the tolerance is extended to that line's nearest point, so that noding makes the junction.

- Only free ends move: lines are never moved onto each other (two lanes 2 m apart stay two lanes,
  and an end beside a parallel lane is not joined to it: the line must lie ahead of the end, within
  MAX_HEADING_DEG of the direction the line runs there). Exact junctions, crossings and closed lines
  are left alone; an end farther than the tolerance from every line stays a dead end
  (core.grids.dangles follows it).
- Lines are extended, never moved: every vertex stays, and a joined end gains one segment of at most
  the tolerance: onto the other line's vertex when that is the nearest point (identical coordinates,
  an exact junction), else SNAP_OVERSHOOT_M past the nearest point (a proper crossing that noding
  finds; the stub left over bounds no face).
- No short loops: an end is not joined to a line that its own line already meets, or that another
  join connects it to, where the loop this would close is shorter than SHORT_LOOP_FACTOR × the
  tolerance (an end overshooting a road, a fork, two ends facing each other across a gap: one
  junction each). Of two joins closing such a loop the shorter is kept. A line never joins itself.
- Results depend only on the geometries, never on the order of the lines (ties are broken by
  coordinates). Duplicated and overlapping lines need nothing here: noding dissolves them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

import numpy as np
import shapely

# Real near-misses are 0.5–3 m (hand digitising at 1:500–1:2,000, lines from different sources), while
# lanes and hutongs that do not meet are rarely closer than 3 m: a wider tolerance starts joining them.
DEFAULT_SNAP_TOLERANCE_M = 3.0
# A loop shorter than this many tolerances would be closed by the join itself, not by the ground.
SHORT_LOOP_FACTOR = 10.0
# A line is joined only when it lies ahead of the end: within this angle of the direction the end's
# own line runs over its last tolerance (a T-junction at 15° still is; a lane side by side is not).
MAX_HEADING_DEG = 75.0
# A joined end reaches this far past a line it meets between two vertices (m): a proper crossing.
SNAP_OVERSHOOT_M = 1e-3
# A nearest point this close to a vertex of its line is that vertex (m): the end goes onto it exactly.
_ON_VERTEX_M = 1e-6
_SIMPLE_LINES = (1, 2)  # LineString, LinearRing


@dataclass(frozen=True)
class SnapCounts:
    """Line ends joined to another line: onto a line, and onto another line's free end."""

    to_lines: int = 0
    to_ends: int = 0

    @property
    def total(self) -> int:
        return self.to_lines + self.to_ends


@dataclass
class _Joins:
    """Candidate joins of free ends: the end's line, the line it goes to, whether it is the start,
    its coordinates, the nearest point, the distance, and the along-line positions of the end on its
    own line and of the point on the target."""

    own: np.ndarray
    target: np.ndarray
    at_start: np.ndarray
    end: np.ndarray  # n × 2
    point: np.ndarray  # n × 2
    distance: np.ndarray
    own_at: np.ndarray
    target_at: np.ndarray

    def take(self, keep: np.ndarray) -> _Joins:
        return _Joins(*(getattr(self, f.name)[keep] for f in fields(self)))


def snap_line_ends(lines: np.ndarray, tolerance: float) -> tuple[np.ndarray, SnapCounts]:
    """The lines (same order) with every free end that has another line ahead of it within the
    tolerance (m; 0 leaves the lines alone) extended onto that line, and how many ends were joined.
    Geometries other than LineStrings and LinearRings are returned unchanged and are no targets."""
    lines = np.asarray(lines, dtype=object)
    if tolerance <= 0 or len(lines) == 0:
        return lines, SnapCounts()
    simple = np.flatnonzero(np.isin(shapely.get_type_id(lines), _SIMPLE_LINES) & ~shapely.is_empty(lines))
    if len(simple) < 2:
        return lines, SnapCounts()
    line, at_start, xy = _ends_off_vertices(lines, simple)
    candidates, free_xy = _candidates(lines, simple, line, at_start, xy, tolerance)
    joins = _without_short_loops(_nearest(lines, candidates, tolerance), SHORT_LOOP_FACTOR * tolerance)
    if len(joins.own) == 0:
        return lines, SnapCounts()
    point, exact = _exact_targets(lines, joins)
    to_ends = _onto_free_ends(point[exact], free_xy)
    return _extended(lines, joins, point), SnapCounts(len(point) - to_ends, to_ends)


def _ends_off_vertices(lines: np.ndarray, simple: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ends that share their coordinates with no vertex of another line: their line, whether each
    is the start, and the coordinates. Closed lines have no ends."""
    xy, owner = shapely.get_coordinates(lines[simple], return_index=True)
    first = np.searchsorted(owner, np.arange(len(simple)))
    last = np.r_[first[1:], len(xy)] - 1
    open_ = ~(xy[first] == xy[last]).all(axis=1)
    # vertices at one place: a place with vertices of two lines is a junction
    order = np.lexsort((xy[:, 1], xy[:, 0]))
    same = np.r_[False, (xy[order][1:] == xy[order][:-1]).all(axis=1)]
    place = np.empty(len(xy), dtype=np.int64)
    place[order] = np.cumsum(~same) - 1
    low = np.full(place[order[-1]] + 1, len(simple))
    high = np.full(len(low), -1)
    np.minimum.at(low, place, owner)
    np.maximum.at(high, place, owner)
    ends = np.concatenate([first[open_], last[open_]])
    off = low[place[ends]] == high[place[ends]]
    at_start = np.repeat([True, False], int(open_.sum()))
    return simple[owner[ends[off]]], at_start[off], xy[ends[off]]


def _candidates(lines: np.ndarray, simple: np.ndarray, line: np.ndarray, at_start: np.ndarray, xy: np.ndarray,
                tolerance: float) -> tuple[_Joins, np.ndarray]:
    """Every join of a free end to another line within the tolerance and ahead of it, and the
    coordinates of all free ends (those of the ends that lie on no other line either)."""
    points = shapely.points(xy)
    end, target = shapely.STRtree(lines[simple]).query(points, predicate="dwithin", distance=tolerance)
    target = simple[target]
    other = target != line[end]
    end, target = end[other], target[other]
    # an end on another line between two of its vertices is a junction too
    on_line = np.zeros(len(xy), dtype=bool)
    on_line[end[shapely.intersects(points[end], lines[target])]] = True
    free = ~on_line[end]
    end, target = end[free], target[free]
    nearest = shapely.get_coordinates(shapely.shortest_line(points[end], lines[target])).reshape(-1, 2, 2)[:, 1]
    gap = nearest - xy[end]
    distance = np.hypot(*gap.T)
    own = line[end]
    length = shapely.length(lines[own])
    own_at = np.where(at_start[end], 0.0, length)
    # the direction the line runs at its end, over its last tolerance (a vertex or two of jitter apart)
    behind = shapely.get_coordinates(shapely.line_interpolate_point(
        lines[own], np.where(at_start[end], np.minimum(tolerance, length), np.maximum(length - tolerance, 0.0))))
    heading = xy[end] - behind
    norm = np.hypot(*heading.T) * distance
    with np.errstate(invalid="ignore", divide="ignore"):
        ahead = np.where(norm > 0, np.einsum("ij,ij->i", heading, gap) / norm, 1.0)
    keep = (distance > 0) & (distance <= tolerance) & (ahead >= math.cos(math.radians(MAX_HEADING_DEG)))
    end, target, nearest = end[keep], target[keep], nearest[keep]
    joins = _Joins(own[keep], target, at_start[end], xy[end], nearest, distance[keep], own_at[keep],
                   shapely.line_locate_point(lines[target], shapely.points(nearest)))
    return joins, xy[~on_line]


def _nearest(lines: np.ndarray, joins: _Joins, tolerance: float) -> _Joins:
    """For each end, its nearest join that does not close a short loop with where its line already
    meets the target (an end overshooting a road, a fork); equal distances by the point's
    coordinates, then the target's."""
    joins = joins.take(~_closes_short_loop(lines, joins, SHORT_LOOP_FACTOR * tolerance))
    if len(joins.own) == 0:
        return joins
    key = _line_key(lines[joins.target])
    order = np.lexsort((*key.T[::-1], joins.point[:, 1], joins.point[:, 0], joins.distance,
                        joins.end[:, 1], joins.end[:, 0]))
    ends = joins.end[order]
    first = np.r_[True, (ends[1:] != ends[:-1]).any(axis=1)]
    return joins.take(np.sort(order[first]))


def _line_key(lines: np.ndarray) -> np.ndarray:
    """Coordinates of both ends and the length of each line: an order that does not depend on where
    the line is listed (two lines equal in all are the same line drawn twice)."""
    ends = np.column_stack([shapely.get_coordinates(shapely.get_point(lines, 0)),
                            shapely.get_coordinates(shapely.get_point(lines, -1))])
    return np.column_stack([ends, shapely.length(lines)])


def _closes_short_loop(lines: np.ndarray, joins: _Joins, shortest: float) -> np.ndarray:
    """True for each join whose line already meets its target so near that the join would only
    close a loop shorter than `shortest` (along both lines from a meeting point, plus the gap)."""
    out = np.zeros(len(joins.own), dtype=bool)
    meets = np.flatnonzero(shapely.intersects(lines[joins.own], lines[joins.target]))
    if len(meets) == 0:
        return out
    where = shapely.intersection(lines[joins.own[meets]], lines[joins.target[meets]])
    xy, index = shapely.get_coordinates(where, return_index=True)
    pair = meets[index]
    points = shapely.points(xy)
    loop = (np.abs(shapely.line_locate_point(lines[joins.own[pair]], points) - joins.own_at[pair])
            + np.abs(shapely.line_locate_point(lines[joins.target[pair]], points) - joins.target_at[pair])
            + joins.distance[pair])
    np.logical_or.at(out, pair, loop < shortest)
    return out


def _without_short_loops(joins: _Joins, shortest: float) -> _Joins:
    """The joins without those that close a loop shorter than `shortest` with another join between
    the same two lines (both ends of a short line going to one line; two ends across a gap, each
    going onto the other's line): the shorter join is kept, equal ones by the end's coordinates."""
    if len(joins.own) < 2:
        return joins
    low = np.minimum(joins.own, joins.target)
    high = np.maximum(joins.own, joins.target)
    order = np.lexsort((joins.end[:, 1], joins.end[:, 0], joins.distance, high, low))
    low, high = low[order], high[order]
    starts = np.flatnonzero(np.r_[True, (low[1:] != low[:-1]) | (high[1:] != high[:-1])])
    sizes = np.diff(np.r_[starts, len(order)])
    # where each join leaves and reaches the lower and the higher line of its pair
    from_low = joins.own[order] == low
    on_low = np.where(from_low, joins.own_at[order], joins.target_at[order])
    on_high = np.where(from_low, joins.target_at[order], joins.own_at[order])
    distance = joins.distance[order]
    keep = np.ones(len(order), dtype=bool)
    for start, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist()):
        kept = [start]
        for k in range(start + 1, start + size):
            if min(abs(on_low[k] - on_low[j]) + abs(on_high[k] - on_high[j]) + distance[k] + distance[j]
                   for j in kept) < shortest:
                keep[k] = False
            else:
                kept.append(k)
    return joins.take(np.sort(order[keep]))


def _exact_targets(lines: np.ndarray, joins: _Joins) -> tuple[np.ndarray, np.ndarray]:
    """Where each end goes, and whether exactly onto a vertex of its target: a nearest point within
    _ON_VERTEX_M of a vertex is that vertex (identical coordinates: noding joins them); any other lies
    on its segment only up to rounding, so the end goes SNAP_OVERSHOOT_M past it."""
    xy, owner = shapely.get_coordinates(lines[joins.target], return_index=True)
    gap = np.hypot(*(xy - joins.point[owner]).T)
    order = np.lexsort((gap, owner))
    nearest = order[np.unique(owner[order], return_index=True)[1]]
    exact = gap[nearest] <= _ON_VERTEX_M
    point = joins.point.copy()
    point[exact] = xy[nearest[exact]]
    away = point[~exact] - joins.end[~exact]
    point[~exact] += SNAP_OVERSHOOT_M * away / np.hypot(*away.T)[:, None]
    return point, exact


def _onto_free_ends(points: np.ndarray, free_ends: np.ndarray) -> int:
    """How many of the points (ends joined exactly onto a vertex) are another line's free end: two
    lines that meet end to end."""
    free = set(map(tuple, free_ends.tolist()))
    return sum(tuple(p) in free for p in points.tolist())


def _extended(lines: np.ndarray, joins: _Joins, point: np.ndarray) -> np.ndarray:
    """The lines with each joined end extended by one segment to its point."""
    changed, which = np.unique(joins.own, return_inverse=True)
    xy, owner = shapely.get_coordinates(lines[changed], return_index=True)
    # by line, then the start's new vertex, the vertices in their order, the end's new vertex
    rank = np.concatenate([np.arange(len(xy)), np.where(joins.at_start, -1, len(xy))])
    owner = np.concatenate([owner, which])
    order = np.lexsort((rank, owner))
    out = lines.copy()
    out[changed] = shapely.linestrings(np.concatenate([xy, point])[order], indices=owner[order])
    return out
