"""gridplugin:responsibilitymaps: one atlas page per community, in one PDF, with PNG previews."""

from __future__ import annotations

import re

import processing
import pytest
from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer
from qgis.PyQt.QtGui import QImage


def run(sample_gpkg, grids, tmp_path, communities=None):
    return processing.run("gridplugin:responsibilitymaps", {
        "GRIDS": grids, "COMMUNITIES": communities or f"{sample_gpkg}|layername=communities",
        "ROADS": f"{sample_gpkg}|layername=roads", "CODE_FIELD": "community_code", "NAME_FIELD": "community_name",
        "TITLE": "单元网格责任图", "PAGE_SIZE": 0, "OUTPUT": str(tmp_path / "maps" / "responsibility.pdf"),
        "PREVIEWS": str(tmp_path / "previews")})


def test_one_page_per_community_in_one_pdf_with_previews_that_are_not_blank(sample_gpkg, sample_grids, gridplugin,
                                                                             tmp_path):
    communities = QgsVectorLayer(f"{sample_gpkg}|layername=communities", "c", "ogr")
    codes = sorted(f["community_code"] for f in communities.getFeatures())
    result = run(sample_gpkg, sample_grids, tmp_path)
    assert result["PAGE_COUNT"] == len(codes) == communities.featureCount()
    pdf = (tmp_path / "maps" / "responsibility.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == len(codes)
    previews = sorted((tmp_path / "previews").glob("*.png"))
    assert [p.stem.split("_")[-1] for p in previews] == codes  # a page per community, in code order
    grid_codes = {f["grid_code"][:12] for f in QgsVectorLayer(sample_grids, "g", "ogr").getFeatures()}
    assert set(codes) <= grid_codes
    for preview in previews:
        image = QImage(str(preview))
        assert image.width() > 500 and image.height() > 350
        colours = set()
        magenta = 0
        for x in range(0, image.width(), 3):
            for y in range(0, image.height(), 3):
                colour = image.pixelColor(x, y)
                colours.add(colour.rgb())
                magenta += colour.red() > 180 and colour.green() < 110 and colour.blue() > 100
        assert len(colours) > 30, f"{preview.name} looks blank"
        assert magenta > 100, f"{preview.name} shows no unit grids"


def test_no_community_means_no_pages_and_a_clear_error(sample_gpkg, sample_grids, gridplugin, tmp_path):
    empty = QgsVectorLayer("Polygon?crs=EPSG:4548&field=community_code:string&field=community_name:string",
                           "empty", "memory")
    QgsProject.instance().addMapLayer(empty)
    try:
        with pytest.raises(QgsProcessingException, match="no features"):
            run(sample_gpkg, sample_grids, tmp_path, communities=empty.id())
        assert not (tmp_path / "maps").exists()
    finally:
        QgsProject.instance().removeMapLayer(empty.id())
