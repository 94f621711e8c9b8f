"""gridplugin:validategrids: check a unit-grid layer's topology, areas and codes; write the errors."""

from __future__ import annotations

import re
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
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from grid_plugin.core.errors import Cancelled, GridInputError, message
from grid_plugin.core.geodesy.reprojection import GCJ02, is_gcj02, to_gcj02
from grid_plugin.core.grids.codes import parse_community_code
from grid_plugin.core.grids.containers import DEFAULT_OVERLAP_TOLERANCE_M2
from grid_plugin.core.grids.numbering import ORDERS
from grid_plugin.core.grids.shapes import POLYGONS, simple_parts
from grid_plugin.core.grids.validation import (
    DEFAULT_BAND_M,
    DEFAULT_CHECK_CRS,
    DEFAULT_CLEARANCE_M,
    DEFAULT_MAX_AREA_M2,
    DEFAULT_MIN_AREA_M2,
    DEFAULT_TOLERANCE_M2,
    KIND_LABELS,
    Problem,
    ValidationSettings,
    validate_grids,
)
from grid_plugin.core.grids.validation_report import report_html
from grid_plugin.processing.base import GridAlgorithm, core_progress
from grid_plugin.processing.features import read_geometries
from grid_plugin.processing.outputs import style_output
from grid_plugin.toolbelt import field_types

DEFAULT_END_DATE_FIELD = "end_date"
_MAX_REPORTED = 20
_WRITE_BATCH = 10_000


