"""The demo's division on the sample's parcels (resources/sample/make_parcels.py, demo.py's division_parameters):
each managed compound, school and institution up to the open-land maximum is one grid, the parcel within its
community; the larger ones are divided; the parcels' edges carry a share of the grid boundaries."""

import importlib.util
import math

import fiona
import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import shape
from shapely.ops import transform

from tests.conftest import REPO, SAMPLE_GPKG
from tests.qgis.conftest import ensure_provider

OPEN_LAND_MAX = 40_000.0  # 4 × the demo's target area, dividegrids' default
SETBACK_M = 3.5  # the parcels' road-side edges lie up to 3.1 m off the road centre lines


def demo_module():
    spec = importlib.util.spec_from_file_location("sample_demo", REPO / "resources" / "sample" / "demo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def divided(tmp_path_factory, qgis_processing):
    import processing

    ensure_provider()
    out = tmp_path_factory.mktemp("parcels") / "grids.gpkg"
    result = processing.run("gridplugin:dividegrids", demo_module().division_parameters(str(out)))
    with fiona.open(out) as layer:
        assert layer.crs.to_epsg() == 4548
        grids = [(f["properties"]["community_code"], shape(f["geometry"])) for f in layer]
    return result, grids


def sample_layer(name):
    to_metres = pyproj.Transformer.from_crs(4490, 4548, always_xy=True).transform
    with fiona.open(SAMPLE_GPKG, layer=name) as layer:
        return [(dict(f["properties"]), transform(to_metres, shape(f["geometry"]))) for f in layer]


def in_community(parcel, communities):
    """The parcel (repaired) within the community holding most of it: (community code, piece)."""
    parcel = shapely.make_valid(parcel)
    code, community = max(communities.items(), key=lambda item: item[1].intersection(parcel).area)
    return code, parcel.intersection(community)


def test_each_managed_unit_up_to_the_open_land_maximum_is_one_grid(divided):
    _, grids = divided
    communities = {p["community_code"]: g for p, g in sample_layer("communities")}
    parcels = [(p, shapely.make_valid(g)) for p, g in sample_layer("parcels")]
    # a parcel's own land: what lies farther than SETBACK_M inside its edges (road centre lines run up to that far
    # off them, on either side, and the land beyond a centre line belongs to the grid across the road)
    cores = [(p["name"], g.buffer(-SETBACK_M)) for p, g in parcels if p["managed"]]
    whole = split = 0
    for properties, parcel in parcels:
        if not properties["managed"]:
            continue
        code, piece = in_community(parcel, communities)
        over = [(g.intersection(piece).area, g) for c, g in grids if c == code and g.intersects(piece)]
        over = [(area, g) for area, g in over if area > 1.0]
        if piece.area > OPEN_LAND_MAX:  # divided like other land
            assert len(over) >= 2, properties["name"]
            split += 1
            continue
        grid = max(over, key=lambda item: item[0])[1]
        band = piece.exterior.buffer(SETBACK_M)
        assert piece.difference(grid).difference(band).area < 0.5, properties["name"]  # whole in one grid
        # and the grid takes no other managed unit's own land (no ring round the neighbours)
        taken = [(name, round(grid.intersection(core).area)) for name, core in cores
                 if name != properties["name"] and grid.intersection(core).area > 0.5]
        assert not taken, (properties["name"], taken)
        whole += 1
    # 新华"一村", the invalid 晴川东里, the schools, the institutions and ten compounds with a road inside them
    # (their internal road) among the whole ones; 明湖苑 and 柳荫里 divided
    assert whole == 77 and split == 2


def test_parcel_edges_carry_grid_boundaries(divided):
    result, grids = divided
    assert result["GRID_COUNT"] == len(grids)
    assert result["BOUNDARY_ON_FEATURES"] > 0.02
    assert result["BOUNDARY_ON_ROADS"] + result["BOUNDARY_ON_FEATURES"] + result["BOUNDARY_STRAIGHT"] == \
        pytest.approx(1.0)


def test_no_grid_is_a_strip_along_the_roads(divided):
    """The strips between the parcels' edges and the road centre lines (0.1–3 m wide) and the lanes between
    compounds join the land beside them piece by piece: no grid is made of them, and none takes in a ring of them
    round its neighbours (Polsby-Popper compactness; the roads alone leave no grid below 0.19)."""
    _, grids = divided
    thin = [(code, round(g.area)) for code, g in grids if 4 * math.pi * g.area / g.length ** 2 < 0.1]
    assert not thin, thin


def test_without_edges_taken_as_lines_the_road_strips_make_thin_grids(qgis_processing, tmp_path):
    """EDGE_TO_LINE 0 follows the parcels' edges as they are: the strips between the walls and the road centre lines
    run on round several compounds, and grids made of them, or with them as tails, are thin."""
    import processing

    ensure_provider()
    parameters = demo_module().division_parameters(str(tmp_path / "raw.gpkg"))
    processing.run("gridplugin:dividegrids", {**parameters, "EDGE_TO_LINE": 0})
    with fiona.open(tmp_path / "raw.gpkg") as layer:
        grids = np.array([shape(f["geometry"]) for f in layer])
    compactness = 4 * math.pi * shapely.area(grids) / shapely.length(grids) ** 2
    assert (compactness < 0.1).any()


def test_the_demo_grids_pass_validategrids_at_its_defaults(divided, tmp_path):
    """validategrids' default maximum admits the managed units dividegrids keeps whole at its defaults (up to
    4 × the target), so the demo's own grids validate."""
    import processing

    result, _ = divided
    checked = processing.run("gridplugin:validategrids", {
        "INPUT": result["OUTPUT"], "CODE_FIELD": "grid_code", "COMMUNITIES": f"{SAMPLE_GPKG}|layername=communities",
        "COMMUNITY_CODE_FIELD": "community_code", "OUTPUT": str(tmp_path / "problems.gpkg")})
    assert checked["PASSED"] and checked["PROBLEM_COUNT"] == 0
