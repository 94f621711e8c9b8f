import re
import warnings

import pytest
import shapely
from shapely.geometry import Polygon, box

from grid_plugin.core.errors import GridInputError
from grid_plugin.core.grids.codes import CommunityCode
from grid_plugin.core.grids.containers import prepare_containers


def codes(n):
    return [CommunityCode("110101", "001", f"{k + 1:03d}") for k in range(n)]


def test_valid_tiling_passes_untouched():
    geoms = [box(0, 0, 100, 100), box(100, 0, 200, 100)]
    containers, warnings = prepare_containers([1, 2], geoms, codes(2), ["街道"] * 2, ["甲", "乙"])
    assert warnings == [] and [c.community_name for c in containers] == ["甲", "乙"]


def test_invalid_geometry_is_repaired_with_a_warning_naming_the_feature():
    bowtie = Polygon([(0, 0), (100, 100), (100, 0), (0, 100)])
    containers, warnings = prepare_containers([5], [bowtie], codes(1))
    assert containers[0].geometry.is_valid and containers[0].geometry.area == pytest.approx(5000)
    assert len(warnings) == 1 and str(warnings[0]).startswith("feature 5: invalid geometry")


def test_repeated_vertices_are_dropped_so_distances_to_the_boundary_are_numbers():
    """Three of Manhattan's published neighbourhoods repeat a vertex: valid, but GEOS 3.11 answers
    distances to their boundary with NaN, which silently broke stitching and the quality figures."""
    ring = [(0, 0), (0, 0), (100, 0), (100, 100), (100, 100), (0, 100), (0, 0)]
    repeated = shapely.MultiPolygon([Polygon(ring)])
    containers, notes = prepare_containers([7], [repeated], codes(1))
    fixed = containers[0].geometry
    assert notes == [] and fixed.area == pytest.approx(10_000)
    assert len(shapely.get_coordinates(fixed)) == 5
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # GEOS's NaN arrives as numpy's "invalid value" warning
        distance = shapely.distance(shapely.points([50.0], [30.0]), shapely.boundary(fixed))
    assert distance[0] == pytest.approx(30.0)


def test_missing_and_non_polygon_geometries_are_rejected_listing_every_feature():
    with pytest.raises(GridInputError) as err:
        prepare_containers([3, 4, 9], [None, box(0, 0, 1, 1), shapely.LineString([(0, 0), (1, 1)])], codes(3))
    assert err.value.feature_ids == (3, 9)
    assert "feature 3 has no geometry" in str(err.value) and "feature 9 is a LineString" in str(err.value)


def test_empty_layer_is_an_error():
    with pytest.raises(GridInputError, match="no features"):
        prepare_containers([], [], [])


def test_duplicate_codes_are_listed():
    with pytest.raises(GridInputError, match=r"110101001001 \(#1, #2\)"):
        prepare_containers([1, 2], [box(0, 0, 1, 1), box(1, 0, 2, 1)], [CommunityCode("110101", "001", "001")] * 2)


def test_overlapping_communities_are_listed_in_pairs_with_their_area():
    geoms = [box(0, 0, 100, 100), box(90, 0, 200, 100), box(300, 0, 400, 100), box(320, 20, 340, 40)]
    with pytest.raises(GridInputError) as err:
        prepare_containers([10, 11, 12, 13], geoms, codes(4))
    text = str(err.value)
    assert "#10 110101001001 & #11 110101001002 (1000.0 m²)" in text
    assert "#12 110101001003 & #13 110101001004 (400.0 m²)" in text
    assert err.value.feature_ids == (10, 11, 12, 13)


def test_an_overlap_error_names_the_tolerance_that_would_accept_it():
    """Two communities overlapping by 1.1 m² (a strip 1.1 cm wide along a 100 m shared edge)."""
    geoms = [box(449_930.0, 4_420_010.0, 450_030.011, 4_420_110.0), box(450_030.0, 4_420_010.0, 450_130.0,
                                                                         4_420_110.0)]
    with pytest.raises(GridInputError) as err:
        prepare_containers([1, 2], geoms, codes(2), community_names=["甲", "乙"], overlap_tolerance_m2=1.0)
    text = str(err.value)
    assert "#1 110101001001 甲 & #2 110101001002 乙 (1.1 m²)" in text
    found = re.search(r"raise the overlap tolerance OVERLAP_TOLERANCE from 1 to ([\d.]+) m²", text)
    assert found and float(found[1]) in (1.1, 1.2)  # the next 0.1 m² above the overlap (1.1 ± rounding)
    containers, _ = prepare_containers([1, 2], geoms, codes(2), overlap_tolerance_m2=float(found[1]))
    assert len(containers) == 2


def test_digitising_noise_below_tolerance_is_not_an_overlap():
    geoms = [box(0, 0, 100.001, 100), box(100, 0, 200, 100)]
    containers, warnings = prepare_containers([1, 2], geoms, codes(2))
    assert [str(w)[:18] for w in warnings] == ["overlap of 0.1 m² "]
    assert shapely.intersection(containers[0].geometry, containers[1].geometry).area == 0.0
