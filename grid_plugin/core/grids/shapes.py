"""Small geometry helpers shared by core modules."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

POLYGONS = (3,)  # Polygon
LINES = (1, 2)  # LineString, LinearRing
# A face of noded linework narrower than this on average (2 × area / perimeter) is a sliver of
# rounding between vertices a few ulps apart, not a piece of ground (m).
_SLIVER_WIDTH_M = 1e-6
_COLLECTIONS = (4, 5, 6, 7)  # Multi*, GeometryCollection
# shapely.get_type_id of each geometry class (shapely 2 makes the class from the GEOS type), looked up
# without a ufunc call for the cutting loops' single geometries
_TYPE_IDS = {shapely.Point: 0, shapely.LineString: 1, shapely.LinearRing: 2, shapely.Polygon: 3,
             shapely.MultiPoint: 4, shapely.MultiLineString: 5, shapely.MultiPolygon: 6, shapely.GeometryCollection: 7}


def simple_parts(geometries: np.ndarray, kinds: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    """The simple parts of the given kinds inside each geometry, and the index each came from.

    Multi-geometries and collections (as overlays and make_valid return them) are unpacked at
    any depth; empty parts and parts without length or area are dropped.
    """
    parts, index = shapely.get_parts(geometries, return_index=True)
    nested = np.isin(shapely.get_type_id(parts), _COLLECTIONS)
    while nested.any():
        sub, sub_index = shapely.get_parts(parts[nested], return_index=True)
        parts = np.concatenate([parts[~nested], sub])
        index = np.concatenate([index[~nested], index[nested][sub_index]])
        nested = np.isin(shapely.get_type_id(parts), _COLLECTIONS)
    types = shapely.get_type_id(parts)
    measure = np.where(types == 3, shapely.area(parts), shapely.length(parts))
    keep = np.isin(types, kinds) & (measure > 0)
    return parts[keep], index[keep]


def parts_of(geometry: BaseGeometry, kinds: tuple[int, ...]) -> list[BaseGeometry]:
    """simple_parts for one geometry, without numpy's overhead: the cutting loops call this
    tens of thousands of times on results that are almost always a single part already."""
    kind = _TYPE_IDS.get(type(geometry))
    if kind is None:
        kind = shapely.get_type_id(geometry)
    if kind in kinds:
        measure = geometry.area if kind == 3 else geometry.length
        return [geometry] if measure > 0 else []
    if kind in _COLLECTIONS:
        return [part for member in geometry.geoms for part in parts_of(member, kinds)]
    return []


def faces_to_parts(linework: np.ndarray, parts: list[BaseGeometry], crumb_m2: float) -> list[BaseGeometry]:
    """The parts rebuilt from the faces of one noding of the linework, so that neighbouring
    parts share identical vertices.

    Parts made by separate overlays agree along common edges only up to rounding (1e-13 m), and
    GEOS overlays on such near-coincident edges can go badly wrong (two neighbours' union or
    intersection off by half their area). The linework (the parts' edges, or an outline and the
    cuts made in it) is noded once and polygonized; every face goes back to the part its
    interior point lies in (the first listed, if two), faces in holes lie in none and are
    dropped, and crumbs of rounding below crumb_m2 join the nearest part.
    """
    noded = shapely.union_all(np.asarray(linework, dtype=object))
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
    if _slivers(faces).any():
        # the noder put a crossing a few ulps beside a vertex of the parts (GEOS 3.13 cuts, seen on
        # random scenes of tests/unit/test_follow.py), leaving neighbours with edges that nearly
        # coincide: snap the linework onto the parts' vertices and node it again
        vertices = shapely.multipoints(shapely.get_coordinates(np.array(parts, dtype=object)))
        noded = shapely.union_all(shapely.get_parts(shapely.snap(noded, vertices, _SLIVER_WIDTH_M)))
        faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
    tree = shapely.STRtree(np.array(parts, dtype=object))
    face_index, part_index = tree.query(shapely.point_on_surface(faces), predicate="within")
    owner = np.full(len(faces), -1, dtype=np.int64)
    owner[face_index[::-1]] = part_index[::-1]
    crumbs = np.flatnonzero((owner < 0) & (shapely.area(faces) < crumb_m2))
    if len(crumbs):
        owner[crumbs] = tree.query_nearest(faces[crumbs], all_matches=False)[1]
    kept = owner >= 0
    order = np.argsort(owner[kept], kind="stable")
    faces, owner = faces[kept][order], owner[kept][order]
    starts = np.searchsorted(owner, np.arange(len(parts) + 1))
    out = []
    for k in range(len(parts)):
        own = faces[starts[k]:starts[k + 1]]
        if len(own):
            out.append(own[0] if len(own) == 1 else shapely.coverage_union_all(own))
    return out


def _slivers(faces: np.ndarray) -> np.ndarray:
    """Faces of zero width (2 × area / perimeter below _SLIVER_WIDTH_M): rounding, not ground."""
    return 2 * shapely.area(faces) < _SLIVER_WIDTH_M * shapely.length(faces)
