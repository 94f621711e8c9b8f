"""core.grids.precision (grids on a precision grid), core.geodesy.reprojection (polygons a transform made invalid)
and the geometry checks of core.grids.validation (near_degenerate, invalid_in_crs): issue 22."""

from __future__ import annotations

import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import box

from grid_plugin.core.errors import GridInputError
from grid_plugin.core.export import resolve_target, transform_geometries
from grid_plugin.core.geodesy.reprojection import STRUCTURE_METHOD, invalid_in, repair_transformed, reproject
from grid_plugin.core.grids.codes import CommunityCode
from grid_plugin.core.grids.containers import Container
from grid_plugin.core.grids.precision import (
    DEFAULT_PRECISION_M,
    clearance_below,
    on_grid,
    snap_coverage,
    snap_division,
    snap_each,
)
from grid_plugin.core.grids.validation import INVALID_IN_CRS, NEAR_DEGENERATE, ValidationSettings, validate_grids
from grid_plugin.core.grids.validation_report import report_html
from tests.unit.test_grid_validity import notches

G = DEFAULT_PRECISION_M
X0, Y0 = 449_930.0, 4_420_010.0  # Gauss-Krüger coordinates (EPSG:4548), as in Beijing


def segments(grids):
    """Every ring segment (endpoints in a fixed order) with the grid it belongs to."""
    rings, ring_grid = shapely.get_rings(shapely.get_parts(grids), return_index=True)
    parts, part_grid = shapely.get_parts(grids, return_index=True)
    del parts
    xy, ring = shapely.get_coordinates(rings, return_index=True)
    same = ring[:-1] == ring[1:]
    a, b = xy[:-1][same], xy[1:][same]
    swap = (a[:, 0] > b[:, 0]) | ((a[:, 0] == b[:, 0]) & (a[:, 1] > b[:, 1]))
    keys = np.column_stack([np.where(swap[:, None], b, a), np.where(swap[:, None], a, b)])
    return keys, part_grid[ring_grid[ring[:-1][same]]]


def assert_clean_coverage(grids, outline):
    """Valid, clearance ≥ the precision, every segment inside the outline shared by exactly two grids,
    no overlap, the union within the outline's length × the precision of the outline."""
    grids = np.asarray(grids, dtype=object)
    assert shapely.is_valid(grids).all()
    assert not clearance_below(grids, G).any()
    assert on_grid(grids, G).all()
    keys, _ = segments(grids)
    unique, count = np.unique(keys, axis=0, return_counts=True)
    inside = shapely.distance(shapely.points((unique[:, :2] + unique[:, 2:]) / 2), outline.boundary) > G
    assert (count[inside] == 2).all(), "an inner edge that two grids do not share exactly"
    left, right = shapely.STRtree(grids).query(grids, predicate="intersects")
    pairs = left < right
    assert shapely.area(shapely.intersection(grids[left[pairs]], grids[right[pairs]])).max(initial=0) < 1e-9
    assert shapely.area(shapely.symmetric_difference(shapely.union_all(grids), outline)) < outline.length * G


def awkward_coverage():
    """Four grids of a 200 × 100 m block, made the way division makes them go wrong: a cut ending a few
    ulps beside the vertex of the neighbour's edge (a T-junction), a vertex 1e-9 m from an edge of its own
    grid, a spike 0.3 mm wide, and a sliver 0.4 mm wide between a cut and a road."""
    x, y = X0 + 0.123456789, Y0 + 0.987654321
    west = shapely.Polygon([(x, y), (x + 100, y), (x + 100, y + 50 + 1e-10), (x + 100, y + 100), (x, y + 100)])
    # the east grids split at y + 50 (the west grid has a vertex there, a few ulps off the line)
    south_east = shapely.Polygon([(x + 100, y), (x + 200, y), (x + 200, y + 50), (x + 100, y + 50)])
    # a spike along the north edge, 0.3 mm wide
    north_east = shapely.Polygon([(x + 100, y + 50), (x + 200, y + 50), (x + 200, y + 100), (x + 150.0003, y + 100),
                                  (x + 150.00015, y + 130), (x + 150, y + 100), (x + 100, y + 100)])
    return np.array([west, south_east, north_east], dtype=object), box(x, y, x + 200, y + 100)


def test_an_awkward_coverage_comes_out_clean_and_still_tiling():
    grids, outline = awkward_coverage()
    snap = snap_coverage(grids)
    assert len(snap.collapsed) == 0 and len(snap.unresolved) == 0
    spike_free = shapely.union_all([outline, grids[2]])
    assert_clean_coverage(snap.geometries, spike_free)
    assert snap.max_area_change < 0.02  # 0.0045 m² of spike, and rounding
    again = snap_coverage(snap.geometries)
    assert again.changed == 0 and shapely.equals_exact(again.geometries, snap.geometries, 0).all()


