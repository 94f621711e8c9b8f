"""Container polygons (communities) that unit grids are divided within.

Checks what division needs before any work starts, so that a bad layer is reported in full,
naming every feature at fault, instead of failing halfway: missing or unusable geometries,
invalid geometries (repaired, with a warning), duplicate community codes and overlapping
communities (a grid must belong to exactly one community). Overlaps and gaps up to the overlap
tolerance are given to a neighbour (core.grids.container_repair), so that the communities tile.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from grid_plugin.core.errors import GridInputError, Message, message
from grid_plugin.core.grids.codes import CommunityCode
from grid_plugin.core.grids.container_repair import DEFAULT_OVERLAP_TOLERANCE_M2, MAX_LISTED, listing, repair_tiling
from grid_plugin.core.grids.shapes import POLYGONS, simple_parts


@dataclass(frozen=True)
class Container:
    """A community polygon in the working CRS with its codes and names."""

    fid: int
    geometry: BaseGeometry
    code: CommunityCode
    street_name: str = ""
    community_name: str = ""

    @property
    def label(self) -> str:
        """Its code and name, for messages."""
        return f"{self.code.code12} {self.community_name}".strip()


def polygonal_part(geometry: BaseGeometry) -> BaseGeometry:
    """The polygons inside any geometry (a GeometryCollection from make_valid, say), as one."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts, _ = simple_parts(np.array([geometry], dtype=object), POLYGONS)
    return shapely.union_all(parts) if len(parts) else shapely.Polygon()


def repair(fid: int, geometry: BaseGeometry | None) -> tuple[BaseGeometry, Message | None]:
    """Return a valid polygonal geometry and a warning if it had to be repaired.

    Raises GridInputError naming the feature when nothing polygonal can be made of it.
    """
    if geometry is None or geometry.is_empty:
        raise GridInputError("feature {fid} has no geometry; draw it or remove the feature", (fid,), fid=fid)
    if geometry.geom_type not in ("Polygon", "MultiPolygon"):
        raise GridInputError(
            "feature {fid} is a {kind}, not a polygon; communities must be polygons",
            (fid,), fid=fid, kind=geometry.geom_type,
        )
    # Repeated vertices are harmless to validity, but GEOS 3.11 answers distances to such a ring
    # with NaN (three of Manhattan's neighbourhoods), and grids must be measured against it.
    geometry = shapely.remove_repeated_points(geometry)
    if geometry.is_valid:
        return geometry, None
    reason = shapely.is_valid_reason(geometry)
    fixed = polygonal_part(shapely.make_valid(geometry))
    if fixed.is_empty or fixed.area <= 0:
        raise GridInputError(
            "feature {fid} has an invalid geometry ({reason}) that cannot be repaired; redraw it",
            (fid,), fid=fid, reason=reason,
        )
    change = abs(fixed.area - geometry.buffer(0).area)
    return fixed, message(
        "feature {fid}: invalid geometry ({reason}) repaired with make_valid; "
        "area changed by {change:.1f} m², check the result",
        fid=fid, reason=reason, change=change,
    )


def check_unique_codes(containers: Sequence[Container]) -> None:
    by_code: dict[str, list[int]] = defaultdict(list)
    for c in containers:
        by_code[c.code.code12].append(c.fid)
    dupes = {code: fids for code, fids in by_code.items() if len(fids) > 1}
    if dupes:
        listed = [f"{code} (#{', #'.join(map(str, fids))})" for code, fids in sorted(dupes.items())]
        raise GridInputError(
            "community codes must be unique; duplicated: {listing}. "
            "Give each community its own code or merge the features",
            tuple(f for fids in dupes.values() for f in fids), listing=listing(listed),
        )


def prepare_containers(
    fids: Sequence[int],
    geometries: Sequence[BaseGeometry | None],
    codes: Sequence[CommunityCode],
    street_names: Sequence[str] | None = None,
    community_names: Sequence[str] | None = None,
    overlap_tolerance_m2: float = DEFAULT_OVERLAP_TOLERANCE_M2,
) -> tuple[list[Container], list[Message]]:
    """Validate and repair the input communities; return them with the repair warnings.

    Overlaps and gaps between communities up to `overlap_tolerance_m2` (each piece) are given to the
    community sharing the longest edge with them; a larger overlap is an error, a larger gap a warning.

    Every problem of one kind is collected before raising, so one run lists all the features
    that need fixing.
    """
    if len(fids) == 0:
        raise GridInputError("the community layer has no features; choose a layer with polygons")
    problems: list[GridInputError] = []
    warnings: list[Message] = []
    containers: list[Container] = []
    for k, fid in enumerate(fids):
        try:
            geometry, warning = repair(fid, geometries[k])
        except GridInputError as err:
            problems.append(err)
            continue
        if warning:
            warnings.append(warning)
        containers.append(
            Container(
                fid=fid,
                geometry=geometry,
                code=codes[k],
                street_name=(street_names[k] if street_names else "") or "",
                community_name=(community_names[k] if community_names else "") or "",
            )
        )
    if problems:
        raise GridInputError(
            "{count} feature(s) cannot be used: {problems}",
            tuple(f for p in problems for f in p.feature_ids),
            count=len(problems), problems=[p.message for p in problems[:MAX_LISTED]],
        )
    check_unique_codes(containers)
    tiled, repairs = repair_tiling([c.geometry for c in containers], [c.fid for c in containers],
                                   [c.label for c in containers], overlap_tolerance_m2)
    return [replace(c, geometry=g) for c, g in zip(containers, tiled)], warnings + repairs
