"""Overlaps and gaps between communities up to the overlap tolerance are given to a neighbour.

Shaped like real boundaries: neighbours whose shared edge (a wiggly street line, a vertex every few
metres) was digitised twice and differs by centimetres in places, leaving sliver overlaps and gaps
between them, in a CGCS2000 Gauss-Krüger zone (EPSG:4548), with quotes in the names. Everything goes
through prepare_containers, the entry point of division and validation.
"""

from __future__ import annotations

import random
import re

import fiona
import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import Polygon, box, shape

from grid_plugin.core.errors import GridInputError
from grid_plugin.core.grids.codes import CommunityCode
from grid_plugin.core.grids.containers import prepare_containers
from grid_plugin.core.grids.lattice import divide_lattice
from tests.conftest import SHARED_DATA
from tests.unit.test_grid_validity import assert_tiles

X0, Y0 = 449_930.0, 4_420_010.0  # EPSG:4548 (CGCS2000 / 3-degree Gauss-Krüger CM 117E), Beijing
NAMES = ['甲"东"社区', "O'Brien 乙"]


def codes(n):
    return [CommunityCode("110101", "001", f"{k + 1:03d}") for k in range(n)]


def wiggly_edge(seed=7, length=300.0, step=3.0):
    """A street line running north, a vertex every `step` m, swinging a few metres either side."""
    rng = np.random.default_rng(seed)
    y = np.arange(0.0, length + step / 2, step)
    x = np.cumsum(rng.normal(0.0, 0.6, len(y)))
    return np.column_stack([X0 + 150.0 + x - x.mean(), Y0 + y])


def bump(y, start, end, peak):
    """A triangular offset between `start` and `end` (m along the edge), `peak` m at its middle."""
    middle, half = (start + end) / 2, (end - start) / 2
    return np.where((y > start) & (y < end), peak * (1 - np.abs(y - middle) / half), 0.0)


def neighbours(overlap_m2=1.1, gap_m2=0.4):
    """West and east communities on one 300 m wiggly edge: the west one drawn again with the edge
    pushed east by up to a few centimetres along 100 m (an overlap of `overlap_m2`) and west along
    another 60 m (a gap of `gap_m2`); elsewhere both share the very same vertices."""
    edge = wiggly_edge()
    y = edge[:, 1] - Y0
    shift = bump(y, 20.0, 120.0, 2 * overlap_m2 / 100.0) - bump(y, 180.0, 240.0, 2 * gap_m2 / 60.0)
    west_edge = edge + np.column_stack([shift, np.zeros(len(y))])
    west = Polygon([(X0, Y0), *map(tuple, west_edge), (X0, Y0 + 300.0)])
    east = Polygon([*map(tuple, edge), (X0 + 300.0, Y0 + 300.0), (X0 + 300.0, Y0)])
    assert west.is_valid and east.is_valid
    return [west, east]


def pair_overlaps(geometries):
    geoms = np.asarray(geometries, dtype=object)
    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    keep = left < right
    return shapely.area(shapely.intersection(geoms[left[keep]], geoms[right[keep]]))


def holes(geometries):
    union = shapely.union_all(np.asarray(geometries, dtype=object))
    return [shapely.Polygon(ring).area for part in shapely.get_parts(union) for ring in part.interiors]


def test_sliver_overlap_and_gap_along_a_wiggly_shared_edge_are_given_to_a_neighbour():
    geoms = neighbours()
    assert pair_overlaps(geoms).sum() == pytest.approx(1.1, abs=0.05)  # the input as drawn
    assert sorted(holes(geoms)) == [pytest.approx(0.4, abs=0.02)]
    containers, warnings = prepare_containers([3, 7], geoms, codes(2), ["东华门街道"] * 2, NAMES)
    tiled = [c.geometry for c in containers]
    assert all(shapely.is_valid(tiled)) and [shapely.get_num_geometries(g) for g in tiled] == [1, 1]
    assert pair_overlaps(tiled).max() < 1e-9 and holes(tiled) == []
    union = shapely.union_all(np.asarray(geoms, dtype=object))
    assert sum(g.area for g in tiled) == pytest.approx(union.area + 0.4, abs=0.02)  # the gap filled, once
    texts = [str(w) for w in warnings]
    assert len(texts) == 2, texts
    overlap = re.fullmatch(
        r'overlap of 1\.1 m² at \((\d+\.\d), (\d+\.\d)\) between features #3 110101001001 甲"东"社区, '
        r"#7 110101001002 O'Brien 乙: given to (#3|#7) \S+ .+ \(longest shared edge\)", texts[0])
    assert overlap, texts[0]
    x, y = float(overlap[1]), float(overlap[2])
    assert X0 + 100 < x < X0 + 200 and Y0 + 20 < y < Y0 + 120  # where the west one was drawn again
    assert re.fullmatch(
        r'gap of 0\.4 m² at \([\d.]+, [\d.]+\) enclosed by features #3 110101001001 甲"东"社区, '
        r"#7 110101001002 O'Brien 乙: given to #[37] .+ \(longest shared edge\)", texts[1]), texts[1]


