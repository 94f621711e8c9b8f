"""Contiguity and Getis-Ord Gi*, checked against a textbook per-unit loop written here."""

import math

import numpy as np
import pytest
import shapely
from shapely.geometry import box

from grid_plugin.core.cases.hotspots import (
    HOTSPOT_CLASS_LABELS,
    Neighbours,
    contiguity,
    getis_ord_gi_star,
    hotspot_classes,
    two_sided_p,
)
from grid_plugin.core.errors import Cancelled, GridInputError, Message
from grid_plugin.core.progress import Progress


def lattice(rows, columns, size=1.0, gap=0.0):
    """Squares row by row from the lower left; a gap shrinks each by gap/2 on every side."""
    half = gap / 2.0
    return np.array([box(c * size + half, r * size + half, (c + 1) * size - half, (r + 1) * size - half)
                     for r in range(rows) for c in range(columns)], dtype=object)


def lattice_neighbour_sets(rows, columns, rule):
    """Neighbours by index arithmetic, without geometry."""
    sets = []
    for r in range(rows):
        for c in range(columns):
            found = set()
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if (dr, dc) == (0, 0) or (rule == "rook" and dr and dc):
                        continue
                    if 0 <= r + dr < rows and 0 <= c + dc < columns:
                        found.add((r + dr) * columns + c + dc)
            sets.append(found)
    return sets


def brute_force_neighbour_sets(polygons, rule):
    """Every pair checked one by one with scalar shapely calls."""
    sets = [set() for _ in polygons]
    for i, a in enumerate(polygons):
        for j in range(i + 1, len(polygons)):
            b = polygons[j]
            adjacent = a.intersects(b) if rule == "queen" else a.boundary.intersection(b.boundary).length > 0
            if adjacent:
                sets[i].add(j)
                sets[j].add(i)
    return sets


def as_sets(neighbours):
    return [set(neighbours.of(i).tolist()) for i in range(neighbours.n)]


def reference_gi_star(x, neighbour_sets):
    """Ord & Getis (1995) Gi* with binary weights and w_ii = 1, unit by unit."""
    n = len(x)
    mean = sum(x) / n
    s = math.sqrt(sum(v * v for v in x) / n - mean**2)
    z = []
    for i in range(n):
        w = [1.0 if j == i or j in neighbour_sets[i] else 0.0 for j in range(n)]
        sum_w = sum(w)
        sum_w2 = sum(v * v for v in w)
        sum_wx = sum(wj * xj for wj, xj in zip(w, x))
        denominator = s * math.sqrt((n * sum_w2 - sum_w**2) / (n - 1))
        z.append((sum_wx - mean * sum_w) / denominator if denominator else math.nan)
    return z


def reference_class(z):
    p = math.erfc(abs(z) / math.sqrt(2))
    level = 3 if p < 0.01 else 2 if p < 0.05 else 1 if p < 0.10 else 0
    return int(math.copysign(level, z)) if level else 0


def voronoi_cells(count, seed):
    rng = np.random.default_rng(seed)
    points = rng.uniform(0, 1000, (count, 2))
    frame = box(0, 0, 1000, 1000)
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(points), extend_to=frame))
    return shapely.intersection(cells, frame), rng


# --- contiguity -----------------------------------------------------------------------------


@pytest.mark.parametrize(("rule", "centre", "corner", "edge"), [("queen", 8, 3, 5), ("rook", 4, 2, 3)])
def test_square_lattice_degrees(rule, centre, corner, edge):
    neighbours = contiguity(lattice(3, 3), rule)
    degree = neighbours.degree()
    assert degree[4] == centre
    assert degree[[0, 2, 6, 8]].tolist() == [corner] * 4
    assert degree[[1, 3, 5, 7]].tolist() == [edge] * 4
    assert as_sets(neighbours) == lattice_neighbour_sets(3, 3, rule)


@pytest.mark.parametrize("rule", ["queen", "rook"])
def test_lattice_5x7_matches_index_arithmetic(rule):
    assert as_sets(contiguity(lattice(5, 7, size=50.0), rule)) == lattice_neighbour_sets(5, 7, rule)


