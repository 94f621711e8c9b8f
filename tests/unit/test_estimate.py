"""Grid counts bounded before division (core.grids.estimate): communities over the 999-grid limit are
refused before any division work, all in one error with a fix that works; tiny communities are
named in a warning. The division functions are tested through their public API; tests of the
bounds themselves import core.grids.estimate inside, so that each test passes or fails on its own."""

import re

import numpy as np
import pytest
import shapely
from shapely.geometry import box

from grid_plugin.core.errors import GridInputError
from grid_plugin.core.grids import lattice
from grid_plugin.core.grids.blocks import community_blocks
from grid_plugin.core.grids.codes import CommunityCode
from grid_plugin.core.grids.containers import Container
from grid_plugin.core.grids.follow import AreaSettings, FollowLines, divide_following
from grid_plugin.core.grids.lattice import divide_lattice
from grid_plugin.core.progress import Progress

X0, Y0 = 449_930.0, 4_420_010.0  # EPSG:4548 near Beijing
NO_LINES = FollowLines(np.empty(0, dtype=object), np.empty(0, dtype=np.int64))


def community(geometry, number=1, name=""):
    return Container(number, geometry, CommunityCode("110101", "001", f"{number:03d}"), "街道", name)


def outline(seed, radius, vertices=60, x=X0, y=Y0):
    """An irregular community outline (a star-shaped polygon with a ragged boundary)."""
    rng = np.random.default_rng(seed)
    angle = np.sort(rng.uniform(0, 2 * np.pi, vertices))
    r = rng.uniform(0.55 * radius, radius, vertices)
    return shapely.Polygon(np.c_[x + r * np.cos(angle), y + r * np.sin(angle)])


def province():
    """About 1,000,000 km² with 2,000 ragged boundary vertices (a province-sized community)."""
    angle = np.linspace(0, 2 * np.pi, 2000, endpoint=False)
    rng = np.random.default_rng(7)
    r = 560_000 * (1 + 0.15 * np.sin(3 * angle) + 0.08 * np.cos(7 * angle) + rng.uniform(-3e-4, 3e-4, 2000))
    return shapely.Polygon(np.c_[X0 + r * np.cos(angle), Y0 + r * np.sin(angle)])


def refusal(callable_, *args, **kwargs) -> str:
    with pytest.raises(GridInputError) as err:
        callable_(*args, **kwargs)
    return str(err.value)


def forbid(monkeypatch, target):
    def entered(*args, **kwargs):
        raise AssertionError(f"{target} was called: the refusal came too late")

    monkeypatch.setattr(target, entered)


@pytest.mark.parametrize("seed", range(12))
def test_lattice_bounds_hold_the_count_of_the_division(seed):
    from grid_plugin.core.grids import estimate  # the module under test (imported here: see the docstring)
    rng = np.random.default_rng(seed)
    shapes = [outline(seed, rng.uniform(150, 2500)),
              outline(seed, 900).difference(outline(seed + 50, 300)),  # with a hole
              shapely.MultiPolygon([outline(seed, 400), outline(seed, 100, x=X0 + 2000)]),
              shapely.LineString([(X0, Y0), (X0 + 3000, Y0 + 2500)]).buffer(12)]  # thin and diagonal
    geometries = np.array(shapes, dtype=object)
    for cell in (40.0, 100.0, 137.0):
        bounds = estimate.lattice_bounds(geometries, cell, 0.3 * cell * cell)
        counts = lattice.lattice_grid_counts(geometries, cell, 0.3 * cell * cell)
        assert (bounds.low <= counts).all() and (counts <= bounds.high).all(), (cell, bounds, counts)
        if counts.max() <= 999:  # the count is the division's
            division = divide_lattice([community(g, k + 1) for k, g in enumerate(shapes)], cell)
            assert (np.bincount(division.container_index, minlength=len(shapes)) == counts).all()


@pytest.mark.parametrize("seed", range(10))
def test_follow_bounds_hold_the_count_of_the_division(seed):
    from grid_plugin.core.grids import estimate  # the module under test (imported here: see the docstring)
    rng = np.random.default_rng(seed)
    shape = outline(seed, rng.uniform(200, 900))
    ends = rng.uniform(-900, 900, (int(rng.integers(0, 12)), 4))
    lines = FollowLines(np.array([shapely.LineString([(X0 + a, Y0 + b), (X0 + c, Y0 + d)]) for a, b, c, d in ends],
                                 dtype=object), np.full(len(ends), 2))
    for settings in (AreaSettings(), AreaSettings(2_000, 600, 5_000)):
        count = len(divide_following([community(shape)], lines, settings))
        bounds = estimate.follow_bounds(np.array([shape], dtype=object), settings.minimum, settings.maximum)
        blocks = community_blocks(shape, lines.geometries)
        low = max(int(bounds.low[0]), estimate.block_lower_bound(shapely.area(blocks), settings.minimum,
                                                                 settings.maximum))
        assert low <= count <= bounds.high[0]


