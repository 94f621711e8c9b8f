"""Unit grids on a precision grid: valid in the working CRS and in every CRS they are written to.

Division computes cut points and crossings in floating point, so a grid can end up with a vertex a
few micrometres (or 1e-13 m) from another edge of its own ring: a spike, a neck of no width, a
sliver between a cut and a road a few ulps apart. Such a grid is valid where it was made, but a
reprojection moves every vertex by its own rounding error, the vertex crosses the edge, and the
grid turns invalid (self-intersection) in EPSG:4490, 4326, 3857 or GCJ-02.

snap_coverage puts a whole coverage on a grid of `precision` metres (1 mm by default):

1. every coordinate is rounded to the nearest grid point, as GEOS rounds (floor(x·s + 0.5) / s), so a
   vertex two grids share goes to the same point in both and shared edges stay shared;
2. vertices the rounding put on one point become one (alike in every grid that has them), and the
   grids left with a defect are found: invalid, a vertex closer than the precision to a segment of
   its own (minimum clearance), or an edge a neighbour does not share exactly (a vertex on or near
   its edge that it lacks);
3. those grids and every grid within two precisions of one are made again from one snap-rounded
   noding of their boundaries (core.grids.noding): shared edges are noded once; a vertex closer than the
   precision to a segment (of its own grid, or of a nearly coincident edge of a neighbour, which
   leaves a sliver face) is put onto it: a spike narrower than the precision collapses, a sliver
   closes, a neck becomes a vertex two parts share (which every transform keeps shared); a part a
   pinched neck cut off, below `fragment_m2`, joins the neighbour of its community sharing the
   longest edge with it. Each face goes to the grid(s) it lies in (overlapping communities keep
   their overlap; faces in holes and gaps go to none).

Grids that are axis-aligned rectangles on the grid (a lattice's whole cells) are not checked: their
clearance is their shortest side. snap_each rounds independent polygons (retired grids).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from grid_plugin.core.errors import GridInputError, Message, message
from grid_plugin.core.grids.containers import Container
from grid_plugin.core.grids.noding import FLOAT_NOISE_M, NodedCoverage, clearance_below

__all__ = ["DEFAULT_PRECISION_M", "FLOAT_NOISE_M", "MAX_PRECISION_M", "MIN_PRECISION_M", "CoverageSnap",
           "clearance_below", "on_grid", "snap_coverage", "snap_division", "snap_each"]

DEFAULT_PRECISION_M = 0.001
MIN_PRECISION_M = 1e-6
MAX_PRECISION_M = 1.0
# Parts cut off by a pinched neck below this area (m²) join a neighbour: slivers, not ground.
DEFAULT_FRAGMENT_M2 = 1.0
# Rounds of the checks (clearance, fragments) on the grids made again.
_ROUNDS = 6
# Two edges leaving a shared vertex less than 1° apart run along each other.
_SAME_WAY = float(np.cos(np.radians(1.0)))
# Geometries per block of the coordinate work (bounds the arrays at a million grids).
_BLOCK = 100_000


@dataclass
class CoverageSnap:
    """The snapped grids and what snapping did to them."""

    geometries: np.ndarray
    changed: int  # grids whose geometry changed
    collapsed: np.ndarray  # grids narrower than the precision everywhere: None in geometries
    unresolved: np.ndarray  # grids still invalid or with a clearance below the precision after the rounds
    max_area_change: float  # m², over the grids kept
    collapsed_area: np.ndarray = field(default_factory=lambda: np.empty(0))  # m², of each collapsed grid


def check_precision(precision: float) -> float:
    """Grid points per metre; a whole number when the precision divides 1 m (1 mm: 1000)."""
    if not MIN_PRECISION_M <= precision <= MAX_PRECISION_M:
        raise GridInputError("the precision must lie between {low} and {high} m, got {value}",
                             low=MIN_PRECISION_M, high=MAX_PRECISION_M, value=precision)
    scale = 1.0 / precision
    return float(round(scale)) if abs(scale - round(scale)) < 1e-9 * scale else scale


def _rounded(xy: np.ndarray, scale: float) -> np.ndarray:
    return np.floor(xy * scale + 0.5) / scale


def on_grid(geometries: np.ndarray, precision: float) -> np.ndarray:
    """True for each geometry whose every coordinate is a grid point."""
    scale = check_precision(precision)
    out = np.ones(len(geometries), dtype=bool)
    for start in range(0, len(geometries), _BLOCK):
        block = geometries[start:start + _BLOCK]
        xy, index = shapely.get_coordinates(block, return_index=True)
        off = (_rounded(xy, scale) != xy).any(axis=1)
        out[start:start + _BLOCK] = np.bincount(index[off], minlength=len(block)) == 0
    return out


def snap_each(geometries: np.ndarray, precision: float = DEFAULT_PRECISION_M) -> np.ndarray:
    """Independent polygons, each on the grid, valid and without spikes (GEOS set_precision); one that
    would collapse keeps its geometry. For grids that need not tile (retired ones)."""
    geometries = np.asarray(geometries, dtype=object)
    out = geometries.copy()
    present = ~shapely.is_missing(geometries) & ~shapely.is_empty(geometries)
    work = np.flatnonzero(present)
    work = work[~on_grid(geometries[work], precision)]
    if len(work):
        snapped = shapely.set_precision(geometries[work], precision, mode="valid_output")
        keep = ~shapely.is_empty(snapped) & (shapely.area(snapped) > 0)
        out[work[keep]] = snapped[keep]
    return out


def snap_coverage(
    geometries: np.ndarray, precision: float = DEFAULT_PRECISION_M, groups: np.ndarray | None = None,
    fragment_m2: float = DEFAULT_FRAGMENT_M2, in_place: bool = False,
) -> CoverageSnap:
    """The grids of a coverage on a grid of `precision` metres, shared edges snapped alike, minimum
    clearance ≥ the precision (see the module docstring). `groups` (the community of each grid)
    limits where cut-off fragments may go; without it any neighbour will do. With `in_place` the
    snapped grids replace the given ones in their array (a million grids are not held twice)."""
    geometries = np.asarray(geometries, dtype=object)
    out = geometries if in_place else geometries.copy()
    none = np.empty(0, dtype=np.int64)
    plain, before, broken = _round(out, precision)
    members = _members(out, plain, precision)
    if len(members) == 0:
        moved = np.flatnonzero(np.isfinite(before))
        change = np.abs(shapely.area(out[moved]) - before[moved])
        return CoverageSnap(out, len(moved), none, none, float(change.max(initial=0.0)))
    group = np.zeros(len(members), np.int64) if groups is None else np.asarray(groups, np.int64)[members]
    rounded = out[members]
    # where each face belongs is decided by the grid as rounded, or as it was where rounding broke it
    owners = rounded.copy()
    for k, m in enumerate(members.tolist()):
        owners[k] = broken.get(m, owners[k])
    work = NodedCoverage(rounded, owners, precision, group)
    del owners, broken
    for _ in range(_ROUNDS):
        near = work.defects()
        if len(near):
            work.clear(near)
        elif not work.join_fragments(fragment_m2):
            break
    snapped = work.grids
    kept = ~shapely.is_missing(snapped)
    unresolved = np.union1d(work.clearance_bad(), np.flatnonzero(kept)[~shapely.is_valid(snapped[kept])])
    unmoved = ~np.isfinite(before[members])
    before[members[unmoved]] = shapely.area(rounded[unmoved])
    remade = members[kept & ~shapely.equals_exact(snapped, rounded, 0.0)]
    out[members] = snapped
    changed = np.isfinite(before)
    changed[members] = False
    changed[remade] = True
    changed[members[~kept]] = True
    touched = np.flatnonzero(np.isfinite(before) & ~shapely.is_missing(out))
    change = np.abs(shapely.area(out[touched]) - before[touched])
    return CoverageSnap(out, int(changed.sum()), members[~kept], members[unresolved], float(change.max(initial=0.0)),
                        before[members[~kept]])


def snap_division(
    geometries: np.ndarray, owner: np.ndarray, containers: Sequence[Container], precision: float,
    in_place: bool = False,
) -> tuple[CoverageSnap, np.ndarray, list[Message]]:
    """Both division modes' last step: the grids of all communities snapped as one coverage (fragments
    stay in their community). Returns the snap, which grids are kept (a grid narrower than the precision
    everywhere vanishes, with a warning) and the warnings. Raises GridInputError for a community that
    would lose every grid. With `in_place` the snapped grids replace the given ones in their array."""
    snap = snap_coverage(geometries, precision, owner, in_place=in_place)
    keep = np.ones(len(geometries), dtype=bool)
    keep[snap.collapsed] = False
    lost = np.bincount(owner[snap.collapsed], minlength=len(containers))
    left = np.bincount(owner[keep], minlength=len(containers))
    gone = np.flatnonzero((lost > 0) & (left == 0))
    if len(gone):
        raise GridInputError(
            "community {label} (feature {fid}) is narrower than the precision of {precision} m everywhere and "
            "would vanish on the precision grid; fix its outline or lower PRECISION",
            [containers[k].fid for k in gone], label=containers[gone[0]].label, fid=containers[gone[0]].fid,
            precision=precision)
    warnings = []
    areas = np.bincount(owner[snap.collapsed], snap.collapsed_area, len(containers))
    for k in np.flatnonzero(lost).tolist():
        warnings.append(message(
            "community {label} (feature {fid}): {count} grid(s) of {area:.4f} m² in all, narrower than the "
            "precision of {precision} m everywhere, vanished on the precision grid",
            label=containers[k].label, fid=containers[k].fid, count=int(lost[k]), area=float(areas[k]),
            precision=precision))
    if len(snap.unresolved):
        labels = sorted({containers[k].label for k in owner[snap.unresolved].tolist()})
        warnings.append(message(
            "{count} grid(s) keep a vertex closer than the precision of {precision} m to an edge of their own "
            "(communities {labels}); check them with gridplugin:validategrids",
            count=len(snap.unresolved), precision=precision, labels=", ".join(labels[:20])))
    return snap, keep, warnings


def _round(out: np.ndarray, precision: float) -> tuple[np.ndarray, np.ndarray, dict[int, BaseGeometry]]:
    """Every coordinate of the geometries in `out` rounded to the grid, in place, and the vertices this
    repeats removed (deterministic per vertex, so neighbours stay alike). Returns which geometries are
    plain rectangles (four corners, sides along the axes: nothing to check), the area of each geometry
    rounding moved (NaN for the others), and the geometries as they were where rounding made them invalid."""
    scale = check_precision(precision)
    plain = np.zeros(len(out), dtype=bool)
    before = np.full(len(out), np.nan)
    broken: dict[int, BaseGeometry] = {}
    for start in range(0, len(out), _BLOCK):
        block = out[start:start + _BLOCK]
        xy, index = shapely.get_coordinates(block, return_index=True)
        rounded = _rounded(xy, scale)
        moved = np.bincount(index[(rounded != xy).any(axis=1)], minlength=len(block)) > 0
        counts = np.bincount(index, minlength=len(block))
        plain[start:start + len(block)] = _rectangles(rounded, counts)
        if not moved.any():
            continue
        which = np.flatnonzero(moved)
        was = block[which]
        before[start + which] = shapely.area(was)
        same = (rounded[1:] == rounded[:-1]).all(axis=1) & (index[1:] == index[:-1])
        now = shapely.set_coordinates(was.copy(), rounded[moved[index]])
        repeated = np.isin(which, index[1:][same])
        now[repeated] = shapely.remove_repeated_points(now[repeated], 0.0)
        invalid = np.flatnonzero(~shapely.is_valid(now))
        broken.update(zip((start + which[invalid]).tolist(), was[invalid].tolist()))
        out[start + which] = now
    return plain, before, broken


def _rectangles(xy: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Which geometries (of `counts` coordinates each, consecutive in xy) are single rings of four
    distinct corners whose sides run along the axes, alternately."""
    out = np.zeros(len(counts), dtype=bool)
    four = np.flatnonzero(counts == 5)
    if len(four) == 0:
        return out
    first = np.cumsum(counts) - counts
    ring = xy[first[four][:, None] + np.arange(5)]  # (n, 5, 2)
    step = np.diff(ring, axis=1)  # (n, 4, 2)
    across = (step[:, :, 0] == 0) & (step[:, :, 1] != 0)  # a side along y
    along = (step[:, :, 1] == 0) & (step[:, :, 0] != 0)  # a side along x
    alternate = (across[:, 0::2].all(axis=1) & along[:, 1::2].all(axis=1)) | (
        along[:, 0::2].all(axis=1) & across[:, 1::2].all(axis=1))
    out[four] = alternate & (ring[:, 0] == ring[:, 4]).all(axis=1)
    return out


