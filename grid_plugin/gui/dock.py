"""GridDockWidget: one panel from community boundaries to coded grids, coded components, a
live case heatmap and the evaluation of case handling. A launcher over the Processing algorithms:
every run is a background task with a progress bar and a cancel button; results land in
layer-tree groups with their styles; errors go to the message bar with the algorithm's own message."""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsProject, QgsSettings
from qgis.gui import QgsDockWidget, QgsFileWidget
from qgis.PyQt.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from grid_plugin.core.addresses.addresses import NearestAddress
from grid_plugin.core.cases.times import DEFAULT_TIME_ZONE
from grid_plugin.gui.algorithm_runner import AlgorithmRunner, layer_group
from grid_plugin.gui.evaluation_step import EvaluationStep
from grid_plugin.gui.parameter_form import unique_path
from grid_plugin.gui.spot_info import SpotInfoTool, describe_spot, spot_html
from grid_plugin.gui.steps import DIVIDE, CaseStep, ComponentStep, ExportStep, GridStep
from grid_plugin.gui.store_picker import StorePicker
from grid_plugin.store.base import StoreError
from grid_plugin.store.choice import GPKG, KINDS, StoreChoice
from grid_plugin.toolbelt.i18n import tr
from grid_plugin.toolbelt.settings import SETTINGS_GROUP, PluginSettings, project_choice, set_project_choice


