"""core.grids.validation: every check finds its problem, with the right kind, grids, area and place."""

import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon, box

from grid_plugin.core.errors import Cancelled, GridInputError
from grid_plugin.core.grids.numbering import sequence_order
from grid_plugin.core.grids.validation import KINDS, ValidationSettings, validate_grids
from grid_plugin.core.grids.validation_report import report_html
from grid_plugin.core.progress import Progress

# Beijing-like Gauss-Krüger coordinates (EPSG:4548), on the 100 m lattice
X0, Y0 = 449_900.0, 4_420_000.0
A, B = "110101001001", "110101001002"


def cells(nx, ny, x0=X0, y0=Y0, size=100.0):
    x, y = np.meshgrid(np.arange(nx) * size + x0, np.arange(ny) * size + y0)
    return list(shapely.box(x.ravel(), y.ravel(), x.ravel() + size, y.ravel() + size))


def numbered(geometries, community=A, band=100.0):
    """Grids sorted into numbering order with their codes 001, 002, …"""
    centres = shapely.centroid(np.array(geometries, dtype=object))
    order = sequence_order(shapely.get_x(centres), shapely.get_y(centres), band)
    grids = [geometries[k] for k in order]
    return grids, [f"{community}{k + 1:03d}" for k in range(len(grids))]


def fids(n, first=1):
    return list(range(first, first + n))


def kinds(validation):
    return {kind for kind, count in validation.counts.items() if count}


def only(validation, kind):
    found = [p for p in validation.problems if p.kind == kind]
    assert len(found) == 1, [str(p.message) for p in validation.problems]
    return found[0]


def two_communities():
    """Community A (300 m × 200 m) with community B east of it, each tiled by 100 m grids."""
    grids_a, codes_a = numbered(cells(3, 2))
    grids_b, codes_b = numbered(cells(3, 2, x0=X0 + 300), B)
    communities = [(1, box(X0, Y0, X0 + 300, Y0 + 200), A), (2, box(X0 + 300, Y0, X0 + 600, Y0 + 200), B)]
    return grids_a + grids_b, codes_a + codes_b, communities


def test_clean_lattice_passes_with_and_without_communities():
    grids, codes = numbered(cells(2, 2))
    plain = validate_grids(grids, codes, fids(4))
    assert plain.passed and plain.problems == [] and plain.grid_count == 4
    assert list(plain.counts) == list(KINDS) and set(plain.counts.values()) == {0}
    with_communities = validate_grids(grids, codes, fids(4), [(7, box(X0, Y0, X0 + 200, Y0 + 200), A)])
    assert with_communities.passed


def test_missing_grid_inside_the_lattice_is_a_gap_at_its_place():
    grids, codes = numbered(cells(3, 3))
    del grids[4], codes[4]  # the centre cell; sequences may have gaps, so only the hole is news
    validation = validate_grids(grids, codes, fids(8))
    gap = only(validation, "gap")
    assert kinds(validation) == {"gap"}
    assert gap.area == pytest.approx(10_000) and gap.fids == ()
    centre = gap.geometry.centroid
    assert (centre.x, centre.y) == pytest.approx((X0 + 150, Y0 + 150))


def test_gap_at_the_community_edge_is_found_only_with_the_community():
    grids, codes = numbered(cells(3, 2))
    del grids[0], codes[0]  # north-west corner: open to the outside, no hole in the union
    assert validate_grids(grids, codes, fids(5)).passed
    validation = validate_grids(grids, codes, fids(5), [(1, box(X0, Y0, X0 + 300, Y0 + 200), A)])
    gap = only(validation, "gap")
    assert gap.area == pytest.approx(10_000) and A in str(gap.message)
    assert (gap.geometry.centroid.x, gap.geometry.centroid.y) == pytest.approx((X0 + 50, Y0 + 150))


def test_slivers_below_the_tolerance_are_not_gaps_or_overlaps():
    grids, codes = numbered(cells(3, 3))
    grids[4] = box(X0 + 100.004, Y0 + 100, X0 + 200.004, Y0 + 200)  # 0.4 m² open, 0.4 m² overlapping
    assert validate_grids(grids, codes, fids(9)).passed
    strict = validate_grids(grids, codes, fids(9), settings=ValidationSettings(tolerance=0.1))
    assert kinds(strict) == {"gap", "overlap"}


def test_overlap_names_both_grids_and_its_area():
    grids, codes = numbered(cells(3, 3))
    grids[3] = box(X0, Y0 + 100, X0 + 110, Y0 + 200)  # west grid of the middle row, 10 m into its neighbour
    validation = validate_grids(grids, codes, fids(9, first=11))
    overlap = only(validation, "overlap")
    assert kinds(validation) == {"overlap"}
    assert overlap.fids == (14, 15) and overlap.grid_code == f"{codes[3]}, {codes[4]}"
    assert overlap.area == pytest.approx(1_000)
    assert overlap.geometry.bounds == pytest.approx((X0 + 100, Y0 + 100, X0 + 110, Y0 + 200))
    assert codes[3] in str(overlap.message) and codes[4] in str(overlap.message)