def test_snapping_does_not_depend_on_the_order_of_the_grids():
    grids, _ = awkward_coverage()
    reference = snap_coverage(grids).geometries
    order = np.array([2, 0, 1])
    shuffled = snap_coverage(grids[order]).geometries
    assert shapely.equals(shapely.normalize(shuffled), shapely.normalize(reference[order])).all()


def test_a_vertex_micrometres_from_an_edge_of_its_own_grid_is_put_on_it():
    # a notch whose tip comes within 0.3 mm of the bottom edge: the neck closes to a shared vertex
    x, y = X0, Y0
    notch = shapely.Polygon([(x, y), (x + 100, y + 3), (x + 100, y + 100), (x + 50, y + 1.5003), (x, y + 100)])
    assert notch.is_valid and shapely.minimum_clearance(notch) < G
    [snapped] = snap_coverage(np.array([notch], dtype=object), fragment_m2=0.0).geometries
    assert snapped.is_valid and not clearance_below(np.array([snapped]), G)[0]
    assert abs(snapped.area - notch.area) < 0.1


def test_whole_cells_on_the_grid_and_grids_far_from_any_work_are_left_as_they_are():
    cells = np.array([box(X0 + 100 * i, Y0, X0 + 100 * (i + 1), Y0 + 100) for i in range(5)], dtype=object)
    near = shapely.Polygon([(X0 + 500, Y0), (X0 + 600.00004, Y0), (X0 + 600, Y0 + 100), (X0 + 500, Y0 + 100)])
    grids = np.concatenate([cells, [near]])
    snap = snap_coverage(grids)
    assert all(snap.geometries[k] is grids[k] for k in range(4))  # the same objects: not even copied
    assert shapely.equals(snap.geometries[4], cells[4]) and snap.geometries[5].is_valid
    assert on_grid(snap.geometries, G).all()


def test_a_pinched_off_sliver_joins_the_neighbour_of_its_own_community_only():
    x, y = X0, Y0
    # a 0.5 m² tail on the east side of a grid, behind a neck 0.6 mm wide (a vertex 0.6 mm from the
    # opposite edge, outside the half-millimetre square snap-rounding closes on its own)
    tail = [(x + 101.5, y + 40.0015), (x + 101.5, y + 40.5), (x + 100.8, y + 40.5), (x + 100.4, y + 40.001),
            (x + 100, y + 40.5)]
    grid = shapely.Polygon([(x, y), (x + 100, y), (x + 100, y + 40), *tail, (x + 100, y + 100), (x, y + 100)])
    east = shapely.Polygon([(x + 100, y), (x + 200, y), (x + 200, y + 100), (x + 100, y + 100), *tail[::-1],
                            (x + 100, y + 40)])
    grids = np.array([grid, east], dtype=object)
    assert shapely.is_valid(grids).all() and clearance_below(grids, G).tolist() == [True, True]
    same = snap_coverage(grids, groups=np.array([0, 0])).geometries
    assert [g.geom_type for g in same] == ["Polygon", "Polygon"]
    moved = grid.area - same[0].area
    assert 0.3 < moved < 1.0 and same[1].area == pytest.approx(east.area + moved, abs=1e-6)
    assert_clean_coverage(same, box(x, y, x + 200, y + 100))
    other = snap_coverage(grids, groups=np.array([0, 1])).geometries  # another community: the tail stays
    assert other[0].geom_type == "MultiPolygon" and other[0].area == pytest.approx(grid.area, abs=0.01)
    assert_clean_coverage(other, box(x, y, x + 200, y + 100))


def test_overlapping_communities_keep_their_overlap():
    a = shapely.Polygon([(X0, Y0), (X0 + 100.0001, Y0), (X0 + 100.0001, Y0 + 100), (X0, Y0 + 100)])
    b = box(X0 + 99.5, Y0 + 0.0002, X0 + 200, Y0 + 100.0002)
    snapped = snap_coverage(np.array([a, b], dtype=object), groups=np.array([0, 1])).geometries
    assert shapely.intersection(snapped[0], snapped[1]).area == pytest.approx(50.0, abs=0.05)


def community(geometry, number):
    return Container(number, geometry, CommunityCode("110101", "001", f"{number:03d}"), community_name=f"社区{number}")


