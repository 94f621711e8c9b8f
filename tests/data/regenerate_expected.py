"""Regenerate tests/data/expected/sample_lattice_grids.csv from a run of gridplugin:dividegrids.

The run has the parameters of tests/qgis/test_divide_grids.py::test_sample_district_with_plain_string_
parameters (regular lattice, 100 m, default minimum area and precision, rows order, on the sample
district's communities). Before anything is written the output is checked independently: every
grid valid, no two grids overlapping (≤ 1e-6 m²), every community covered by its grids within its
outline's length × the 1 mm precision grid. The differences from the file it replaces are printed
(codes added or gone, the largest area change), for the changelog.

    QT_QPA_PLATFORM=offscreen PROJ_DATA=/usr/share/proj PYTHONPATH=.:/usr/share/qgis/python/plugins \\
        .venv/bin/python tests/data/regenerate_expected.py
"""

from __future__ import annotations

import csv
import sys
import tempfile
from pathlib import Path

import numpy as np
import shapely

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "sample" / "sample_district.gpkg"
TARGET = REPO / "tests" / "data" / "expected" / "sample_lattice_grids.csv"


def main() -> int:
    sys.path[:0] = [str(REPO), "/usr/share/qgis/python/plugins"]
    from qgis.core import (
        QgsApplication,
        QgsCoordinateTransform,
        QgsProject,
        QgsVectorLayer,
    )

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    import processing

    from grid_plugin.core.grids.precision import DEFAULT_PRECISION_M
    from grid_plugin.processing.provider import GridPluginProvider

    provider = GridPluginProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    out = Path(tempfile.mkdtemp()) / "grids.gpkg"
    processing.run("gridplugin:dividegrids", {
        "INPUT": f"{SAMPLE}|layername=communities", "MODE": "0", "CODE_SOURCE": "0",
        "COMMUNITY_CODE_FIELD": "community_code", "STREET_NAME_FIELD": "street_name",
        "COMMUNITY_NAME_FIELD": "community_name", "CELL_SIZE": "100", "OUTPUT": str(out)})
    grids = QgsVectorLayer(str(out), "grids", "ogr")
    rows = [(f["grid_code"], f["community_code"], f["area_m2"], shapely.from_wkb(bytes(f.geometry().asWkb())))
            for f in grids.getFeatures()]
    communities = QgsVectorLayer(f"{SAMPLE}|layername=communities", "communities", "ogr")
    transform = QgsCoordinateTransform(communities.crs(), grids.crs(), QgsProject.instance())
    outlines = {}
    for feature in communities.getFeatures():
        geometry = feature.geometry()
        geometry.transform(transform)
        outlines[feature["community_code"]] = shapely.from_wkb(bytes(geometry.asWkb()))
    del grids, communities

    geometries = np.array([r[3] for r in rows], dtype=object)
    assert shapely.is_valid(geometries).all(), "an invalid grid"
    left, right = shapely.STRtree(geometries).query(geometries, predicate="intersects")
    pairs = left < right
    overlap = shapely.area(shapely.intersection(geometries[left[pairs]], geometries[right[pairs]])).max(initial=0)
    assert overlap <= 1e-6, f"grids overlap by {overlap} m²"
    owner = np.array([r[1] for r in rows])
    for code, outline in outlines.items():
        cover = shapely.union_all(geometries[owner == code])
        differs = shapely.area(shapely.symmetric_difference(cover, outline))
        assert differs <= outline.length * DEFAULT_PRECISION_M, f"community {code}: cover differs by {differs} m²"

    before = {}
    if TARGET.exists():
        with open(TARGET, encoding="utf-8") as handle:
            before = {row["grid_code"]: float(row["area_m2"]) for row in csv.DictReader(handle)}
    after = {code: round(float(area), 2) for code, _, area, _ in rows}
    with open(TARGET, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)  # \r\n, as the file has always had
        writer.writerow(["grid_code", "area_m2"])
        writer.writerows([code, f"{area:.2f}"] for code, area in after.items())
    common = before.keys() & after.keys()
    changes = [abs(after[k] - before[k]) for k in common]
    print(f"{len(after)} grids written to {TARGET.relative_to(REPO)}; before {len(before)}: "
          f"{len(after.keys() - before.keys())} codes new, {len(before.keys() - after.keys())} gone, "
          f"{sum(c > 0 for c in changes)} areas changed, by at most {max(changes, default=0.0):.2f} m² "
          f"(total {sum(after.values()) - sum(before[k] for k in after if k in before):+.2f} m²)")
    QgsApplication.processingRegistry().removeProvider(provider)
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
