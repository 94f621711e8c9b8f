"""core.cases.point_location: PointLocator gives exactly assign_to_grids's answer for points, much faster.

assign_to_grids (one STRtree query with prepared polygons per point) is the independent reference
throughout. Points are chosen where a raster would go wrong: polygon vertices (exactly on shared
boundaries), edge midpoints and points one ulp off them, raster cell corners, the outside.
Run as a script to time it on out/demo.gpkg (see the bottom of the file).
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely import affinity
from shapely.geometry import LineString, MultiPoint, MultiPolygon, Point, Polygon, box

from grid_plugin.core.cases.point_location import PointLocator
from grid_plugin.core.grids.lattice import lattice_pieces

DEMO = Path(__file__).resolve().parents[2] / "out" / "demo.gpkg"
METRES = (450_000.0, 4_420_000.0, 5_000.0)  # origin x, y and side of the square (~110 m cells)
DEGREES = (116.4, 39.9, 0.045)  # ~0.001° cells


def voronoi(count: int, x0: float, y0: float, side: float, seed: int) -> np.ndarray:
    """A coverage of `count` random Voronoi cells clipped to a square."""
    rng = np.random.default_rng(seed)
    seeds = MultiPoint(np.column_stack((x0 + side * rng.random(count), y0 + side * rng.random(count))))
    frame = box(x0, y0, x0 + side, y0 + side)
    cells = shapely.get_parts(shapely.voronoi_polygons(seeds, extend_to=frame))
    cells = shapely.intersection(cells, frame)
    return cells[~shapely.is_empty(cells)]


def probe_points(polygons: np.ndarray, seed: int, uniform: int = 150_000) -> tuple[np.ndarray, np.ndarray]:
    """Points that stress the boundaries: vertices, edge midpoints, midpoints nudged by one ulp
    either way, uniform points over the bounds (a margin outside included), NaN."""
    rng = np.random.default_rng(seed)
    xmin, ymin, xmax, ymax = shapely.total_bounds(polygons)
    pad = 0.05 * max(xmax - xmin, ymax - ymin)
    coords, ring = shapely.get_coordinates(shapely.get_rings(shapely.get_parts(polygons)), return_index=True)
    same = ring[1:] == ring[:-1]
    middle = ((coords[:-1] + coords[1:]) / 2)[same]
    up, down = np.nextafter(middle, np.inf), np.nextafter(middle, -np.inf)
    nudged = np.concatenate((up, down, np.column_stack((up[:, 0], down[:, 1]))))
    points = np.concatenate((
        coords, middle, nudged,
        np.column_stack((rng.uniform(xmin - pad, xmax + pad, uniform), rng.uniform(ymin - pad, ymax + pad, uniform))),
        [[np.nan, ymin], [xmin, np.nan], [np.nan, np.nan]],
    ))
    return points[:, 0], points[:, 1]


def reference(polygons: np.ndarray, x: np.ndarray, y: np.ndarray, priority: np.ndarray | None = None) -> np.ndarray:
    """The plain answer: one STRtree query per point (prepared polygons, intersects), the
    candidate with the lowest priority wins; -1 outside."""
    polygons = np.asarray(polygons, dtype=object)
    rank = np.arange(len(polygons)) if priority is None else np.asarray(priority)
    found = np.full(len(x), -1, dtype=np.int64)
    if len(polygons) == 0 or len(x) == 0:
        return found
    shapely.prepare(polygons)
    point, polygon = shapely.STRtree(polygons).query(shapely.points(x, y), predicate="intersects")
    order = np.lexsort((polygon, rank[polygon], point))
    point, polygon = point[order], polygon[order]
    first = np.r_[True, point[1:] != point[:-1]] if len(point) else np.zeros(0, dtype=bool)
    found[point[first]] = polygon[first]
    return found


def assert_agrees(polygons: np.ndarray, x: np.ndarray, y: np.ndarray, priority: np.ndarray | None = None,
                  **options: float) -> np.ndarray:
    got = PointLocator(polygons, priority, **options).locate(x, y)
    expected = reference(polygons, x, y, priority)
    wrong = np.flatnonzero(got != expected)
    assert len(wrong) == 0, f"{len(wrong)} points differ, e.g. {[(x[i], y[i], got[i], expected[i]) for i in wrong[:5]]}"
    return got


@pytest.fixture(scope="module", params=[METRES, DEGREES], ids=["metres", "degrees"])
def coverage(request: pytest.FixtureRequest) -> np.ndarray:
    return voronoi(2_000, *request.param, seed=7)


def test_a_voronoi_coverage_agrees_exactly_with_assign_to_grids_on_and_off_the_boundaries(coverage):
    x, y = probe_points(coverage, seed=1)
    assert len(x) > 200_000
    got = assert_agrees(coverage, x, y)
    vertices = len(shapely.get_coordinates(coverage))
    assert (got[:vertices] >= 0).all()  # every vertex is on some polygon's boundary
    assert (got == -1).sum() > 1_000  # and the margin outside is outside


def test_raster_cell_corners_and_edges_agree(coverage):
    """Points exactly on the raster's cell lines, where the cell index is a rounding away."""
    locator = PointLocator(coverage)
    xmin, ymin, xmax, ymax = shapely.total_bounds(coverage)
    size = locator.cell_size
    lines_x = xmin + size * np.arange(-3, (xmax - xmin) / size + 3, 7)
    lines_y = ymin + size * np.arange(-3, (ymax - ymin) / size + 3, 11)
    x, y = (a.ravel() for a in np.meshgrid(lines_x, lines_y))
    assert np.array_equal(locator.locate(x, y), reference(coverage, x, y))


