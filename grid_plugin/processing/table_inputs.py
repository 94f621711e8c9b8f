"""Reading a table the way importcases and geocodeaddresses take it: a CSV (UTF-8 or GBK/GB18030,
detected), an XLSX sheet or any OGR layer, as columns of plain Python values with 1-based row
numbers. A point layer's coordinates come as two extra columns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

from grid_plugin.core.errors import GridInputError
from grid_plugin.core.tables import ENCODINGS, read_csv

GEOMETRY_X, GEOMETRY_Y = "(geometry x)", "(geometry y)"


@dataclass
class InputTable:
    fields: list[str]
    load_columns: Callable[[list[str], list[str]], tuple[dict[str, list], np.ndarray]]
    kind: str  # what was read, for the log
    layer_crs: str | None  # the CRS of a point layer's coordinates


def add_table_parameters(algorithm, description: str) -> None:
    """INPUT (the file), LAYER (sheet or layer) and ENCODING (of a CSV), as open_table reads them."""
    algorithm.addParameter(QgsProcessingParameterFile("INPUT", description))
    algorithm.addParameter(QgsProcessingParameterString(
        "LAYER", algorithm.tr("Sheet or layer name (empty: the first)"), optional=True))
    algorithm.addParameter(QgsProcessingParameterEnum(
        "ENCODING", algorithm.tr("CSV encoding"),
        [algorithm.tr("Detect (UTF-8, else GBK/GB18030)"), "UTF-8", "GBK / GB18030"], defaultValue=0))


def table_from_parameters(algorithm, parameters, context) -> InputTable:
    return open_table(algorithm, algorithm.parameterAsFile(parameters, "INPUT", context),
                      algorithm.parameterAsEnum(parameters, "ENCODING", context),
                      algorithm.parameterAsString(parameters, "LAYER", context))


def open_table(algorithm, path: str, encoding_index: int, layer_name: str | None) -> InputTable:
    """The table at `path`; `algorithm` translates the errors. `encoding_index` indexes ENCODINGS."""
    if not Path(path).is_file():
        raise QgsProcessingException(algorithm.tr("The file {} does not exist.").format(path))
    if Path(path).suffix.lower() in (".csv", ".txt"):
        try:
            table = read_csv(path, ENCODINGS[encoding_index])
        except GridInputError as err:
            raise algorithm.input_error(err) from err

        def csv_columns(wanted, shared):
            found = table.columns(wanted, shared)
            return found.columns, found.rows

        return InputTable(table.fields, csv_columns, f"CSV, {table.encoding}", None)
    layer_name = (layer_name or "").strip()
    uri = f"{path}|layername={layer_name}" if layer_name else path
    layer = QgsVectorLayer(uri, "input", "ogr")
    if not layer.isValid():
        raise QgsProcessingException(algorithm.tr(
            "{} cannot be read as a table or layer; give a CSV, XLSX or a GIS layer (and the sheet name)."
        ).format(uri))
    fields = layer.fields().names()
    points = QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.GeometryType.PointGeometry
    crs = None
    if points:
        fields = [*fields, GEOMETRY_X, GEOMETRY_Y]
        crs = layer.crs().authid() or None
    return InputTable(fields, lambda wanted, shared: _layer_columns(layer, points, wanted),
                      layer.storageType() or "OGR", crs)


def _layer_columns(layer: QgsVectorLayer, points: bool, wanted: list[str]):
    """The wanted attribute columns (and point coordinates) of a layer, and 1-based row numbers."""
    names = layer.fields().names()
    request = QgsFeatureRequest()
    if not points:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    positions = [(name, names.index(name)) for name in wanted if name in names]
    columns: dict[str, list] = {name: [] for name in wanted}
    numbers = []
    for number, feature in enumerate(layer.getFeatures(request), start=1):
        numbers.append(number)
        attributes = feature.attributes()
        for name, at in positions:
            columns[name].append(_python_value(attributes[at]))
        if points:
            geometry = feature.geometry()
            point = None if geometry.isNull() or geometry.isEmpty() else geometry.vertexAt(0)
            xy = (None, None) if point is None else (point.x(), point.y())
            for name, value in zip((GEOMETRY_X, GEOMETRY_Y), xy):
                if name in columns:
                    columns[name].append(value)
    return columns, np.asarray(numbers, dtype=np.int64)


def _python_value(value: object) -> object:
    """QVariant NULL -> None; QDateTime/QDate -> datetime/date (naive: local time of the import)."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QTime):
        return value.toString()
    return value


