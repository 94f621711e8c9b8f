import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon, box

from grid_plugin.core.grids.splitting import AreaBounds, _edges, area_left_of, cut_in_two, split_equal

# A concave shell (a comb with three teeth) with a square hole in its back.
COMB_SHELL = [(0, 0), (300, 0), (300, 200), (250, 200), (250, 60), (200, 60), (200, 200), (150, 200),
              (150, 60), (100, 60), (100, 200), (0, 200)]
COMB_HOLE = [(20, 20), (60, 20), (60, 50), (20, 50)]

L_SHAPE = Polygon([(0, 0), (300, 0), (300, 100), (100, 100), (100, 300), (0, 300)])
RECTANGLE = box(0, 0, 400, 100)
SQUARE = box(0, 0, 300, 300)
HOLED = box(0, 0, 300, 200).difference(box(110, 70, 170, 130))


def comb(reverse_shell=False, reverse_hole=False):
    shell = COMB_SHELL[::-1] if reverse_shell else COMB_SHELL
    hole = COMB_HOLE[::-1] if reverse_hole else COMB_HOLE
    return Polygon(shell, [hole])


def assert_exact_cover(parts, geometry):
    parts = np.asarray(parts, dtype=object)
    union = shapely.union_all(parts)
    assert abs(union.area - geometry.area) < 1e-6 * geometry.area
    assert union.symmetric_difference(geometry).area < 1e-6 * geometry.area
    left, right = shapely.STRtree(parts).query(parts, predicate="intersects")
    pairs = left < right
    overlap = shapely.area(shapely.intersection(parts[left[pairs]], parts[right[pairs]])).sum()
    assert overlap < 1e-6 * geometry.area, f"parts overlap by {overlap} m²"


def clipped_area(geometry, x):
    xmin, ymin, _, ymax = geometry.bounds
    if x <= xmin:
        return 0.0
    return shapely.clip_by_rect(geometry, xmin - 10, ymin - 10, x, ymax + 10).area


@pytest.mark.parametrize("reverse_shell", [False, True])
@pytest.mark.parametrize("reverse_hole", [False, True])
def test_area_left_of_equals_the_clipped_area_whatever_the_ring_orientation(reverse_shell, reverse_hole):
    polygon = comb(reverse_shell, reverse_hole)
    a, b, factor = _edges(polygon)
    rng = np.random.default_rng(7)
    # random cuts, cuts on vertices (20, 60, 100 ...) and cuts outside the polygon
    x = np.r_[rng.uniform(-50, 350, 200), [-10.0, 0.0, 20.0, 60.0, 100.0, 150.0, 250.0, 300.0, 400.0]]
    got = area_left_of(a[:, 0], a[:, 1], b[:, 0], b[:, 1], factor, x)
    expected = np.array([clipped_area(polygon, value) for value in x])
    assert np.allclose(got, expected, rtol=1e-9, atol=1e-6)
    assert got[-1] == pytest.approx(polygon.area)


def test_area_left_of_handles_multipolygons_with_mixed_orientation():
    first = comb()
    second = shapely.Polygon(shapely.get_coordinates(box(400, 0, 500, 50).exterior)[::-1])
    geometry = shapely.MultiPolygon([first, second])
    a, b, factor = _edges(geometry)
    x = np.linspace(-20, 520, 55)
    got = area_left_of(a[:, 0], a[:, 1], b[:, 0], b[:, 1], factor, x)
    expected = np.array([clipped_area(geometry, value) for value in x])
    assert np.allclose(got, expected, rtol=1e-9, atol=1e-6)


@pytest.mark.parametrize("fraction", [0.1, 1 / 3, 0.5, 0.77, 0.95])
@pytest.mark.parametrize("geometry", [comb(), comb(True, True), L_SHAPE, HOLED,
                                      shapely.affinity.rotate(comb(), 33, origin=(0, 0))],
                         ids=["comb", "comb-reversed", "L", "holed", "comb-rotated"])
def test_cut_in_two_gives_the_asked_fraction_and_covers_exactly(geometry, fraction):
    first, second, before, _cuts = cut_in_two(geometry, fraction)
    area = geometry.area
    assert first.area == pytest.approx(fraction * area, rel=1e-6)
    assert second.area == pytest.approx((1 - fraction) * area, rel=1e-6)
    assert len(before) == 0
    assert_exact_cover([first, second], geometry)


def test_cut_in_two_cuts_a_long_rectangle_across_its_long_axis():
    first, second, _, _cuts = cut_in_two(RECTANGLE, 0.25)
    # the cut is a line x = const: both parts keep the full 100 m height
    for part in (first, second):
        assert part.geom_type == "Polygon"
        assert part.bounds[1] == pytest.approx(0.0) and part.bounds[3] == pytest.approx(100.0)
    shared = first.intersection(second)
    assert shared.length == pytest.approx(100.0)
    xs = shapely.get_coordinates(shared)[:, 0]
    assert np.allclose(xs, 100.0)


def test_cut_in_two_cuts_a_rotated_rectangle_across_its_long_axis():
    rotated = shapely.affinity.rotate(RECTANGLE, 30, origin=(0, 0))
    first, second, _, _cuts = cut_in_two(rotated, 0.5)
    shared = first.intersection(second)
    # across the long axis the cut is as long as the short side
    assert shared.length == pytest.approx(100.0, rel=1e-6)
    assert first.area == pytest.approx(second.area, rel=1e-6)