class ValidateGridsAlgorithm(GridAlgorithm):
    INPUT = "INPUT"
    CODE_FIELD = "CODE_FIELD"
    END_DATE_FIELD = "END_DATE_FIELD"
    COMMUNITIES = "COMMUNITIES"
    COMMUNITY_CODE_FIELD = "COMMUNITY_CODE_FIELD"
    MIN_AREA = "MIN_AREA"
    MAX_AREA = "MAX_AREA"
    TOLERANCE = "TOLERANCE"
    BAND = "BAND"
    ORDER = "ORDER"
    CHECK_SEQUENCE = "CHECK_SEQUENCE"
    CLEARANCE = "CLEARANCE"
    CHECK_CRS = "CHECK_CRS"
    TARGET_CRS = "TARGET_CRS"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"
    PASSED = "PASSED"
    PROBLEM_COUNT = "PROBLEM_COUNT"
    GRID_COUNT = "GRID_COUNT"

    def name(self) -> str:
        return "validategrids"

    def displayName(self) -> str:
        return self.tr("Validate unit grids")

    def groupId(self) -> str:
        return "grids"

    def shortHelpString(self) -> str:
        # one tr() per paragraph and per check: single-line strings, each translated on its own
        checks = [
            self.tr("gap: area that no grid covers (within each community when a community layer is given, "
                    "else holes enclosed by the grids), larger than the tolerance"),
            self.tr("overlap: two grids sharing more than the tolerance of area"),
            self.tr("crossing_community: a grid with more than the tolerance of area in each of two or more "
                    "communities"),
            self.tr("outside_community: a grid extending outside the community its code names (beyond every "
                    "community, or lying in another community wholly)"),
            self.tr("unknown_community: the first 12 digits of a grid code match no community"),
            self.tr("area_small / area_large: area below the minimum or above the maximum (0 disables either)"),
            self.tr("malformed_code: code missing, not 15 digits, or sequence 000"),
            self.tr("duplicate_code: the same code on several grids"),
            self.tr("sequence_order: within a community, the sequence numbers do not follow the numbering rule "
                    "of division (bands north to south, west to east within a band; or columns); gaps in the "
                    "sequence are allowed, because retired grids keep their codes. Turn this check off for a "
                    "layer re-divided with stable codes, whose new grids are numbered after all earlier ones"),
            self.tr("missing_geometry / invalid_geometry: a grid without geometry, or an invalid one (checked "
                    "as repaired)"),
            self.tr("invalid_in_crs: a grid valid in the working CRS that is invalid (self-intersecting, per GEOS) "
                    "once reprojected from the layer's CRS to one of the CRS it is written to (CHECK_CRS, a "
                    "comma-separated list: EPSG:4490 of the case store and EPSG:4326 by default; GCJ02 for Chinese "
                    "web maps), with QGIS's transform"),
            self.tr("near_degenerate: a grid with a vertex closer than the minimum clearance (1 mm by default) to "
                    "an edge of its own: valid, but a spike, neck or sliver that a reprojection can make invalid"),
        ]
        return "\n\n".join([
            self.tr("Checks a layer of unit grids (单元网格) and their 15-digit codes, and writes one error "
                    "feature per problem found. The kinds of problem:"),
            "\n".join("- " + check for check in checks),
            self.tr("Grids whose end date is set are retired and not checked. PASSED is true when no problem "
                    "is found, so a model can branch on it. Geographic input is checked in the CGCS2000 "
                    "3-degree Gauss-Krüger zone of the data unless a working CRS is given."),
            self.tr("The communities are first repaired as division repairs them: overlaps and gaps between them "
                    "up to {:g} m² (or the tolerance, if larger) are given to the neighbour sharing the longest "
                    "edge, and larger overlaps stop the check.").format(DEFAULT_OVERLAP_TOLERANCE_M2),
        ])

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Unit grids"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, self.tr("Grid code field (15 digits)"), defaultValue="grid_code",
            parentLayerParameterName=self.INPUT))
        self.addParameter(QgsProcessingParameterField(
            self.END_DATE_FIELD, self.tr("End date field (grids with an end date are retired and skipped)"),
            defaultValue=DEFAULT_END_DATE_FIELD, parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.COMMUNITIES, self.tr("Communities (optional, for gap and community checks)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.COMMUNITY_CODE_FIELD, self.tr("Community code field (12 digits)"), defaultValue="community_code",
            parentLayerParameterName=self.COMMUNITIES, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, self.tr("Minimum grid area (m², 0 = no minimum)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=DEFAULT_MIN_AREA_M2, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_AREA, self.tr("Maximum grid area (m², 0 = no maximum)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=DEFAULT_MAX_AREA_M2, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.TOLERANCE, self.tr("Gap and overlap tolerance (m²)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=DEFAULT_TOLERANCE_M2, minValue=0.0))
        band = QgsProcessingParameterNumber(
            self.BAND, self.tr("Numbering band (m; the cell size the grids were numbered with)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=DEFAULT_BAND_M, minValue=0.01)
        band.setFlags(band.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(band)
        order = QgsProcessingParameterEnum(
            self.ORDER, self.tr("Sequence order"),
            [self.tr("Rows: north to south, west to east within a row"),
             self.tr("Columns: west to east, north to south within a column")],
            defaultValue=0)
        order.setFlags(order.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(order)
        check_sequence = QgsProcessingParameterBoolean(
            self.CHECK_SEQUENCE, self.tr("Check the sequence order (off for layers re-divided with stable codes)"),
            defaultValue=True)
        check_sequence.setFlags(check_sequence.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(check_sequence)
        self.addParameter(QgsProcessingParameterNumber(
            self.CLEARANCE, self.tr("Minimum clearance of a vertex from the edges of its grid (m, 0 = not checked)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=DEFAULT_CLEARANCE_M, minValue=0.0))
        self.addParameter(QgsProcessingParameterString(
            self.CHECK_CRS, self.tr("Check validity after reprojection to (comma-separated CRS; GCJ02; empty = not "
                                    "checked)"), defaultValue=", ".join(DEFAULT_CHECK_CRS), optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.TARGET_CRS, self.tr("Working CRS (empty = CGCS2000 Gauss-Krüger zone of the data)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Grid errors"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, self.tr("Validation report (HTML)"), self.tr("HTML files (*.html *.htm)"),
            optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputBoolean(self.PASSED, self.tr("Passed (no problem found)")))
        self.addOutput(QgsProcessingOutputNumber(self.PROBLEM_COUNT, self.tr("Number of problems")))
        self.addOutput(QgsProcessingOutputNumber(self.GRID_COUNT, self.tr("Number of grids checked")))

    # --- processing -------------------------------------------------------------------------

    def process(self, parameters, context, feedback):
        source = self._polygon_source(parameters, self.INPUT, context, required=True)
        code_field = self.parameterAsString(parameters, self.CODE_FIELD, context) or ""
        end_field = self.parameterAsString(parameters, self.END_DATE_FIELD, context) or ""
        grid_fields = source.fields().names()
        if not code_field:
            raise QgsProcessingException(self.tr("Choose the grid code field."))
        self._check_field(code_field, grid_fields, self.tr("unit grid layer"))
        if end_field and end_field not in grid_fields:
            if end_field != DEFAULT_END_DATE_FIELD:
                self._check_field(end_field, grid_fields, self.tr("unit grid layer"))
            feedback.pushInfo(self.tr("The unit grid layer has no field '{}'; every grid is checked.").format(
                end_field))
            end_field = ""
        communities = self._polygon_source(parameters, self.COMMUNITIES, context, required=False)
        community_field = ""
        if communities is not None:
            community_field = self.parameterAsString(parameters, self.COMMUNITY_CODE_FIELD, context) or ""
            if not community_field:
                raise QgsProcessingException(self.tr("Choose the community code field of the community layer."))
            self._check_field(community_field, communities.fields().names(), self.tr("community layer"))
        settings = ValidationSettings(
            min_area=self.parameterAsDouble(parameters, self.MIN_AREA, context),
            max_area=self.parameterAsDouble(parameters, self.MAX_AREA, context),
            tolerance=self.parameterAsDouble(parameters, self.TOLERANCE, context),
            band=self.parameterAsDouble(parameters, self.BAND, context),
            order=ORDERS[self.parameterAsEnum(parameters, self.ORDER, context)],
            check_sequence=self.parameterAsBoolean(parameters, self.CHECK_SEQUENCE, context),
            clearance=self.parameterAsDouble(parameters, self.CLEARANCE, context),
        )
        check_crs = self._check_crs(parameters, context)
        working_crs = self.working_crs(parameters, self.TARGET_CRS, source, context, self.tr(
            "The unit grid layer has no geometries; nothing can be checked."))
        feedback.pushInfo(self.tr("Working CRS: {} ({})").format(working_crs.authid(), working_crs.description()))

        request = QgsFeatureRequest().setDestinationCrs(working_crs, context.transformContext())
        names = [code_field] + ([end_field] if end_field else [])
        try:
            fids, geometries, values = read_geometries(source, request, names, feedback)
            active = np.array([not (end_field and _is_set(row[1])) for row in values], dtype=bool)
            retired = int((~active).sum())
            if retired:
                feedback.pushInfo(self.tr("{} retired grids (end date set) are skipped.").format(retired))
            if not active.any():
                feedback.pushWarning(self.tr("Every grid has an end date: there is nothing to check."))
            reference = None
            if communities is not None:
                reference = self._read_communities(communities, community_field, request, feedback)
            active_fids = [fid for fid, keep in zip(fids, active) if keep]
            reprojected = _reprojected(source, active_fids, check_crs, context, feedback)
            feedback.setProgress(5)
            validation = validate_grids(
                geometries[active], [row[0] for row, keep in zip(values, active) if keep],
                active_fids, reference, settings, core_progress(feedback, 5, 90), reprojected)
        except GridInputError as err:
            raise self.input_error(err) from err
        except Cancelled:
            feedback.pushInfo(self.tr("Cancelled; nothing was written."))
            return {}
        del geometries, values
        for warning in validation.warnings:
            feedback.pushWarning(self.render(warning))

        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, _error_fields(), QgsWkbTypes.Type.MultiPolygon, working_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        if not self._write_problems(sink, validation.problems, feedback):
            feedback.pushInfo(self.tr("Cancelled; the error layer is incomplete."))
            return {}
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            Path(report).write_text(report_html(
                validation, _source_label(parameters.get(self.INPUT), source, context), self.tr, settings,
                _source_label(parameters.get(self.COMMUNITIES), communities, context), working_crs.authid(),
                check_crs=list(check_crs)), encoding="utf-8")
        counts = ", ".join(f"{self.render(KIND_LABELS[kind])} {count}"
                           for kind, count in validation.counts.items() if count)
        if validation.passed:
            feedback.pushInfo(self.tr("Passed: {} grids checked, no problem found.").format(validation.grid_count))
        else:
            feedback.reportError(self.tr("Failed: {} grids checked, {} problems ({}).").format(
                validation.grid_count, len(validation.problems), counts), False)
        feedback.setProgress(100)
        style_output(context, dest_id, "grid_errors.qml")
        return {
            self.OUTPUT: dest_id,
            self.REPORT: report or None,
            self.PASSED: validation.passed,
            self.PROBLEM_COUNT: len(validation.problems),
            self.GRID_COUNT: validation.grid_count,
        }

    # --- helpers ----------------------------------------------------------------------------

    def _check_crs(self, parameters, context) -> dict[str, QgsCoordinateReferenceSystem | None]:
        """CHECK_CRS as name -> CRS (None for GCJ-02, reached through EPSG:4326); refuses unknown ones."""
        text = self.parameterAsString(parameters, self.CHECK_CRS, context) or ""
        out: dict[str, QgsCoordinateReferenceSystem | None] = {}
        for item in re.split(r"[,;，；\s]+", text.strip()):
            if not item:
                continue
            if is_gcj02(item):
                out[GCJ02] = None
                continue
            crs = QgsCoordinateReferenceSystem(f"EPSG:{item}" if item.isdigit() else item)
            if not crs.isValid():
                raise QgsProcessingException(self.tr(
                    "'{}' in the CRS to check after reprojection is not a coordinate reference system; write "
                    "EPSG codes such as EPSG:4490, EPSG:4326, EPSG:3857, or GCJ02, separated by commas.").format(item))
            out[crs.authid() or item] = crs
        return out

    def _polygon_source(self, parameters, key: str, context, required: bool) -> QgsFeatureSource | None:
        source = self.parameterAsSource(parameters, key, context)
        if source is None:
            if required or parameters.get(key) not in (None, ""):
                raise QgsProcessingException(self.invalidSourceError(parameters, key))
            return None
        what = self.tr("unit grid layer") if key == self.INPUT else self.tr("community layer")
        if QgsWkbTypes.geometryType(source.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
            raise QgsProcessingException(self.tr(
                "The {} must contain polygons; it has {} geometries. Choose a polygon layer.").format(
                    what, QgsWkbTypes.displayString(source.wkbType())))
        if source.featureCount() == 0:
            raise QgsProcessingException(self.tr("The {} has no features; choose a layer with polygons.").format(what))
        return source

    def _check_field(self, name: str, present: list[str], what: str) -> None:
        if name not in present:
            raise QgsProcessingException(self.tr("Field '{}' does not exist in the {}; its fields are: {}").format(
                name, what, ", ".join(sorted(present))))

    def _read_communities(self, communities: QgsFeatureSource, field: str, request: QgsFeatureRequest,
                          feedback) -> list[tuple[int, object, str]]:
        fids, geometries, values = read_geometries(communities, request, [field], feedback)
        reference, problems = [], []
        for fid, geometry, (value,) in zip(fids, geometries, values):
            try:
                code = parse_community_code(value, message("community feature {fid}", fid=fid), field)
            except GridInputError as err:
                problems.append(self.render(err.message))
                continue
            reference.append((fid, geometry, code.code12))
        if problems:
            more = len(problems) - _MAX_REPORTED
            raise QgsProcessingException(
                self.tr("Community codes are missing or malformed: ") + "; ".join(problems[:_MAX_REPORTED])
                + (self.tr(" (and {} more)").format(more) if more > 0 else ""))
        return reference

    def _write_problems(self, sink: QgsFeatureSink, problems: list[Problem], feedback) -> bool:
        """One feature per problem, polygons as MultiPolygon (none for a grid without geometry).
        Returns False when cancelled."""
        for start in range(0, len(problems), _WRITE_BATCH):
            if feedback.isCanceled():
                return False
            batch = problems[start:start + _WRITE_BATCH]
            geometries = np.empty(len(batch), dtype=object)
            geometries[:] = [p.geometry for p in batch]
            parts, index = simple_parts(shapely.force_2d(geometries), POLYGONS)  # the sink is 2D
            multi = shapely.multipolygons(parts, indices=index, out=np.empty(len(batch), dtype=object))
            features = []
            for problem, geometry in zip(batch, multi):
                feature = QgsFeature()
                if geometry is not None:
                    qgs = QgsGeometry()
                    qgs.fromWkb(shapely.to_wkb(geometry))
                    feature.setGeometry(qgs)
                feature.setAttributes([
                    problem.kind, self.render(problem.message), problem.grid_code,
                    ", ".join(str(f) for f in problem.fids),
                    None if problem.area is None else round(problem.area, 2),
                ])
                features.append(feature)
            sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert)
            feedback.setProgress(90 + 10 * min(start + _WRITE_BATCH, len(problems)) / len(problems))
        return True


def _reprojected(source: QgsFeatureSource, fids: list[int], targets: dict[str, QgsCoordinateReferenceSystem | None],
                 context: QgsProcessingContext, feedback) -> dict[str, np.ndarray]:
    """The grids `fids` of the source, from the source's own CRS (as stored) to each target with QGIS's
    transform (GCJ-02: to EPSG:4326, then the offset): name -> geometries in the order of `fids`."""
    if not targets:
        return {}
    ids, stored, _ = read_geometries(source, QgsFeatureRequest().setNoAttributes(), [], feedback)
    where = {fid: k for k, fid in enumerate(ids)}
    stored = stored[[where[fid] for fid in fids]]
    present = np.flatnonzero(~shapely.is_missing(stored))
    out = {}
    for name, crs in targets.items():
        target = crs if crs is not None else QgsCoordinateReferenceSystem("EPSG:4326")
        moved = np.full(len(fids), None, dtype=object)
        if target == source.sourceCrs():
            moved[present] = stored[present]
        elif len(present):
            # one collection of every grid through one QgsGeometry: the transform QGIS writers use, per vertex
            collection = QgsGeometry()
            collection.fromWkb(shapely.to_wkb(shapely.geometrycollections(stored[present])))
            collection.transform(QgsCoordinateTransform(source.sourceCrs(), target, context.transformContext()))
            moved[present] = shapely.get_parts(shapely.from_wkb(bytes(collection.asWkb())))
        out[name] = to_gcj02(moved) if crs is None else moved
    return out


def _error_fields() -> QgsFields:
    fields = QgsFields()
    fields.append(QgsField("kind", field_types.STRING, len=30))
    fields.append(QgsField("message", field_types.STRING))
    fields.append(QgsField("grid_code", field_types.STRING))
    fields.append(QgsField("fids", field_types.STRING))
    fields.append(QgsField("area_m2", field_types.DOUBLE))
    return fields


def _source_label(value: object, source: QgsFeatureSource | None, context: QgsProcessingContext) -> str:
    """How the report names an input: the path as given, or the layer's name for a project layer."""
    if source is None:
        return ""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source.staticValue()
    project = context.project()
    if isinstance(value, str) and value and (project is None or project.mapLayer(value) is None):
        return value
    return source.sourceName()


def _is_set(value: object) -> bool:
    """An end date is set unless NULL, empty text or a null QDate/QDateTime."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    is_null = getattr(value, "isNull", None)
    return not is_null() if callable(is_null) else True
