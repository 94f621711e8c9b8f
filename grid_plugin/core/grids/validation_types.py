"""What a unit-grid validation finds: the kinds of problem, the settings, a problem and the result.

core.grids.validation runs the checks; core.grids.validation_report writes them as HTML. The kinds:

- ``missing_geometry`` / ``invalid_geometry``: a grid without geometry, or an invalid one;
- ``invalid_in_crs``: a grid valid in the working CRS that a reprojection to a CRS it is written to
  (EPSG:4490 of the case store, EPSG:4326, Web Mercator, GCJ-02) makes invalid;
- ``near_degenerate``: a grid with a vertex closer than the minimum clearance (1 mm) to an edge of its
  own (GEOS's minimum clearance): valid, but one rounding away from self-intersecting;
- ``gap``, ``overlap``, ``crossing_community``, ``outside_community``, ``unknown_community``,
  ``area_small``, ``area_large``, ``malformed_code``, ``duplicate_code``, ``sequence_order``: see
  core.grids.validation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from shapely.geometry.base import BaseGeometry

from grid_plugin.core.errors import GridInputError, Message, message
from grid_plugin.core.grids.follow import DEFAULT_TARGET_AREA_M2
from grid_plugin.core.grids.numbering import ORDER_ROWS, ORDERS
from grid_plugin.core.grids.precision import DEFAULT_PRECISION_M
from grid_plugin.core.grids.units import OPEN_LAND_FRACTION

# A grid below this is a remnant worth a look (dividegrids' lattice keeps pieces down to 30 % of a 100 m cell).
DEFAULT_MIN_AREA_M2 = 3_000.0
# The largest grid dividegrids makes at its defaults: a managed unit (a walled compound, a school) stays one grid
# up to the open-land maximum, OPEN_LAND_FRACTION × the default target area (40,000 m²).
DEFAULT_MAX_AREA_M2 = OPEN_LAND_FRACTION * DEFAULT_TARGET_AREA_M2
# Area of gap, overlap or spill between grids that counts as a problem (m²): grids made by division share
# their edges exactly, so a square metre is already a fault.
DEFAULT_TOLERANCE_M2 = 1.0
DEFAULT_BAND_M = 100.0
DEFAULT_CLEARANCE_M = DEFAULT_PRECISION_M  # what dividegrids keeps every grid to
# where written grids go by default: CGCS2000 (the case store) and WGS84 longitude/latitude
DEFAULT_CHECK_CRS = ("EPSG:4490", "EPSG:4326")
COMMUNITY_CODE_LENGTH = 12

GAP = "gap"
OVERLAP = "overlap"
OUTSIDE_COMMUNITY = "outside_community"
CROSSING_COMMUNITY = "crossing_community"
UNKNOWN_COMMUNITY = "unknown_community"
AREA_SMALL = "area_small"
AREA_LARGE = "area_large"
MALFORMED_CODE = "malformed_code"
DUPLICATE_CODE = "duplicate_code"
SEQUENCE_ORDER = "sequence_order"
MISSING_GEOMETRY = "missing_geometry"
INVALID_GEOMETRY = "invalid_geometry"
INVALID_IN_CRS = "invalid_in_crs"
NEAR_DEGENERATE = "near_degenerate"

# Report order: geometry first, then topology, community membership, areas and codes.
KINDS = (MISSING_GEOMETRY, INVALID_GEOMETRY, INVALID_IN_CRS, NEAR_DEGENERATE, GAP, OVERLAP, CROSSING_COMMUNITY,
         OUTSIDE_COMMUNITY, UNKNOWN_COMMUNITY, AREA_SMALL, AREA_LARGE, MALFORMED_CODE, DUPLICATE_CODE, SEQUENCE_ORDER)

KIND_LABELS: dict[str, Message] = {
    MISSING_GEOMETRY: message("Missing geometry"),
    INVALID_GEOMETRY: message("Invalid geometry"),
    INVALID_IN_CRS: message("Invalid after reprojection"),
    NEAR_DEGENERATE: message("Near-degenerate geometry"),
    GAP: message("Gap"),
    OVERLAP: message("Overlap"),
    CROSSING_COMMUNITY: message("Crossing communities"),
    OUTSIDE_COMMUNITY: message("Outside its community"),
    UNKNOWN_COMMUNITY: message("Unknown community"),
    AREA_SMALL: message("Area too small"),
    AREA_LARGE: message("Area too large"),
    MALFORMED_CODE: message("Malformed code"),
    DUPLICATE_CODE: message("Duplicate code"),
    SEQUENCE_ORDER: message("Sequence out of order"),
}



@dataclass(frozen=True)
class ValidationSettings:
    """Thresholds of the checks (areas in m², band in m; an area bound of 0 disables it)."""

    min_area: float = DEFAULT_MIN_AREA_M2
    max_area: float = DEFAULT_MAX_AREA_M2
    tolerance: float = DEFAULT_TOLERANCE_M2
    band: float = DEFAULT_BAND_M
    order: str = ORDER_ROWS
    # off for layers re-divided with stable codes: new grids there take numbers above all used ones
    check_sequence: bool = True
    # a vertex nearer than this to an edge of its own grid is reported (m; 0 disables the check)
    clearance: float = DEFAULT_CLEARANCE_M

    def check(self) -> None:
        """Raise GridInputError naming the setting that cannot be used."""
        if not self.band > 0:
            raise GridInputError("the numbering band must be positive, got {band} m", band=self.band)
        if self.order not in ORDERS:
            raise GridInputError("unknown numbering order '{order}'; use rows or columns", order=self.order)
        if self.tolerance < 0 or self.min_area < 0 or self.max_area < 0:
            raise GridInputError("areas and the tolerance must not be negative")
        if self.clearance < 0:
            raise GridInputError("the minimum clearance must not be negative, got {clearance} m",
                                 clearance=self.clearance)
        if self.min_area > 0 and self.max_area > 0 and self.min_area > self.max_area:
            raise GridInputError(
                "the minimum area {minimum:.0f} m² is larger than the maximum area {maximum:.0f} m²",
                minimum=self.min_area, maximum=self.max_area,
            )


@dataclass(frozen=True)
class Problem:
    """One finding: where it is, which grids it concerns and what is wrong."""

    kind: str  # one of KINDS
    message: Message
    geometry: BaseGeometry | None  # locates the problem (None for a grid without geometry)
    fids: tuple[int, ...] = ()  # feature ids of the grids involved
    grid_code: str = ""  # their codes, ", "-separated
    area: float | None = None  # m², where meaningful


@dataclass
class Validation:
    """All problems found, in KINDS order, and warnings about the reference data."""

    grid_count: int
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems

    @property
    def counts(self) -> dict[str, int]:
        """Number of problems of every kind (0 included), in KINDS order."""
        counts = dict.fromkeys(KINDS, 0)
        for problem in self.problems:
            counts[problem.kind] += 1
        return counts
