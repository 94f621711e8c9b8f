"""The bundled sample district is exactly what resources/sample/make_sample.py makes, and sane."""

import subprocess
import sys

import fiona
import pytest
import shapely
from shapely.geometry import shape

from tests.conftest import REPO, SAMPLE_GPKG

LAYERS = ("district", "streets", "communities", "roads", "components", "cases", "addresses")


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
