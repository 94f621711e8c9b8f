"""GCJ-02 and BD-09: the offset ("encrypted") coordinates of Chinese web and mobile maps, to and from WGS84.

Why this exists: cases reported from Amap/Tencent carry GCJ-02 longitudes and latitudes, and cases from Baidu
carry BD-09. Both are WGS84 with a deliberate, position-dependent shift of several hundred metres, so a case
plotted as-is lands in the wrong unit grid. The plugin never stores offset coordinates: it converts them to
WGS84 (≈ CGCS2000 at the metre level) on import, and back only for export to such maps.

The algorithm is the published one used by PRCoords, wandergis/coordtransform, eviltransform and gcoord
(standards.md §7.2); nothing here is an official specification, because GCJ-02 is not published.

- WGS84 → GCJ-02 is a closed formula (polynomial-plus-sine shifts in metres, turned into degrees on the
  Krasovsky ellipsoid). Outside the rough "in China" box it applies no shift, as the reference implementations do.
- GCJ-02 → WGS84 has no closed form. The usual one-step inverse `2·gcj - f(gcj)` is off by up to 5e-5°
  (several metres), so it is only the start of a fixed-point iteration on the forward formula; the loop stops
  when no residual exceeds 1e-10° (4 steps over China, at most 10).
- GCJ-02 → BD-09 is Baidu's small rotation and scaling about (0°, 0°) plus a fixed (0.0065°, 0.006°) shift. It
  applies everywhere (no box test), like the reference implementations.
- BD-09 → GCJ-02: the published closed form (undo the shift, then the rotation and scaling evaluated at the BD-09
  point) is off by up to 1.9e-6° (0.2 m), more than the 1e-7° usually quoted; here it too only starts the same
  iteration. Results therefore differ from other tools' BD-09 → GCJ-02/WGS84 by up to about 2e-6°.

Measured accuracy (10 000 random points, 73-135 E, 18-53.5 N; tests/unit/test_offsets.py asserts the bounds):
- gcj02_to_wgs84(wgs84_to_gcj02(p)) - p: at most 9e-14° (float rounding); tested against 1e-9°;
- bd09_to_gcj02(gcj02_to_bd09(p)) - p: at most 6e-14°; tested against 1e-9°;
- bd09_to_wgs84(wgs84_to_bd09(p)) - p: at most 1.2e-13°; tested against 1e-9°;
- agreement with the published figures of coordtransform, eviltransform, gcoord and geoChina: within their
  rounding for the forward directions (1e-12° for full doubles), within 2e-6° for BD-09 → GCJ-02 (see above);
- speed: a million points WGS84 → GCJ-02 in about 0.04 s, and back in about 0.16 s.
The real-world accuracy is lower: the original GCJ-02 code adds up to about 1 m of pseudo-random noise, and
Baidu's servers are not bound to the published BD-09 formula.

All functions are vectorised over numpy arrays (no Python loop over points). They take array-like
or scalar longitudes and latitudes, broadcast them together, and return float64 arrays of the broadcast shape;
scalar input gives 0-d arrays (use float() on them). NaN passes through as NaN.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Final

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

# Krasovsky 1940 ellipsoid, on which the GCJ-02 shift (in metres) is turned into degrees.
_KRASOVSKY_A: Final = 6378245.0
_KRASOVSKY_EE: Final = 0.00669342162296594323

# Baidu's constants: the angle factor π·3000/180 and the fixed shift of BD-09 against rotated GCJ-02.
_X_PI: Final = math.pi * 3000.0 / 180.0
_BD_DLON: Final = 0.0065
_BD_DLAT: Final = 0.006

# The rough validity box of the reference implementations: (min lon, min lat, max lon, max lat).
CHINA_BOX: Final = (72.004, 0.8293, 137.8347, 55.8271)

# Stop the iterative inverses once no residual exceeds this (degrees; 1e-10° ≈ 0.01 mm).
_INVERSE_TOLERANCE: Final = 1e-10
_INVERSE_MAX_ITERATIONS: Final = 10
# Points per block of the GCJ-02 shift formula (keeps its temporaries in the CPU cache).
_BLOCK: Final = 32768

WGS84: Final = "wgs84"
GCJ02: Final = "gcj02"
BD09: Final = "bd09"
OFFSET_SYSTEMS: Final = (GCJ02, BD09)
COORDINATE_SYSTEMS: Final = (WGS84, GCJ02, BD09)


def _as_arrays(lon: npt.ArrayLike, lat: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    """Fresh float64 copies of the broadcast inputs, so the callers' arrays are never written to."""
    lon_b, lat_b = np.broadcast_arrays(np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64))
    return np.array(lon_b, dtype=np.float64), np.array(lat_b, dtype=np.float64)


