"""The bundled sample district is exactly what resources/sample/make_sample.py makes, and sane."""

import subprocess
import sys

import fiona
import pytest
import shapely
from shapely.geometry import shape

from tests.conftest import REPO, SAMPLE_GPKG

LAYERS = ("district", "streets", "communities", "roads", "components", "cases", "addresses", "parcels")


def read(path, layer):
    with fiona.open(path, layer=layer) as source:
        return [(dict(f["properties"]), shape(f["geometry"]).wkb) for f in source]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    subprocess.run([sys.executable, str(REPO / "resources" / "sample" / "make_sample.py"), "--out", str(out)],
                   check=True, capture_output=True, timeout=300)
    return out


@pytest.mark.parametrize("layer", LAYERS)
def test_generator_reproduces_the_bundled_layer(regenerated, layer):
    assert read(regenerated / "sample_district.gpkg", layer) == read(SAMPLE_GPKG, layer)


def test_generator_reproduces_the_bundled_cases_csv(regenerated):
    bundled = (REPO / "resources" / "sample" / "sample_cases.csv").read_bytes()
    assert (regenerated / "sample_cases.csv").read_bytes() == bundled


def test_communities_tile_the_district_with_unique_codes():
    import pyproj
    from shapely.ops import transform

    to_metres = pyproj.Transformer.from_crs(4490, 4548, always_xy=True).transform
    district = transform(to_metres, shapely.from_wkb(read(SAMPLE_GPKG, "district")[0][1]))
    communities = read(SAMPLE_GPKG, "communities")
    geoms = [transform(to_metres, shapely.from_wkb(wkb)) for _, wkb in communities]
    assert abs(shapely.union_all(geoms).area - district.area) < 1.0
    assert abs(sum(g.area for g in geoms) - district.area) < 1.0  # no overlaps
    codes = [props["community_code"] for props, _ in communities]
    assert len(set(codes)) == len(codes) and all(len(c) == 12 and c.startswith("990101") for c in codes)
    assert all(props["community_code"].startswith(props["street_code"]) for props, _ in communities)


def test_standard_addresses_are_unique_and_stand_in_their_community():
    communities = {p["community_code"]: shapely.from_wkb(wkb) for p, wkb in read(SAMPLE_GPKG, "communities")}
    addresses = read(SAMPLE_GPKG, "addresses")
    codes = [p["address_code"] for p, _ in addresses]
    assert len(set(codes)) == len(codes) and all(len(c) == 21 and c.isdigit() for c in codes)
    doors = [(p["road"], p["number"]) for p, _ in addresses if p["kind"] == "门牌"]
    assert len(set(doors)) == len(doors)  # one plate per road and number
    for properties, wkb in addresses[::50]:
        assert properties["address_code"].startswith(properties["community_code"])
        assert communities[properties["community_code"]].contains(shapely.from_wkb(wkb))
        prefix = "示例区" + properties["street_name"] + properties["community_name"]
        assert properties["full_address"].startswith(prefix)


def in_metres(wkb):
    import pyproj
    from shapely.ops import transform

    return transform(pyproj.Transformer.from_crs(4490, 4548, always_xy=True).transform, shapely.from_wkb(wkb))


