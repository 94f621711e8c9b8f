"""BeiDou grid location code (GB/T 39409-2020), 2D, levels 1-10: grid_plugin.core.geodesy.beidou."""

import math
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from grid_plugin.core.geodesy.beidou import (
    CODE_LENGTHS,
    UNITS_PER_DEGREE,
    BeiDouCodeError,
    Cell,
    cell_size_degrees,
    decode,
    encode,
    encode_many,
    level_of,
    parent,
)

K = UNITS_PER_DEGREE
LEVELS = range(1, 11)

# 116°18′45.37″E, 39°59′35.38″N, the example of standards.md §5.1 (and of the reference
# implementation ywx001/BeidouGridCodec, BeiDouGridUtilsTest.testDecode2D: "N50J47539B825534").
EXAMPLE = (116.31260278, 39.99316111)
EXAMPLE_PREFIXES = [
    "N50J",
    "N50J47",
    "N50J475",
    "N50J47539",
    "N50J47539B8",
    "N50J47539B82",
    "N50J47539B8255",
    "N50J47539B825534",
    "N50J47539B82553461",
    "N50J47539B8255346152",
]

# Cell size per level in arc seconds (lon, lat): the table of standards.md §5.1.
SIZES_ARCSEC = {
    1: (Fraction(6 * 3600), Fraction(4 * 3600)),
    2: (Fraction(1800), Fraction(1800)),
    3: (Fraction(900), Fraction(600)),
    4: (Fraction(60), Fraction(60)),
    5: (Fraction(4), Fraction(4)),
    6: (Fraction(2), Fraction(2)),
    7: (Fraction(1, 4), Fraction(1, 4)),
    8: (Fraction(1, 32), Fraction(1, 32)),
    9: (Fraction(1, 256), Fraction(1, 256)),
    10: (Fraction(1, 2048), Fraction(1, 2048)),
}


def random_points(n, seed, lat_limit=87.999):
    """n points spread over all four hemispheres (about a quarter in each)."""
    rng = np.random.default_rng(seed)
    lon = rng.uniform(0.0, 180.0, n) * rng.choice([-1.0, 1.0], n)
    lat = rng.uniform(0.0, lat_limit, n) * rng.choice([-1.0, 1.0], n)
    return lon, lat


def near_edges(cell, lon, lat):
    """The cell's edges nearest to the prime meridian and the equator, for the point's hemisphere."""
    return (cell.west if lon >= 0 else cell.east), (cell.south if lat >= 0 else cell.north)


# ---------------------------------------------------------------------------------------------
# Published values


@pytest.mark.parametrize("level", LEVELS)
def test_published_example_at_every_level(level):
    assert encode(*EXAMPLE, level=level) == EXAMPLE_PREFIXES[level - 1]


def test_published_example_default_level_is_8_and_dms_input_agrees():
    assert encode(*EXAMPLE) == "N50J47539B825534"
    lon = 116 + 18 / 60 + 45.37 / 3600
    lat = 39 + 59 / 60 + 35.38 / 3600
    assert encode(lon, lat, 8) == "N50J47539B825534"


def test_dongcheng_point_at_level_10():
    assert encode(116.4160, 39.9285, 10) == "N50J47595EA262331144"


def test_decoded_example_cell_has_the_published_corner():
    cell = decode("N50J47539B825534")
    # 45.37″ lies in the 1/32″ cell starting at 1451/32″ = 45.34375″; 35.38″ in 1132/32″ = 35.375″.
    assert cell.west == pytest.approx(116 + 18 / 60 + 45.34375 / 3600, abs=1e-12)
    assert cell.south == pytest.approx(39 + 59 / 60 + 35.375 / 3600, abs=1e-12)
    assert cell.level == 8
    assert cell.code == "N50J47539B825534"
    assert cell.contains(*EXAMPLE)


