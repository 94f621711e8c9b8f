"""Emerging hot spot analysis: space-time Gi*, Benjamini-Hochberg, Mann-Kendall and the categories,
each checked against plain loops written here from the textbook definitions and hand-worked cases."""

import datetime as dt
import math
from collections import Counter

import numpy as np
import pytest

from grid_plugin.core.cases import emerging as em
from grid_plugin.core.cases.emerging import (
    EMERGING_CATEGORY_LABELS,
    emerging_categories,
    emerging_hot_spots,
    ring_neighbours,
    space_time_cube,
    space_time_gi_star,
    time_bins,
)
from grid_plugin.core.cases.hotspots import Neighbours, getis_ord_gi_star, hotspot_classes
from grid_plugin.core.cases.trend import benjamini_hochberg, mann_kendall
from grid_plugin.core.errors import GridInputError, Message

# --- plain references ---------------------------------------------------------------------------


def neighbour_sets_of(neighbours):
    return [set(neighbours.of(i).tolist()) for i in range(neighbours.n)]


def reference_rings(sets, rings):
    """Grids at most `rings` steps away, found by breadth-first search from each grid."""
    reached = []
    for start in range(len(sets)):
        seen, frontier = {start}, {start}
        for _ in range(rings):
            frontier = {j for i in frontier for j in sets[i]} - seen
            seen |= frontier
        reached.append(seen - {start})
    return reached


def reference_space_time_gi(x, sets, rings, window):
    """Gi* of every (grid, bin) from the formula, one neighbourhood member at a time."""
    n, t = len(x), len(x[0])
    reach = reference_rings(sets, rings)
    flat = [v for row in x for v in row]
    big_n = n * t
    mean = sum(flat) / big_n
    s = math.sqrt(sum(v * v for v in flat) / big_n - mean**2)
    z = [[0.0] * t for _ in range(n)]
    for i in range(n):
        for b in range(t):
            members = [(j, c) for j in reach[i] | {i} for c in range(max(0, b - window), b + 1)]
            w = len(members)  # binary weights: Σw = Σw² = W
            total = sum(x[j][c] for j, c in members)
            z[i][b] = (total - mean * w) / (s * math.sqrt((big_n * w - w * w) / (big_n - 1)))
    return z


def reference_mann_kendall(series):
    t = len(series)
    s = sum((series[j] > series[i]) - (series[j] < series[i]) for i in range(t) for j in range(i + 1, t))
    ties = sum(u * (u - 1) * (2 * u + 5) for u in Counter(series).values())
    var = (t * (t - 1) * (2 * t + 5) - ties) / 18
    z = 0.0 if s == 0 or var == 0 else (s - 1) / math.sqrt(var) if s > 0 else (s + 1) / math.sqrt(var)
    return s, var, z, math.erfc(abs(z) / math.sqrt(2))


def reference_bh(p, alpha):
    """Step-up rule: the k smallest are significant for the largest k with p_(k) <= k alpha / m."""
    m = len(p)
    ranked = sorted(range(m), key=lambda i: p[i])
    k = max([r + 1 for r in range(m) if p[ranked[r]] <= (r + 1) * alpha / m], default=0)
    significant = [False] * m
    for r in range(k):
        significant[ranked[r]] = True
    adjusted = [0.0] * m
    for r in range(m):
        adjusted[ranked[r]] = min(min(1.0, m * p[ranked[q]] / (q + 1)) for q in range(r, m))
    return significant, adjusted


def lattice_neighbours(rows, columns):
    """Queen neighbours of a rows × columns lattice by index arithmetic."""
    index = np.arange(rows * columns).reshape(rows, columns)
    pairs = [(index[:, :-1], index[:, 1:]), (index[:-1], index[1:]), (index[:-1, :-1], index[1:, 1:]),
             (index[:-1, 1:], index[1:, :-1])]
    return Neighbours.from_pairs(rows * columns, np.concatenate([a.ravel() for a, _ in pairs]),
                                 np.concatenate([b.ravel() for _, b in pairs]))


