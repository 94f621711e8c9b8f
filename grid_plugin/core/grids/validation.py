"""Validation of a unit-grid layer: topology (gaps, overlaps, community boundaries), areas and codes.

Every check gives `Problem`s of one stable kind; a layer passes when there is none. The checks:

- ``gap``: area no grid covers, above the tolerance: within each community when communities are
  given (the community minus the union of the grids), else the holes of the union of all grids.
- ``overlap``: two grids sharing more than the tolerance of area.
- ``crossing_community``: a grid with more than the tolerance of area in two or more communities.
- ``outside_community``: a grid sticking out of the community its code names by more than the
  tolerance (and not into another community: that is a crossing), including a grid lying wholly
  in another community.
- ``unknown_community``: the first 12 digits of a grid code name no given community.
- ``area_small`` / ``area_large``: area below the minimum / above the maximum (0 disables either).
- ``malformed_code``: code missing, not 15 digits, or sequence 000; ``duplicate_code``: one code
  on several grids.
- ``sequence_order``: within a community, grids ranked by sequence number and ranked by position
  (core.grids.numbering, as division numbers them) disagree. Gaps in the sequence are allowed: retired
  grids keep their codes. A re-division with stable codes numbers new grids above every number
  used before, out of this order by design: settings.check_sequence turns the check off.
- ``missing_geometry`` / ``invalid_geometry``: a grid without geometry (checked for codes only),
  or an invalid one (checked as repaired by make_valid).
- ``invalid_in_crs`` / ``near_degenerate`` (core.grids.validation_geometry): a grid valid in the working
  CRS but invalid once reprojected to a CRS it is written to (the caller gives the reprojected
  geometries), or with a vertex closer than the minimum clearance (1 mm) to an edge of its own.

The kinds, settings, Problem and Validation live in core.grids.validation_types (imported from here too).

Every check is a few vectorised shapely calls over all grids (STRtree queries, array predicates
and overlays), so 100,000 grids take seconds; Python loops run over problems and communities only.
Retired grids (end date set) are the caller's business: core validates what it is given.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from grid_plugin.core.errors import Message, message
from grid_plugin.core.grids.codes import GRID_CODE_PATTERN, normalise_code, parse_community_code
from grid_plugin.core.grids.containers import DEFAULT_OVERLAP_TOLERANCE_M2, polygonal_part, prepare_containers
from grid_plugin.core.grids.numbering import sequence_order
from grid_plugin.core.grids.shapes import POLYGONS, simple_parts
from grid_plugin.core.grids.validation_geometry import clearance_problems, reprojection_problems
from grid_plugin.core.grids.validation_types import (
    AREA_LARGE,
    AREA_SMALL,
    COMMUNITY_CODE_LENGTH,
    CROSSING_COMMUNITY,
    DEFAULT_BAND_M,
    DEFAULT_CHECK_CRS,
    DEFAULT_CLEARANCE_M,
    DEFAULT_MAX_AREA_M2,
    DEFAULT_MIN_AREA_M2,
    DEFAULT_TOLERANCE_M2,
    DUPLICATE_CODE,
    GAP,
    INVALID_GEOMETRY,
    INVALID_IN_CRS,
    KIND_LABELS,
    KINDS,
    MALFORMED_CODE,
    MISSING_GEOMETRY,
    NEAR_DEGENERATE,
    OUTSIDE_COMMUNITY,
    OVERLAP,
    SEQUENCE_ORDER,
    UNKNOWN_COMMUNITY,
    Problem,
    Validation,
    ValidationSettings,
)
from grid_plugin.core.progress import Progress

__all__ = ["AREA_LARGE", "AREA_SMALL", "CROSSING_COMMUNITY", "DEFAULT_BAND_M", "DEFAULT_CHECK_CRS",
           "DEFAULT_CLEARANCE_M", "DEFAULT_MAX_AREA_M2", "DEFAULT_MIN_AREA_M2", "DEFAULT_TOLERANCE_M2",
           "DUPLICATE_CODE", "GAP", "INVALID_GEOMETRY", "INVALID_IN_CRS", "KINDS", "KIND_LABELS", "MALFORMED_CODE",
           "MISSING_GEOMETRY", "NEAR_DEGENERATE", "OUTSIDE_COMMUNITY", "OVERLAP", "SEQUENCE_ORDER",
           "UNKNOWN_COMMUNITY", "Problem", "Validation", "ValidationSettings", "find_overlap_pairs", "validate_grids"]

# Unions and differences for gaps run snap-rounded on this grid (1 µm): exact and robust even
# where neighbouring grids' edges agree only up to rounding (a T-junction vertex 1e-13 m off an
# edge makes floating-point GEOS overlays drop whole grids). Far below any tolerance in m².
_OVERLAY_GRID_M = 1e-6

_NO_CODE = message("no code")
_POLYGONAL = (3, 6)  # shapely type ids of Polygon and MultiPolygon
_MAX_LISTED = 20


@dataclass
class _Grids:
    """The input grids with what every check needs."""

    geometry: np.ndarray  # shapely geometries; None where missing
    present: np.ndarray  # has a polygonal geometry
    fids: list[int]
    codes: list[str]  # normalised
    well_formed: np.ndarray  # 15 digits, sequence 001-999
    area: np.ndarray
    valid: np.ndarray  # indices of the grids valid as given (not repaired)

    def code(self, k: int) -> str | Message:
        return self.codes[k] or _NO_CODE


def _listing(items: Sequence[str]) -> str:
    shown = ", ".join(items[:_MAX_LISTED])
    more = len(items) - _MAX_LISTED
    return shown + (f", … (+{more})" if more > 0 else "")


def _prepare_grids(grids: Sequence[BaseGeometry | None], codes: Sequence[object], fids: Sequence[int],
                   problems: list[Problem]) -> _Grids:
    """Grids as arrays; missing and invalid geometries reported (invalid ones repaired)."""
    geometry = np.empty(len(grids), dtype=object)
    geometry[:] = list(grids)
    texts = [normalise_code(c) for c in codes]
    missing = shapely.is_missing(geometry) | shapely.is_empty(geometry)
    for k in np.flatnonzero(missing):
        problems.append(Problem(
            MISSING_GEOMETRY,
            message("feature {fid} has no geometry; draw the grid or remove the feature", fid=fids[k]),
            None, (fids[k],), texts[k]))
    geometry[missing] = None
    polygonal = np.isin(shapely.get_type_id(geometry), _POLYGONAL)
    invalid = np.flatnonzero(~missing & ~(polygonal & shapely.is_valid(geometry)))
    for k in invalid:
        original = geometry[k]
        reason = (shapely.is_valid_reason(original) if polygonal[k]
                  else message("a {kind}, not a polygon", kind=original.geom_type))
        repaired = polygonal_part(shapely.make_valid(original))
        problems.append(Problem(
            INVALID_GEOMETRY,
            message("grid {code} (feature {fid}) has an invalid geometry ({reason}); it was checked as "
                    "repaired by make_valid: fix it in the layer", code=texts[k] or _NO_CODE, fid=fids[k],
                    reason=reason),
            repaired if not repaired.is_empty else original.envelope, (fids[k],), texts[k]))
        geometry[k] = None if repaired.is_empty else repaired
    present = ~shapely.is_missing(geometry)
    # ASCII digits only: \d would accept full-width digits (１１０…) typed with a Chinese IME
    well_formed = np.array([t.isascii() and bool(GRID_CODE_PATTERN.match(t)) and t[-3:] != "000" for t in texts],
                           dtype=bool)
    area = np.zeros(len(geometry))
    area[present] = shapely.area(geometry[present])
    valid = np.setdiff1d(np.flatnonzero(present), invalid)
    return _Grids(geometry, present, list(fids), texts, well_formed, area, valid)


# --- codes -----------------------------------------------------------------------------------

def _check_codes(g: _Grids, problems: list[Problem]) -> np.ndarray:
    """Malformed and duplicate codes; returns the grids whose code is usable for numbering."""
    for k in np.flatnonzero(~g.well_formed):
        code = g.codes[k]
        if not code:
            text = message("feature {fid} has no grid code; give it its 15-digit code", fid=g.fids[k])
        elif code.isascii() and GRID_CODE_PATTERN.match(code):  # 15 digits, so the sequence is 000
            text = message("feature {fid}: grid code '{code}' has sequence 000; sequences run from 001 to 999",
                           fid=g.fids[k], code=code)
        else:
            text = message("feature {fid}: grid code '{code}' must be 15 digits", fid=g.fids[k], code=code)
        problems.append(Problem(MALFORMED_CODE, text, g.geometry[k], (g.fids[k],), code))
    by_code: dict[str, list[int]] = defaultdict(list)
    for k in np.flatnonzero(g.well_formed):
        by_code[g.codes[k]].append(int(k))
    usable = g.well_formed.copy()
    for code, members in sorted(by_code.items()):
        if len(members) < 2:
            continue
        usable[members] = False
        fids = tuple(g.fids[k] for k in members)
        parts = [g.geometry[k] for k in members if g.present[k]]
        problems.append(Problem(
            DUPLICATE_CODE,
            message("grid code {code} is used by {count} grids: features {listing}; give each grid its own code",
                    code=code, count=len(members), listing=_listing([str(f) for f in fids])),
            _multipolygon(parts), fids, code))
    return usable


def _multipolygon(geometries: Sequence[BaseGeometry]) -> BaseGeometry | None:
    if not geometries:
        return None
    parts, _ = simple_parts(np.array(geometries, dtype=object), POLYGONS)
    return shapely.MultiPolygon(list(parts))


# --- areas -----------------------------------------------------------------------------------

def _check_areas(g: _Grids, settings: ValidationSettings, problems: list[Problem]) -> None:
    if settings.min_area > 0:
        for k in np.flatnonzero(g.present & (g.area < settings.min_area)):
            problems.append(Problem(
                AREA_SMALL,
                message("grid {code} (feature {fid}) has {area:.1f} m², less than the minimum {minimum:.0f} m²",
                        code=g.code(k), fid=g.fids[k], area=g.area[k], minimum=settings.min_area),
                g.geometry[k], (g.fids[k],), g.codes[k], float(g.area[k])))
    if settings.max_area > 0:
        for k in np.flatnonzero(g.present & (g.area > settings.max_area)):
            problems.append(Problem(
                AREA_LARGE,
                message("grid {code} (feature {fid}) has {area:.1f} m², more than the maximum {maximum:.0f} m²",
                        code=g.code(k), fid=g.fids[k], area=g.area[k], maximum=settings.max_area),
                g.geometry[k], (g.fids[k],), g.codes[k], float(g.area[k])))


# --- overlaps --------------------------------------------------------------------------------

def find_overlap_pairs(geometries: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i, j), i < j, of polygons whose interiors intersect, with their intersections.

    An STRtree "intersects" query is cheap; most of its pairs are neighbours that only touch. Pairs
    whose bounding boxes share no area cannot overlap (that removes the edge neighbours of lattice
    grids); the rest are tested with a DE-9IM pattern for interior contact before any overlay.
    """
    empty = np.empty(0, dtype=np.int64)
    if len(geometries) < 2:
        return empty, empty, np.empty(0, dtype=object)
    tree = shapely.STRtree(geometries)
    left, right = tree.query(geometries, predicate="intersects")
    keep = left < right
    left, right = left[keep], right[keep]
    bounds = shapely.bounds(geometries)
    width = np.minimum(bounds[left, 2], bounds[right, 2]) - np.maximum(bounds[left, 0], bounds[right, 0])
    height = np.minimum(bounds[left, 3], bounds[right, 3]) - np.maximum(bounds[left, 1], bounds[right, 1])
    keep = (width > 0) & (height > 0)
    left, right = left[keep], right[keep]
    keep = shapely.relate_pattern(geometries[left], geometries[right], "T********")
    left, right = left[keep], right[keep]
    return left, right, shapely.intersection(geometries[left], geometries[right])


