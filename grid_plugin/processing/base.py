"""What every gridplugin algorithm shares: translation, icon, progress adapter, styling,
reading features into shapely and writing shapely geometries to a sink."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputLayerDefinition,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QDate, QDateTime, Qt, QVariant
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.sip import isdeleted

from grid_plugin.core.errors import Cancelled, GridInputError, Message
from grid_plugin.core.geodesy import crs as core_crs
from grid_plugin.core.progress import Progress
from grid_plugin.core.schema import FieldSpec
from grid_plugin.io.feature_files import SpatialReference, name_problem, write_feature_file
from grid_plugin.processing.proj_threads import keep_proj_context
from grid_plugin.toolbelt import field_types
from grid_plugin.toolbelt.i18n import CONTEXT
from grid_plugin.toolbelt.paths import resource

_FIELD_TYPES = {"string": field_types.STRING, "int": field_types.INT, "double": field_types.DOUBLE,
                "date": field_types.DATE}
_WRITE_BATCH = 10_000


class GridAlgorithm(QgsProcessingAlgorithm):
    """Base class; subclasses give name, displayName, group id, parameters and processing."""

    def tr(self, text: str) -> str:
        return QCoreApplication.translate(CONTEXT, text)

    def render(self, text: Message) -> str:
        """A core message in the user's language."""
        return text.render(self.tr)

    def input_error(self, error: GridInputError) -> QgsProcessingException:
        return QgsProcessingException(self.render(error.message))

    def date_parameter(self, parameters, key: str, context) -> str:
        """An optional YYYY-MM-DD parameter as ISO text; empty means today."""
        text = (self.parameterAsString(parameters, key, context) or "").strip()
        if not text:
            return QDate.currentDate().toString(Qt.DateFormat.ISODate)
        date = QDate.fromString(text, Qt.DateFormat.ISODate)
        if not date.isValid():
            raise QgsProcessingException(self.tr(
                "Date '{}' is not a date; write it as YYYY-MM-DD, e.g. 2026-07-01.").format(text))
        return date.toString(Qt.DateFormat.ISODate)

    def working_crs(self, parameters, key: str, source: QgsFeatureSource, context: QgsProcessingContext,
                    no_geometries: str) -> QgsCoordinateReferenceSystem:
        """The CRS the algorithm measures in: the one given under `key` (projected, ground
        metres), else the source's own when it is one, else the CGCS2000 3-degree Gauss-Krüger
        zone of the data. `no_geometries` is the (translated) error for a layer without any."""
        given = self.parameterAsCrs(parameters, key, context)
        if given.isValid():
            if not is_ground_metric(given):
                raise QgsProcessingException(self.tr(
                    "The working CRS {} is not a projected CRS in ground metres; choose a "
                    "Gauss-Krüger or UTM zone (e.g. EPSG:4548), or leave it empty.").format(given.authid()))
            return given
        if is_ground_metric(source.sourceCrs()):
            return source.sourceCrs()
        if source.sourceExtent().isNull() or source.sourceExtent().isEmpty():
            raise QgsProcessingException(no_geometries)
        try:
            return gauss_kruger_crs_for(source, context)
        except GridInputError as err:
            raise self.input_error(err) from err

    def createInstance(self):
        return type(self)()

    def process(self, parameters, context, feedback) -> dict:
        """The algorithm's work; subclasses implement this instead of processAlgorithm."""
        raise NotImplementedError

    def processAlgorithm(self, parameters, context, feedback):
        try:
            return self.process(parameters, context, feedback)
        except QgsProcessingException as error:
            message = str(error)
        finally:
            keep_proj_context()  # a background run is a QThread: pyproj 3.7 would crash the next one
        # QGIS 3.22's sip error handler keeps the exception a Python algorithm raises for good,
        # and with it every frame on its traceback: the run's sources, layers and open files
        # would stay alive until QGIS exits. Raise a fresh one from a frame holding only text.
        del parameters, context, feedback
        raise QgsProcessingException(message)

    def group(self) -> str:
        return {
            "grids": self.tr("Unit grids"),
            "components": self.tr("Components"),
            "cases": self.tr("Cases and heat"),
            "addresses": self.tr("Addresses"),
            "export": self.tr("Export"),
        }[self.groupId()]

    def icon(self) -> QIcon:
        return QIcon(str(resource("icons", "grid_plugin.svg")))

    def helpUrl(self) -> str:
        return "https://github.com/grid-city-management/grid_plugin#readme"


