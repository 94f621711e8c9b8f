"""gridplugin:convertcoordinates: any vector layer between GCJ-02, BD-09, WGS84 and CGCS2000, vertex by vertex."""

from __future__ import annotations

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from grid_plugin.core.errors import Cancelled
from grid_plugin.core.geodesy.crs import CGCS2000_GEOGRAPHIC
from grid_plugin.core.geodesy.datum import convert_geometries
from grid_plugin.core.geodesy.offsets import BD09, GCJ02, OFFSET_SYSTEMS, WGS84
from grid_plugin.processing.base import GridAlgorithm, core_progress
from grid_plugin.processing.datum import WGS84_CRS, datum_options, warn_outside_china
from grid_plugin.processing.features import write_features
from grid_plugin.processing.outputs import new_gpkg_output, write_gpkg_output
from grid_plugin.toolbelt.i18n import tr

# the options of FROM and TO, in order; CGCS2000 has WGS84's longitudes and latitudes at this accuracy
CGCS2000 = "cgcs2000"
SYSTEMS = (WGS84, CGCS2000, GCJ02, BD09)


class ConvertCoordinatesAlgorithm(GridAlgorithm):
    INPUT = "INPUT"
    FROM = "FROM"
    TO = "TO"
    OUTPUT = "OUTPUT"
    FEATURE_COUNT = "FEATURE_COUNT"
    OUTSIDE_CHINA_COUNT = "OUTSIDE_CHINA_COUNT"

    def name(self) -> str:
        return "convertcoordinates"

    def displayName(self) -> str:
        return self.tr("Convert coordinates (GCJ-02, BD-09, WGS84, CGCS2000)")

    def groupId(self) -> str:
        return "coordinates"

    def group(self) -> str:
        return self.tr("Coordinates")

    def shortHelpString(self) -> str:
        return self.tr(
            "Converts every vertex of a layer (points, lines, polygons, multi-parts; Z kept) between the offset "
            "coordinates of Chinese web maps and true ones: GCJ-02 (Amap, Tencent, Google China), BD-09 (Baidu), "
            "WGS84 and CGCS2000, in either direction. FROM says what the layer's longitudes and latitudes are: a "
            "GCJ-02 or BD-09 layer is usually tagged EPSG:4326, and a layer in another CRS (e.g. Web Mercator "
            "digitised over such a map) is first taken to EPSG:4326 as its CRS says. The output is tagged EPSG:4490 "
            "for CGCS2000 and EPSG:4326 otherwise; attributes are kept, curves become straight segments and M "
            "values are dropped.\n\n"
            "CGCS2000 and WGS84 differ by less than about a metre in China (the plates have moved since 2000), "
            "far less than the offsets: their longitudes and latitudes are taken as equal, so WGS84 ⇄ CGCS2000 "
            "only changes the tag. GCJ-02 is defined only inside China (the box 72.004–137.8347 E, "
            "0.8293–55.8271 N, as the map services use): "
            "outside it the GCJ-02 step leaves coordinates unchanged, and a warning counts and names those "
            "features. GCJ-02 → WGS84 is exact to about 1e-13° against WGS84 → GCJ-02 (an iteration, not the "
            "usual one-step formula that is off by metres).")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Layer"), [QgsProcessing.SourceType.TypeVectorAnyGeometry]))
        options = system_options()
        self.addParameter(QgsProcessingParameterEnum(
            self.FROM, self.tr("The layer's coordinates are in"), options, defaultValue=SYSTEMS.index(GCJ02)))
        self.addParameter(QgsProcessingParameterEnum(
            self.TO, self.tr("Convert them to"), options, defaultValue=SYSTEMS.index(WGS84)))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Converted layer")))
        self.addOutput(QgsProcessingOutputNumber(self.FEATURE_COUNT, self.tr("Features converted")))
        self.addOutput(QgsProcessingOutputNumber(
            self.OUTSIDE_CHINA_COUNT, self.tr("Features (partly) outside China, where GCJ-02 is not defined")))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        options = system_options()
        source_system = SYSTEMS[self.parameterAsEnum(parameters, self.FROM, context)]
        target_system = SYSTEMS[self.parameterAsEnum(parameters, self.TO, context)]
        if source_system == target_system:
            raise QgsProcessingException(self.tr(
                "FROM and TO are both '{}': there is nothing to convert. Choose the system the layer is in as "
                "FROM and the one you need as TO.").format(options[SYSTEMS.index(source_system)]))
        read_crs = QgsCoordinateReferenceSystem(
            f"EPSG:{CGCS2000_GEOGRAPHIC}" if source_system == CGCS2000 else WGS84_CRS)
        out_crs = QgsCoordinateReferenceSystem(
            f"EPSG:{CGCS2000_GEOGRAPHIC}" if target_system == CGCS2000 else WGS84_CRS)
        wkb_type = QgsWkbTypes.dropM(QgsWkbTypes.linearType(source.wkbType()))
        if QgsWkbTypes.hasM(source.wkbType()):
            feedback.pushWarning(self.tr("The layer's M values are dropped; Z values are kept."))
        try:
            fids, geometries, rows = self._read(source, read_crs, context, feedback)
            feedback.setProgress(40)
            outside = 0
            if source_system in OFFSET_SYSTEMS or target_system in OFFSET_SYSTEMS:
                outside = warn_outside_china(feedback, fids, geometries, source.sourceName())
            converted = convert_geometries(geometries, _plain_system(source_system), _plain_system(target_system))
            feedback.setProgress(50)
            dest_id = self._write(parameters, context, feedback, source, wkb_type, out_crs, converted, rows)
        except Cancelled:
            feedback.pushInfo(self.tr("Cancelled; nothing was written."))
            return {}
        feedback.pushInfo(self.tr("{} features converted from {} to {} ({}).").format(
            len(fids), options[SYSTEMS.index(source_system)], options[SYSTEMS.index(target_system)],
            out_crs.authid()))
        return {self.OUTPUT: dest_id, self.FEATURE_COUNT: len(fids), self.OUTSIDE_CHINA_COUNT: outside}

    def _read(self, source, crs, context, feedback) -> tuple[list[int], np.ndarray, list[list[object]]]:
        """Feature ids, shapely geometries in `crs` (curves as straight segments, None where missing) and all
        attribute values (NULL as None), with progress and cancel."""
        request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
        features = (source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)
                    if isinstance(source, QgsProcessingFeatureSource) else source.getFeatures(request))
        total = max(source.featureCount(), 1)
        fids: list[int] = []
        wkbs: list[bytes | None] = []
        rows: list[list[object]] = []
        for feature in features:
            if len(fids) % 1000 == 0:
                if feedback.isCanceled():
                    raise Cancelled()
                feedback.setProgress(40 * len(fids) / total)
            fids.append(feature.id())
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                wkbs.append(None)
            else:
                if QgsWkbTypes.isCurvedType(geometry.wkbType()):
                    geometry = QgsGeometry(geometry.constGet().segmentize())
                wkbs.append(bytes(geometry.asWkb()))
            rows.append([None if value is None or (isinstance(value, QVariant) and value.isNull()) else value
                         for value in feature.attributes()])
        return fids, shapely.from_wkb(np.array(wkbs, dtype=object)), rows

    def _write(self, parameters, context, feedback, source, wkb_type, crs, geometries, rows) -> str:
        """A new GeoPackage file is written whole by the plugin (it appears only when complete); anything else
        through QGIS's sink, in batches with cancel."""
        fields = source.fields()
        direct = new_gpkg_output(self, parameters, self.OUTPUT, context, fields, wkb_type)
        if direct:
            return write_gpkg_output(self, parameters, self.OUTPUT, context, direct, fields, wkb_type, crs,
                                     geometries, lambda start, stop: rows[start:stop], core_progress(feedback, 50, 100))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        write_features(sink, geometries, lambda start, stop: rows[start:stop], feedback, convert=False)
        return dest_id


def system_options() -> list[str]:
    """The options of FROM and TO; the GCJ-02 and BD-09 ones are those of every DATUM parameter."""
    shared = datum_options()
    return [tr("WGS84 (GPS)"), tr("CGCS2000"), shared[1], shared[2]]


def _plain_system(system: str) -> str:
    """The core.geodesy.offsets name: CGCS2000 longitudes and latitudes are WGS84's."""
    return WGS84 if system == CGCS2000 else system
