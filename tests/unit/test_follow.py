import math

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, box

from grid_plugin.core.errors import GridInputError, Message
from grid_plugin.core.grids.codes import GRID_CODE_PATTERN, CommunityCode
from grid_plugin.core.grids.containers import Container
from grid_plugin.core.grids.follow import (
    DEFAULT_ROAD_RANK,
    AreaSettings,
    FollowLines,
    WeightPoints,
    divide_following,
    part_count,
    road_class_rank,
)
from grid_plugin.core.grids.precision import DEFAULT_PRECISION_M, on_grid
from grid_plugin.core.grids.quality import boundary_on_lines
from tests.unit.test_grid_validity import spikes

SETTINGS = AreaSettings(target=10_000.0, minimum=3_000.0, maximum=25_000.0)


def community(geometry, number=1, fid=None):
    return Container(fid if fid is not None else number, geometry, CommunityCode("110101", "001", f"{number:03d}"))


def follow(*coords, rank=2):
    geometries = np.array([LineString(c) for c in coords], dtype=object)
    return FollowLines(geometries, np.full(len(geometries), rank))


def join(*line_sets):
    return FollowLines(np.concatenate([s.geometries for s in line_sets]), np.concatenate([s.ranks for s in line_sets]))


def road_grid(width=400, height=300, step=100, overhang=20):
    """Full-length roads every `step` m across a width × height community at the origin."""
    vertical = [[(x, -overhang), (x, height + overhang)] for x in range(step, width, step)]
    horizontal = [[(-overhang, y), (width + overhang, y)] for y in range(step, height, step)]
    return follow(*vertical, *horizontal)


def grids_of(division, k):
    return division.geometries[division.container_index == k]


def assert_exact_cover(grids, geometry):
    # grids lie on the 1 mm precision grid (core.grids.precision): every point of the outline moves less than
    # 1 mm, so the cover differs from the community by less than its length × 1 mm (nothing when the
    # community's vertices are grid points already)
    grids = np.asarray(grids, dtype=object)
    bound = 1e-6 if on_grid(np.array([geometry]), DEFAULT_PRECISION_M)[0] else geometry.length * DEFAULT_PRECISION_M
    assert shapely.union_all(grids).symmetric_difference(geometry).area < bound
    left, right = shapely.STRtree(grids).query(grids, predicate="intersects")
    pairs = left < right
    overlap = shapely.area(shapely.intersection(grids[left[pairs]], grids[right[pairs]])).sum()
    assert overlap < 1e-6, f"grids overlap by {overlap} m²"


def grid_at(grids, x, y):
    found = [g for g in grids if g.contains(Point(x, y))]
    assert len(found) == 1
    return found[0]


def test_a_road_grid_gives_grids_bounded_exactly_by_the_roads():
    geometry = box(0, 0, 400, 300)
    containers = [community(geometry)]
    lines = road_grid()
    division = divide_following(containers, lines, SETTINGS)
    assert len(division) == 12
    assert np.allclose(shapely.area(division.geometries), 10_000.0)
    assert_exact_cover(division.geometries, geometry)
    on_lines = boundary_on_lines(division.geometries, division.container_index, containers, lines.geometries,
                                 tolerance=1e-6)
    assert on_lines == 1.0
    assert division.warnings == []


@pytest.mark.parametrize(("west_rank", "east_rank", "joins_east"), [(5, 1, True), (1, 5, False)])
def test_a_sliver_merges_across_the_lowest_ranked_line(west_rank, east_rank, joins_east):
    # blocks: A = [0, 100], sliver = [100, 110] (1000 m² < minimum), B = [110, 210]
    geometry = box(0, 0, 210, 100)
    lines = join(follow([(100, -10), (100, 110)], rank=west_rank), follow([(110, -10), (110, 110)], rank=east_rank))
    division = divide_following([community(geometry)], lines, SETTINGS)
    assert len(division) == 2
    assert_exact_cover(division.geometries, geometry)
    holder = grid_at(division.geometries, 105, 50)
    assert holder.contains(Point(160, 50)) is joins_east
    assert holder.contains(Point(50, 50)) is not joins_east
    assert holder.area == pytest.approx(11_000.0)


