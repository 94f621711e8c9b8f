"""The qgis_process examples of the algorithm pages run, in the order of the site's navigation, with the
packaged plugin (each example builds on the ones before it: grids, components, the store, heat, export).

Needs the zip of `make package` (the test command builds it) and qgis_process; like the build test, it runs on
the QGIS 3.22 suite only (.ci/lane340.sh does not run tests/docs)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sysconfig
import zipfile

from grid_plugin.toolbelt.paths import plugin_version
from tests.conftest import REPO

DOCS = REPO / "docs"


def examples() -> list[tuple[str, str]]:
    """(algorithm, shell commands) of every algorithm page, in navigation order; the same in both languages."""
    names = re.findall(r"^\s*- algorithms/(\w+)\.md$", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    found = []
    for name in names:
        blocks = {lang: (DOCS / lang / "algorithms" / f"{name}.md").read_text(encoding="utf-8").split("```sh\n")[-1]
                  .split("```")[0] for lang in ("zh", "en")}
        assert blocks["zh"] == blocks["en"], f"{name}: the examples of the two languages differ"
        assert f"qgis_process.bin run gridplugin:{name} --" in blocks["en"], f"{name}: no qgis_process example"
        found.append((name, blocks["en"]))
    return found


def test_every_example_runs_with_the_packaged_plugin(tmp_path):
    package = REPO / "dist" / f"grid_plugin-{plugin_version()}.zip"
    assert package.exists(), f"{package} missing: the test command builds it with make package"
    plugins = tmp_path / "plugins"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(plugins)
    work = tmp_path / "work"
    work.mkdir()
    env = dict(os.environ, QGIS_PLUGINPATH=str(plugins), QT_QPA_PLATFORM="offscreen",
               XDG_DATA_HOME=str(tmp_path / "xdg"),  # a throw-away QGIS profile
               PYTHONPATH=sysconfig.get_paths()["purelib"])  # shapely 2 for QGIS's Python
    enabled = subprocess.run(["qgis_process.bin", "plugins", "enable", "grid_plugin"], env=env, capture_output=True,
                             text=True, timeout=300, check=False)
    assert "Enabling plugin" in enabled.stdout, enabled.stdout + enabled.stderr
    ran = []
    for name, commands in examples():
        script = commands.replace("/tmp/", f"{work}/").replace("qgis_process.bin run", "qgis_process.bin --json run")
        run = subprocess.run(["bash", "-ec", script], cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
                             check=False)
        output = f"{run.stdout[-2000:]}\n{run.stderr[-2000:]}"
        assert run.returncode == 0, f"the example of {name} failed:\n{script}\n{output}"
        results = json.loads(run.stdout[run.stdout.index("{"):])["results"]
        assert results, f"{name}: no results"
        ran.append(name)
        if name in ("validategrids", "validatecomponents"):
            assert results["PASSED"] is True, (name, results)
    assert {"dividegrids", "importcases", "convertcoordinates"} <= set(ran), ran
