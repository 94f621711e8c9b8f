"""A compact form for the key parameters of one Processing algorithm, built from the algorithm's
own parameter definitions: labels, defaults, ranges, enum options and layer geometry types come
from the algorithm, so the dock never repeats them.

The values it gives back are the plain strings `qgis_process` and models pass. A file- or
database-backed layer is passed by its source, so the algorithm opens its own copy of the layer in
the background task's thread; a memory layer (no source to reopen) is passed by its layer id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsMapLayer,
    QgsMapLayerProxyModel,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterVectorDestination,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import (
    QgsCheckableComboBox,
    QgsDoubleSpinBox,
    QgsFieldComboBox,
    QgsFileWidget,
    QgsMapLayerComboBox,
    QgsProjectionSelectionWidget,
    QgsSpinBox,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QWidget

from grid_plugin.toolbelt.i18n import tr

# Processing data types -> layer combo box filters
_LAYER_FILTERS = {
    QgsProcessing.SourceType.TypeVectorPoint: QgsMapLayerProxyModel.Filter.PointLayer,
    QgsProcessing.SourceType.TypeVectorLine: QgsMapLayerProxyModel.Filter.LineLayer,
    QgsProcessing.SourceType.TypeVectorPolygon: QgsMapLayerProxyModel.Filter.PolygonLayer,
    QgsProcessing.SourceType.TypeVectorAnyGeometry: QgsMapLayerProxyModel.Filter.HasGeometry,
    QgsProcessing.SourceType.TypeVector: QgsMapLayerProxyModel.Filter.VectorLayer,
}


def layer_value(layer: QgsMapLayer | None) -> str | None:
    """How a project layer is handed to an algorithm run in the background (see module doc)."""
    if layer is None:
        return None
    if layer.providerType() == "memory":
        return layer.id()
    return layer.source()


class ParameterForm(QWidget):
    """Widgets for `names` of `algorithm`, in that order; `values()` gives the parameter map.
    `labels` replace the algorithm's descriptions (for QGIS's own algorithms, worded for the step)."""

    def __init__(self, algorithm: QgsProcessingAlgorithm, names: Sequence[str],
                 default_output: Callable[[str], str] | None = None, labels: dict[str, str] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.algorithm = algorithm
        self.default_output = default_output or (lambda _name: "")
        self.widgets: dict[str, QWidget] = {}
        self.readers: dict[str, Callable[[], object]] = {}
        self.writers: dict[str, Callable[[object], None]] = {}
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow dock puts long labels above
        for name in names:
            definition = algorithm.parameterDefinition(name)
            if definition is None:
                raise KeyError(f"{algorithm.id()} has no parameter {name}")
            widget = self._widget_for(definition)
            widget.setObjectName(name)
            label = (labels or {}).get(name, definition.description())
            widget.setToolTip(label)
            self.widgets[name] = widget
            self.layout_.addRow(label, widget)
            self.layout_.labelForField(widget).setWordWrap(True)
        self._link_fields()

    # ---- values ---------------------------------------------------------------------------------------
    def values(self) -> dict[str, object]:
        """Parameter values for processing.run / QgsProcessingAlgRunnerTask; unset optionals left out."""
        out = {}
        for name, read in self.readers.items():
            value = read()
            if value not in (None, "", []):
                out[name] = value
        return out

    def set_value(self, name: str, value: object) -> None:
        self.writers[name](value)

    # ---- what is remembered ----------------------------------------------------------------------
    def preferences(self) -> dict[str, str]:
        """Values worth keeping between sessions: numbers, choices, switches and text (no layers,
        files or outputs, which belong to one project or one run)."""
        kept = (QgsSpinBox, QgsDoubleSpinBox, QComboBox, QCheckBox, QLineEdit)
        return {name: str(self.readers[name]() or "") for name, widget in self.widgets.items()
                if isinstance(widget, kept) and not isinstance(widget, (QgsMapLayerComboBox, QgsFieldComboBox,
                                                                         QgsCheckableComboBox))}

    def restore_preferences(self, values: dict[str, str]) -> None:
        for name, value in values.items():
            if name in self.preferences():
                widget = self.widgets[name]
                if isinstance(widget, QCheckBox):
                    self.writers[name](value == "true")
                elif value == "" and isinstance(widget, (QgsSpinBox, QgsDoubleSpinBox)):
                    self.writers[name](None)
                else:
                    self.writers[name](value)

    def layer_choices(self) -> dict[str, str]:
        """Layer pickers -> chosen layer id (for the project)."""
        return {name: widget.currentLayer().id() for name, widget in self.widgets.items()
                if isinstance(widget, QgsMapLayerComboBox) and widget.currentLayer() is not None}

    def restore_layers(self, choices: dict[str, str], project: QgsProject | None = None) -> None:
        project = project or QgsProject.instance()
        for name, layer_id in choices.items():
            widget = self.widgets.get(name)
            layer = project.mapLayer(layer_id)
            if isinstance(widget, QgsMapLayerComboBox) and layer is not None:
                widget.setLayer(layer)

    def layer(self, name: str) -> QgsMapLayer | None:
        widget = self.widgets[name]
        return widget.currentLayer() if isinstance(widget, QgsMapLayerComboBox) else None

    # ---- one widget per parameter type -------------------------------------------------------------
    def _widget_for(self, definition: QgsProcessingParameterDefinition) -> QWidget:
        name = definition.name()
        optional = bool(definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional)
        default = definition.defaultValue()
        if isinstance(definition, QgsProcessingParameterFeatureSource):
            combo = QgsMapLayerComboBox()
            combo.setFilters(_filters(definition.dataTypes()))
            combo.setAllowEmptyLayer(optional)
            if optional:
                combo.setLayer(None)
            self.readers[name] = lambda: layer_value(combo.currentLayer())
            self.writers[name] = lambda layer: combo.setLayer(layer)
            return combo
        if isinstance(definition, QgsProcessingParameterMultipleLayers):
            return self._multiple_layers(definition)
        if isinstance(definition, QgsProcessingParameterField):
            combo = QgsFieldComboBox()
            combo.setAllowEmptyFieldName(optional)
            # no default: a field named like the parameter (STREET_NAME_FIELD -> street_name) is picked if present
            guess = name[:-len("_FIELD")].lower() if name.endswith("_FIELD") else ""
            combo.setProperty("default_field", default or guess)
            combo.setProperty("parent_name", definition.parentLayerParameterName())
            self.readers[name] = lambda: combo.currentField() or None
            self.writers[name] = lambda field: combo.setField(field or "")
            return combo
        if isinstance(definition, QgsProcessingParameterEnum):
            combo = QComboBox()
            combo.addItems(definition.options())
            combo.setCurrentIndex(int(default or 0))
            self.readers[name] = lambda: str(combo.currentIndex())
            self.writers[name] = lambda index: combo.setCurrentIndex(int(index))
            return combo
        if isinstance(definition, QgsProcessingParameterBoolean):
            box = QCheckBox()
            box.setChecked(bool(default))
            self.readers[name] = lambda: "true" if box.isChecked() else "false"
            self.writers[name] = lambda on: box.setChecked(bool(on))
            return box
        if isinstance(definition, QgsProcessingParameterNumber):
            return self._number(definition, optional, default)
        if isinstance(definition, QgsProcessingParameterCrs):
            widget = QgsProjectionSelectionWidget()
            widget.setOptionVisible(QgsProjectionSelectionWidget.CrsOption.CrsNotSet, optional)
            if optional:
                widget.setNotSetText(tr("Automatic"))
                widget.setCrs(QgsCoordinateReferenceSystem())
            self.readers[name] = lambda: widget.crs().authid() if widget.crs().isValid() else None
            self.writers[name] = lambda crs: widget.setCrs(crs)
            return widget
        if isinstance(definition, QgsProcessingParameterFile):
            widget = QgsFileWidget()
            widget.setStorageMode(QgsFileWidget.StorageMode.GetFile)
            if definition.extension():
                widget.setFilter(f"*.{definition.extension()}")
            elif definition.fileFilter():
                widget.setFilter(definition.fileFilter())
            self.readers[name] = lambda: widget.filePath() or None
            self.writers[name] = lambda path: widget.setFilePath(str(path or ""))
            return widget
        if isinstance(definition, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination,
                                   QgsProcessingParameterRasterDestination, QgsProcessingParameterFileDestination)):
            widget = QgsFileWidget()
            widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
            widget.setFilter(definition.createFileFilter())
            widget.setFilePath(self.default_output(name))
            widget.lineEdit().setPlaceholderText(tr("[Skip]") if optional else tr("[Temporary layer]"))
            self.readers[name] = lambda: widget.filePath() or (None if optional else QgsProcessing.TEMPORARY_OUTPUT)
            self.writers[name] = lambda path: widget.setFilePath(str(path or ""))
            return widget
        edit = QLineEdit()  # strings, and anything else as its text
        if default not in (None, ""):
            edit.setText(str(default))
        self.readers[name] = lambda: edit.text().strip() or None
        self.writers[name] = lambda text: edit.setText("" if text is None else str(text))
        return edit

    def _number(self, definition: QgsProcessingParameterNumber, optional: bool, default) -> QWidget:
        name = definition.name()
        integer = definition.dataType() == QgsProcessingParameterNumber.Type.Integer
        box = QgsSpinBox() if integer else QgsDoubleSpinBox()
        low = definition.minimum() if definition.minimum() > -1e15 else -1e9
        high = definition.maximum() if definition.maximum() < 1e15 else 1e9
        if not integer:
            box.setDecimals(2)
        if optional and default is None:
            # the lowest value stands for "not set": the algorithm's own default applies
            box.setMinimum(int(low) - 1 if integer else low - 1)
            box.setSpecialValueText(tr("Automatic"))
            box.setClearValue(box.minimum())
        else:
            box.setMinimum(int(low) if integer else low)
            box.setClearValue(default if default is not None else 0)
        box.setMaximum(int(high) if integer else high)
        box.setValue(box.minimum() if default is None else default)
        unset = box.minimum() if (optional and default is None) else None
        self.readers[name] = lambda: None if unset is not None and box.value() == unset else str(box.value())
        self.writers[name] = lambda value: box.setValue(
            unset if value is None else (int(float(value)) if integer else float(value)))
        return box

    def _multiple_layers(self, definition: QgsProcessingParameterMultipleLayers) -> QWidget:
        """Layers to follow: a checkable list of the project's layers of the wanted type."""
        combo = LayerChecklist(definition.layerType())
        self.readers[definition.name()] = combo.sources
        self.writers[definition.name()] = combo.check_layers
        return combo

    def _link_fields(self) -> None:
        """Field pickers follow their layer picker, choosing the algorithm's default field if present."""
        for widget in self.widgets.values():
            if not isinstance(widget, QgsFieldComboBox):
                continue
            parent = self.widgets.get(widget.property("parent_name"))
            if isinstance(parent, QgsMapLayerComboBox):
                parent.layerChanged.connect(partial(_follow_layer, widget))
                _follow_layer(widget, parent.currentLayer())