def test_a_block_above_the_maximum_is_split_into_part_count_parts():
    geometry = box(0, 0, 700, 100)
    lines = follow([(100, -10), (100, 110)])
    division = divide_following([community(geometry)], lines, SETTINGS)
    assert_exact_cover(division.geometries, geometry)
    big = [g for g in division.geometries if g.centroid.x > 100]
    assert len(big) == part_count(60_000.0, SETTINGS) == 6
    assert np.allclose([g.area for g in big], 10_000.0, rtol=1e-6)
    assert any(g.equals(box(0, 0, 100, 100)) for g in division.geometries)
    assert division.warnings == []


def test_a_community_without_lines_is_split_compactly_with_a_warning_naming_it():
    geometry = box(0, 0, 300, 300)
    division = divide_following([community(geometry, number=7, fid=42)], follow(), SETTINGS)
    assert len(division) == part_count(90_000.0, SETTINGS) == 9
    assert_exact_cover(division.geometries, geometry)
    compactness = 4 * np.pi * shapely.area(division.geometries) / shapely.length(division.geometries) ** 2
    assert compactness.min() >= 0.5
    assert len(division.warnings) == 1
    warning = division.warnings[0]
    assert isinstance(warning, Message)
    assert warning.params["fid"] == 42
    assert "42" in str(warning) and "110101001007" in str(warning)


def test_lines_that_cross_no_community_also_give_the_no_line_warning():
    division = divide_following([community(box(0, 0, 300, 300), fid=9)], follow([(400, 0), (400, 300)]), SETTINGS)
    assert len(division.warnings) == 1 and division.warnings[0].params["fid"] == 9


def test_a_small_community_without_lines_is_one_grid_without_warning():
    geometry = box(0, 0, 100, 100)
    division = divide_following([community(geometry)], follow(), SETTINGS)
    assert len(division) == 1 and division.geometries[0].equals(geometry)
    assert division.warnings == []


def test_messy_lines_leave_no_gaps_or_slivers():
    geometry = box(0, 0, 400, 300).difference(box(250, 120, 290, 160))  # a courtyard hole
    messy = follow(
        [(-500, 100), (900, 100)],  # far beyond the community
        [(200, -50), (200, 350)], [(200, -50), (200, 350)],  # duplicated
        [(200, 50), (200, 250)],  # overlaps the duplicated one
        [(300, 300), (300, 300)],  # zero length
        [(100, 100), (100, 160)], [(350, 0), (350, 40)],  # dangling
        [(-100, -100), (-50, -50)],  # wholly outside
        [(0, 200), (120, 200)],  # dangling into the interior from the boundary
    )
    division = divide_following([community(geometry)], messy, SETTINGS)
    assert_exact_cover(division.geometries, geometry)
    assert all(g.is_valid and g.geom_type == "Polygon" for g in division.geometries)
    assert shapely.area(division.geometries).min() >= SETTINGS.minimum
    # the dead end into the north-west block is followed: the 40,000 m² block is cut along it
    # (continued to x = 200) into two halves, not by a straight cut across its long axis
    edges = shapely.union_all(shapely.boundary(division.geometries))
    lane = LineString([(0, 200), (120, 200)])
    assert lane.intersection(edges.buffer(0.01)).length == pytest.approx(120, abs=0.05)
    centres = [g.representative_point() for g in division.geometries]
    north_west = [g for g, c in zip(division.geometries, centres) if c.x < 200 and c.y > 100]
    assert sorted(round(g.area) for g in north_west) == [20_000, 20_000]


def test_an_isolated_small_community_stays_below_the_minimum():
    geometry = box(0, 0, 40, 40)
    division = divide_following([community(geometry)], follow([(20, -5), (20, 45)]), SETTINGS)
    # two 800 m² blocks join; nothing else is there to join
    assert len(division) == 1 and division.geometries[0].area == pytest.approx(1600.0)


