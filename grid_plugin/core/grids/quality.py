"""Quality figures of a unit-grid division: size, shape and how well boundaries follow the ground.

- area min / median / p95 / max, and the share of grids within [0.5, 2] × the target area;
- boundary on lines: of the interior grid boundaries (those not on a community boundary), the
  share of length that lies on a followed line, within a tolerance; split into the share on roads,
  on other followed features (barrier lines without a road class, polygon boundaries) and the
  rest, straight (dead ends extended to a block's edge and straight cuts), which add up to 1;
- compactness: the Polsby-Popper score 4πA/P² (1 for a circle, π/4 for a square, near 0 for a
  sliver), its minimum, 5th percentile and median.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
import shapely

from grid_plugin.core.grids.containers import Container
from grid_plugin.core.grids.follow import KIND_ROAD

DEFAULT_LINE_TOLERANCE_M = 2.0
# A grid edge this close to its community's boundary is part of that boundary, not interior.
_ON_BOUNDARY_M = 0.01
# Segments measured at a time: each probe point is a shapely geometry of ~150 bytes, and a district of
# 1,400 km² has millions of grid edges (all at once, the points were the run's peak memory).
_CHUNK = 250_000


@dataclass(frozen=True)
class QualityFigures:
    grid_count: int
    area_min: float
    area_median: float
    area_p95: float
    area_max: float
    share_near_target: float  # of grids within [0.5, 2] × target area
    boundary_on_lines: float | None  # None when no lines were followed; = on roads + on features
    boundary_on_roads: float | None
    boundary_on_features: float | None  # other followed features: barrier lines, polygon boundaries
    boundary_straight: float | None  # the rest: dead ends extended and straight cuts
    compactness_min: float
    compactness_p5: float
    compactness_median: float

    def as_dict(self) -> dict[str, float | int | None]:
        return asdict(self)


def polsby_popper(geometries: np.ndarray) -> np.ndarray:
    perimeter = shapely.length(geometries)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(perimeter > 0, 4 * np.pi * shapely.area(geometries) / perimeter ** 2, 0.0)


def interior_segments(
    grids: np.ndarray, owner: np.ndarray, containers: Sequence[Container],
) -> tuple[np.ndarray, np.ndarray]:
    """Start and end points of the grid-boundary segments not on a community boundary.

    Every interior edge appears twice (once per grid on either side), which leaves shares alone.
    """
    # get_rings sees Polygons only: a MultiPolygon grid is taken part by part
    parts, part_grid = shapely.get_parts(grids, return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    ring_grid = part_grid[ring_part]
    xy, point_ring = shapely.get_coordinates(rings, return_index=True)
    same_ring = point_ring[:-1] == point_ring[1:]
    a, b = xy[:-1][same_ring], xy[1:][same_ring]
    grid = ring_grid[point_ring[:-1][same_ring]]
    boundaries = np.array([shapely.boundary(c.geometry) for c in containers], dtype=object)[owner[grid]]
    interior = np.zeros(len(a), dtype=bool)
    for s in _chunks(len(a)):
        interior[s] = shapely.distance(shapely.points((a[s] + b[s]) / 2.0), boundaries[s]) > _ON_BOUNDARY_M
    return a[interior], b[interior]


def _chunks(count: int) -> list[slice]:
    return [slice(start, start + _CHUNK) for start in range(0, count, _CHUNK)]


@dataclass(frozen=True)
class BoundaryShares:
    """Shares of interior grid-boundary length: on lines = on roads + on features; with straight they add up
    to 1."""

    lines: float
    roads: float
    features: float
    straight: float


def _on_lines(a: np.ndarray, b: np.ndarray, candidates: np.ndarray, lines: np.ndarray, tolerance: float) -> np.ndarray:
    """The candidate segments whose two ends and midpoint all lie within the tolerance of a line."""
    if len(lines) == 0:
        return candidates[:0]
    tree = shapely.STRtree(lines)
    for probe in ((a + b) / 2.0, a, b):  # the midpoint rules out most segments off the lines
        near = np.zeros(len(candidates), dtype=bool)
        for s in _chunks(len(candidates)):
            hit = tree.query(shapely.points(probe[candidates[s]]), predicate="dwithin", distance=tolerance)[0]
            near[s.start + hit] = True
        candidates = candidates[near]
    return candidates


def boundary_shares(
    grids: np.ndarray, owner: np.ndarray, containers: Sequence[Container], lines: np.ndarray,
    kinds: np.ndarray | None = None, tolerance: float = DEFAULT_LINE_TOLERANCE_M,
) -> BoundaryShares | None:
    """Shares of interior grid-boundary length on roads, on other followed features and off both (None
    when there is no interior edge). A segment is on lines when its two ends and its midpoint all lie
    within the tolerance of a line, and on roads when they all lie within it of a road (kinds: KIND_ROAD
    or other, per line; all roads when not given)."""
    a, b = interior_segments(grids, owner, containers)
    length = np.hypot(*(b - a).T)
    total = float(length.sum())
    if total == 0:
        return None
    lines = np.asarray(lines, dtype=object)
    on_lines = _on_lines(a, b, np.arange(len(a)), lines, tolerance)
    roads = lines if kinds is None else lines[np.asarray(kinds) == KIND_ROAD]
    on_roads = on_lines if len(roads) == len(lines) else _on_lines(a, b, on_lines, roads, tolerance)
    lines_length, roads_length = float(length[on_lines].sum()), float(length[on_roads].sum())
    return BoundaryShares(lines_length / total, roads_length / total, (lines_length - roads_length) / total,
                          (total - lines_length) / total)


def boundary_on_lines(
    grids: np.ndarray, owner: np.ndarray, containers: Sequence[Container], lines: np.ndarray,
    tolerance: float = DEFAULT_LINE_TOLERANCE_M,
) -> float | None:
    """Share of interior grid-boundary length on a line: a segment counts when its two ends and
    its midpoint all lie within the tolerance of a line (None when there is no interior edge)."""
    shares = boundary_shares(grids, owner, containers, lines, tolerance=tolerance)
    return None if shares is None else shares.lines


def quality_figures(
    grids: np.ndarray, owner: np.ndarray, containers: Sequence[Container], target_area: float,
    lines: np.ndarray | None = None, tolerance: float = DEFAULT_LINE_TOLERANCE_M, kinds: np.ndarray | None = None,
) -> QualityFigures:
    """The figures; the boundary shares with the followed lines (and their kinds, core.grids.follow) only."""
    areas = shapely.area(grids)
    if len(areas) == 0:
        return QualityFigures(grid_count=0, area_min=0.0, area_median=0.0, area_p95=0.0, area_max=0.0,
                              share_near_target=0.0, boundary_on_lines=None, boundary_on_roads=None,
                              boundary_on_features=None, boundary_straight=None, compactness_min=0.0,
                              compactness_p5=0.0, compactness_median=0.0)
    compactness = polsby_popper(grids)
    near_target = (areas >= 0.5 * target_area) & (areas <= 2.0 * target_area)
    shares = None if lines is None else boundary_shares(grids, owner, containers, lines, kinds, tolerance)
    return QualityFigures(
        grid_count=len(areas),
        area_min=float(areas.min()), area_median=float(np.median(areas)),
        area_p95=float(np.percentile(areas, 95)), area_max=float(areas.max()),
        share_near_target=float(near_target.mean()),
        boundary_on_lines=None if shares is None else shares.lines,
        boundary_on_roads=None if shares is None else shares.roads,
        boundary_on_features=None if shares is None else shares.features,
        boundary_straight=None if shares is None else shares.straight,
        compactness_min=float(compactness.min()), compactness_p5=float(np.percentile(compactness, 5)),
        compactness_median=float(np.median(compactness)),
    )
