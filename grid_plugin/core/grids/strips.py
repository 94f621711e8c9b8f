"""Strips between managed units shared among them.

Between the walls of neighbouring compounds there is often land no line bounds: an unmapped lane, a
green verge, the gap between two parcels drawn from different sources. Such a strip runs on past
several compounds; joined to one of them (core.grids.merging takes strips into managed units), it
would make that compound's grid a ring round its neighbours. A strip (narrower than STRIP_WIDTH_M
on average, smaller than the minimum area) along two or more whole managed units is divided among
them instead: each part of it goes to the unit nearest to it (a Voronoi partition of points along the
units' edges), as the land on each side of a lane's centre line goes to the compound on that side.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from grid_plugin.core.grids.merging import STRIP_WIDTH_M
from grid_plugin.core.grids.shapes import POLYGONS, faces_to_parts, parts_of
from grid_plugin.core.grids.units import UnitBlocks

# A strip and a unit block sharing less edge than this do not border each other (m).
_SHARED_M = 1.0
# Faces below this area left by noding the blocks again (rounding crumbs) join the nearest block (m²).
_CRUMB_M2 = 1e-6
# Points along the units' edges this far apart decide which unit each part of a strip is nearest (m).
_SPACING_M = 1.0


def share_strips(units: UnitBlocks, minimum: float) -> UnitBlocks:
    """The blocks with every strip along two or more whole blocks divided among them (see the module). A
    division whose result is not one valid polygon per unit is not made."""
    blocks, whole = units.blocks, units.whole
    if len(blocks) < 3 or whole.sum() < 2:
        return units
    areas = shapely.area(blocks)
    with np.errstate(divide="ignore", invalid="ignore"):
        width = 2.0 * areas / shapely.length(blocks)
    strips = np.flatnonzero(~whole & (areas < minimum) & (width < STRIP_WIDTH_M))
    if len(strips) == 0:
        return units
    out = blocks.copy()
    gone = np.zeros(len(blocks), dtype=bool)
    tree = shapely.STRtree(blocks)
    for s in strips.tolist():
        near = tree.query(blocks[s], predicate="intersects")
        near = near[whole[near] & (near != s)]
        if len(near) < 2:
            continue
        shared = shapely.length(shapely.intersection(shapely.boundary(blocks[s]), shapely.boundary(out[near])))
        near = near[shared >= _SHARED_M]
        if len(near) < 2:
            continue
        joined = _divided(blocks[s], out[near])
        if joined is not None:
            out[near] = joined
            gone[s] = True
    if not gone.any():
        return units
    # the parts of a strip meet the blocks around at new vertices: node them all again, so that every
    # neighbour has them (merging's coverage unions need identical shared edges)
    kept = out[~gone]
    rebuilt = faces_to_parts(shapely.boundary(kept), list(kept), _CRUMB_M2)
    return UnitBlocks.of(np.array(rebuilt, dtype=object), whole[~gone], minimum)


def _divided(strip: BaseGeometry, units: np.ndarray) -> np.ndarray | None:
    """The units each with the part of the strip nearest to it, or None when that gives anything but one
    valid polygon per unit."""
    points, label = [], []
    for k, unit in enumerate(units):
        edge = shapely.intersection(shapely.boundary(unit), strip.buffer(_SPACING_M))
        xy = shapely.get_coordinates(shapely.segmentize(edge, _SPACING_M))
        points.append(xy)
        label.append(np.full(len(xy), k))
    xy, owner = np.concatenate(points), np.concatenate(label)
    xy, first = np.unique(xy, axis=0, return_index=True)
    owner = owner[first]
    if len(np.unique(owner)) < 2:
        return None
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(xy), extend_to=strip))
    cell_of, point_of = shapely.STRtree(shapely.points(xy)).query(cells, predicate="contains")
    result = units.copy()
    for k in range(len(units)):
        mine = np.unique(cell_of[owner[point_of] == k])
        if len(mine) == 0:
            continue
        piece = shapely.intersection(strip, shapely.union_all(cells[mine]))
        merged = parts_of(shapely.union(units[k], piece), POLYGONS)
        if len(merged) != 1 or not merged[0].is_valid:
            return None
        result[k] = merged[0]
    taken = shapely.union_all(result)
    if abs(taken.area - (shapely.area(units).sum() + strip.area)) > 1e-6 * max(taken.area, 1.0):
        return None  # a part lost or taken twice
    return result
