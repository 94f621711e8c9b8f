"""gridplugin:validatecomponents: check component IDs, classes and grid codes of a coded layer."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from grid_plugin.core.components.component_ids import check_district
from grid_plugin.core.components.component_validation import validate_components, write_report
from grid_plugin.core.errors import Cancelled, GridInputError
from grid_plugin.core.schema import FieldSpec
from grid_plugin.processing.base import GridAlgorithm
from grid_plugin.processing.datum import DATUM, add_datum_parameter, datum_help, datum_of, read_in_datum
from grid_plugin.processing.features import write_features
from grid_plugin.processing.outputs import qgs_fields
from grid_plugin.processing.parameters.components import ComponentParameters, GridLocation

ERROR_FIELDS = (
    FieldSpec("kind", "string", 20, "问题类型", "Kind"),
    FieldSpec("message", "string", 254, "说明", "Message"),
    FieldSpec("component_id", "string", 20, "管理部件标识码", "Component ID"),
    FieldSpec("feature_id", "int", 0, "要素编号", "Feature id"),  # "fid" is the GeoPackage key
)


class ValidateComponentsAlgorithm(ComponentParameters, GridAlgorithm):
    INPUT = "INPUT"
    ID_FIELD = "ID_FIELD"
    CLASS_FIELD = "CLASS_FIELD"
    BGID_FIELD = "BGID_FIELD"
    DISTRICT_CODE = "DISTRICT_CODE"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"
    PASSED = "PASSED"
    PROBLEM_COUNT = "PROBLEM_COUNT"

    def name(self) -> str:
        return "validatecomponents"

    def displayName(self) -> str:
        return self.tr("Validate components")

    def groupId(self) -> str:
        return "components"

    def shortHelpString(self) -> str:
        return self.tr(
            "Checks a coded component layer and writes one error feature per problem: IDs "
            "missing, malformed (district + class + serial, ASCII digits of the scheme's length), "
            "of the other scheme or of another district; ID class not in the table or different "
            "from the class field; unknown classes; duplicate IDs; components outside every unit "
            "grid; a recorded grid code (BGID) that is not the grid the component stands in. "
            "PASSED is true when nothing is found, so models can branch on it.") + datum_help() + " " + self.tr(
            "A layer coded without the right DATUM has grid codes that agree with its offset positions: validate "
            "it with the right DATUM and the grid codes it got from those positions are reported.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Coded components"), [QgsProcessing.SourceType.TypeVectorAnyGeometry]))
        add_datum_parameter(self)
        self.addParameter(QgsProcessingParameterField(
            self.ID_FIELD, self.tr("Component ID field"), defaultValue="component_id",
            parentLayerParameterName=self.INPUT))
        self.addParameter(QgsProcessingParameterField(
            self.CLASS_FIELD, self.tr("Class field (class code or standard name)"), defaultValue="class_code",
            parentLayerParameterName=self.INPUT))
        self.addParameter(QgsProcessingParameterField(
            self.BGID_FIELD, self.tr("Recorded grid code field (BGID)"), defaultValue="bgid",
            parentLayerParameterName=self.INPUT))
        self.add_scheme_parameters()
        self.add_grid_parameters()
        self.addParameter(QgsProcessingParameterString(
            self.DISTRICT_CODE, self.tr("Expected district code (6 digits; optional)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Component problems")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, self.tr("HTML report"), self.tr("HTML files (*.html)"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputBoolean(self.PASSED, self.tr("Passed (no problem found)")))
        self.addOutput(QgsProcessingOutputNumber(self.PROBLEM_COUNT, self.tr("Number of problems")))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        grids_source = self.parameterAsSource(parameters, self.GRIDS, context)
        if source is None or grids_source is None:
            missing = self.INPUT if source is None else self.GRIDS
            raise QgsProcessingException(self.invalidSourceError(parameters, missing))
        grid_field = self.grid_code_field(parameters, context, grids_source)
        fields = [self.parameterAsString(parameters, key, context)
                  for key in (self.ID_FIELD, self.CLASS_FIELD, self.BGID_FIELD)]
        try:
            table = self.class_table(parameters, context, feedback)
            district = self.parameterAsString(parameters, self.DISTRICT_CODE, context).strip()
            district = check_district(district) if district else None
            crs = grids_source.sourceCrs()
            datum = datum_of(self, parameters, context)
            fids, geoms, rows = read_in_datum(source, crs, context, fields, datum, feedback)
            location = GridLocation(grids_source, grid_field, geoms, feedback)
            located = location.codes()
            validation = validate_components(fids, [r[0] for r in rows], [r[1] for r in rows],
                                             [r[2] for r in rows], located, table, district)
        except GridInputError as err:
            raise self.input_error(err) from err
        except Cancelled:
            feedback.pushInfo(self.tr("Cancelled; nothing was written."))
            return {}
        location.check_datum(geoms, datum, DATUM, feedback)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, qgs_fields(ERROR_FIELDS),
                                             source.wkbType(), crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        where = {fid: k for k, fid in enumerate(fids)}
        problems = validation.problems
        geometries = [geoms[where[p.fid]] for p in problems]

        def attributes(start: int, stop: int) -> list[list[object]]:
            return [[p.kind, self.render(p.message)[:254], p.component_id or None, p.fid]
                    for p in problems[start:stop]]

        write_features(sink, geometries, attributes, feedback)
        del sink
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            write_report(report, validation, source.sourceName(), self.tr)
        for kind, count in validation.counts.items():
            if count:
                feedback.pushInfo(self.tr("Problems of kind {}: {}").format(kind, count))
        if validation.passed:
            feedback.pushInfo(self.tr("Passed: no problem in {} components.").format(validation.count))
        else:
            feedback.pushInfo(self.tr("Failed: {} problems in {} components.").format(len(problems), validation.count))
        return {self.OUTPUT: dest_id, self.REPORT: report or None, self.PASSED: validation.passed,
                self.PROBLEM_COUNT: len(problems)}