def test_grid_reaching_into_another_community_is_a_crossing():
    grids, codes, communities = two_communities()
    east_of_a = codes.index(f"{A}003")
    west_of_b = codes.index(f"{B}001")
    grids[east_of_a] = box(X0 + 200, Y0 + 100, X0 + 330, Y0 + 200)  # 30 m into B
    grids[west_of_b] = box(X0 + 330, Y0 + 100, X0 + 400, Y0 + 200)  # B's grid gives way: no overlap, no gap
    validation = validate_grids(grids, codes, fids(12), communities)
    crossing = only(validation, "crossing_community")
    assert kinds(validation) == {"crossing_community"}
    assert crossing.fids == (east_of_a + 1,) and crossing.grid_code == f"{A}003"
    assert crossing.area == pytest.approx(3_000)
    assert f"{A} (10000.0 m²)" in str(crossing.message) and f"{B} (3000.0 m²)" in str(crossing.message)


def test_grid_outside_every_community_and_grid_coded_for_another_community():
    grids, codes, communities = two_communities()
    grids[0] = box(X0, Y0 + 100, X0 + 100, Y0 + 220)  # A's north-west grid, 20 m beyond the district
    codes[7] = f"{A}099"  # a grid of B carrying a code of A
    validation = validate_grids(grids, codes, fids(12), communities)
    outside = sorted((p for p in validation.problems if p.kind == "outside_community"), key=lambda p: p.fids)
    assert [p.fids for p in outside] == [(1,), (8,)]
    assert outside[0].area == pytest.approx(2_000)
    assert outside[0].geometry.bounds == pytest.approx((X0, Y0 + 200, X0 + 100, Y0 + 220))
    assert outside[1].area == pytest.approx(10_000) and A in str(outside[1].message)
    assert "crossing_community" not in kinds(validation)


def test_grid_of_a_community_not_given_is_unknown():
    grids, codes, communities = two_communities()
    codes[2] = "110101001099" + codes[2][-3:]
    validation = validate_grids(grids, codes, fids(12), communities)
    unknown = only(validation, "unknown_community")
    assert unknown.fids == (3,) and "110101001099" in str(unknown.message)
    assert "outside_community" not in kinds(validation)


def test_areas_below_the_minimum_and_above_the_maximum():
    geometries = cells(6, 2)
    geometries[0] = box(X0, Y0, X0 + 100, Y0 + 20)  # south-west grid cut to 2,000 m²...
    geometries.append(box(X0, Y0 + 20, X0 + 100, Y0 + 100))  # ...and the rest of its cell
    del geometries[9:12]
    geometries[3:6] = [box(X0 + 300, Y0, X0 + 600, Y0 + 200)]  # six cells merged: 60,000 m²
    grids, codes = numbered(geometries)
    validation = validate_grids(grids, codes, fids(len(grids)))
    assert kinds(validation) == {"area_small", "area_large"}
    small, large = only(validation, "area_small"), only(validation, "area_large")
    assert small.area == pytest.approx(2_000) and grids[small.fids[0] - 1].area == pytest.approx(2_000)
    assert large.area == pytest.approx(60_000) and large.geometry.equals(box(X0 + 300, Y0, X0 + 600, Y0 + 200))
    # 0 disables either bound
    assert validate_grids(grids, codes, fids(len(grids)), settings=ValidationSettings(min_area=0, max_area=0)).passed


def test_malformed_codes_are_each_reported():
    grids, codes = numbered(cells(3, 2))
    codes[1], codes[2], codes[3] = None, "11010100100", f"{A}000"
    validation = validate_grids(grids, codes, fids(6))
    malformed = [p for p in validation.problems if p.kind == "malformed_code"]
    assert [p.fids for p in malformed] == [(2,), (3,), (4,)]
    assert "feature 2 has no grid code" in str(malformed[0].message)
    assert "'11010100100' must be 15 digits" in str(malformed[1].message)
    assert "sequence 000" in str(malformed[2].message)
    assert kinds(validation) == {"malformed_code"}  # the others stay in order among themselves
    codes[1] = "１１０１０１００１００１００２"  # full-width digits typed with a Chinese IME
    assert "must be 15 digits" in str(validate_grids(grids, codes, fids(6)).problems[0].message)


def test_numeric_codes_from_spreadsheets_are_normalised():
    grids, codes = numbered(cells(2, 1))
    assert validate_grids(grids, [float(c) for c in codes], fids(2)).passed


def test_duplicate_code_lists_every_grid_carrying_it():
    grids, codes = numbered(cells(3, 2))
    codes[4] = codes[1]
    validation = validate_grids(grids, codes, fids(6))
    duplicate = only(validation, "duplicate_code")
    assert duplicate.fids == (2, 5) and duplicate.grid_code == codes[1]
    assert duplicate.geometry.area == pytest.approx(20_000)
    assert kinds(validation) == {"duplicate_code"}  # duplicated grids are left out of the numbering check


