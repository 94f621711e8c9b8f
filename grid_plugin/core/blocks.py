"""Blocks of a community: the faces its boundary and the lines to follow cut it into.

The first step of road-following division (地理布局: grids bounded by roads, rivers and walls).
Lines are clipped to the community and noded together with its boundary (so unnoded crossings,
duplicate and overlapping lines are resolved), then polygonized. Dangling lines bound no face
(core.dangles uses them to cut large blocks); zero-length and outside lines contribute nothing. The blocks cover the
community exactly: every face of the arrangement inside it, and nothing outside (holes stay holes).
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from grid_plugin.core.shapes import LINES, simple_parts


def linear_parts(geometries: np.ndarray) -> np.ndarray:
    """The LineStrings inside the geometries (collections unpacked, zero-length parts dropped)."""
    return simple_parts(geometries, LINES)[0]


def community_blocks(community: BaseGeometry, lines: np.ndarray) -> np.ndarray:
    """Polygons the lines cut the community into (the community itself when no line crosses it)."""
    candidates = np.asarray(lines, dtype=object)
    if len(candidates):
        shapely.prepare(community)
        candidates = candidates[shapely.intersects(community, candidates)]
    inside = linear_parts(shapely.intersection(candidates, community)) if len(candidates) else candidates
    if len(inside) == 0:
        return _canonical(np.array(shapely.get_parts(community), dtype=object))
    linework = np.concatenate([linear_parts(np.array([community.boundary], dtype=object)), inside])
    noded = shapely.union_all(linework)  # nodes every crossing and dissolves duplicates
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
    # faces of the community's holes are polygonized too: keep only faces inside the community
    faces = faces[shapely.contains_properly(community, shapely.point_on_surface(faces))]
    return _canonical(faces)


def _canonical(faces: np.ndarray) -> np.ndarray:
    """Faces in a fixed order and form: the order lines come in changes the order of the faces
    and where their rings start, and nothing downstream may depend on that."""
    faces = shapely.normalize(faces)
    centres = shapely.get_coordinates(shapely.point_on_surface(faces))
    return faces[np.lexsort((centres[:, 0], -centres[:, 1]))]
