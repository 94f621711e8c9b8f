"""A district outside China when the user says where: New York-shaped data.

Four square communities in EPSG:32618 (WGS 84 / UTM 18N, midtown Manhattan) divided by dividegrids,
cases in EPSG:4326 imported with COORDINATES 'Another CRS' and SOURCE_CRS EPSG:4326, local times of
America/New_York, a hot cluster and a default-location pile at a "city hall". The algorithms that
measure work in the UTM zone by default, and every output is in WGS 84 (EPSG:4326), not CGCS2000.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import numpy as np
import processing
import pyproj
import pytest
from qgis.core import QgsPointXY, QgsProcessingException, QgsRasterLayer, QgsVectorLayer

from grid_plugin.store.gpkg import GpkgStore
from tests.qgis.conftest import Messages, ensure_provider, square, write_gpkg
from tests.qgis.test_case_algorithms import import_cases, read_rejects

ORIGIN = (585_000.0, 4_511_000.0)  # UTM 18N, around 73.99 W 40.75 N
SIDE = 600.0  # each community; 2 × 2 of them
TO_WGS84 = pyproj.Transformer.from_crs("EPSG:32618", "EPSG:4326", always_xy=True)
CLASSES = ("09009", "06010", "09011", "06036")
HALL = (ORIGIN[0] + 150.0, ORIGIN[1] + 950.0)  # where the platform puts what it cannot place
PILED, FIRST_MONDAY, WEEKS = 150, dt.date(2025, 1, 6), 12


def lonlat(x: float, y: float) -> tuple[str, str]:
    lon, lat = TO_WGS84.transform(x, y)
    return f"{lon:.7f}", f"{lat:.7f}"


def nyc_cases(path: Path) -> Path:
    rng = np.random.default_rng(311)
    rows = []

    def add(x: float, y: float, day: int) -> None:
        moment = dt.datetime.combine(FIRST_MONDAY + dt.timedelta(days=int(day)), dt.time(9)) + dt.timedelta(
            minutes=int(rng.integers(0, 600)))
        lon, lat = lonlat(x, y)
        rows.append({"case_id": f"NYC{len(rows):05d}", "class_code": CLASSES[len(rows) % len(CLASSES)],
                     "description": 'Blocked "bike lane"', "reported_at": moment.isoformat(sep=" "),
                     "lon": lon, "lat": lat})

    for _ in range(900):  # background over the whole district
        add(ORIGIN[0] + rng.uniform(5, 2 * SIDE - 5), ORIGIN[1] + rng.uniform(5, 2 * SIDE - 5), rng.integers(0, 84))
    for _ in range(300):  # a busy corner, getting busier
        add(ORIGIN[0] + 1000 + rng.normal(0, 40), ORIGIN[1] + 250 + rng.normal(0, 40), 84 - rng.triangular(1, 1, 84))
    for k in range(PILED):
        add(*HALL, k % 84)
    add(ORIGIN[0] - 100_000, ORIGIN[1], 3)  # 100 km west: a wrong CRS or a typo
    add(ORIGIN[0] + 2 * SIDE + 500, ORIGIN[1] + 300, 3)  # 500 m east of the grids: in no grid
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def new_york(tmp_path_factory, qgis_processing):
    ensure_provider()
    folder = tmp_path_factory.mktemp("nyc")
    communities = [(square(ORIGIN[0] + i * SIDE, ORIGIN[1] + j * SIDE, SIDE),
                    {"code": f"990101001{2 * i + j + 1:03d}", "name": f"Block {2 * i + j + 1}"})
                   for i in range(2) for j in range(2)]
    source = write_gpkg(folder / "communities.gpkg", "communities", "Polygon", communities,
                        {"code": "str", "name": "str"}, crs="EPSG:32618")
    divided = processing.run("gridplugin:dividegrids", {"INPUT": source, "COMMUNITY_CODE_FIELD": "code",
                                                        "COMMUNITY_NAME_FIELD": "name",
                                                        "OUTPUT": str(folder / "grids.gpkg")})
    assert divided["WORKING_CRS"] == "EPSG:32618"
    feedback = Messages()
    cases = nyc_cases(folder / "cases.csv")
    result = import_cases(cases, folder / "store.gpkg", grids=divided["OUTPUT"], feedback=feedback, COORDINATES=4,
                          SOURCE_CRS="EPSG:4326", TIMEZONE="America/New_York")
    return {"folder": folder, "grids": divided["OUTPUT"], "store": folder / "store.gpkg", "cases": cases,
            "import": result, "lines": feedback.lines, "grid_count": divided["GRID_COUNT"]}


def test_cases_in_a_given_crs_are_checked_against_the_grids_not_china(new_york):
    result = new_york["import"]
    assert result["READ_COUNT"] == 900 + 300 + PILED + 2
    assert result["IMPORTED_COUNT"] == 900 + 300 + PILED, read_rejects(result["REJECTS"])
    reasons = {r["case_id"]: r["reason"] for r in read_rejects(result["REJECTS"])}
    last = 900 + 300 + PILED
    assert "more than 50 km outside the district's grids" in reasons[f"NYC{last:05d}"]
    assert "outside every unit grid" in reasons[f"NYC{last + 1:05d}"]  # near the grids: handled as before
    assert (result["PILE_COUNT"], result["PILED_CASES"]) == (1, PILED)
    with GpkgStore(new_york["store"]) as store:
        assert store.datum() == 4326
    cases = result["CASES"]  # the store's case layer: its SRID says 4490, its degrees are WGS 84 ones
    assert isinstance(cases, QgsVectorLayer) and cases.crs().authid() == "EPSG:4326"


def test_without_a_named_crs_the_china_check_stays(new_york, tmp_path):
    with pytest.raises(QgsProcessingException, match="rejected") as refused:
        import_cases(new_york["cases"], tmp_path / "unlabelled.gpkg", grids=new_york["grids"],
                     TIMEZONE="America/New_York")
    assert "outside China" in str(refused.value)
    feedback = Messages()  # SOURCE_CRS without 'Another CRS' is named as ignored, not silently dropped
    with pytest.raises(QgsProcessingException, match="outside China"):
        import_cases(new_york["cases"], tmp_path / "ignored.gpkg", grids=new_york["grids"], feedback=feedback,
                     TIMEZONE="America/New_York", SOURCE_CRS="EPSG:4326")
    assert any("SOURCE_CRS is used only" in line for line in feedback.lines)


def test_heat_works_in_the_utm_zone_and_is_tagged_wgs84(new_york, tmp_path):
    result = processing.run("gridplugin:caseheatmap", {
        "STORE": str(new_york["store"]), "TIMEZONE": "America/New_York", "RADIUS": 100, "PIXEL_SIZE": 10,
        "KERNEL": 0, "OUTPUT_VALUES": 0, "LIVE_LAYER": True, "GRID_COUNTS": str(tmp_path / "counts.gpkg"),
        "DENSITY": str(tmp_path / "density.tif")})
    assert result["CASE_COUNT"] == 1200  # the pile is left out
    assert QgsRasterLayer(result["DENSITY"], "d").crs().authid() == "EPSG:32618"
    counts = QgsVectorLayer(result["GRID_COUNTS"], "c", "ogr")
    assert counts.crs().authid() == "EPSG:4326" and counts.featureCount() == new_york["grid_count"]
    assert sum(f["case_count"] for f in counts.getFeatures()) == 1200
    assert result["LIVE"].crs().authid() == "EPSG:4326" and result["LIVE"].featureCount() == 1200


def test_hot_spots_measure_in_the_utm_zone_and_are_tagged_wgs84(new_york, tmp_path):
    parameters = {"STORE": str(new_york["store"]), "TIMEZONE": "America/New_York", "CONTIGUITY": 0,
                  "TOLERANCE": 0.5, "PERIOD": 2, "TOP_N": 3, "OUTPUT": str(tmp_path / "hot.gpkg"),
                  "REPORT_CSV": str(tmp_path / "r.csv"), "REPORT_HTML": str(tmp_path / "r.html")}
    feedback = Messages()
    result = processing.run("gridplugin:casehotspots", parameters, feedback=feedback)
    layer = QgsVectorLayer(result["OUTPUT"], "hot", "ogr")
    assert layer.crs().authid() == "EPSG:4326"
    assert result["HOT_COUNT"] > 0
    assert not any("no neighbour" in line for line in feedback.lines)  # the grids touch in metres
    busy = TO_WGS84.transform(ORIGIN[0] + 1000, ORIGIN[1] + 250)
    hot = [f for f in layer.getFeatures() if f["gi_bin"] > 0]
    assert any(f.geometry().contains(QgsPointXY(*busy)) for f in hot)  # the busy corner is hot
    given = processing.run("gridplugin:casehotspots", {**parameters, "WORKING_CRS": "EPSG:32618",
                                                       "OUTPUT": str(tmp_path / "hot2.gpkg")})
    assert given["HOT_COUNT"] == result["HOT_COUNT"]
    with pytest.raises(QgsProcessingException, match="not a projected CRS in ground metres"):
        processing.run("gridplugin:casehotspots", {**parameters, "WORKING_CRS": "EPSG:3857",
                                                   "OUTPUT": str(tmp_path / "hot3.gpkg")})


def test_emerging_hot_spots_outside_china(new_york, tmp_path):
    result = processing.run("gridplugin:emerginghotspots", {
        "STORE": str(new_york["store"]), "TIMEZONE": "America/New_York", "TIME_STEP": "1", "CONTIGUITY": "0",
        "TOLERANCE": "0.5", "RINGS": "1", "WINDOW": "1", "FDR": "true", "MIN_BINS": "10",
        "OUTPUT": str(tmp_path / "e.gpkg"), "BINS": str(tmp_path / "b.gpkg")})
    assert result["CASE_COUNT"] == 1200 and result["BIN_COUNT"] == WEEKS
    for key in ("OUTPUT", "BINS"):
        assert QgsVectorLayer(result[key], key, "ogr").crs().authid() == "EPSG:4326"


def test_the_docks_live_heat_layer_is_wgs84(new_york):
    from grid_plugin.gui.live_heat import LiveGridHeat

    with GpkgStore(new_york["store"]) as store:
        grids = store.read_grids()
    assert LiveGridHeat(grids, "heat").layer.crs().authid() == "EPSG:4326"
