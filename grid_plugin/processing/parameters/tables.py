"""Reading a table the way importcases and geocodeaddresses take it: a CSV (UTF-8 or GBK/GB18030,
detected), an XLSX sheet or any OGR layer, as columns of plain Python values with 1-based row
numbers. A point layer's coordinates come as two extra columns.

CSV and XLSX are read by core (core/tables.py, core/xlsx.py; not OGR, whose XLSX driver drops the
time of cells with a custom date-time format): their header may sit below a title (HEADER_ROW), and
rows that cannot be read whole come back as `problems` for the caller to reject.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

from grid_plugin.core.components.tables import ENCODINGS, CsvTable, Expect, TableChunk, chunk_rows, read_csv
from grid_plugin.core.errors import GridInputError, Message
from grid_plugin.core.xlsx import XlsxTable, read_xlsx

GEOMETRY_X, GEOMETRY_Y = "(geometry x)", "(geometry y)"
SPREADSHEETS = (".xlsx", ".xlsm")


class InputTable:
    """A table's field names, its columns on demand and the rows as read (for rejects files)."""

    def __init__(self, fields: list[str], kind: str, layer_crs: str | None = None,
                 notes: list[Message] | None = None, top: list | None = None):
        self.fields = fields
        self.kind = kind  # what was read, for the log
        self.layer_crs = layer_crs  # the CRS of a point layer's coordinates
        self.notes = notes or []  # for the log: a title row skipped, a header name cleaned, ...
        self.top = top or []  # the first rows (number, values) of a CSV or sheet, for header hints
        self.problems: dict[int, Message] = {}  # rows load_columns could not read whole: index -> reason
        self.nul_free = False  # load_columns knows no value holds a NUL character

    def load_columns(self, wanted: list[str], shared: list[str]) -> tuple[dict[str, list], np.ndarray]:
        """The wanted columns and the data row numbers; `problems` tells the rows read only in part."""
        raise NotImplementedError

    def raw_rows(self, numbers: Collection[int]) -> dict[int, list[object]]:
        """The rows with these numbers, their values as read, by position (values beyond the fields last)."""
        raise NotImplementedError

    def chunks(self, wanted: Sequence[str], shared: Collection[str] = (), size: int = 0) -> Iterator[TableChunk]:
        """load_columns a chunk of `size` rows at a time (default: core's chunk_rows of the width), row
        problems per chunk, each chunk giving its own rejected rows (TableChunk.raw_rows)."""
        raise NotImplementedError

    def row_count(self) -> int | None:
        """The rows to expect (an upper bound), for progress and the store's choice of bulk loading; None
        when unknown without reading the whole table."""
        return None


class FileTable(InputTable):
    """A CSV or an XLSX sheet read by core."""

    def __init__(self, table: CsvTable | XlsxTable, kind: str):
        super().__init__(table.fields, kind, None, table.notes, table.top)
        self.table = table
        self.delimiter = getattr(table, "delimiter", ";")

    def load_columns(self, wanted, shared):
        found = self.table.columns(wanted, shared)
        self.problems, self.nul_free = found.problems, found.nul_free
        return found.columns, found.rows

    def raw_rows(self, numbers):
        return self.table.raw_rows(numbers)

    def chunks(self, wanted, shared=(), size=0):
        return self.table.chunks(wanted, shared, size)

    def row_count(self):
        return self.table.row_count()


