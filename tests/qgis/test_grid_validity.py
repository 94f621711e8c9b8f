"""Issue 22 through Processing: every polygon dividegrids writes is valid, per QGIS's own GEOS check
(QgsGeometry.validateGeometry), in the working CRS and once QGIS reprojects it to EPSG:4490 (the case
store), EPSG:4326, Web Mercator, the Gauss-Krüger 6-degree zone and GCJ-02; no vertex lies within
1 mm of an edge of its own grid; the cover is exact. validategrids reports the grids that are not
(near_degenerate, invalid_in_crs), in the error layer and the report.

The checks use nothing new of the plugin but parameters, so they run against the code before the
precision grid too: there 100 of the sample's 1,725 road-following grids were invalid in EPSG:4490.
"""

from __future__ import annotations

import numpy as np
import processing
import pytest
import shapely
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)

from grid_plugin.core.geodesy.offsets import wgs84_to_gcj02
from tests.qgis.conftest import write_gpkg
from tests.qgis.test_divide_follow import assert_exact_cover, edited_roads, follow_params, layer_geometries, run
from tests.qgis.test_divide_grids import read_layer
from tests.unit.test_grid_validity import notches, spikes

__all__ = ["edited_roads"]  # a fixture of test_divide_follow, used here too

TARGETS = ("EPSG:4490", "EPSG:4326", "EPSG:3857", "EPSG:4509", "GCJ02")  # 4509: Gauss-Krüger 6-degree, 117E
CLEARANCE_M = 0.001
NOISE_M = 2e-8


