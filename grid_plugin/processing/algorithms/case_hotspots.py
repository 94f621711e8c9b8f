"""gridplugin:casehotspots: is a hot spot real (Getis-Ord Gi*), and what changed since last period."""

from __future__ import annotations

import dataclasses

import numpy as np
import pyproj
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from grid_plugin.core.cases.hotspots import HOTSPOT_CLASS_LABELS, P_LIMITS, RULES, GiStar, contiguity, getis_ord_gi_star
from grid_plugin.core.cases.period_report import PERIODS, period_key, top_n_report, write_csv, write_html
from grid_plugin.core.cases.trend import benjamini_hochberg
from grid_plugin.core.errors import GridInputError
from grid_plugin.core.geodesy.crs import working_epsg
from grid_plugin.core.output_files import check_output_file
from grid_plugin.processing.base import GridAlgorithm, core_progress
from grid_plugin.processing.case_styles import style_hotspots
from grid_plugin.processing.features import write_features
from grid_plugin.processing.outputs import style_output_with
from grid_plugin.processing.parameters.store import StoreParameters
from grid_plugin.store.base import StoredGrids
from grid_plugin.store.schema import STORE_SRID
from grid_plugin.toolbelt import field_types


class CaseHotspotsAlgorithm(StoreParameters, GridAlgorithm):
    FDR = "FDR"
    PERIOD = "PERIOD"
    TOP_N = "TOP_N"
    OUTPUT = "OUTPUT"
    REPORT_CSV = "REPORT_CSV"
    REPORT_HTML = "REPORT_HTML"

    def name(self) -> str:
        return "casehotspots"

    def displayName(self) -> str:
        return self.tr("Case hot spots and period report")

    def groupId(self) -> str:
        return "cases"

    def shortHelpString(self) -> str:
        return self.tr(
            "Tests whether case concentrations are real: Getis-Ord Gi* on the case count of each unit grid, "
            "with contiguity weights (queen: grids sharing a point; rook: grids sharing an edge), gives a "
            "z-score, a p-value and a class: hot or cold spot at 90, 95 or 99 % confidence, or not significant. "
            "A grid is a hot spot when it and its neighbours together hold more cases than chance explains.\n\n"
            "With the false discovery rate correction (Benjamini-Hochberg, off by default), the p-values of all "
            "grids are adjusted for the number of grids tested: a grid is significant at 90, 95 or 99 % when "
            "its adjusted p (field gi_p_adj) is at most 0.10, 0.05 or 0.01, and then at most 10, 5 or 1 % of "
            "the hot and cold spots found are expected to be chance. Fewer grids come out significant, and "
            "those that do can be trusted as a set. Without it, gi_p_adj equals gi_p.\n\n"
            "The period report (CSV and HTML) lists, for every day, week, month, quarter or year, the top-N "
            "grids and classes (高频区域、高频事件) with the change against the previous period.") + "\n\n" + \
            self.filter_help()

    def initAlgorithm(self, config=None):
        self.add_store_parameters()
        self.add_grid_source_parameter(self.tr("Unit grids (empty: the store's grids)"))
        self.add_filter_parameters()
        self.add_neighbour_parameters()
        self.addParameter(QgsProcessingParameterBoolean(
            self.FDR, self.tr("False discovery rate correction (Benjamini-Hochberg)"), defaultValue=False))
        self.addParameter(QgsProcessingParameterEnum(
            self.PERIOD, self.tr("Report period"), self.period_names(), defaultValue=2))
        self.addParameter(QgsProcessingParameterNumber(
            self.TOP_N, self.tr("Top N grids and classes per period"), QgsProcessingParameterNumber.Type.Integer, 10,
            minValue=1))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Hot spots (Gi*)"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT_CSV, self.tr("Period report (CSV)"), self.tr("CSV files (*.csv)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT_HTML, self.tr("Period report (HTML)"), self.tr("HTML files (*.html)")))
        self.addOutput(QgsProcessingOutputNumber("HOT_COUNT", self.tr("Hot-spot grids")))
        self.addOutput(QgsProcessingOutputNumber("COLD_COUNT", self.tr("Cold-spot grids")))

    def period_names(self) -> list[str]:
        """In the order of core.cases.period_report.PERIODS."""
        return [self.tr("Day"), self.tr("Week"), self.tr("Month"), self.tr("Quarter"), self.tr("Year")]

    def process(self, parameters, context, feedback):
        csv_path = self.parameterAsFileOutput(parameters, self.REPORT_CSV, context)
        html_path = self.parameterAsFileOutput(parameters, self.REPORT_HTML, context)
        try:  # before the store is read
            check_output_file(csv_path, self.REPORT_CSV)
            check_output_file(html_path, self.REPORT_HTML, (".html", ".htm"))
        except GridInputError as err:
            raise self.input_error(err) from err
        case_filter = self.case_filter(parameters, context)
        store = self.open_case_store(parameters, context, create=False, feedback=feedback)
        try:
            grids = self.store_grids(store, parameters, context, feedback, write=False)
            counts = store.counts_per_grid(case_filter)
            cases = store.case_columns(("reported_at", "grid_code", "class_code", "class_name"), case_filter)
            self.report_piles_left_out(store, case_filter, feedback)
        finally:
            store.close()
        if len(grids) < 3:
            raise QgsProcessingException(self.tr("Gi* needs at least 3 unit grids; the store has {}.").format(
                len(grids)))
        feedback.pushInfo(self.tr("{} cases in {} grids ({}).").format(len(cases["grid_code"]), len(grids),
                                                                       case_filter.describe()))
        with self.core_errors():
            values = np.array([counts.get(code, 0) for code in grids.grid_codes], dtype=float)
            projected = _projected(grids, self.measuring_crs(parameters, context, grids))
            rule = RULES[self.parameterAsEnum(parameters, self.CONTIGUITY, context)]
            neighbours = contiguity(projected, rule, self.parameterAsDouble(parameters, self.TOLERANCE, context),
                                    core_progress(feedback, 0, 40))
            gi = getis_ord_gi_star(values, neighbours)
            adjusted = gi.p
            if self.parameterAsBool(parameters, self.FDR, context):
                adjusted, classes = fdr_classes(gi)
                gi = dataclasses.replace(gi, classes=classes)
            islands = int(np.count_nonzero(gi.islands))
            if islands:
                feedback.reportError(self.tr(
                    "{} grids have no neighbour; raise the gap tolerance if the grids have small gaps.").format(
                        islands))
            results = {self.OUTPUT: self.write_hotspots(parameters, context, grids, values, gi, adjusted, feedback)}
            zone = self.zone_name(parameters, context)
            period_index = self.parameterAsEnum(parameters, self.PERIOD, context)
            period = PERIODS[period_index]
            keys = period_key(cases["reported_at"], period, zone, core_progress(feedback, 60, 80))
            class_names = dict(zip(cases["class_code"], cases["class_name"]))
            grid_names = {code: f"{community or ''} {code}".strip()
                          for code, community in zip(grids.grid_codes, grids.community_names)}
            report = top_n_report(keys, cases["grid_code"], cases["class_code"],
                                  n=self.parameterAsInt(parameters, self.TOP_N, context),
                                  grid_names=grid_names, class_names=class_names)
        write_csv(report, csv_path, self.tr)
        write_html(report, html_path, self.tr("Cases per {}: top {} grids and classes").format(
            self.period_names()[period_index], self.parameterAsInt(parameters, self.TOP_N, context)), self.tr)
        hot = int(np.count_nonzero(gi.classes > 0))
        cold = int(np.count_nonzero(gi.classes < 0))
        feedback.pushInfo(self.tr("{} hot-spot grids and {} cold-spot grids at 90 % confidence or more.").format(
            hot, cold))
        results.update({self.REPORT_CSV: csv_path, self.REPORT_HTML: html_path, "HOT_COUNT": hot,
                        "COLD_COUNT": cold})
        return results

    def write_hotspots(self, parameters, context, grids: StoredGrids, values, gi, adjusted, feedback) -> str:
        fields = QgsFields()
        for name in ("grid_code", "street_code", "community_code", "community_name"):
            fields.append(QgsField(name, field_types.STRING))
        fields.append(QgsField("case_count", field_types.INT))
        fields.append(QgsField("gi_z", field_types.DOUBLE))
        fields.append(QgsField("gi_p", field_types.DOUBLE))
        fields.append(QgsField("gi_bin", field_types.INT))
        fields.append(QgsField("hotspot", field_types.STRING))
        fields.append(QgsField("gi_p_adj", field_types.DOUBLE))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon,
                                          self.output_crs(grids))
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        labels = {value: self.render(text) for value, text in HOTSPOT_CLASS_LABELS.items()}

        def rows(start: int, stop: int):
            return [[grids.grid_codes[i], grids.street_codes[i], grids.community_codes[i], grids.community_names[i],
                     int(values[i]), round(float(gi.z[i]), 6), round(float(gi.p[i]), 6), int(gi.classes[i]),
                     labels[int(gi.classes[i])], round(float(adjusted[i]), 6)] for i in range(start, stop)]

        write_features(sink, grids.geometries, rows, feedback)
        style_output_with(context, dest, lambda layer: style_hotspots(layer, "gi_bin", labels))
        return dest