def _check_overlaps(g: _Grids, settings: ValidationSettings, problems: list[Problem]) -> None:
    index = np.flatnonzero(g.present)
    left, right, shared = find_overlap_pairs(g.geometry[index])
    area = shapely.area(shared)
    big = area > settings.tolerance
    for i, j, geometry, a in zip(index[left[big]], index[right[big]], shared[big], area[big]):
        problems.append(Problem(
            OVERLAP,
            message("grids {code} (feature {fid}) and {other_code} (feature {other_fid}) overlap by {area:.1f} m²",
                    code=g.code(i), fid=g.fids[i], other_code=g.code(j), other_fid=g.fids[j], area=a),
            polygonal_part(geometry), (g.fids[i], g.fids[j]),
            ", ".join(c for c in (g.codes[i], g.codes[j]) if c), float(a)))


# --- gaps ------------------------------------------------------------------------------------

def _gap_parts(geometry: BaseGeometry, tolerance: float) -> list[BaseGeometry]:
    """The polygon parts of a geometry larger than the tolerance, north-west first."""
    parts, _ = simple_parts(np.array([geometry], dtype=object), POLYGONS)
    parts = parts[shapely.area(parts) > tolerance]
    if len(parts) == 0:
        return []
    centre = shapely.centroid(parts)
    order = np.lexsort((shapely.get_x(centre), -shapely.get_y(centre)))
    return list(parts[order])


