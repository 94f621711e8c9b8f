"""The dock's Evaluation step (评价): the evaluation of case handling per grid, community, street,
department or source (gridplugin:evaluatecases), with its HTML report one click away, and the
emerging hot spots of the cases (gridplugin:emerginghotspots).

The layers of the last runs are what the map tool reads for the clicked grid's indicators and
emerging hot spot category (`evaluation_layer`, `emerging_layer`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from qgis.core import QgsMapLayer, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QGroupBox, QHBoxLayout, QVBoxLayout

from grid_plugin.gui.parameter_form import ParameterForm
from grid_plugin.gui.steps import Step, algorithm
from grid_plugin.toolbelt.i18n import tr

EVALUATE, EMERGING = "gridplugin:evaluatecases", "gridplugin:emerginghotspots"
EVALUATION_KEYS = ("level", "code")  # fields of the evaluation's table and map (core.cases.evaluation_report)
EMERGING_KEYS = ("grid_code", "category", "trend_z")  # fields of the emerging hot spots per grid


def previous_month(today: dt.date) -> tuple[str, str]:
    """The last whole calendar month before `today`: the evaluation's period until the user picks one."""
    first = today.replace(day=1)
    start = (first - dt.timedelta(days=1)).replace(day=1)
    return start.isoformat(), first.isoformat()


def open_file(path: str) -> bool:
    """Open a file with the desktop's application for it (the browser for an HTML report)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def _with_fields(layers: list[QgsMapLayer], names: tuple[str, ...]) -> list[str]:
    """Ids of the vector layers among `layers` that have all the fields `names`."""
    return [layer.id() for layer in layers if isinstance(layer, QgsVectorLayer)
            and all(layer.fields().indexOf(name) >= 0 for name in names)]


def _in_project(layer_ids: list[str]) -> QgsVectorLayer | None:
    """The first of the layers still in the project (the user may have removed some)."""
    project = QgsProject.instance()
    for layer_id in layer_ids:
        layer = project.mapLayer(layer_id)
        if isinstance(layer, QgsVectorLayer) and layer.isValid():
            return layer
    return None


class EvaluationStep(Step):
    EVALUATE_OUTPUTS: ClassVar[dict[str, tuple[str, str]]] = {
        "AREAS": ("evaluation_map", ".gpkg"), "REPORT_HTML": ("evaluation_report", ".html")}
    EMERGING_OUTPUTS: ClassVar[dict[str, tuple[str, str]]] = {
        "OUTPUT": ("emerging_hotspots", ".gpkg"), "BINS": ("emerging_hotspot_bins", ".gpkg")}

    def __init__(self, *args, zone: Callable[[], str], **kwargs):
        super().__init__(*args, **kwargs)
        self.zone = zone
        evaluation = QGroupBox(tr("Evaluation of case handling"))
        evaluation.setLayout(QVBoxLayout())
        self.layout_.addWidget(evaluation)
        self.evaluate_form = ParameterForm(algorithm(EVALUATE), [
            "LEVEL", "START", "END", "GRACE_DAYS", "REWORK_BASE", "CLOSE_BASE", "WEIGHTS", "MIN_CASES", "AREAS",
            "REPORT_HTML", "REPORT_PDF"], self.default_outputs(self.EVALUATE_OUTPUTS))
        start, end = previous_month(dt.date.today())
        self.evaluate_form.set_value("START", start)
        self.evaluate_form.set_value("END", end)
        evaluation.layout().addWidget(self.evaluate_form)
        row = QHBoxLayout()
        evaluation.layout().addLayout(row)
        self.button("evaluate", tr("Evaluate"), self.run_evaluate, row)
        self.button("open_report", tr("Open the evaluation report"), self.open_report, row).setEnabled(False)
        emerging = QGroupBox(tr("Emerging hot spots"))
        emerging.setLayout(QVBoxLayout())
        self.layout_.addWidget(emerging)
        self.emerging_form = ParameterForm(algorithm(EMERGING), [
            "START", "END", "TIME_STEP", "RINGS", "WINDOW", "FDR", "MIN_BINS", "OUTPUT", "BINS"],
            self.default_outputs(self.EMERGING_OUTPUTS))
        emerging.layout().addWidget(self.emerging_form)
        self.button("emerging", tr("Find emerging hot spots"), self.run_emerging, emerging.layout())
        self.report_path = ""  # the HTML report of the last evaluation
        self.evaluation_layers: list[str] = []  # ids of its table and map
        self.emerging_layers: list[str] = []  # id of the emerging hot spots per grid

    def run_evaluate(self) -> bool:
        parameters = {**self.evaluate_form.values(), **self.store_parameters(), "TIMEZONE": self.zone(),
                      "OUTPUT": self.output_path("evaluation", ".gpkg"),
                      "RANKING": self.output_path("evaluation_ranking", ".gpkg")}
        return self.run(EVALUATE, parameters, tr("Evaluation"))

    def run_emerging(self) -> bool:
        parameters = {**self.emerging_form.values(), **self.store_parameters(), "TIMEZONE": self.zone()}
        return self.run(EMERGING, parameters, tr("Evaluation"))

    def open_report(self) -> bool:
        return bool(self.report_path) and Path(self.report_path).exists() and open_file(self.report_path)

    def evaluation_layer(self) -> QgsVectorLayer | None:
        """The last evaluation's table or map, if still in the project."""
        return _in_project(self.evaluation_layers)

    def emerging_layer(self) -> QgsVectorLayer | None:
        """The last emerging hot spots per grid, if still in the project."""
        return _in_project(self.emerging_layers)

    def on_finished(self, algorithm_id, results, layers) -> None:
        if algorithm_id == EVALUATE:
            self.evaluation_layers = _with_fields(layers, EVALUATION_KEYS)
            self.report_path = str(results.get("REPORT_HTML") or "")
            self.buttons["open_report"].setEnabled(bool(self.report_path))
            self.refresh_outputs()
        elif algorithm_id == EMERGING:
            self.emerging_layers = _with_fields(layers, EMERGING_KEYS)
            self.refresh_outputs()

    def refresh_outputs(self) -> None:
        for name, (stem, suffix) in self.EVALUATE_OUTPUTS.items():
            self.evaluate_form.set_value(name, self.output_path(stem, suffix))
        for name, (stem, suffix) in self.EMERGING_OUTPUTS.items():
            self.emerging_form.set_value(name, self.output_path(stem, suffix))