@pytest.mark.parametrize("rule", ["queen", "rook"])
def test_tolerance_bridges_a_small_gap(rule):
    polygons = np.array([box(0, 0, 1, 1), box(1.001, 0, 2.001, 1), box(5, 0, 6, 1)], dtype=object)
    assert contiguity(polygons, rule).pairs().tolist() == []
    assert contiguity(polygons, rule, tolerance=0.002).pairs().tolist() == [[0, 1]]
    assert contiguity(polygons, rule, tolerance=0.0005).pairs().tolist() == []


@pytest.mark.parametrize("rule", ["queen", "rook"])
def test_lattice_with_gaps_needs_the_tolerance(rule):
    grids = lattice(4, 4, gap=0.001)
    assert contiguity(grids, rule).pairs().size == 0
    assert as_sets(contiguity(grids, rule, tolerance=0.002)) == lattice_neighbour_sets(4, 4, rule)


@pytest.mark.parametrize("gap", [0.0, 0.001, -0.0005])
def test_rook_with_tolerance_still_ignores_corner_touches(gap):
    # exact, with gaps and with overlapping slivers (negative gap) at the corners
    grids = lattice(3, 3, gap=gap)
    assert as_sets(contiguity(grids, "rook", tolerance=0.002)) == lattice_neighbour_sets(3, 3, "rook")
    assert as_sets(contiguity(grids, "queen", tolerance=0.002)) == lattice_neighbour_sets(3, 3, "queen")


def test_rook_with_tolerance_ignores_corner_touches_where_roads_cross_at_an_angle():
    # Four grids around a crossing of two straight roads at 60°: the diagonal pairs touch at a point.
    centre = shapely.Point(0, 0)
    rays = [(math.cos(math.radians(a)), math.sin(math.radians(a))) for a in (0, 60, 180, 240)]
    order = [0, 1, 2, 3, 0]
    grids = np.array([shapely.Polygon([(0, 0), (100 * rays[order[k]][0], 100 * rays[order[k]][1]),
                                       (100 * rays[order[k + 1]][0], 100 * rays[order[k + 1]][1])])
                      for k in range(4)], dtype=object)
    assert all(g.touches(centre) for g in grids)
    expected = [[0, 1], [0, 3], [1, 2], [2, 3]]
    assert contiguity(grids, "rook").pairs().tolist() == expected
    assert contiguity(grids, "rook", tolerance=0.01).pairs().tolist() == expected
    assert len(contiguity(grids, "queen", tolerance=0.01).pairs()) == 6


@pytest.mark.parametrize("rule", ["queen", "rook"])
def test_irregular_cells_match_brute_force(rule):
    cells, _ = voronoi_cells(120, seed=3)
    assert as_sets(contiguity(cells, rule)) == brute_force_neighbour_sets(cells, rule)


def test_queen_differs_from_rook_at_a_corner_touch():
    # Two squares meeting only at a corner are queen, not rook, neighbours.
    polygons = np.array([box(0, 0, 1, 1), box(1, 1, 2, 2)], dtype=object)
    assert contiguity(polygons, "queen").pairs().tolist() == [[0, 1]]
    assert contiguity(polygons, "rook").pairs().tolist() == []


def test_neighbours_from_pairs_symmetrises_and_drops_self_and_duplicates():
    neighbours = Neighbours.from_pairs(4, np.array([0, 1, 2, 2, 1]), np.array([1, 0, 2, 3, 0]))
    assert neighbours.n == 4
    assert neighbours.indptr.tolist() == [0, 1, 2, 3, 4]
    assert neighbours.pairs().tolist() == [[0, 1], [2, 3]]
    assert neighbours.degree().tolist() == [1, 1, 1, 1]
    assert neighbours.of(3).tolist() == [2]
    assert Neighbours.from_pairs(3, np.array([0]), np.array([1])).islands().tolist() == [False, False, True]


def test_neighbours_from_pairs_rejects_units_out_of_range():
    with pytest.raises(GridInputError):
        Neighbours.from_pairs(2, np.array([0]), np.array([2]))


def test_contiguity_rejects_bad_input():
    with pytest.raises(GridInputError, match="queen or rook"):
        contiguity(lattice(2, 2), "bishop")
    with pytest.raises(GridInputError, match="zero or positive"):
        contiguity(lattice(2, 2), tolerance=-1.0)
    with pytest.raises(GridInputError, match="no geometry") as info:
        contiguity(np.array([box(0, 0, 1, 1), None, shapely.Polygon()], dtype=object))
    assert info.value.feature_ids == (1, 2)


