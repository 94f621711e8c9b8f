"""Algorithm outputs: QGIS fields from core's field specs, new GeoPackage files the plugin writes
itself, the metadata of an output layer, and styling an output once the run loads it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsField,
    QgsFields,
    QgsLayerMetadata,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputLayerDefinition,
    QgsProviderRegistry,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QVariant
from qgis.PyQt.sip import isdeleted

from grid_plugin.core.progress import Progress
from grid_plugin.core.schema import FieldSpec
from grid_plugin.io.feature_files import SpatialReference, name_problem, write_feature_file
from grid_plugin.processing.features import IsoDate
from grid_plugin.toolbelt import field_types
from grid_plugin.toolbelt.paths import resource

_FIELD_TYPES = {"string": field_types.STRING, "int": field_types.INT, "double": field_types.DOUBLE,
                "date": field_types.DATE}


def qgs_fields(specs: Sequence[FieldSpec]) -> QgsFields:
    fields = QgsFields()
    for spec in specs:
        fields.append(QgsField(spec.name, _FIELD_TYPES[spec.type], len=spec.length))
    return fields


# ---- styling an output ----------------------------------------------------------------------------------------
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


# ---- the metadata of an output layer ------------------------------------------------------------------------
def set_output_metadata(context: QgsProcessingContext, dest_id: str, metadata: QgsLayerMetadata) -> None:
    """The output layer's metadata: in the GeoPackage itself for file outputs, on the layer for
    temporary ones."""
    layer = context.temporaryLayerStore().mapLayer(dest_id) if context.temporaryLayerStore() else None
    if layer is not None:
        layer.setMetadata(metadata)
        return
    uri = _geopackage_layer_uri(dest_id)
    if uri:
        QgsProviderRegistry.instance().saveLayerMetadata("ogr", uri, metadata)


def _geopackage_layer_uri(dest_id: str) -> str:
    """'path.gpkg|layername=name' for the GeoPackage outputs processing writes (a plain path, a
    path with |layername=, or ogr:dbname='path' table="name"); '' for anything else."""
    found = re.match(r"ogr:dbname='(?P<path>[^']+)'\s+table=\"(?P<table>[^\"]+)\"", dest_id)
    if found:
        path, layer = found["path"], found["table"]
    else:
        path, _, options = dest_id.partition("|")
        layer = options.split("layername=")[1].split("|")[0] if "layername=" in options else Path(path).stem
    return f"{path}|layername={layer}" if path.lower().endswith(".gpkg") else ""


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
    table name (the file's name) or the field names (feature_files.name_problem)."""
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