def test_most_points_are_answered_by_the_raster(coverage):
    """Only points in cells crossed by an edge go to GEOS: a few per cent of uniform points."""
    rng = np.random.default_rng(3)
    xmin, ymin, xmax, ymax = shapely.total_bounds(coverage)
    locator = PointLocator(coverage)
    locator.locate(rng.uniform(xmin, xmax, 100_000), rng.uniform(ymin, ymax, 100_000))
    assert 0 < locator.exact_tests < 10_000


def test_priority_decides_who_gets_shared_vertices(coverage):
    x, y = probe_points(coverage, seed=2, uniform=20_000)
    reverse = np.arange(len(coverage))[::-1].copy()
    default = assert_agrees(coverage, x, y)
    reversed_ = assert_agrees(coverage, x, y, reverse)
    vertices = len(shapely.get_coordinates(coverage))
    changed = np.flatnonzero(default != reversed_)
    assert len(changed) > 1_000
    assert (changed < len(x) - 20_003).all()  # only points on boundaries move, not the uniform ones
    assert (changed < vertices).sum() > 1_000
    # a random priority too (ties are broken by rank, not by index)
    assert_agrees(coverage, x, y, np.random.default_rng(5).permutation(len(coverage)))


def test_a_coverage_with_gaps():
    cells = voronoi(2_000, *METRES, seed=11)
    rng = np.random.default_rng(12)
    kept = cells[rng.random(len(cells)) > 0.1]
    shrunk = rng.random(len(kept)) < 0.2
    kept[shrunk] = shapely.buffer(kept[shrunk], -3.0, join_style="mitre")  # small gaps along some edges
    kept = kept[~shapely.is_empty(kept)]
    x, y = probe_points(cells, seed=13)  # vertices of the dropped and shrunk cells fall in the gaps
    got = assert_agrees(kept, x, y)
    vertices = len(shapely.get_coordinates(cells))
    assert (got[:vertices] == -1).sum() > 100


def test_holes_islands_and_multipolygons():
    """Cells with holes (some filled by an island polygon, some empty) and cells merged into
    multipolygons with a distant cell."""
    cells = list(voronoi(1_500, *METRES, seed=21))
    rng = np.random.default_rng(22)
    islands = []
    for i in rng.choice(len(cells), 200, replace=False):
        cell = cells[i]
        hole = affinity.scale(cell, 0.4, 0.4, origin=cell.centroid)
        cells[i] = Polygon(cell.exterior.coords, [hole.exterior.coords])
        if i % 2:
            islands.append(Polygon(hole.exterior.coords))  # shares its whole boundary with the hole
    polygons = np.array(cells + islands, dtype=object)
    pairs = rng.choice(len(cells), (300, 2), replace=False)
    pairs = pairs[~shapely.intersects(polygons[pairs[:, 0]], polygons[pairs[:, 1]])][:150]
    for a, b in pairs:
        polygons[a] = MultiPolygon([*shapely.get_parts(polygons[a]), *shapely.get_parts(polygons[b])])
        polygons[b] = None  # a missing grid: never chosen
    present = polygons[~shapely.is_missing(polygons)]
    assert shapely.is_valid(present).all()
    x, y = probe_points(present, seed=23)
    got = assert_agrees(polygons, x, y)
    assert not np.isin(pairs[:, 1], got).any()
    assert np.isin(np.arange(len(cells), len(polygons)), got).all()  # islands win their interiors
    multi = shapely.get_type_id(polygons) == 6
    assert np.isin(np.flatnonzero(multi), got).all()


def test_road_following_grids_clipped_from_a_lattice():
    """Unit grids as the plugin makes them: lattice cells clipped to Voronoi communities, whose
    shared community edges are cut separately on each side (near-coincident vertices)."""
    x0, y0, side = METRES
    communities = voronoi(60, x0 + 0.37, y0 + 0.91, side, seed=31)
    grids = lattice_pieces(communities, 100.0, origin=(0.0, 0.0)).geometry
    assert 1_500 < len(grids) < 4_000
    assert_agrees(grids, *probe_points(grids, seed=32))


