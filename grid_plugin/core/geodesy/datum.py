"""Offset coordinates on whole geometries, and telling from the grids which datum a layer is really in.

Chinese web maps (Amap, Tencent, Google China: GCJ-02; Baidu: BD-09) give positions a few hundred metres away from
WGS84, and GIS software tags such layers EPSG:4326 because nothing says otherwise. `core.geodesy.offsets` converts
longitudes and latitudes; this module applies it to shapely geometries of any type and finds out, from where points
land in the unit grids, whether a layer read "as its CRS says" was in fact GCJ-02 or BD-09.

- `convert_geometries`: every vertex of points, lines, polygons and multi-parts from one of "wgs84", "gcj02",
  "bd09" to another, through WGS84, vectorised (`shapely.transform`: one call of core.geodesy.offsets for all vertices).
  Z values are kept, None and empty geometries pass through, vertex counts never change.
- `outside_china`: which geometries have a vertex outside the box of `core.geodesy.offsets.in_china`, where GCJ-02 is
  not defined and the conversions leave the GCJ-02 step out (as Amap and Tencent do).
- `guess_datum`: given points as read (EPSG:4326 degrees), the datum the run assumed and a containment test
  (inside some unit grid?), counts the points inside under every datum and names a better one when it brings at
  least half of the points outside back inside (see `guess_datum` for why this rule).

CGCS2000 (EPSG:4490) and WGS84 agree to within about a metre in China (plate motion since 2000), far less than the
offsets; the plugin treats their longitudes and latitudes as equal, so "wgs84" here stands for both.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final

import numpy as np
import numpy.typing as npt
import shapely

from grid_plugin.core.geodesy.offsets import (
    COORDINATE_SYSTEMS,
    WGS84,
    BoolArray,
    FloatArray,
    from_wgs84,
    in_china,
    to_wgs84,
)

# A better datum is named only when it brings at least this share of the points outside back inside, and at
# least this many points: one component across the district boundary is no evidence of a datum.
RECOVERED_SHARE: Final = 0.5
MIN_RECOVERED: Final = 2


def convert_geometries(geometries: npt.ArrayLike, source: str, target: str) -> npt.NDArray[np.object_]:
    """The geometries with every vertex converted from `source` to `target` ("wgs84", "gcj02" or "bd09").

    Vertex by vertex, so lines and polygons keep their vertex counts; segments are not densified: the offset bends
    a straight segment by at most 2 mm per 100 m and 0.2 m per 1 km (measured over China). Z values are kept
    unchanged. None and empty geometries pass through. Outside `in_china` the GCJ-02 step is the identity, as in
    `core.geodesy.offsets`.
    """
    for system in (source, target):
        if system not in COORDINATE_SYSTEMS:
            raise ValueError(f"unknown coordinate system {system!r}; expected one of {', '.join(COORDINATE_SYSTEMS)}")
    if source == target:
        return np.asarray(geometries, dtype=object).copy()
    return map_coordinates(geometries, lambda lon, lat: from_wgs84(*to_wgs84(lon, lat, source), target))


XYFunction = Callable[[FloatArray, FloatArray], tuple[npt.ArrayLike, npt.ArrayLike]]


def map_coordinates(geometries: npt.ArrayLike, function: XYFunction) -> npt.NDArray[np.object_]:
    """The geometries with `function(x, y) -> (x, y)` applied to all their vertices at once (arrays in, arrays
    out), Z values kept unchanged; None and empty geometries pass through, vertex counts never change."""
    array = np.asarray(geometries, dtype=object)
    out = array.copy()
    if not array.size:
        return out

    def apply(xy: FloatArray) -> FloatArray:
        moved = np.array(xy, dtype=np.float64)
        x, y = function(moved[:, 0].copy(), moved[:, 1].copy())
        moved[:, 0], moved[:, 1] = x, y
        return moved

    present = ~shapely.is_missing(array)
    has_z = shapely.has_z(array)
    for chosen, with_z in ((present & ~has_z, False), (present & has_z, True)):
        if chosen.any():
            out[chosen] = shapely.transform(array[chosen], apply, include_z=with_z)
    return out


def outside_china(geometries: npt.ArrayLike) -> BoolArray:
    """True for every geometry with at least one vertex outside the box of `core.geodesy.offsets.in_china` (or a vertex
    that is not a number); False for None and empty geometries."""
    array = np.asarray(geometries, dtype=object).ravel()
    coordinates, index = shapely.get_coordinates(array, return_index=True)
    outside = ~in_china(coordinates[:, 0], coordinates[:, 1]) if len(coordinates) else np.zeros(0, dtype=bool)
    found: BoolArray = np.bincount(index[outside], minlength=len(array)) > 0
    return found


Contains = Callable[[FloatArray, FloatArray], BoolArray]


@dataclass(frozen=True)
class DatumGuess:
    """Points inside the grids under each datum (`inside`, keyed by "wgs84", "gcj02", "bd09"), out of `total`
    points with finite coordinates; `chosen` is the datum the run assumed, `best` the one with most inside."""

    chosen: str
    total: int
    inside: dict[str, int] = field(default_factory=dict)
    best: str = WGS84

    @property
    def outside(self) -> int:
        """Points outside under the chosen datum."""
        return self.total - self.inside.get(self.chosen, 0)

    @property
    def suggested(self) -> str | None:
        """The better datum, or None when the chosen one is as good as any (see `guess_datum`)."""
        return None if self.best == self.chosen else self.best


def guess_datum(lon: npt.ArrayLike, lat: npt.ArrayLike, contains: Contains, chosen: str = WGS84) -> DatumGuess:
    """Which datum puts the points inside the grids: the points (`lon`, `lat`: degrees as the layer gives them in
    EPSG:4326, before any offset conversion) are converted to WGS84 as if they were WGS84, GCJ-02 and BD-09, and
    `contains(lon, lat)` (WGS84 degrees; True where inside some unit grid) counts the points inside each time.

    A datum other than `chosen` becomes `best` (and so `suggested`) only when it brings at least half of the
    points that lie outside under `chosen` back inside, net, and at least 2 of them. Why this rule and not "most
    points outside": a district is several kilometres wide and the offsets about 0.5 to 1.4 km, so a GCJ-02 layer
    read as WGS84 typically leaves only its points near one side of the district outside (an eighth to a fifth), while
    shifting them back brings nearly all of them in. Points genuinely outside (another district, a stray
    coordinate) stay outside under every datum, and a shift of correct points loses as many at one side as it
    wins at the other, so neither gives a net gain. Points outside China are not offset by any datum and count
    the same under all of them. Never raises on odd input: NaN points are left out of `total`.
    """
    if chosen not in COORDINATE_SYSTEMS:
        raise ValueError(f"unknown coordinate system {chosen!r}; expected one of {', '.join(COORDINATE_SYSTEMS)}")
    lon_a = np.asarray(lon, dtype=np.float64).ravel()
    lat_a = np.asarray(lat, dtype=np.float64).ravel()
    finite = np.isfinite(lon_a) & np.isfinite(lat_a)
    lon_a, lat_a = lon_a[finite], lat_a[finite]
    total = int(lon_a.size)
    inside: dict[str, int] = {}
    for system in COORDINATE_SYSTEMS:
        if total:
            wgs_lon, wgs_lat = to_wgs84(lon_a, lat_a, system)
            inside[system] = int(np.count_nonzero(contains(wgs_lon, wgs_lat)))
        else:
            inside[system] = 0
    return DatumGuess(chosen, total, inside, _best(chosen, total, inside))


def _best(chosen: str, total: int, inside: dict[str, int]) -> str:
    best = chosen
    outside = total - inside.get(chosen, 0)
    needed = max(MIN_RECOVERED, math.ceil(RECOVERED_SHARE * outside))
    for system in COORDINATE_SYSTEMS:
        if system != chosen and inside[system] - inside.get(chosen, 0) >= needed and inside[system] > inside[best]:
            best = system
    return best


def combine_guesses(guesses: Sequence[DatumGuess]) -> DatumGuess:
    """The guess_datum of all their points at once (guesses of parts of one set of points, one chosen datum)."""
    chosen = guesses[0].chosen if guesses else WGS84
    total = sum(guess.total for guess in guesses)
    inside = {system: sum(guess.inside.get(system, 0) for guess in guesses) for system in COORDINATE_SYSTEMS}
    return DatumGuess(chosen, total, inside, _best(chosen, total, inside))
