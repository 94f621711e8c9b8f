"""Default-location piles through the algorithms: importcases finds and flags them (the real-shaped
sample export included), caseheatmap, casehotspots (and its period report) and emerginghotspots
leave them out unless INCLUDE_PILES is set."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import numpy as np
import processing
import pytest
from qgis.core import QgsVectorLayer

from grid_plugin.core.geodesy.offsets import gcj02_to_wgs84
from grid_plugin.store.gpkg import GpkgStore
from tests.conftest import REPO
from tests.qgis.conftest import Messages, ensure_provider
from tests.qgis.test_case_algorithms import (
    SAMPLE_CASES,
    SAMPLE_IMPORTED,
    import_cases,
    read_rejects,
    sample_rows,
    write_csv,
)

REAL_CASES = REPO / "resources" / "sample" / "sample_cases_real.csv"
PILED = 300  # cases the test store's platform put on the street office


def real_rows() -> list[dict[str, str]]:
    with open(REAL_CASES, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def office_of_real_export() -> tuple[str, str, list[str]]:
    """The street office point of the real-shaped export (its most repeated position) and its rows' ids."""
    rows = real_rows()
    (lon, lat), _ = Counter((r["经度"], r["纬度"]) for r in rows).most_common(1)[0]
    return lon, lat, [r["案件编号"] for r in rows if (r["经度"], r["纬度"]) == (lon, lat)]


def office_wgs84() -> tuple[float, float]:
    lon, lat, _ = office_of_real_export()
    x, y = gcj02_to_wgs84(float(lon), float(lat))
    return float(x), float(y)


def test_the_real_shaped_export_imports_with_its_pile_flagged(gridplugin, sample_grids, tmp_path):
    """sample_cases_real.csv as it comes: US dates (DATE_FORMAT US), GCJ-02 numbers labelled WGS84
    (read as GCJ-02), empty and unknown classes, quotes, and 8 % of the rows on the street office."""
    lon, lat, ids = office_of_real_export()
    assert len(ids) == 184
    feedback = Messages()
    store = tmp_path / "real.gpkg"
    result = import_cases(REAL_CASES, store, grids=sample_grids, feedback=feedback, COORDINATES=2,
                          DATE_FORMAT="US")
    assert (result["PILE_COUNT"], result["PILED_CASES"]) == (1, 184), read_rejects(result["REJECTS"])[:3]
    assert result["READ_COUNT"] == 2298 and result["IMPORTED_COUNT"] >= 2298 - 9
    with GpkgStore(store) as opened:
        flagged = opened.query('SELECT case_id, grid_code FROM "cases" WHERE location_quality = ? ORDER BY case_id',
                               ("pile",))
        others = dict(opened.query('SELECT location_quality, COUNT(*) FROM "cases" GROUP BY 1'))
    assert [case_id for case_id, _ in flagged] == sorted(ids)
    assert set(others) == {"exact", "pile"}
    office_grid = {grid for _, grid in flagged}
    assert len(office_grid) == 1
    x, y = gcj02_to_wgs84(float(lon), float(lat))
    pile_lines = [line for line in feedback.lines if line.startswith("Default-location pile:")]
    assert pile_lines == [f"Default-location pile: 184 cases ({184 / result['IMPORTED_COUNT']:.1%} of the store) "
                          f"at {float(x):.7f}, {float(y):.7f} in unit grid {office_grid.pop()}."]


