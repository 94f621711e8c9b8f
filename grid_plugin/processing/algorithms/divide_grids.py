"""gridplugin:dividegrids: divide communities into ~10,000 m² unit grids with 15-digit codes."""

from __future__ import annotations

from qgis.core import (
    QgsFeatureSource,
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
    QgsWkbTypes,
)

from grid_plugin.core.errors import Cancelled, GridInputError
from grid_plugin.core.grids.codes import normalise_code
from grid_plugin.core.grids.containers import DEFAULT_OVERLAP_TOLERANCE_M2, Container, prepare_containers
from grid_plugin.core.grids.estimate import check_follow_limit
from grid_plugin.core.grids.follow import DEFAULT_TARGET_AREA_M2, divide_following
from grid_plugin.core.grids.grid_table import GridTable
from grid_plugin.core.grids.lattice import DEFAULT_CELL_SIZE_M, Division, divide_lattice
from grid_plugin.core.grids.numbering import ORDERS
from grid_plugin.core.grids.precision import DEFAULT_PRECISION_M, MAX_PRECISION_M, MIN_PRECISION_M
from grid_plugin.core.grids.quality import DEFAULT_LINE_TOLERANCE_M, quality_figures
from grid_plugin.core.grids.snapping import DEFAULT_SNAP_TOLERANCE_M
from grid_plugin.core.grids.stability import (
    DEFAULT_MIN_OVERLAP,
    KEPT,
    NEW,
    RETIRED,
    PreviousGrid,
    StableCodes,
    assign_stable_codes,
)
from grid_plugin.core.output_files import check_output_file
from grid_plugin.core.schema import UNIT_GRID_FIELDS
from grid_plugin.core.timing import stage
from grid_plugin.processing.base import GridAlgorithm, community_workers, core_progress
from grid_plugin.processing.datum import add_datum_parameter, datum_help, datum_of, read_in_datum
from grid_plugin.processing.division_quality import add_quality_outputs, log_quality, quality_results, store_quality
from grid_plugin.processing.features import IsoDate, write_features
from grid_plugin.processing.outputs import (
    new_gpkg_output,
    qgs_fields,
    style_output,
    write_gpkg_output,
)
from grid_plugin.processing.parameters.division import (
    EDGE_TO_LINE,
    DivisionRequest,
    add_polygon_parameters,
    polygon_edges_onto_lines,
    polygon_help,
    read_community_codes,
    read_follow_lines,
    read_previous_grids,
    read_weight_points,
    request_polygons,
)
from grid_plugin.processing.parameters.snapping import SNAP_TOLERANCE, snap_follow_lines, snap_help

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
    POLYGONS, POLYGON_RANK, POLYGON_CLASS_FIELD = "POLYGONS", "POLYGON_RANK", "POLYGON_CLASS_FIELD"
    MANAGED_UNIT, OPEN_LAND_MAX = "MANAGED_UNIT", "OPEN_LAND_MAX"
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
            "layer (components, past cases) is given. The minimum and maximum areas default to 0.5 × and "
            "2 × the target area, so setting the target alone scales all three.\n\n"
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
        ) + "\n\n" + self.tr(
            "Overlaps and gaps (OVERLAP_TOLERANCE, {:g} m² by default): shared boundaries of neighbouring "
            "communities digitised twice overlap and leave gaps in slivers. Each piece where communities "
            "overlap, and each gap they enclose, up to this area is given to the community sharing the "
            "longest edge with it (ties: the lowest feature id; a community that would lose most of its area, "
            "such as a small one inside another, keeps its pieces), and logged with its features, area and "
            "place; the communities then tile exactly. A larger overlap stops the run, naming the features and "
            "the tolerance that would accept it; a larger gap is reported and left uncovered."
        ).format(DEFAULT_OVERLAP_TOLERANCE_M2) + "\n\n" + polygon_help() + "\n\n" + snap_help() + datum_help(
            "DATUM, LINES_DATUM", warns=False)

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
            "Coordinates of the lines and polygons to follow (Chinese web maps: GCJ-02 or BD-09)"))
        self.addParameter(QgsProcessingParameterString(
            self.ROAD_CLASS_FIELD, self.tr("Road-class field of the line layers (layers without it are barriers)"),
            defaultValue="road_class", optional=True))
        add_polygon_parameters(self)
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_AREA, self.tr("Target grid area (m², follow features mode)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=DEFAULT_TARGET_AREA_M2, minValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.CELL_SIZE, self.tr("Cell size (m, regular lattice mode)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=DEFAULT_CELL_SIZE_M, minValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, self.tr("Minimum grid area (m²; empty = 0.5 × target, or 30 % of a lattice cell)"),
            QgsProcessingParameterNumber.Type.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_AREA, self.tr("Maximum grid area (m², follow features mode; empty = 2 × target)"),
            QgsProcessingParameterNumber.Type.Double, optional=True, minValue=1.0))
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
            (self.OVERLAP_TOLERANCE,
             self.tr("Overlaps and gaps between communities accepted and repaired up to (m² each)"),
             DEFAULT_OVERLAP_TOLERANCE_M2),
            (self.LINE_TOLERANCE, self.tr("Distance within which a grid boundary counts as on a line (m)"),
             DEFAULT_LINE_TOLERANCE_M),
            (SNAP_TOLERANCE,
             self.tr("Snap tolerance: line ends this close to another line are joined to it (m; 0 = off)"),
             DEFAULT_SNAP_TOLERANCE_M),
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
        add_quality_outputs(self)  # QUALITY, BOUNDARY_ON_* shares, SHARE_NEAR_TARGET
        self.addOutput(QgsProcessingOutputNumber(self.KEPT_COUNT, self.tr("Grids that kept their code")))
        self.addOutput(QgsProcessingOutputNumber(self.NEW_COUNT, self.tr("Grids with a new code")))
        self.addOutput(QgsProcessingOutputNumber(self.RETIRED_COUNT, self.tr("Previous grids retired")))

    # --- processing -------------------------------------------------------------------------

    def process(self, parameters, context, feedback):
        request = self.read_request(parameters, context, feedback)
        lines = None
        try:
            with stage("reading layers"):
                containers = self._containers(request, context, feedback)
            if request.follow:
                settings = request.area_settings()
                with stage("checks and estimate"):
                    check_follow_limit(containers, settings,  # from the areas, before the lines are read
                                       managed_units=bool(request.polygon_layers and request.managed_unit.strip()))
                with stage("reading layers"):
                    lines = self._follow_lines(request, context, feedback)
                    weights = self._weights(request, context, feedback)
                with stage("snapping line ends"):
                    lines = snap_follow_lines(lines, request.snap_tolerance, feedback)
                division = divide_following(containers, lines, settings, weights, request.order,
                                            core_progress(feedback, 0, 80), request.precision,
                                            community_workers(len(containers), feedback))
                target_area = settings.target
            else:
                division = divide_lattice(containers, request.cell_size, request.lattice_min_area(), request.order,
                                          progress=core_progress(feedback, 0, 80), precision=request.precision)
                target_area = request.cell_size * request.cell_size
            with stage("stable codes"):
                previous, stable = self._stable_codes(request, context, feedback, division, containers)
            with stage("quality figures"):
                quality = quality_figures(
                    division.geometries, division.container_index, containers, target_area,
                    None if lines is None else lines.geometries, request.line_tolerance,
                    None if lines is None else lines.kinds)
        except GridInputError as err:
            raise self.input_error(err) from err
        except Cancelled:
            feedback.pushInfo(self.tr("Cancelled; nothing was written."))
            return {}
        for warning in division.warnings:
            feedback.pushWarning(self.render(warning))
        feedback.pushInfo(self.tr("Precision: on a {} m grid; {} grids changed by it, areas by at most {:.4f} m²."
                                  ).format(request.precision, division.snapped, division.max_area_change))
        log_quality(feedback, quality, lines is not None)

        # Everything is computed before the output exists: a failure or a cancel above leaves no file.
        with stage("writing"):
            table = GridTable.build(division, containers, request.effective_date, previous, stable)
            dest_id = self._write_grids(parameters, context, feedback, request, table)
        if dest_id is None:
            return {}
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("{} unit grids in {} communities.").format(len(division), len(containers)))
        if request.change_report:
            table.write_change_report(request.change_report)
        store_quality(dest_id, context, quality)
        style_output(context, dest_id, "unit_grids.qml")
        counts = table.change_counts()
        if stable is not None:
            feedback.pushInfo(self.tr("Codes: {} kept, {} new, {} retired.").format(
                counts[KEPT], counts[NEW], counts[RETIRED]))
        return {
            self.OUTPUT: dest_id, self.CHANGE_REPORT: request.change_report or None,
            self.GRID_COUNT: len(division), self.WORKING_CRS: request.working_crs.authid(),
            **quality_results(quality),
            self.KEPT_COUNT: counts[KEPT], self.NEW_COUNT: counts[NEW], self.RETIRED_COUNT: counts[RETIRED],
        }

    def read_request(self, parameters, context, feedback) -> DivisionRequest:
        """Every parameter, read once; the checks that need no division run here, before any work."""
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
        effective_date = self.date_parameter(parameters, self.EFFECTIVE_DATE, context)
        working_crs = self.working_crs(parameters, self.TARGET_CRS, source, context, self.tr(
            "The community layer has no geometries; draw the community polygons first."))
        feedback.pushInfo(self.tr("Working CRS: {} ({})").format(working_crs.authid(), working_crs.description()))
        code_parts = self.parameterAsEnum(parameters, self.CODE_SOURCE, context) == CODES_PARTS
        district_code = self.parameterAsString(parameters, self.DISTRICT_CODE, context)

        def text(key: str) -> str:
            return self.parameterAsString(parameters, key, context) or ""

        def number(key: str) -> float:
            return self.parameterAsDouble(parameters, key, context)

        return DivisionRequest(
            source=source, datum=datum_of(self, parameters, context, self.DATUM), working_crs=working_crs,
            code_fields=self._code_fields(source, code_parts, district_code, {
                "community": text(self.COMMUNITY_CODE_FIELD), "street": text(self.STREET_CODE_FIELD),
                "district": text(self.DISTRICT_CODE_FIELD), "street_name": text(self.STREET_NAME_FIELD),
                "community_name": text(self.COMMUNITY_NAME_FIELD)}),
            code_parts=code_parts, district_code=district_code,
            overlap_tolerance=number(self.OVERLAP_TOLERANCE),
            follow=self.parameterAsEnum(parameters, self.MODE, context) == MODE_FOLLOW,
            line_layers=self.parameterAsLayerList(parameters, self.LINES, context),
            lines_datum=datum_of(self, parameters, context, self.LINES_DATUM),
            road_class_field=self.parameterAsString(parameters, self.ROAD_CLASS_FIELD, context),
            target_area=number(self.TARGET_AREA),
            max_area=number(self.MAX_AREA) if parameters.get(self.MAX_AREA) not in (None, "") else None,
            min_area=number(self.MIN_AREA) if parameters.get(self.MIN_AREA) not in (None, "") else None,
            cell_size=number(self.CELL_SIZE),
            weights=self.parameterAsSource(parameters, self.WEIGHTS, context),
            weight_field=self.parameterAsString(parameters, self.WEIGHT_FIELD, context),
            order=ORDERS[self.parameterAsEnum(parameters, self.ORDER, context)],
            precision=number(self.PRECISION),
            previous=self.parameterAsSource(parameters, self.PREVIOUS, context),
            previous_code_field=text(self.PREVIOUS_CODE_FIELD) or "grid_code",
            match_overlap=number(self.MATCH_OVERLAP), effective_date=effective_date,
            line_tolerance=number(self.LINE_TOLERANCE), change_report=report_path or "",
            polygon_layers=self.parameterAsLayerList(parameters, self.POLYGONS, context),
            polygon_rank=self.parameterAsInt(parameters, self.POLYGON_RANK, context),
            polygon_class_field=text(self.POLYGON_CLASS_FIELD), managed_unit=text(self.MANAGED_UNIT),
            open_land_max=number(self.OPEN_LAND_MAX) if parameters.get(self.OPEN_LAND_MAX) not in (None, "") else None,
            snap_tolerance=number(SNAP_TOLERANCE), edge_to_line=number(EDGE_TO_LINE),
        )

    def _code_fields(self, source: QgsFeatureSource, code_parts: bool, district_code: str,
                     fields: dict[str, str]) -> dict[str, str]:
        """The code and name fields, checked against the layer; street and district only with
        separate code fields."""
        present = set(source.fields().names())
        for name in fields.values():
            if name and name not in present:
                raise QgsProcessingException(self.tr(
                    "Field '{}' does not exist in the community layer; its fields are: {}").format(
                        name, ", ".join(sorted(present))))
        if not fields["community"]:
            raise QgsProcessingException(self.tr("Choose the community code field."))
        if code_parts:
            if not fields["street"]:
                raise QgsProcessingException(self.tr(
                    "Codes come from separate fields: choose the street code field too."))
            district = normalise_code(district_code)
            if not fields["district"] and not (district.isdigit() and len(district) == 6):
                raise QgsProcessingException(self.tr(
                    "Codes come from separate fields: choose the district code field or give the "
                    "6-digit district code (GB/T 2260), e.g. 110101."))
        else:
            fields["street"] = fields["district"] = ""
        return fields

    def _containers(self, request: DivisionRequest, context, feedback) -> list[Container]:
        fields = request.code_fields
        names = [f for f in fields.values() if f]
        fids, geometries, values = read_in_datum(request.source, request.working_crs, context, names, request.datum,
                                                 feedback)
        records = [dict(zip(names, v)) for v in values]
        codes = read_community_codes(fids, records, fields, request.code_parts, request.district_code)
        street_names = [_text(record, fields["street_name"]) for record in records]
        community_names = [_text(record, fields["community_name"]) for record in records]
        containers, warnings = prepare_containers(fids, geometries, codes, street_names, community_names,
                                                  request.overlap_tolerance)
        for warning in warnings:
            feedback.pushWarning(self.render(warning))
        return containers

    def _follow_lines(self, request: DivisionRequest, context, feedback):
        if not request.line_layers and not request.polygon_layers:
            raise QgsProcessingException(self.tr(
                "Follow features mode needs at least one line layer (roads, rivers or walls) or polygon layer to "
                "follow; choose them under 'Lines to follow' or 'Polygon features to follow', or use the regular "
                "lattice mode."))
        lines = read_follow_lines(request.line_layers, request.road_class_field, request.working_crs, context,
                                  feedback, request.lines_datum)
        feedback.pushInfo(self.tr("Following {} lines from {} layer(s).").format(
            len(lines.geometries), len(request.line_layers)))
        if not request.polygon_layers:
            return lines
        polygons = request_polygons(request, context, feedback)
        return lines.joined(polygon_edges_onto_lines(polygons, lines, request.edge_to_line, feedback))

    def _weights(self, request: DivisionRequest, context, feedback):
        if request.weights is None:
            return None
        weights = read_weight_points(request.weights, request.weight_field, request.working_crs, context, feedback)
        feedback.pushInfo(self.tr("Balancing the workload of {} points.").format(len(weights.xy)))
        return weights

    @staticmethod
    def _stable_codes(request: DivisionRequest, context, feedback, division: Division,
                      containers: list[Container]) -> tuple[list[PreviousGrid], StableCodes | None]:
        """The previous grids and the codes they hand on; ([], None) without a previous layer."""
        if request.previous is None:
            return [], None
        previous = read_previous_grids(request.previous, request.previous_code_field, request.working_crs,
                                       context, feedback, request.precision)
        stable = assign_stable_codes(division.geometries, division.container_index, division.sequence, containers,
                                     previous, request.match_overlap)
        return previous, stable

    def _write_grids(self, parameters, context, feedback, request: DivisionRequest, table: GridTable) -> str | None:
        """The output's id; None when a cancel stopped the writing (nothing is left then)."""
        out_fields = qgs_fields(UNIT_GRID_FIELDS)
        polygons = QgsWkbTypes.Type.MultiPolygon
        direct = new_gpkg_output(self, parameters, self.OUTPUT, context, out_fields, polygons)
        if direct:  # a new GeoPackage file: written by the plugin, about four times as fast as QGIS's writer
            try:  # the file appears only when complete: a cancel while writing leaves nothing
                return write_gpkg_output(self, parameters, self.OUTPUT, context, direct, out_fields, polygons,
                                         request.working_crs, table.geometries, table.rows,
                                         core_progress(feedback, 80, 100))
            except Cancelled:
                feedback.pushInfo(self.tr("Cancelled; nothing was written."))
                return None
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, out_fields, polygons,
                                             request.working_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        write_features(sink, table.geometries, lambda start, stop: table.rows(start, stop, IsoDate),
                       multipolygons=True)
        del sink  # closes the file, so its metadata can be written
        return dest_id


def _text(record: dict[str, object], field: str) -> str:
    value = record.get(field) if field else None
    return "" if value is None else str(value)
