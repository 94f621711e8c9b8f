"""gridplugin:evaluatecases from qgis_process on the packaged plugin, as a monthly script would run it."""

import json
import subprocess

from grid_plugin.store.gpkg import GpkgStore
from tests.e2e.test_qgis_process import QGIS_PROCESS, packaged_plugin_env
from tests.qgis import evaluation_scenario as sc
from tests.qgis.test_evaluate_cases import fill, read_csv


def test_evaluatecases_from_qgis_process(tmp_path):
    env = packaged_plugin_env(tmp_path)
    store = tmp_path / "cases.gpkg"
    with GpkgStore(store) as opened:
        fill(opened, sc.scenario(120))

    def qgis_process(*args):
        return subprocess.run([QGIS_PROCESS, *args], env=env, capture_output=True, text=True, timeout=300)

    qgis_process("plugins", "enable", "grid_plugin")
    run = qgis_process("--json", "run", "gridplugin:evaluatecases", "--", f"STORE={store}", "LEVEL=3",
                       "START=2025-03-01", "END=2025-04-01", "REWORK_BASE=1", "WEIGHTS=按期结案率=2, close_rate=1",
                       f"OUTPUT={tmp_path / 'departments.csv'}", f"RANKING={tmp_path / 'ranking.csv'}",
                       f"REPORT_HTML={tmp_path / 'report.html'}", f"REPORT_PDF={tmp_path / 'report.pdf'}")
    assert run.returncode == 0, run.stderr[-2000:]
    results = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    assert results["FILED_COUNT"] > 0 and results["GRADED_COUNT"] == 3
    assert {row["code"] for row in read_csv(results["OUTPUT"])} == {*sc.DEPARTMENTS, ""}
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert "返工率" in (tmp_path / "report.html").read_text(encoding="utf-8")

    bad = qgis_process("run", "gridplugin:evaluatecases", "--", f"STORE={store}", "START=2025-04-01",
                       "END=2025-03-01", f"OUTPUT={tmp_path / 'bad.csv'}", f"RANKING={tmp_path / 'bad_rank.csv'}",
                       f"REPORT_HTML={tmp_path / 'bad.html'}")
    assert bad.returncode != 0 and "is not after its start" in bad.stdout + bad.stderr
    assert not (tmp_path / "bad.csv").exists()