def _code_2d_from_3d(code_3d):
    """The 2D part of a level-10 3D code: after the latitude letter and the height-sign digit,
    each level's 2D fragment is followed by its height digits (two at level 1, one after)."""
    parts, position = [code_3d[0]], 2
    for level in LEVELS:
        width = CODE_LENGTHS[level] - CODE_LENGTHS[level - 1]
        parts.append(code_3d[position : position + width])
        position += width + (2 if level == 1 else 1)
    assert position == len(code_3d)
    return "".join(parts)


# The expected codes written in the reference implementation's own test,
# ywx001/BeidouGridCodec src/test/java/io/github/ywx001/core/utils/MultiHemisphereTest.java
# (testAllHemispheres, one comment per hemisphere: 3D codes at level 10 for a height of 50 m).
# Their 2D parts follow the plain mirror rule of this module. (The reference's current
# BeiDouGridEncoder flips some indices again per hemisphere and would give other codes in the
# NW, SE and SW hemispheres, which its own BeiDouGridDecoder does not invert.)
REFERENCE_HEMISPHERES = [
    ("NE", 120.5830508, 31.1415575, "N051H0016000480E7010366734331434"),  # Suzhou
    ("SW", -58.3816, -34.6037, "S021I0085010760D3000756024211474"),  # Buenos Aires
    ("NW", -122.3321, 47.6062, "N010L0047010460D5030616124711274"),  # Seattle
    ("SE", 151.2093, -33.8688, "S056I0023040C2081020566754261704"),  # Sydney
]


@pytest.mark.parametrize(("hemisphere", "lon", "lat", "code_3d"), REFERENCE_HEMISPHERES)
def test_all_hemispheres_agree_with_the_reference_test_values(hemisphere, lon, lat, code_3d):
    expected = _code_2d_from_3d(code_3d)
    assert encode(lon, lat, 10) == expected
    for level in LEVELS:
        assert encode(lon, lat, level) == expected[: CODE_LENGTHS[level]]
    cell = decode(expected)
    assert cell.contains(lon, lat)
    assert (cell.west < 0) == (hemisphere[1] == "W")
    assert (cell.south < 0) == (hemisphere[0] == "S")


def test_mirror_rule_in_the_western_and_southern_hemispheres():
    # Mirror images of the example point get the same digits after the level-1 column.
    lon, lat = EXAMPLE
    ne = encode(lon, lat, 10)
    # 116.3° is the 20th 6° column east of Greenwich (50); 116.3°W is the 20th west (11).
    assert encode(-lon, lat, 10) == "N11" + ne[3:]
    assert encode(lon, -lat, 10) == "S" + ne[1:]
    assert encode(-lon, -lat, 10) == "S11" + ne[3:]
    # Z-order digits (levels 3 and 6) count from the corner nearest the origin too: 15′ east of
    # 0° and 10′ north of 0° is digit 3 (i=1, j=1) in every hemisphere.
    for sign_lon in (1, -1):
        for sign_lat in (1, -1):
            code = encode(sign_lon * (15 / 60 + 1e-6), sign_lat * (10 / 60 + 1e-6), 3)
            assert code[-1] == "3"


# ---------------------------------------------------------------------------------------------
# Cell sizes and structure


@pytest.mark.parametrize("level", LEVELS)
def test_cell_size_matches_the_table(level):
    lon_size, lat_size = (s / 3600 for s in SIZES_ARCSEC[level])
    assert cell_size_degrees(level) == (lon_size, lat_size)
    lon, lat = random_points(200, seed=level)
    for x, y in zip(lon.tolist(), lat.tolist()):
        cell = decode(encode(x, y, level))
        assert cell.level == level
        assert Fraction(cell.east) - Fraction(cell.west) == pytest.approx(lon_size, abs=1e-12)
        assert Fraction(cell.north) - Fraction(cell.south) == pytest.approx(lat_size, abs=1e-12)
        # The bounds are whole multiples of the cell size, counted from the origin.
        for edge, size in ((cell.west, lon_size), (cell.south, lat_size)):
            steps = Fraction(edge) / size
            assert abs(steps - round(steps)) < 1e-6