def _follow_layer(field_box: QgsFieldComboBox, layer: QgsMapLayer | None) -> None:
    field_box.setLayer(layer)
    default = field_box.property("default_field")
    if isinstance(layer, QgsVectorLayer) and default and layer.fields().indexOf(default) >= 0:
        field_box.setField(default)


class LayerChecklist(QgsCheckableComboBox):
    """The project's vector layers of one Processing data type, each with a check box; the list
    is refreshed whenever it opens, so it always shows the project's current layers."""

    def __init__(self, data_type: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.data_type = data_type
        self.setDefaultText(tr("None"))
        self.refill()

    def refill(self) -> None:
        chosen = set(self.checkedItemsData())
        self.clear()
        for layer in QgsProject.instance().mapLayers().values():
            if isinstance(layer, QgsVectorLayer) and _is_type(layer, self.data_type):
                state = Qt.CheckState.Checked if layer.id() in chosen else Qt.CheckState.Unchecked
                self.addItemWithCheckState(layer.name(), state, layer.id())

    def showPopup(self) -> None:
        self.refill()
        super().showPopup()

    def sources(self) -> list[str]:
        project = QgsProject.instance()
        layers = [project.mapLayer(layer_id) for layer_id in self.checkedItemsData()]
        return [layer_value(layer) for layer in layers if layer is not None]

    def check_layers(self, layers: Sequence[QgsMapLayer] | None) -> None:
        self.refill()
        ids = {layer.id() for layer in layers or []}
        for index in range(self.count()):
            checked = self.itemData(index) in ids
            self.setItemCheckState(index, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def _filters(data_types: Sequence[int]):
    # OR the filters onto the first one: QGIS 3.40 has no empty QgsMapLayerProxyModel.Filters()
    wanted = [_LAYER_FILTERS.get(t, QgsMapLayerProxyModel.Filter.VectorLayer)
              for t in data_types or [QgsProcessing.SourceType.TypeVectorAnyGeometry]]
    flags = wanted[0]
    for flag in wanted[1:]:
        flags |= flag
    return flags


def _is_type(layer: QgsVectorLayer, data_type: int) -> bool:
    geometry = layer.geometryType()
    return {
        QgsProcessing.SourceType.TypeVectorLine: geometry == QgsWkbTypes.GeometryType.LineGeometry,
        QgsProcessing.SourceType.TypeVectorPolygon: geometry == QgsWkbTypes.GeometryType.PolygonGeometry,
        QgsProcessing.SourceType.TypeVectorPoint: geometry == QgsWkbTypes.GeometryType.PointGeometry,
    }.get(data_type, True)


def unique_path(folder: str | Path, stem: str, suffix: str) -> str:
    """folder/stem.suffix, or stem_2, stem_3, … when it exists: a run never overwrites an earlier one."""
    folder = Path(folder)
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}_{number}{suffix}"
        number += 1
    return str(candidate)
