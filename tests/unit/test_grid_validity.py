"""Issue 22: every grid the division makes is valid in the working CRS and in every CRS it is written
to (EPSG:4490 of the case store, EPSG:4326, Web Mercator, a Gauss-Krüger zone, GCJ-02), keeps every
vertex at least 1 mm from the edges of its own grid (minimum clearance), and still covers each
community exactly, with neighbours sharing their edges.

The checks use only the division's own entry points, shapely, pyproj and core.geodesy.offsets (no helper of
core.grids.precision or core.geodesy.reprojection), so they run against any version of the plugin: before the
precision grid, the sample's road-following grids had 133 near-degenerate grids and one invalid in
EPSG:4490, and the 6 km² slice of the benchmark district four.
"""

from __future__ import annotations

import sys

import fiona
import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import shape

from grid_plugin.core.geodesy.offsets import wgs84_to_gcj02
from grid_plugin.core.grids.codes import CommunityCode, parse_community_code
from grid_plugin.core.grids.containers import Container, prepare_containers
from grid_plugin.core.grids.follow import (
    DEFAULT_ROAD_RANK,
    FollowLines,
    WeightPoints,
    divide_following,
    road_class_rank,
)
from grid_plugin.core.grids.lattice import divide_lattice
from tests.conftest import REPO, SAMPLE_GPKG

WORKING = "EPSG:4548"  # CGCS2000 3-degree Gauss-Krüger zone, CM 117E: the sample's working CRS
# where grids are written: the case store, WGS84, Web Mercator, the 6-degree zone of 117E, Chinese web maps
TARGETS = ("EPSG:4490", "EPSG:4326", "EPSG:3857", "EPSG:4509", "GCJ02")
CLEARANCE_M = 0.001  # the default precision grid of dividegrids
NOISE_M = 2e-8  # distances between grid points at 4.4e6 m are off by this much
BENCH_SLICE_KM2 = 6
GK_X, GK_Y = 449_930.0, 4_420_010.0  # EPSG:4548 coordinates in Beijing


def notches(count, seed=1):
    """Polygons valid in EPSG:4548 with a vertex 1e-12 to 1e-9 m from an oblique edge of their own: about
    half turn invalid in EPSG:4490 (the transform's rounding moves the vertex across)."""
    rng = np.random.default_rng(seed)
    out = []
    while len(out) < count:
        column, row = len(out) % 20, len(out) // 20  # 300 m apart: no two overlap
        a = np.array([GK_X + 300 * column + rng.uniform(0, 50), GK_Y + 300 * row + rng.uniform(0, 50)])
        angle = rng.uniform(0, np.pi)
        along, across = np.array([np.cos(angle), np.sin(angle)]), np.array([-np.sin(angle), np.cos(angle)])
        b = a + 100 * along
        tip = a + rng.uniform(0.2, 0.8) * (b - a) + 10 ** rng.uniform(-12, -9) * across
        polygon = shapely.Polygon([tuple(a), tuple(b), tuple(b + 100 * across), tuple(tip), tuple(a + 100 * across)])
        if polygon.is_valid:
            out.append(polygon)
    return np.array(out, dtype=object)


def reproject(geometries, source, target):
    """pyproj, always_xy; GCJ02 = WGS84 with the offset."""
    gcj = target == "GCJ02"
    transformer = pyproj.Transformer.from_crs(source, "EPSG:4326" if gcj else target, always_xy=True)

    def move(xy):
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack(wgs84_to_gcj02(x, y) if gcj else (x, y))

    return shapely.transform(np.asarray(geometries, dtype=object), move)


def spikes(grids, grid_m=0.01, reach_m=0.05):
    """Grids with a spike or neck narrower than `grid_m`: what a precision reduction to that grid (GeoJSON's
    7 decimals are about 1 cm) removes lies farther than `reach_m` from what it keeps."""
    grids = np.asarray(grids, dtype=object)
    return np.flatnonzero(shapely.hausdorff_distance(grids, shapely.set_precision(grids, grid_m)) > reach_m)


def assert_valid_everywhere(grids, source=WORKING, targets=TARGETS):
    """No grid invalid in the working CRS or in any target, none with a vertex nearer than 1 mm to an
    edge of its own, none with a spike or neck a 1 cm grid removes; every count is reported when one is
    not 0."""
    grids = np.asarray(grids, dtype=object)
    counts = {"invalid in the working CRS": int((~shapely.is_valid(grids)).sum()),
              "nearer than 1 mm": int((shapely.minimum_clearance(grids) < CLEARANCE_M - NOISE_M).sum()),
              "with a spike or neck below 1 cm": len(spikes(grids))}
    for target in targets:
        counts[f"invalid in {target}"] = int((~shapely.is_valid(reproject(grids, source, target))).sum())
    assert set(counts.values()) == {0}, f"of {len(grids)} grids: {counts}"


