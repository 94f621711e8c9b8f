"""BeiDou grid location code (北斗网格位置码, GB/T 39409-2020): the two-dimensional code, levels 1-10.

Grid (§5 of the standard, as digested in the team's standards reference §5.1)::

    level  cell (lon x lat)   parent split (lon x lat)   digits added   code length
      1     6°    x 4°        60 x 22 (bands per N/S)     2 + 1 letter        4
      2    30'    x 30'       12 x 8                      hex, hex            6
      3    15'    x 10'        2 x 3                      Z-order 0-5         7
      4     1'    x 1'        15 x 10                     hex, hex            9
      5     4"    x 4"        15 x 15                     hex, hex           11
      6     2"    x 2"         2 x 2                      Z-order 0-3        12
      7   1/4"                 8 x 8                      octal, octal       14
      8   1/32"                8 x 8                      octal, octal       16
      9   1/256"               8 x 8                      octal, octal       18
     10   1/2048"              8 x 8                      octal, octal       20

A code is the hemisphere letter (``N`` for latitude >= 0, ``S`` below), the level-1 column
``01``-``60`` (``31``-``60`` east of Greenwich, ``30``-``01`` going west) and the latitude band
letter ``A``-``V`` (4° bands counted from the equator), then for every further level the column
``i`` and row ``j`` of the cell inside its parent: two digits ``i`` then ``j``, or one Z-order
digit ``2·j + i`` at levels 3 and 6.

Hemispheres are mirror images of the north-east one about the equator and the prime meridian:
``i`` and ``j`` are counted from the parent's corner nearest to the equator and the prime meridian,
i.e. on |longitude| and |latitude|. In the western hemisphere the column number therefore grows
westwards, in the southern one the row number grows southwards, and the Z-order digit uses the
same mirrored ``i`` and ``j``. (The reference implementation ywx001/BeidouGridCodec additionally
flips some indices per hemisphere in its current encoder; its own MultiHemisphereTest expected
codes, the independent implementation Gvitech-gis/beidou-grid-location-codec and the round trip
agree with the plain mirror rule used here; see the tests.)

Cell membership is half-open away from the origin: a cell contains its edges nearest to the
equator and the prime meridian and excludes the far ones. So latitude 0 is in the northern
hemisphere, longitude 0 in the eastern one, a point on a parallel or meridian shared by two cells
belongs to the cell on the far side from the origin, and longitude -6° is in column 29, the same
as -6.5° (the reference implementation puts -6° into column 30 and then produces an invalid
level-2 column 12). The antimeridian is the one exception: ±180° belongs to the outermost column
(60 east, 01 west), whose far edge is closed.

Exact arithmetic. Every cell edge is a whole multiple of the level-10 unit, 1/2048″
(7 372 800 units per degree, so every coordinate is an integer below 2^31). A coordinate given as a
float is converted once to an integer count of units and all digits come from integer division:

    units(x) = B                if |x| is the double nearest to B / 7 372 800 for an integer B
                                (the value a decimal such as ``0.7`` or ``116.3125`` parses to);
             = floor(|x| · 7 372 800), computed exactly for the binary value of x, otherwise.

So a coordinate typed as a cell edge is on that edge, and every other double falls in the cell that
holds its exact binary value. A decimal input with at most nine decimals thus gets exactly the
cell its decimal value lies in (such a value is never within float error of an edge it is not on).
``encode`` uses Python integers and `fractions`; ``encode_many`` does the same with an error-free
float product (Dekker) in numpy, and both agree bit for bit.

Not implemented: the polar caps (|latitude| >= 88°, §5.3, not implemented by the reference
either; they raise `BeiDouCodeError`), the 3D code (§6), reference-grid codes (§7) and short
codes (§8).
"""

from __future__ import annotations

import math
import operator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt

from grid_plugin.core.errors import GridInputError

__all__ = [
    "CODE_LENGTHS",
    "LEVELS",
    "UNITS_PER_DEGREE",
    "BeiDouCodeError",
    "Cell",
    "cell_size_degrees",
    "decode",
    "encode",
    "encode_many",
    "level_of",
    "parent",
]

LEVELS = range(1, 11)
UNITS_PER_DEGREE = 3600 * 2048  # level-10 cells (1/2048 arc second) per degree: 7 372 800
POLAR_LIMIT_DEGREES = 88