def irregular_neighbours(n, seed):
    """Random pairs among grids 1..n-1 (grid 0 is an island); some grids get many neighbours, some one."""
    rng = np.random.default_rng(seed)
    i = rng.integers(1, n, 3 * n)
    j = rng.integers(1, n, 3 * n)
    return Neighbours.from_pairs(n, i, j)


# --- (a) space-time Gi* --------------------------------------------------------------------------


@pytest.mark.parametrize("rings", [1, 2, 3])
def test_ring_neighbours_match_breadth_first_search(rings):
    neighbours = irregular_neighbours(25, seed=rings)
    found = ring_neighbours(neighbours, rings)
    assert neighbour_sets_of(found) == reference_rings(neighbour_sets_of(neighbours), rings)
    assert found.degree()[0] == 0  # the island stays one


@pytest.mark.parametrize(("rings", "window", "seed"), [(1, 0, 1), (1, 1, 2), (2, 1, 3), (1, 3, 4), (2, 6, 5)])
def test_space_time_gi_star_matches_the_formula_member_by_member(rings, window, seed):
    n, t = 13, 7
    neighbours = irregular_neighbours(n, seed)
    cube = np.random.default_rng(seed).poisson(2.0, (n, t))
    cube[5, 2] = 15  # a burst
    result = space_time_gi_star(cube, neighbours, rings=rings, window=window)
    expected = reference_space_time_gi(cube.tolist(), neighbour_sets_of(neighbours), rings, window)
    assert np.allclose(result.z, expected, rtol=0, atol=1e-9)
    assert np.allclose(result.p, [[math.erfc(abs(v) / math.sqrt(2)) for v in row] for row in expected], atol=1e-12)
    # the island's neighbourhood is itself in the bins of its window, cut at the start of the cube
    assert result.islands.tolist() == [True] + [False] * (n - 1)
    assert result.weights[0].tolist() == [min(b, window) + 1 for b in range(t)]


def test_one_bin_without_window_is_the_spatial_gi_star():
    neighbours = irregular_neighbours(20, seed=7)
    values = np.random.default_rng(7).poisson(3.0, 20)
    spatial = getis_ord_gi_star(values, neighbours)
    assert np.allclose(space_time_gi_star(values[:, None], neighbours, window=0).z[:, 0], spatial.z, atol=1e-12)


def test_gi_star_uses_the_whole_cube_mean_and_population_std():
    cube = np.arange(12).reshape(3, 4)
    result = space_time_gi_star(cube, Neighbours.from_pairs(3, [0], [1]))
    assert result.mean == 5.5
    assert result.std == pytest.approx(math.sqrt(sum((v - 5.5) ** 2 for v in range(12)) / 12))


# --- (b) Benjamini-Hochberg ---------------------------------------------------------------------

# Ten p-values, alpha 0.05: the limits k·0.05/10 are 0.005, 0.010, 0.015, ...; p_(1) = 0.001 and
# p_(2) = 0.008 fall under theirs, p_(3) = 0.039 > 0.015 and no later one catches up, so k = 2.
# Adjusted m·p_(k)/k = 0.01, 0.04, 0.13, 0.1025, 0.084, 0.1, 0.10571, 0.25625, 0.23556, 0.216,
# then the running minimum from the largest: 0.01, 0.04, 0.084, 0.084, 0.084, 0.1, 0.10571,
# 0.216, 0.216, 0.216.
HAND_P = [0.042, 0.001, 0.216, 0.039, 0.060, 0.008, 0.205, 0.041, 0.212, 0.074]
HAND_ADJUSTED = [0.084, 0.01, 0.216, 0.084, 0.1, 0.04, 0.216, 0.084, 0.216, 0.74 / 7]


def test_benjamini_hochberg_hand_worked_example():
    significant, adjusted = benjamini_hochberg(np.array(HAND_P), alpha=0.05)
    assert significant.tolist() == [p in (0.001, 0.008) for p in HAND_P]
    assert np.allclose(adjusted, HAND_ADJUSTED, rtol=0, atol=1e-12)
    significant, _ = benjamini_hochberg([0.01, 0.04, 0.03, 0.005], alpha=0.05)  # every p_(k) <= k·0.0125
    assert significant.all()