def test_the_repair_does_not_depend_on_the_order_of_the_features():
    """Shuffled: the same geometries, to the bit, and the same warnings."""
    rng = random.Random(5)
    geoms = [*neighbours(), box(X0, Y0 + 300.0, X0 + 300.0, Y0 + 400.0012),
             box(X0, Y0 + 399.999, X0 + 300.0, Y0 + 500.0)]  # a third and fourth: two more slivers
    fids = [11, 4, 9, 2]
    reference, reference_warnings = prepare_containers(fids, geoms, codes(4))
    by_fid = {c.fid: c.geometry for c in reference}
    for _ in range(3):
        order = list(range(4))
        rng.shuffle(order)
        shuffled, warnings = prepare_containers([fids[k] for k in order], [geoms[k] for k in order],
                                                [codes(4)[k] for k in order])
        assert all(shapely.equals_exact(c.geometry, by_fid[c.fid], 0.0) for c in shuffled)
        assert sorted(map(str, warnings)) == sorted(map(str, reference_warnings))


def test_a_tie_goes_to_the_lowest_feature_id():
    """A straight 1 cm strip: both neighbours share a 100 m edge with it."""
    geoms = [box(X0, Y0, X0 + 100.01, Y0 + 100.0), box(X0 + 100.0, Y0, X0 + 200.0, Y0 + 100.0)]
    for fids in ([8, 5], [5, 8]):
        containers, warnings = prepare_containers(fids, geoms, codes(2))
        assert [str(w).split(": given to ")[1][:2] for w in warnings] == ["#5"]
        five = next(c.geometry for c in containers if c.fid == 5)
        assert five.area == pytest.approx(10_000.0 + (1.0 if fids == [5, 8] else 0.0), abs=1e-6)


def test_lattice_grids_tile_the_repaired_communities():
    containers, _ = prepare_containers([3, 7], neighbours(), codes(2), None, NAMES)
    division = divide_lattice(containers, 50.0)
    communities = [c.geometry for c in containers]
    assert_tiles(division.geometries, division.container_index, communities)
    # no grid crosses into the other community (beyond rounding its vertices to the 1 mm precision grid)
    grids = np.asarray(division.geometries, dtype=object)
    for k, other in enumerate(reversed(communities)):
        assert shapely.area(shapely.intersection(grids[division.container_index == k], other)).sum() < 0.05


def test_three_communities_overlapping_at_a_junction_tile_afterwards():
    """West, east and north communities each drawn a few centimetres into the others: pieces covered
    by two and, at the junction, by all three."""
    west = box(X0, Y0, X0 + 100.02, Y0 + 100.03)
    east = box(X0 + 100.0, Y0, X0 + 200.0, Y0 + 100.01)
    north = box(X0, Y0 + 100.0, X0 + 200.0, Y0 + 200.0)
    containers, warnings = prepare_containers([1, 2, 3], [west, east, north], codes(3))
    tiled = [c.geometry for c in containers]
    assert all(shapely.is_valid(tiled)) and pair_overlaps(tiled).max() < 1e-9 and holes(tiled) == []
    assert sum(g.area for g in tiled) == pytest.approx(200.0 * 200.0, abs=1e-6)
    texts = [str(w) for w in warnings]
    assert any("between features #1 110101001001, #2 110101001002, #3 110101001003" in t for t in texts), texts
    # the pieces of the three pairs' overlaps (2.0002, 3.0006 and 1.0 m²), the junction (0.0002 m²) counted once
    assert len(texts) == 4
    assert sum(float(re.match(r"overlap of ([\d.e-]+) m²", t)[1]) for t in texts) == pytest.approx(6.0004, abs=0.01)


def test_a_small_community_inside_another_keeps_its_ground_and_a_large_one_is_an_error():
    outer = box(X0, Y0, X0 + 100.0, Y0 + 100.0)
    small = box(X0 + 40.0, Y0 + 40.0, X0 + 42.0, Y0 + 42.0)  # 4 m², within the default tolerance
    containers, warnings = prepare_containers([1, 2], [outer, small], codes(2))
    assert containers[1].geometry.equals(small)
    assert containers[0].geometry.area == pytest.approx(10_000.0 - 4.0) and len(containers[0].geometry.interiors) == 1
    assert [str(w) for w in warnings] == [
        "overlap of 4.0 m² at (449971.0, 4420051.0) between features #1 110101001001, #2 110101001002: given to "
        "#2 110101001002, which would otherwise lose most of its area"]
    large = box(X0 + 40.0, Y0 + 40.0, X0 + 50.0, Y0 + 45.0)  # 50 m²
    with pytest.raises(GridInputError) as err:
        prepare_containers([1, 2], [outer, large], codes(2))
    assert "#1 110101001001 & #2 110101001002 (50.0 m²)" in str(err.value)
    assert "raise the overlap tolerance OVERLAP_TOLERANCE from 10 to 50.1 m²" in str(err.value)
    assert err.value.feature_ids == (1, 2)


