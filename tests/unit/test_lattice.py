import numpy as np
import pytest
import shapely
from shapely.geometry import box

from grid_plugin.core.errors import Cancelled, GridInputError
from grid_plugin.core.grids.codes import GRID_CODE_PATTERN, CommunityCode
from grid_plugin.core.grids.containers import Container
from grid_plugin.core.grids.lattice import divide_lattice
from grid_plugin.core.grids.numbering import sequence_order
from grid_plugin.core.grids.precision import DEFAULT_PRECISION_M
from grid_plugin.core.progress import Progress

# Beijing-like Gauss-Krüger coordinates (EPSG:4548): the lattice must work far from the origin.
X0, Y0 = 449_930.0, 4_420_010.0


def community(geometry, number=1, fid=None):
    return Container(fid if fid is not None else number, geometry, CommunityCode("110101", "001", f"{number:03d}"))


def random_community(seed, radius=600.0, vertices=40):
    rng = np.random.default_rng(seed)
    angle = np.sort(rng.uniform(0, 2 * np.pi, vertices))
    r = rng.uniform(0.55 * radius, radius, vertices)
    return shapely.Polygon(np.c_[X0 + r * np.cos(angle), Y0 + r * np.sin(angle)])


def grids_of(division, k):
    return division.geometries[division.container_index == k]


def assert_exact_cover(grids, container_geometry):
    # grids lie on the 1 mm precision grid (core.grids.precision): every point of the outline moves less than
    # 1 mm, so the cover differs from the community by less than its length × 1 mm
    gap_or_spill = shapely.union_all(grids).symmetric_difference(container_geometry).area
    bound = max(1.0, container_geometry.length * DEFAULT_PRECISION_M)
    assert gap_or_spill < bound, f"cover differs from the community by {gap_or_spill} m²"
    tree = shapely.STRtree(grids)
    left, right = tree.query(grids, predicate="intersects")
    pairs = left < right
    overlap = shapely.area(shapely.intersection(grids[left[pairs]], grids[right[pairs]])).sum()
    assert overlap < 1e-6, f"grids overlap by {overlap} m²"


@pytest.mark.parametrize("seed", range(6))
def test_grids_cover_each_community_exactly_without_overlap(seed):
    geom = random_community(seed)
    division = divide_lattice([community(geom)])
    assert_exact_cover(division.geometries, geom)
    assert all(g.is_valid and g.geom_type == "Polygon" for g in division.geometries)


@pytest.mark.parametrize("seed", range(6))
def test_every_grid_reaches_the_minimum_area_and_stays_compact(seed):
    division = divide_lattice([community(random_community(seed))], cell=100.0)
    areas = shapely.area(division.geometries)
    assert areas.min() >= 3000.0
    # a remnant joins one neighbour, so no grid exceeds a cell plus remnants below the minimum
    assert areas.max() < 10_000 + 4 * 3000.0


def test_codes_are_fifteen_digits_unique_and_numbered_west_east_north_south():
    containers = [community(random_community(s), number=s + 1) for s in range(3)]
    # move the communities apart so they do not overlap
    containers = [
        Container(c.fid, shapely.affinity.translate(c.geometry, xoff=1500.0 * k), c.code)
        for k, c in enumerate(containers)
    ]
    division = divide_lattice(containers)
    codes = division.codes(containers)
    assert all(GRID_CODE_PATTERN.match(code) for code in codes)
    assert len(set(codes)) == len(codes)
    for k, c in enumerate(containers):
        mine = division.container_index == k
        assert [code[:12] for code in np.array(codes)[mine]] == [c.code.code12] * mine.sum()
        grids = division.geometries[mine]
        centroids = shapely.centroid(grids)
        expected = sequence_order(shapely.get_x(centroids), shapely.get_y(centroids), 100.0, "rows")
        assert list(expected) == list(range(len(grids))), "grids are not in numbering order"
        assert list(division.sequence[mine]) == list(range(1, len(grids) + 1))


def test_rerun_gives_identical_grids_and_codes():
    containers = [community(random_community(11))]
    first, second = divide_lattice(containers), divide_lattice(containers)
    assert first.codes(containers) == second.codes(containers)
    assert list(shapely.to_wkb(first.geometries)) == list(shapely.to_wkb(second.geometries))


