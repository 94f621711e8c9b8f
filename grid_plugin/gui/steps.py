"""The four steps of the dock, each a page over the plugin's (or QGIS's) Processing algorithms:
网格划分 Grids, 部件编码 Components, 案件导入与热力 Cases & heat, 导出 Export.

A step shows the key parameters of its algorithms (ParameterForm, defaults from the algorithms),
and its buttons ask the dock to run them; what a run produced is handed back through
`on_finished` so a step can feed the next one (the new grid layer becomes the grids of the
component and case steps).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from qgis.core import (
    QgsApplication,
    QgsMapLayer,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from qgis.PyQt.QtXml import QDomDocument

from grid_plugin.core.export import FORMAT_KEYS, FORMATS, TARGETS
from grid_plugin.gui.heat_controls import HeatControls
from grid_plugin.gui.parameter_form import ParameterForm, layer_value
from grid_plugin.toolbelt.i18n import tr

DIVIDE, VALIDATE_GRIDS = "gridplugin:dividegrids", "gridplugin:validategrids"
CODE, VALIDATE_COMPONENTS = "gridplugin:codecomponents", "gridplugin:validatecomponents"
IMPORT, HEATMAP, HOTSPOTS = "gridplugin:importcases", "gridplugin:caseheatmap", "gridplugin:casehotspots"
EXPORT, MAPS = "gridplugin:exportgrids", "gridplugin:responsibilitymaps"

Run = Callable[[str, dict, str], bool]  # (algorithm id, parameters, layer-tree group) -> started


def algorithm(algorithm_id: str):
    found = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    if found is None:
        raise RuntimeError(f"Processing algorithm {algorithm_id} is not registered")
    return found


class Step(QWidget):
    """Base: a page of forms and buttons; `buttons` maps a name to its QPushButton."""

    def __init__(self, run: Run, output_path: Callable[[str, str], str], store_parameters: Callable[[], dict],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.run = run
        self.output_path = output_path
        self.store_parameters = store_parameters
        self.buttons: dict[str, QPushButton] = {}
        self.layout_ = QVBoxLayout(self)

    def form(self, algorithm_id: str, names: list[str], outputs: dict[str, tuple[str, str]],
             labels: dict[str, str] | None = None) -> ParameterForm:
        """A form whose outputs default to fresh files in the output folder: name -> (stem, suffix)."""
        form = ParameterForm(algorithm(algorithm_id), names, self.default_outputs(outputs), labels)
        self.layout_.addWidget(form)
        return form

    def default_outputs(self, outputs: dict[str, tuple[str, str]]) -> Callable[[str], str]:
        def default_output(name: str) -> str:
            stem, suffix = outputs.get(name, ("", ""))
            return self.output_path(stem, suffix) if stem else ""

        return default_output

    def button(self, key: str, text: str, slot: Callable[[], object], into=None) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(key)
        button.clicked.connect(lambda _checked=False: slot())
        (into or self.layout_).addWidget(button)
        self.buttons[key] = button
        return button

    def button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.layout_.addLayout(row)
        return row

    def forms(self) -> list[ParameterForm]:
        return self.findChildren(ParameterForm)

    def on_finished(self, algorithm_id: str, results: dict, layers: list[QgsMapLayer]) -> None:
        """Called for every finished run (of any step)."""

    def set_grids(self, layer: QgsMapLayer) -> None:
        """A new unit-grid layer is available."""

    def refresh_outputs(self) -> None:
        """Point output pickers at fresh files (after a run or a new output folder)."""


def _first_of_kind(layers: list[QgsMapLayer], geometry_type: int) -> QgsVectorLayer | None:
    for layer in layers:
        if isinstance(layer, QgsVectorLayer) and layer.geometryType() == geometry_type:
            return layer
    return None


class GridStep(Step):
    OUTPUTS: ClassVar[dict[str, tuple[str, str]]] = {
        "OUTPUT": ("unit_grids", ".gpkg"), "CHANGE_REPORT": ("grid_code_changes", ".csv")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.divide = self.form(DIVIDE, [
            "INPUT", "MODE", "COMMUNITY_CODE_FIELD", "STREET_NAME_FIELD", "COMMUNITY_NAME_FIELD", "LINES",
            "POLYGONS", "MANAGED_UNIT", "TARGET_AREA", "MIN_AREA", "MAX_AREA", "OPEN_LAND_MAX", "CELL_SIZE",
            "PREVIOUS", "OUTPUT", "CHANGE_REPORT"], self.OUTPUTS)
        row = self.button_row()
        self.button("divide", tr("Divide into unit grids"), self.run_divide, row)
        self.button("validate_grids", tr("Validate the grids"), self.run_validate, row)
        self.last_grids: QgsVectorLayer | None = None

    def run_divide(self) -> bool:
        return self.run(DIVIDE, self.divide.values(), tr("Unit grids"))

    def run_validate(self) -> bool:
        grids = self.last_grids or self.divide.layer("PREVIOUS")
        parameters = {"INPUT": layer_value(grids), "OUTPUT": "TEMPORARY_OUTPUT",
                      "REPORT": self.output_path("grid_validation", ".html"),
                      "CHECK_SEQUENCE": "false" if self.divide.layer("PREVIOUS") else "true"}
        communities = self.divide.layer("INPUT")
        if communities is not None:
            parameters.update(COMMUNITIES=layer_value(communities),
                              COMMUNITY_CODE_FIELD=self.divide.values().get("COMMUNITY_CODE_FIELD", "community_code"))
        return self.run(VALIDATE_GRIDS, parameters, tr("Unit grids"))

    def on_finished(self, algorithm_id, results, layers) -> None:
        if algorithm_id == DIVIDE:
            self.last_grids = _first_of_kind(layers, QgsWkbTypes.GeometryType.PolygonGeometry)
            self.refresh_outputs()

    def set_grids(self, layer) -> None:
        self.last_grids = layer

    def refresh_outputs(self) -> None:
        for name, (stem, suffix) in self.OUTPUTS.items():
            self.divide.set_value(name, self.output_path(stem, suffix))


class ComponentStep(Step):
    OUTPUTS: ClassVar[dict[str, tuple[str, str]]] = {"OUTPUT": ("components_coded", ".gpkg")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.code = self.form(CODE, ["INPUT", "CLASS_FIELD", "SCHEME", "GRIDS", "BEIDOU_LEVEL", "OUTPUT"],
                              self.OUTPUTS)
        self.keep_in_store = QCheckBox(tr("Also keep the coded components in the case store"))
        self.keep_in_store.setObjectName("keep_in_store")
        self.layout_.addWidget(self.keep_in_store)
        row = self.button_row()
        self.button("code", tr("Code components"), self.run_code, row)
        self.button("validate_components", tr("Validate the components"), self.run_validate, row)
        self.last_components: QgsVectorLayer | None = None

    def run_code(self) -> bool:
        parameters = self.code.values()
        if self.keep_in_store.isChecked():
            parameters.update(self.store_parameters())
        return self.run(CODE, parameters, tr("Components"))

    def run_validate(self) -> bool:
        components = self.last_components or self.code.layer("INPUT")
        values = self.code.values()
        parameters = {"INPUT": layer_value(components), "GRIDS": values.get("GRIDS"),
                      "SCHEME": values.get("SCHEME", "0"), "OUTPUT": "TEMPORARY_OUTPUT",
                      "REPORT": self.output_path("component_validation", ".html")}
        return self.run(VALIDATE_COMPONENTS, parameters, tr("Components"))

    def on_finished(self, algorithm_id, results, layers) -> None:
        if algorithm_id == CODE and layers:
            self.last_components = layers[0]
            self.refresh_outputs()

    def set_grids(self, layer) -> None:
        self.code.set_value("GRIDS", layer)

    def refresh_outputs(self) -> None:
        self.code.set_value("OUTPUT", self.output_path(*self.OUTPUTS["OUTPUT"]))


class CaseStep(Step):
    IMPORT_OUTPUTS: ClassVar[dict[str, tuple[str, str]]] = {"REJECTS": ("case_rejects", ".csv")}
    HEAT_OUTPUTS: ClassVar[dict[str, tuple[str, str]]] = {
        "GRID_COUNTS": ("case_heat", ".gpkg"), "DENSITY": ("case_density", ".tif")}

    def __init__(self, *args, open_store: Callable[[], object], zone: Callable[[], str], **kwargs):
        super().__init__(*args, **kwargs)
        self.open_store, self.zone = open_store, zone
        importing = QGroupBox(tr("Import cases"))
        importing.setLayout(QVBoxLayout())
        self.layout_.addWidget(importing)
        self.import_form = ParameterForm(algorithm(IMPORT), ["INPUT", "ENCODING", "COORDINATES", "TIMEZONE", "GRIDS",
                                                             "REJECTS"], self.default_outputs(self.IMPORT_OUTPUTS))
        importing.layout().addWidget(self.import_form)
        self.button("import_cases", tr("Import into the store"), self.run_import, importing.layout())
        heat = QGroupBox(tr("Heat"))
        heat.setLayout(QVBoxLayout())
        self.layout_.addWidget(heat)
        self.heat_form = ParameterForm(algorithm(HEATMAP), ["RADIUS", "PIXEL_SIZE", "GRID_COUNTS", "DENSITY",
                                                            "LIVE_LAYER"], self.default_outputs(self.HEAT_OUTPUTS))
        heat.layout().addWidget(self.heat_form)
        row = QHBoxLayout()
        heat.layout().addLayout(row)
        self.button("heatmap", tr("Heat maps"), self.run_heatmap, row)
        self.button("hotspots", tr("Hot spots and report"), self.run_hotspots, row)
        live = QGroupBox(tr("Live heat per grid"))
        live.setLayout(QVBoxLayout())
        self.layout_.addWidget(live)
        self.heat_controls = HeatControls()
        live.layout().addWidget(self.heat_controls)
        self.button("load_heat", tr("Load the live heat from the store"), self.load_live_heat, live.layout())
        self.live_layer: QgsVectorLayer | None = None

    def run_import(self) -> bool:
        return self.run(IMPORT, {**self.import_form.values(), **self.store_parameters()}, tr("Cases"))

    def run_heatmap(self) -> bool:
        parameters = {**self.heat_form.values(), **self.store_parameters(), "TIMEZONE": self.zone()}
        parameters.update(self._filter_parameters())
        return self.run(HEATMAP, parameters, tr("Cases"))

    def run_hotspots(self) -> bool:
        parameters = {**self.store_parameters(), "TIMEZONE": self.zone(), "OUTPUT": "TEMPORARY_OUTPUT",
                      "REPORT_CSV": self.output_path("case_report", ".csv"),
                      "REPORT_HTML": self.output_path("case_report", ".html")}
        parameters.update(self._filter_parameters())
        return self.run(HOTSPOTS, parameters, tr("Cases"))

    def _filter_parameters(self) -> dict:
        """The live heat's filter (window, classes, sources), so the heat maps show what the slider shows."""
        controls = self.heat_controls
        daily = controls.daily
        if daily is None or not daily.day_count:
            return {}
        out = {}
        first, last = controls.slider.lowerValue(), controls.slider.upperValue()
        if first > 0:
            out["START"] = daily.date_of(first).isoformat()
        if last < daily.day_count - 1:
            out["END"] = daily.date_of(last + 1).isoformat()
        for key, combo in (("CLASSES", controls.classes), ("SOURCES", controls.sources)):
            chosen = controls.chosen(combo)
            if chosen is not None:
                out[key] = ",".join(chosen) if chosen else "-"  # '-' matches nothing: an empty choice shows none
        return out

    def load_live_heat(self):
        return self.heat_controls.load(self.open_store, self.zone())

    def on_finished(self, algorithm_id, results, layers) -> None:
        if algorithm_id == IMPORT:
            self.refresh_outputs()
            self.load_live_heat()
        elif algorithm_id in (HEATMAP, HOTSPOTS):
            self.refresh_outputs()

    def set_grids(self, layer) -> None:
        self.import_form.set_value("GRIDS", layer)

    def refresh_outputs(self) -> None:
        self.import_form.set_value("REJECTS", self.output_path(*self.IMPORT_OUTPUTS["REJECTS"]))
        for name, (stem, suffix) in self.HEAT_OUTPUTS.items():
            self.heat_form.set_value(name, self.output_path(stem, suffix))