def test_level_8_cell_is_a_thirty_second_of_an_arc_second():
    cell = decode("N50J47539B825534")
    # 64 level-10 units of 1/2048″ each way (degrees near 116° carry ~1e-9 relative error here).
    assert round(cell.east * K) - round(cell.west * K) == 64
    assert round(cell.north * K) - round(cell.south * K) == 64
    assert (cell.east - cell.west) * 3600 * 32 == pytest.approx(1.0, abs=1e-8)
    assert (cell.north - cell.south) * 3600 * 32 == pytest.approx(1.0, abs=1e-8)


@pytest.mark.parametrize("level", LEVELS)
def test_code_lengths_and_level_of(level):
    code = encode(-70.25, -33.45, level)
    assert len(code) == CODE_LENGTHS[level] == (4, 6, 7, 9, 11, 12, 14, 16, 18, 20)[level - 1]
    assert level_of(code) == level


def test_centre_is_inside_the_cell():
    cell = decode(encode(-43.2, -22.9, 6))
    lon, lat = cell.centre
    assert cell.west < lon < cell.east
    assert cell.south < lat < cell.north
    assert cell.contains(lon, lat)
    assert encode(lon, lat, 6) == cell.code


# ---------------------------------------------------------------------------------------------
# Round trips, edges and exact arithmetic


@pytest.mark.parametrize("level", LEVELS)
def test_decode_of_encode_contains_the_point(level):
    lon, lat = random_points(3000, seed=100 + level)
    codes = encode_many(lon, lat, level)
    for x, y, code in zip(lon.tolist(), lat.tolist(), codes.tolist()):
        cell = decode(code)
        assert cell.contains(x, y), (x, y, code)
        assert cell.west <= x <= cell.east and cell.south <= y <= cell.north


