"""gridplugin:caseheatmap: where cases concentrate (高频区域), per unit grid and as a density surface."""

from __future__ import annotations

import numpy as np
import pyproj
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsRasterBlock,
    QgsRasterFileWriter,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QByteArray

from grid_plugin.core.cases.kernel import KERNELS, DensityRaster, kernel_density
from grid_plugin.core.cases.records import CaseFilter
from grid_plugin.processing.base import GridAlgorithm, core_progress
from grid_plugin.processing.case_styles import (
    style_density_raster,
    style_grid_counts,
    style_live_heatmap,
)
from grid_plugin.processing.features import write_features
from grid_plugin.processing.outputs import style_output_with
from grid_plugin.processing.parameters.store import StoreParameters
from grid_plugin.store.base import CaseStore, StoredGrids, subset_string
from grid_plugin.store.schema import STORE_SRID
from grid_plugin.toolbelt import field_types

PER_AREA_M2 = 10_000.0  # density per 万米单元网格 area


class CaseHeatmapAlgorithm(StoreParameters, GridAlgorithm):
    GRID_COUNTS = "GRID_COUNTS"
    DENSITY = "DENSITY"
    RADIUS = "RADIUS"
    PIXEL_SIZE = "PIXEL_SIZE"
    KERNEL = "KERNEL"
    OUTPUT_VALUES = "OUTPUT_VALUES"
    LIVE_LAYER = "LIVE_LAYER"
    LIVE = "LIVE"

    def name(self) -> str:
        return "caseheatmap"

    def displayName(self) -> str:
        return self.tr("Case heatmap")

    def groupId(self) -> str:
        return "cases"

    def shortHelpString(self) -> str:
        return self.tr(
            "Shows where cases concentrate, for the cases of the store chosen by time window, kind, class, "
            "source and status:\n"
            "- per unit grid: the number of cases and the density per 10,000 m², as a graduated layer;\n"
            "- a kernel-density raster (radius, pixel size and kernel as in QGIS's Heatmap algorithm, whose "
            "numbers it reproduces), styled with a heat ramp;\n"
            "- optionally the cases themselves as a live layer of the store with QGIS's heatmap renderer "
            "and time properties, so the temporal controller animates them.") + "\n\n" + self.filter_help()

    def initAlgorithm(self, config=None):
        self.add_store_parameters()
        self.add_grid_source_parameter(self.tr("Unit grids (empty: the store's grids)"))
        self.add_filter_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            self.RADIUS, self.tr("Kernel radius (m)"), QgsProcessingParameterNumber.Type.Double, 200.0, minValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.PIXEL_SIZE, self.tr("Pixel size (m)"), QgsProcessingParameterNumber.Type.Double, 10.0, minValue=0.1))
        self.addParameter(QgsProcessingParameterEnum(
            self.KERNEL, self.tr("Kernel shape"), [self.tr("Quartic"), self.tr("Triangular"), self.tr("Uniform"),
                                                   self.tr("Triweight"), self.tr("Epanechnikov")], defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.OUTPUT_VALUES, self.tr("Raster values"), [self.tr("Raw (sum of kernel weights)"),
                                                           self.tr("Scaled (density per square metre)")],
            defaultValue=0))
        self.add_working_crs_parameter(self.tr(
            "CRS of the raster (empty: the grids' Gauss-Krüger zone in China, their UTM zone elsewhere)"))
        self.addParameter(QgsProcessingParameterBoolean(
            self.LIVE_LAYER, self.tr("Also load the cases as a live heatmap layer"), defaultValue=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.GRID_COUNTS, self.tr("Cases per unit grid"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.DENSITY, self.tr("Kernel density"), optional=True))
        self.addOutput(QgsProcessingOutputNumber("CASE_COUNT", self.tr("Cases in the filter")))
        self.addOutput(QgsProcessingOutputVectorLayer(self.LIVE, self.tr("Live case heatmap")))

    def process(self, parameters, context, feedback):
        case_filter = self.case_filter(parameters, context)
        store = self.open_case_store(parameters, context, create=False, feedback=feedback)
        with self.core_errors():
            try:
                grids = self.store_grids(store, parameters, context, feedback, write=False)
                counts = store.counts_per_grid(case_filter)
                total = store.count_cases(case_filter)
                feedback.pushInfo(self.tr("{} cases match {}.").format(total, case_filter.describe()))
                self.report_piles_left_out(store, case_filter, feedback)
                feedback.setProgress(10)
                results = {"CASE_COUNT": total}
                results[self.GRID_COUNTS] = self.write_grid_counts(parameters, context, grids, counts, total, feedback)
                density_path = self.parameterAsOutputLayer(parameters, self.DENSITY, context)
                if density_path:
                    results[self.DENSITY] = self.write_density(parameters, context, store, grids, case_filter,
                                                               density_path, feedback)
                if self.parameterAsBoolean(parameters, self.LIVE_LAYER, context):
                    results[self.LIVE] = self.load_live_layer(parameters, context, store, case_filter)
            finally:
                store.close()
        return results

    # ---- per grid ------------------------------------------------------------------------------------
    def write_grid_counts(self, parameters, context, grids: StoredGrids, counts: dict[str, int], total: int,
                          feedback) -> str:
        fields = QgsFields()
        for name in ("grid_code", "street_code", "street_name", "community_code", "community_name"):
            fields.append(QgsField(name, field_types.STRING))
        fields.append(QgsField("area_m2", field_types.DOUBLE))
        fields.append(QgsField("case_count", field_types.INT))
        fields.append(QgsField("density_10k", field_types.DOUBLE))  # cases per 10,000 m²
        sink, dest = self.parameterAsSink(parameters, self.GRID_COUNTS, context, fields, QgsWkbTypes.Type.MultiPolygon,
                                          self.output_crs(grids))
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.GRID_COUNTS))
        case_count = np.array([counts.get(code, 0) for code in grids.grid_codes], dtype=np.int64)
        with np.errstate(divide="ignore", invalid="ignore"):
            density = np.where(grids.area_m2 > 0, case_count * PER_AREA_M2 / grids.area_m2, 0.0)
        unassigned = total - int(case_count.sum())
        if unassigned:
            feedback.pushWarning(self.tr("{} cases carry a grid code that is not among these grids.").format(
                unassigned))

        def rows(start: int, stop: int):
            return [[grids.grid_codes[i], grids.street_codes[i], grids.street_names[i], grids.community_codes[i],
                     grids.community_names[i], float(grids.area_m2[i]), int(case_count[i]),
                     round(float(density[i]), 4)] for i in range(start, stop)]

        write_features(sink, grids.geometries, rows, feedback)
        style_output_with(context, dest, lambda layer: style_grid_counts(layer, "density_10k"))
        feedback.setProgress(30)
        return dest

    # ---- density raster ------------------------------------------------------------------------------
    def write_density(self, parameters, context, store: CaseStore, grids: StoredGrids, case_filter: CaseFilter,
                      path: str, feedback) -> str:
        crs = self.measuring_crs(parameters, context, grids)
        lon, lat = store.case_points(case_filter)
        transformer = pyproj.Transformer.from_crs(f"EPSG:{STORE_SRID}", crs.authid() or crs.toWkt(),
                                                  always_xy=True)
        x, y = (np.asarray(v, dtype=float) for v in transformer.transform(lon, lat))
        if len(x) == 0:
            gx, gy = transformer.transform(*grids.geometries[0].centroid.coords[0]) if len(grids) else (0.0, 0.0)
            x, y = np.array([gx]), np.array([gy])
            weights = np.zeros(1)
            feedback.pushWarning(self.tr("No case matches the filter; the density raster is all zero."))
        else:
            weights = None
        raster = kernel_density(
            x, y, radius=self.parameterAsDouble(parameters, self.RADIUS, context),
            pixel_size=self.parameterAsDouble(parameters, self.PIXEL_SIZE, context),
            kernel=KERNELS[self.parameterAsEnum(parameters, self.KERNEL, context)],
            output=("raw", "scaled")[self.parameterAsEnum(parameters, self.OUTPUT_VALUES, context)],
            weights=weights, progress=core_progress(feedback, 35, 90))
        write_geotiff(path, raster, crs)
        style_output_with(context, path, style_density_raster)
        return path

    # ---- live layer ----------------------------------------------------------------------------------
    def load_live_layer(self, parameters, context: QgsProcessingContext, store: CaseStore,
                        case_filter: CaseFilter) -> str:
        uri, provider = store.layer_source("cases")
        layer = QgsVectorLayer(uri, self.tr("Cases (live heatmap)"), provider)
        if not layer.isValid():
            raise QgsProcessingException(self.tr("The store's case table cannot be loaded as a layer: {}").format(
                store.label))
        layer.setSubsetString(subset_string(case_filter))
        datum = store.datum()
        if datum != STORE_SRID:  # the store's degrees are WGS 84 ones here (store/schema.py)
            layer.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{datum}"))
        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        style_live_heatmap(layer, radius)
        context.temporaryLayerStore().addMapLayer(layer)
        context.addLayerToLoadOnCompletion(layer.id(), QgsProcessingContext.LayerDetails(
            self.tr("Cases (live heatmap)"), context.project(), self.LIVE))
        return layer.id()


def write_geotiff(path: str, raster: DensityRaster, crs: QgsCoordinateReferenceSystem) -> None:
    """One float32 band, north up, written through QGIS's raster writer (no second GDAL in-process)."""
    writer = QgsRasterFileWriter(path)
    writer.setOutputFormat(QgsRasterFileWriter.driverForExtension(path.rsplit(".", 1)[-1]) or "GTiff")
    extent = QgsRectangle(raster.x_min, raster.y_min, raster.x_max, raster.y_max)
    provider = writer.createOneBandRaster(Qgis.DataType.Float32, raster.cols, raster.rows, extent, crs)
    if provider is None or not provider.isValid():
        raise QgsProcessingException(f"cannot write {path}")
    provider.setNoDataValue(1, -1.0)
    block = QgsRasterBlock(Qgis.DataType.Float32, raster.cols, raster.rows)
    block.setData(QByteArray(np.ascontiguousarray(raster.values, dtype=np.float32).tobytes()))
    provider.writeBlock(block, 1, 0, 0)
    provider.setEditable(False)
    del provider