def _check_gaps_in_union(g: _Grids, settings: ValidationSettings, problems: list[Problem]) -> None:
    """Holes of the union of all grids (no communities given)."""
    grids = g.geometry[g.present]
    if len(grids) == 0:
        return
    union = shapely.union_all(grids, grid_size=_OVERLAY_GRID_M)
    polygons, _ = simple_parts(np.array([union], dtype=object), POLYGONS)
    rings = shapely.get_rings(polygons)
    count = shapely.get_num_interior_rings(polygons) + 1
    exterior = np.zeros(len(rings), dtype=bool)
    exterior[np.cumsum(count) - count] = True
    if exterior.all():
        return
    holes = shapely.polygons(rings[~exterior])
    # a hole may enclose islands of grids: those are parts of the union inside it
    tree = shapely.STRtree(polygons)
    hole, island = tree.query(holes, predicate="contains_properly")
    holes = holes.copy()
    for h in np.unique(hole):
        islands = shapely.union_all(polygons[island[hole == h]], grid_size=_OVERLAY_GRID_M)
        holes[h] = shapely.difference(holes[h], islands, grid_size=_OVERLAY_GRID_M)
    gaps = [part for h in holes for part in _gap_parts(h, settings.tolerance)]
    for part in _gap_parts(shapely.MultiPolygon(gaps), settings.tolerance) if gaps else []:
        problems.append(Problem(
            GAP, message("gap of {area:.1f} m² between grids: no grid covers it", area=part.area),
            part, area=float(part.area)))