@pytest.mark.parametrize("seed", range(5))
def test_benjamini_hochberg_matches_the_step_up_rule(seed):
    rng = np.random.default_rng(seed)
    p = np.concatenate([rng.uniform(0, 0.02, 15), rng.uniform(0, 1, 45)])
    p[[3, 40]] = p[7]  # ties share their adjusted value
    significant, adjusted = benjamini_hochberg(p, alpha=0.10)
    expected_significant, expected_adjusted = reference_bh(p.tolist(), 0.10)
    assert significant.tolist() == expected_significant
    assert np.allclose(adjusted, expected_adjusted, rtol=0, atol=1e-12)


def test_benjamini_hochberg_families_along_an_axis_and_any_shape():
    p = np.random.default_rng(3).uniform(0, 0.2, (30, 4))
    per_bin_significant, per_bin = benjamini_hochberg(p, alpha=0.10, axis=0)
    for b in range(4):
        significant, adjusted = reference_bh(p[:, b].tolist(), 0.10)
        assert per_bin_significant[:, b].tolist() == significant
        assert np.allclose(per_bin[:, b], adjusted, atol=1e-12)
    whole_significant, whole = benjamini_hochberg(p, alpha=0.10)
    significant, adjusted = reference_bh(p.ravel().tolist(), 0.10)
    assert whole_significant.ravel().tolist() == significant
    assert np.allclose(whole.ravel(), adjusted, atol=1e-12)
    assert benjamini_hochberg(np.array([]), 0.1)[0].shape == (0,)


# --- (c) Mann-Kendall ---------------------------------------------------------------------------


def test_mann_kendall_hand_worked_cases():
    # 1..5: all 10 pairs rise, S = 10; Var = 5·4·15/18 = 50/3; Z = (10 − 1)/√(50/3)
    rising = mann_kendall(np.array([1.0, 2, 3, 4, 5]))
    assert rising.s.tolist() == [10]
    assert rising.var[0] == pytest.approx(50 / 3)
    assert rising.z[0] == pytest.approx(9 / math.sqrt(50 / 3))  # 2.2045
    assert rising.p[0] == pytest.approx(0.027486, abs=1e-6)
    falling = mann_kendall(np.array([5.0, 4, 3, 2, 1]))
    assert falling.s[0] == -10
    assert falling.z[0] == pytest.approx(-rising.z[0])
    # ties: 1, 2, 2, 3, 3, 3: S = 5 + 3 + 3 = 11; Var = (6·5·17 − 2·1·9 − 3·2·11)/18 = 426/18
    tied = mann_kendall(np.array([1.0, 2, 2, 3, 3, 3]))
    assert tied.s[0] == 11
    assert tied.var[0] == pytest.approx(426 / 18)
    assert tied.z[0] == pytest.approx(10 / math.sqrt(426 / 18))
    flat = mann_kendall(np.full((2, 6), 4.0))  # every value tied: no trend
    assert flat.s.tolist() == [0, 0] and flat.var.tolist() == [0, 0] and flat.p.tolist() == [1, 1]
    assert rising.direction(0.05).tolist() == [1] and falling.direction(0.05).tolist() == [-1]
    assert rising.direction(0.01).tolist() == [0]


@pytest.mark.parametrize(("values", "t"), [(3, 12), (100, 30), (2, 52)])
def test_mann_kendall_matches_the_pairwise_definition_with_and_without_ties(values, t):
    series = np.random.default_rng(t).integers(0, values, (25, t)).astype(float)
    result = mann_kendall(series)
    for row, got_s, got_var, got_z, got_p in zip(series.tolist(), result.s, result.var, result.z, result.p):
        s, var, z, p = reference_mann_kendall(row)
        assert got_s == s
        assert got_var == pytest.approx(var)
        assert got_z == pytest.approx(z, abs=1e-12)
        assert got_p == pytest.approx(p, abs=1e-12)


