"""The main job (make demo) and make deploy, as a user runs them."""

import configparser
import os
import subprocess
import sys

import fiona
from qgis.PyQt.QtGui import QImage

from tests.conftest import REPO


def test_demo_writes_the_geopackage_and_a_map(tmp_path):
    run = subprocess.run([sys.executable, "-m", "grid_plugin.demo", "--out", str(tmp_path)], cwd=REPO,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.gpkg", "demo_map.png"]  # no temp left over
    assert set(fiona.listlayers(tmp_path / "demo.gpkg")) == {"communities", "roads", "unit_grids", "components"}
    with fiona.open(tmp_path / "demo.gpkg", layer="components") as components:
        ids = [f["properties"]["component_id"] for f in components]
        grid_codes = {f["properties"]["bgid"] for f in components}
    assert len(ids) == 433 and len(set(ids)) == 433 and all(len(i) == 17 for i in ids)
    with fiona.open(tmp_path / "demo.gpkg", layer="unit_grids") as grids:
        assert grids.crs.to_epsg() == 4548 and len(grids) > 1000
        codes = [f["properties"]["grid_code"] for f in grids]
    assert len(set(codes)) == len(codes)
    assert grid_codes <= set(codes)  # every component's BGID is a grid of the demo
    image = QImage(str(tmp_path / "demo_map.png"))
    assert image.width() >= 1000
    colours = {image.pixel(x, y) for x in range(0, image.width(), 25) for y in range(0, image.height(), 25)}
    assert len(colours) > 20, "the map looks blank"


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
