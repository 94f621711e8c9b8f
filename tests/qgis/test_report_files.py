"""CSV and HTML files the algorithms write for people to open: checked before any work or store write,
cells that a spreadsheet would run as formulas neutralised, written whole or not at all."""

from __future__ import annotations

import csv
from pathlib import Path

import processing
import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsProject, QgsVectorLayer

from tests.qgis.conftest import square, write_gpkg

FORMULA = '=HYPERLINK("http://example.invalid","点击")'


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def communities(tmp_path: Path, name: str) -> str:
    return write_gpkg(tmp_path / "communities.gpkg", "communities", "Polygon",
                      [({"type": "Polygon", "coordinates": square(500_000, 4_400_000, 300)["coordinates"]},
                        {"code": "110101001001", "name": name})],
                      {"code": "str", "name": "str"}, crs="EPSG:4548")


def divide(source: str, out: Path, report: Path) -> dict:
    return processing.run("gridplugin:dividegrids", {
        "INPUT": source, "MODE": "0", "COMMUNITY_CODE_FIELD": "code", "COMMUNITY_NAME_FIELD": "name",
        "CELL_SIZE": "100", "OUTPUT": str(out), "CHANGE_REPORT": str(report)})


def test_the_change_report_neutralises_formulas(gridplugin, tmp_path):
    result = divide(communities(tmp_path, FORMULA), tmp_path / "grids.gpkg", tmp_path / "changes.csv")
    rows = read_csv(Path(result["CHANGE_REPORT"]))
    assert len(rows) == result["GRID_COUNT"] == 9
    assert {r["community_name"] for r in rows} == {"'" + FORMULA}
    assert all(r["change"] == "new" for r in rows)


def test_a_change_report_in_a_folder_is_refused_before_dividing(gridplugin, tmp_path):
    out = tmp_path / "grids.gpkg"
    with pytest.raises(QgsProcessingException, match="CHANGE_REPORT is the folder"):
        divide(communities(tmp_path, "东四社区"), out, tmp_path)
    assert not out.exists()


def address_layer(rows) -> QgsVectorLayer:
    layer = QgsVectorLayer("Point?crs=EPSG:4490&field=full_address:string&field=address_code:string", "a", "memory")
    features = []
    for lon, lat, text, code in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        feature.setAttributes([text, code])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    return layer


def import_addresses(layer, store: Path, rejects: Path, grids: str) -> dict:
    return processing.run("gridplugin:importaddresses", {
        "INPUT": layer.id(), "ADDRESS_FIELD": "full_address", "CODE_FIELD": "address_code", "KIND_FIELD": "",
        "NAME_FIELD": "", "GRIDS": grids, "STORE": str(store), "REJECTS": str(rejects)})


def test_address_rejects_neutralise_formulas_and_commit_with_the_store(gridplugin, sample_grids, tmp_path):
    layer = address_layer([(116.40, 39.92, "示例区新建路1号", "A1"), (116.401, 39.92, FORMULA, "A1")])
    try:
        result = import_addresses(layer, tmp_path / "store.gpkg", tmp_path / "rejects.csv", sample_grids)
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    assert result["IMPORTED_COUNT"] == 1 and result["REJECTED_COUNT"] == 1
    (reject,) = read_csv(tmp_path / "rejects.csv")
    assert reject["address"] == "'" + FORMULA and "repeats feature 1" in reject["reason"]
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".rejects.csv")]  # no staging leftovers


def test_address_rejects_in_a_folder_are_refused_before_the_store_is_made(gridplugin, sample_grids, tmp_path):
    layer = address_layer([(116.40, 39.92, "示例区新建路1号", "A1")])
    try:
        with pytest.raises(QgsProcessingException, match="REJECTS is the folder"):
            import_addresses(layer, tmp_path / "store.gpkg", tmp_path, sample_grids)
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    assert not (tmp_path / "store.gpkg").exists()


def test_geocoding_report_in_a_folder_is_refused_before_matching(gridplugin, tmp_path):
    table = tmp_path / "addresses.csv"
    table.write_text("address\n示例区新建路1号\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="REPORT is the folder"):
        processing.run("gridplugin:geocodeaddresses", {
            "INPUT": str(table), "ADDRESS_FIELD": "address", "STORE": str(tmp_path / "missing.gpkg"),
            "OUTPUT": "memory:", "REPORT": str(tmp_path)})


def test_period_report_paths_are_checked_before_the_store_is_read(gridplugin, tmp_path):
    parameters = {"STORE": str(tmp_path / "missing.gpkg"), "OUTPUT": "memory:",
                  "REPORT_CSV": str(tmp_path / "report.csv"), "REPORT_HTML": str(tmp_path / "report.txt")}
    with pytest.raises(QgsProcessingException, match="REPORT_HTML must be a"):
        processing.run("gridplugin:casehotspots", parameters)
    parameters.update(REPORT_CSV=str(tmp_path), REPORT_HTML=str(tmp_path / "report.html"))
    with pytest.raises(QgsProcessingException, match="REPORT_CSV is the folder"):
        processing.run("gridplugin:casehotspots", parameters)
