"""gridplugin:evaluatecases: evaluation of case handling (综合评价) per unit grid, community, street,
department or source, for a period and the period before it, with grades and a ranking."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from grid_plugin.core.cases.evaluation import (
    AREA_LEVELS,
    BASES,
    LEVELS,
    EvaluationOptions,
    area_units,
    evaluation_periods,
)
from grid_plugin.core.cases.evaluation_grades import Evaluation, evaluate, parse_weights
from grid_plugin.core.cases.evaluation_report import (
    RANKING_FIELDS,
    TABLE_FIELDS,
    ranking_rows,
    table_row,
    write_report_html,
)
from grid_plugin.core.errors import Message, message
from grid_plugin.core.output_files import check_output_file
from grid_plugin.processing.base import GridAlgorithm
from grid_plugin.processing.evaluation_layout import style_grades, write_evaluation_pdf
from grid_plugin.processing.features import write_features
from grid_plugin.processing.outputs import qgs_fields, style_output_with
from grid_plugin.processing.parameters.store import StoreParameters
from grid_plugin.toolbelt.i18n import tr


class EvaluateCasesAlgorithm(StoreParameters, GridAlgorithm):
    LEVEL = "LEVEL"
    GRACE_DAYS = "GRACE_DAYS"
    REWORK_BASE = "REWORK_BASE"
    CLOSE_BASE = "CLOSE_BASE"
    WEIGHTS = "WEIGHTS"
    MIN_CASES = "MIN_CASES"
    OUTPUT = "OUTPUT"
    AREAS = "AREAS"
    RANKING = "RANKING"
    REPORT_HTML = "REPORT_HTML"
    REPORT_PDF = "REPORT_PDF"
    FILED_COUNT = "FILED_COUNT"
    GRADED_COUNT = "GRADED_COUNT"

    def __init__(self):
        super().__init__()
        self._pdf: tuple | None = None  # what postProcessAlgorithm needs for the PDF
        self._results: dict = {}

    def name(self) -> str:
        return "evaluatecases"

    def displayName(self) -> str:
        return self.tr("Evaluate case handling (综合评价)")

    def groupId(self) -> str:
        return "cases"

    def shortHelpString(self) -> str:
        return self.tr(
            "Evaluates how the store's cases were handled, per unit grid, community, street, department or "
            "source (LEVEL), for a period and the previous period of equal length, with the change: "
            "立案数, 应结案数, 准确立案率, 处置率, 按期处置率, 超期待处置率, 结案率, 按期结案率, 超期结案率, 返工率, "
            "延期率, the overdue open cases at the cut-off, and the mean and median handling time (filing to closing, "
            "hours). Rates are percentages; changes of rates are percentage points.\n\n"
            "The period is START (inclusive) to END (exclusive), local dates or times in TIMEZONE: March 2025 is "
            "2025-03-01 to 2025-04-01. Its cases are those filed (立案) in it; a case without a filing time "
            "that was dispatched, disposed of or closed counts as filed at its report time, and a report that "
            "was never filed counts as 'unfiled' only. The previous period is the same number of calendar "
            "months before when the period is whole months, else the same duration before. Stages count when "
            "they happened before the period's end plus GRACE_DAYS (the cut-off), so the figures stay the same "
            "when run again later.\n\n"
            "Invalid cases (作废) count in 立案数 and 准确立案率 only. A case lacking a time an indicator needs "
            "stays in its denominator and is counted in the table (no_deadline, closed_no_disposed, "
            "filed_from_report, bad_order) and in the report's notes. REWORK_BASE chooses the denominator of "
            "返工率 and CLOSE_BASE that of 按期结案率 and 超期结案率, where the sources disagree: 应结案数 (the "
            "default) or 结案数.\n\n"
            "Units are graded A–E on a composite score, the weighted mean of rates (better-when-low rates as "
            "100 − rate): by default 按期结案率 30, 结案率 20, 按期处置率 20, 处置率 10, 返工率 10, 延期率 10; "
            "WEIGHTS replaces them (e.g. intime_close_rate=50, close_rate=50). Grades: A ≥ 90, B ≥ 75, C ≥ 60, "
            "D ≥ 40, E below. The weights and the grades are this plugin's convention, not GB/T 30428.4's. "
            "Units with fewer than MIN_CASES due cases, and the cases without a unit, are not graded or "
            "ranked.\n\n"
            "Outputs: the table of every unit (OUTPUT), for the area levels a polygon layer coloured by grade "
            "(AREAS), the ranking (RANKING), an HTML report, and optionally a PDF made through a QGIS print "
            "layout. All counting is done in the store in SQL.")

    def initAlgorithm(self, config=None):
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterEnum(self.LEVEL, self.tr("Evaluate per"), self.level_names(),
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.START, self.tr("Period from (filing time, inclusive; e.g. 2025-03-01)")))
        self.addParameter(QgsProcessingParameterString(
            self.END, self.tr("Period until (exclusive; e.g. 2025-04-01)")))
        self.add_timezone_parameter()
        self.addParameter(QgsProcessingParameterNumber(
            self.GRACE_DAYS, self.tr("Days after the period's end that stages still count (cut-off)"),
            QgsProcessingParameterNumber.Type.Double, 0.0, minValue=0.0))
        bases = [self.tr("应结案数 (cases due)"), self.tr("结案数 (cases closed)")]
        self.addParameter(QgsProcessingParameterEnum(
            self.REWORK_BASE, self.tr("Denominator of 返工率"), bases, defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.CLOSE_BASE, self.tr("Denominator of 按期结案率 and 超期结案率"), bases, defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.WEIGHTS, self.tr("Composite weights (rate=weight, comma separated; empty: the default)"),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_CASES, self.tr("Fewest due cases a unit needs to be graded"),
            QgsProcessingParameterNumber.Type.Integer, 1, minValue=1))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Evaluation table"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.AREAS, self.tr("Evaluation map (grids, communities or streets)"),
            QgsProcessing.SourceType.TypeVectorPolygon, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.RANKING, self.tr("Ranking with grades"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT_HTML, self.tr("Evaluation report (HTML)"), self.tr("HTML files (*.html)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT_PDF, self.tr("Evaluation report (PDF)"), self.tr("PDF files (*.pdf)"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.FILED_COUNT, self.tr("Cases filed in the period")))
        self.addOutput(QgsProcessingOutputNumber(self.GRADED_COUNT, self.tr("Units graded")))

    def level_names(self) -> list[str]:
        """In the order of core.cases.evaluation.LEVELS."""
        return [self.tr("Unit grid"), self.tr("Community"), self.tr("Street"), self.tr("Department"),
                self.tr("Source")]

    def process(self, parameters, context, feedback):
        html_path = self.parameterAsFileOutput(parameters, self.REPORT_HTML, context)
        pdf_path = self.parameterAsFileOutput(parameters, self.REPORT_PDF, context) or ""
        level = LEVELS[self.parameterAsEnum(parameters, self.LEVEL, context)]
        zone = self.zone_name(parameters, context)
        with self.core_errors():  # every parameter and output is checked before the store is read
            check_output_file(html_path, self.REPORT_HTML, (".html", ".htm"))
            if pdf_path:
                check_output_file(pdf_path, self.REPORT_PDF, (".pdf",))
            period, previous = evaluation_periods(
                self.parameterAsString(parameters, self.START, context).strip(),
                self.parameterAsString(parameters, self.END, context).strip(), zone,
                self.parameterAsDouble(parameters, self.GRACE_DAYS, context))
            options = EvaluationOptions(
                BASES[self.parameterAsEnum(parameters, self.REWORK_BASE, context)],
                BASES[self.parameterAsEnum(parameters, self.CLOSE_BASE, context)],
                parse_weights(self.parameterAsString(parameters, self.WEIGHTS, context)),
                self.parameterAsInt(parameters, self.MIN_CASES, context))
        store = self.open_case_store(parameters, context, create=False, feedback=feedback)
        try:
            label = store.label
            grids = store.read_grids() if level in AREA_LEVELS else None
            feedback.pushInfo(self.tr("Counting the cases filed in {} and {} in {}...").format(
                period.label, previous.label, label))
            with self.core_errors():
                current_counts, previous_counts = store.evaluation_counts(level, (period, previous))
        finally:
            store.close()
        feedback.setProgress(60)
        keys, names, polygons = None, {}, {}
        if grids is not None and len(grids):
            keys, names, polygons = area_units(
                level, grids.grid_codes, {"community": grids.community_codes, "street": grids.street_codes},
                {"community": grids.community_names, "street": grids.street_names}, grids.geometries)
        elif grids is not None:
            feedback.pushWarning(self.tr("The store {} has no unit grids: the units are the codes of the cases, and "
                                         "there is no map.").format(label))
        evaluation = evaluate(level, period, previous, current_counts, previous_counts, options, names, keys)
        for note in evaluation.notes:
            feedback.pushWarning(self.render(note))
        filed = int(evaluation.total.current["filed"] or 0)
        feedback.pushInfo(self.tr("{} cases filed in {} ({} in {}); {} of {} units graded.").format(
            filed, period.label, int(evaluation.total.previous["filed"] or 0), previous.label,
            len(evaluation.ranked()), len(evaluation.units)))
        results = {self.OUTPUT: self.write_table(parameters, context, evaluation, feedback),
                   self.RANKING: self.write_ranking(parameters, context, evaluation, feedback),
                   self.FILED_COUNT: filed, self.GRADED_COUNT: len(evaluation.ranked())}
        crs = self.output_crs(grids) if grids is not None and len(grids) else QgsCoordinateReferenceSystem(
            "EPSG:4490")
        areas = self.write_areas(parameters, context, evaluation, polygons, crs, feedback) if polygons else None
        if areas:
            results[self.AREAS] = areas
        elif self.parameterAsOutputLayer(parameters, self.AREAS, context) and level not in AREA_LEVELS:
            feedback.pushInfo(self.tr("Departments and sources have no polygons: the map (AREAS) is made for unit "
                                      "grids, communities and streets only."))
        title = self.title(level, period.label)
        settings = self.settings(label, zone, parameters, context, options)
        write_report_html(evaluation, html_path, title, settings, self.tr)
        results[self.REPORT_HTML] = html_path
        self._pdf = (pdf_path, title, evaluation, settings, polygons or None, crs) if pdf_path else None
        self._results = results
        return results

    def postProcessAlgorithm(self, context, feedback):
        """The PDF, on the main thread (a print layout is a Qt graphics scene)."""
        if self._pdf is None:
            return self._results
        path, title, evaluation, settings, polygons, crs = self._pdf
        try:
            write_evaluation_pdf(path, title, evaluation, settings, polygons, crs, self.tr)
        except RuntimeError as error:
            raise QgsProcessingException(self.tr("The PDF report could not be written to {}: {}").format(
                path, error)) from None
        feedback.pushInfo(self.tr("PDF report written to {}.").format(path))
        return {**self._results, self.REPORT_PDF: path}

    def title(self, level: str, period: str) -> str:
        return self.tr("Evaluation of case handling per {}: {}").format(
            self.level_names()[LEVELS.index(level)].lower(), period)

    def settings(self, store: str, zone: str, parameters, context, options: EvaluationOptions
                 ) -> list[tuple[Message, str]]:
        """The run's choices, for the reports."""
        bases = {"due": "应结案数", "closed": "结案数"}
        grace = self.parameterAsDouble(parameters, self.GRACE_DAYS, context)
        return [(message("Store"), store), (message("Time zone"), zone),
                (message("Cut-off"), message("the period's end + {days} days", days=f"{grace:g}").render(self.tr)),
                (message("Denominator of 返工率"), bases[options.rework_base]),
                (message("Denominator of 按期结案率 and 超期结案率"), bases[options.close_base]),
                (message("Fewest due cases to be graded"), str(options.min_cases))]

    # ---- outputs -----------------------------------------------------------------------------------------
    def write_table(self, parameters, context, evaluation: Evaluation, feedback) -> str:
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, qgs_fields(TABLE_FIELDS),
                                          QgsWkbTypes.Type.NoGeometry, QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        units = evaluation.units
        write_features(sink, [None] * len(units),
                       lambda a, b: [table_row(evaluation, unit, self.tr) for unit in units[a:b]], feedback)
        return dest

    def write_ranking(self, parameters, context, evaluation: Evaluation, feedback) -> str:
        sink, dest = self.parameterAsSink(parameters, self.RANKING, context, qgs_fields(RANKING_FIELDS),
                                          QgsWkbTypes.Type.NoGeometry, QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.RANKING))
        rows = ranking_rows(evaluation, self.tr)
        write_features(sink, [None] * len(rows), lambda a, b: rows[a:b], feedback)
        return dest

    def write_areas(self, parameters, context, evaluation: Evaluation, polygons: dict, crs, feedback) -> str | None:
        sink, dest = self.parameterAsSink(parameters, self.AREAS, context, qgs_fields(TABLE_FIELDS),
                                          QgsWkbTypes.Type.MultiPolygon, crs)
        if sink is None:  # the optional map was not asked for
            return None
        units = [unit for unit in evaluation.units if unit.key in polygons]
        write_features(sink, [polygons[unit.key] for unit in units],
                       lambda a, b: [table_row(evaluation, unit, self.tr) for unit in units[a:b]], feedback,
                       multipolygons=True)
        style_output_with(context, dest, lambda layer: style_grades(layer, tr))
        return dest