class LayerTable(InputTable):
    """Any OGR layer, read through QGIS."""

    def __init__(self, layer: QgsVectorLayer, points: bool, fields: list[str], layer_crs: str | None):
        super().__init__(fields, layer.storageType() or "OGR", layer_crs)
        self.layer = layer
        self.points = points
        self.delimiter = ";"

    def load_columns(self, wanted, shared):
        return _layer_columns(self.layer, self.points, wanted)

    def raw_rows(self, numbers):
        wanted = set(numbers)
        out: dict[int, list[object]] = {}
        if not wanted:
            return out
        for number, feature in enumerate(self.layer.getFeatures(self._request()), start=1):  # as in load_columns
            if number in wanted:
                out[number] = self._values(feature)
        return out

    def chunks(self, wanted, shared=(), size=0):
        """Features in chunks; a chunk keeps its feature ids and reads its rejected rows again by their ids."""
        size = size or chunk_rows(len(self.fields))
        names = self.layer.fields().names()
        positions = [(name, names.index(name)) for name in wanted if name in names]
        features = enumerate(self.layer.getFeatures(self._request(wanted)), start=1)
        while True:
            part = list(itertools.islice(features, size))
            if not part:
                return
            columns: dict[str, list] = {name: [] for name in wanted}
            ids = []
            for _, feature in part:
                ids.append(feature.id())
                attributes = feature.attributes()
                for name, at in positions:
                    columns[name].append(_python_value(attributes[at]))
                if self.points:
                    for name, value in zip((GEOMETRY_X, GEOMETRY_Y), _point_xy(feature)):
                        if name in columns:
                            columns[name].append(value)
            rows = np.fromiter((number for number, _ in part), dtype=np.int64, count=len(part))
            del part
            yield TableChunk(columns, rows, {}, False, ids, self._by_ids)

    def _by_ids(self, fids: list[int]) -> list[list[object]]:
        """The features with these ids, all values as read, in the order given (one request)."""
        found = {feature.id(): self._values(feature)
                 for feature in self.layer.getFeatures(self._request().setFilterFids(fids))}
        return [found[fid] for fid in fids]

    def _request(self, wanted: Sequence[str] | None = None) -> QgsFeatureRequest:
        """Features in their stored order; attributes all (or `wanted`), geometry only for a point layer."""
        request = QgsFeatureRequest()
        if not self.points:
            request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        if wanted is not None:
            request.setSubsetOfAttributes([name for name in wanted if name in self.layer.fields().names()],
                                          self.layer.fields())
        return request

    def _values(self, feature) -> list[object]:
        values = [_python_value(v) for v in feature.attributes()]
        return values + list(_point_xy(feature)) if self.points else values

    def row_count(self):
        count = self.layer.featureCount()
        return count if count >= 0 else None


def add_table_parameters(algorithm, description: str) -> None:
    """INPUT (the file), LAYER (sheet or layer), ENCODING (of a CSV) and HEADER_ROW (of a CSV or
    sheet), as open_table reads them."""
    algorithm.addParameter(QgsProcessingParameterFile("INPUT", description))
    algorithm.addParameter(QgsProcessingParameterString(
        "LAYER", algorithm.tr("Sheet or layer name (empty: the first)"), optional=True))
    algorithm.addParameter(QgsProcessingParameterEnum(
        "ENCODING", algorithm.tr("CSV encoding"),
        [algorithm.tr("Detect (UTF-8, else GBK/GB18030)"), "UTF-8", "GBK / GB18030"], defaultValue=0))
    algorithm.addParameter(QgsProcessingParameterNumber(
        "HEADER_ROW", algorithm.tr("Header row of a CSV or sheet (0: find it below a title)"),
        QgsProcessingParameterNumber.Type.Integer, 0, optional=True, minValue=0))


def table_from_parameters(algorithm, parameters, context, expect: Expect | None = None) -> InputTable:
    """The INPUT table; `expect` tells the header wanted (see core.components.tables.choose_header)."""
    header_row = algorithm.parameterAsInt(parameters, "HEADER_ROW", context)
    return open_table(algorithm, algorithm.parameterAsFile(parameters, "INPUT", context),
                      algorithm.parameterAsEnum(parameters, "ENCODING", context),
                      algorithm.parameterAsString(parameters, "LAYER", context), header_row or None, expect)


def open_table(algorithm, path: str, encoding_index: int, layer_name: str | None, header_row: int | None = None,
               expect: Expect | None = None) -> InputTable:
    """The table at `path`; `algorithm` translates the errors. `encoding_index` indexes ENCODINGS."""
    if not Path(path).is_file():
        raise QgsProcessingException(algorithm.tr("The file {} does not exist.").format(path))
    suffix = Path(path).suffix.lower()
    layer_name = (layer_name or "").strip()
    try:
        if suffix in (".csv", ".txt"):
            table = read_csv(path, ENCODINGS[encoding_index], header_row, expect)
            return FileTable(table, f"CSV, {table.encoding}")
        if suffix in SPREADSHEETS:
            sheet = read_xlsx(path, layer_name or None, header_row, expect)
            return FileTable(sheet, f"XLSX, {sheet.sheet}")
    except GridInputError as err:
        raise algorithm.input_error(err) from err
    if header_row:
        raise QgsProcessingException(algorithm.tr(
            "HEADER_ROW applies to CSV and XLSX files; {} is read as a GIS layer, whose fields have names. "
            "Leave HEADER_ROW at 0.").format(path))
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
    return LayerTable(layer, points, fields, crs)


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


def _point_xy(feature) -> tuple[float | None, float | None]:
    geometry = feature.geometry()
    point = None if geometry.isNull() or geometry.isEmpty() else geometry.vertexAt(0)
    return (None, None) if point is None else (point.x(), point.y())


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
