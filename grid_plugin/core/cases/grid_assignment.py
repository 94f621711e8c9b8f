"""Which unit grid each component (or case) stands in: its BGID (所在单元网格).

- Points: the grid containing the point. A point on the edge between grids lies in several;
  it goes to the one first in `priority` order (by default the lowest grid code), so the
  choice never depends on the order grids were read in.
- Lines and polygons: the grid holding the largest share of the component's length (lines) or
  area (polygons); the share is returned so that a component straddling grids can be flagged.
- Components in no grid get -1 and share 0.

Points go through core.cases.point_location.PointLocator (a raster of grid cells, GEOS only near grid
edges); lines and polygons through one STRtree query and vectorised GEOS calls over all candidate
pairs. A million point components take a fraction of a second.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from grid_plugin.core.cases.point_location import PointLocator

_POINT_TYPES = (0, 4)  # Point, MultiPoint
_LINE_TYPES = (1, 2, 5)  # LineString, LinearRing, MultiLineString


@dataclass
class GridAssignment:
    grid: np.ndarray  # index into the grids, -1 outside every grid
    share: np.ndarray  # share of the component's length/area in that grid (points: 1 or 0)

    def outside(self) -> np.ndarray:
        return np.flatnonzero(self.grid < 0)


def assign_to_grids(components: np.ndarray, grids: np.ndarray, priority: np.ndarray | None = None) -> GridAssignment:
    """The grid of every component (see the module docstring).

    `priority` ranks the grids for ties (lower first); by default their index order. Pass the
    rank of each grid's code to make ties go to the lowest code.
    """
    components = np.asarray(components, dtype=object)
    grids = np.asarray(grids, dtype=object)
    n = len(components)
    grid = np.full(n, -1, dtype=np.int64)
    share = np.zeros(n)
    if n == 0 or len(grids) == 0:
        return GridAssignment(grid, share)
    rank = np.arange(len(grids)) if priority is None else np.asarray(priority)
    present = ~shapely.is_missing(components) & ~shapely.is_empty(components)
    types = np.full(n, -1)
    types[present] = shapely.get_type_id(components[present])
    tree = shapely.STRtree(grids)
    shapely.prepare(grids)

    points = np.flatnonzero(np.isin(types, _POINT_TYPES))
    if len(points):
        # a multipoint counts by its first point (a component is one object)
        where = components[points].copy()
        multi = types[points] == 4
        if multi.any():
            where[multi] = shapely.get_geometry(where[multi], 0)
        xy = shapely.get_coordinates(where)  # one (x, y) per point: multipoints were reduced above
        found = PointLocator(grids, rank).locate(xy[:, 0], xy[:, 1])
        grid[points] = found
        share[points] = (found >= 0).astype(float)

    for kinds, measure in ((_LINE_TYPES, shapely.length), ((3, 6), shapely.area)):
        chosen = np.flatnonzero(np.isin(types, kinds))
        if len(chosen) == 0:
            continue
        local, g = tree.query(components[chosen], predicate="intersects")
        inside = measure(shapely.intersection(components[chosen][local], grids[g]))
        _pick(chosen[local], g, inside, rank, grid, share, measure(components[chosen]), chosen)
    return GridAssignment(grid, share)


def _pick(component: np.ndarray, grid_index: np.ndarray, amount: np.ndarray, rank: np.ndarray,
          grid: np.ndarray, share: np.ndarray, totals: np.ndarray, members: np.ndarray) -> None:
    """For each component, the candidate grid with the largest amount (ties: lowest rank)."""
    keep = amount > 0
    component, grid_index, amount = component[keep], grid_index[keep], amount[keep]
    if len(component) == 0:
        return
    order = np.lexsort((rank[grid_index], -amount, component))
    component, grid_index, amount = component[order], grid_index[order], amount[order]
    first = np.r_[True, component[1:] != component[:-1]]
    winners, winner_grid, winner_amount = component[first], grid_index[first], amount[first]
    total = np.zeros(len(grid))
    total[members] = totals
    grid[winners] = winner_grid
    with np.errstate(invalid="ignore", divide="ignore"):
        share[winners] = np.where(total[winners] > 0, np.minimum(winner_amount / total[winners], 1.0), 0.0)
