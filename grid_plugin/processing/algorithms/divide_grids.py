"""gridplugin:dividegrids: divide communities into ~10,000 m² unit grids with 15-digit codes."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from qgis.core import (
    QgsFeatureSource,
    QgsLayerMetadata,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProviderRegistry,
    QgsWkbTypes,
)

from grid_plugin.core.errors import Cancelled, GridInputError
from grid_plugin.core.grids.codes import normalise_code
from grid_plugin.core.grids.containers import DEFAULT_OVERLAP_TOLERANCE_M2, prepare_containers
from grid_plugin.core.grids.estimate import check_follow_limit
from grid_plugin.core.grids.follow import (
    DEFAULT_MAX_AREA_M2,
    DEFAULT_MIN_AREA_M2,
    DEFAULT_TARGET_AREA_M2,
    AreaSettings,
    divide_following,
)
from grid_plugin.core.grids.lattice import DEFAULT_CELL_SIZE_M, DEFAULT_MIN_AREA_FRACTION, Division, divide_lattice
from grid_plugin.core.grids.numbering import ORDERS
from grid_plugin.core.grids.precision import DEFAULT_PRECISION_M, MAX_PRECISION_M, MIN_PRECISION_M
from grid_plugin.core.grids.quality import DEFAULT_LINE_TOLERANCE_M, QualityFigures, quality_figures
from grid_plugin.core.grids.stability import DEFAULT_MIN_OVERLAP, KEPT, NEW, RETIRED, assign_stable_codes
from grid_plugin.core.output_files import check_output_file, write_spreadsheet_csv
from grid_plugin.core.schema import UNIT_GRID_FIELDS
from grid_plugin.processing.base import (
    GridAlgorithm,
    IsoDate,
    core_progress,
    new_gpkg_output,
    qgs_fields,
    style_output,
    write_features,
    write_gpkg_output,
)
from grid_plugin.processing.datum import add_datum_parameter, datum_help, datum_of, read_in_datum
from grid_plugin.processing.grid_inputs import (
    read_community_codes,
    read_follow_lines,
    read_previous_grids,
    read_weight_points,
)

CODES_FULL, CODES_PARTS = 0, 1
MODE_LATTICE, MODE_FOLLOW = 0, 1


class DivideGridsAlgorithm(GridAlgorithm):
    INPUT = "INPUT"
    DATUM = "DATUM"
    MODE = "MODE"
    CODE_SOURCE = "CODE_SOURCE"
    COMMUNITY_CODE_FIELD = "COMMUNITY_CODE_FIELD"
    STREET_CODE_FIELD = "STREET_CODE_FIELD"
    DISTRICT_CODE_FIELD = "DISTRICT_CODE_FIELD"
    DISTRICT_CODE = "DISTRICT_CODE"
    STREET_NAME_FIELD = "STREET_NAME_FIELD"
    COMMUNITY_NAME_FIELD = "COMMUNITY_NAME_FIELD"
    LINES = "LINES"
    LINES_DATUM = "LINES_DATUM"
    ROAD_CLASS_FIELD = "ROAD_CLASS_FIELD"
    TARGET_AREA = "TARGET_AREA"
    CELL_SIZE = "CELL_SIZE"
    MIN_AREA = "MIN_AREA"
    MAX_AREA = "MAX_AREA"
    WEIGHTS = "WEIGHTS"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    ORDER = "ORDER"
    PREVIOUS = "PREVIOUS"
    PREVIOUS_CODE_FIELD = "PREVIOUS_CODE_FIELD"
    MATCH_OVERLAP = "MATCH_OVERLAP"
    EFFECTIVE_DATE = "EFFECTIVE_DATE"
    TARGET_CRS = "TARGET_CRS"
    OVERLAP_TOLERANCE = "OVERLAP_TOLERANCE"
    LINE_TOLERANCE = "LINE_TOLERANCE"
    PRECISION = "PRECISION"
    OUTPUT = "OUTPUT"
    CHANGE_REPORT = "CHANGE_REPORT"
    GRID_COUNT = "GRID_COUNT"
    WORKING_CRS = "WORKING_CRS"
    QUALITY = "QUALITY"
    BOUNDARY_ON_LINES = "BOUNDARY_ON_LINES"
    SHARE_NEAR_TARGET = "SHARE_NEAR_TARGET"
    KEPT_COUNT = "KEPT_COUNT"
    NEW_COUNT = "NEW_COUNT"
    RETIRED_COUNT = "RETIRED_COUNT"

    def name(self) -> str:
        return "dividegrids"

    def displayName(self) -> str:
        return self.tr("Divide communities into unit grids")

    def groupId(self) -> str:
        return "grids"

    def shortHelpString(self) -> str:
        return self.tr(
            "Divides community polygons into unit grids (单元网格) of about 10,000 m² and gives each "
            "its 15-digit code: 6-digit district + 3-digit street + 3-digit community + 3-digit "
            "sequence. No grid crosses a community boundary and the grids of a community cover it "
            "exactly.\n\n"
            "Follow features (地理布局): grid boundaries run along the given roads, rivers and walls. "
            "Each community is cut into blocks by the lines; blocks below the minimum area join a "
            "neighbour across the smallest road class first (layers without the road-class field, "
            "such as rivers and walls, are crossed last); blocks above the maximum area are cut "
            "into compact parts of near-equal area, or of near-equal workload when a workload "
            "layer (components, past cases) is given.\n\n"
            "Regular lattice: square cells anchored at the origin of the working CRS, so re-runs "
            "give identical grids; pieces smaller than the minimum area join the neighbouring "
            "grid that shares the longest edge with them.\n\n"
            "Stable codes (相对稳定): with the previous grid layer, every new grid that overlaps a "
            "previous grid of its community by the matching share (both ways) keeps its code; new "
            "grids take the next free numbers; previous grids that no longer exist are kept with "
            "their end date set, and their codes are never reused.\n\n"
            "Numbering: rows from north to south, west to east within a row (or columns). Quality "
            "figures (areas, share of boundaries on the lines, compactness) are logged, returned "
            "and stored in the output layer's metadata.\n\n"
            "Limits: a community gets at most 999 grids (the 3-digit sequence). Before dividing, the "
            "grids of every community are bounded from its area and outline (and counted near the "
            "limit); all communities over the limit are refused together, with the cell size or grid "
            "areas at which they would fit. A community smaller than the minimum grid area becomes one "
            "grid, with a warning naming it (often a sliver left by digitising).\n\n"
            "Precision: every grid is put on a grid of PRECISION metres (1 mm by default) in the working "
            "CRS, all grids as one coverage: shared edges stay shared, spikes and necks narrower than the "
            "precision are removed, and no vertex comes closer than the precision to an edge of its own "
            "grid, so the grids stay valid when they are reprojected (to CGCS2000 or WGS84 longitude and "
            "latitude, Web Mercator or GCJ-02). Areas change by a fraction of a square metre.\n\n"
            "Geographic input is projected to the CGCS2000 3-degree Gauss-Krüger zone of the "
            "data's longitude unless a working CRS is given."
        ) + datum_help("DATUM, LINES_DATUM", warns=False)

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Communities"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        add_datum_parameter(self, self.DATUM, self.tr(
            "Coordinates of the communities (Chinese web maps: GCJ-02 or BD-09)"))
        self.addParameter(QgsProcessingParameterEnum(
            self.MODE, self.tr("Division mode"),
            [self.tr("Regular lattice"), self.tr("Follow features (roads, rivers, walls)")],
            defaultValue=MODE_LATTICE))
        self.addParameter(QgsProcessingParameterEnum(
            self.CODE_SOURCE, self.tr("Community codes come from"),
            [self.tr("One 12-digit community code field"),
             self.tr("Separate district, street and community code fields")],
            defaultValue=CODES_FULL))
        self.addParameter(QgsProcessingParameterField(
            self.COMMUNITY_CODE_FIELD, self.tr("Community code field (12 digits, or 3 with separate fields)"),
            defaultValue="community_code", parentLayerParameterName=self.INPUT))
        self.addParameter(QgsProcessingParameterField(
            self.STREET_CODE_FIELD, self.tr("Street code field (3 or 9 digits)"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.DISTRICT_CODE_FIELD, self.tr("District code field (6 digits)"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DISTRICT_CODE, self.tr("District code for all features (GB/T 2260, when there is no district field)"),
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.STREET_NAME_FIELD, self.tr("Street name field"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.COMMUNITY_NAME_FIELD, self.tr("Community name field"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.LINES, self.tr("Lines to follow (roads, rivers, walls; follow features mode)"),
            QgsProcessing.SourceType.TypeVectorLine, optional=True))
        add_datum_parameter(self, self.LINES_DATUM, self.tr(
            "Coordinates of the lines to follow (Chinese web maps: GCJ-02 or BD-09)"))
        self.addParameter(QgsProcessingParameterString(
            self.ROAD_CLASS_FIELD, self.tr("Road-class field of the line layers (layers without it are barriers)"),
            defaultValue="road_class", optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_AREA, self.tr("Target grid area (m², follow features mode)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=DEFAULT_TARGET_AREA_M2, minValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.CELL_SIZE, self.tr("Cell size (m, regular lattice mode)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=DEFAULT_CELL_SIZE_M, minValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, self.tr("Minimum grid area (m²; empty = 3,000, or 30 % of a lattice cell)"),
            QgsProcessingParameterNumber.Type.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_AREA, self.tr("Maximum grid area (m², follow features mode)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=DEFAULT_MAX_AREA_M2, minValue=1.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.WEIGHTS, self.tr("Workload points to balance (components or past cases; optional)"),
            [QgsProcessing.SourceType.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.WEIGHT_FIELD, self.tr("Workload weight field (empty = each point counts 1)"),
            parentLayerParameterName=self.WEIGHTS, type=QgsProcessingParameterField.DataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.ORDER, self.tr("Sequence order"),
            [self.tr("Rows: north to south, west to east within a row"),
             self.tr("Columns: west to east, north to south within a column")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PREVIOUS, self.tr("Previous unit grids (keep their codes; optional)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PREVIOUS_CODE_FIELD, self.tr("Code field of the previous grids"), defaultValue="grid_code",
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MATCH_OVERLAP, self.tr("Matching overlap with a previous grid (share, both ways)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=DEFAULT_MIN_OVERLAP, minValue=0.51, maxValue=1.0))
        self.addParameter(QgsProcessingParameterString(
            self.EFFECTIVE_DATE, self.tr("Effective date of this division (YYYY-MM-DD; empty = today)"),
            optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.TARGET_CRS, self.tr("Working CRS (empty = CGCS2000 Gauss-Krüger zone of the data)"),
            optional=True))
        for key, label, default in (
            (self.OVERLAP_TOLERANCE, self.tr("Overlap tolerance between communities (m²)"),
             DEFAULT_OVERLAP_TOLERANCE_M2),
            (self.LINE_TOLERANCE, self.tr("Distance within which a grid boundary counts as on a line (m)"),
             DEFAULT_LINE_TOLERANCE_M),
        ):
            advanced = QgsProcessingParameterNumber(
                key, label, QgsProcessingParameterNumber.Type.Double, defaultValue=default, minValue=0.0)
            advanced.setFlags(advanced.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(advanced)
        precision = QgsProcessingParameterNumber(
            self.PRECISION, self.tr("Precision grid of the vertices (m; 0.001 = 1 mm)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=DEFAULT_PRECISION_M, minValue=MIN_PRECISION_M,
            maxValue=MAX_PRECISION_M)
        precision.setFlags(precision.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(precision)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Unit grids"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.CHANGE_REPORT, self.tr("Code change report (kept, new and retired codes)"),
            self.tr("CSV files (*.csv)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.GRID_COUNT, self.tr("Number of unit grids")))
        self.addOutput(QgsProcessingOutputString(self.WORKING_CRS, self.tr("Working CRS")))
        self.addOutput(QgsProcessingOutputString(self.QUALITY, self.tr("Quality figures (JSON)")))
        self.addOutput(QgsProcessingOutputNumber(
            self.BOUNDARY_ON_LINES, self.tr("Share of interior grid boundaries on followed lines")))
        self.addOutput(QgsProcessingOutputNumber(
            self.SHARE_NEAR_TARGET, self.tr("Share of grids within 0.5–2 × the target area")))
        self.addOutput(QgsProcessingOutputNumber(self.KEPT_COUNT, self.tr("Grids that kept their code")))
        self.addOutput(QgsProcessingOutputNumber(self.NEW_COUNT, self.tr("Grids with a new code")))
        self.addOutput(QgsProcessingOutputNumber(self.RETIRED_COUNT, self.tr("Previous grids retired")))

    # --- processing -------------------------------------------------------------------------

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        if QgsWkbTypes.geometryType(source.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
            raise QgsProcessingException(self.tr(
                "The community layer must contain polygons; it has {} geometries. "
                "Choose a polygon layer.").format(QgsWkbTypes.displayString(source.wkbType())))
        if source.featureCount() == 0:
            raise QgsProcessingException(self.tr(
                "The community layer has no features; choose a layer with community polygons."))
        report_path = self.parameterAsFileOutput(parameters, self.CHANGE_REPORT, context)
        if report_path:
            try:
                check_output_file(report_path, self.CHANGE_REPORT)  # before the division's minutes of work
            except GridInputError as err:
                raise self.input_error(err) from err
        mode = self.parameterAsEnum(parameters, self.MODE, context)
        precision = self.parameterAsDouble(parameters, self.PRECISION, context)
        order = ORDERS[self.parameterAsEnum(parameters, self.ORDER, context)]
        effective_date = self.date_parameter(parameters, self.EFFECTIVE_DATE, context)
        working_crs = self.working_crs(parameters, self.TARGET_CRS, source, context, self.tr(
            "The community layer has no geometries; draw the community polygons first."))
        feedback.pushInfo(self.tr("Working CRS: {} ({})").format(working_crs.authid(), working_crs.description()))

        fields = self._code_fields(parameters, source, context)
        names = [f for f in fields.values() if f]
        lines = None
        try:
            fids, geometries, values = read_in_datum(source, working_crs, context, names,
                                                     datum_of(self, parameters, context, self.DATUM), feedback)
            records = [dict(zip(names, v)) for v in values]
            codes = read_community_codes(
                fids, records, fields, self.parameterAsEnum(parameters, self.CODE_SOURCE, context) == CODES_PARTS,
                self.parameterAsString(parameters, self.DISTRICT_CODE, context))
            street_names = [self._text(record, fields["street_name"]) for record in records]
            community_names = [self._text(record, fields["community_name"]) for record in records]
            containers, warnings = prepare_containers(
                fids, geometries, codes, street_names, community_names,
                self.parameterAsDouble(parameters, self.OVERLAP_TOLERANCE, context))
            for warning in warnings:
                feedback.pushWarning(self.render(warning))
            if mode == MODE_FOLLOW:
                settings = self._area_settings(parameters, context)
                check_follow_limit(containers, settings)  # from the areas, before the lines are read
                lines = self._follow_lines(parameters, context, working_crs, feedback)
                weights = None
                weight_source = self.parameterAsSource(parameters, self.WEIGHTS, context)
                if weight_source is not None:
                    weights = read_weight_points(
                        weight_source, self.parameterAsString(parameters, self.WEIGHT_FIELD, context),
                        working_crs, context, feedback)
                    feedback.pushInfo(self.tr("Balancing the workload of {} points.").format(len(weights.xy)))
                division = divide_following(containers, lines, settings, weights, order,
                                            core_progress(feedback, 0, 80), precision)
                target_area = settings.target
            else:
                cell = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
                min_area = (self.parameterAsDouble(parameters, self.MIN_AREA, context)
                            if self._given(parameters, self.MIN_AREA) else DEFAULT_MIN_AREA_FRACTION * cell * cell)
                division = divide_lattice(containers, cell, min_area, order, progress=core_progress(feedback, 0, 80),
                                          precision=precision)
                target_area = cell * cell
            changes = self._stable_codes(parameters, context, working_crs, feedback, division, containers)
            quality = quality_figures(
                division.geometries, division.container_index, containers, target_area,
                None if lines is None else lines.geometries,
                self.parameterAsDouble(parameters, self.LINE_TOLERANCE, context))
        except GridInputError as err:
            raise self.input_error(err) from err
        except Cancelled:
            feedback.pushInfo(self.tr("Cancelled; nothing was written."))
            return {}
        for warning in division.warnings:
            feedback.pushWarning(self.render(warning))
        feedback.pushInfo(self.tr("Precision: on a {} m grid; {} grids changed by it, areas by at most {:.4f} m²."
                                  ).format(precision, division.snapped, division.max_area_change))
        self._log_quality(feedback, quality, lines is not None)

        # Everything is computed before the output exists: a failure or a cancel above leaves no file.
        table = _GridTable.build(division, containers, changes, effective_date)
        out_fields = qgs_fields(UNIT_GRID_FIELDS)
        direct = new_gpkg_output(self, parameters, self.OUTPUT, context, out_fields, QgsWkbTypes.Type.MultiPolygon)
        if direct:  # a new GeoPackage file: written by the plugin, about four times as fast as QGIS's writer
            try:  # the file appears only when complete: a cancel while writing leaves nothing
                dest_id = write_gpkg_output(self, parameters, self.OUTPUT, context, direct, out_fields,
                                            QgsWkbTypes.Type.MultiPolygon, working_crs, table.geometries,
                                            table.plain_rows, core_progress(feedback, 80, 100))
            except Cancelled:
                feedback.pushInfo(self.tr("Cancelled; nothing was written."))
                return {}
        else:
            sink, dest_id = self.parameterAsSink(
                parameters, self.OUTPUT, context, out_fields, QgsWkbTypes.Type.MultiPolygon, working_crs)
            if sink is None:
                raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
            write_features(sink, table.geometries, table.rows)
            del sink  # closes the file, so its metadata can be written
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("{} unit grids in {} communities.").format(len(division), len(containers)))
        if report_path:
            table.write_change_report(report_path)
        self._store_quality(dest_id, context, quality)
        style_output(context, dest_id, "unit_grids.qml")
        counts = table.change_counts()
        if changes is not None:
            feedback.pushInfo(self.tr("Codes: {} kept, {} new, {} retired.").format(
                counts[KEPT], counts[NEW], counts[RETIRED]))
        return {
            self.OUTPUT: dest_id, self.CHANGE_REPORT: report_path or None,
            self.GRID_COUNT: len(division), self.WORKING_CRS: working_crs.authid(),
            self.QUALITY: json.dumps(quality.as_dict()),
            self.BOUNDARY_ON_LINES: quality.boundary_on_lines,
            self.SHARE_NEAR_TARGET: quality.share_near_target,
            self.KEPT_COUNT: counts[KEPT], self.NEW_COUNT: counts[NEW], self.RETIRED_COUNT: counts[RETIRED],
        }

    @staticmethod
    def _given(parameters, key: str) -> bool:
        return parameters.get(key) not in (None, "")

    def _area_settings(self, parameters, context) -> AreaSettings:
        return AreaSettings(
            target=self.parameterAsDouble(parameters, self.TARGET_AREA, context),
            minimum=(self.parameterAsDouble(parameters, self.MIN_AREA, context)
                     if self._given(parameters, self.MIN_AREA) else DEFAULT_MIN_AREA_M2),
            maximum=self.parameterAsDouble(parameters, self.MAX_AREA, context),
        )

    def _follow_lines(self, parameters, context, working_crs, feedback):
        layers = self.parameterAsLayerList(parameters, self.LINES, context)
        if not layers:
            raise QgsProcessingException(self.tr(
                "Follow features mode needs at least one line layer to follow (roads, rivers or walls); "
                "choose them under 'Lines to follow', or use the regular lattice mode."))
        lines = read_follow_lines(layers, self.parameterAsString(parameters, self.ROAD_CLASS_FIELD, context),
                                  working_crs, context, feedback, datum_of(self, parameters, context, self.LINES_DATUM))
        feedback.pushInfo(self.tr("Following {} lines from {} layer(s).").format(len(lines.geometries), len(layers)))
        return lines

    def _stable_codes(self, parameters, context, working_crs, feedback, division, containers):
        previous_source = self.parameterAsSource(parameters, self.PREVIOUS, context)
        if previous_source is None:
            return None
        code_field = self.parameterAsString(parameters, self.PREVIOUS_CODE_FIELD, context) or "grid_code"
        previous = read_previous_grids(previous_source, code_field, working_crs, context, feedback,
                                       self.parameterAsDouble(parameters, self.PRECISION, context))
        stable = assign_stable_codes(
            division.geometries, division.container_index, division.sequence, containers, previous,
            self.parameterAsDouble(parameters, self.MATCH_OVERLAP, context))
        return previous, stable

    def _log_quality(self, feedback, quality: QualityFigures, followed: bool) -> None:
        feedback.pushInfo(self.tr(
            "Quality: {} grids; area min {:.0f}, median {:.0f}, p95 {:.0f}, max {:.0f} m²; "
            "{:.1%} within 0.5–2 × target; compactness (Polsby-Popper) min {:.2f}, p5 {:.2f}, "
            "median {:.2f}.").format(
                quality.grid_count, quality.area_min, quality.area_median, quality.area_p95, quality.area_max,
                quality.share_near_target, quality.compactness_min, quality.compactness_p5,
                quality.compactness_median))
        if followed and quality.boundary_on_lines is not None:
            feedback.pushInfo(self.tr("Quality: {:.1%} of interior grid boundaries lie on followed lines.").format(
                quality.boundary_on_lines))

    def _store_quality(self, dest_id: str, context, quality: QualityFigures) -> None:
        """Quality figures in the output layer's metadata (abstract and keywords): in the
        GeoPackage itself for file outputs, on the layer for temporary ones."""
        metadata = QgsLayerMetadata()
        metadata.setTitle(self.tr("Unit grids"))
        metadata.setAbstract(self.tr("Unit grids made by gridplugin:dividegrids. Quality figures: {}").format(
            json.dumps(quality.as_dict(), ensure_ascii=False)))
        metadata.setKeywords({"gridplugin:quality": [
            f"{key}={value}" for key, value in quality.as_dict().items()]})
        layer = context.temporaryLayerStore().mapLayer(dest_id) if context.temporaryLayerStore() else None
        if layer is not None:
            layer.setMetadata(metadata)
            return
        uri = _geopackage_layer_uri(dest_id)
        if uri:
            QgsProviderRegistry.instance().saveLayerMetadata("ogr", uri, metadata)

    def _code_fields(self, parameters, source: QgsFeatureSource, context) -> dict[str, str]:
        def field(key: str) -> str:
            return self.parameterAsString(parameters, key, context) or ""

        fields = {
            "community": field(self.COMMUNITY_CODE_FIELD),
            "street": field(self.STREET_CODE_FIELD),
            "district": field(self.DISTRICT_CODE_FIELD),
            "street_name": field(self.STREET_NAME_FIELD),
            "community_name": field(self.COMMUNITY_NAME_FIELD),
        }
        present = set(source.fields().names())
        for name in fields.values():
            if name and name not in present:
                raise QgsProcessingException(self.tr(
                    "Field '{}' does not exist in the community layer; its fields are: {}").format(
                        name, ", ".join(sorted(present))))
        if not fields["community"]:
            raise QgsProcessingException(self.tr("Choose the community code field."))
        if self.parameterAsEnum(parameters, self.CODE_SOURCE, context) == CODES_PARTS:
            if not fields["street"]:
                raise QgsProcessingException(self.tr(
                    "Codes come from separate fields: choose the street code field too."))
            district = normalise_code(self.parameterAsString(parameters, self.DISTRICT_CODE, context))
            if not fields["district"] and not (district.isdigit() and len(district) == 6):
                raise QgsProcessingException(self.tr(
                    "Codes come from separate fields: choose the district code field or give the "
                    "6-digit district code (GB/T 2260), e.g. 110101."))
        else:
            fields["street"] = fields["district"] = ""
        return fields

    @staticmethod
    def _text(record: dict[str, object], field: str) -> str:
        value = record.get(field) if field else None
        return "" if value is None else str(value)


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


_NO_EXTRA: dict = {}  # shared, never changed


@dataclass
class _GridTable:
    """The features to write: the division's grids (sorted by code), then the previous grids
    this run retired and those retired before, with every attribute of UNIT_GRID_FIELDS."""

    geometries: np.ndarray
    codes: list[str]
    street_names: list[str]
    community_names: list[str]
    extras: list[dict]
    init_dates: list[str]
    end_dates: list[str]
    changes: list[str]

    @classmethod
    def build(cls, division: Division, containers, changes, effective_date: str) -> _GridTable:
        owner = division.container_index
        sequence = division.sequence
        matched = np.full(len(division), -1, dtype=np.int64)
        previous: list = []
        retired = already = np.empty(0, dtype=np.int64)
        if changes is not None:
            previous, stable = changes
            sequence, matched = stable.sequence, stable.matched
            retired, already = stable.retired, stable.already_retired
        order = np.lexsort((sequence, owner))
        names_by_code = {c.code.code12: (c.street_name, c.community_name) for c in containers}
        table = cls(division.geometries[order], [], [], [], [], [], [], [])
        for k in order.tolist():
            container = containers[owner[k]]
            old = previous[matched[k]] if matched[k] >= 0 else None
            table.codes.append(container.code.grid_code(int(sequence[k])))
            table.street_names.append(container.street_name)
            table.community_names.append(container.community_name)
            # the previous grid's attributes, or the shared empty one: a dict per grid would cost
            # 350 MB at 1.7 M grids (the responsible party defaults to the community in rows())
            table.extras.append(old.extra if old is not None and old.extra else _NO_EXTRA)
            table.init_dates.append(old.init_date if old is not None and old.init_date else effective_date)
            table.end_dates.append("")
            table.changes.append(KEPT if old is not None else NEW)
        gone = [previous[k] for k in retired.tolist()] + [previous[k] for k in already.tolist()]
        if gone:
            table.geometries = np.concatenate([table.geometries, np.array([g.geometry for g in gone], dtype=object)])
        for n, grid in enumerate(gone):
            street_name, community_name = names_by_code.get(grid.code[:12], ("", ""))
            table.codes.append(grid.code)
            table.street_names.append(street_name)
            table.community_names.append(community_name)
            table.extras.append({"responsible": None, **grid.extra})  # retired: no default party
            table.init_dates.append(grid.init_date)
            table.end_dates.append(effective_date if n < len(retired) else grid.end_date)
            table.changes.append(RETIRED)
        return table

    def rows(self, start: int, stop: int, plain: bool = False) -> list[tuple[object, ...]]:
        """The attribute rows of features start..stop, built a column at a time. Dates are IsoDate
        (QGIS's sink makes them QDates), or with `plain` ISO text and None, as the GeoPackage
        writer takes them."""
        dates: dict[str, object] = {}  # a few distinct dates: one object each

        def date(text: str) -> object:
            found = dates.get(text)
            if found is None:
                found = dates[text] = (text or None) if plain else IsoDate(text)
            return found

        codes, extras = self.codes[start:stop], self.extras[start:stop]
        communities = self.community_names[start:stop]
        return list(zip(
            codes, [c[:6] for c in codes], [c[:9] for c in codes], [c[:12] for c in codes],
            self.street_names[start:stop], communities, [int(c[12:]) for c in codes],
            np.round(shapely.area(self.geometries[start:stop]), 2).tolist(),
            np.round(shapely.length(self.geometries[start:stop]), 2).tolist(),
            [e.get("land_use") for e in extras], [e.get("mgmt_level") for e in extras],
            [e.get("responsible", c or None) for e, c in zip(extras, communities)],
            list(map(date, self.init_dates[start:stop])), list(map(date, self.end_dates[start:stop])),
            self.changes[start:stop], strict=True))

    def plain_rows(self, start: int, stop: int) -> list[tuple[object, ...]]:
        return self.rows(start, stop, plain=True)

    def change_counts(self) -> dict[str, int]:
        counts = {KEPT: 0, NEW: 0, RETIRED: 0}
        for change in self.changes:
            counts[change] += 1
        return counts

    def write_change_report(self, path: str) -> None:
        """CSV: one line per code with what happened to it (kept, new, retired) and its dates."""
        areas = shapely.area(self.geometries)
        write_spreadsheet_csv(path, ["grid_code", "change", "community_code", "community_name", "area_m2",
                                     "init_date", "end_date"],
                              ([code, self.changes[k], code[:12], self.community_names[k], f"{areas[k]:.2f}",
                                self.init_dates[k], self.end_dates[k]] for k, code in enumerate(self.codes)))
