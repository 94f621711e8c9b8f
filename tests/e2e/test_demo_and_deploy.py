"""The main job (make demo) and make deploy, as a user runs them."""

import configparser
import os
import re
import subprocess
import sys
from collections import Counter

import fiona
from qgis.PyQt.QtGui import QImage

from grid_plugin.core.cases.emerging import INTENSIFYING, NEW
from tests.conftest import REPO


def test_demo_writes_the_geopackage_and_a_map(tmp_path):
    demo = REPO / "resources" / "sample" / "demo.py"
    run = subprocess.run([sys.executable, str(demo), "--out", str(tmp_path)], cwd=REPO,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    # the division follows the roads and the sample's parcels, and says how the boundaries split
    assert re.search(r"unit grids: \d+ in EPSG:4548; interior boundaries on roads \d+\.\d%, on parcel edges "
                     r"\d+\.\d%, straight \d+\.\d%", run.stdout), run.stdout[-2000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([  # and no temporary folder left over
        "demo.gpkg", "demo_map.png", "cases.gpkg", "case_rejects.csv", "case_density.tif", "case_report.csv",
        "case_report.html", "demo_heat.png", "demo_emerging.png", "evaluation_communities.html",
        "evaluation_communities.pdf", "evaluation_departments.html"])
    assert set(fiona.listlayers(tmp_path / "demo.gpkg")) == {
        "communities", "roads", "parcels", "unit_grids", "components", "case_heat", "case_hotspots",
        "emerging_hotspots", "evaluation_communities", "evaluation_communities_map", "evaluation_communities_ranking",
        "evaluation_departments", "evaluation_departments_ranking"}
    with fiona.open(tmp_path / "demo.gpkg", layer="case_heat") as heat:
        assert sum(f["properties"]["case_count"] for f in heat) == 5355  # every imported sample case in a grid
    with fiona.open(tmp_path / "cases.gpkg", layer="cases") as cases:
        assert len(cases) == 5355 and cases.crs.to_epsg() == 4490
        handled = [f["properties"] for f in cases]
    # the sample's 3 rows closed before their report are rejected by row and case, and named in the rejects
    rejects = (tmp_path / "case_rejects.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rejects) == 4 and all("结案时间" in line and "is before reported_at" in line for line in rejects[1:])
    # the handling came in under its Chinese headers: departments (a trailing space stripped), stages, counts
    departments = Counter(p["department"] for p in handled)
    assert departments["环卫"] > 800 and "环卫 " not in departments and departments["区城管执法局"] > 0
    assert sum(p["filed_at"] is not None for p in handled) > 5000 and sum(p["invalid"] == 1 for p in handled) > 50
    assert {p["rework_count"] for p in handled} == {0, 1, 2, None}
    assert_planted_hot_spot_found(tmp_path, handled)
    assert_evaluated(tmp_path)
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
    for png in ("demo_map.png", "demo_heat.png", "demo_emerging.png"):
        image = QImage(str(tmp_path / png))
        assert image.width() >= 1000
        colours = {image.pixel(x, y) for x in range(0, image.width(), 25) for y in range(0, image.height(), 25)}
        assert len(colours) > 20, f"{png} looks blank"


def assert_planted_hot_spot_found(out, cases):
    """The sample's parcel station (resources/sample/make_emerging.py): the grids that hold its complaints
    come out as intensifying (or new) hot spots of the weekly emerging hot spot analysis."""
    planted = Counter(p["grid_code"] for p in cases if "快递" in p["description"])
    assert sum(planted.values()) > 250
    grids = [code for code, count in planted.items() if count >= 0.05 * sum(planted.values())]
    assert len(grids) >= 3  # a cluster of a few neighbouring grids
    with fiona.open(out / "demo.gpkg", layer="emerging_hotspots") as emerging:
        category = {f["properties"]["grid_code"]: f["properties"]["category"] for f in emerging}
    found = {code: category[code] for code in grids}
    assert set(found.values()) <= {NEW, INTENSIFYING}, found


def assert_evaluated(out):
    """The evaluation of Q4 2025 per community (with its map and PDF) and per department."""
    with fiona.open(out / "demo.gpkg", layer="evaluation_communities_map") as areas:
        assert len(areas) == 27 and {f["properties"]["grade"] for f in areas} <= set("ABCDE")
    with fiona.open(out / "demo.gpkg", layer="evaluation_departments") as table:
        names = {f["properties"]["name"] for f in table}
    assert {"城管执法局", "环卫", "水务", "翠渠街道办事处"} <= names and "环卫 " not in names
    for report in ("evaluation_communities.html", "evaluation_departments.html"):
        text = (out / report).read_text(encoding="utf-8")
        assert "按期结案率" in text and "2025-10-01" in text
    assert (out / "evaluation_communities.pdf").read_bytes().startswith(b"%PDF")


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