class ExportStep(Step):
    """A grid, component or heat layer to the formats and coordinate systems planners use
    (exportgrids), and the communities' responsibility maps as one PDF (responsibilitymaps)."""

    def __init__(self, *args, grid_step: GridStep | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.grid_step = grid_step
        self.export = self.form(EXPORT, ["INPUT", "FORMAT", "TARGET", "TARGET_CRS", "ENCODING", "OVERWRITE",
                                         "OUTPUT"], {"OUTPUT": ("export", FORMATS[FORMAT_KEYS[0]].suffix)})
        row = self.button_row()
        self.button("export", tr("Export"), self.run_export, row)
        self.button("responsibility_maps", tr("Responsibility maps (PDF)"), self.run_maps, row)
        self.exported_from: QgsVectorLayer | None = None
        self.export.widgets["FORMAT"].currentIndexChanged.connect(lambda _i: self.refresh_outputs())
        self.export.widgets["TARGET"].currentIndexChanged.connect(lambda _i: self.enable_other_crs())
        self.enable_other_crs()

    def suffix(self) -> str:
        return FORMATS[FORMAT_KEYS[int(self.export.values().get("FORMAT", 0))]].suffix

    def enable_other_crs(self) -> None:
        other = int(self.export.values().get("TARGET", 0)) == TARGETS.index("other")
        self.export.widgets["TARGET_CRS"].setEnabled(other)

    def run_export(self) -> bool:
        self.exported_from = self.export.layer("INPUT")
        return self.run(EXPORT, self.export.values(), tr("Export"))

    def run_maps(self) -> bool:
        """Pages of the Grids step's communities, with its grids and the first line layer it follows."""
        divide = self.grid_step.divide if self.grid_step is not None else None
        grids = self.grid_step.last_grids if self.grid_step is not None else None
        communities = divide.layer("INPUT") if divide is not None else None
        values = divide.values() if divide is not None else {}
        roads = (values.get("LINES") or [None])[0]
        parameters = {"GRIDS": layer_value(grids), "COMMUNITIES": layer_value(communities),
                      "CODE_FIELD": values.get("COMMUNITY_CODE_FIELD", "community_code"),
                      "NAME_FIELD": values.get("COMMUNITY_NAME_FIELD", "community_name"),
                      "OUTPUT": self.output_path("responsibility_maps", ".pdf"),
                      "PREVIEWS": self.output_path("responsibility_maps_png", "")}
        if roads:
            parameters["ROADS"] = roads
        return self.run(MAPS, parameters, tr("Export"))

    def on_finished(self, algorithm_id, results, layers) -> None:
        if algorithm_id == EXPORT:
            source = self.exported_from
            for layer in layers:  # the exported file looks like the layer it came from
                if isinstance(source, QgsVectorLayer) and isinstance(layer, QgsVectorLayer):
                    style = QDomDocument()
                    source.exportNamedStyle(style)
                    layer.importNamedStyle(style)
                    layer.triggerRepaint()
            self.refresh_outputs()

    def refresh_outputs(self) -> None:
        self.export.set_value("OUTPUT", self.output_path("export", self.suffix()))