def core_progress(feedback: QgsProcessingFeedback | None, start: float = 0, end: float = 100) -> Progress:
    """A core Progress that drives the feedback's bar between start and end percent."""
    if feedback is None:
        return Progress()
    span = end - start
    return Progress(
        report=lambda pct: feedback.setProgress(start + span * pct / 100.0),
        is_cancelled=feedback.isCanceled,
    )


def qgs_fields(specs: Sequence[FieldSpec]) -> QgsFields:
    fields = QgsFields()
    for spec in specs:
        fields.append(QgsField(spec.name, _FIELD_TYPES[spec.type], len=spec.length))
    return fields


def read_geometries(
    source: QgsFeatureSource, request: QgsFeatureRequest, attributes: Sequence[str],
    feedback: QgsProcessingFeedback | None = None,
) -> tuple[list[int], np.ndarray, list[list[object]]]:
    """Feature ids, shapely geometries (None where missing) and the named attribute values.

    Processing's own invalid-geometry check is skipped: core repairs invalid geometries and
    names each repaired feature, which is more useful than stopping at the first one.
    """
    fids, wkbs, values = [], [], []
    features = (source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)
                if isinstance(source, QgsProcessingFeatureSource) else source.getFeatures(request))
    positions = [source.fields().indexOf(name) for name in attributes]
    for feature in features:
        if feedback is not None and len(fids) % 1000 == 0 and feedback.isCanceled():
            raise Cancelled()
        fids.append(feature.id())
        geometry = feature.geometry()
        wkbs.append(None if geometry.isNull() or geometry.isEmpty() else bytes(geometry.asWkb()))
        row = feature.attributes()  # one call per feature, not one per field
        values.append([_plain(row[at]) for at in positions])
    return fids, shapely.from_wkb(np.array(wkbs, dtype=object)), values


def _plain(value: object) -> object:
    """QVariant NULL -> None; everything else as Python gives it."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    return value


def write_features(
    sink: QgsFeatureSink, geometries: np.ndarray, rows: Callable[[int, int], Sequence[Sequence[object]]]
) -> None:
    """Write shapely geometries (as multipolygons) with their attribute rows, in batches.

    `rows(start, stop)` gives the attributes of geometries[start:stop]; WKB, rows and features
    exist for one batch at a time, so memory stays flat however many features are written.
    """
    for start in range(0, len(geometries), _WRITE_BATCH):
        stop = min(start + _WRITE_BATCH, len(geometries))
        parts, index = shapely.get_parts(geometries[start:stop], return_index=True)
        wkbs = shapely.to_wkb(shapely.multipolygons(parts, indices=index))
        batch = []
        for wkb, row in zip(wkbs, rows(start, stop)):
            feature = QgsFeature()
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            feature.setGeometry(geometry)
            feature.setAttributes([_qt_value(v) for v in row])
            batch.append(feature)
        sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)


def write_any_features(
    sink: QgsFeatureSink, geometries: Sequence, rows: Callable[[int, int], Sequence[Sequence[object]]],
    feedback: QgsProcessingFeedback | None = None, convert: bool = True,
) -> None:
    """Write shapely geometries of any type as they are (None: a feature without geometry) with
    their attribute rows, in batches, checking for cancel between batches. With convert=False
    the rows already hold QGIS values (dates as QDate), which saves a call per value."""
    for start in range(0, len(geometries), _WRITE_BATCH):
        if feedback is not None and feedback.isCanceled():
            raise Cancelled()
        stop = min(start + _WRITE_BATCH, len(geometries))
        wkbs = shapely.to_wkb(np.asarray(geometries[start:stop], dtype=object))
        batch = []
        for wkb, row in zip(wkbs, rows(start, stop)):
            feature = QgsFeature()
            if wkb is not None:
                qgs_geometry = QgsGeometry()
                qgs_geometry.fromWkb(wkb)
                feature.setGeometry(qgs_geometry)
            feature.setAttributes([_qt_value(v) for v in row] if convert else row)
            batch.append(feature)
        sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)


def iso_date(value: object) -> str:
    """A date attribute (QDate, QDateTime or text) as ISO text; "" for none."""
    if isinstance(value, QDateTime):
        value = value.date()
    if isinstance(value, QDate):
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else ""
    text = str(value or "").strip()
    return text[:10] if text and text.upper() != "NULL" else ""


def _qt_value(value: object) -> object:
    """Core values for a QGIS attribute: ISO dates (core keeps dates as text) become QDates."""
    if isinstance(value, IsoDate):
        return QDate.fromString(value, Qt.DateFormat.ISODate) if value else None
    return value


class IsoDate(str):
    """An ISO date text ("2026-11-23", or "" for none) that write_features stores as a date."""


def is_ground_metric(crs: QgsCoordinateReferenceSystem) -> bool:
    """True for projected CRSs in metres whose metres are ground metres (not Web Mercator)."""
    if not crs.isValid() or crs.isGeographic():
        return False
    if crs.mapUnits() != QgsUnitTypes.DistanceUnit.DistanceMeters:
        return False
    return "+proj=merc" not in crs.toProj()


def gauss_kruger_crs_for(source: QgsFeatureSource, context: QgsProcessingContext) -> QgsCoordinateReferenceSystem:
    """The CGCS2000 3-degree Gauss-Krüger zone holding the centre of the source's extent."""
    geographic = QgsCoordinateReferenceSystem(f"EPSG:{core_crs.CGCS2000_GEOGRAPHIC}")
    to_geographic = QgsCoordinateTransform(source.sourceCrs(), geographic, context.transformContext())
    centre = to_geographic.transform(QgsPointXY(source.sourceExtent().center()))
    return QgsCoordinateReferenceSystem(f"EPSG:{core_crs.gk3_epsg(centre.x())}")


