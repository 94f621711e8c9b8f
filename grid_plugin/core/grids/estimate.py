"""Grid counts of communities bounded before division, and warnings about tiny communities.

The sequence of a grid code has three digits, so a community gets at most 999 grids. Dividing
first and counting afterwards takes minutes on a large input, or all memory on a province-sized
community, and used to name one community at a time. So the division functions first bound the
grid count of every community from its area and outline, refuse in one error all communities
that would exceed the limit (with the cell size or target area that would fit them), and count
exactly only what the bounds leave open. A community is refused only when its lower bound
exceeds the limit; the division counts again at the end, so one the bounds leave open and that
does exceed is still refused (after dividing).

Bounds for a community of area A:

Regular lattice (cell size s, minimum area m < s²). A cell wholly inside the community is a piece
of area s² ≥ m, and a piece of at least the minimum is never merged into another, so there are at
least as many grids as whole cells. Every other cell the community covers has its boundary
running through the cell's interior, and a ring runs through at most T + V + 1 cell interiors,
T being its crossings of lattice lines (summed segment by segment) and V its vertices on a
lattice line. Grids are unions of pieces, and a piece of a cut cell touches the boundary inside
the cell, so with C = Σ_rings (T + V + 1):

    A/s² − C  ≤  whole cells  ≤  grids  ≤  pieces  ≤  A/s² + C.

Communities whose bounds straddle the limit are counted exactly (lattice.lattice_grid_counts).

Follow features (minimum m, maximum M). Blocks up to M stay whole and larger ones are cut into at
least ⌈a/M⌉ parts, so no grid exceeds M (before a fragment below m that a cut through a concave
block leaves is re-attached to a neighbour); a block of at least m is never merged into another.
Grids are at least m, except a community part too small to reach it. So

    max(⌈A/M⌉, Σ_{blocks of at least m} ⌈a/M⌉)  ≤  grids  ≤  A/m + polygon parts,

the block term being computed only for communities that the area alone leaves open.

Communities smaller than the minimum grid area become one grid that small: the division warns
about each (often a sliver left by digitising), naming it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely

from grid_plugin.core.errors import Cancelled, GridInputError, Message, message
from grid_plugin.core.grids.blocks import community_blocks
from grid_plugin.core.grids.codes import MAX_SEQUENCE
from grid_plugin.core.grids.containers import Container
from grid_plugin.core.grids.units import in_units
from grid_plugin.core.progress import Progress

if TYPE_CHECKING:
    from grid_plugin.core.grids.follow import AreaSettings, FollowLines

# Float noise allowance when rounding bounds to whole grids.
_EPS = 1e-6
# A vertex this close (in cells) to a lattice line counts as on it.
_ON_LINE = 1e-9
# Suggested target and maximum areas are rounded up to this many m².
_ROUND_M2 = 100.0
# Doublings of the cell size tried before concluding that no cell size fits (too many parts).
_MAX_DOUBLINGS = 40


@dataclass
class GridCounts:
    """Lower and upper bounds of the number of grids of each community (equal when counted)."""

    low: np.ndarray  # int64
    high: np.ndarray  # float64, inf when unbounded

    def open(self, limit: int = MAX_SEQUENCE) -> np.ndarray:
        """Indices of the communities the bounds leave undecided."""
        return np.flatnonzero((self.low <= limit) & (self.high > limit))

    def set_exact(self, index: np.ndarray, counts: np.ndarray) -> None:
        self.low[index] = counts
        self.high[index] = counts


def _lattice_slack(geometries: np.ndarray, cell: float, origin: tuple[float, float]) -> np.ndarray:
    """C = Σ_rings (crossings of lattice lines + vertices on them + 1) of every geometry."""
    polygons, polygon_owner = shapely.get_parts(geometries, return_index=True)  # get_rings sees Polygons only
    rings, ring_polygon = shapely.get_rings(polygons, return_index=True)
    ring_owner = polygon_owner[ring_polygon]
    xy, point_ring = shapely.get_coordinates(rings, return_index=True)
    scaled = (xy - np.asarray(origin, dtype=float)) / cell
    index = np.floor(scaled)
    same = point_ring[:-1] == point_ring[1:]
    steps = np.abs(np.diff(index, axis=0)).sum(axis=1)[same]
    on_line = (np.abs(scaled - np.round(scaled)) < _ON_LINE * np.maximum(1.0, np.abs(scaled))).any(axis=1)
    per_ring = (np.bincount(point_ring[:-1][same], steps, minlength=len(rings))
                + np.bincount(point_ring, on_line, minlength=len(rings)) + 1.0)
    return np.bincount(ring_owner, per_ring, minlength=len(geometries))


def lattice_bounds(
    geometries: np.ndarray, cell: float, min_area: float, origin: tuple[float, float] = (0.0, 0.0),
) -> GridCounts:
    """Bounds of the lattice grid counts (see the module's docstring)."""
    cells = shapely.area(geometries) / (cell * cell)
    slack = _lattice_slack(geometries, cell, origin)
    low = np.maximum(np.ceil(cells - slack - _EPS), 1.0)
    if min_area >= cell * cell * (1.0 - _EPS):
        low[:] = 1.0  # no piece is safely above the minimum: whole cells may merge
    return GridCounts(low.astype(np.int64), np.floor(cells + _EPS) + slack)


def follow_bounds(geometries: np.ndarray, minimum: float, maximum: float) -> GridCounts:
    """Bounds of the follow-features grid counts from the areas alone (see the module's docstring)."""
    areas = shapely.area(geometries)
    low = np.maximum(np.ceil(areas / maximum - _EPS), 1.0).astype(np.int64)
    if minimum <= 0:
        return GridCounts(low, np.full(len(areas), np.inf))
    parts = shapely.get_num_geometries(geometries)
    return GridCounts(low, np.floor(areas / minimum + _EPS) + parts)


def block_lower_bound(block_areas: np.ndarray, minimum: float, maximum: float) -> int:
    """Grids at least made of blocks: each block of at least the minimum is a group of its own,
    cut into at least ⌈a/M⌉ grids."""
    large = np.asarray(block_areas, dtype=float)
    large = large[large >= minimum]
    return int(np.maximum(np.ceil(large / maximum - _EPS), 1.0).sum())


def follow_grid_counts(
    containers: Sequence[Container], settings: AreaSettings, lines: FollowLines | None = None,
    progress: Progress | None = None, limit: int = MAX_SEQUENCE, managed_units: bool = False,
) -> GridCounts:
    """Bounds of the follow-features grid counts; with the lines, communities the areas leave
    open are cut into blocks for a closer lower bound. With managed units (`managed_units`, or units
    among the lines: core.grids.units) a grid may be as large as the open-land maximum."""
    geometries = np.array([c.geometry for c in containers], dtype=object)
    units = managed_units or (lines is not None and lines.units is not None and len(lines.units) > 0)
    largest = max(settings.maximum, settings.open_land) if units else settings.maximum
    counts = follow_bounds(geometries, settings.minimum, largest)
    undecided = counts.open(limit)
    if lines is None or len(undecided) == 0:
        return counts
    progress = progress or Progress()
    tree = shapely.STRtree(lines.geometries) if len(lines.geometries) else None
    for k in undecided.tolist():
        if progress.is_cancelled():
            raise Cancelled()
        near = np.sort(tree.query(geometries[k])) if tree is not None else np.empty(0, dtype=np.int64)
        blocks = community_blocks(geometries[k], lines.geometries[near])
        blocks = blocks[~in_units(blocks, lines.units)]  # a managed unit's blocks may make one grid
        counts.low[k] = max(int(counts.low[k]),
                            block_lower_bound(shapely.area(blocks), settings.minimum, largest))
    return counts


def check_follow_limit(
    containers: Sequence[Container], settings: AreaSettings, lines: FollowLines | None = None,
    progress: Progress | None = None, managed_units: bool = False,
) -> None:
    """Refuse, before any division, every community that would get too many road-following
    grids. Without the lines (not read yet) only when the areas decide every community: the
    error must list them all, and those near the limit need their blocks. `managed_units`: the
    lines to be read will bring managed units (follow_grid_counts)."""
    settings.check()
    counts = follow_grid_counts(containers, settings, lines, progress, managed_units=managed_units)
    if lines is None and len(counts.open()):
        return
    geometries = np.array([c.geometry for c in containers], dtype=object)
    refuse_oversized(containers, counts, lambda over: follow_fix(geometries[over], settings))


def smallest_cell_size(
    geometries: np.ndarray, cell: float, origin: tuple[float, float] = (0.0, 0.0), limit: int = MAX_SEQUENCE,
) -> int | None:
    """A whole number of metres, at least `cell`, at which every geometry surely gets at most
    `limit` grids (its upper bound fits), near the smallest such; None if no cell size fits
    (a community of more separate parts than the limit)."""

    def fits(size: float) -> bool:
        return bool((lattice_bounds(geometries, size, 0.0, origin).high <= limit).all())

    low, high = max(1, math.floor(cell)), max(1, math.ceil(cell))
    for _ in range(_MAX_DOUBLINGS):
        if fits(high):
            break
        low, high = high, high * 2
    else:
        return None
    while high - low > 1:  # the bounds shrink with the cell size nearly monotonically: bisect
        middle = (low + high) // 2
        if fits(middle):
            high = middle
        else:
            low = middle
    return high


def lattice_fix(geometries: np.ndarray, cell: float, origin: tuple[float, float] = (0.0, 0.0)) -> Message:
    """What to do about communities of too many lattice grids."""
    size = smallest_cell_size(geometries, cell, origin)
    if size is None:
        return message("Split these communities into smaller ones")
    return message("Split these communities, or raise the cell size CELL_SIZE to at least {cell} m", cell=size)


def follow_fix(geometries: np.ndarray, settings: AreaSettings, limit: int = MAX_SEQUENCE) -> Message:
    """What to do about communities of too many road-following grids: the three areas, scaled
    together, at which every one of them surely fits (its upper bound, A/m + parts, does)."""
    room = limit - shapely.get_num_geometries(geometries)
    if (room <= 0).any():
        return message("Split these communities into smaller ones")
    needed = float(np.max(shapely.area(geometries) / room)) * (1.0 + 1e-3)  # grids reach m only up to rounding
    proportions = settings
    if settings.minimum <= 0:  # no minimum to scale: the default proportions
        from grid_plugin.core.grids.follow import AreaSettings  # at run time: follow imports this module

        proportions = AreaSettings()
    to_target = proportions.target / proportions.minimum
    to_maximum = proportions.maximum / proportions.minimum
    minimum = max(_round_up(needed), settings.minimum)
    return message(
        "Split these communities, or raise the minimum area MIN_AREA to at least {minimum:.0f} m², the "
        "target area TARGET_AREA to {target:.0f} m² and the maximum area MAX_AREA to {maximum:.0f} m²",
        minimum=minimum, target=max(_round_up(minimum * to_target), settings.target),
        maximum=max(_round_up(minimum * to_maximum), settings.maximum),
    )


def _round_up(area: float) -> float:
    return math.ceil(area / _ROUND_M2) * _ROUND_M2


def refuse_oversized(
    containers: Sequence[Container], counts: GridCounts, fix: Callable[[np.ndarray], Message],
    limit: int = MAX_SEQUENCE,
) -> None:
    """Raise GridInputError listing every community whose lower bound exceeds the limit (code,
    name, feature id and its grids: counted, or '≥' a bound), with the fix for them all."""
    over = np.flatnonzero(counts.low > limit)
    if len(over) == 0:
        return
    listing = []
    for k in over.tolist():
        exact = counts.high[k] == counts.low[k]
        listing.append(message(
            "{community} (feature {fid}): {grids} grids", community=containers[k].label, fid=containers[k].fid,
            grids=f"{int(counts.low[k]):,}" if exact else f"≥ {int(counts.low[k]):,}",
        ))
    raise GridInputError(
        "{count} community(ies) would get more than the {limit} grids a 3-digit sequence allows: "
        "{listing}. {fix}",
        tuple(containers[k].fid for k in over.tolist()),
        count=len(over), limit=limit, listing=listing, fix=fix(over),
    )


def small_communities(containers: Sequence[Container], min_area: float) -> list[Message]:
    """A warning for each community smaller than the minimum grid area (it becomes one grid
    that small: often a sliver left by digitising)."""
    areas = shapely.area(np.array([c.geometry for c in containers], dtype=object))
    return [
        message(
            "community {community} (feature {fid}) covers only {area:.2f} m², less than the minimum "
            "grid area of {min_area:.0f} m², and becomes one grid that small; if it is a sliver left "
            "by digitising, merge it into its neighbour or delete it",
            community=containers[k].label, fid=containers[k].fid, area=float(areas[k]), min_area=min_area,
        )
        for k in np.flatnonzero(areas < min_area).tolist()
    ]