# --- (d) categories -----------------------------------------------------------------------------


def series(t, hot=(), cold=()):
    """Hot and cold bins of one grid; negative positions count from the end."""
    h = np.zeros(t, dtype=bool)
    c = np.zeros(t, dtype=bool)
    h[list(hot)] = True
    c[list(cold)] = True
    return h, c


def category(t, hot=(), cold=(), trend=0):
    h, c = series(t, hot, cold)
    both = emerging_categories(np.stack([h, c]), np.stack([c, h]), np.array([trend, -trend]))
    assert both[1] == -both[0]  # the cold mirror of every case
    return int(both[0])


def test_each_hot_and_cold_category_on_constructed_series():
    t = 10
    assert category(t) == 0
    assert category(t, hot=[-1]) == em.NEW
    assert category(t, hot=[-1], cold=[2, 3]) == em.NEW  # New speaks of hot bins only
    assert category(t, hot=[-3, -2, -1]) == em.CONSECUTIVE
    assert category(t, hot=[-2, -1], cold=[0]) == em.CONSECUTIVE
    assert category(t, hot=range(t), trend=1) == em.INTENSIFYING
    assert category(t, hot=range(1, t), trend=1) == em.INTENSIFYING  # 9 of 10 = 90 %, final included
    assert category(t, hot=range(t)) == em.PERSISTENT
    assert category(t, hot=range(1, t)) == em.PERSISTENT  # a run of 9 of 10 is mostly hot, not consecutive
    assert category(t, hot=range(t), trend=-1) == em.DIMINISHING
    assert category(t, hot=[2, 5, -1]) == em.SPORADIC
    assert category(t, hot=[1, -2, -1]) == em.SPORADIC  # a final run of two after an earlier hot bin
    assert category(t, hot=[2, 5, -1], cold=[7]) == em.OSCILLATING
    assert category(t, hot=[0, -1], cold=[4]) == em.OSCILLATING
    assert category(t, hot=range(t - 1)) == em.HISTORICAL
    assert category(t, hot=range(t - 1), trend=1) == em.HISTORICAL
    assert category(t, hot=[2, 3]) == 0  # hot once, not any more, never mostly
    assert category(t, hot=range(1, t - 1)) == 0  # 8 of 10 and not the final bin


def test_the_90_percent_share_and_the_final_bin_decide():
    assert category(20, hot=range(2, 20)) == em.PERSISTENT  # 18 of 20 = 90 %
    assert category(20, hot=range(3, 20)) == em.CONSECUTIVE  # 17 of 20, one run, nothing before
    assert category(20, hot=[0, *range(4, 20)]) == em.SPORADIC  # 17 of 20 with a gap
    assert category(20, hot=range(18)) == em.HISTORICAL  # 18 of 20 before the end
    assert category(20, hot=range(17)) == 0
    # a cold final bin decides before the hot history: the grid has just become a new cold spot
    h, c = series(10, hot=range(9), cold=[-1])
    assert emerging_categories(h[None], c[None], np.array([0])).tolist() == [-em.NEW]


def test_category_labels_cover_every_code():
    assert sorted(EMERGING_CATEGORY_LABELS) == list(range(-8, 9))
    assert all(isinstance(label, Message) for label in EMERGING_CATEGORY_LABELS.values())
    assert str(EMERGING_CATEGORY_LABELS[em.NEW]) == "New hot spot"
    assert str(EMERGING_CATEGORY_LABELS[-em.HISTORICAL]) == "Historical cold spot"