def _result(lon: npt.ArrayLike, lat: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    """float64 arrays again: numpy turns 0-d results of arithmetic into scalars, and callers get arrays always."""
    return np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64)


def in_china(lon: npt.ArrayLike, lat: npt.ArrayLike) -> BoolArray:
    """True where the point lies in the rough box 72.004-137.8347 E, 0.8293-55.8271 N.

    This is the box the reference implementations use to decide whether GCJ-02 applies. It is deliberately rough
    (it also covers parts of neighbouring countries) because matching them matters more than the border: data
    from Chinese map services was shifted by exactly this test. NaN gives False.
    """
    lon_a, lat_a = _as_arrays(lon, lat)
    min_lon, min_lat, max_lon, max_lat = CHINA_BOX
    inside: BoolArray = (lon_a >= min_lon) & (lon_a <= max_lon) & (lat_a >= min_lat) & (lat_a <= max_lat)
    return inside


def _gcj_shift(lon: FloatArray, lat: FloatArray) -> tuple[FloatArray, FloatArray]:
    """The GCJ-02 shift (degrees of longitude, degrees of latitude) at WGS84 points, without the box test.

    Evaluated in blocks of 32 768 points: the formula makes some 40 temporaries, and while they fit in the CPU
    cache a million points take half the time (about 25 ms instead of 50 ms per evaluation).
    """
    if lon.size <= _BLOCK:
        return _gcj_shift_block(lon, lat)
    flat_lon, flat_lat = lon.ravel(), lat.ravel()
    dlon, dlat = np.empty_like(flat_lon), np.empty_like(flat_lat)
    for start in range(0, flat_lon.size, _BLOCK):
        block = slice(start, start + _BLOCK)
        dlon[block], dlat[block] = _gcj_shift_block(flat_lon[block], flat_lat[block])
    return dlon.reshape(lon.shape), dlat.reshape(lat.shape)


def _gcj_shift_block(lon: FloatArray, lat: FloatArray) -> tuple[FloatArray, FloatArray]:
    """The GCJ-02 shift of `_gcj_shift`, for one block of points.

    The two published expressions give the shift as arc lengths in metres, as functions of x = lon - 105 and
    y = lat - 35; dividing by the lengths of one degree of latitude and of longitude on the Krasovsky ellipsoid
    at `lat` gives degrees.
    """
    x = lon - 105.0
    y = lat - 35.0
    px = np.pi * x
    py = np.pi * y
    # The published sine terms are written as (20·sin(6πx) + 20·sin(2πx)) · 2/3 and so on; the 2/3 is folded in.
    common = (40.0 / 3.0) * (np.sin(6.0 * px) + np.sin(2.0 * px))
    sqrt_abs_x = np.sqrt(np.abs(x))
    xy = 0.1 * x * y
    dlat_m = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + xy + 0.2 * sqrt_abs_x + common
    dlat_m += (40.0 / 3.0) * np.sin(py) + (80.0 / 3.0) * np.sin(py / 3.0)
    dlat_m += (320.0 / 3.0) * np.sin(py / 12.0) + (640.0 / 3.0) * np.sin(py / 30.0)
    dlon_m = 300.0 + x + 2.0 * y + 0.1 * x * x + xy + 0.1 * sqrt_abs_x + common
    dlon_m += (40.0 / 3.0) * np.sin(px) + (80.0 / 3.0) * np.sin(px / 3.0)
    dlon_m += 100.0 * np.sin(px / 12.0) + 200.0 * np.sin(px / 30.0)
    rad_lat = np.radians(lat)
    w = 1.0 - _KRASOVSKY_EE * np.sin(rad_lat) ** 2
    sqrt_w = np.sqrt(w)
    metres_per_degree_lat = np.radians(_KRASOVSKY_A * (1.0 - _KRASOVSKY_EE) / (w * sqrt_w))
    metres_per_degree_lon = np.radians(_KRASOVSKY_A / sqrt_w * np.cos(rad_lat))
    return dlon_m / metres_per_degree_lon, dlat_m / metres_per_degree_lat


