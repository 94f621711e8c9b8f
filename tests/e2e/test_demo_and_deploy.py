"""The main job (make demo) and make deploy, as a user runs them."""

import configparser
import os
import subprocess
import sys

import fiona
from qgis.PyQt.QtGui import QImage

from tests.conftest import REPO


def test_demo_writes_the_geopackage_and_a_map(tmp_path):
    demo = REPO / "resources" / "sample" / "demo.py"
    run = subprocess.run([sys.executable, str(demo), "--out", str(tmp_path)], cwd=REPO,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([  # and no temporary folder left over
        "demo.gpkg", "demo_map.png", "cases.gpkg", "case_rejects.csv", "case_density.tif", "case_report.csv",
        "case_report.html", "demo_heat.png"])
    assert set(fiona.listlayers(tmp_path / "demo.gpkg")) == {"communities", "roads", "unit_grids", "components",
                                                             "case_heat", "case_hotspots"}
    with fiona.open(tmp_path / "demo.gpkg", layer="case_heat") as heat:
        assert sum(f["properties"]["case_count"] for f in heat) == 5060  # every sample case in a grid
    with fiona.open(tmp_path / "cases.gpkg", layer="cases") as cases:
        assert len(cases) == 5060 and cases.crs.to_epsg() == 4490
    with fiona.open(tmp_path / "cases.gpkg", layer="addresses") as addresses:  # the gazetteer, for geocoding
        assert len(addresses) > 20_000 and all(a["properties"]["grid_code"] for a in addresses)
    with fiona.open(tmp_path / "demo.gpkg", layer="components") as components:
        ids = [f["properties"]["component_id"] for f in components]
        grid_codes = {f["properties"]["bgid"] for f in components}
    assert len(ids) == 433 and len(set(ids)) == 433 and all(len(i) == 17 for i in ids)
    with fiona.open(tmp_path / "demo.gpkg", layer="unit_grids") as grids:
        assert grids.crs.to_epsg() == 4548 and len(grids) > 1000
        codes = [f["properties"]["grid_code"] for f in grids]
    assert len(set(codes)) == len(codes)
    assert grid_codes <= set(codes)  # every component's BGID is a grid of the demo
    for png in ("demo_map.png", "demo_heat.png"):
        image = QImage(str(tmp_path / png))
        assert image.width() >= 1000
        colours = {image.pixel(x, y) for x in range(0, image.width(), 25) for y in range(0, image.height(), 25)}
        assert len(colours) > 20, f"{png} looks blank"


def test_make_deploy_installs_the_plugin_into_a_profile(tmp_path):
    env = dict(os.environ, QGIS_PROFILE=str(tmp_path / "profile"))
    run = subprocess.run(["make", "-s", "deploy"], cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    installed = tmp_path / "profile" / "python" / "plugins" / "grid_plugin"
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(installed / "metadata.txt", encoding="utf-8")
    assert parser["general"]["hasProcessingProvider"] == "yes"
    assert (installed / "resources" / "i18n" / "grid_plugin_zh_CN.qm").exists()
    assert (installed / "processing" / "algorithms" / "divide_grids.py").exists()