def test_constructed_cube_gives_the_expected_categories():
    """Blocks of 3 × 3 grids on a 15 × 15 lattice, each with its own story over 20 weeks."""
    size, t = 15, 20
    cube = np.full((size * size, t), 2)
    index = np.arange(size * size).reshape(size, size)

    def block(row, column):
        return index[row - 1:row + 2, column - 1:column + 2].ravel()[:, None]

    cube[block(2, 2), -1] += 12
    cube[block(2, 7), -3:] += 12
    cube[block(2, 12), :] += 6 + np.arange(t)
    cube[block(7, 2), :] += 8
    cube[block(7, 7), :] += 30 - np.arange(t)
    cube[block(7, 12), :-2] += 8
    cube[block(12, 2), [3, 9, 19]] += 14
    cube[block(12, 7), 0:4] = 0
    cube[block(12, 7), [9, 19]] += 14
    result = emerging_hot_spots(cube, lattice_neighbours(size, size))
    found = result.categories.reshape(size, size)
    assert {name: int(found[centre]) for name, centre in [
        ("new", (2, 2)), ("consecutive", (2, 7)), ("intensifying", (2, 12)), ("persistent", (7, 2)),
        ("diminishing", (7, 7)), ("historical", (7, 12)), ("sporadic", (12, 2)), ("oscillating", (12, 7))]} == {
        "new": 1, "consecutive": 2, "intensifying": 3, "persistent": 4, "diminishing": 5, "historical": 8,
        "sporadic": 6, "oscillating": 7}
    assert found[14, 14] == 0
    assert result.bins.dtype == np.int8 and result.bins.shape == (size * size, t)
    assert np.array_equal(result.hot, result.bins > 0)  # alpha 0.10 is the 90 % class
    assert result.count_trend.s[index[2, 12]] > 0


def test_the_shorter_first_window_is_not_read_as_a_trend():
    """An all-zero area in an active district: the first bin's neighbourhood is half as long, so
    its z is less negative; over all bins that looks like a falling z (an intensifying cold spot)."""
    rows, columns, t = 10, 10, 52
    cube = np.random.default_rng(5).poisson(2.0, (rows * columns, t))
    cube.reshape(rows, columns, t)[:, :5] = 0
    neighbours = lattice_neighbours(rows, columns)
    inner = 4 * columns + 1  # row 4, column 1: it and its neighbours are all zero
    kept = emerging_hot_spots(cube, neighbours, fdr="none")
    naive = emerging_hot_spots(cube, neighbours, fdr="none", skip_partial_window=False)
    assert naive.trend.s[inner] == -(t - 1) and naive.trend.p[inner] < 0.10
    assert naive.categories[inner] == -em.INTENSIFYING
    assert kept.trend.s[inner] == 0
    assert kept.categories[inner] == -em.PERSISTENT


@pytest.mark.parametrize("fdr", ["cube", "slice", "none"])
def test_fdr_choices_only_ever_remove_significance(fdr):
    cube = np.random.default_rng(8).poisson(np.linspace(0.5, 4, 144)[:, None], (144, 12))
    result = emerging_hot_spots(cube, lattice_neighbours(12, 12), fdr=fdr)
    raw = hotspot_classes(result.gi.z, result.gi.p)
    assert np.all(result.p_adjusted >= result.gi.p)
    assert np.all(np.abs(result.bins) <= np.abs(raw)) and np.all(result.bins * raw >= 0)
    if fdr == "none":
        assert np.array_equal(result.bins, raw)
    else:
        assert np.abs(result.bins).sum() < np.abs(raw).sum()


# --- (e) bad input ------------------------------------------------------------------------------


def message_of(raised):
    return str(raised.value)


def test_a_single_time_bin_cannot_have_a_trend():
    with pytest.raises(GridInputError) as raised:
        emerging_hot_spots(np.arange(9)[:, None], lattice_neighbours(3, 3))
    assert "Mann-Kendall" in message_of(raised) and "at least 2 time bins" in message_of(raised)
    with pytest.raises(GridInputError, match="at least 2 time bins"):
        mann_kendall(np.array([[1.0], [2.0]]))


def test_fewer_than_ten_bins_need_the_callers_consent():
    cube = np.random.default_rng(1).poisson(2.0, (9, 6))
    with pytest.raises(GridInputError, match="at least 10 time bins, got 6"):
        emerging_hot_spots(cube, lattice_neighbours(3, 3))
    assert emerging_hot_spots(cube, lattice_neighbours(3, 3), min_bins=6).categories.shape == (9,)
    with pytest.raises(GridInputError, match="leaves 1 bins for the trend test"):
        emerging_hot_spots(cube, lattice_neighbours(3, 3), min_bins=2, window=5)


