"""The geometry checks of a unit-grid validation that look past the working CRS.

- ``near_degenerate``: a grid valid in the working CRS with a vertex closer than the minimum clearance
  to an edge (or vertex) of its own that it is not on: GEOS's minimum clearance, less floating-point
  noise (core.grids.noding.clearance_below). Such a vertex (a spike, a neck, a sliver a few micrometres
  wide) is one rounding away from crossing the edge: a reprojection can make the grid invalid.
- ``invalid_in_crs``: a grid valid in the working CRS that is invalid (per GEOS) once reprojected to
  a CRS it is written to; the caller reprojects (QGIS's transform, or core.geodesy.reprojection.reproject).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from grid_plugin.core.errors import Message, message
from grid_plugin.core.geodesy.reprojection import invalid_in
from grid_plugin.core.grids.noding import clearance_below
from grid_plugin.core.grids.validation_types import INVALID_IN_CRS, NEAR_DEGENERATE, Problem


def near_miss(geometry: BaseGeometry, tolerance: float) -> tuple[float, float, float]:
    """The distance from the vertex nearest to an edge of its own that it is not on, and that vertex
    (x, y): where the minimum clearance is (NaN when no vertex is within the tolerance)."""
    xy, ring = shapely.get_coordinates(shapely.get_rings(shapely.get_parts(geometry)), return_index=True)
    start = np.flatnonzero(ring[:-1] == ring[1:])
    a, b = xy[start], xy[start + 1]
    vertices = np.unique(xy, axis=0)
    segments = shapely.linestrings(np.stack([a, b], axis=1))
    v, s = shapely.STRtree(segments).query(shapely.points(vertices), predicate="dwithin", distance=tolerance)
    own = (vertices[v] == a[s]).all(axis=1) | (vertices[v] == b[s]).all(axis=1)
    v, s = v[~own], s[~own]
    if len(v) == 0:
        return float("nan"), float("nan"), float("nan")
    distance = shapely.distance(shapely.points(vertices[v]), segments[s])
    k = int(np.argmin(distance))
    return float(distance[k]), float(vertices[v[k], 0]), float(vertices[v[k], 1])


def clearance_problems(
    geometries: np.ndarray, check: np.ndarray, labels: Sequence[str | Message], fids: Sequence[int],
    codes: Sequence[str], tolerance: float,
) -> list[Problem]:
    """near_degenerate problems of the grids at `check` (valid polygons in the working CRS)."""
    if tolerance <= 0 or len(check) == 0:
        return []
    problems = []
    for k in check[clearance_below(geometries[check], tolerance)].tolist():
        distance, x, y = near_miss(geometries[k], tolerance)
        if not np.isfinite(distance):  # two vertices nearer than the tolerance: the clearance between them
            distance = float(shapely.minimum_clearance(geometries[k]))
            x, y = shapely.get_coordinates(geometries[k])[0]
        problems.append(Problem(
            NEAR_DEGENERATE,
            message("grid {code} (feature {fid}) has a vertex {distance:.2g} m from an edge of its own at "
                    "({x:.3f}, {y:.3f}), closer than the minimum clearance of {clearance} m: a reprojection can "
                    "make it invalid; divide again (dividegrids keeps vertices on a precision grid) or fix it",
                    code=labels[k], fid=fids[k], distance=distance, x=x, y=y, clearance=tolerance),
            geometries[k], (fids[k],), codes[k]))
    return problems


def reprojection_problems(
    geometries: np.ndarray, check: np.ndarray, reprojected: Mapping[str, Sequence[BaseGeometry | None]],
    labels: Sequence[str | Message], fids: Sequence[int], codes: Sequence[str],
) -> list[Problem]:
    """invalid_in_crs problems: of the grids at `check` (valid in the working CRS), those invalid in one
    of the CRS of `reprojected` (name → every grid's geometry there, in the order of the grids)."""
    problems = []
    for crs, moved in reprojected.items():
        there = np.empty(len(geometries), dtype=object)
        there[:] = list(moved)
        bad, reasons = invalid_in(there[check])
        for k, reason in zip(check[bad].tolist(), reasons):
            problems.append(Problem(
                INVALID_IN_CRS,
                message("grid {code} (feature {fid}) is valid in the working CRS but invalid in {crs} ({reason}); "
                        "divide again (dividegrids keeps grids valid in every CRS) or repair it where it is "
                        "written", code=labels[k], fid=fids[k], crs=crs, reason=reason),
                geometries[k], (fids[k],), codes[k]))
    return problems
