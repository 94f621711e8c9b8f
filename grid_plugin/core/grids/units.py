"""Polygon features to follow, and managed units (现状管理: one managed compound is one unit grid).

The boundaries of polygon features (land-use parcels, building blocks, compounds, schools, water bodies) are
followed like lines (core.grids.follow: lines of their own kind and crossing rank), so they bound blocks. A polygon
flagged as a managed unit (a walled compound, a school, a park) also keeps its land together: within a community, the
blocks of its land (the other lines may cut it: its own lanes, a parcel inside it) are joined into one block, and that
block is one grid up to the open-land maximum (OPEN_LAND_MAX, by default 4 × the target area) instead of being cut at
the maximum grid area. Where managed units overlap, land belongs to the smallest one over it (a school inside a
compound is a unit of its own, and the compound's block goes round it). A unit's part in a community larger than the
open-land maximum is divided like other land, with a warning naming the unit.

Merging (core.grids.merging): a unit smaller than the minimum area joins a neighbour like any block; a unit of at
least the minimum area takes in no small block that has another neighbour to join (its grid stays the managed unit),
only strips (the land between its wall and the centre line of the road outside it, STRIP_WIDTH_M) and blocks with no
other neighbour.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from grid_plugin.core.errors import Message, message
from grid_plugin.core.grids.containers import Container
from grid_plugin.core.grids.shapes import POLYGONS, parts_of, simple_parts

# The open-land maximum, when not given, as a multiple of the target area.
OPEN_LAND_FRACTION = 4.0
# Values of a managed-unit flag read as yes or no (after trimming, case-insensitive).
_YES = frozenset({"1", "true", "t", "yes", "y", "是", "真"})
_NO = frozenset({"0", "false", "f", "no", "n", "否", "假", "", "null"})


def unit_flag(value: object) -> bool | None:
    """Whether a managed-unit flag (an expression's value for one feature) says yes: booleans, numbers (0 is no)
    and yes/no words; NULL is no. None for a value that says neither (the caller names it)."""
    if value is None:
        return False
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value) != 0
    if isinstance(value, (float, np.floating)):
        return not math.isnan(float(value)) and float(value) != 0.0
    text = str(value).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    return None


def repair_polygons(geometries: np.ndarray) -> tuple[np.ndarray, list[tuple[int, str, float]]]:
    """Every geometry as a valid polygonal one (make_valid keeps its polygons; None where nothing polygonal is
    left), and (index, reason, area change m²) of each one repaired."""
    out = np.array(geometries, dtype=object)
    repaired = []
    for k in np.flatnonzero(~shapely.is_missing(out) & ~shapely.is_empty(out) & ~shapely.is_valid(out)).tolist():
        reason = shapely.is_valid_reason(out[k])
        parts, _ = simple_parts(np.array([shapely.make_valid(out[k])], dtype=object), POLYGONS)
        fixed = shapely.union_all(parts) if len(parts) else None
        repaired.append((k, reason, abs((fixed.area if fixed is not None else 0.0) - out[k].buffer(0).area)))
        out[k] = fixed
    return out, repaired


@dataclass
class ManagedUnits:
    """Polygons (in the working CRS) each managed as one unit, and how warnings name each (its layer and feature:
    a text or a core message)."""

    geometries: np.ndarray
    names: list[object]
    bounds: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.geometries = np.asarray(self.geometries, dtype=object)
        self.names = list(self.names)
        if len(self.names) != len(self.geometries):
            raise ValueError("one name per managed unit")
        self.bounds = shapely.bounds(self.geometries).reshape(-1, 4)

    def __len__(self) -> int:
        return len(self.geometries)

    def near(self, area: BaseGeometry) -> ManagedUnits:
        """The units that meet the area (a community), in their order."""
        if len(self) == 0:
            return self
        x0, y0, x1, y1 = area.bounds
        b = self.bounds
        candidates = np.flatnonzero((b[:, 0] <= x1) & (b[:, 2] >= x0) & (b[:, 1] <= y1) & (b[:, 3] >= y0))
        hits = candidates[shapely.intersects(area, self.geometries[candidates])]
        return ManagedUnits(self.geometries[hits], [self.names[k] for k in hits.tolist()])

    @staticmethod
    def concatenate(sets: Sequence[ManagedUnits | None]) -> ManagedUnits | None:
        given = [s for s in sets if s is not None]
        if not given:
            return None
        return ManagedUnits(np.concatenate([s.geometries for s in given] + [np.empty(0, dtype=object)]),
                            [name for s in given for name in s.names])


@dataclass
class UnitBlocks:
    """A community's blocks with each managed unit's joined into one."""

    blocks: np.ndarray
    whole: np.ndarray  # bool: a managed unit within the open-land maximum: one grid, never cut
    closed: np.ndarray  # bool: whole and of at least the minimum area: takes in no small block that can go elsewhere

    @classmethod
    def of(cls, blocks: np.ndarray, whole: np.ndarray, minimum: float) -> UnitBlocks:
        """The blocks with their whole mask; closed: the whole ones of at least the minimum area."""
        return cls(blocks, whole, whole & (shapely.area(blocks) >= minimum))


def _unit_of_blocks(blocks: np.ndarray, units: ManagedUnits, areas: np.ndarray) -> np.ndarray:
    """The smallest unit over each block (-1: none)."""
    owner = np.full(len(blocks), -1, dtype=np.int64)
    block, unit = shapely.STRtree(units.geometries).query(shapely.point_on_surface(blocks), predicate="within")
    if len(block):
        order = np.lexsort((unit, areas[unit], block))
        block, unit = block[order], unit[order]
        first = np.unique(block, return_index=True)[1]
        owner[block[first]] = unit[first]
    return owner


def join_units(blocks: np.ndarray, community: BaseGeometry, units: ManagedUnits | None, minimum: float,
               open_land: float) -> UnitBlocks:
    """The blocks of each managed unit whose part in the community is at most `open_land` m² joined into one (a
    part the community's outline cuts in two gives two blocks), in place of the first of them."""
    none = np.zeros(len(blocks), dtype=bool)
    if units is None or len(units) == 0 or len(blocks) == 0:
        return UnitBlocks(blocks, none, none.copy())
    areas = shapely.area(shapely.intersection(units.geometries, community))
    owner = _unit_of_blocks(blocks, units, areas)
    owner[(owner >= 0) & (areas[np.maximum(owner, 0)] > open_land)] = -1  # divided like other land (warned)
    if (owner < 0).all():
        return UnitBlocks(blocks, none, none.copy())
    out: list[BaseGeometry] = []
    whole: list[bool] = []
    for k, unit in enumerate(owner.tolist()):
        if unit < 0:
            out.append(blocks[k])
            whole.append(False)
            continue
        members = np.flatnonzero(owner == unit)
        if members[0] != k:
            continue  # joined into the unit's first block
        joined = blocks[k] if len(members) == 1 else shapely.coverage_union_all(blocks[members])
        for part in parts_of(joined, POLYGONS):
            out.append(part)
            whole.append(True)
    geometries = np.array(out, dtype=object)
    whole_mask = np.array(whole, dtype=bool)
    return UnitBlocks.of(geometries, whole_mask, minimum)


def in_units(blocks: np.ndarray, units: ManagedUnits | None) -> np.ndarray:
    """True for each block inside a managed unit."""
    inside = np.zeros(len(blocks), dtype=bool)
    if units is not None and len(units) and len(blocks):
        block, _ = shapely.STRtree(units.geometries).query(shapely.point_on_surface(blocks), predicate="within")
        inside[block] = True
    return inside


def oversized_units(containers: Sequence[Container], units: ManagedUnits | None, open_land: float) -> list[Message]:
    """A warning for each managed unit whose part in a community is larger than the open-land maximum."""
    if units is None or len(units) == 0 or not containers:
        return []
    communities = np.array([c.geometry for c in containers], dtype=object)
    unit, community = shapely.STRtree(communities).query(units.geometries, predicate="intersects")
    areas = shapely.area(shapely.intersection(units.geometries[unit], communities[community]))
    warnings = []
    for u, c, area in sorted(zip(unit.tolist(), community.tolist(), areas.tolist())):
        if area > open_land:
            warnings.append(message(
                "managed unit {unit} covers {area:.0f} m² of community {community} (feature {fid}), more than the "
                "open-land maximum OPEN_LAND_MAX of {limit:.0f} m²: it was divided like other land; raise "
                "OPEN_LAND_MAX to keep it one grid",
                unit=units.names[u], area=area, community=containers[c].label, fid=containers[c].fid,
                limit=open_land))
    return warnings