def test_a_cube_without_differences_is_refused_with_a_reason():
    for value in (0, 3):
        with pytest.raises(GridInputError, match=f"every grid has the value {value}.0 in every time bin"):
            emerging_hot_spots(np.full((9, 12), value), lattice_neighbours(3, 3))


def test_other_bad_cubes_and_parameters():
    neighbours = lattice_neighbours(3, 3)
    cube = np.random.default_rng(2).poisson(2.0, (9, 12)).astype(float)
    with pytest.raises(GridInputError, match="has 8 grids but the neighbours 9"):
        emerging_hot_spots(cube[:8], neighbours)
    with pytest.raises(GridInputError, match="at least 3 units"):
        space_time_gi_star(cube[:2], Neighbours.from_pairs(2, [0], [1]))
    with pytest.raises(GridInputError, match="2 dimensions|got 1 dimensions"):
        space_time_gi_star(cube[0], neighbours)
    cube[4, 7] = np.nan
    with pytest.raises(GridInputError, match="grid 4 has no numeric value in time bin 7") as raised:
        emerging_hot_spots(cube, neighbours)
    assert raised.value.feature_ids == (4,)
    cube[4, 7] = 1
    with pytest.raises(GridInputError, match="cube, slice or none"):
        emerging_hot_spots(cube, neighbours, fdr="all")
    with pytest.raises(GridInputError, match="rings must be a whole number, 1 or more"):
        emerging_hot_spots(cube, neighbours, rings=0)
    with pytest.raises(GridInputError, match="time window must be a whole number of bins"):
        space_time_gi_star(cube, neighbours, window=-1)
    with pytest.raises(GridInputError, match="between 0 and 1"):
        emerging_hot_spots(cube, neighbours, trend_alpha=1.5)
    with pytest.raises(GridInputError, match="p-values must lie between 0 and 1"):
        benjamini_hochberg([0.2, np.nan])
    with pytest.raises(GridInputError, match="series 1 has no numeric value at position 2"):
        mann_kendall(np.array([[1.0, 2, 3], [1, 2, np.inf]]))
    with pytest.raises(GridInputError, match="hot and a cold spot at once"):
        emerging_categories([[True, True]], [[False, True]], [0])


def test_isolated_grids_use_themselves_only():
    """Grid 8 has no neighbour: its Gi* is its own window against the cube, and a busy island is a hot spot."""
    neighbours = Neighbours.from_pairs(9, [0, 1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6, 7])
    cube = np.ones((9, 12), dtype=int)
    cube[8] = 9
    result = emerging_hot_spots(cube, neighbours, fdr="none")
    assert result.gi.islands.tolist() == [False] * 8 + [True]
    assert result.gi.weights[8].tolist() == [1] + [2] * 11
    assert result.categories[8] == em.PERSISTENT


# --- time bins and the cube ---------------------------------------------------------------------


def test_iso_weeks_start_on_monday_and_carry_the_iso_year():
    bins = time_bins(["2023-12-31T23:59:59", "2024-01-01 00:00", "2024-01-07", "2024-12-30T08:00"], "week")
    assert bins.index.tolist() == [0, 1, 1, 53]
    assert str(bins.starts[0]) == "2023-12-25" and str(bins.starts[1]) == "2024-01-01"
    labels = bins.labels()
    assert labels[:2] == ["2023-W52", "2024-W01"] and labels[-1] == "2025-W01"  # 2024-12-30 is in ISO 2025
    assert time_bins(["2020-12-31", "2021-01-03"], "week").labels() == ["2020-W53"]
    # before 1970 too: 1969-12-29 is the Monday of the week of Thursday 1970-01-01
    assert time_bins(["1969-12-28", "1969-12-29", "1970-01-01"], "week").index.tolist() == [0, 1, 1]