def _members(rounded: np.ndarray, plain: np.ndarray, precision: float) -> np.ndarray:
    """The grids to make again: those with a defect after rounding, and every grid within two precisions
    of one (so that an edge it shares with one is noded on both sides)."""
    bad = np.zeros(len(rounded), dtype=bool)
    check = np.flatnonzero(~plain)
    if len(check):
        bad[check] = ~shapely.is_valid(rounded[check]) | clearance_below(rounded[check], precision)
    bad[_unmatched(rounded, ~plain, precision)] = True
    if not bad.any():
        return np.empty(0, dtype=np.int64)
    _, near = shapely.STRtree(rounded).query(rounded[bad], predicate="dwithin", distance=2 * precision)
    return np.union1d(np.flatnonzero(bad), near)


def _unmatched(rounded: np.ndarray, include: np.ndarray, precision: float) -> np.ndarray:
    """Grids (of those included) with an edge segment that no other grid has exactly but that runs
    within the precision of a segment of another grid: a T-junction (a neighbour's vertex on the
    edge) or near-coincident edges. Segments two grids share exactly, and outer edges, are fine."""
    index = np.flatnonzero(include)
    if len(index) < 2:
        return np.empty(0, dtype=np.int64)
    parts, part_grid = shapely.get_parts(rounded[index], return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    xy, point_ring = shapely.get_coordinates(rings, return_index=True)
    same = point_ring[:-1] == point_ring[1:]
    a, b = xy[:-1][same], xy[1:][same]
    owner = index[part_grid[ring_part[point_ring[:-1][same]]]]
    del xy, point_ring, same
    real = (a != b).any(axis=1)  # a repeated vertex is a defect of its own
    a, b, owner = a[real], b[real], owner[real]
    once = _once(a, b, precision)
    keys = np.column_stack([a[once], b[once]])
    owner = owner[once]
    del a, b, once
    if len(keys) < 2:
        return np.empty(0, dtype=np.int64)
    segments = shapely.linestrings(keys.reshape(-1, 2, 2))
    left, right = shapely.STRtree(segments).query(segments, predicate="dwithin", distance=precision)
    pair = (left < right) & (owner[left] != owner[right])
    left, right = left[pair], right[pair]
    middle = shapely.points((keys[:, :2] + keys[:, 2:]) / 2.0)
    close = ((shapely.distance(middle[left], segments[right]) < precision)
             | (shapely.distance(middle[right], segments[left]) < precision))
    # two outer edges meeting at a corner are close at it (and everywhere, when they are short): they
    # count only when they run the same way from the end they share (one lies along the other)
    close &= ~_diverging(keys[left], keys[right])
    return np.unique(np.concatenate([owner[left[close]], owner[right[close]]]))


def _once(a: np.ndarray, b: np.ndarray, precision: float) -> np.ndarray:
    """Which of the segments a→b (rows of grid points) no other segment repeats, either way round.
    Points are numbered on the grid (one int64 each) when the extent allows, so that two keys sort."""
    scale = check_precision(precision)
    low = np.minimum(a.min(axis=0), b.min(axis=0))
    ia = np.rint((a - low) * scale).astype(np.int64)
    ib = np.rint((b - low) * scale).astype(np.int64)
    rows = int(max(ia[:, 1].max(), ib[:, 1].max())) + 1
    columns = int(max(ia[:, 0].max(), ib[:, 0].max())) + 1
    if columns * rows < 2 ** 62:
        pa, pb = ia[:, 0] * rows + ia[:, 1], ib[:, 0] * rows + ib[:, 1]
        keys = [np.maximum(pa, pb), np.minimum(pa, pb)]  # lexsort: last key first
    else:  # a precision far finer than the extent: sort the coordinates themselves
        swap = (a[:, 0] > b[:, 0]) | ((a[:, 0] == b[:, 0]) & (a[:, 1] > b[:, 1]))
        lo, hi = np.where(swap[:, None], b, a), np.where(swap[:, None], a, b)
        keys = [hi[:, 1], hi[:, 0], lo[:, 1], lo[:, 0]]
    order = np.lexsort(keys)
    sorted_keys = np.column_stack([k[order] for k in keys])
    new_run = np.r_[True, (sorted_keys[1:] != sorted_keys[:-1]).any(axis=1)]
    run = np.cumsum(new_run) - 1
    out = np.zeros(len(a), dtype=bool)
    out[order] = np.bincount(run)[run] == 1
    return out


def _diverging(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """For segment pairs (x1, y1, x2, y2 each) that share an end: whether they leave it in directions
    more than 1° apart. False for pairs that share no end."""
    out = np.zeros(len(first), dtype=bool)
    for i in (0, 2):
        for j in (0, 2):
            shared = (first[:, i:i + 2] == second[:, j:j + 2]).all(axis=1)
            u = first[shared][:, 2 - i:4 - i] - first[shared][:, i:i + 2]
            v = second[shared][:, 2 - j:4 - j] - second[shared][:, j:j + 2]
            cosine = np.einsum("ij,ij->i", u, v) / (np.hypot(*u.T) * np.hypot(*v.T))
            out[shared] |= cosine < _SAME_WAY
    return out