class StyleLoader(QgsProcessingLayerPostProcessorInterface):
    """Style an output layer once it is loaded, with a function of the layer."""

    def __init__(self, apply: Callable[[object], None]):
        super().__init__()
        self.apply = apply

    def postProcessLayer(self, layer, context, feedback):
        if layer is not None and layer.isValid():
            self.apply(layer)
            layer.triggerRepaint()


# The context that loads a layer deletes its post-processor once done (QgsProcessingContext's
# destructor and setLayersToLoadOnCompletion), while the Python half must stay alive until then:
# one loader per output, held here until the C++ side has deleted it.
_LIVE_LOADERS: list[StyleLoader] = []


def style_output(context: QgsProcessingContext, layer_id: str, qml_name: str) -> None:
    """Style the output with a QML from resources/styles."""
    path = resource("styles", qml_name)
    style_output_with(context, layer_id, lambda layer: layer.loadNamedStyle(str(path)) if path.exists() else None)


def style_output_with(context: QgsProcessingContext, layer_id: str, apply: Callable[[object], None]) -> None:
    """Style the output with `apply(layer)` when the run loads it."""
    if context.willLoadLayerOnCompletion(layer_id):
        _LIVE_LOADERS[:] = [loader for loader in _LIVE_LOADERS if not isdeleted(loader)]
        loader = StyleLoader(apply)
        _LIVE_LOADERS.append(loader)
        context.layerToLoadOnCompletionDetails(layer_id).setPostProcessor(loader)


# ---- outputs written straight into a new GeoPackage --------------------------------------------------------
_GPKG_TYPES = {field_types.STRING: "TEXT", field_types.INT: "INTEGER", field_types.LONG_LONG: "INTEGER",
               field_types.UINT: "INTEGER", field_types.ULONG_LONG: "INTEGER", field_types.DOUBLE: "REAL",
               field_types.DATE: "DATE", field_types.DATE_TIME: "DATETIME", field_types.BOOL: "BOOLEAN"}


