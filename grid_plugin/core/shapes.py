"""Small geometry helpers shared by core modules."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

POLYGONS = (3,)  # Polygon
LINES = (1, 2)  # LineString, LinearRing
_COLLECTIONS = (4, 5, 6, 7)  # Multi*, GeometryCollection


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
    kind = shapely.get_type_id(geometry)
    if kind in kinds:
        measure = geometry.area if kind == 3 else geometry.length
        return [geometry] if measure > 0 else []
    if kind in _COLLECTIONS:
        return [part for member in geometry.geoms for part in parts_of(member, kinds)]
    return []