def test_lattice_is_anchored_to_the_crs_origin_not_to_the_data():
    shifted = box(X0 + 37.0, Y0 + 11.0, X0 + 837.0, Y0 + 611.0)
    division = divide_lattice([community(shifted)], min_area=0.0)
    xy = shapely.get_coordinates(division.geometries)

    def on_lattice_or_edge(values, edges):
        remainder = values % 100.0
        near = np.isclose(remainder, 0) | np.isclose(remainder, 100)
        return near | np.isin(np.round(values, 6), edges)

    assert on_lattice_or_edge(xy[:, 0], [X0 + 37.0, X0 + 837.0]).all()
    assert on_lattice_or_edge(xy[:, 1], [Y0 + 11.0, Y0 + 611.0]).all()


def test_remnant_joins_the_neighbour_with_the_longest_shared_edge():
    # 2 x 2 full cells plus a 15 m strip on the east: strip pieces of 1500 m² (shares 100 m
    # with the cell west of it) and 750 m² (shares 50 m with the cell west of it, 15 m with
    # the strip piece below).
    geom = shapely.union_all([box(0, 0, 200, 200), box(200, 0, 215, 150)])
    division = divide_lattice([community(geom)])
    areas = sorted(np.round(shapely.area(division.geometries)).tolist())
    assert areas == [10_000, 10_000, 10_750, 11_500]
    assert_exact_cover(division.geometries, geom)


def test_remnant_chain_merges_until_above_minimum():
    geom = box(0, 0, 220, 100)  # 2 cells + a 2000 m² strip
    division = divide_lattice([community(geom)])
    assert sorted(np.round(shapely.area(division.geometries)).tolist()) == [10_000, 12_000]


def test_community_smaller_than_the_minimum_is_one_grid_with_a_warning_naming_it():
    geom = box(X0, Y0, X0 + 40, Y0 + 40)
    division = divide_lattice([community(geom)])
    assert len(division) == 1
    assert [str(w) for w in division.warnings] == [
        "community 110101001001 (feature 1) covers only 1600.00 m², less than the minimum grid area of 3000 m², "
        "and becomes one grid that small; if it is a sliver left by digitising, merge it into its neighbour or "
        "delete it"]


def test_isolated_remnant_is_kept_and_reported():
    island = box(1000, 1000, 1030, 1030)
    geom = shapely.MultiPolygon([box(0, 0, 300, 300), island])
    division = divide_lattice([community(geom, fid=42)])
    assert_exact_cover(division.geometries, geom)
    assert any(g.equals(island) for g in division.geometries)
    assert len(division.warnings) == 1 and "feature 42" in str(division.warnings[0])


def test_a_cell_cut_in_two_by_the_boundary_gives_two_pieces_not_one_multipart_grid():
    # a U shape whose notch splits cells into separate parts
    geom = box(0, 0, 300, 300).difference(box(40, 100, 260, 300))
    division = divide_lattice([community(geom)], min_area=0.0)
    assert all(g.geom_type == "Polygon" for g in division.geometries)
    assert_exact_cover(division.geometries, geom)


def test_more_than_999_grids_in_one_community_is_an_error_naming_it():
    huge = box(0, 0, 3200, 3200)  # 1024 cells
    with pytest.raises(GridInputError, match=r"110101001001 \(feature 1\): 1,024 grids\. Split these communities, "
                                             r"or raise the cell size CELL_SIZE to at least 10\d m"):
        divide_lattice([community(huge)])


def test_bad_parameters_are_rejected():
    with pytest.raises(GridInputError):
        divide_lattice([community(box(0, 0, 10, 10))], cell=0)
    with pytest.raises(GridInputError):
        divide_lattice([community(box(0, 0, 10, 10))], cell=100, min_area=20_000)


def test_cancel_stops_the_run():
    with pytest.raises(Cancelled):
        divide_lattice([community(random_community(1))], progress=Progress(is_cancelled=lambda: True))


def test_progress_reaches_100_percent():
    seen = []
    divide_lattice([community(random_community(2))], progress=Progress(report=seen.append))
    assert seen[-1] == 100.0


def test_batching_of_candidate_cells_does_not_change_the_result(monkeypatch):
    containers = [community(random_community(s), number=s + 1) for s in range(3)]
    containers = [Container(c.fid, shapely.affinity.translate(c.geometry, xoff=1500.0 * k), c.code)
                  for k, c in enumerate(containers)]
    whole = divide_lattice(containers)
    monkeypatch.setattr("grid_plugin.core.grids.lattice._BOXES_PER_BLOCK", 7)  # rows split, many batches
    batched = divide_lattice(containers)
    assert whole.codes(containers) == batched.codes(containers)
    assert all(a.equals_exact(b, 0) for a, b in zip(whole.geometries, batched.geometries))