def new_gpkg_output(algorithm: QgsProcessingAlgorithm, parameters, key: str, context: QgsProcessingContext,
                    fields: QgsFields, wkb_type: int) -> str | None:
    """The file path when output `key` goes to a new GeoPackage file that the plugin can write
    itself (io/feature_files.py, three times faster than QGIS's writer for a million features):
    a plain .gpkg path that does not exist yet, 2D geometries and field types GeoPackage has.
    None means: use QGIS's sink (memory layers, databases, other formats, existing files).
    Raises QgsProcessingException before anything is written when no GeoPackage can take the
    table name (the file's name) or the field names (gpkg_files.name_problem)."""
    destination = algorithm.parameterAsOutputLayer(parameters, key, context) or ""
    plain = "|" not in destination and ":" not in Path(destination).name
    if not (plain and destination.lower().endswith(".gpkg")) or destination.startswith(("memory:", "ogr:")):
        return None
    at = fields.lookupField("fid")
    problem = name_problem(destination, Path(destination).stem,
                           [field.name() for k, field in enumerate(fields) if k != at])
    if problem is not None:  # QGIS's writer fails on these names as well, or writes a broken file
        raise algorithm.input_error(problem)
    if Path(destination).exists() or not Path(destination).parent.is_dir():
        return None
    flat = QgsWkbTypes.flatType(wkb_type)
    if QgsWkbTypes.hasZ(wkb_type) or QgsWkbTypes.hasM(wkb_type) or flat == QgsWkbTypes.Type.Unknown:
        return None
    if any(field_types.type_of(field) not in _GPKG_TYPES for field in fields):
        return None
    if at >= 0 and field_types.type_of(fields.at(at)) not in (field_types.INT, field_types.LONG_LONG):
        return None  # a text "fid" cannot become the GeoPackage fid: QGIS's writer decides what to do
    return destination


def write_gpkg_output(algorithm: QgsProcessingAlgorithm, parameters, key: str, context: QgsProcessingContext,
                      destination: str, fields: QgsFields, wkb_type: int, crs: QgsCoordinateReferenceSystem,
                      geometries: np.ndarray, rows: Callable[[int, int], Sequence[Sequence[object]]],
                      progress: Progress) -> str:
    """Write the features to `destination` (see new_gpkg_output) and load the layer on completion
    when the run asked for it, as QGIS's sink would. Date values may be QDate/QDateTime objects
    or ISO text."""
    authority, _, code = crs.authid().partition(":")
    epsg = authority == "EPSG" and code.isdigit()
    srs = SpatialReference(int(code) if epsg else 100000, "EPSG" if epsg else "NONE", crs.description(),
                           crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT1_GDAL))
    fid_column = fields.lookupField("fid")
    kinds = [field_types.type_of(field) for field in fields]
    columns = [(field.name(), _GPKG_TYPES[kinds[k]]) for k, field in enumerate(fields) if k != fid_column]

    # rows hold plain Python values already (read_geometries), except dates as QGIS objects
    dated = [k for k, kind in enumerate(kinds) if kind in (field_types.DATE, field_types.DATE_TIME)]

    def plain_rows(start: int, stop: int) -> Sequence[Sequence[object]]:
        batch = rows(start, stop)
        if not dated or all(row[k] is None or type(row[k]) is str for row in batch for k in dated):
            return batch  # plain already: ISO text and None
        converted = []
        for row in batch:
            row = list(row)
            for k in dated:
                row[k] = _plain_value(row[k])
            converted.append(row)
        return converted

    name = Path(destination).stem
    geometry_type = QgsWkbTypes.displayString(QgsWkbTypes.flatType(wkb_type)).upper()
    write_feature_file(destination, name, geometry_type, srs, columns, geometries, plain_rows, progress,
                       fid_column if fid_column >= 0 else None)
    definition = parameters.get(key)
    if isinstance(definition, QgsProcessingOutputLayerDefinition) and definition.destinationProject is not None:
        context.addLayerToLoadOnCompletion(destination, QgsProcessingContext.LayerDetails(
            definition.destinationName or name, definition.destinationProject, key))
    return destination


def _plain_value(value: object) -> object:
    """A QGIS attribute value as sqlite3 takes it (dates as ISO text, NULL as None)."""
    if value is None or type(value) is str:
        return value
    if isinstance(value, QVariant) and value.isNull():
        return None
    if isinstance(value, QDate):
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else None
    if isinstance(value, QDateTime):
        if not value.isValid():
            return None
        if value.timeSpec() == Qt.TimeSpec.LocalTime:  # a time without a zone stays one (no Z), as read
            return value.toString("yyyy-MM-ddTHH:mm:ss.zzz")
        return value.toUTC().toString("yyyy-MM-ddTHH:mm:ss.zzzZ")
    if isinstance(value, IsoDate):
        return str(value) or None
    return value