def _check_gaps_in_communities(g: _Grids, communities: list[_Community], settings: ValidationSettings,
                               problems: list[Problem], progress: Progress) -> None:
    """The part of each community no grid covers."""
    index = np.flatnonzero(g.present)
    tree = shapely.STRtree(g.geometry[index])
    geoms = np.array([c.geometry for c in communities], dtype=object)
    which, grid = tree.query(geoms, predicate="intersects")
    order = np.argsort(which, kind="stable")
    which, grid = which[order], grid[order]
    starts = np.searchsorted(which, np.arange(len(communities) + 1))
    for c, community in enumerate(communities):
        if c % 50 == 0:
            progress.step(c, len(communities))
        members = g.geometry[index[grid[starts[c]:starts[c + 1]]]]
        uncovered = (shapely.difference(community.geometry, shapely.union_all(members, grid_size=_OVERLAY_GRID_M),
                                        grid_size=_OVERLAY_GRID_M) if len(members) else community.geometry)
        for part in _gap_parts(uncovered, settings.tolerance):
            problems.append(Problem(
                GAP,
                message("gap of {area:.1f} m² in community {community}: no grid covers it",
                        area=part.area, community=community.code),
                part, area=float(part.area)))


# --- communities -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Community:
    fid: int
    geometry: BaseGeometry
    code: str