def test_a_province_sized_community_is_refused_before_the_lattice_is_made(monkeypatch):
    """A community of 1,000,000 km² would be 100 million cells (std::bad_alloc at 8 GiB)."""
    forbid(monkeypatch, "grid_plugin.core.grids.lattice.lattice_pieces")
    seen = []
    text = refusal(divide_lattice, [community(province(), 1, "全省")], progress=Progress(report=seen.append))
    assert "1 community(ies) would get more than the 999 grids" in text
    assert re.search(r"110101001001 全省 \(feature 1\): ≥ \d{2,3},\d{3},\d{3} grids", text)
    size = int(re.search(r"CELL_SIZE to at least (\d+) m", text)[1])
    assert 31_500 < size < 40_000  # √(10¹² m² / 999) = 31.6 km, and the cells the outline cuts
    assert seen == []  # no progress: nothing was divided


def test_a_province_sized_community_is_refused_before_following_lines(monkeypatch):
    forbid(monkeypatch, "grid_plugin.core.grids.follow.divide_community")
    road = shapely.LineString([(X0 - 700_000, Y0), (X0 + 700_000, Y0)])
    lines = FollowLines(np.array([road], dtype=object), np.array([5]))
    seen = []
    text = refusal(divide_following, [community(province(), 1, "全省")], lines,
                   progress=Progress(report=seen.append))
    assert re.search(r"110101001001 全省 \(feature 1\): ≥ \d{2},\d{3},\d{3} grids", text)
    assert "TARGET_AREA to" in text and "MIN_AREA to at least" in text
    assert seen == []


def four_too_large_and_one_fine():
    """Two communities of about 30 km² (clearly too large), two of 10.9 km² (near the limit: the
    bounds leave them open, the blocks or the lattice count decide) and one of 0.7 km²."""
    return [
        community(outline(1, 4_000, 120, x=X0), 1, "甲"),
        community(outline(2, 4_000, 120, x=X0 + 8_000), 2, "乙"),
        community(box(462_000, 4_420_000, 465_300, 4_423_300), 3, "丙"),  # 33 × 33 cells or blocks
        community(box(466_000, 4_420_000, 469_300, 4_423_300), 4, "丁"),
        community(outline(5, 600, x=X0 + 22_000), 5, "戊"),
    ]


def road_grid(x0, x1, y0, y1, spacing=100.0):
    """Streets every `spacing` metres: blocks of 10,000 m², each a grid of its own."""
    xs, ys = np.arange(x0, x1 + 1, spacing), np.arange(y0, y1 + 1, spacing)
    streets = [shapely.LineString([(x, y0), (x, y1)]) for x in xs] + [shapely.LineString([(x0, y), (x1, y)])
                                                                       for y in ys]
    return FollowLines(np.array(streets, dtype=object), np.full(len(streets), 2))


def test_every_lattice_community_over_the_limit_is_listed_in_one_error_before_dividing(monkeypatch):
    containers = four_too_large_and_one_fine()
    forbid(monkeypatch, "grid_plugin.core.grids.lattice._union_groups")
    seen = []
    text = refusal(divide_lattice, containers, progress=Progress(report=seen.append))
    assert text.startswith("4 community(ies) would get more than the 999 grids")
    for listed in ("110101001001 甲 (feature 1): ≥ ", "110101001002 乙 (feature 2): ≥ ",
                   "110101001003 丙 (feature 3): 1,089 grids", "110101001004 丁 (feature 4): 1,089 grids"):
        assert listed in text
    assert "戊" not in text and "feature 5" not in text
    assert seen == []
    monkeypatch.undo()
    size = int(re.search(r"CELL_SIZE to at least (\d+) m", text)[1])
    division = divide_lattice(containers, float(size))  # the suggested cell size fits them all
    assert np.bincount(division.container_index).max() <= 999