def test_overlapping_polygons_and_other_geometry_types_still_agree():
    """Not a coverage: overlapping boxes (the priority picks), a line and a point among them."""
    polygons = np.array([box(0, 0, 10, 10), box(5, 5, 15, 15), box(6, 6, 8, 8), LineString([(0, 12), (4, 20)]),
                         Point(20, 20), Polygon(), box(12, 0, 14, 2)], dtype=object)
    rng = np.random.default_rng(51)
    x = np.r_[rng.uniform(-1, 21, 50_000), 2, 20, 7, 7, 5, 12]
    y = np.r_[rng.uniform(-1, 21, 50_000), 16, 20, 7, 9, 5, 1]
    for priority in (None, np.array([6, 5, 4, 3, 2, 1, 0])):
        got = assert_agrees(polygons, x, y, priority)
        assert got[-6:].tolist() == ([3, 4, 0, 0, 0, 6] if priority is None else [3, 4, 2, 1, 1, 6])


@pytest.mark.parametrize("cell_size", [0.05, 1.0, 40.0, 1e4])
def test_any_cell_size_gives_the_same_answer(cell_size):
    cells = voronoi(300, 0.0, 0.0, 100.0, seed=61)
    x, y = probe_points(cells, seed=62, uniform=30_000)
    assert_agrees(cells, x, y, cell_size=cell_size)


def test_degenerate_inputs():
    square = np.array([Polygon([(0, 0), (4, 0), (4, 4), (0, 4)], [[(1, 1), (3, 1), (3, 3), (1, 3)]])], dtype=object)
    locator = PointLocator(square)
    assert locator.locate(np.array([]), np.array([])).tolist() == []
    x = np.array([0.5, 2, 1, np.nan, np.inf, 0.5])
    y = np.array([0.5, 2, 2, 0.5, 0.5, -np.inf])
    assert locator.locate(x, y).tolist() == [0, -1, 0, -1, -1, -1]  # inside, hole, hole edge, NaN, infinite
    assert locator.locate(np.array([[0.5, 5]]), np.array([[0.5, 5]])).tolist() == [[0, -1]]  # shape kept
    assert locator.locate(np.array([0.5]), np.array([0.5])).dtype == np.int64
    for nothing in (np.array([], dtype=object), np.array([None, Polygon()], dtype=object)):
        assert PointLocator(nothing).locate(np.array([0.5, np.nan]), np.array([0.5, 1.0])).tolist() == [-1, -1]
    # a polygon with a NaN coordinate is left to GEOS, whatever it says
    broken = np.array([Polygon([(0, 0), (1, np.nan), (1, 1)]), box(2, 2, 3, 3)], dtype=object)
    assert_agrees(broken, np.array([0.5, 2.5, 1.0]), np.array([0.5, 2.5, 1.0]))


def test_bad_arguments_are_refused():
    cells = np.array([box(0, 0, 1, 1)], dtype=object)
    with pytest.raises(ValueError, match="priority"):
        PointLocator(cells, priority=np.array([0, 1]))
    with pytest.raises(ValueError, match="cell_size"):
        PointLocator(cells, cell_size=0.0)
    with pytest.raises(ValueError, match="cells"):
        PointLocator(cells, cell_size=1e-5)
    with pytest.raises(ValueError, match="shape"):
        PointLocator(cells).locate(np.zeros(2), np.zeros(3))


def demo_grids(crs: str = "EPSG:4548") -> np.ndarray:
    """The sample district's unit grids (out/demo.gpkg), in EPSG:4548 or reprojected."""
    import fiona
    import pyproj
    from shapely.geometry import shape

    with fiona.open(DEMO, layer="unit_grids") as layer:
        grids = np.array([shape(feature["geometry"]) for feature in layer], dtype=object)
    if crs != "EPSG:4548":
        transformer = pyproj.Transformer.from_crs("EPSG:4548", crs, always_xy=True)
        grids = shapely.transform(grids, lambda c: np.column_stack(transformer.transform(c[:, 0], c[:, 1])))
    return grids


if __name__ == "__main__":
    # Timing (printed, not asserted): 1 M uniform points over the demo district's grids.
    rng = np.random.default_rng(0)
    for crs in ("EPSG:4548", "EPSG:4490"):
        grids = demo_grids(crs)
        xmin, ymin, xmax, ymax = shapely.total_bounds(grids)
        px, py = rng.uniform(xmin, xmax, 1_000_000), rng.uniform(ymin, ymax, 1_000_000)
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            locator = PointLocator(grids)
            t1 = time.perf_counter()
            found = locator.locate(px, py)
            runs.append((time.perf_counter() - t0, t1 - t0))
        total, build = min(runs)
        t0 = time.perf_counter()
        expected = reference(grids, px, py)
        slow = time.perf_counter() - t0
        print(f"{crs}: {len(grids)} grids, raster {locator.shape} cells of {locator.cell_size:.3g}, "
              f"{locator.exact_tests} points to GEOS; PointLocator build {build * 1e3:.0f} ms + locate "
              f"{(total - build) * 1e3:.0f} ms = {total * 1e3:.0f} ms ({1 / total:.1f} M points/s); "
              f"STRtree reference (points included) {slow:.2f} s ({1 / slow:.1f} M points/s); "
              f"identical: {np.array_equal(found, expected)}")