# Per level (index 0 unused): how many cells of this level span the parent, along longitude and
# latitude (level 1: per hemisphere, counted from the prime meridian and the equator).
_LON_SPLIT = (0, 30, 12, 2, 15, 15, 2, 8, 8, 8, 8)
_LAT_SPLIT = (0, 22, 8, 3, 10, 15, 2, 8, 8, 8, 8)
# Cell size per level in units: level 1 is 6° x 4°; each level divides its parent's size.
_LON_SIZE = [0, 6 * UNITS_PER_DEGREE] + [0] * 9
_LAT_SIZE = [0, 4 * UNITS_PER_DEGREE] + [0] * 9
for _level in range(2, 11):
    _LON_SIZE[_level] = _LON_SIZE[_level - 1] // _LON_SPLIT[_level]
    _LAT_SIZE[_level] = _LAT_SIZE[_level - 1] // _LAT_SPLIT[_level]
assert _LON_SIZE[10] == _LAT_SIZE[10] == 1
# Code length per level, including the hemisphere letter (index 0: the letter alone).
CODE_LENGTHS = (1, 4, 6, 7, 9, 11, 12, 14, 16, 18, 20)
_LEVEL_BY_LENGTH = {length: level for level, length in enumerate(CODE_LENGTHS) if level}
_Z_ORDER_LEVELS = (3, 6)
_HEX = "0123456789ABCDEF"

_LON_LIMIT = 180 * UNITS_PER_DEGREE  # |longitude| in units is clamped below this (antimeridian)


class BeiDouCodeError(GridInputError):
    """A malformed BeiDou grid code, or a position or level that cannot be coded (a ValueError)."""


# ---------------------------------------------------------------------------------------------
# Degrees to integer units


def _units(value: float) -> int:
    """|value| (degrees, finite) as a whole number of level-10 units, by the module's rounding rule."""
    magnitude = abs(value)
    nearest = round(magnitude * UNITS_PER_DEGREE)
    if nearest / UNITS_PER_DEGREE == magnitude:  # int / int is correctly rounded in Python
        return nearest
    return math.floor(Fraction(magnitude) * UNITS_PER_DEGREE)


_SPLITTER = 134217729.0  # 2**27 + 1: Veltkamp split of a double into two 26-bit halves
_K = float(UNITS_PER_DEGREE)  # 225 * 2**15: eight significant bits, so half * _K is exact