def assert_tiles(grids, owner, communities):
    """Each community covered by its grids (no gap or spill above 1 m²; in all, less than the outline's
    length × 1 mm: rounding its vertices to the precision grid), no overlap, and every edge segment inside
    the district shared exactly by two grids (the snapped grids still tile)."""
    grids = np.asarray(grids, dtype=object)
    for k, community in enumerate(communities):
        differs = shapely.get_parts(shapely.symmetric_difference(shapely.union_all(grids[owner == k]), community))
        assert shapely.area(differs).max(initial=0) <= 1.0, k
        assert shapely.area(differs).sum() <= max(1.0, community.length * CLEARANCE_M), k
    left, right = shapely.STRtree(grids).query(grids, predicate="intersects")
    pairs = left < right
    assert shapely.area(shapely.intersection(grids[left[pairs]], grids[right[pairs]])).max(initial=0) <= 1e-6
    rings = shapely.get_rings(shapely.get_parts(grids))
    xy, ring = shapely.get_coordinates(rings, return_index=True)
    same = ring[:-1] == ring[1:]
    a, b = xy[:-1][same], xy[1:][same]
    swap = (a[:, 0] > b[:, 0]) | ((a[:, 0] == b[:, 0]) & (a[:, 1] > b[:, 1]))
    keys = np.column_stack([np.where(swap[:, None], b, a), np.where(swap[:, None], a, b)])
    segments, count = np.unique(keys, axis=0, return_counts=True)
    once = segments[count == 1]
    outline = shapely.boundary(shapely.union_all(np.asarray(communities, dtype=object), grid_size=CLEARANCE_M))
    middle = shapely.points((once[:, :2] + once[:, 2:]) / 2)
    off = shapely.distance(middle, outline) > CLEARANCE_M
    assert not off.any(), f"{int(off.sum())} edge segments inside the district belong to one grid only"


@pytest.fixture(scope="module")
def sample():
    """The sample's communities and roads in the working CRS (pyproj), as division gets them."""
    transformer = pyproj.Transformer.from_crs("EPSG:4490", WORKING, always_xy=True)

    def read(layer, *fields):
        with fiona.open(SAMPLE_GPKG, layer=layer) as source:
            features = list(source)
        geometries = np.array([shape(f["geometry"]) for f in features], dtype=object)
        geometries = shapely.transform(geometries, lambda xy: np.column_stack(transformer.transform(*xy.T)))
        return geometries, [[f["properties"][n] for n in fields] for f in features]

    communities, values = read("communities", "community_code", "community_name")
    containers, _ = prepare_containers(list(range(1, len(communities) + 1)), list(communities),
                                       [parse_community_code(v[0]) for v in values], None, [v[1] for v in values])
    roads, classes = read("roads", "road_class")
    lines = FollowLines(roads, [road_class_rank(c[0]) or DEFAULT_ROAD_RANK for c in classes])
    cases, _ = read("cases")
    return containers, lines, shapely.get_coordinates(cases)


def test_sample_road_following_grids_are_valid_in_every_crs_and_tile(sample):
    containers, lines, _ = sample
    division = divide_following(containers, lines)
    assert_valid_everywhere(division.geometries)
    assert_tiles(division.geometries, division.container_index, [c.geometry for c in containers])


def test_sample_grids_balanced_by_workload_are_valid_in_every_crs(sample):
    containers, lines, cases = sample
    division = divide_following(containers, lines, weights=WeightPoints(cases, np.ones(len(cases))))
    assert_valid_everywhere(division.geometries)
    assert_tiles(division.geometries, division.container_index, [c.geometry for c in containers])


def test_sample_lattice_grids_are_valid_in_every_crs_and_tile(sample):
    containers, _, _ = sample
    division = divide_lattice(containers, 100.0)
    assert_valid_everywhere(division.geometries)
    assert_tiles(division.geometries, division.container_index, [c.geometry for c in containers])


@pytest.fixture(scope="module")
def bench_slice():
    """A 6 km² slice of bench/bench_follow.py's synthetic district (its own generator: communities that
    tile, a dense hutong network with gaps and dead ends), in EPSG:4548."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import bench_follow as bench
    finally:
        sys.path.remove(str(REPO / "bench"))
    rng = np.random.default_rng([bench.SEED, BENCH_SLICE_KM2])
    zones, outline = bench.Blob(rng, strength=0.3), bench.Blob(rng, strength=0.35)
    pieces = bench.community_cells(BENCH_SLICE_KM2, zones, outline, rng)
    codes, names = bench.community_codes(pieces)
    district = shapely.union_all(pieces)
    shapely.prepare(district)
    segments, levels = bench.road_network(district, zones, rng)
    containers, _ = prepare_containers(list(range(1, len(pieces) + 1)), list(pieces),
                                       [parse_community_code(c) for c in codes], None, names)
    classes = [bench.CLASSES[lv] if lv < len(bench.CLASSES) else None for lv in levels.tolist()]  # None: unnamed lane
    return containers, FollowLines(segments, [road_class_rank(c) for c in classes])


def test_a_slice_of_the_benchmark_district_is_valid_in_every_crs_and_tiles(bench_slice):
    containers, lines = bench_slice
    division = divide_following(containers, lines)
    assert len(division) > 600  # a real slice: hundreds of grids
    assert_valid_everywhere(division.geometries)
    assert_tiles(division.geometries, division.container_index, [c.geometry for c in containers])


@pytest.mark.parametrize("seed", range(8))
def test_random_communities_in_gauss_kruger_coordinates_are_valid_in_every_crs(seed):
    """Random outlines and roads, 450 km east and 4,420 km north as in Beijing: cuts end a few ulps
    from roads there, which is where near-degenerate vertices came from."""
    rng = np.random.default_rng(seed)
    x0, y0 = 447_000.0 + rng.uniform(0, 1000), 4_421_000.0 + rng.uniform(0, 1000)
    angle = np.sort(rng.uniform(0, 2 * np.pi, 30))
    radius = rng.uniform(250, 450, 30)
    geometry = shapely.Polygon(np.c_[x0 + radius * np.cos(angle), y0 + radius * np.sin(angle)])
    roads = [shapely.LineString(rng.uniform(-500, 500, (int(rng.integers(2, 4)), 2)) + np.array([x0, y0]))
             for _ in range(int(rng.integers(3, 12)))]
    containers = [Container(1, geometry, CommunityCode("110101", "001", "001"))]
    division = divide_following(containers, FollowLines(np.array(roads, dtype=object), np.full(len(roads), 2)))
    assert_valid_everywhere(division.geometries)
    assert_tiles(division.geometries, division.container_index, [geometry])
