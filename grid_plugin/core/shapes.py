"""Small geometry helpers shared by core modules."""

from __future__ import annotations

import numpy as np
import shapely

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