def test_cut_in_two_tells_which_points_lie_before_the_cut():
    points = np.array([[10.0, 50.0], [90.0, 10.0], [110.0, 50.0], [390.0, 90.0]])
    first, _, before, _cuts = cut_in_two(RECTANGLE, 0.25, points=points, weights=None)
    assert list(before) == [bool(first.contains(shapely.Point(p))) for p in points]
    assert list(before) == [True, True, False, False]


@pytest.mark.parametrize(("width", "height", "angle", "k"), [
    (300, 300, 45, 6), (300, 200, 55, 5), (300, 300, 30, 7), (300, 200, 75, 6), (400, 100, 30, 3),
])
def test_split_equal_parts_of_a_rotated_rectangle_cover_it_exactly(width, height, angle, k):
    # parts share their edges: no overlay of two neighbours may find area in common
    rotated = shapely.affinity.rotate(box(0, 0, width, height), angle, origin=(0, 0))
    parts = split_equal(rotated, k)
    assert np.allclose([p.area for p in parts], rotated.area / k, rtol=1e-6)
    assert_exact_cover(parts, rotated)


def polsby_popper(geometry):
    return 4 * np.pi * geometry.area / geometry.length ** 2


@pytest.mark.parametrize("k", range(1, 8))
@pytest.mark.parametrize("geometry", [RECTANGLE, L_SHAPE, HOLED], ids=["rectangle", "L", "holed"])
def test_split_equal_gives_k_parts_of_near_equal_area_covering_exactly(geometry, k):
    parts = split_equal(geometry, k)
    assert len(parts) == k
    assert_exact_cover(parts, geometry)
    areas = np.array([p.area for p in parts])
    assert areas.sum() == pytest.approx(geometry.area, rel=1e-9)
    if all(p.geom_type == "Polygon" for p in parts):
        assert areas.max() / areas.min() < 1.05
    # equal-area bisection: every part holds 1/k of the area, multipart or not
    assert np.allclose(areas, geometry.area / k, rtol=1e-5)


@pytest.mark.parametrize("k", range(1, 8))
def test_split_equal_parts_of_a_square_are_compact(k):
    parts = split_equal(SQUARE, k)
    assert len(parts) == k
    assert all(p.geom_type == "Polygon" for p in parts)
    assert min(polsby_popper(p) for p in parts) >= 0.5


def test_split_equal_does_not_depend_on_the_ring_start_or_orientation():
    coords = shapely.get_coordinates(box(0, 0, 180, 180).exterior)[:-1]
    variants = [Polygon(np.roll(coords, s, axis=0)) for s in range(4)]
    variants += [Polygon(np.roll(coords[::-1], s, axis=0)) for s in range(4)]
    reference = None
    for polygon in variants:
        parts = split_equal(polygon, 3)
        key = sorted(tuple(np.round(p.bounds, 6)) for p in parts)
        reference = reference or key
        assert key == reference


def corner_cluster(seed=3, clustered=400, spread=40):
    rng = np.random.default_rng(seed)
    cluster = rng.uniform(0, 60, (clustered, 2))
    background = rng.uniform(0, 300, (spread, 2))
    points = np.r_[cluster, background]
    return points, np.ones(len(points))


def weight_per_part(parts, points, weights):
    return np.array([weights[shapely.contains_xy(p, points[:, 0], points[:, 1])].sum() for p in parts])


def coefficient_of_variation(values):
    return float(np.std(values) / np.mean(values))


@pytest.mark.parametrize("k", [2, 3, 4, 5])
def test_weighted_split_moves_the_cuts_toward_the_cluster_within_the_area_bounds(k):
    points, weights = corner_cluster()
    bounds = AreaBounds(minimum=5_000.0, maximum=60_000.0)
    by_area = split_equal(SQUARE, k)
    by_weight = split_equal(SQUARE, k, bounds, points, weights)
    assert len(by_weight) == k
    assert_exact_cover(by_weight, SQUARE)
    areas = np.array([p.area for p in by_weight])
    assert areas.min() >= bounds.minimum * (1 - 1e-9)
    assert areas.max() <= bounds.maximum * (1 + 1e-9)
    assert coefficient_of_variation(weight_per_part(by_weight, points, weights)) < \
        coefficient_of_variation(weight_per_part(by_area, points, weights))
    # the part holding the cluster is smaller than an equal-area part
    holder = next(p for p in by_weight if p.contains(shapely.Point(30, 30)))
    assert holder.area < SQUARE.area / k


def test_weighted_split_stops_at_the_minimum_area():
    # all weight in a 10 m corner: balancing it fully would make a part far below the minimum
    rng = np.random.default_rng(5)
    points = rng.uniform(0, 10, (200, 2))
    weights = np.ones(len(points))
    bounds = AreaBounds(minimum=20_000.0, maximum=70_000.0)
    parts = split_equal(SQUARE, 2, bounds, points, weights)
    areas = sorted(p.area for p in parts)
    assert areas[0] >= bounds.minimum * (1 - 1e-9)
    # the bound holds the cut, so the small part is (nearly) at the minimum, not at half
    assert areas[0] < 0.25 * SQUARE.area
    assert_exact_cover(parts, SQUARE)


def test_zero_weights_fall_back_to_the_area_cut():
    points, _ = corner_cluster()
    parts = split_equal(SQUARE, 3, AreaBounds(1_000.0, 90_000.0), points, np.zeros(len(points)))
    assert np.allclose([p.area for p in parts], SQUARE.area / 3, rtol=1e-5)
