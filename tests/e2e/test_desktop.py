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


def test_packaged_plugin_runs_dividegrids_in_the_qgis_desktop(tmp_path, sample_gpkg):
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
    env.update(GRID_E2E_OUT=str(out), GRID_E2E_SAMPLE=str(sample_gpkg))
    completed = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--nologo", "--noversioncheck",
         "--profiles-path", str(profiles), "--code", str(Path(__file__).with_name("drive_qgis.py"))],
        env=env, capture_output=True, text=True, timeout=300,
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
    saved = REPO / "out" / "screenshots"
    saved.mkdir(parents=True, exist_ok=True)
    (saved / "e2e_qgis_window.png").write_bytes((out / "qgis_window.png").read_bytes())