@pytest.mark.parametrize("level", LEVELS)
def test_points_exactly_on_cell_edges_belong_to_the_cell_away_from_the_origin(level):
    lon_size, lat_size = (int(s * 2048) for s in SIZES_ARCSEC[level])  # in 1/2048″ units
    rng = np.random.default_rng(200 + level)
    lon_steps = rng.integers(0, 180 * K // lon_size, 500)
    lat_steps = rng.integers(0, 88 * K // lat_size, 500)
    signs = rng.choice([-1, 1], (500, 2))
    for m, n, (sx, sy) in zip(lon_steps.tolist(), lat_steps.tolist(), signs.tolist()):
        x, y = sx * (m * lon_size / K), sy * (n * lat_size / K)
        cell = decode(encode(x, y, level))
        assert cell.contains(x, y)
        assert near_edges(cell, x, y) == (x, y), (x, y, cell)
        # One double nearer to the origin is in the neighbouring cell (if there is one).
        inner_x, inner_y = np.nextafter(x, 0.0), np.nextafter(y, 0.0)
        if m and n:
            inner = decode(encode(inner_x, inner_y, level))
            assert inner.code != cell.code
            assert inner.contains(inner_x, inner_y) and not cell.contains(inner_x, inner_y)
            assert not inner.contains(x, y)


def test_zero_longitude_and_latitude():
    zero = "N31A" + "0" * 16
    assert encode(0.0, 0.0, 10) == zero
    assert encode(-0.0, -0.0, 10) == zero  # -0 is 0: eastern and northern hemisphere
    assert encode(-1e-12, -1e-12, 10) == "S30A" + "0" * 16
    assert encode(1e-12, -1e-12, 10) == "S31A" + "0" * 16
    assert encode(-1e-12, 1e-12, 10) == "N30A" + "0" * 16
    cell = decode(zero)
    assert (cell.west, cell.south) == (0.0, 0.0)
    assert cell.contains(0.0, 0.0)
    assert not cell.contains(-1e-12, 0.0)
    assert not cell.contains(0.0, -1e-12)
    south_west = decode("S30A" + "0" * 16)
    assert (south_west.east, south_west.north) == (0.0, 0.0)
    assert south_west.contains(-1e-12, -1e-12)
    assert not south_west.contains(0.0, 0.0)


def test_level_1_edges_west_of_greenwich_follow_the_mirror_rule():
    # -6° is on the edge of columns 30 (-6°..0°) and 29 (-12°..-6°): it belongs to the one away from
    # the origin, like 6° belongs to column 32. (The reference encoder gives column 30 here and then
    # an invalid level-2 column 12.)
    assert encode(-6.0, 0.6, 2) == "N29A01"
    assert encode(6.0, 0.6, 2) == "N32A01"
    assert encode(-5.999999, 0.6, 1) == "N30A"
    assert decode("N29A").east == -6.0


def test_antimeridian_belongs_to_the_outermost_columns():
    east = decode(encode(180.0, 10.0, 10))
    west = decode(encode(-180.0, 10.0, 10))
    assert east.code.startswith("N60C") and east.east == 180.0
    assert west.code.startswith("N01C") and west.west == -180.0
    assert east.contains(180.0, 10.0) and west.contains(-180.0, 10.0)
    assert decode("N60C").contains(180.0, 10.0)


def test_cell_edges_given_as_decimals_are_exact():
    # 2.05° = 2°03′ is a level-4 edge; 2.05 * 7 372 800 in floating point is 15114239.999999998,
    # so a naive floor would put it in the cell to the west.
    assert Fraction("2.05") * K == 15114240
    assert math.floor(2.05 * K) == 15114239
    for level in (4, 7, 10):
        assert decode(encode(2.05, 2.05, level)).west == 2.05
        assert decode(encode(-2.05, -2.05, level)).east == -2.05
    assert decode(encode(1.0833333333333333, 0.0, 4)).west == 1.0833333333333333  # 1°05′


def test_a_double_just_below_an_edge_stays_below_it():
    # This double is one below the one nearest to 6399425 units; its float product with K rounds
    # up to exactly 6399425, but its exact value is below, so it is in the cell ending there.
    x = 0.867977566189236
    assert x * K == 6399425.0 and x != 6399425 / K
    assert Fraction(x) * K < 6399425
    cell = decode(encode(x, 0.0, 10))
    assert cell.east == 6399425 / K
    assert cell.contains(x, 0.0)


def test_decimal_inputs_get_the_cell_of_their_exact_decimal_value():
    rng = np.random.default_rng(7)
    for _ in range(3000):
        texts = [
            f"{rng.integers(0, 180)}.{rng.integers(0, 10**9):09d}",
            f"{rng.integers(0, 88)}.{rng.integers(0, 10**9):09d}",
        ]
        signs = rng.choice([-1, 1], 2).tolist()
        x, y = (s * float(t) for s, t in zip(signs, texts))
        if abs(x) > 180:
            continue
        cell = decode(encode(x, y, 10))
        edge_x, edge_y = near_edges(cell, x, y)
        for edge, text in ((edge_x, texts[0]), (edge_y, texts[1])):
            assert round(abs(edge) * K) == math.floor(Decimal(text) * K)


# ---------------------------------------------------------------------------------------------
# parent, encode_many


@pytest.mark.parametrize("level", LEVELS)
def test_parent_equals_encoding_at_the_lower_level(level):
    lon, lat = random_points(300, seed=300 + level)
    for x, y in zip(lon.tolist(), lat.tolist()):
        code = encode(x, y, level)
        for upper in range(1, level + 1):
            assert parent(code, upper) == encode(x, y, upper)
        outer = decode(parent(code, max(1, level - 1)))
        inner = decode(code)
        assert outer.west <= inner.west and inner.east <= outer.east
        assert outer.south <= inner.south and inner.north <= outer.north


def test_parent_at_a_finer_level_is_an_error():
    with pytest.raises(BeiDouCodeError, match="level 4; it has no parent at the finer level 6"):
        parent("N50J47539", 6)
    with pytest.raises(BeiDouCodeError, match="from 1 to 10"):
        parent("N50J47539", 0)


def _special_values():
    edges = [0.0, -0.0, 1e-12, -1e-12, 6.0, -6.0, 2.05, -2.05, 0.7, 180.0, -180.0, 87.99999999, -87.99999999]
    values = []
    for edge in edges:
        values += [edge, np.nextafter(edge, 0.0), np.nextafter(edge, np.inf), np.nextafter(edge, -np.inf)]
    return [v for v in values if abs(v) <= 180.0]


@pytest.mark.parametrize("level", LEVELS)
def test_encode_many_equals_encode_element_wise(level):
    lon, lat = random_points(2000, seed=400 + level)
    # plus cell edges of this level and the doubles either side of them, and special values
    rng = np.random.default_rng(500 + level)
    lon_size, lat_size = (int(s * 2048) for s in SIZES_ARCSEC[level])
    edge_lon = rng.integers(0, 180 * K // lon_size, 500) * lon_size / K * rng.choice([-1, 1], 500)
    edge_lat = rng.integers(0, 88 * K // lat_size, 500) * lat_size / K * rng.choice([-1, 1], 500)
    special = np.array(_special_values())
    grid_lon, grid_lat = np.meshgrid(special, special[np.abs(special) < 88])
    lon = np.concatenate([lon, edge_lon, np.nextafter(edge_lon, 0), np.nextafter(edge_lon, 200), grid_lon.ravel()])
    lat = np.concatenate([lat, edge_lat, np.nextafter(edge_lat, 100), np.nextafter(edge_lat, 0), grid_lat.ravel()])
    lon = np.clip(lon, -180.0, 180.0)
    lat = np.where(np.abs(lat) < 88.0, lat, 0.0)
    many = encode_many(lon, lat, level)
    assert many.shape == lon.shape
    assert many.tolist() == [encode(x, y, level) for x, y in zip(lon.tolist(), lat.tolist())]


def test_encode_many_keeps_the_shape_and_broadcasts():
    lon = np.array([[116.31260278, -58.3816, 151.2093], [0.0, -180.0, 180.0]])
    codes = encode_many(lon, 39.99316111, 8)
    assert codes.shape == (2, 3)
    assert codes[0, 0] == "N50J47539B825534"
    assert codes[1, 2] == encode(180.0, 39.99316111, 8)
    assert isinstance(codes.tolist()[0][0], str)
    assert encode_many([], [], 5).shape == (0,)


def test_encode_many_names_the_first_bad_point():
    with pytest.raises(BeiDouCodeError, match=r"point 2 .*latitude 88\.5 is at or beyond ±88°"):
        encode_many([1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 88.5, np.nan], 8)
    with pytest.raises(BeiDouCodeError, match=r"point 1 .*not a finite"):
        encode_many([1.0, np.nan], [1.0, 2.0])


# ---------------------------------------------------------------------------------------------
# Errors


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "has 0 characters"),
        ("N50J4", "has 5 characters; a 2D code has 4, 6, 7, 9, 11, 12, 14, 16, 18 or 20"),
        ("N50J47539B8255346152X", "has 21 characters"),
        ("X50J", "must start with the hemisphere letter N or S, not 'X'"),
        ("E50J", "hemisphere letter N or S"),
        ("n50j", "capitals"),
        ("N00A", "column 00 is a polar cap code"),
        ("N61A", "level-1 column must be 01-60, not '61'"),
        ("N5AJ", "level-1 column must be 01-60"),
        ("N50W", "latitude band must be a letter A-V, not 'W'"),
        ("N501", "latitude band must be a letter A-V"),
        ("N50JC0", r"character 5 \('C', level-2 column\) must be one of 0-B"),
        ("N50J08", r"character 6 \('8', level-2 row\) must be one of 0-7"),
        ("N50J476", r"character 7 \('6', level-3 Z-order digit\) must be one of 0-5"),
        ("N50J475F9", r"character 8 \('F', level-4 column\) must be one of 0-E"),
        ("N50J4753A", r"character 9 \('A', level-4 row\) must be one of 0-9"),
        ("N50J47539F8", r"character 10 \('F', level-5 column\) must be one of 0-E"),
        ("N50J47539B84", r"character 12 \('4', level-6 Z-order digit\) must be one of 0-3"),
        ("N50J47539B8285", r"character 13 \('8', level-7 column\) must be one of 0-7"),
        ("N50J47539B825534615G", r"character 20 \('G', level-10 row\) must be one of 0-7"),
        ("N50J47539B82-534", r"character 13 \('-', level-7 column\)"),
    ],
)
def test_malformed_codes_say_what_is_wrong(code, message):
    for function in (decode, level_of, lambda c: parent(c, 1)):
        with pytest.raises(BeiDouCodeError, match=message):
            function(code)


def test_non_string_code_is_rejected():
    with pytest.raises(BeiDouCodeError, match="must be a string, not int"):
        decode(1234)


def test_the_error_is_a_value_error_with_a_translatable_message():
    with pytest.raises(ValueError) as caught:
        decode("X50J")
    assert caught.value.message.template.startswith("BeiDou code {code!r} must start")


@pytest.mark.parametrize("lat", [88.0, -88.0, 88.000001, 89.9, 90.0, -90.0])
def test_polar_latitudes_are_refused(lat):
    with pytest.raises(BeiDouCodeError, match=r"at or beyond ±88°.*§5\.3.*not supported"):
        encode(10.0, lat, 5)
    with pytest.raises(BeiDouCodeError, match="at or beyond ±88°"):
        encode_many([10.0], [lat], 5)
    assert not decode(encode(10.0, math.copysign(87.99, lat), 1)).contains(10.0, lat)


def test_latitude_just_below_88_is_coded_in_band_v():
    assert encode(0.0, np.nextafter(88.0, 0.0), 1) == "N31V"
    assert encode(0.0, -np.nextafter(88.0, 0.0), 1) == "S31V"


@pytest.mark.parametrize(
    ("lon", "lat", "message"),
    [
        (180.0000001, 0.0, r"longitude 180\.0000001 is outside \[-180, 180\]"),
        (-181.0, 0.0, "outside"),
        (math.nan, 0.0, "not a finite"),
        (0.0, math.inf, "not a finite"),
    ],
)
def test_bad_positions_are_refused(lon, lat, message):
    with pytest.raises(BeiDouCodeError, match=message):
        encode(lon, lat)


@pytest.mark.parametrize("level", [0, 11, -1, 2.5, "8", True, None])
def test_bad_levels_are_refused(level):
    with pytest.raises(BeiDouCodeError, match="level"):
        encode(116.0, 40.0, level)
    with pytest.raises(BeiDouCodeError, match="level"):
        encode_many([116.0], [40.0], level)


def test_numpy_integer_level_is_accepted():
    assert encode(*EXAMPLE, level=np.int64(8)) == "N50J47539B825534"


def test_contains_is_false_outside_and_for_unusable_points():
    cell = decode("N50J47539B825534")
    assert not cell.contains(np.nextafter(cell.east, 200.0), cell.south)
    assert not cell.contains(cell.east, cell.south)  # far edge excluded
    assert not cell.contains(cell.west, cell.north)
    assert not cell.contains(np.nextafter(cell.west, 0.0), cell.south)
    assert not cell.contains(-EXAMPLE[0], EXAMPLE[1])
    assert not cell.contains(math.nan, EXAMPLE[1])
    assert isinstance(cell, Cell)