class GridDockWidget(QgsDockWidget):
    def __init__(self, iface, parent: QWidget | None = None):
        super().__init__(tr("Grid city management"), parent)
        self.setObjectName("GridPluginDock")
        self.iface = iface
        self.settings = PluginSettings.load()
        self.runner = AlgorithmRunner(self)
        body = QWidget()
        layout = QVBoxLayout(body)

        common = QGroupBox(tr("Store and outputs"))
        common_layout = QFormLayout(common)
        self.store = StorePicker()
        common_layout.addRow(self.store)
        self.output_folder = QgsFileWidget()
        self.output_folder.setObjectName("output_folder")
        self.output_folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        common_layout.addRow(tr("Output folder"), self.output_folder)
        layout.addWidget(common)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("steps")
        arguments = (self.run_algorithm, self.output_path, self.store.parameters)
        self.grid_step = GridStep(*arguments)
        self.component_step = ComponentStep(*arguments)
        self.case_step = CaseStep(*arguments, open_store=lambda: self.store.open(create=True),
                                  zone=lambda: self.settings.time_zone or DEFAULT_TIME_ZONE)
        self.evaluation_step = EvaluationStep(*arguments, zone=lambda: self.settings.time_zone or DEFAULT_TIME_ZONE)
        self.export_step = ExportStep(*arguments, grid_step=self.grid_step)
        self.steps = [self.grid_step, self.component_step, self.case_step, self.evaluation_step, self.export_step]
        for step, label in zip(self.steps, (tr("Grids"), tr("Component coding"), tr("Cases & heat"),
                                            tr("Evaluation"), tr("Export")), strict=True):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(step)
            self.tabs.addTab(scroll, label)
        layout.addWidget(self.tabs, 1)

        run_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setEnabled(False)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel_button)
        layout.addLayout(run_row)
        self.status = QLabel(tr("Ready"))
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        spot = QGroupBox(tr("At this spot"))
        spot_layout = QVBoxLayout(spot)
        self.spot_button = QPushButton(tr("Click the map for codes, components and cases"))
        self.spot_button.setObjectName("spot_tool")
        self.spot_button.setCheckable(True)
        self.spot_text = QTextBrowser()
        self.spot_text.setObjectName("spot_text")
        self.spot_text.setMaximumHeight(180)
        spot_layout.addWidget(self.spot_button)
        spot_layout.addWidget(self.spot_text)
        layout.addWidget(spot)
        self.setWidget(body)

        self.spot_tool = SpotInfoTool(iface.mapCanvas())
        self.last_spot = None  # the SpotInfo shown last
        self._gazetteer: tuple | None = None  # (store key, NearestAddress) for the map tool
        self.spot_tool.spotClicked.connect(self.show_spot)
        self.spot_button.toggled.connect(self.toggle_spot_tool)
        self.spot_tool.deactivated.connect(lambda: self.spot_button.setChecked(False))
        self.runner.progress.connect(lambda value: self.progress.setValue(int(value)))
        self.runner.started.connect(self.on_started)
        self.runner.finished.connect(self.on_finished)
        self.runner.failed.connect(self.on_failed)
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.case_step.heat_controls.loaded.connect(self.add_live_heat)
        self.case_step.heat_controls.redrawn.connect(lambda _total, _ms: self.iface.mapCanvas().refresh())
        self.restore()
        self.store.changed.connect(self.remember)
        self.output_folder.fileChanged.connect(lambda _path: self.folder_changed())
        self.tabs.currentChanged.connect(lambda _index: self.remember())
        project = QgsProject.instance()
        project.readProject.connect(self.restore)

    # ---- settings --------------------------------------------------------------------------------------
    def restore(self, *_args) -> None:
        """User settings, overridden by the choices saved in the project (store, output folder)."""
        settings = self.settings
        kind = project_choice("store_kind", settings.store_kind)
        self.store.set_choice(StoreChoice(kind if kind in KINDS else GPKG,
                                          project_choice("store_path", settings.store_path),
                                          project_choice("connection", settings.connection),
                                          project_choice("db_schema", settings.db_schema)))
        folder = project_choice("output_folder", settings.output_folder)
        self.output_folder.setFilePath(folder)
        self.tabs.setCurrentIndex(min(max(settings.last_step, 0), self.tabs.count() - 1))
        if not self.store.is_set() and self.store.kind_name() == GPKG:
            self.store.gpkg_file.setFilePath(str(Path(folder) / "cases.gpkg"))
        self.restore_forms()
        for step in self.steps:
            step.refresh_outputs()

    def forms(self):
        return [form for step in self.steps for form in step.forms()]

    def restore_forms(self) -> None:
        """Key parameters from the user's settings, layer choices from the project."""
        settings = QgsSettings()
        for form in self.forms():
            prefix = f"{SETTINGS_GROUP}/forms/{form.algorithm.name()}"
            stored = {name: settings.value(f"{prefix}/{name}") for name in form.preferences()}
            form.restore_preferences({k: str(v) for k, v in stored.items() if v is not None})
            layers = {}
            for name in form.widgets:
                layer_id = project_choice(f"layers/{form.algorithm.name()}/{name}")
                if layer_id:
                    layers[name] = layer_id
            form.restore_layers(layers)

    def remember_forms(self) -> None:
        settings = QgsSettings()
        for form in self.forms():
            prefix = f"{SETTINGS_GROUP}/forms/{form.algorithm.name()}"
            for name, value in form.preferences().items():
                settings.setValue(f"{prefix}/{name}", value)
            for name, layer_id in form.layer_choices().items():
                set_project_choice(f"layers/{form.algorithm.name()}/{name}", layer_id)

    def remember(self) -> None:
        settings = self.settings
        choice = self.store.choice()
        settings.store_kind, settings.store_path = choice.kind, choice.path
        settings.connection, settings.db_schema = choice.connection, choice.schema
        settings.output_folder = self.output_folder.filePath()
        settings.last_step = self.tabs.currentIndex()
        settings.save()
        for key in ("store_kind", "store_path", "connection", "db_schema", "output_folder"):
            set_project_choice(key, str(getattr(settings, key)))

    def folder_changed(self) -> None:
        self.remember()
        for step in self.steps:
            step.refresh_outputs()

    def output_path(self, stem: str, suffix: str) -> str:
        folder = Path(self.output_folder.filePath() or self.settings.output_folder)
        return unique_path(folder, stem, suffix)

    # ---- runs ------------------------------------------------------------------------------------------
    def run_algorithm(self, algorithm_id: str, parameters: dict, group: str) -> bool:
        folder = Path(self.output_folder.filePath() or self.settings.output_folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            self.on_failed(algorithm_id, tr("The output folder {} cannot be made: {}").format(folder, err))
            return False
        self.remember_forms()
        return self.runner.run(algorithm_id, parameters, group)

    def on_started(self, algorithm_id: str) -> None:
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        for step in self.steps:
            step.setEnabled(False)
        algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
        self.status.setText(tr("Running {}…").format(algorithm.displayName() if algorithm else algorithm_id))

    def _done(self) -> None:
        self.cancel_button.setEnabled(False)
        for step in self.steps:
            step.setEnabled(True)

    def on_finished(self, algorithm_id: str, results: dict, layers: list) -> None:
        self._done()
        self.progress.setValue(100)
        for step in self.steps:
            step.on_finished(algorithm_id, results, layers)
        if algorithm_id == DIVIDE and self.grid_step.last_grids is not None:
            for step in self.steps:  # the new grids are the grids of the next steps
                step.set_grids(self.grid_step.last_grids)
        text = summary(algorithm_id, results)
        self.status.setText(text)
        self.iface.messageBar().pushMessage(tr("Grid city management"), text, Qgis.MessageLevel.Success, 5)

    def on_failed(self, algorithm_id: str, message: str) -> None:
        self._done()
        self.progress.setValue(0)
        self.status.setText(message)
        self.iface.messageBar().pushMessage(tr("Grid city management"), message, Qgis.MessageLevel.Critical, 0)

    # ---- map tool ----------------------------------------------------------------------------------------
    def toggle_spot_tool(self, on: bool) -> None:
        canvas = self.iface.mapCanvas()
        if on:
            canvas.setMapTool(self.spot_tool)
        elif canvas.mapTool() is self.spot_tool:
            canvas.unsetMapTool(self.spot_tool)

    def show_spot(self, point, crs) -> None:
        evaluation, emerging = self.evaluation_step.evaluation_layer(), self.evaluation_step.emerging_layer()
        grids = (self.component_step.code.layer("GRIDS") or self.grid_step.last_grids
                 or (self.case_step.heat_controls.heat and self.case_step.heat_controls.heat.layer) or emerging)
        components = self.component_step.last_components or self.component_step.code.layer("INPUT")
        store = None
        try:
            if self.store.is_set():
                store = self.store.open(create=False)
        except StoreError:
            store = None  # no store yet: codes and components only
        try:
            info = describe_spot(point, crs, grids, components, store, self.settings.recent_case_days,
                                 addresses=self.nearest_addresses(store), evaluation=evaluation, emerging=emerging)
        finally:
            if store is not None:
                store.close()
        self.spot_text.setHtml(spot_html(info))
        self.last_spot = info

    def nearest_addresses(self, store) -> NearestAddress | None:
        """The store's gazetteer for the map tool, read once per store and size (not per click)."""
        if store is None:
            return None
        key = (store.label, store.count_addresses())
        if self._gazetteer is None or self._gazetteer[0] != key:
            self._gazetteer = (key, NearestAddress(store.read_addresses()))
        return self._gazetteer[1]

    # ---- live heat ----------------------------------------------------------------------------------------
    def add_live_heat(self, grids, daily) -> None:
        heat = self.case_step.heat_controls.set_data(grids, daily, tr("Cases per grid (live)"))
        project = QgsProject.instance()
        old = self.case_step.live_layer
        if old is not None and project.mapLayer(old.id()) is not None:
            project.removeMapLayer(old.id())
        project.addMapLayer(heat.layer, False)
        layer_group(project, tr("Cases")).insertLayer(0, heat.layer)
        self.case_step.live_layer = heat.layer

    def closeEvent(self, event) -> None:
        self.remember()
        super().closeEvent(event)


def summary(algorithm_id: str, results: dict) -> str:
    """One line on what a run did, from its numeric and pass/fail outputs, with their descriptions."""
    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    parts = []
    for key, value in results.items():
        output = algorithm.outputDefinition(key) if algorithm is not None else None
        if output is None or output.type() not in ("outputNumber", "outputBoolean"):
            continue
        if isinstance(value, bool):
            parts.append(output.description() + tr(": yes") if value else output.description() + tr(": no"))
        elif isinstance(value, (int, float)):
            shown = int(value) if float(value).is_integer() else round(float(value), 3)
            parts.append(f"{output.description()} {shown}")
    name = algorithm.displayName() if algorithm is not None else algorithm_id
    return tr("{} finished: {}").format(name, "; ".join(parts) or tr("done"))
