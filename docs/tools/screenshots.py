"""Screenshots of the getting-started page, taken in the real QGIS desktop (make docs-screenshots).

Installs the plugin of this checkout into a fresh QGIS profile (Chinese locale), starts QGIS under
Xvfb with docs/tools/screenshots_in_qgis.py, which runs the end-to-end driver tests/e2e/drive_qgis.py
(the whole workflow through the dock) and grabs the window at the steps the page shows, then
writes the pictures to docs/images/ as palette PNGs (pngquant, Debian package `pngquant`) of at most
300 KB each. Needs xvfb-run and QGIS (make setup) and the compiled translations (make translations).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
IMAGES = REPO / "docs" / "images"
MAX_BYTES = 300_000
# window grab (or output file) -> picture of the docs
SHOTS = {
    "docs_grids.png": "getting_started_grids.png",
    "docs_components.png": "getting_started_components.png",
    "dock_live_heat.png": "getting_started_live_heat.png",
    "docs_heat.png": "getting_started_heat.png",
}
MAP_PAGE = "getting_started_responsibility_map.png"  # the first page preview of the responsibility maps


def stage_plugin(plugins_dir: Path) -> None:
    """The installed layout (what `make package` zips), staged straight into the profile."""
    spec = importlib.util.spec_from_file_location("grid_package", REPO / ".ci" / "package.py")
    package = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(package)
    package.stage(plugins_dir)


def shrink(source: Path, target: Path) -> None:
    """A palette PNG of at most MAX_BYTES: pngquant, fewer colours until it fits."""
    if shutil.which("pngquant") is None:
        sys.exit("docs screenshots: pngquant is missing (apt-get install pngquant)")
    for colours in (256, 128, 64, 32):
        subprocess.run(["pngquant", "--force", "--skip-if-larger", "--strip", "--speed", "1", str(colours),
                        "--output", str(target), str(source)], check=False)
        if target.exists() and target.stat().st_size <= MAX_BYTES:
            return
    sys.exit(f"docs screenshots: {target.name} stays above {MAX_BYTES} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary profile and outputs")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="grid-docs-shots-"))
    profiles = work / "profiles"
    plugins_dir = profiles / "profiles" / "default" / "python" / "plugins"
    plugins_dir.mkdir(parents=True)
    stage_plugin(plugins_dir)
    settings = profiles / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text("[PythonPlugins]\ngrid_plugin=true\n\n[locale]\noverrideFlag=true\nuserLocale=zh_CN\n",
                        encoding="utf-8")
    out = work / "out"
    out.mkdir()
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # a real window on the Xvfb screen
    env["PYTHONPATH"] = sysconfig.get_paths()["purelib"]  # shapely 2 for QGIS's Python
    sample = REPO / "resources" / "sample"
    env.update(GRID_E2E_OUT=str(out), GRID_E2E_SAMPLE=str(sample / "sample_district.gpkg"),
               GRID_E2E_CASES=str(sample / "sample_cases.csv"),
               GRID_DOCS_DRIVER=str(REPO / "tests" / "e2e" / "drive_qgis.py"))
    completed = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--nologo", "--noversioncheck",
         "--profiles-path", str(profiles), "--code", str(Path(__file__).with_name("screenshots_in_qgis.py"))],
        env=env, capture_output=True, text=True, timeout=600, check=False)
    report = out / "result.json"
    if not report.exists():
        sys.exit(f"QGIS exited {completed.returncode} without a report:\n{completed.stderr[-3000:]}")
    result = json.loads(report.read_text(encoding="utf-8"))
    if "error" in result or any("error" in step for step in result.get("dock_steps", [])):
        sys.exit(f"the driver failed: {result.get('error') or result['dock_steps']}")
    pages = sorted(out.rglob("page_001_*.png"))
    missing = [name for name in SHOTS if not (out / name).exists()] + ([] if pages else ["page_001_*.png"])
    if missing:
        sys.exit(f"docs screenshots: not taken: {', '.join(missing)} (kept in {work})")
    IMAGES.mkdir(parents=True, exist_ok=True)
    for grab, picture in [*SHOTS.items(), (pages[0], MAP_PAGE)]:
        shrink(out / grab, IMAGES / picture)
        print(f"{IMAGES / picture}: {(IMAGES / picture).stat().st_size // 1000} KB")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