def test_contiguity_reports_progress_and_can_be_cancelled():
    reported = []
    contiguity(lattice(3, 3), "rook", progress=Progress(report=reported.append))
    assert reported and reported[-1] == 100.0
    with pytest.raises(Cancelled):
        contiguity(lattice(3, 3), "rook", progress=Progress(is_cancelled=lambda: True))


# --- Gi* ------------------------------------------------------------------------------------


def test_hand_checked_3x3_rook_example():
    # Counts 0 everywhere but 9 in the centre: n = 9, X̄ = 1, S = sqrt(81/9 − 1) = 2√2.
    x = np.array([0, 0, 0, 0, 9, 0, 0, 0, 0], dtype=float)
    result = getis_ord_gi_star(x, contiguity(lattice(3, 3), "rook"))
    # centre: W = 5, Σwx = 9 → (9 − 5) / (2√2 · sqrt((45 − 25)/8)) = 4 / (2√5) = 2/√5
    assert result.z[4] == pytest.approx(2 / math.sqrt(5), abs=1e-12)
    # edge middle: W = 4, Σwx = 9 → (9 − 4) / (2√2 · sqrt((36 − 16)/8)) = 5 / (2√5) = √5/2
    assert result.z[[1, 3, 5, 7]] == pytest.approx([math.sqrt(5) / 2] * 4, abs=1e-12)
    # corner: W = 3, Σwx = 0 → (0 − 3) / (2√2 · sqrt((27 − 9)/8)) = −3 / (3√2) = −1/√2
    assert result.z[[0, 2, 6, 8]] == pytest.approx([-1 / math.sqrt(2)] * 4, abs=1e-12)
    assert result.mean == 1.0
    assert result.std == pytest.approx(2 * math.sqrt(2))
    assert result.p[4] == pytest.approx(math.erfc(2 / math.sqrt(5) / math.sqrt(2)))
    assert result.classes.tolist() == [0] * 9  # nothing significant in 9 units


def test_unit_neighbouring_all_others_gets_zero_not_nan():
    # Queen on 3 × 3: the centre's neighbourhood is the whole lattice, 0/0 by the formula.
    x = np.array([0, 0, 0, 0, 9, 0, 0, 0, 0], dtype=float)
    result = getis_ord_gi_star(x, contiguity(lattice(3, 3), "queen"))
    assert result.z[4] == 0.0 and result.p[4] == 1.0 and result.classes[4] == 0
    assert np.isfinite(result.z).all()
    expected = reference_gi_star(x.tolist(), lattice_neighbour_sets(3, 3, "queen"))
    assert np.delete(result.z, 4) == pytest.approx(np.delete(expected, 4), abs=1e-9)


@pytest.mark.parametrize("rule", ["queen", "rook"])
def test_5x5_lattice_matches_the_textbook_loop(rule):
    counts = [
        9, 8, 2, 0, 1,
        7, 9, 3, 1, 0,
        2, 3, 2, 0, 0,
        1, 0, 1, 0, 1,
        0, 0, 0, 2, 0,
    ]
    # Row r of the lattice is y = r, so the first listed row is unit 0..4 (y from 0 to 1).
    result = getis_ord_gi_star(np.array(counts, dtype=float), contiguity(lattice(5, 5), rule))
    expected = reference_gi_star([float(v) for v in counts], lattice_neighbour_sets(5, 5, rule))
    assert result.z == pytest.approx(expected, abs=1e-9)
    assert result.classes.tolist() == [reference_class(z) for z in expected]
    assert result.classes[6] > 0  # the busy block around unit 6 is a hot spot
    assert np.isfinite(result.p).all()