def test_a_duplicate_within_the_tolerance_is_an_error_not_lost():
    piece = box(X0, Y0, X0 + 2.0, Y0 + 2.0)
    with pytest.raises(GridInputError, match=r"features #9 110101001002 lie wholly inside other communities") as err:
        prepare_containers([4, 9], [piece, piece], codes(2))
    assert err.value.feature_ids == (9,)


def test_a_50_m2_overlap_names_the_tolerance_that_accepts_and_repairs_it():
    geoms = neighbours(overlap_m2=50.0)
    with pytest.raises(GridInputError) as err:
        prepare_containers([3, 7], geoms, codes(2), community_names=NAMES)
    text = str(err.value)
    assert """#3 110101001001 甲"东"社区 & #7 110101001002 O'Brien 乙 (50.0 m²)""" in text
    found = re.search(r"raise the overlap tolerance OVERLAP_TOLERANCE from 10 to ([\d.]+) m²", text)
    assert found and float(found[1]) in (50.0, 50.1), text
    containers, warnings = prepare_containers([3, 7], geoms, codes(2), overlap_tolerance_m2=float(found[1]))
    assert pair_overlaps([c.geometry for c in containers]).max() < 1e-9
    assert str(warnings[0]).startswith("overlap of 50.0 m² at (")


def test_a_gap_above_the_tolerance_is_reported_and_left():
    geoms = neighbours(gap_m2=30.0)
    containers, warnings = prepare_containers([3, 7], geoms, codes(2))
    texts = [str(w) for w in warnings]
    assert texts[0].startswith("overlap of 1.1 m²")
    assert re.fullmatch(r"the communities leave a gap of 30\.0 m² at \([\d.]+, [\d.]+\) between features #3, #7; "
                        r"no grid covers it\. .*", texts[1]), texts
    assert sorted(holes([c.geometry for c in containers])) == [pytest.approx(30.0, abs=0.05)]


def test_a_gap_alone_above_the_tolerance_is_reported_naming_the_communities_around_it():
    """Three blocks around a 5 × 6 m courtyard none of them covers; nothing else to repair."""
    geoms = [box(X0, Y0, X0 + 100.0, Y0 + 100.0), box(X0 + 100.0, Y0, X0 + 200.0, Y0 + 100.0),
             shapely.difference(box(X0, Y0 + 100.0, X0 + 200.0, Y0 + 200.0),
                                box(X0 + 97.0, Y0 + 100.0, X0 + 102.0, Y0 + 106.0))]
    containers, warnings = prepare_containers([1, 2, 3], geoms, codes(3))
    assert [str(w) for w in warnings] == [
        "the communities leave a gap of 30.0 m² at (450029.5, 4420113.0) between features #1, #2, #3; no grid "
        "covers it. Extend a community over it, or ignore it if it is not part of the district"]
    assert all(c.geometry.equals_exact(g, 0.0) for c, g in zip(containers, geoms))  # nothing else changed


def test_at_most_twenty_repairs_are_listed_then_a_count():
    """A row of 26 blocks, each drawn 1 mm into the next: 25 overlaps of 0.1 m²."""
    geoms = [box(X0 + 100.0 * k, Y0, X0 + 100.0 * (k + 1) + 0.001, Y0 + 100.0) for k in range(26)]
    containers, warnings = prepare_containers(list(range(1, 27)), geoms, codes(26))
    texts = [str(w) for w in warnings]
    assert len(texts) == 21 and all(t.startswith("overlap of 0.1 m²") for t in texts[:20])
    assert texts[20] == ("5 more overlaps and gaps within the overlap tolerance given to a neighbour in the same "
                         "way, 0.5 m² in all")
    assert pair_overlaps([c.geometry for c in containers]).max() < 1e-9


def test_manhattan_neighbourhoods_overlaps_and_small_gap_are_repaired():
    """The published neighbourhoods (OSM/NYC data) overlap by 8.0 and 1.3 m² and leave gaps of 6.2 and 48 m²."""
    source = SHARED_DATA / "manhattan" / "manhattan_boundaries.gpkg"
    to_utm = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:32618", always_xy=True)
    with fiona.open(source, layer="manhattan_neighborhoods") as layer:
        features = list(layer)
    geoms = shapely.transform(np.array([shape(f["geometry"]) for f in features], dtype=object),
                              lambda xy: np.column_stack(to_utm.transform(*xy.T)))
    names = [f["properties"]["name"] for f in features]
    containers, warnings = prepare_containers(list(range(1, len(geoms) + 1)), list(geoms), codes(len(geoms)),
                                              community_names=names)
    texts = [str(w) for w in warnings]
    assert [t.split(" at ")[0] for t in texts] == [
        "overlap of 8.0 m²", "gap of 6.2 m²", "overlap of 1.3 m²", "the communities leave a gap of 48.1 m²"]
    assert "#3 110101001003 Chelsea, #22 110101001022 Midtown" in texts[0]
    tiled = [c.geometry for c in containers]
    assert all(shapely.is_valid(tiled)) and pair_overlaps(tiled).max() < 1e-9
    assert [round(a, 1) for a in holes(tiled)] == [48.1]
