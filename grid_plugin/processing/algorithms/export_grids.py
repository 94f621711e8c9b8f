"""gridplugin:exportgrids: a grid, component or heat layer to the file formats and coordinate
systems planners use (GeoPackage, Shapefile, GeoJSON, KML, DXF, CSV; CGCS2000 and its
Gauss-Krüger zones, WGS84, Web Mercator, GCJ-02, any CRS)."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt

from grid_plugin.core.export import (
    FORMAT_KEYS,
    FORMATS,
    TARGETS,
    check_format_target,
    parse_renames,
    resolve_target,
    shapefile_field_names,
    transform_geometries,
    unrepresentable,
)
from grid_plugin.io.export_files import ExportLayer, export_layer, field_map_path
from grid_plugin.processing.base import GridAlgorithm, core_progress
from grid_plugin.processing.features import read_geometries
from grid_plugin.toolbelt import field_types

ENCODINGS = ("utf-8", "gbk")
CODE_FIELDS = ("grid_code", "component_id", "case_id", "code")
_KINDS = {field_types.INT: "int", field_types.LONG_LONG: "int", field_types.UINT: "int", field_types.ULONG_LONG: "int",
          field_types.BOOL: "int", field_types.DOUBLE: "float", field_types.DATE: "date"}


class ExportGridsAlgorithm(GridAlgorithm):
    INPUT = "INPUT"
    FORMAT = "FORMAT"
    TARGET = "TARGET"
    TARGET_CRS = "TARGET_CRS"
    ENCODING = "ENCODING"
    CODE_FIELD = "CODE_FIELD"
    FIELD_NAMES = "FIELD_NAMES"
    OVERWRITE = "OVERWRITE"
    OUTPUT = "OUTPUT"
    FEATURE_COUNT = "FEATURE_COUNT"
    FILES = "FILES"
    FIELD_MAP = "FIELD_MAP"

    def name(self) -> str:
        return "exportgrids"

    def displayName(self) -> str:
        return self.tr("Export for planners")

    def groupId(self) -> str:
        return "export"

    def shortHelpString(self) -> str:
        return self.tr(
            "Writes a unit-grid, component or heat layer to a file for other systems:\n"
            "- GeoPackage; Shapefile (UTF-8 or GBK with a .cpg file; long field names shortened to 10 "
            "characters as listed in <name>.fields.csv beside it; colliding names and text longer than a "
            "DBF field holds are errors); GeoJSON (RFC 7946, longitude/latitude); KML; DXF for CAD "
            "(boundaries as polylines, codes as text); CSV with the geometry as WKT.\n"
            "- Coordinate systems: CGCS2000 geographic, the data's CGCS2000 3- or 6-degree Gauss-Krüger zone, "
            "WGS84, Web Mercator, GCJ-02 (for Chinese web maps; WGS84 longitude/latitude with the offset "
            "applied), or any other CRS. Features the target cannot represent are reported by feature id.\n"
            "The file is written under a temporary name and moved into place at the end: a failed or "
            "cancelled export leaves nothing, and an existing file is replaced only with OVERWRITE.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Layer to export (unit grids, components, heat)"),
            [QgsProcessing.SourceType.TypeVectorAnyGeometry]))
        self.addParameter(QgsProcessingParameterEnum(self.FORMAT, self.tr("Format"), [
            self.tr("GeoPackage (.gpkg)"), self.tr("Shapefile (.shp)"), self.tr("GeoJSON, RFC 7946 (.geojson)"),
            self.tr("KML (.kml)"), self.tr("DXF for CAD, codes as text (.dxf)"), self.tr("CSV with WKT (.csv)")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(self.TARGET, self.tr("Coordinate system"), [
            self.tr("CGCS2000 geographic (EPSG:4490)"), self.tr("CGCS2000 3-degree Gauss-Krüger zone of the data"),
            self.tr("CGCS2000 6-degree Gauss-Krüger zone of the data"), self.tr("WGS84 (EPSG:4326)"),
            self.tr("Web Mercator (EPSG:3857)"), self.tr("GCJ-02 (Chinese web maps)"),
            self.tr("Other (the CRS below)")], defaultValue=0))
        self.addParameter(QgsProcessingParameterCrs(
            self.TARGET_CRS, self.tr("Other coordinate system"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.ENCODING, self.tr("Text encoding (Shapefile and CSV)"), ["UTF-8", "GBK / GB18030"], defaultValue=0))
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, self.tr("Code field (DXF text, KML name; empty: grid_code or component_id)"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.FIELD_NAMES, self.tr("Shapefile field names (long=short; ...; optional)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.OVERWRITE, self.tr("Replace an existing file"), defaultValue=False))
        self.addParameter(QgsProcessingParameterVectorDestination(self.OUTPUT, self.tr("Exported file")))
        self.addOutput(QgsProcessingOutputNumber(self.FEATURE_COUNT, self.tr("Features exported")))
        self.addOutput(QgsProcessingOutputString(self.FILES, self.tr("Files written")))
        self.addOutput(QgsProcessingOutputString(self.FIELD_MAP, self.tr("Shapefile field-name map")))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        fmt = FORMATS[FORMAT_KEYS[self.parameterAsEnum(parameters, self.FORMAT, context)]]
        path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        # "fid" is a GeoPackage's feature key, not data: the target format keeps its own feature ids
        fields = [(f.name(), _KINDS.get(field_types.type_of(f), "str"))
                  for f in source.fields() if f.name().lower() != "fid"]
        names = [name for name, _kind in fields]
        code_field = self.parameterAsString(parameters, self.CODE_FIELD, context) or next(
            (n for n in CODE_FIELDS if n in names), None)
        with self.core_errors():
            target = resolve_target(TARGETS[self.parameterAsEnum(parameters, self.TARGET, context)],
                                    self.data_longitude(source, context),
                                    self.parameterAsCrs(parameters, self.TARGET_CRS, context).toWkt() or None)
            check_format_target(fmt, target)
            renames = parse_renames(self.parameterAsString(parameters, self.FIELD_NAMES, context))
            shapefile_names = shapefile_field_names(names, renames) if fmt.key == "shp" else None
            fids, geometries, rows = read_geometries(source, QgsFeatureRequest(), names, feedback)
            feedback.setProgress(20)
            source_wkt = source.sourceCrs().toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED)
            problem = unrepresentable(geometries, source_wkt, target, fids)
            if problem is not None:
                raise problem
            moved, repaired = transform_geometries(geometries, source_wkt, target, fmt.decimals)
            if repaired:
                feedback.pushInfo(self.tr("{} polygons became invalid in {} and were repaired (make valid).").format(
                    repaired, target.crs.name))
            feedback.setProgress(40)
            columns = {name: [_plain(row[i]) for row in rows] for i, name in enumerate(names)}
            layer = ExportLayer(source.sourceName() or "layer", fids, moved, fields, columns, code_field)
            encoding = ENCODINGS[self.parameterAsEnum(parameters, self.ENCODING, context)]
            written = export_layer(path, fmt, layer, target, encoding, shapefile_names,
                                   self.parameterAsBoolean(parameters, self.OVERWRITE, context),
                                   core_progress(feedback, 40, 100))
        main = next(str(p) for p in written if p.suffix.lower() == fmt.suffix)
        feedback.pushInfo(self.tr("{} features written to {} ({}).").format(len(fids), main, target.crs.name))
        return {self.OUTPUT: main, self.FEATURE_COUNT: len(fids), self.FILES: ";".join(str(p) for p in written),
                self.FIELD_MAP: str(field_map_path(written[0].parent / (written[0].stem + fmt.suffix)))
                if fmt.key == "shp" else ""}

    @staticmethod
    def data_longitude(source, context) -> float | None:
        extent = source.sourceExtent()
        if extent.isNull() or not source.featureCount():
            return None
        to_geographic = QgsCoordinateTransform(source.sourceCrs(), QgsCoordinateReferenceSystem("EPSG:4490"),
                                               context.transformContext())
        return to_geographic.transform(extent.center()).x()


def _plain(value: object) -> object:
    """Qt dates and times as ISO text, booleans as 0/1; other values as they are."""
    if isinstance(value, QDate):
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else None
    if isinstance(value, QDateTime):
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else None
    if isinstance(value, bool):
        return int(value)
    return value
