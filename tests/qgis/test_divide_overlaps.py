"""gridplugin:dividegrids on communities whose shared boundary was digitised twice: a 1.1 m² sliver overlap
and a 0.4 m² gap along a wiggly street line, names with quotes, in WGS84 longitude/latitude (EPSG:4326) or
the CGCS2000 Gauss-Krüger zone (EPSG:4548). Within the overlap tolerance both are given to a neighbour, so
the grids of the two communities tile without overlap; a 50 m² overlap stops the run naming the tolerance
that would accept it."""

from __future__ import annotations

import re

import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import mapping

from tests.qgis.conftest import write_gpkg
from tests.qgis.test_divide_grids import Recorder, error_text, read_layer, run
from tests.unit.test_container_repair import NAMES, X0, Y0, neighbours

WORKING = "EPSG:4548"
FIELDS = {"code": "str", "name": "str"}
CODES = ["110101001001", "110101001002"]


def communities(tmp_path, crs="EPSG:4326", overlap_m2=1.1):
    """The two neighbours as a layer in `crs`; their geometries in the working CRS."""
    geoms = neighbours(overlap_m2=overlap_m2)
    written = geoms
    if crs != WORKING:
        transformer = pyproj.Transformer.from_crs(WORKING, crs, always_xy=True)
        written = [shapely.transform(g, lambda xy: np.column_stack(transformer.transform(*xy.T))) for g in geoms]
    source = write_gpkg(tmp_path / "communities.gpkg", "communities", "Polygon", [
        (mapping(g), {"code": code, "name": name}) for g, code, name in zip(written, CODES, NAMES)], FIELDS, crs=crs)
    return source, geoms


def road(tmp_path, crs):
    """An east-west street crossing both communities."""
    line = shapely.LineString([(X0 - 20.0, Y0 + 150.0), (X0 + 320.0, Y0 + 150.0)])
    if crs != WORKING:
        transformer = pyproj.Transformer.from_crs(WORKING, crs, always_xy=True)
        line = shapely.transform(shapely.segmentize(line, 10.0),
                                 lambda xy: np.column_stack(transformer.transform(*xy.T)))
    return write_gpkg(tmp_path / "roads.gpkg", "roads", "LineString", [(mapping(line), {"road_class": "primary"})],
                      {"road_class": "str"}, crs=crs)


def assert_grids_tile(grids, originals, gap_m2):
    """No two grids overlap (beyond rounding), the grids cover the communities and the repaired gap once
    (the overlap once), and no grid reaches beyond its own community (but for the gap it was given)."""
    geometries = np.array([g["geometry"] for g in grids], dtype=object)
    left, right = shapely.STRtree(geometries).query(geometries, predicate="intersects")
    pairs = left < right
    assert shapely.area(shapely.intersection(geometries[left[pairs]], geometries[right[pairs]])).max() < 1e-4
    union = shapely.union_all(np.asarray(originals, dtype=object))
    assert shapely.area(geometries).sum() == pytest.approx(union.area + gap_m2, abs=0.05)
    for grid in grids:
        own = originals[CODES.index(grid["community_code"])]
        assert shapely.area(shapely.difference(grid["geometry"], own)) < gap_m2 + 0.05, grid["grid_code"]


@pytest.mark.parametrize("crs", ["EPSG:4326", "EPSG:4548"])
def test_lattice_grids_tile_communities_whose_sliver_overlap_and_gap_were_repaired(gridplugin, tmp_path, crs):
    source, originals = communities(tmp_path, crs)
    feedback = Recorder()
    result = run({"INPUT": source, "COMMUNITY_CODE_FIELD": "code", "COMMUNITY_NAME_FIELD": "name",
                  "CELL_SIZE": "50", "OUTPUT": str(tmp_path / "grids.gpkg")}, feedback)
    assert result["WORKING_CRS"] == WORKING
    repairs = [w for w in feedback.warnings if "given to" in w]
    assert len(repairs) == 2, feedback.warnings
    assert re.fullmatch(r"""overlap of 1\.1 m² at \(450\d{3}\.\d, 4420\d{3}\.\d\) between features """
                        r"""#1 110101001001 甲"东"社区, #2 110101001002 O'Brien 乙: given to #[12] .+ """
                        r"""\(longest shared edge\)""", repairs[0]), repairs[0]
    assert re.fullmatch(r"""gap of 0\.4 m² at \(450\d{3}\.\d, 4420\d{3}\.\d\) enclosed by features """
                        r"""#1 110101001001 甲"东"社区, #2 110101001002 O'Brien 乙: given to #[12] .+ """
                        r"""\(longest shared edge\)""", repairs[1]), repairs[1]
    assert_grids_tile(read_layer(result["OUTPUT"])[2], originals, 0.4)


def test_road_following_grids_tile_the_repaired_communities(gridplugin, tmp_path):
    source, originals = communities(tmp_path, "EPSG:4548")
    feedback = Recorder()
    result = run({"INPUT": source, "MODE": "1", "LINES": road(tmp_path, "EPSG:4548"),
                  "COMMUNITY_CODE_FIELD": "code", "COMMUNITY_NAME_FIELD": "name", "TARGET_AREA": "10000",
                  "OUTPUT": str(tmp_path / "grids.gpkg")}, feedback)
    assert sum("given to" in w for w in feedback.warnings) == 2, feedback.warnings
    grids = read_layer(result["OUTPUT"])[2]
    assert {g["community_code"] for g in grids} == set(CODES)
    assert_grids_tile(grids, originals, 0.4)


def test_a_50_m2_overlap_names_the_tolerance_that_accepts_and_repairs_it(gridplugin, tmp_path):
    source, originals = communities(tmp_path, "EPSG:4326", overlap_m2=50.0)
    params = {"INPUT": source, "COMMUNITY_CODE_FIELD": "code", "COMMUNITY_NAME_FIELD": "name", "CELL_SIZE": "50"}
    message = error_text({**params, "OUTPUT": str(tmp_path / "a.gpkg")})
    assert """#1 110101001001 甲"东"社区 & #2 110101001002 O'Brien 乙 (50.0 m²)""" in message
    found = re.search(r"raise the overlap tolerance OVERLAP_TOLERANCE from 10 to ([\d.]+) m²", message)
    assert found, message
    assert not (tmp_path / "a.gpkg").exists()
    feedback = Recorder()
    result = run({**params, "OVERLAP_TOLERANCE": found[1], "OUTPUT": str(tmp_path / "b.gpkg")}, feedback)
    assert any(w.startswith("overlap of 50.0 m² at (") for w in feedback.warnings), feedback.warnings
    assert_grids_tile(read_layer(result["OUTPUT"])[2], originals, 0.4)


def test_the_repair_warnings_follow_the_chinese_locale(gridplugin, tmp_path):
    from grid_plugin.toolbelt.i18n import install_translator, remove_translator

    source, _ = communities(tmp_path, "EPSG:4548")
    translator = install_translator("zh_CN")
    assert translator is not None, "grid_plugin_zh_CN.qm missing: run make translations"
    feedback = Recorder()
    try:
        run({"INPUT": source, "COMMUNITY_CODE_FIELD": "code", "COMMUNITY_NAME_FIELD": "name", "CELL_SIZE": "50",
             "OUTPUT": str(tmp_path / "grids.gpkg")}, feedback)
    finally:
        remove_translator(translator)
    repairs = [w for w in feedback.warnings if "#1 110101001001" in w]
    assert len(repairs) == 2 and repairs[0].startswith("社区重叠 1.1 平方米"), repairs
    assert repairs[1].startswith("社区间空隙 0.4 平方米"), repairs