def _prepare_communities(
    communities: Sequence[tuple[int, BaseGeometry | None, object]], tolerance: float = DEFAULT_TOLERANCE_M2,
) -> tuple[list[_Community], list[Message]]:
    """Check the reference communities as division does (codes, geometries, overlaps).

    Raises GridInputError naming the community features at fault; returns the communities with
    repaired geometries and the repair warnings.
    """
    fids = [int(fid) for fid, _, _ in communities]
    codes = [parse_community_code(code, message("community feature {fid}", fid=fid)) for fid, _, code in communities]
    # repaired as division repairs them by default, so that its grids are checked against the same communities
    containers, warnings = prepare_containers(fids, [geometry for _, geometry, _ in communities], codes,
                                              overlap_tolerance_m2=max(tolerance, DEFAULT_OVERLAP_TOLERANCE_M2))
    return [_Community(c.fid, c.geometry, c.code.code12) for c in containers], warnings


def _check_membership(g: _Grids, communities: list[_Community], settings: ValidationSettings,
                      problems: list[Problem]) -> None:
    """Unknown, crossing and outside communities."""
    by_code = {c.code: k for k, c in enumerate(communities)}
    geoms = np.array([c.geometry for c in communities], dtype=object)
    shapely.prepare(geoms)
    own = np.full(len(g.codes), -1)
    for k in np.flatnonzero(g.well_formed):
        own[k] = by_code.get(g.codes[k][:COMMUNITY_CODE_LENGTH], -1)
        if own[k] < 0:
            problems.append(Problem(
                UNKNOWN_COMMUNITY,
                message("grid {code} (feature {fid}): its community {community} is not in the community layer",
                        code=g.codes[k], fid=g.fids[k], community=g.codes[k][:COMMUNITY_CODE_LENGTH]),
                g.geometry[k], (g.fids[k],), g.codes[k]))
    inside = np.zeros(len(own), dtype=bool)
    known = np.flatnonzero((own >= 0) & g.present)
    inside[known] = shapely.covers(geoms[own[known]], g.geometry[known])
    # only grids not covered by their own community can lie in two communities (communities do not overlap)
    rest = np.flatnonzero(g.present & ~inside)
    if len(rest) == 0:
        return
    grid, community = shapely.STRtree(geoms).query(g.geometry[rest], predicate="intersects")
    order = np.argsort(grid, kind="stable")
    grid, community = grid[order], community[order]
    shared = shapely.area(shapely.intersection(g.geometry[rest[grid]], geoms[community]))
    starts = np.searchsorted(grid, np.arange(len(rest) + 1))
    for r, k in enumerate(rest):
        mine = slice(starts[r], starts[r + 1])
        areas = {int(c): float(a) for c, a in zip(community[mine], shared[mine])}
        if sum(a > settings.tolerance for a in areas.values()) >= 2:
            ranked = sorted(((c, a) for c, a in areas.items() if a > settings.tolerance), key=lambda item: -item[1])
            listing = [f"{communities[c].code} ({a:.1f} m²)" for c, a in ranked]
            home = own[k] if own[k] in areas else ranked[0][0]
            problems.append(Problem(
                CROSSING_COMMUNITY,
                message("grid {code} (feature {fid}) lies in {count} communities: {listing}",
                        code=g.code(k), fid=g.fids[k], count=len(ranked), listing=_listing(listing)),
                g.geometry[k], (g.fids[k],), g.codes[k], float(g.area[k] - areas[home])))
        elif own[k] >= 0:
            outside_area = float(g.area[k] - areas.get(int(own[k]), 0.0))
            if outside_area > settings.tolerance:
                outside = polygonal_part(shapely.difference(g.geometry[k], geoms[own[k]]))
                problems.append(Problem(
                    OUTSIDE_COMMUNITY,
                    message("grid {code} (feature {fid}) extends {area:.1f} m² outside its community {community}",
                            code=g.codes[k], fid=g.fids[k], area=outside.area, community=communities[own[k]].code),
                    outside, (g.fids[k],), g.codes[k], float(outside.area)))


# --- numbering -------------------------------------------------------------------------------