def fdr_classes(gi: GiStar) -> tuple[np.ndarray, np.ndarray]:
    """Benjamini-Hochberg adjusted p-values of all grids and the Gi_Bin classes they give: ±3/±2/±1
    when the adjusted p is at most 0.01/0.05/0.10 (the step-up rule at each level; core.cases.trend)."""
    _, adjusted = benjamini_hochberg(gi.p)
    level = sum((adjusted <= limit).astype(np.int8) for limit in P_LIMITS)
    return adjusted, (np.sign(gi.z).astype(np.int8) * level).astype(np.int8)


def _projected(grids: StoredGrids, crs: QgsCoordinateReferenceSystem | None = None) -> np.ndarray:
    """The grids in the working CRS (StoreParameters.measuring_crs; None: core.geodesy.crs.working_epsg of the grids),
    so that the gap tolerance is in metres."""
    if crs is None:
        minx, miny, maxx, maxy = shapely.total_bounds(grids.geometries)
        target = f"EPSG:{working_epsg((minx + maxx) / 2, (miny + maxy) / 2)}"
    else:
        target = crs.authid() or crs.toWkt()
    transformer = pyproj.Transformer.from_crs(f"EPSG:{STORE_SRID}", target, always_xy=True)
    return shapely.transform(grids.geometries, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))