def nearest_in_ratio(area, settings):
    """Brute force: the count whose mean part area is nearest the target on a log scale, among
    counts keeping parts within [minimum, maximum]."""
    counts = [n for n in range(1, 1000) if settings.minimum <= area / n <= settings.maximum]
    return min(counts, key=lambda n: abs(math.log(area / n / settings.target)))


def test_part_count_keeps_blocks_up_to_the_maximum_whole():
    assert part_count(SETTINGS.maximum, SETTINGS) == 1
    assert part_count(24_000.0, SETTINGS) == 1
    assert part_count(1_000.0, SETTINGS) == 1


def test_part_count_above_the_maximum_is_nearest_the_target_in_ratio():
    rng = np.random.default_rng(11)
    for area in rng.uniform(25_001.0, 400_000.0, 300):
        count = part_count(float(area), SETTINGS)
        assert count == nearest_in_ratio(area, SETTINGS), area
        assert SETTINGS.minimum <= area / count <= SETTINGS.maximum


def test_part_count_never_goes_below_the_minimum_area_per_part():
    settings = AreaSettings(target=10_000.0, minimum=9_000.0, maximum=25_000.0)
    # 26 000 m² in 3 parts would be nearest the target, but 8 667 m² is below the minimum
    assert part_count(26_000.0, settings) == 2
    for area in np.linspace(25_001.0, 200_000.0, 200):
        assert area / part_count(float(area), settings) >= settings.minimum


def test_weight_raises_the_part_count_but_not_below_the_minimum_area():
    assert part_count(20_000.0, SETTINGS, weight=1.0, weight_per_grid=1.0) == 1
    assert part_count(20_000.0, SETTINGS, weight=5.0, weight_per_grid=1.0) == 5
    assert part_count(60_000.0, SETTINGS, weight=9.0, weight_per_grid=1.0) == 9
    # far too much weight: as many parts as the minimum area allows
    assert part_count(20_000.0, SETTINGS, weight=100.0, weight_per_grid=1.0) == 6
    assert part_count(20_000.0, SETTINGS, weight=100.0, weight_per_grid=0.0) == 1


def test_road_class_rank_of_known_classes_orders_alleys_below_main_roads():
    chinese = ["胡同", "支路", "次干路", "主干路", "快速路"]
    ranks = [road_class_rank(name) for name in chinese]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)
    for chinese_name, osm in [("支路", "residential"), ("次干路", "tertiary"), ("主干路", "primary"),
                              ("快速路", "motorway"), ("胡同", "service")]:
        assert road_class_rank(osm) == road_class_rank(chinese_name)
    assert road_class_rank("primary") > road_class_rank("secondary") > road_class_rank("tertiary")
    assert road_class_rank(" Primary ") == road_class_rank("primary")
    assert road_class_rank("trunk") == road_class_rank("高速公路")


def test_road_class_rank_of_numbers_empty_and_unknown_values():
    assert road_class_rank(3) == 3
    assert road_class_rank(np.int64(7)) == 7
    assert road_class_rank("4") == 4
    assert road_class_rank(" 5 ") == 5
    for empty in (None, "", "  ", "NULL"):
        assert road_class_rank(empty) == DEFAULT_ROAD_RANK
    assert road_class_rank("tramway") is None
    assert road_class_rank("大道") is None


def test_road_class_rank_of_a_whole_number_from_a_real_field():
    # a class field of type Real hands over 3.0; it is the whole number 3
    assert road_class_rank(3.0) == 3


@pytest.mark.parametrize(("target", "minimum", "maximum"), [
    (10_000.0, 10_000.0, 25_000.0),  # minimum not below target
    (10_000.0, 12_000.0, 25_000.0),
    (25_000.0, 3_000.0, 25_000.0),  # target not below maximum
    (10_000.0, -1.0, 25_000.0),  # negative minimum
    (10_000.0, 8_000.0, 15_000.0),  # maximum below twice the minimum
])
def test_bad_area_settings_raise(target, minimum, maximum):
    settings = AreaSettings(target=target, minimum=minimum, maximum=maximum)
    with pytest.raises(GridInputError):
        settings.check()
    with pytest.raises(GridInputError):
        divide_following([community(box(0, 0, 100, 100))], follow(), settings)