def test_swapped_sequence_numbers_are_both_reported_with_the_expected_number():
    grids, codes = numbered(cells(3, 2))
    codes[1], codes[4] = codes[4], codes[1]
    validation = validate_grids(grids, codes, fids(6))
    wrong = [p for p in validation.problems if p.kind == "sequence_order"]
    assert kinds(validation) == {"sequence_order"}
    assert [p.fids for p in wrong] == [(2,), (5,)]
    assert "has sequence 005, but its position in community 110101001001 calls for 002" in str(wrong[0].message)


def test_sequence_gaps_are_allowed_and_columns_order_is_honoured():
    grids, codes = numbered(cells(3, 2))
    gappy = [c[:-3] + f"{10 * (k + 1):03d}" for k, c in enumerate(codes)]  # 010, 020, … (retired grids kept theirs)
    assert validate_grids(grids, gappy, fids(6)).passed
    columns = validate_grids(grids, codes, fids(6), settings=ValidationSettings(order="columns"))
    assert kinds(columns) == {"sequence_order"}
    # a layer re-divided with stable codes numbers new grids after all others: the check can be off
    assert validate_grids(grids, codes, fids(6), settings=ValidationSettings(order="columns",
                                                                             check_sequence=False)).passed


def test_missing_and_invalid_geometries_are_reported_and_the_rest_still_checked():
    grids, codes = numbered(cells(3, 3))
    grids[0] = None
    grids[4] = Polygon([(X0 + 100, Y0 + 100), (X0 + 200, Y0 + 200), (X0 + 200, Y0 + 100), (X0 + 100, Y0 + 200)])
    validation = validate_grids(grids, codes, fids(9), settings=ValidationSettings(min_area=0))
    assert only(validation, "missing_geometry").fids == (1,)
    assert only(validation, "invalid_geometry").fids == (5,)
    gaps = [p for p in validation.problems if p.kind == "gap"]  # the bow tie leaves two triangles open
    assert [p.area for p in gaps] == pytest.approx([2_500, 2_500])
    assert only(validation, "invalid_geometry").geometry.area == pytest.approx(5_000)  # located by its repair
    grids[8] = shapely.Point(X0 + 250, Y0 + 250)
    point = [p for p in validate_grids(grids, codes, fids(9)).problems if p.fids == (9,)]
    assert [p.kind for p in point] == ["invalid_geometry"] and "a Point, not a polygon" in str(point[0].message)


def test_bad_settings_and_overlapping_communities_are_input_errors():
    grids, codes = numbered(cells(2, 1))
    with pytest.raises(GridInputError, match="larger than the maximum"):
        validate_grids(grids, codes, fids(2), settings=ValidationSettings(min_area=5_000, max_area=4_000))
    with pytest.raises(GridInputError, match="communities overlap"):
        validate_grids(grids, codes, fids(2), [(1, box(X0, Y0, X0 + 200, Y0 + 100), A),
                                               (2, box(X0 + 100, Y0, X0 + 300, Y0 + 100), B)])
    with pytest.raises(GridInputError, match="community feature 3: community code '1101' .* must be 12 digits"):
        validate_grids(grids, codes, fids(2), [(3, box(X0, Y0, X0 + 200, Y0 + 100), "1101")])


def test_cancel_stops_the_validation():
    grids, codes = numbered(cells(2, 2))
    with pytest.raises(Cancelled):
        validate_grids(grids, codes, fids(4), progress=Progress(is_cancelled=lambda: True))


def test_twenty_thousand_grids_in_twenty_five_communities():
    grids, codes, communities = [], [], []
    for k in range(25):
        x0, y0 = X0 + (k % 5) * 4_000, Y0 + (k // 5) * 2_000
        community = f"110101{k // 10 + 1:03d}{k % 10 + 1:03d}"
        g, c = numbered(cells(40, 20, x0, y0), community)
        grids += g
        codes += c
        communities.append((k + 1, box(x0, y0, x0 + 4_000, y0 + 2_000), community))
    assert len(grids) == 20_000
    codes[123], codes[124] = codes[124], codes[123]
    validation = validate_grids(grids, codes, fids(len(grids)), communities)
    assert [p.fids for p in validation.problems] == [(124,), (125,)]


def test_report_escapes_data_and_translates_labels():
    grids, codes = numbered(cells(2, 2))
    codes[0] = "<b>1</b>"
    validation = validate_grids(grids, codes, fids(4))
    page = report_html(validation, "grids & more.gpkg", translate=lambda text: "»" + text,
                       settings=ValidationSettings(), crs="EPSG:4548")
    assert "&lt;b&gt;1&lt;/b&gt;" in page and "<b>1</b>" not in page
    assert "grids &amp; more.gpkg" in page
    for label in ("Unit grid validation report", "Failed", "Malformed code", "Grid code", "Location (x, y)",
                  "feature 1: grid code"):
        assert "»" + label in page, label
    assert f"{X0 + 50:.2f}, {Y0 + 150:.2f}" in page  # the problem's location
    passed = report_html(validate_grids(*numbered(cells(2, 2)), fids(4)), "ok")
    assert "Passed" in passed and "No problems found." in passed