def test_every_follow_community_over_the_limit_is_listed_in_one_error_before_dividing(monkeypatch):
    containers = four_too_large_and_one_fine()
    lines = road_grid(462_000, 469_300, 4_420_000, 4_423_300)
    forbid(monkeypatch, "grid_plugin.core.grids.follow.divide_community")
    text = refusal(divide_following, containers, lines)
    assert text.startswith("4 community(ies) would get more than the 999 grids")
    for listed in ("甲 (feature 1): ≥ 1,", "乙 (feature 2): ≥ 1,", "丙 (feature 3): ≥ 1,0", "丁 (feature 4): ≥ 1,0"):
        assert listed in text
    assert "戊" not in text
    monkeypatch.undo()
    found = re.search(r"MIN_AREA to at least ([\d,]+) m², the target area TARGET_AREA to ([\d,]+) m² and the "
                      r"maximum area MAX_AREA to ([\d,]+) m²", text)
    minimum, target, maximum = (float(v.replace(",", "")) for v in found.groups())
    division = divide_following(containers, lines, AreaSettings(target, minimum, maximum))
    assert np.bincount(division.container_index).max() <= 999  # the suggested areas fit them all


def test_without_the_lines_the_areas_refuse_only_when_they_decide_every_community():
    """Before the lines are read, a province is refused at once; but communities near the limit
    need their blocks, and the error must list every community over the limit: it waits."""
    from grid_plugin.core.grids import estimate  # the module under test (imported here: see the docstring)
    containers = four_too_large_and_one_fine()
    text = refusal(estimate.check_follow_limit, [containers[k] for k in (0, 1, 4)], AreaSettings())
    assert text.startswith("2 community(ies)") and "甲" in text and "乙" in text  # 30 km² / 25,000 m²
    assert estimate.check_follow_limit(containers, AreaSettings()) is None  # 丙 and 丁 are open
    text = refusal(estimate.check_follow_limit, containers, AreaSettings(),
                   road_grid(462_000, 469_300, 4_420_000, 4_423_300))
    assert text.startswith("4 community(ies)")


def test_communities_the_bounds_leave_open_are_still_all_refused_after_dividing(monkeypatch):
    monkeypatch.setattr(lattice, "_COUNTED_CELLS", 0, raising=False)  # no exact count before dividing
    containers = [community(box(462_000 + k * 4_000, 4_420_000, 465_300 + k * 4_000, 4_423_300), k + 1)
                  for k in range(2)]
    text = refusal(divide_lattice, containers)
    assert text.startswith("2 community(ies)")
    assert "110101001001 (feature 1): 1,089 grids" in text and "110101001002 (feature 2): 1,089 grids" in text
    squares = [community(box(X0 + k * 400, Y0, X0 + k * 400 + 350, Y0 + 350), k + 1) for k in range(2)]
    text = refusal(divide_following, squares, NO_LINES, AreaSettings(100, 30, 250))  # one block: 490 ≤ 999
    assert text.startswith("2 community(ies)")
    assert "(feature 1): 1,225 grids" in text and "(feature 2): 1,225 grids" in text


def test_a_community_of_more_parts_than_grids_can_only_be_split():
    islands = shapely.MultiPolygon([box(X0 + 300 * k, Y0, X0 + 300 * k + 200, Y0 + 200) for k in range(1_000)])
    text = refusal(divide_lattice, [community(islands)])
    assert text.endswith("Split these communities into smaller ones")


@pytest.mark.parametrize("mode", ["lattice", "follow"])
def test_a_tiny_community_becomes_one_grid_with_a_warning_naming_it(mode):
    sliver = box(X0 + 500, Y0, X0 + 500.1, Y0 + 0.1)  # 0.01 m²
    containers = [community(box(X0 + 350, Y0, X0 + 500, Y0 + 150), 1, "甲"), community(sliver, 2, "乙")]
    division = divide_lattice(containers) if mode == "lattice" else \
        divide_following(containers, NO_LINES, AreaSettings(10_000, 3_000, 25_000))
    assert len(division.geometries[division.container_index == 1]) == 1
    assert shapely.area(division.geometries[division.container_index == 1])[0] == pytest.approx(0.01)
    warnings = [str(w) for w in division.warnings]
    assert warnings == ["community 110101001002 乙 (feature 2) covers only 0.01 m², less than the minimum grid "
                        "area of 3000 m², and becomes one grid that small; if it is a sliver left by digitising, "
                        "merge it into its neighbour or delete it"]
    # no minimum area (MIN_AREA 0): no grid is too small, so no warning
    if mode == "lattice":
        assert divide_lattice(containers, min_area=0.0).warnings == []
    else:
        assert divide_following(containers, NO_LINES, AreaSettings(10_000, 0.0, 25_000)).warnings == []
