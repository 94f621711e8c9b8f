"""Grids taken into the store (EPSG:4490) are valid even when the given layer's are not: repaired and counted."""

from __future__ import annotations

import processing
import pyproj
import shapely

from grid_plugin.store.gpkg import GpkgStore
from tests.qgis.conftest import Messages, write_gpkg

GRID_FIELDS = {"grid_code": "str", "street_code": "str", "street_name": "str", "community_code": "str",
               "community_name": "str"}


def test_an_invalid_grid_is_repaired_on_its_way_into_the_store(gridplugin, tmp_path):
    x0, y0 = 500_000.0, 4_400_000.0
    square = [(x0, y0), (x0 + 100, y0), (x0 + 100, y0 + 100), (x0, y0 + 100), (x0, y0)]
    bow_tie = [(x0 + 100, y0), (x0 + 200, y0 + 100), (x0 + 200, y0), (x0 + 100, y0 + 100), (x0 + 100, y0)]
    records = [({"type": "Polygon", "coordinates": [ring]},
                {"grid_code": f"11010100100100{k}", "street_code": "110101001", "street_name": "东华门街道",
                 "community_code": "110101001001", "community_name": "多福巷社区"})
               for k, ring in ((1, square), (2, bow_tie))]
    grids = write_gpkg(tmp_path / "grids.gpkg", "unit_grids", "Polygon", records, GRID_FIELDS, crs="EPSG:4548")
    lon, lat = pyproj.Transformer.from_crs("EPSG:4548", "EPSG:4490", always_xy=True).transform(x0 + 50, y0 + 50)
    cases = tmp_path / "cases.csv"
    cases.write_text(f"case_id,reported_at,x,y,class_code\nA1,2026-03-01 08:00:00,{lon:.7f},{lat:.7f},01001\n",
                     encoding="utf-8")
    feedback = Messages()
    processing.run("gridplugin:importcases", {
        "INPUT": str(cases), "STORE": str(tmp_path / "store.gpkg"), "GRIDS": grids,
        "REJECTS": str(tmp_path / "rejects.csv")}, feedback=feedback)
    assert any("1 unit grids became invalid" in w for w in feedback.warnings), feedback.warnings
    with GpkgStore(tmp_path / "store.gpkg", create=False) as store:
        stored = store.read_grids()
    assert len(stored) == 2 and shapely.is_valid(stored.geometries).all()