def test_day_and_month_bins_from_strings_datetime64_and_python_dates():
    strings = ["2024-02-28T23:59:59.999", "2024-02-29", "2024-03-01 00:00:00"]
    days = time_bins(strings, "day")
    assert days.index.tolist() == [0, 1, 2] and days.labels() == ["2024-02-28", "2024-02-29", "2024-03-01"]
    assert time_bins(np.array(strings, dtype="M8[ms]"), "day").index.tolist() == [0, 1, 2]
    python = [dt.date(2024, 1, 31), dt.datetime(2024, 3, 1, 23, 30)]
    months = time_bins(python, "month")
    assert months.index.tolist() == [0, 2] and months.labels() == ["2024-01", "2024-02", "2024-03"]
    padded = time_bins(["2024-03-15"], "month", first="2024-01-20", last=dt.date(2024, 5, 1))
    assert padded.index.tolist() == [2] and padded.count == 5 and str(padded.starts[0]) == "2024-01-01"


def test_bad_times_are_named():
    with pytest.raises(GridInputError, match="record 1 has the time '2024-01-05T08:30:00Z' with a time zone"):
        time_bins(["2024-01-05", "2024-01-05T08:30:00Z"])
    with pytest.raises(GridInputError, match="with a time zone"):
        time_bins(["2024-01-05 08:30+08:00"])
    with pytest.raises(GridInputError, match="with a time zone"):
        time_bins([dt.datetime(2024, 1, 5, tzinfo=dt.timezone.utc)])
    with pytest.raises(GridInputError, match="record 2 has the time '2024/01/05', which is not an ISO date"):
        time_bins(["2024-01-05", "2024-01-06", "2024/01/05"])
    with pytest.raises(GridInputError, match="record 0 has no date") as raised:
        time_bins(["", "2024-01-05", "NaT"])
    assert raised.value.feature_ids == (0, 2)
    with pytest.raises(GridInputError, match="record 1 falls outside the period 2024-01 to 2024-02"):
        time_bins(["2024-01-05", "2024-03-01"], "month", last="2024-02-29")
    with pytest.raises(GridInputError, match="day, week or month"):
        time_bins(["2024-01-05"], "year")
    with pytest.raises(GridInputError, match="no dates to put into time bins"):
        time_bins([], "day")
    assert time_bins([], "day", first="2024-01-01", last="2024-01-03").count == 3
    with pytest.raises(GridInputError, match="comes before the first"):
        time_bins([], "day", first="2024-01-03", last="2024-01-01")


def test_space_time_cube_counts_every_record():
    rng = np.random.default_rng(4)
    grid, time_bin = rng.integers(0, 30, 5000), rng.integers(0, 8, 5000)
    cube = space_time_cube(grid, time_bin, 31, 8)
    expected = np.zeros((31, 8), dtype=np.int64)
    for g, b in zip(grid.tolist(), time_bin.tolist()):
        expected[g, b] += 1
    assert cube.dtype == np.int64 and np.array_equal(cube, expected)
    with pytest.raises(GridInputError, match="record 1 names time bin 8, outside 0 to 7"):
        space_time_cube([0, 1], [0, 8], 31, 8)
    with pytest.raises(GridInputError, match="names grid -1"):
        space_time_cube([-1], [0], 31, 8)
    with pytest.raises(GridInputError, match="got 2 grid indices and 1 time bins"):
        space_time_cube([0, 1], [0], 31, 8)


# --- (f) full size ------------------------------------------------------------------------------


def test_two_thousand_grids_over_52_weeks():
    neighbours = lattice_neighbours(40, 50)
    rng = np.random.default_rng(2000)
    rate = rng.gamma(1.0, 1.0, (2000, 1)) * np.linspace(0.5, 1.5, 52)
    result = emerging_hot_spots(rng.poisson(rate), neighbours, rings=2)
    assert result.gi.z.shape == (2000, 52) and result.categories.shape == (2000,)
    assert set(np.unique(result.categories).tolist()) <= set(range(-8, 9))
    assert np.all(np.isfinite(result.gi.z)) and np.all(np.isfinite(result.trend.z))
