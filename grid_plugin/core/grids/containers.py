"""Container polygons (communities) that unit grids are divided within.

Checks what division needs before any work starts, so that a bad layer is reported in full,
naming every feature at fault, instead of failing halfway: missing or unusable geometries,
invalid geometries (repaired, with a warning), duplicate community codes and overlapping
communities (a grid must belong to exactly one community).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from grid_plugin.core.errors import GridInputError, Message, message
from grid_plugin.core.grids.codes import CommunityCode
from grid_plugin.core.grids.shapes import POLYGONS, simple_parts

# Shared edges of neighbouring communities digitised twice rarely agree exactly; overlaps up to
# this many m² are digitising noise, larger ones are real and must be fixed in the input.
DEFAULT_OVERLAP_TOLERANCE_M2 = 1.0
_MAX_LISTED = 20


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


def _listing(items: Sequence[str]) -> str:
    """At most _MAX_LISTED items, then how many more (a count, language-neutral)."""
    shown = ", ".join(items[:_MAX_LISTED])
    more = len(items) - _MAX_LISTED
    return shown + (f", … (+{more})" if more > 0 else "")


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
            tuple(f for fids in dupes.values() for f in fids), listing=_listing(listed),
        )


def find_overlaps(
    geometries: Sequence[BaseGeometry], tolerance_m2: float = DEFAULT_OVERLAP_TOLERANCE_M2
) -> list[tuple[int, int, float]]:
    """Pairs (i, j, area) of geometries whose interiors overlap by more than the tolerance."""
    geoms = np.asarray(geometries, dtype=object)
    if len(geoms) < 2:
        return []
    tree = shapely.STRtree(geoms)
    # "overlaps" misses a community lying wholly inside another: ask for "contains" as well.
    found = np.concatenate([tree.query(geoms, predicate=p) for p in ("overlaps", "contains")], axis=1)
    found = found[:, found[0] != found[1]]
    key = np.unique(np.sort(found.T, axis=1), axis=0)
    if key.size == 0:
        return []
    areas = shapely.area(shapely.intersection(geoms[key[:, 0]], geoms[key[:, 1]]))
    return [(int(i), int(j), float(a)) for (i, j), a in zip(key, areas) if a > tolerance_m2]


def check_no_overlaps(
    containers: Sequence[Container], tolerance_m2: float = DEFAULT_OVERLAP_TOLERANCE_M2
) -> None:
    overlaps = find_overlaps([c.geometry for c in containers], tolerance_m2)
    if overlaps:
        listed = [
            f"#{containers[i].fid} {containers[i].label} & #{containers[j].fid} {containers[j].label} "
            f"({area:.1f} m²)" for i, j, area in overlaps
        ]
        largest = max(area for _, _, area in overlaps)
        raise GridInputError(
            "communities overlap, so a grid could belong to two of them: features {listing}. "
            "Fix the shared boundaries (e.g. with QGIS's topology checker), or, if the overlaps are "
            "digitising noise, raise the overlap tolerance OVERLAP_TOLERANCE from {tolerance:g} to "
            "{accepting:.1f} m²",
            tuple(sorted({containers[k].fid for i, j, _ in overlaps for k in (i, j)})),
            listing=_listing(listed), tolerance=tolerance_m2,
            accepting=math.floor(largest * 10.0 + 1.0) / 10.0,  # the next 0.1 m² above the largest
        )


def find_gaps(
    containers: Sequence[Container], tolerance_m2: float = DEFAULT_OVERLAP_TOLERANCE_M2
) -> list[Message]:
    """Holes between communities (areas enclosed by communities that none of them covers):
    the communities do not tile the district there, so no grid will cover it. One warning per
    gap, with its area, location and the communities around it."""
    if len(containers) < 2:
        return []
    geometries = np.array([c.geometry for c in containers], dtype=object)
    union = shapely.union_all(geometries)
    rings = [ring for polygon in shapely.get_parts(union) for ring in polygon.interiors]
    holes = np.array([shapely.Polygon(ring) for ring in rings], dtype=object)
    if len(holes) == 0:
        return []
    areas = shapely.area(holes)
    holes, areas = holes[areas > tolerance_m2], areas[areas > tolerance_m2]
    tree = shapely.STRtree(geometries)
    warnings = []
    for hole, area in zip(holes, areas):
        point = hole.representative_point()
        around = sorted(containers[k].fid for k in tree.query(hole, predicate="touches"))
        warnings.append(message(
            "the communities leave a gap of {area:.1f} m² at ({x:.1f}, {y:.1f}) between features "
            "{fids}; no grid covers it. Extend a community over it, or ignore it if it is not "
            "part of the district",
            area=float(area), x=point.x, y=point.y, fids=", ".join(f"#{f}" for f in around),
        ))
    return warnings


def prepare_containers(
    fids: Sequence[int],
    geometries: Sequence[BaseGeometry | None],
    codes: Sequence[CommunityCode],
    street_names: Sequence[str] | None = None,
    community_names: Sequence[str] | None = None,
    overlap_tolerance_m2: float = DEFAULT_OVERLAP_TOLERANCE_M2,
) -> tuple[list[Container], list[Message]]:
    """Validate and repair the input communities; return them with the repair warnings.

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
            count=len(problems), problems=[p.message for p in problems[:_MAX_LISTED]],
        )
    check_unique_codes(containers)
    check_no_overlaps(containers, overlap_tolerance_m2)
    return containers, warnings + find_gaps(containers, overlap_tolerance_m2)
