"""gridplugin:dividegrids dividing communities side by side (worker processes, as many as QGIS's
"Max cores to use" allows): the same file as one after the other, a cancel mid-division writes
nothing and leaves no worker running, and the time by stage is in the log's debug lines."""

from __future__ import annotations

import json

import processing
import pytest
from qgis.core import QgsApplication, QgsProcessingFeedback, QgsVectorLayer

from tests.unit.test_parallel import record_pools


def params(sample_gpkg, out):
    return {
        "INPUT": f"{sample_gpkg}|layername=communities", "MODE": "1", "LINES": f"{sample_gpkg}|layername=roads",
        "ROAD_CLASS_FIELD": "road_class", "COMMUNITY_CODE_FIELD": "community_code",
        "COMMUNITY_NAME_FIELD": "community_name", "STREET_NAME_FIELD": "street_name",
        "EFFECTIVE_DATE": "2025-01-01", "OUTPUT": str(out),
    }


@pytest.fixture()
def max_threads(monkeypatch):
    """Set QGIS's thread limit ("Max cores to use") for a test, restored afterwards. QGIS 3.34 and later keep at
    least 2 threads whatever is set, so a limit of 1 is what the algorithm is shown (grid_plugin.processing.base
    reads it from there), not what QGIS is told."""
    import grid_plugin.processing.base as base

    before = QgsApplication.maxThreads()

    def limit(threads: int) -> None:
        QgsApplication.setMaxThreads(threads)
        monkeypatch.setattr(base, "QgsApplication", type("Limited", (), {"maxThreads": staticmethod(lambda: threads)}))

    yield limit
    QgsApplication.setMaxThreads(before)


@pytest.fixture()
def pools(monkeypatch):
    return record_pools(monkeypatch)


class Recorder(QgsProcessingFeedback):
    def __init__(self, cancel_above: float | None = None):
        super().__init__()
        self.debug: list[str] = []
        self.warnings: list[str] = []
        self.cancel_above = cancel_above

    def pushDebugInfo(self, info):  # Qt override
        self.debug.append(info)
        super().pushDebugInfo(info)

    def pushWarning(self, warning):  # Qt override
        self.warnings.append(warning)
        super().pushWarning(warning)

    def setProgress(self, progress):  # Qt override
        super().setProgress(progress)
        if self.cancel_above is not None and progress > self.cancel_above:
            self.cancel()


def features(path):
    layer = QgsVectorLayer(str(path), "grids", "ogr")
    assert layer.isValid()
    return [(f.id(), bytes(f.geometry().asWkb()), f.attributes()) for f in layer.getFeatures()]


def test_side_by_side_writes_the_same_file_as_one_after_the_other(gridplugin, sample_gpkg, tmp_path, max_threads,
                                                                   pools):
    max_threads(1)
    serial = Recorder()
    processing.run("gridplugin:dividegrids", params(sample_gpkg, tmp_path / "serial.gpkg"), feedback=serial)
    assert not pools
    max_threads(2)
    side_by_side = Recorder()
    processing.run("gridplugin:dividegrids", params(sample_gpkg, tmp_path / "parallel.gpkg"), feedback=side_by_side)
    assert len(pools) == 1 and not pools[0].failure  # two worker processes divided the communities
    written = features(tmp_path / "parallel.gpkg")
    assert len(written) > 1000
    assert written == features(tmp_path / "serial.gpkg")
    assert side_by_side.warnings == serial.warnings


def test_a_cancel_while_dividing_writes_nothing_and_stops_the_workers(gridplugin, sample_gpkg, tmp_path, max_threads,
                                                                      pools):
    max_threads(2)
    feedback = Recorder(cancel_above=10.0)  # the division reports 0-80 %
    result = processing.run("gridplugin:dividegrids", params(sample_gpkg, tmp_path / "grids.gpkg"), feedback=feedback)
    assert feedback.isCanceled()
    assert result.get("OUTPUT") is None and "GRID_COUNT" not in result
    assert list(tmp_path.iterdir()) == []
    assert len(pools) == 1 and all(process.poll() is not None for process in pools[0]._processes)


def test_the_time_by_stage_is_logged(gridplugin, sample_gpkg, tmp_path):
    feedback = Recorder()
    processing.run("gridplugin:dividegrids", params(sample_gpkg, tmp_path / "grids.gpkg"), feedback=feedback)
    lines = [line for line in feedback.debug if "{" in line]
    assert len(lines) == 1
    seconds = json.loads(lines[0][lines[0].index("{"):])
    for stage in ("reading layers", "blocks", "splitting", "communities (wall)", "precision snap", "quality figures",
                  "writing"):
        assert seconds[stage] > 0.0, stage
