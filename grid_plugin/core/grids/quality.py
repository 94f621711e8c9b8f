"""Quality figures of a unit-grid division: size, shape and how well boundaries follow the ground.

- area min / median / p95 / max, and the share of grids within [0.5, 2] × the target area;
- boundary on lines: of the interior grid boundaries (those not on a community boundary), the
  share of length that lies on a followed line, within a tolerance;
- compactness: the Polsby-Popper score 4πA/P² (1 for a circle, π/4 for a square, near 0 for a
  sliver), its minimum, 5th percentile and median.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
import shapely

from grid_plugin.core.grids.containers import Container

DEFAULT_LINE_TOLERANCE_M = 2.0
# A grid edge this close to its community's boundary is part of that boundary, not interior.
_ON_BOUNDARY_M = 0.01


@dataclass(frozen=True)
class QualityFigures:
    grid_count: int
    area_min: float
    area_median: float
    area_p95: float
    area_max: float
    share_near_target: float  # of grids within [0.5, 2] × target area
    boundary_on_lines: float | None  # None when no lines were followed
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
    boundaries = np.array([shapely.boundary(c.geometry) for c in containers], dtype=object)
    middle = shapely.points((a + b) / 2.0)
    interior = shapely.distance(middle, boundaries[owner[grid]]) > _ON_BOUNDARY_M
    return a[interior], b[interior]


def boundary_on_lines(
    grids: np.ndarray, owner: np.ndarray, containers: Sequence[Container], lines: np.ndarray,
    tolerance: float = DEFAULT_LINE_TOLERANCE_M,
) -> float | None:
    """Share of interior grid-boundary length on a line: a segment counts when its two ends and
    its midpoint all lie within the tolerance of a line (None when there is no interior edge)."""
    a, b = interior_segments(grids, owner, containers)
    length = np.hypot(*(b - a).T)
    if length.sum() == 0:
        return None
    if len(lines) == 0:
        return 0.0
    tree = shapely.STRtree(lines)
    candidates = np.arange(len(a))
    for probe in ((a + b) / 2.0, a, b):  # the midpoint rules out most segments off the lines
        hit = tree.query(shapely.points(probe[candidates]), predicate="dwithin", distance=tolerance)[0]
        candidates = candidates[np.unique(hit)]
    return float(length[candidates].sum() / length.sum())


def quality_figures(
    grids: np.ndarray, owner: np.ndarray, containers: Sequence[Container], target_area: float,
    lines: np.ndarray | None = None, tolerance: float = DEFAULT_LINE_TOLERANCE_M,
) -> QualityFigures:
    areas = shapely.area(grids)
    if len(areas) == 0:
        return QualityFigures(0, 0.0, 0.0, 0.0, 0.0, 0.0, None, 0.0, 0.0, 0.0)
    compactness = polsby_popper(grids)
    near_target = (areas >= 0.5 * target_area) & (areas <= 2.0 * target_area)
    on_lines = None if lines is None else boundary_on_lines(grids, owner, containers, lines, tolerance)
    return QualityFigures(
        grid_count=len(areas),
        area_min=float(areas.min()), area_median=float(np.median(areas)),
        area_p95=float(np.percentile(areas, 95)), area_max=float(areas.max()),
        share_near_target=float(near_target.mean()),
        boundary_on_lines=on_lines,
        compactness_min=float(compactness.min()), compactness_p5=float(np.percentile(compactness, 5)),
        compactness_median=float(np.median(compactness)),
    )
