"""Where cases given in an explicit CRS may lie: near the district's unit grids.

Cases without a stated CRS (plain WGS84 or CGCS2000 degrees) and cases in GCJ-02 or BD-09 are
checked against China (core.geodesy.offsets.in_china): that catches swapped or projected numbers read as
degrees. When the user names the CRS (importcases' SOURCE_CRS, or a layer with its own CRS) the
numbers are what they say, and the district may lie anywhere on Earth; what is implausible then is
a case far from the district. A case more than `margin_m` (50 km by default) outside the bounding
box of the unit grids is refused as outside the district's grids; one nearer, but in no grid, is
handled as any case outside every grid is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from grid_plugin.core.errors import Message, message
from grid_plugin.core.geodesy.offsets import in_china

EXTENT_MARGIN_M = 50_000.0
_METRES_PER_DEGREE = 111_320.0  # of latitude, and of longitude at the equator (1 % is plenty here)


@dataclass(frozen=True)
class GridExtent:
    """The unit grids' bounding box in degrees (longitude, latitude), with a margin in metres."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float
    margin_m: float = EXTENT_MARGIN_M

    @classmethod
    def of(cls, bounds: np.ndarray | tuple[float, float, float, float],
           margin_m: float = EXTENT_MARGIN_M) -> GridExtent:
        """From (min_lon, min_lat, max_lon, max_lat), e.g. shapely.total_bounds of the grids."""
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in bounds)
        return cls(min_lon, min_lat, max_lon, max_lat, margin_m)

    @property
    def margin_km(self) -> int:
        return int(round(self.margin_m / 1000.0))

    def distance_m(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """Approximate ground distance (m) of each point from the box; 0 inside, NaN for NaN."""
        lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
        dlon = np.maximum.reduce([self.min_lon - lon, np.zeros_like(lon), lon - self.max_lon])
        dlat = np.maximum.reduce([self.min_lat - lat, np.zeros_like(lat), lat - self.max_lat])
        nearest_lat = np.clip(lat, self.min_lat, self.max_lat)
        east = dlon * _METRES_PER_DEGREE * np.cos(np.radians(nearest_lat))
        return np.hypot(east, dlat * _METRES_PER_DEGREE)

    def holds(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """True where a point is within the margin of the box (False for NaN)."""
        with np.errstate(invalid="ignore"):
            return self.distance_m(lon, lat) <= self.margin_m

    def __post_init__(self) -> None:
        if not all(math.isfinite(v) for v in (self.min_lon, self.min_lat, self.max_lon, self.max_lat)):
            raise ValueError("the grid extent needs finite bounds")


def plausible(lon: np.ndarray, lat: np.ndarray, extent: GridExtent | None) -> np.ndarray:
    """Where a case may lie: near the unit grids when its CRS was given (`extent`), else in China."""
    return in_china(lon, lat) if extent is None else extent.holds(lon, lat)


def far_away(x: float, y: float, extent: GridExtent | None) -> Message:
    """Why a case outside `plausible` is refused, naming its coordinates as read."""
    if extent is not None:
        return message("coordinates ({x}, {y}) lie more than {km} km outside the district's grids; check the "
                       "coordinate system (SOURCE_CRS) and the x/y field mapping", x=x, y=y, km=extent.margin_km)
    return message("coordinates ({x}, {y}) are outside China; check the coordinate system", x=x, y=y)