def _check_sequence(g: _Grids, usable: np.ndarray, settings: ValidationSettings, problems: list[Problem]) -> None:
    """Grids whose rank by sequence number differs from their rank by position in the community."""
    index = np.flatnonzero(usable & g.present)
    if len(index) == 0:
        return
    community_of = np.array([g.codes[k][:COMMUNITY_CODE_LENGTH] for k in index])
    _, community = np.unique(community_of, return_inverse=True)
    sequence = np.array([int(g.codes[k][COMMUNITY_CODE_LENGTH:]) for k in index])
    centre = shapely.centroid(g.geometry[index])
    position = sequence_order(shapely.get_x(centre), shapely.get_y(centre), settings.band, settings.order).argsort()
    by_position = np.lexsort((position, community))  # grouped by community, in numbering order
    by_sequence = np.lexsort((sequence, community))
    wrong = np.flatnonzero(by_position != by_sequence)
    # the grid at slot s by position should carry the s-th smallest sequence number of its community
    expected = np.empty(len(index), dtype=np.int64)
    expected[by_position] = sequence[by_sequence]
    for slot in wrong:
        k_local = by_position[slot]
        k = index[k_local]
        problems.append(Problem(
            SEQUENCE_ORDER,
            message("grid {code} (feature {fid}) has sequence {sequence:03d}, but its position in community "
                    "{community} calls for {expected:03d}", code=g.codes[k], fid=g.fids[k],
                    sequence=int(sequence[k_local]), community=community_of[k_local],
                    expected=int(expected[k_local])),
            g.geometry[k], (g.fids[k],), g.codes[k]))


# --- entry point -----------------------------------------------------------------------------

def validate_grids(
    grids: Sequence[BaseGeometry | None],
    codes: Sequence[object],
    fids: Sequence[int],
    communities: Sequence[tuple[int, BaseGeometry | None, object]] | None = None,
    settings: ValidationSettings | None = None,
    progress: Progress | None = None,
    reprojected: Mapping[str, Sequence[BaseGeometry | None]] | None = None,
) -> Validation:
    """Validate unit grids (in a projected CRS in metres) and their 15-digit codes.

    `communities` are (feature id, polygon, 12-digit code) in the same CRS; without them the
    community checks are skipped and gaps are the holes of the union of all grids. `reprojected`
    gives, per CRS name, every grid's geometry in that CRS (invalid_in_crs). Raises GridInputError
    for unusable settings or communities, Cancelled when the progress says so.
    """
    if not len(grids) == len(codes) == len(fids):
        raise ValueError("grids, codes and fids must have the same length")
    settings = settings or ValidationSettings()
    settings.check()
    progress = progress or Progress()
    found: dict[str, list[Problem]] = defaultdict(list)
    sink: list[Problem] = []
    warnings: list[Message] = []
    reference = None
    if communities is not None:
        reference, warnings = _prepare_communities(communities, settings.tolerance)
    progress.step(2, 100)
    g = _prepare_grids(grids, codes, fids, sink)
    labels = [g.code(k) for k in range(len(g.fids))]
    sink += reprojection_problems(g.geometry, g.valid, reprojected or {}, labels, g.fids, g.codes)
    sink += clearance_problems(g.geometry, g.valid, labels, g.fids, g.codes, settings.clearance)
    usable = _check_codes(g, sink)
    _check_areas(g, settings, sink)
    progress.step(10, 100)
    _check_overlaps(g, settings, sink)
    progress.step(35, 100)
    if reference is None:
        _check_gaps_in_union(g, settings, sink)
    else:
        _check_gaps_in_communities(g, reference, settings, sink, Progress(
            lambda pct: progress.report(35 + 0.4 * pct), progress.is_cancelled))
        progress.step(75, 100)
        _check_membership(g, reference, settings, sink)
    progress.step(90, 100)
    if settings.check_sequence:
        _check_sequence(g, usable, settings, sink)
    progress.step(100, 100)
    for problem in sink:
        found[problem.kind].append(problem)
    return Validation(len(g.fids), [p for kind in KINDS for p in found[kind]], warnings)