def test_good_area_settings_pass():
    AreaSettings().check()
    AreaSettings(target=10_000.0, minimum=0.0, maximum=20_000.0).check()
    AreaSettings(target=10_000.0, minimum=5_000.0, maximum=10_000.1).check()


def test_minimum_and_maximum_not_given_follow_the_target():
    assert AreaSettings() == AreaSettings(10_000.0, 5_000.0, 20_000.0)
    assert AreaSettings(target=18_000.0) == AreaSettings(18_000.0, 9_000.0, 36_000.0)
    assert AreaSettings(target=18_000.0, maximum=50_000.0) == AreaSettings(18_000.0, 9_000.0, 50_000.0)
    assert AreaSettings(target=18_000.0, minimum=0.0).minimum == 0.0  # a given 0 is not "not given"


def test_a_larger_target_alone_gives_grids_within_its_own_bounds():
    # a 600 × 300 m community crossed by lanes every 60 m: 10 blocks of 18,000 m². With the fixed bounds of
    # before (3,000 / 25,000) a target of 40,000 m² left every block a grid of its own; the target's own
    # bounds (20,000 / 80,000) merge them
    lanes = [[(x, -10), (x, 310)] for x in range(60, 600, 60)]
    division = divide_following([community(box(0, 0, 600, 300))], follow(*lanes), AreaSettings(target=40_000.0))
    areas = shapely.area(division.geometries)
    assert len(areas) < 10
    assert areas.min() >= 20_000.0 - 1e-6 and areas.max() <= 80_000.0 + 1e-6


def two_communities():
    west = community(box(0, 0, 400, 300), number=1, fid=10)
    east = community(box(400, 0, 800, 300), number=2, fid=11)
    return [west, east], road_grid(width=800)


def test_sequence_numbers_and_codes_run_west_east_north_south_per_community():
    containers, lines = two_communities()
    division = divide_following(containers, lines, SETTINGS)
    codes = division.codes(containers)
    assert all(GRID_CODE_PATTERN.match(code) for code in codes)
    assert len(set(codes)) == len(codes) == 24
    for k, c in enumerate(containers):
        mine = division.container_index == k
        assert sorted(division.sequence[mine]) == list(range(1, 13))
        assert {code[:12] for code in np.array(codes)[mine]} == {c.code.code12}
        grids = division.geometries[mine]
        order = np.argsort(division.sequence[mine])
        centroids = np.round(shapely.get_coordinates(shapely.centroid(grids[order])))
        x0 = c.geometry.bounds[0]
        expected = [(x0 + x, y) for y in (250, 150, 50) for x in (50, 150, 250, 350)]
        assert [tuple(p) for p in centroids] == expected


def scene():
    """Three communities with crossings, slivers, a big block to split and a square block whose
    split has no preferred direction."""
    containers = [
        community(box(0, 0, 400, 300), number=1, fid=1),
        community(box(400, 0, 700, 300), number=2, fid=2),
        community(box(0, 300, 700, 480), number=3, fid=3),
    ]
    lines = join(
        road_grid(width=400, height=300),
        follow([(405, -10), (405, 310)], rank=1),  # sliver along the community edge
        follow([(520, -10), (520, 310)], rank=5),
        follow([(400, 150), (720, 150)], rank=3),
        follow([(180, 290), (180, 500)], rank=1),  # 180 × 180 block in community 3
        follow([(-10, 420), (180, 420)], rank=1),
        follow([(360, 290), (360, 490)], rank=9),
    )
    return containers, lines


def signature(division, containers):
    codes = division.codes(containers)
    return {(code, round(float(g.area), 3)) for code, g in zip(codes, division.geometries)}