def qgis_invalid(uri, target=None):
    """(feature id, first error) of the features QGIS's GEOS validator rejects: as stored, or after QGIS's
    transform to `target` (GCJ02: to EPSG:4326, then the offset)."""
    layer = QgsVectorLayer(str(uri), "grids", "ogr")
    assert layer.isValid()
    gcj = target == "GCJ02"
    transform = None if target is None else QgsCoordinateTransform(
        layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326" if gcj else target), QgsProject.instance())
    bad = []
    for feature in layer.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        if transform is not None:
            geometry.transform(transform)
        if gcj:
            moved = shapely.transform(shapely.from_wkb(bytes(geometry.asWkb())),
                                      lambda xy: np.column_stack(wgs84_to_gcj02(xy[:, 0], xy[:, 1])))
            geometry = QgsGeometry()
            geometry.fromWkb(shapely.to_wkb(moved))
        errors = geometry.validateGeometry(Qgis.GeometryValidationEngine.Geos)  # QGIS's own check, by GEOS
        if errors:
            bad.append((feature.id(), errors[0].what()))
    del layer
    return bad


def assert_valid_everywhere(uri, targets=TARGETS):
    """No feature QGIS's GEOS validator rejects, as stored or in any target, none with a vertex nearer
    than 1 mm to an edge of its own; every count is reported when one is not 0."""
    geometries = np.array([g["geometry"] for g in read_layer(uri)[2]], dtype=object)
    counts = {"invalid as stored": len(qgis_invalid(uri)),
              "nearer than 1 mm": int((shapely.minimum_clearance(geometries) < CLEARANCE_M - NOISE_M).sum()),
              "with a spike or neck below 1 cm": len(spikes(geometries))}
    for target in targets:
        counts[f"invalid in {target}"] = len(qgis_invalid(uri, target))
    assert set(counts.values()) == {0}, f"of {len(geometries)} features: {counts}"


@pytest.mark.parametrize("weights", [False, True])
def test_road_following_grids_of_the_sample_are_valid_in_every_crs(gridplugin, sample_gpkg, tmp_path, weights):
    extra = {"WEIGHTS": f"{sample_gpkg}|layername=cases"} if weights else {}
    result = run(follow_params(sample_gpkg, tmp_path / "grids.gpkg", **extra))
    assert_valid_everywhere(result["OUTPUT"])
    communities, codes = layer_geometries(f"{sample_gpkg}|layername=communities", attribute="community_code")
    assert_exact_cover(read_layer(result["OUTPUT"])[2], communities, codes)


def test_lattice_grids_of_the_sample_are_valid_in_every_crs(gridplugin, sample_gpkg, tmp_path):
    result = run({"INPUT": f"{sample_gpkg}|layername=communities", "MODE": "0",
                  "COMMUNITY_CODE_FIELD": "community_code", "OUTPUT": str(tmp_path / "grids.gpkg")})
    assert_valid_everywhere(result["OUTPUT"])
    communities, codes = layer_geometries(f"{sample_gpkg}|layername=communities", attribute="community_code")
    assert_exact_cover(read_layer(result["OUTPUT"])[2], communities, codes)


def test_a_redivision_with_stable_codes_writes_kept_new_and_retired_grids_valid_in_every_crs(
        gridplugin, sample_gpkg, edited_roads, tmp_path):
    first = run(follow_params(sample_gpkg, tmp_path / "v1.gpkg"))
    second = run(follow_params(sample_gpkg, tmp_path / "v2.gpkg", LINES=edited_roads, PREVIOUS=first["OUTPUT"],
                               EFFECTIVE_DATE="2026-07-01"))
    assert second["RETIRED_COUNT"] > 0 and second["KEPT_COUNT"] > 0
    assert_valid_everywhere(second["OUTPUT"])


def test_manhattan_grids_are_valid_in_every_crs(gridplugin, manhattan_with_codes, tmp_path):
    from tests.conftest import SHARED_DATA

    result = run({
        "INPUT": manhattan_with_codes, "MODE": "1", "COMMUNITY_CODE_FIELD": "code", "COMMUNITY_NAME_FIELD": "name",
        "LINES": f"{SHARED_DATA / 'manhattan' / 'manhattan_osm_streets.gpkg'}|layername=osm_streets",
        "ROAD_CLASS_FIELD": "highway", "TARGET_CRS": "EPSG:32618", "OVERLAP_TOLERANCE": "10",
        "OUTPUT": str(tmp_path / "grids.gpkg")})
    assert_valid_everywhere(result["OUTPUT"], ("EPSG:4490", "EPSG:4326", "EPSG:3857"))


def validate(grids, out, **extra):
    """validategrids with the area and sequence checks off; the error layer and report go to `out`."""
    out.mkdir(parents=True, exist_ok=True)
    return processing.run("gridplugin:validategrids", {
        "INPUT": grids, "CODE_FIELD": "grid_code", "MIN_AREA": "0", "MAX_AREA": "0", "CHECK_SEQUENCE": False,
        "OUTPUT": str(out / "errors.gpkg"), "REPORT": str(out / "report.html"), **extra})


def test_validategrids_reports_near_degenerate_grids_and_grids_invalid_after_reprojection(gridplugin, tmp_path):
    grids = notches(40)  # valid in EPSG:4548, a vertex 1e-12 to 1e-9 m from an edge of their own
    uri = write_gpkg(tmp_path / "notches.gpkg", "grids", "Polygon", [
        (shapely.geometry.mapping(g), {"grid_code": f"110101001001{k + 1:03d}"}) for k, g in enumerate(grids)],
        {"grid_code": "str"}, crs="EPSG:4548")
    assert qgis_invalid(uri) == []
    expected = {target: {fid for fid, _ in qgis_invalid(uri, target)} for target in ("EPSG:4490", "GCJ02")}
    assert expected["EPSG:4490"]  # about half of them
    result = validate(uri, tmp_path / "checked", CHECK_CRS="EPSG:4490, GCJ02", CLEARANCE="0.001")
    assert result["PASSED"] is False
    errors = QgsVectorLayer(result["OUTPUT"], "errors", "ogr")
    found = {}
    for feature in errors.getFeatures():
        found.setdefault(feature["kind"], []).append((feature["fids"], feature["message"]))
    del errors
    assert len(found["near_degenerate"]) == len(grids)
    for target in ("EPSG:4490", "GCJ02"):
        reported = {int(fids) for fids, text in found["invalid_in_crs"] if f"invalid in {target}" in text}
        assert reported == expected[target], target
    report = (tmp_path / "checked" / "report.html").read_text(encoding="utf-8")
    assert "near_degenerate" in report and "invalid_in_crs" in report and "EPSG:4490, GCJ02" in report

    off = validate(uri, tmp_path / "unchecked", CHECK_CRS="", CLEARANCE="0")
    assert off["PASSED"] is True


def test_validategrids_passes_what_dividegrids_writes_with_the_default_checks(gridplugin, sample_gpkg, tmp_path):
    for mode in ("0", "1"):
        grids = run(follow_params(sample_gpkg, tmp_path / f"grids{mode}.gpkg", MODE=mode))["OUTPUT"]
        result = validate(grids, tmp_path / mode)  # clearance 1 mm, valid in EPSG:4490 and EPSG:4326
        assert result["PASSED"] is True, mode
        report = (tmp_path / mode / "report.html").read_text(encoding="utf-8")
        for kind in ("near_degenerate", "invalid_in_crs"):  # checked, and nothing found
            assert f'<td>{kind}</td><td class="number">0</td>' in report, (mode, kind)
        assert "EPSG:4490, EPSG:4326" in report


def test_an_unknown_crs_to_check_is_named(gridplugin, tmp_path):
    uri = write_gpkg(tmp_path / "one.gpkg", "grids", "Polygon", [
        (shapely.geometry.mapping(shapely.box(449930, 4420010, 450030, 4420110)), {"grid_code": "110101001001001"})],
        {"grid_code": "str"}, crs="EPSG:4548")
    try:  # only the text is kept: a traceback holding QGIS layers must not outlive the test
        validate(uri, tmp_path, CHECK_CRS="EPSG:4490, EPSG:99999")
        text = ""
    except QgsProcessingException as error:
        text = str(error)
    assert "'EPSG:99999' in the CRS to check after reprojection is not a coordinate reference system" in text
