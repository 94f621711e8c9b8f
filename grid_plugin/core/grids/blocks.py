"""Blocks of a community: the faces its boundary and the lines to follow cut it into.

The first step of road-following division (地理布局: grids bounded by roads, rivers and walls).
Lines are clipped to the community and noded together with its boundary (so unnoded crossings,
duplicate and overlapping lines are resolved), then polygonized. Dangling lines bound no face
(core.grids.dangles uses them to cut large blocks); zero-length and outside lines contribute nothing. The blocks
cover the community exactly: every face of the arrangement inside it, and nothing outside (holes stay holes).
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from grid_plugin.core.grids.shapes import LINES, simple_parts

# Lines this close to the community boundary run along it (m): real boundaries are drawn on road
# centre lines from another source, a few millimetres to centimetres off, and every such stretch would
# otherwise cut a sliver face off the community that ends as a spike on some grid.
BOUNDARY_SNAP_M = 0.05
# Faces narrower than this on average (2·area / perimeter, m) are rounding crumbs, not ground.
CRUMB_WIDTH_M = 1e-6


def linear_parts(geometries: np.ndarray) -> np.ndarray:
    """The LineStrings inside the geometries (collections unpacked, zero-length parts dropped)."""
    return simple_parts(geometries, LINES)[0]


def onto_boundary(lines: np.ndarray, boundary: BaseGeometry, tolerance: float) -> tuple[np.ndarray, BaseGeometry]:
    """The lines with every vertex within `tolerance` of the boundary moved onto it (its nearest
    point) and the boundary's vertices within `tolerance` inserted into them (GEOS snapping), and the
    boundary with the moved vertices inserted into it: a line along the boundary then shares its
    vertices and edges instead of cutting slivers (or, a rounding error apart, spikes) off it. Lines
    that collapse to nothing are dropped."""
    xy, owner = shapely.get_coordinates(lines, return_index=True)
    if len(xy) == 0:
        return lines, boundary
    points = shapely.points(xy)
    shapely.prepare(boundary)
    near = np.flatnonzero(shapely.dwithin(points, boundary, tolerance))
    if len(near) == 0:
        return lines, boundary
    xy = xy.copy()
    xy[near] = shapely.get_coordinates(shapely.line_interpolate_point(
        boundary, shapely.line_locate_point(boundary, points[near])))
    touched = np.unique(owner[near])
    # get_coordinates lists the lines' vertices line by line: the touched lines' vertices, in order
    moved = shapely.set_coordinates(lines[touched].copy(), xy[np.isin(owner, touched)])
    lines = lines.copy()
    lines[touched] = shapely.snap(moved, boundary, tolerance)
    boundary = shapely.snap(boundary, shapely.multipoints(xy[near]), CRUMB_WIDTH_M)
    return linear_parts(lines), boundary


def community_blocks(community: BaseGeometry, lines: np.ndarray) -> np.ndarray:
    """Polygons the lines cut the community into (the community itself when no line crosses it)."""
    candidates = np.asarray(lines, dtype=object)
    if len(candidates):
        shapely.prepare(community)
        candidates = candidates[shapely.intersects(community, candidates)]
    inside = linear_parts(shapely.intersection(candidates, community)) if len(candidates) else candidates
    if len(inside) == 0:
        return _canonical(np.array(shapely.get_parts(community), dtype=object))
    inside, boundary = onto_boundary(inside, community.boundary, BOUNDARY_SNAP_M)
    if len(inside) == 0:
        return _canonical(np.array(shapely.get_parts(community), dtype=object))
    linework = np.concatenate([linear_parts(np.array([boundary], dtype=object)), inside])
    noded = shapely.union_all(linework)  # nodes every crossing and dissolves duplicates
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
    # faces of the community's holes are polygonized too: keep only faces inside the community
    faces = faces[shapely.contains_properly(community, shapely.point_on_surface(faces))]
    # a line put onto the boundary coincides with it up to rounding: the faces between are crumbs of no
    # width, which would hang off a block as a spike (the precision grid closes the gap they leave)
    faces = faces[2.0 * shapely.area(faces) >= CRUMB_WIDTH_M * shapely.length(faces)]
    return _canonical(faces)


def _canonical(faces: np.ndarray) -> np.ndarray:
    """Faces in a fixed order and form: the order lines come in changes the order of the faces
    and where their rings start, and nothing downstream may depend on that."""
    faces = shapely.normalize(faces)
    centres = shapely.get_coordinates(shapely.point_on_surface(faces))
    return faces[np.lexsort((centres[:, 0], -centres[:, 1]))]
