"""gridplugin:dividegrids: divide communities into ~10,000 m² unit grids with 15-digit codes."""

from __future__ import annotations

import numpy as np
import shapely
from qgis.core import (
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from grid_plugin.core.codes import (
    CommunityCode,
    community_code_from_parts,
    normalise_code,
    parse_community_code,
)
from grid_plugin.core.containers import DEFAULT_OVERLAP_TOLERANCE_M2, prepare_containers
from grid_plugin.core.errors import Cancelled, GridInputError, message
from grid_plugin.core.lattice import DEFAULT_CELL_SIZE_M, DEFAULT_MIN_AREA_FRACTION, divide_lattice
from grid_plugin.core.numbering import ORDERS
from grid_plugin.core.schema import UNIT_GRID_FIELDS
from grid_plugin.processing.base import (
    GridAlgorithm,
    core_progress,
    gauss_kruger_crs_for,
    is_ground_metric,
    qgs_fields,
    read_geometries,
    style_output,
    write_features,
)

CODES_FULL, CODES_PARTS = 0, 1
MODE_LATTICE = 0
_MAX_REPORTED = 20


class DivideGridsAlgorithm(GridAlgorithm):
    INPUT = "INPUT"
    MODE = "MODE"
    CODE_SOURCE = "CODE_SOURCE"
    COMMUNITY_CODE_FIELD = "COMMUNITY_CODE_FIELD"
    STREET_CODE_FIELD = "STREET_CODE_FIELD"
    DISTRICT_CODE_FIELD = "DISTRICT_CODE_FIELD"
    DISTRICT_CODE = "DISTRICT_CODE"
    STREET_NAME_FIELD = "STREET_NAME_FIELD"
    COMMUNITY_NAME_FIELD = "COMMUNITY_NAME_FIELD"
    CELL_SIZE = "CELL_SIZE"
    MIN_AREA = "MIN_AREA"
    ORDER = "ORDER"
    TARGET_CRS = "TARGET_CRS"
    OVERLAP_TOLERANCE = "OVERLAP_TOLERANCE"
    OUTPUT = "OUTPUT"
    GRID_COUNT = "GRID_COUNT"
    WORKING_CRS = "WORKING_CRS"

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
            "sequence.\n\n"
            "Regular lattice: square cells anchored at the origin of the working CRS, so re-runs "
            "give identical grids. Cells are clipped to each community (no grid crosses a "
            "community boundary); pieces smaller than the minimum area join the neighbouring grid "
            "of the same community that shares the longest edge with them.\n\n"
            "Numbering: rows of one cell height from north to south, west to east within a row "
            "(or columns west to east, north to south within a column).\n\n"
            "Geographic input is projected to the CGCS2000 3-degree Gauss-Krüger zone of the "
            "data's longitude unless a working CRS is given."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Communities"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterEnum(
            self.MODE, self.tr("Division mode"), [self.tr("Regular lattice")], defaultValue=MODE_LATTICE))
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
        self.addParameter(QgsProcessingParameterNumber(
            self.CELL_SIZE, self.tr("Cell size (m)"), QgsProcessingParameterNumber.Double,
            defaultValue=DEFAULT_CELL_SIZE_M, minValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, self.tr("Minimum grid area (m²; empty = 30 % of a cell)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.ORDER, self.tr("Sequence order"),
            [self.tr("Rows: north to south, west to east within a row"),
             self.tr("Columns: west to east, north to south within a column")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterCrs(
            self.TARGET_CRS, self.tr("Working CRS (empty = CGCS2000 Gauss-Krüger zone of the data)"),
            optional=True))
        tolerance = QgsProcessingParameterNumber(
            self.OVERLAP_TOLERANCE, self.tr("Overlap tolerance between communities (m²)"),
            QgsProcessingParameterNumber.Double, defaultValue=DEFAULT_OVERLAP_TOLERANCE_M2, minValue=0.0)
        tolerance.setFlags(tolerance.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(tolerance)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Unit grids"), QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber(self.GRID_COUNT, self.tr("Number of unit grids")))
        self.addOutput(QgsProcessingOutputString(self.WORKING_CRS, self.tr("Working CRS")))

    # --- processing -------------------------------------------------------------------------

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        if QgsWkbTypes.geometryType(source.wkbType()) != QgsWkbTypes.PolygonGeometry:
            raise QgsProcessingException(self.tr(
                "The community layer must contain polygons; it has {} geometries. "
                "Choose a polygon layer.").format(QgsWkbTypes.displayString(source.wkbType())))
        if source.featureCount() == 0:
            raise QgsProcessingException(self.tr(
                "The community layer has no features; choose a layer with community polygons."))
        cell = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
        min_area = (self.parameterAsDouble(parameters, self.MIN_AREA, context)
                    if parameters.get(self.MIN_AREA) not in (None, "") else DEFAULT_MIN_AREA_FRACTION * cell * cell)
        order = ORDERS[self.parameterAsEnum(parameters, self.ORDER, context)]
        working_crs = self._working_crs(parameters, source, context)
        feedback.pushInfo(self.tr("Working CRS: {} ({})").format(working_crs.authid(), working_crs.description()))

        fields = self._code_fields(parameters, source, context)
        request = QgsFeatureRequest().setDestinationCrs(working_crs, context.transformContext())
        names = [f for f in fields.values() if f]
        try:
            fids, geometries, values = read_geometries(source, request, names, feedback)
            records = [dict(zip(names, v)) for v in values]
            codes = self._community_codes(parameters, context, fids, fields, records)
            street_names = [self._text(record, fields["street_name"]) for record in records]
            community_names = [self._text(record, fields["community_name"]) for record in records]
            containers, warnings = prepare_containers(
                fids, geometries, codes, street_names, community_names,
                self.parameterAsDouble(parameters, self.OVERLAP_TOLERANCE, context))
            for warning in warnings:
                feedback.reportError(self.render(warning), fatalError=False)
            division = divide_lattice(containers, cell, min_area, order, progress=core_progress(feedback, 0, 90))
        except GridInputError as err:
            raise self.input_error(err) from err
        except Cancelled:
            feedback.pushInfo(self.tr("Cancelled; nothing was written."))
            return {}
        for warning in division.warnings:
            feedback.reportError(self.render(warning), fatalError=False)

        # Everything is computed before the sink exists: a failure or a cancel above leaves no file.
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, qgs_fields(UNIT_GRID_FIELDS), QgsWkbTypes.MultiPolygon, working_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        areas = np.round(shapely.area(division.geometries), 2)
        perimeters = np.round(shapely.length(division.geometries), 2)
        owners = [(c.code, c.street_name, c.community_name) for c in containers]

        def rows(start: int, stop: int) -> list[list[object]]:
            out = []
            for k in range(start, stop):
                code, street_name, community_name = owners[division.container_index[k]]
                sequence = int(division.sequence[k])
                out.append([code.grid_code(sequence), code.district, code.street_code9, code.code12, street_name,
                            community_name, sequence, float(areas[k]), float(perimeters[k])])
            return out

        write_features(sink, division.geometries, rows)
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("{} unit grids in {} communities.").format(len(division), len(containers)))
        style_output(context, dest_id, "unit_grids.qml")
        return {self.OUTPUT: dest_id, self.GRID_COUNT: len(division), self.WORKING_CRS: working_crs.authid()}

    def _working_crs(self, parameters, source: QgsFeatureSource, context: QgsProcessingContext):
        given = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        if given.isValid():
            if not is_ground_metric(given):
                raise QgsProcessingException(self.tr(
                    "The working CRS {} is not a projected CRS in ground metres; choose a "
                    "Gauss-Krüger or UTM zone (e.g. EPSG:4548), or leave it empty.").format(given.authid()))
            return given
        if is_ground_metric(source.sourceCrs()):
            return source.sourceCrs()
        if source.sourceExtent().isNull() or source.sourceExtent().isEmpty():
            raise QgsProcessingException(self.tr(
                "The community layer has no geometries; draw the community polygons first."))
        try:
            return gauss_kruger_crs_for(source, context)
        except GridInputError as err:
            raise self.input_error(err) from err

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

    def _community_codes(self, parameters, context, fids, fields, rows) -> list[CommunityCode]:
        parts_mode = self.parameterAsEnum(parameters, self.CODE_SOURCE, context) == CODES_PARTS
        district_constant = self.parameterAsString(parameters, self.DISTRICT_CODE, context)
        codes, problems = [], []
        for fid, row in zip(fids, rows):
            where = message("feature {fid}", fid=fid)
            try:
                if parts_mode:
                    district = row[fields["district"]] if fields["district"] else district_constant
                    codes.append(community_code_from_parts(
                        district, row[fields["street"]], row[fields["community"]], where,
                        (fields["district"], fields["street"], fields["community"])))
                else:
                    codes.append(parse_community_code(row[fields["community"]], where, fields["community"]))
            except GridInputError as err:
                problems.append(self.render(err.message))
        if problems:
            more = len(problems) - _MAX_REPORTED
            raise QgsProcessingException(
                self.tr("Community codes are missing or malformed: ") + "; ".join(problems[:_MAX_REPORTED])
                + (self.tr(" (and {} more)").format(more) if more > 0 else ""))
        return codes

    @staticmethod
    def _text(record: dict[str, object], field: str) -> str:
        value = record.get(field) if field else None
        return "" if value is None else str(value)
