"""End to end: the packaged plugin in the real QGIS desktop under Xvfb."""

import json
import os
import subprocess
import sysconfig
import zipfile
from pathlib import Path

import pytest
from qgis.PyQt.QtGui import QImage

from grid_plugin.toolbelt.paths import plugin_version
from tests.conftest import REPO

pytestmark = pytest.mark.e2e


def test_packaged_plugin_runs_the_whole_workflow_through_the_dock_in_the_qgis_desktop(tmp_path, sample_gpkg):
    package = REPO / "dist" / f"grid_plugin-{plugin_version()}.zip"
    assert package.exists(), f"{package} missing: the test command builds it with make package"
    profiles = tmp_path / "profiles"
    plugins_dir = profiles / "profiles" / "default" / "python" / "plugins"
    plugins_dir.mkdir(parents=True)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(plugins_dir)
    settings = profiles / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text("[PythonPlugins]\ngrid_plugin=true\n\n[locale]\noverrideFlag=true\nuserLocale=zh_CN\n",
                        encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # a real window on the Xvfb screen
    # QGIS's Python must see shapely 2 (from the venv; Debian 12 ships 1.8)
    env["PYTHONPATH"] = sysconfig.get_paths()["purelib"]
    env.update(GRID_E2E_OUT=str(out), GRID_E2E_SAMPLE=str(sample_gpkg),
               GRID_E2E_CASES=str(REPO / "resources" / "sample" / "sample_cases.csv"))
    completed = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--nologo", "--noversioncheck",
         "--profiles-path", str(profiles), "--code", str(Path(__file__).with_name("drive_qgis.py"))],
        env=env, capture_output=True, text=True, timeout=420,
    )
    report = out / "result.json"
    assert report.exists(), f"QGIS exited {completed.returncode} without a report:\n{completed.stderr[-3000:]}"
    result = json.loads(report.read_text(encoding="utf-8"))
    assert "error" not in result, result["error"]
    assert result["plugin_loaded"] and result["provider"]
    assert result["plugin_file"].startswith(str(plugins_dir)), result["plugin_file"]
    assert "划分单元网格…" in result["menu_actions"]  # the zh_CN translation is installed
    assert result["grid_count"] > 100 and result["loaded_feature_count"] == result["grid_count"]
    assert result["crs"] == "EPSG:4548"
    assert result["stroke_color"] == "#e4007f"  # the magenta unit-grid style was applied

    shot = QImage(str(out / "qgis_window.png"))
    assert shot.width() >= 1000 and shot.height() >= 700
    magenta = sum(1 for x in range(0, shot.width(), 4) for y in range(0, shot.height(), 4)
                  if shot.pixelColor(x, y).red() > 180 and shot.pixelColor(x, y).green() < 90
                  and shot.pixelColor(x, y).blue() > 90)
    assert magenta > 200, "the grid layer is not visible in the window"

    # the dock, in Chinese, drove every step in background tasks, each started by its button
    assert result["dock_visible"] and result["dock_tabs"] == ["网格划分", "部件编码", "案件导入与热力", "评价", "导出"]
    assert result["cancel_enabled_while_running"] and result["progress_values"] > 0
    steps = [step["algorithm"] for step in result["dock_steps"]]
    assert all("error" not in step for step in result["dock_steps"]), result["dock_steps"]
    assert steps == ["gridplugin:dividegrids", "gridplugin:validategrids", "gridplugin:codecomponents",
                     "gridplugin:importcases", "gridplugin:caseheatmap", "gridplugin:evaluatecases",
                     "gridplugin:emerginghotspots", "gridplugin:exportgrids", "gridplugin:responsibilitymaps"], steps
    assert result["dock_grid_count"] > 1000 and result["dock_grid_stroke"] == "#e4007f"
    assert {"单元网格", "部件", "案件", "评价"} <= set(result["dock_groups"]), result["dock_groups"]
    assert result["dock_steps"][1]["numbers"]["PROBLEM_COUNT"] == 0  # the dock's grids validate
    assert result["coded_components"] == 433
    assert result["dock_steps"][3]["numbers"]["IMPORTED_COUNT"] == 5355  # 3 of 5,358 close before their report
    assert result["live_total"] == 5355 and 0 < result["live_window_total"] < 5355
    assert "91 天" in result["live_window_label"]  # days 90-180 of the slider, in Chinese
    assert result["exported_count"] == result["dock_grid_count"] and result["exported_crs"] == "EPSG:4326"
    assert result["atlas_pages"] == 27  # one responsibility map per sample community
    assert result["spot_tool_active"] and result["spot_grid"] == result["spot_bgid"]
    assert result["spot_component_id"] in result["spot_components"] and len(result["spot_beidou"]) > 10
    # the Evaluation step: its report, and the clicked grid's indicators and emerging hot spot category, in Chinese
    assert result["evaluation_report"] and result["open_report_enabled"]
    assert result["spot_evaluation_code"] == result["spot_grid"] and result["spot_emerging_category"] is not None
    for text in ("评价 2025-03-01", "立案数", "结案率", "按期结案率", "超期未结案数", "等级", "新兴热点", "类别"):
        assert text in result["spot_text"], (text, result["spot_text"])

    saved = REPO / "out" / "screenshots"
    saved.mkdir(parents=True, exist_ok=True)
    for name in ("qgis_window.png", "dock_live_heat.png", "dock_workflow.png"):
        shot = QImage(str(out / name))
        assert shot.width() >= 1000, f"{name} missing"
        (saved / f"e2e_{name}").write_bytes((out / name).read_bytes())
    heat = QImage(str(out / "dock_live_heat.png"))
    warm = sum(1 for x in range(0, heat.width(), 4) for y in range(0, heat.height(), 4)
               if heat.pixelColor(x, y).red() > 200 and 40 < heat.pixelColor(x, y).green() < 200
               and heat.pixelColor(x, y).blue() < 120)
    assert warm > 200, "the live heat layer is not visible in the window"
