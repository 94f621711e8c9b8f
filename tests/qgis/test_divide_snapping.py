"""gridplugin:dividegrids' SNAP_TOLERANCE on an old-town network shaped like hand-digitised data
(tests/old_town.py): lanes stopping short, a lane in two pieces, a road drawn twice, unnamed lanes
(road class NULL) and a 5 m dead end, with the plain-string parameters of qgis_process."""

from __future__ import annotations

import re

import numpy as np
import processing
import shapely

from tests import old_town
from tests.qgis.conftest import write_gpkg
from tests.qgis.test_divide_grids import Recorder, read_layer

SNAP_LINE = re.compile(r"Snapped (\d+) line ends within ([\d.]+) m \((\d+) to lines, (\d+) to other ends\)\.")


def old_town_layers(folder, order=None):
    """The community and the roads (in the given feature order) as GeoPackage layers in EPSG:4548."""
    community = write_gpkg(folder / "community.gpkg", "communities", "Polygon", [
        (shapely.geometry.mapping(old_town.community()),
         {"community_code": old_town.COMMUNITY_CODE, "community_name": old_town.COMMUNITY_NAME}),
    ], {"community_code": "str", "community_name": "str"}, crs="EPSG:4548")
    lines, classes = old_town.roads()
    order = range(len(lines)) if order is None else order
    roads = write_gpkg(folder / "roads.gpkg", "roads", "LineString", [
        (shapely.geometry.mapping(lines[k]), {"road_class": classes[k]}) for k in order
    ], {"road_class": "str"}, crs="EPSG:4548")
    return community, roads


def divide(community, roads, out, **extra):
    feedback = Recorder()
    result = processing.run("gridplugin:dividegrids", {
        "INPUT": community, "MODE": "1", "LINES": roads, "ROAD_CLASS_FIELD": "road_class",
        "COMMUNITY_CODE_FIELD": "community_code", "COMMUNITY_NAME_FIELD": "community_name",
        "TARGET_AREA": str(old_town.SETTINGS["target"]), "MIN_AREA": str(old_town.SETTINGS["minimum"]),
        "MAX_AREA": str(old_town.SETTINGS["maximum"]), "EFFECTIVE_DATE": "2025-01-01", "OUTPUT": str(out), **extra,
    }, feedback=feedback)
    snapped = [SNAP_LINE.fullmatch(info) for info in feedback.infos if info.startswith("Snapped")]
    return result, read_layer(result["OUTPUT"])[2], snapped


def test_near_misses_are_snapped_by_default_and_counted(gridplugin, tmp_path):
    community, roads = old_town_layers(tmp_path)
    result, grids, snapped = divide(community, roads, tmp_path / "snapped.gpkg")
    assert result["GRID_COUNT"] == len(grids) == old_town.GRIDS_SNAPPED
    assert len(snapped) == 1 and snapped[0] is not None
    assert [int(snapped[0][k]) for k in (1, 3, 4)] == [3, old_town.SNAPPED_TO_LINES, old_town.SNAPPED_TO_ENDS]
    assert float(snapped[0][2]) == 3.0
    areas = sorted(round(g["area_m2"]) for g in grids)
    assert areas == [10_000] * 6 + [20_000]  # the quarter with the 5 m dead end stays one grid
    assert {g["community_name"] for g in grids} == {old_town.COMMUNITY_NAME}

    result, grids, snapped = divide(community, roads, tmp_path / "off.gpkg", SNAP_TOLERANCE="0")
    assert result["GRID_COUNT"] == old_town.GRIDS_UNSNAPPED and snapped == []
    assert sorted(round(g["area_m2"]) for g in grids) == [20_000] * 4

    result, grids, snapped = divide(community, roads, tmp_path / "wide.gpkg", SNAP_TOLERANCE="6")
    assert result["GRID_COUNT"] == old_town.GRIDS_SNAPPED + 1  # 6 m reaches the dead end too
    assert [int(snapped[0][k]) for k in (1, 3, 4)] == [4, old_town.SNAPPED_TO_LINES + 1, old_town.SNAPPED_TO_ENDS]


def test_snapped_grids_do_not_depend_on_the_order_of_the_roads(gridplugin, tmp_path):
    first = tmp_path / "first"
    second = tmp_path / "second"
    first.mkdir()
    second.mkdir()
    _, a, snapped_a = divide(*old_town_layers(first), tmp_path / "a.gpkg")
    order = np.random.default_rng(20).permutation(len(old_town.roads()[0]))
    _, b, snapped_b = divide(*old_town_layers(second, order.tolist()), tmp_path / "b.gpkg")
    assert snapped_a[0][0] == snapped_b[0][0]
    assert [(g["grid_code"], g["area_m2"]) for g in a] == [(g["grid_code"], g["area_m2"]) for g in b]
    assert all(x["geometry"].equals(y["geometry"]) for x, y in zip(a, b))