@pytest.mark.parametrize("seed", range(4))
def test_results_do_not_depend_on_the_order_of_communities_and_lines(seed):
    containers, lines = scene()
    reference = divide_following(containers, lines, SETTINGS)
    for k, c in enumerate(containers):
        assert_exact_cover(grids_of(reference, k), c.geometry)
    rng = np.random.default_rng(seed)
    c_order = rng.permutation(len(containers))
    l_order = rng.permutation(len(lines.geometries))
    shuffled_containers = [containers[k] for k in c_order]
    shuffled_lines = FollowLines(lines.geometries[l_order], lines.ranks[l_order])
    shuffled = divide_following(shuffled_containers, shuffled_lines, SETTINGS)
    assert signature(shuffled, shuffled_containers) == signature(reference, containers)


def test_reversed_lines_give_the_same_division():
    containers, lines = scene()
    reversed_lines = FollowLines(np.array([shapely.reverse(g) for g in lines.geometries], dtype=object),
                                 lines.ranks)
    assert signature(divide_following(containers, reversed_lines, SETTINGS), containers) == \
        signature(divide_following(containers, lines, SETTINGS), containers)


def test_coinciding_lines_of_different_ranks_do_not_make_the_result_depend_on_their_order():
    # a sliver [100, 110] between a main road (rank 5) and an alley (rank 1) that runs along a wall
    # (rank 9, the same line): whichever way the sliver goes, it must not depend on the input order
    geometry = box(0, 0, 210, 100)
    main = LineString([(100, -10), (100, 110)])
    edge = LineString([(110, -10), (110, 110)])
    results = set()
    for geometries, ranks in [([main, edge, edge], [5, 1, 9]), ([main, edge, edge], [5, 9, 1]),
                              ([edge, edge, main], [1, 9, 5]), ([edge, edge, main], [9, 1, 5])]:
        lines = FollowLines(np.array(geometries, dtype=object), np.array(ranks))
        division = divide_following([community(geometry)], lines, SETTINGS)
        results.add(grid_at(division.geometries, 105, 50).contains(Point(160, 50)))
    assert len(results) == 1


def random_scene(rng):
    angle = np.sort(rng.uniform(0, 2 * np.pi, 30))
    radius = rng.uniform(250, 450, 30)
    geometry = shapely.Polygon(np.c_[radius * np.cos(angle), radius * np.sin(angle)])
    n = int(rng.integers(3, 12))
    roads = [LineString(rng.uniform(-500, 500, (int(rng.integers(2, 4)), 2))) for _ in range(n)]
    return geometry, FollowLines(np.array(roads, dtype=object), rng.integers(1, 7, n))


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4, 5, 49])
def test_random_communities_and_roads_give_an_exact_cover_of_single_polygons(seed):
    rng = np.random.default_rng(seed)
    geometry, lines = random_scene(rng)
    containers = [community(geometry)]
    reference = divide_following(containers, lines, SETTINGS)
    order = rng.permutation(len(lines.geometries))
    shuffled = divide_following(containers, FollowLines(lines.geometries[order], lines.ranks[order]), SETTINGS)
    for division in (reference, shuffled):
        assert all(g.is_valid and g.geom_type == "Polygon" for g in division.geometries)
        assert shapely.area(division.geometries).min() >= SETTINGS.minimum
        assert_exact_cover(division.geometries, geometry)
    assert signature(shuffled, containers) == signature(reference, containers)


@pytest.mark.parametrize(("size", "angle"), [(250, 20), (350, 15), (400, 50), (300, 0)])
def test_a_rotated_community_without_lines_is_covered_exactly(size, angle):
    geometry = shapely.affinity.rotate(box(0, 0, size, size), angle, origin=(0, 0))
    division = divide_following([community(geometry)], follow(), SETTINGS)
    assert len(division) == part_count(geometry.area, SETTINGS)
    assert_exact_cover(division.geometries, geometry)