def test_a_grid_narrower_than_the_precision_vanishes_with_a_warning_and_a_community_cannot():
    wide = box(X0, Y0, X0 + 100, Y0 + 100)
    hair = shapely.Polygon([(X0 + 100, Y0), (X0 + 100.0002, Y0), (X0 + 100.0002, Y0 + 100), (X0 + 100, Y0 + 100)])
    containers = [community(shapely.union(wide, hair), 1)]
    snap, keep, warnings = snap_division(np.array([wide, hair], dtype=object), np.array([0, 0]), containers, G)
    assert keep.tolist() == [True, False] and len(warnings) == 1
    assert "vanished on the precision grid" in str(warnings[0]) and "社区1" in str(warnings[0])
    with pytest.raises(GridInputError, match="narrower than the precision of 0.001 m everywhere"):
        snap_division(np.array([hair], dtype=object), np.array([0]), [community(hair, 2)], G)


def test_the_precision_is_checked():
    with pytest.raises(GridInputError, match="between"):
        snap_coverage(np.array([box(0, 0, 1, 1)], dtype=object), precision=2.0)


def test_retired_grids_are_each_put_on_the_grid():
    grids, _ = awkward_coverage()
    each = snap_each(grids)
    assert on_grid(each, G).all() and shapely.is_valid(each).all()


@pytest.mark.parametrize("target", ["EPSG:4490", "EPSG:4326", "EPSG:3857", "GCJ02"])
def test_polygons_a_transform_made_invalid_are_repaired_deterministically(target):
    moved = reproject(notches(60), "EPSG:4548", target)
    bad, reasons = invalid_in(moved)
    assert len(bad) > 5 and all("Self-intersection" in r or "Ring" in r for r in reasons)
    repaired, count = repair_transformed(moved)
    assert count == len(bad)
    assert shapely.is_valid(repaired).all() and set(shapely.get_type_id(repaired).tolist()) == {6}
    again, _ = repair_transformed(moved)
    assert shapely.equals_exact(again, repaired, 0).all()
    assert np.allclose(shapely.area(repaired), shapely.area(moved), rtol=1e-6)


def test_repair_leaves_other_geometries_and_uses_the_structure_method_where_there_is_one():
    points = np.array([shapely.Point(1, 2), None, shapely.LineString([(0, 0), (1, 1)])], dtype=object)
    out, count = repair_transformed(points)
    assert count == 0 and out[0] is points[0] and out[1] is None and out[2] is points[2]
    expected = shapely.__version__ >= "2.1" and shapely.geos_version >= (3, 10, 0)
    assert expected == STRUCTURE_METHOD


def test_exports_repair_and_count_what_the_transform_broke():
    grids = notches(40)
    moved, repaired = transform_geometries(grids, pyproj.CRS.from_epsg(4548).to_wkt(), resolve_target("cgcs2000"))
    assert repaired > 0 and shapely.is_valid(moved).all()


def test_the_validator_reports_near_degenerate_grids_and_grids_invalid_in_another_crs():
    grids = notches(30)
    codes = [f"110101001001{k + 1:03d}" for k in range(len(grids))]
    fids = list(range(1, len(grids) + 1))
    moved = {"EPSG:4490": reproject(grids, "EPSG:4548", "EPSG:4490")}
    settings = ValidationSettings(min_area=0, max_area=0, check_sequence=False)
    result = validate_grids(grids, codes, fids, settings=settings, reprojected=moved)
    counts = result.counts
    assert counts[NEAR_DEGENERATE] == len(grids)
    assert counts[INVALID_IN_CRS] == len(invalid_in(moved["EPSG:4490"])[0]) > 0
    first = next(p for p in result.problems if p.kind == INVALID_IN_CRS)
    assert "invalid in EPSG:4490" in str(first.message) and first.fids and first.grid_code
    near = next(p for p in result.problems if p.kind == NEAR_DEGENERATE)
    assert "closer than the minimum clearance of 0.001 m" in str(near.message)
    html = report_html(result, "grids", settings=settings, check_crs=["EPSG:4490"])
    assert "Near-degenerate geometry" in html and "Invalid after reprojection" in html and "EPSG:4490" in html
    off = validate_grids(grids, codes, fids, settings=ValidationSettings(0, 0, check_sequence=False, clearance=0))
    assert off.counts[NEAR_DEGENERATE] == 0 and off.counts[INVALID_IN_CRS] == 0
    clean = snap_coverage(grids, fragment_m2=0.0).geometries
    moved = {"EPSG:4490": reproject(clean, "EPSG:4548", "EPSG:4490")}
    assert validate_grids(clean, codes, fids, settings=settings, reprojected=moved).passed