@pytest.fixture(scope="module")
def piled_store(tmp_path_factory, sample_grids, qgis_processing):
    """The sample's cases and 300 more that a platform put on the street office, spread over the year."""
    ensure_provider()
    folder = tmp_path_factory.mktemp("piled")
    fields, rows = sample_rows()
    x, y = office_wgs84()
    extra = []
    for k, row in enumerate(rows[::len(rows) // PILED][:PILED]):
        extra.append({**row, "case_id": f"DW2025{k:06d}", "lon": f"{x:.7f}", "lat": f"{y:.7f}",
                      "address": "示例区槐荫街道（位置不详）"})
    feedback = Messages()
    result = import_cases(write_csv(folder / "piled.csv", fields, rows + extra), folder / "piled.gpkg",
                          grids=sample_grids, feedback=feedback)
    assert result["IMPORTED_COUNT"] == SAMPLE_IMPORTED + PILED
    assert (result["PILE_COUNT"], result["PILED_CASES"]) == (1, PILED)
    with GpkgStore(folder / "piled.gpkg") as store:
        office_grid = store.query('SELECT DISTINCT grid_code FROM "cases" WHERE case_id LIKE ?', ("DW%",))
    assert len(office_grid) == 1
    return folder / "piled.gpkg", office_grid[0][0]


def store_parameters(store: Path) -> dict:
    return {"STORE": str(store), "DB_SCHEMA": "gridplugin", "TIMEZONE": "Asia/Shanghai"}


def grid_counts(path: str) -> dict[str, int]:
    return {f["grid_code"]: f["case_count"] for f in QgsVectorLayer(path, "counts", "ogr").getFeatures()}


def test_heat_leaves_the_pile_out_unless_asked(piled_store, sample_store, gridplugin, tmp_path):
    store, office_grid = piled_store
    runs = {}
    for name, parameters in (("piled", store_parameters(store)), ("clean", store_parameters(sample_store)),
                             ("included", {**store_parameters(store), "INCLUDE_PILES": True})):
        feedback = Messages()
        runs[name] = (processing.run("gridplugin:caseheatmap", {
            **parameters, "RADIUS": 200, "PIXEL_SIZE": 20, "KERNEL": 0, "OUTPUT_VALUES": 0, "LIVE_LAYER": True,
            "GRID_COUNTS": str(tmp_path / f"{name}.gpkg"), "DENSITY": str(tmp_path / f"{name}.tif")},
            feedback=feedback), feedback.lines)
    piled, clean, included = (runs[name][0] for name in ("piled", "clean", "included"))
    assert piled["CASE_COUNT"] == clean["CASE_COUNT"] == SAMPLE_IMPORTED
    assert included["CASE_COUNT"] == SAMPLE_IMPORTED + PILED
    assert grid_counts(piled["GRID_COUNTS"]) == grid_counts(clean["GRID_COUNTS"])
    with_pile = grid_counts(included["GRID_COUNTS"])
    assert with_pile[office_grid] == grid_counts(clean["GRID_COUNTS"])[office_grid] + PILED
    assert piled["LIVE"].featureCount() == SAMPLE_IMPORTED
    assert included["LIVE"].featureCount() == SAMPLE_IMPORTED + PILED
    assert f"{PILED} cases on default-location piles are left out" in " ".join(runs["piled"][1])
    # the density raster is the clean store's, cell for cell; with the pile, the office stands out
    from osgeo import gdal

    def density(result):
        return gdal.Open(result["DENSITY"]).ReadAsArray()

    assert np.array_equal(density(piled), density(clean))
    difference = density(included) - density(piled)
    assert PILED * 0.98 < difference.max() <= PILED and difference.min() >= 0  # raw quartic: 1 per case at 0 m


def top_grids(report_csv: str) -> dict[str, str]:
    """Month -> the first-ranked grid of the period report."""
    rows = read_rejects(report_csv)
    columns = list(rows[0])
    return {row[columns[0]]: row[columns[3]] for row in rows
            if row[columns[2]] == "1" and row[columns[1]] in ("Unit grid", "单元网格")}


def test_hot_spots_and_the_period_report_leave_the_pile_out(piled_store, sample_store, gridplugin, tmp_path):
    store, office_grid = piled_store
    results = {}
    for name, parameters in (("piled", store_parameters(store)), ("clean", store_parameters(sample_store)),
                             ("included", {**store_parameters(store), "INCLUDE_PILES": True})):
        results[name] = processing.run("gridplugin:casehotspots", {
            **parameters, "CONTIGUITY": 0, "TOLERANCE": 0.5, "PERIOD": 2, "TOP_N": 3,
            "OUTPUT": str(tmp_path / f"{name}.gpkg"), "REPORT_CSV": str(tmp_path / f"{name}.csv"),
            "REPORT_HTML": str(tmp_path / f"{name}.html")})
    piled, clean, included = results["piled"], results["clean"], results["included"]
    assert grid_counts(piled["OUTPUT"]) == grid_counts(clean["OUTPUT"])
    assert (piled["HOT_COUNT"], piled["COLD_COUNT"]) == (clean["HOT_COUNT"], clean["COLD_COUNT"])
    assert top_grids(piled["REPORT_CSV"]) == top_grids(clean["REPORT_CSV"])
    assert Path(piled["REPORT_CSV"]).read_bytes() == Path(clean["REPORT_CSV"]).read_bytes()
    # with the pile, its grid ranks first every month, the story of the 311 year
    assert set(top_grids(included["REPORT_CSV"]).values()) == {office_grid}
    assert set(top_grids(piled["REPORT_CSV"]).values()) != {office_grid}
    assert grid_counts(included["OUTPUT"])[office_grid] == grid_counts(clean["OUTPUT"])[office_grid] + PILED


def test_emerging_hot_spots_leave_the_pile_out(piled_store, sample_store, gridplugin, tmp_path):
    store, _ = piled_store
    common = {"TIME_STEP": "1", "CONTIGUITY": "0", "TOLERANCE": "0.5", "RINGS": "1", "WINDOW": "1", "FDR": "true",
              "MIN_BINS": "10"}
    results = {}
    for name, parameters in (("piled", store_parameters(store)), ("clean", store_parameters(sample_store)),
                             ("included", {**store_parameters(store), "INCLUDE_PILES": "true"})):
        results[name] = processing.run("gridplugin:emerginghotspots", {
            **parameters, **common, "OUTPUT": str(tmp_path / f"{name}.gpkg"), "BINS": str(tmp_path / f"{name}b.gpkg")})
    assert results["piled"]["CASE_COUNT"] == results["clean"]["CASE_COUNT"] == SAMPLE_IMPORTED
    assert results["included"]["CASE_COUNT"] == SAMPLE_IMPORTED + PILED

    def categories(result):
        return {f["grid_code"]: f["category"] for f in QgsVectorLayer(result["OUTPUT"], "e", "ogr").getFeatures()}

    assert categories(results["piled"]) == categories(results["clean"])


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory, sample_grids, qgis_processing):
    """The sample's cases alone (what the piled store holds without its pile)."""
    ensure_provider()
    store = tmp_path_factory.mktemp("clean") / "cases.gpkg"
    assert import_cases(SAMPLE_CASES, store, grids=sample_grids)["IMPORTED_COUNT"] == SAMPLE_IMPORTED
    return store