def weight_per_grid(division, weights):
    return np.array([weights.weight[shapely.contains_xy(g, weights.xy[:, 0], weights.xy[:, 1])].sum()
                     for g in division.geometries])


def coefficient_of_variation(values):
    return float(np.std(values) / np.mean(values))


def test_weighted_division_balances_the_workload_better_than_area():
    # one road; the east block (60 000 m²) must be split, its workload sits in its north-east corner
    geometry = box(0, 0, 400, 200)
    lines = follow([(100, -10), (100, 210)])
    rng = np.random.default_rng(2)
    cluster = np.c_[rng.uniform(300, 400, 300), rng.uniform(120, 200, 300)]
    background = np.c_[rng.uniform(0, 400, 60), rng.uniform(0, 200, 60)]
    weights = WeightPoints(np.r_[cluster, background], np.ones(360))
    containers = [community(geometry)]
    plain = divide_following(containers, lines, SETTINGS)
    weighted = divide_following(containers, lines, SETTINGS, weights)
    assert_exact_cover(weighted.geometries, geometry)
    assert shapely.area(weighted.geometries).min() >= SETTINGS.minimum * (1 - 1e-9)
    assert shapely.area(weighted.geometries).max() <= SETTINGS.maximum * (1 + 1e-9)
    assert coefficient_of_variation(weight_per_grid(weighted, weights)) < \
        coefficient_of_variation(weight_per_grid(plain, weights))
    # the road is still followed: the light west block stays whole
    assert any(g.equals(box(0, 0, 100, 200)) for g in weighted.geometries)


def test_no_communities_give_an_empty_division():
    division = divide_following([], follow([(0, 0), (1, 1)]), SETTINGS)
    assert len(division) == 0


def test_cuts_ending_on_a_community_boundary_are_stitched_into_the_neighbour():
    """A cut in the west community ends on the shared boundary x = 200: the east community's
    grid gets that vertex too, so the two communities' grids share exact vertices there."""
    west = community(box(0, 0, 200, 300), fid=1, number=1)
    east = community(box(200, 0, 300, 300), fid=2, number=2)  # 30,000 m²: cut in 3 across y
    division = divide_following([west, east], follow(), SETTINGS)
    on_line = {}
    for geometry, owner in zip(division.geometries, division.container_index):
        xy = shapely.get_coordinates(geometry)
        on_line.setdefault(int(owner), set()).update(map(tuple, np.round(xy[np.isclose(xy[:, 0], 200.0)], 9)))
    assert on_line[0] == on_line[1] and len(on_line[0]) > 2  # the cuts' ends, on both sides
    union = shapely.union_all(division.geometries)
    assert union.symmetric_difference(box(0, 0, 300, 300)).area < 1e-6


@pytest.mark.parametrize("offset", [0.0005, 0.004, 0.03])
def test_a_road_a_few_millimetres_inside_the_community_boundary_leaves_no_spike(offset):
    """Real community boundaries are drawn on road centre lines from another source: the main road runs
    along the boundary a few millimetres off and then meets it, and side roads end on the main road. The
    sliver between road and boundary spanned several blocks and ended as a spike, 300 m long here, on one
    grid (125 of the sample's grids had one), or took a whole block's place."""
    outline = box(0, 0, 400, 300)
    top = LineString([(-20, 300 - offset), (250, 300 - offset), (400, 300), (420, 300)])
    side = [[(x, -20), (x, top.interpolate(top.project(Point(x, 300))).y)] for x in (100, 200, 300)]
    across = [[(-20, y), (420, y)] for y in (100, 200)]
    division = divide_following([community(outline)], join(follow(*side, *across), follow(top.coords, rank=5)),
                                SETTINGS)
    grids = grids_of(division, 0)
    assert len(spikes(grids)) == 0, [shapely.to_wkt(g, rounding_precision=4) for g in grids[spikes(grids)]]
    assert_exact_cover(grids, outline)
    assert sorted(np.round(shapely.area(grids)).tolist()) == [10_000.0] * 12  # the road grid's 12 blocks