@pytest.mark.parametrize("rule", ["queen", "rook"])
def test_300_voronoi_cells_match_the_textbook_loop(rule):
    cells, rng = voronoi_cells(300, seed=11)
    centres = shapely.get_coordinates(shapely.centroid(cells))
    # More cases near (250, 250), fewer near the opposite corner: both hot and cold spots.
    distance = np.hypot(*(centres - 250.0).T)
    x = rng.poisson(1.0 + 12.0 * np.exp(-((distance / 200.0) ** 2))).astype(float)
    neighbours = contiguity(cells, rule)
    result = getis_ord_gi_star(x, neighbours)
    expected = reference_gi_star(x.tolist(), brute_force_neighbour_sets(cells, rule))
    assert result.z == pytest.approx(expected, abs=1e-9)
    assert result.classes.tolist() == [reference_class(z) for z in expected]
    assert result.p == pytest.approx([math.erfc(abs(z) / math.sqrt(2)) for z in expected], abs=1e-12)
    assert (result.classes == 3).any() and (result.classes < 0).any()


def test_island_gets_its_own_standard_score():
    grids = np.concatenate([lattice(3, 3), np.array([box(100, 100, 101, 101)], dtype=object)])
    x = np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 20], dtype=float)
    result = getis_ord_gi_star(x, contiguity(grids, "queen"))
    assert result.islands.tolist() == [False] * 9 + [True]
    assert result.z[9] == pytest.approx((20 - x.mean()) / x.std(), abs=1e-12)
    assert result.z == pytest.approx(reference_gi_star(x.tolist(), [set(s) for s in
                                     lattice_neighbour_sets(3, 3, "queen")] + [set()]), abs=1e-9)


def test_all_values_equal_give_zero_and_no_division_by_zero():
    for value in (0.0, 0.1, 7.0):
        result = getis_ord_gi_star(np.full(9, value), contiguity(lattice(3, 3), "rook"))
        assert result.z.tolist() == [0.0] * 9
        assert result.p.tolist() == [1.0] * 9
        assert result.classes.tolist() == [0] * 9
        assert result.std == 0.0


def test_gi_star_rejects_bad_input():
    neighbours = contiguity(lattice(1, 2), "rook")
    with pytest.raises(GridInputError, match="at least 3 units"):
        getis_ord_gi_star(np.array([1.0, 2.0]), neighbours)
    with pytest.raises(GridInputError, match="one value per unit"):
        getis_ord_gi_star(np.array([1.0, 2.0, 3.0]), neighbours)
    with pytest.raises(GridInputError, match="no numeric value") as info:
        getis_ord_gi_star(np.array([1.0, np.nan, 3.0]), contiguity(lattice(1, 3), "rook"))
    assert info.value.feature_ids == (1,)


def test_integer_counts_are_accepted():
    x = np.array([0, 0, 0, 0, 9, 0, 0, 0, 0])
    assert getis_ord_gi_star(x, contiguity(lattice(3, 3), "rook")).z[4] == pytest.approx(2 / math.sqrt(5))


# --- significance ---------------------------------------------------------------------------


@pytest.mark.parametrize(("z", "expected"), [
    (0.0, 0), (1.644, 0), (1.645, 1), (1.959, 1), (1.960, 2), (2.575, 2), (2.576, 3), (10.0, 3),
    (-1.644, 0), (-1.645, -1), (-1.959, -1), (-1.960, -2), (-2.575, -2), (-2.576, -3), (-10.0, -3),
])
def test_class_thresholds(z, expected):
    assert hotspot_classes(np.array([z])).tolist() == [expected]


def test_two_sided_p_values():
    p = two_sided_p(np.array([0.0, 1.644854, 1.959964, 2.575829, -1.959964, 40.0]))
    assert p == pytest.approx([1.0, 0.10, 0.05, 0.01, 0.05, 0.0], abs=1e-6)


def test_every_class_has_a_label():
    assert sorted(HOTSPOT_CLASS_LABELS) == [-3, -2, -1, 0, 1, 2, 3]
    assert all(isinstance(label, Message) for label in HOTSPOT_CLASS_LABELS.values())
    assert str(HOTSPOT_CLASS_LABELS[3]) == "Hot spot, 99% confidence"
    assert str(HOTSPOT_CLASS_LABELS[-1]) == "Cold spot, 90% confidence"
    assert str(HOTSPOT_CLASS_LABELS[0]) == "Not significant"
    assert HOTSPOT_CLASS_LABELS[2].render(lambda s: s.upper()) == "HOT SPOT, 95% CONFIDENCE"