def _gcj_forward(lon: FloatArray, lat: FloatArray) -> tuple[FloatArray, FloatArray]:
    """WGS84 → GCJ-02 without the box test, for points already known to be inside."""
    dlon, dlat = _gcj_shift(lon, lat)
    return lon + dlon, lat + dlat


def _bd_forward(lon: FloatArray, lat: FloatArray) -> tuple[FloatArray, FloatArray]:
    """GCJ-02 → BD-09: Baidu's small rotation and scaling about (0°, 0°), then the fixed (0.0065°, 0.006°) shift."""
    z = np.hypot(lon, lat) + 2e-5 * np.sin(lat * _X_PI)
    theta = np.arctan2(lat, lon) + 3e-6 * np.cos(lon * _X_PI)
    return z * np.cos(theta) + _BD_DLON, z * np.sin(theta) + _BD_DLAT


def _bd_inverse_closed_form(lon: FloatArray, lat: FloatArray) -> tuple[FloatArray, FloatArray]:
    """The published one-step BD-09 → GCJ-02: undo the shift, then the rotation and scaling evaluated at the
    BD-09 point instead of the (unknown) GCJ-02 one; off by up to 1.9e-6° (0.2 m) in China."""
    x = lon - _BD_DLON
    y = lat - _BD_DLAT
    z = np.hypot(x, y) - 2e-5 * np.sin(y * _X_PI)
    theta = np.arctan2(y, x) - 3e-6 * np.cos(x * _X_PI)
    return z * np.cos(theta), z * np.sin(theta)


def _invert(
    forward: Callable[[FloatArray, FloatArray], tuple[FloatArray, FloatArray]],
    target_lon: FloatArray,
    target_lat: FloatArray,
    start_lon: FloatArray,
    start_lat: FloatArray,
) -> tuple[FloatArray, FloatArray]:
    """Solve forward(p) = target by the fixed-point iteration p ← p - (forward(p) - target), vectorised.

    Both offsets are the identity plus a shift whose slope is small (GCJ-02 ≤ 0.6 %, BD-09 ≤ 2.2 % over China),
    so every step shrinks the error by at least that factor: from the one-step start (≤ 5e-5°) to about 1e-13°
    in 4 steps. The loop stops when no point has a residual above 1e-10° (NaN compares False, so NaN points
    cannot keep it going).
    """
    lon, lat = start_lon, start_lat
    for _ in range(_INVERSE_MAX_ITERATIONS):
        fwd_lon, fwd_lat = forward(lon, lat)
        err_lon = fwd_lon - target_lon
        err_lat = fwd_lat - target_lat
        lon = lon - err_lon
        lat = lat - err_lat
        if not (np.any(np.abs(err_lon) > _INVERSE_TOLERANCE) or np.any(np.abs(err_lat) > _INVERSE_TOLERANCE)):
            break
    return lon, lat