def _units_array(values: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """`_units` of every element (finite, |value| <= 180), vectorised and exact."""
    magnitude = np.abs(values)
    product = magnitude * _K
    nearest = np.rint(product)
    on_edge = nearest / _K == magnitude  # IEEE division is correctly rounded
    # Exact floor(magnitude * K): product + error, with the rounding error of the product
    # recovered exactly (Dekker's two-product; the split halves times K are exact).
    scaled = magnitude * _SPLITTER
    high = scaled - (scaled - magnitude)
    low = magnitude - high
    error = (high * _K - product) + low * _K
    floor = np.floor(product)
    floor -= (floor == product) & (error < 0)
    return np.where(on_edge, nearest, floor).astype(np.int64)


# ---------------------------------------------------------------------------------------------
# Checks


def _check_level(level: Any) -> int:
    if isinstance(level, bool):
        raise BeiDouCodeError("BeiDou level must be a whole number from 1 to 10, not {level!r}", level=level)
    try:
        number = operator.index(level)
    except TypeError:
        raise BeiDouCodeError(
            "BeiDou level must be a whole number from 1 to 10, not {level!r}", level=level
        ) from None
    if number not in LEVELS:
        raise BeiDouCodeError("BeiDou level must be from 1 to 10, not {level}", level=number)
    return number


def _point_problem(lon: float, lat: float) -> BeiDouCodeError | None:
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return BeiDouCodeError(
            "position ({lon}, {lat}) is not a finite longitude/latitude pair", lon=lon, lat=lat
        )
    if not -180.0 <= lon <= 180.0:
        return BeiDouCodeError(
            "longitude {lon} is outside [-180, 180]; give WGS84/CGCS2000 degrees, longitude first",
            lon=lon,
        )
    if abs(lat) >= POLAR_LIMIT_DEGREES:
        return BeiDouCodeError(
            "latitude {lat} is at or beyond ±88°: the polar BeiDou cells (GB/T 39409 §5.3) are not supported",
            lat=lat,
        )
    return None


# ---------------------------------------------------------------------------------------------
# Encoding


def _format(north: bool, east: bool, lon_units: int, lat_units: int, level: int) -> str:
    column = lon_units // _LON_SIZE[1]
    row = lat_units // _LAT_SIZE[1]
    parts = ["N" if north else "S", f"{31 + column if east else 30 - column:02d}", chr(ord("A") + row)]
    for lv in range(2, level + 1):
        i = (lon_units // _LON_SIZE[lv]) % _LON_SPLIT[lv]
        j = (lat_units // _LAT_SIZE[lv]) % _LAT_SPLIT[lv]
        parts.append(str(2 * j + i) if lv in _Z_ORDER_LEVELS else _HEX[i] + _HEX[j])
    return "".join(parts)


def encode(lon: float, lat: float, level: int = 8) -> str:
    """The BeiDou 2D grid code of the cell at `level` (1-10) holding the point (degrees).

    Raises BeiDouCodeError for a bad level, a non-finite position, a longitude outside
    [-180, 180] or a latitude at or beyond ±88° (polar cells are not supported).
    """
    level = _check_level(level)
    lon, lat = float(lon), float(lat)
    problem = _point_problem(lon, lat)
    if problem is not None:
        raise problem
    lon_units = min(_units(lon), _LON_LIMIT - 1)
    return _format(lat >= 0.0, lon >= 0.0, lon_units, _units(lat), level)


_ASCII_HEX = np.frombuffer(_HEX.encode("ascii"), dtype=np.uint8)


def encode_many(lon: npt.ArrayLike, lat: npt.ArrayLike, level: int = 8) -> npt.NDArray[np.str_]:
    """`encode` of every point, vectorised: an array of codes (numpy str, fixed width) shaped like
    the broadcast inputs. The codes equal `encode`'s one by one; `.tolist()` gives Python str.

    Raises BeiDouCodeError naming the first unusable point (by flat index) if any is unusable.
    """
    level = _check_level(level)
    lon_array, lat_array = np.broadcast_arrays(
        np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64)
    )
    shape = lon_array.shape
    x = lon_array.ravel()
    y = lat_array.ravel()
    bad = ~(np.isfinite(x) & np.isfinite(y) & (np.abs(x) <= 180.0) & (np.abs(y) < POLAR_LIMIT_DEGREES))
    if bad.any():
        index = int(np.flatnonzero(bad)[0])
        problem = _point_problem(float(x[index]), float(y[index]))
        assert problem is not None
        raise BeiDouCodeError(
            "point {index} (counting from 0) cannot be coded: {problem}", index=index, problem=problem.message
        )

    lon_units = np.minimum(_units_array(x), _LON_LIMIT - 1)
    lat_units = _units_array(y)
    length = CODE_LENGTHS[level]
    chars = np.empty((x.size, length), dtype=np.uint8)
    chars[:, 0] = np.where(y >= 0.0, ord("N"), ord("S"))
    column = lon_units // _LON_SIZE[1]
    number = np.where(x >= 0.0, 31 + column, 30 - column)
    chars[:, 1] = ord("0") + number // 10
    chars[:, 2] = ord("0") + number % 10
    chars[:, 3] = ord("A") + lat_units // _LAT_SIZE[1]
    position = 4
    for lv in range(2, level + 1):
        i = (lon_units // _LON_SIZE[lv]) % _LON_SPLIT[lv]
        j = (lat_units // _LAT_SIZE[lv]) % _LAT_SPLIT[lv]
        if lv in _Z_ORDER_LEVELS:
            chars[:, position] = ord("0") + 2 * j + i
            position += 1
        else:
            chars[:, position] = _ASCII_HEX[i]
            chars[:, position + 1] = _ASCII_HEX[j]
            position += 2
    assert position == length
    return chars.view(f"S{length}").reshape(shape).astype(f"U{length}")


# ---------------------------------------------------------------------------------------------
# Decoding


def _digit(code: str, position: int, limit: int, what: str) -> int:
    """The hex digit at `position`, checked to be below `limit`."""
    char = code[position]
    value = _HEX.find(char)
    if value < 0 or value >= limit:
        raise BeiDouCodeError(
            "BeiDou code {code!r}: character {position} ({char!r}, {what}) must be one of {allowed}",
            code=code,
            position=position + 1,
            char=char,
            what=what,
            allowed=f"{_HEX[0]}-{_HEX[limit - 1]}",
        )
    return value


def _parse(code: Any) -> tuple[int, bool, bool, int, int]:
    """(level, north, east, lon_units, lat_units) of a code: the hemisphere and the corner of the
    cell nearest to the equator and the prime meridian, in units of |longitude| and |latitude|."""
    if not isinstance(code, str):
        raise BeiDouCodeError("a BeiDou code must be a string, not {kind}", kind=type(code).__name__)
    level = _LEVEL_BY_LENGTH.get(len(code))
    if level is None:
        raise BeiDouCodeError(
            "BeiDou code {code!r} has {length} characters; a 2D code has 4, 6, 7, 9, 11, 12, 14, 16, 18 "
            "or 20 (levels 1-10)",
            code=code,
            length=len(code),
        )
    if code != code.upper():
        raise BeiDouCodeError("BeiDou code {code!r} must be written in capitals", code=code)
    if code[0] not in "NS":
        raise BeiDouCodeError(
            "BeiDou code {code!r} must start with the hemisphere letter N or S, not {char!r}",
            code=code,
            char=code[0],
        )
    column_text = code[1:3]
    if column_text == "00":
        raise BeiDouCodeError(
            "BeiDou code {code!r}: column 00 is a polar cap code (GB/T 39409 §5.3), which is not supported",
            code=code,
        )
    if not (column_text.isascii() and column_text.isdigit()) or not 1 <= int(column_text) <= 60:
        raise BeiDouCodeError(
            "BeiDou code {code!r}: the level-1 column must be 01-60, not {column!r}", code=code, column=column_text
        )
    column = int(column_text)
    east = column >= 31
    band = ord(code[3]) - ord("A")
    if not 0 <= band < _LAT_SPLIT[1]:
        raise BeiDouCodeError(
            "BeiDou code {code!r}: the level-1 latitude band must be a letter A-V, not {char!r}",
            code=code,
            char=code[3],
        )
    lon_units = (column - 31 if east else 30 - column) * _LON_SIZE[1]
    lat_units = band * _LAT_SIZE[1]
    position = 4
    for lv in range(2, level + 1):
        if lv in _Z_ORDER_LEVELS:
            z = _digit(code, position, _LON_SPLIT[lv] * _LAT_SPLIT[lv], f"level-{lv} Z-order digit")
            i, j = z % 2, z // 2
            position += 1
        else:
            i = _digit(code, position, _LON_SPLIT[lv], f"level-{lv} column")
            j = _digit(code, position + 1, _LAT_SPLIT[lv], f"level-{lv} row")
            position += 2
        lon_units += i * _LON_SIZE[lv]
        lat_units += j * _LAT_SIZE[lv]
    return level, code[0] == "N", east, lon_units, lat_units


@dataclass(frozen=True)
class Cell:
    """A BeiDou grid cell: its code, level and bounds in degrees (west < east, south < north).

    The cell holds its edges nearest to the equator and the prime meridian and not the far ones
    (plus the antimeridian for the outermost columns); `contains` applies exactly that rule with
    the module's exact arithmetic, so ``decode(encode(lon, lat, n)).contains(lon, lat)`` holds.
    """

    code: str
    level: int
    west: float
    south: float
    east: float
    north: float

    @property
    def centre(self) -> tuple[float, float]:
        """(lon, lat) of the middle of the cell."""
        return (self.west + self.east) / 2.0, (self.south + self.north) / 2.0

    def contains(self, lon: float, lat: float) -> bool:
        """Whether the point (degrees) lies in this cell under the half-open rule."""
        lon, lat = float(lon), float(lat)
        if _point_problem(lon, lat) is not None:
            return False
        cell_east = self.west >= 0.0
        cell_north = self.south >= 0.0
        if (lon >= 0.0) != cell_east or (lat >= 0.0) != cell_north:
            return False
        # |bounds| back to units: they are doubles nearest to whole units, so this is exact.
        lon_low, lon_high = sorted((_units(self.west), _units(self.east)))
        lat_low, lat_high = sorted((_units(self.south), _units(self.north)))
        x = min(_units(lon), _LON_LIMIT - 1)
        y = _units(lat)
        return lon_low <= x < lon_high and lat_low <= y < lat_high


def decode(code: str) -> Cell:
    """The cell of a BeiDou 2D grid code. Raises BeiDouCodeError saying what is wrong with a bad code."""
    level, north, east, lon_units, lat_units = _parse(code)
    near_lon = lon_units / UNITS_PER_DEGREE
    far_lon = (lon_units + _LON_SIZE[level]) / UNITS_PER_DEGREE
    near_lat = lat_units / UNITS_PER_DEGREE
    far_lat = (lat_units + _LAT_SIZE[level]) / UNITS_PER_DEGREE
    west, east_edge = (near_lon, far_lon) if east else (-far_lon, -near_lon)
    south, north_edge = (near_lat, far_lat) if north else (-far_lat, -near_lat)
    return Cell(code, level, west, south, east_edge + 0.0, north_edge + 0.0)


def level_of(code: str) -> int:
    """The level (1-10) of a code, after checking the whole code."""
    return _parse(code)[0]


def parent(code: str, level: int) -> str:
    """The code of the cell at `level` holding this one (the code itself at its own level)."""
    own = level_of(code)
    level = _check_level(level)
    if level > own:
        raise BeiDouCodeError(
            "BeiDou code {code!r} is level {own}; it has no parent at the finer level {level}",
            code=code,
            own=own,
            level=level,
        )
    return code[: CODE_LENGTHS[level]]


def cell_size_degrees(level: int) -> tuple[Fraction, Fraction]:
    """(longitude, latitude) extent of a cell at `level`, in degrees, exactly."""
    level = _check_level(level)
    return (Fraction(_LON_SIZE[level], UNITS_PER_DEGREE), Fraction(_LAT_SIZE[level], UNITS_PER_DEGREE))