def test_the_parcels_carry_the_traps_of_real_parcel_data():
    """make_parcels.py: a quoted name, one self-touching ring, managed compounds between the maximum grid area
    (20,000 m²) and the open-land maximum (40,000 m²) and above it, the park's lake as a hole and a parcel, edges
    decimetres to metres off the road centre lines, no overlaps."""
    parcels = [(properties, in_metres(wkb)) for properties, wkb in read(SAMPLE_GPKG, "parcels")]
    names = [p["name"] for p, _ in parcels]
    assert len(set(names)) == len(names) and [n for n in names if '"' in n] == ['新华"一村"']
    assert {p["type"] for p, _ in parcels} == {"小区", "公园", "水体", "学校", "机关", "用地"}
    assert all(p["managed"] == int(p["type"] in ("小区", "学校", "机关")) for p, _ in parcels)
    invalid = [(p["name"], g) for p, g in parcels if not g.is_valid]
    assert len(invalid) == 1 and "Self-intersection" in shapely.is_valid_reason(invalid[0][1])
    repaired = shapely.make_valid(invalid[0][1])
    assert repaired.geom_type == "Polygon" and len(repaired.interiors) == 1
    assert abs(repaired.area - invalid[0][1].area) < 0.01
    valid = [(p, shapely.make_valid(g)) for p, g in parcels]
    compounds = [g.area for p, g in valid if p["type"] == "小区"]
    assert sum(20_000 < a <= 40_000 for a in compounds) >= 10 and sum(a < 20_000 for a in compounds) >= 3
    assert sum(a > 40_000 for a in compounds) == 2
    (park,) = [g for p, g in valid if p["type"] == "公园"]
    (lake,) = [g for p, g in valid if p["type"] == "水体"]
    assert park.area > 40_000 and len(park.interiors) == 1
    assert shapely.Polygon(park.interiors[0]).symmetric_difference(lake).area < 0.01
    tree = shapely.STRtree([g for _, g in valid])
    left, right = tree.query([g for _, g in valid], predicate="intersects")
    assert sum(valid[i][1].intersection(valid[j][1]).area for i, j in zip(left, right) if i < j) < 0.01
    roads = shapely.union_all([in_metres(wkb) for _, wkb in read(SAMPLE_GPKG, "roads")])
    off = [roads.distance(shapely.Point(xy)) for _, g in valid for xy in shapely.get_coordinates(g)]
    road_side = sorted(d for d in off if d < 5.0)  # the corners on the road side
    assert len(road_side) > 200 and 0.5 < road_side[len(road_side) // 2] < 2.0 and road_side[-1] < 3.5
    assert sum(d < 0.05 for d in road_side) < 0.05 * len(road_side)  # almost none on the centre line


# ---- the traps of real exports (make_real_sample.py) ------------------------------------------------------
REAL_CSV = REPO / "resources" / "sample" / "sample_cases_real.csv"
REAL_GPKG = REPO / "resources" / "sample" / "sample_real.gpkg"


def test_generator_reproduces_the_real_shaped_files(regenerated):
    assert (regenerated / "sample_cases_real.csv").read_bytes() == REAL_CSV.read_bytes()
    assert read(regenerated / "sample_real.gpkg", "components_gcj02") == read(REAL_GPKG, "components_gcj02")
    assert REAL_CSV.stat().st_size < 1_000_000 and REAL_GPKG.stat().st_size < 1_000_000


def test_the_real_shaped_export_carries_its_traps():
    import csv
    import re
    from collections import Counter

    import numpy as np

    from grid_plugin.core.cases.piles import find_piles
    from grid_plugin.core.geodesy.offsets import gcj02_to_wgs84

    raw = REAL_CSV.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # as Excel saves "CSV UTF-8"
    with open(REAL_CSV, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with open(REPO / "resources" / "sample" / "sample_cases.csv", encoding="utf-8", newline="") as handle:
        clean = {r["case_id"]: r for r in csv.DictReader(handle)}
    assert len(rows) == 2298 and all(r["案件编号"] in clean for r in rows)
    us = re.compile(r"^(0[1-9]|1[0-2])/\d{2}/2025 (0[1-9]|1[0-2]):[0-5]\d:[0-5]\d [AP]M$")
    assert all(us.match(r["上报时间"]) for r in rows)
    assert any(r["上报时间"].endswith("PM") and r["上报时间"].startswith("06/") for r in rows)
    assert {r["坐标系"] for r in rows} == {"WGS84"}
    # the numbers are GCJ-02: converted back, the rows not moved (no pile, no door plate) are the clean sample
    lon = np.array([float(r["经度"]) for r in rows])
    lat = np.array([float(r["纬度"]) for r in rows])
    x, y = gcj02_to_wgs84(lon, lat)
    original = np.array([[float(clean[r["案件编号"]]["lon"]), float(clean[r["案件编号"]]["lat"])] for r in rows])
    moved = np.hypot(x - original[:, 0], y - original[:, 1])
    assert np.median(moved) < 1e-5 and np.hypot(lon - original[:, 0], lat - original[:, 1]).min() > 1e-3
    position, count = Counter(zip(lon.tolist(), lat.tolist())).most_common(1)[0]
    assert count == round(0.08 * len(rows))
    piles = find_piles(x, y).piles
    assert [p.cases for p in piles] == [count]  # the pile, and none of the door plates repeated a few times
    assert sorted(Counter(zip(lon.tolist(), lat.tolist())).values())[-2] >= 3
    assert sum(1 for r in rows if not r["小类代码"] and not r["小类名称"]) == 6
    assert sum(1 for r in rows if r["小类代码"] == "06999") == 3
    assert sum(1 for r in rows if '"' in r["问题描述"] and "“" in r["地址"]) == 4
    # the components, shifted to GCJ-02 and labelled WGS 84
    with fiona.open(REAL_GPKG, layer="components_gcj02") as layer:
        assert layer.crs.to_epsg() == 4326
        shifted = [shape(f["geometry"]) for f in layer]
    clean_components = read(SAMPLE_GPKG, "components")
    assert len(shifted) == len(clean_components)
    back = gcj02_to_wgs84(np.array([p.x for p in shifted]), np.array([p.y for p in shifted]))
    first = shapely.from_wkb(clean_components[0][1])
    assert abs(float(back[0][0]) - first.x) < 1e-6 and abs(float(back[1][0]) - first.y) < 1e-6