def wgs84_to_gcj02(lon: npt.ArrayLike, lat: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    """GCJ-02 longitude and latitude of WGS84 points; points outside `in_china` are returned unchanged."""
    lon_a, lat_a = _as_arrays(lon, lat)
    inside = in_china(lon_a, lat_a)
    lon_a[inside], lat_a[inside] = _gcj_forward(lon_a[inside], lat_a[inside])
    return lon_a, lat_a


def gcj02_to_wgs84(lon: npt.ArrayLike, lat: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    """WGS84 longitude and latitude of GCJ-02 points, exact to about 1e-13° against `wgs84_to_gcj02`.

    Why iterate: the one-step inverse `2·gcj - f(gcj)` of most libraries is off by up to 5e-5° (metres), which
    can move a case across a unit-grid boundary. The box test is made on the GCJ-02 input, as the reference
    implementations do; within about 0.01° of the box edge a round trip may therefore not return the start point.
    """
    lon_a, lat_a = _as_arrays(lon, lat)
    inside = in_china(lon_a, lat_a)
    gcj_lon, gcj_lat = lon_a[inside], lat_a[inside]
    dlon, dlat = _gcj_shift(gcj_lon, gcj_lat)
    lon_a[inside], lat_a[inside] = _invert(_gcj_forward, gcj_lon, gcj_lat, gcj_lon - dlon, gcj_lat - dlat)
    return lon_a, lat_a


def gcj02_to_bd09(lon: npt.ArrayLike, lat: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    """BD-09 longitude and latitude of GCJ-02 points (Baidu's formula; no box test)."""
    return _result(*_bd_forward(*_as_arrays(lon, lat)))


def bd09_to_gcj02(lon: npt.ArrayLike, lat: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    """GCJ-02 longitude and latitude of BD-09 points, exact to about 1e-13° against `gcj02_to_bd09` (no box test).

    Why not just the published closed form: it evaluates the rotation at the BD-09 point instead of the GCJ-02
    one, which leaves up to 1.9e-6° (0.2 m) of round-trip error in China. It is used as the start of the same
    fixed-point iteration as the GCJ-02 inverse, so results differ from other tools' by at most that much.
    """
    bd_lon, bd_lat = _as_arrays(lon, lat)
    return _result(*_invert(_bd_forward, bd_lon, bd_lat, *_bd_inverse_closed_form(bd_lon, bd_lat)))


def wgs84_to_bd09(lon: npt.ArrayLike, lat: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    """BD-09 of WGS84 points: via GCJ-02, so the GCJ-02 step is skipped outside `in_china`."""
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


def bd09_to_wgs84(lon: npt.ArrayLike, lat: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    """WGS84 of BD-09 points: BD-09 → GCJ-02, then GCJ-02 → WGS84 (both iterative, exact to about 1e-13°)."""
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))


def _check_system(system: str) -> str:
    """The system name, lower-cased; a ValueError for names outside COORDINATE_SYSTEMS.

    A plain ValueError, not a GridInputError: callers pass one of the constants (the UI offers a fixed list), so an
    unknown name is a programming error, not something a user must read and fix.
    """
    name = system.strip().lower()
    if name not in COORDINATE_SYSTEMS:
        raise ValueError(f"unknown coordinate system {system!r}; expected one of {', '.join(COORDINATE_SYSTEMS)}")
    return name


def to_wgs84(lon: npt.ArrayLike, lat: npt.ArrayLike, system: str) -> tuple[FloatArray, FloatArray]:
    """WGS84 of points given in `system` ("wgs84" = copy, "gcj02" or "bd09"), for converting cases on import."""
    name = _check_system(system)
    if name == GCJ02:
        return gcj02_to_wgs84(lon, lat)
    if name == BD09:
        return bd09_to_wgs84(lon, lat)
    return _as_arrays(lon, lat)


def from_wgs84(lon: npt.ArrayLike, lat: npt.ArrayLike, system: str) -> tuple[FloatArray, FloatArray]:
    """Points in `system` ("wgs84" = copy, "gcj02" or "bd09") from WGS84, for export to Chinese web maps."""
    name = _check_system(system)
    if name == GCJ02:
        return wgs84_to_gcj02(lon, lat)
    if name == BD09:
        return wgs84_to_bd09(lon, lat)
    return _as_arrays(lon, lat)
