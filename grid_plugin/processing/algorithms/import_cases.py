"""gridplugin:importcases: cases from a CSV, XLSX or any OGR layer into the case store."""

from __future__ import annotations

import csv
import gc
from pathlib import Path

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

from grid_plugin.core.addresses import Gazetteer
from grid_plugin.core.cases import (
    COORDINATE_SYSTEMS,
    FEW_VALUE_FIELDS,
    CaseParser,
    ParsedCases,
    finish_records,
    parse_field_map,
    resolve_field_map,
)
from grid_plugin.core.classes import ClassTable
from grid_plugin.core.errors import Cancelled, GridInputError
from grid_plugin.core.tables import read_csv
from grid_plugin.processing.address_inputs import grid_codes_at
from grid_plugin.processing.base import GridAlgorithm, core_progress
from grid_plugin.processing.case_inputs import StoreParameters
from grid_plugin.processing.case_styles import style_case_points
from grid_plugin.processing.component_inputs import SCHEMES
from grid_plugin.processing.table_inputs import GEOMETRY_X, GEOMETRY_Y, add_table_parameters, table_from_parameters
from grid_plugin.store.base import ImportCounts, StoredGrids, import_cases
from grid_plugin.toolbelt.paths import resource


class ImportCasesAlgorithm(StoreParameters, GridAlgorithm):
    INPUT = "INPUT"
    LAYER = "LAYER"
    ENCODING = "ENCODING"
    FIELD_MAP = "FIELD_MAP"
    COORDINATES = "COORDINATES"
    SOURCE_CRS = "SOURCE_CRS"
    SCHEME = "SCHEME"
    USER_CLASSES = "USER_CLASSES"
    REJECTS = "REJECTS"
    GEOCODE = "GEOCODE"
    GEOCODE_CONFIDENCE = "GEOCODE_CONFIDENCE"
    CASES = "CASES"

    def name(self) -> str:
        return "importcases"

    def displayName(self) -> str:
        return self.tr("Import cases")

    def groupId(self) -> str:
        return "cases"

    def shortHelpString(self) -> str:
        return self.tr(
            "Imports cases (案件) from a CSV (UTF-8 or GBK), an XLSX sheet or any OGR layer into the case store: "
            "a GeoPackage file (default) or a PostGIS schema reached through a QGIS PostgreSQL connection.\n\n"
            "FIELD_MAP maps case fields to input columns, e.g. 'case_id=案件编号; x=经度; y=纬度; "
            "reported_at=上报时间'; columns with the store's own names or common Chinese names are found "
            "without it. Coordinates may be WGS84, CGCS2000, GCJ-02 (Amap, Tencent), BD-09 (Baidu) or any "
            "CRS; they are stored in CGCS2000. Times without a zone are local time in the chosen zone.\n\n"
            "Each case gets the codes of its unit grid, street and community. A re-import is idempotent: "
            "new case ids are added, changed ones updated, identical ones left alone. The whole file is "
            "one transaction: a failure or cancel writes nothing. Rows that cannot be used go to the "
            "rejects CSV with their row number and reason; the counts of rows read, imported, updated, "
            "unchanged and rejected always add up.")

    def initAlgorithm(self, config=None):
        add_table_parameters(self, self.tr("Cases file (CSV, XLSX, GeoPackage, Shapefile, GeoJSON, ...)"))
        self.addParameter(QgsProcessingParameterString(
            self.FIELD_MAP, self.tr("Field mapping (case field=input field; ...)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.COORDINATES, self.tr("Coordinates are in"),
            [self.tr("WGS84 (GPS)"), self.tr("CGCS2000"), self.tr("GCJ-02 (Amap, Tencent)"),
             self.tr("BD-09 (Baidu)"), self.tr("Another CRS (below)")], defaultValue=0))
        self.addParameter(QgsProcessingParameterCrs(
            self.SOURCE_CRS, self.tr("That other CRS"), optional=True))
        self.add_timezone_parameter()
        self.addParameter(QgsProcessingParameterEnum(
            self.SCHEME, self.tr("Class scheme of the cases"),
            [self.tr("GB/T 47678.5-2026 (5-digit classes)"), self.tr("GB/T 30428.2-2013 (4-digit classes)")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            self.USER_CLASSES, self.tr("Your own classes (CSV; optional)"), extension="csv", optional=True))
        self.add_store_parameters()
        self.add_grid_source_parameter(self.tr("Unit grids (saved into the store; empty: the store's grids)"))
        self.addParameter(QgsProcessingParameterBoolean(
            self.GEOCODE, self.tr("Place rows without coordinates by their address (the store's gazetteer)"),
            defaultValue=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.GEOCODE_CONFIDENCE, self.tr("Lowest confidence for placing a case by its address (0–1)"),
            QgsProcessingParameterNumber.Type.Double, 0.8, minValue=0.0, maxValue=1.0))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REJECTS, self.tr("Rejected rows"), self.tr("CSV files (*.csv)")))
        for key, text in (("READ_COUNT", self.tr("Rows read")), ("IMPORTED_COUNT", self.tr("Cases imported")),
                          ("UPDATED_COUNT", self.tr("Cases updated")),
                          ("UNCHANGED_COUNT", self.tr("Cases unchanged")),
                          ("REJECTED_COUNT", self.tr("Rows rejected")),
                          ("GEOCODED_COUNT", self.tr("Rows placed by their address"))):
            self.addOutput(QgsProcessingOutputNumber(key, text))
        self.addOutput(QgsProcessingOutputString("STORE_LABEL", self.tr("Store")))
        self.addOutput(QgsProcessingOutputVectorLayer(self.CASES, self.tr("Cases")))

    # ---- the run --------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        # a million cases are millions of small objects alive to the end: the cyclic collector would
        # rescan them again and again (a third of the run) and could free nothing
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._import(parameters, context, feedback)
        finally:
            if collecting:
                gc.enable()

    def _import(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        rejects_path = self.parameterAsFileOutput(parameters, self.REJECTS, context)
        fields, load_columns, kind = self.read_input(parameters, context)
        feedback.pushInfo(self.tr("Reading {} ({}).").format(path, kind))
        try:
            mapping = resolve_field_map(fields, parse_field_map(
                self.parameterAsString(parameters, self.FIELD_MAP, context)))
            parser = self.parser(parameters, context, mapping, feedback)
        except GridInputError as err:
            raise self.input_error(err) from err
        feedback.pushInfo(self.tr("Field mapping: {}").format(
            "; ".join(f"{target}={source}" for target, source in mapping.items())))
        store = self.open_case_store(parameters, context, create=True)
        try:
            with store.transaction():  # grids, cases and the batch record commit together
                grids = self.store_grids(store, parameters, context, feedback, write=True)
                if self.parameterAsBoolean(parameters, self.GEOCODE, context) and "address" in mapping:
                    entries = store.read_addresses()
                    if len(entries):  # rows without coordinates are placed by their address
                        parser.geocoder = Gazetteer(entries).geocoder(
                            self.parameterAsDouble(parameters, self.GEOCODE_CONFIDENCE, context))
                columns, numbers = load_columns(list(dict.fromkeys(mapping.values())),
                                                [mapping[name] for name in FEW_VALUE_FIELDS if name in mapping])
                feedback.setProgress(20)
                parsed = parser.parse_columns(columns, numbers, core_progress(feedback, 20, 45), consume=True)
                del columns
                parsed = self.locate(parsed, grids, feedback)
                counts = ImportCounts(read=parsed.read, rejected=len(parsed.rejects))
                import_cases(store, parsed.records, counts, Path(path).name, core_progress(feedback, 55, 100))
            layer_source = store.layer_source("cases")
            label = store.label
        except Cancelled:
            raise QgsProcessingException(self.tr("Cancelled; nothing was written to the store.")) from None
        except GridInputError as err:
            raise self.input_error(err) from err
        finally:
            store.close()
        write_rejects(rejects_path, parsed, fields, path, self)
        if parsed.geocoded:
            feedback.pushInfo(self.tr("{} rows without coordinates were placed by their address.").format(
                parsed.geocoded))
        if parsed.swapped:
            feedback.reportError(self.tr(
                "{} rows look like latitude and longitude swapped; check the x/y field mapping.").format(
                    parsed.swapped))
        feedback.pushInfo(self.tr("Read {}, imported {}, updated {}, unchanged {}, rejected {} (see {}).").format(
            counts.read, counts.imported, counts.updated, counts.unchanged, counts.rejected, rejects_path))
        layer_id = self.load_cases_layer(context, layer_source)
        return {"READ_COUNT": counts.read, "IMPORTED_COUNT": counts.imported, "UPDATED_COUNT": counts.updated,
                "UNCHANGED_COUNT": counts.unchanged, "REJECTED_COUNT": counts.rejected,
                "GEOCODED_COUNT": parsed.geocoded,
                self.REJECTS: rejects_path, "STORE_LABEL": label, self.CASES: layer_id}

    def parser(self, parameters, context, mapping, feedback) -> CaseParser:
        system = COORDINATE_SYSTEMS[self.parameterAsEnum(parameters, self.COORDINATES, context)]
        epsg = None
        if system == "crs":
            crs = self.parameterAsCrs(parameters, self.SOURCE_CRS, context)
            if not crs.isValid():
                raise QgsProcessingException(self.tr("Coordinates in 'another CRS' need that CRS (SOURCE_CRS)."))
            epsg = crs.authid() or crs.toWkt()
        elif mapping.get("x") == GEOMETRY_X and self._layer_crs is not None:
            system, epsg = "crs", self._layer_crs
        scheme = SCHEMES[self.parameterAsEnum(parameters, self.SCHEME, context)]
        events = ClassTable.load(scheme, resource("classes"), kind="events")
        components = ClassTable.load(scheme, resource("classes"), kind="components")
        user_csv = self.parameterAsFile(parameters, self.USER_CLASSES, context)
        if user_csv:
            added = events.load_user_csv(user_csv)
            feedback.pushInfo(self.tr("{} classes added or overridden from {}.").format(len(added), user_csv))
        return CaseParser(mapping, zone=self.zone_name(parameters, context), system=system, epsg=epsg,
                          events=events, components=components)

    def read_input(self, parameters, context):
        """(field names, a function giving the wanted columns and the row numbers, description)."""
        table = table_from_parameters(self, parameters, context)
        self._layer_crs = table.layer_crs
        return table.fields, table.load_columns, table.kind

    def locate(self, parsed: ParsedCases, grids: StoredGrids, feedback) -> ParsedCases:
        """Grid, street and community codes by point in polygon (EPSG:4490 on both sides)."""
        located = grid_codes_at(grids, parsed.records.lon, parsed.records.lat)
        feedback.setProgress(50)
        return finish_records(parsed, located.grid_codes, located.street_codes, located.community_codes)

    def load_cases_layer(self, context: QgsProcessingContext, layer_source: tuple[str, str]) -> str:
        uri, provider = layer_source
        layer = QgsVectorLayer(uri, self.tr("Cases"), provider)
        if not layer.isValid():
            return ""
        style_case_points(layer)
        context.temporaryLayerStore().addMapLayer(layer)
        context.addLayerToLoadOnCompletion(layer.id(), QgsProcessingContext.LayerDetails(
            self.tr("Cases"), context.project(), self.CASES))
        return layer.id()


def write_rejects(path: str, parsed: ParsedCases, fields, source: str, algorithm: GridAlgorithm) -> None:
    """The rejected rows: row number, case id, reason (in the user's language) and the row as read."""
    raw = {reject.row: None for reject in parsed.rejects}
    if raw and Path(source).suffix.lower() in (".csv", ".txt"):
        for number, row in read_csv(source, "auto").rows():
            if number in raw:
                raw[number] = row
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        columns = [f for f in fields if f not in (GEOMETRY_X, GEOMETRY_Y)]
        writer.writerow(["row", "case_id", "reason", *columns])
        for reject in parsed.rejects:
            row = raw.get(reject.row) or {}
            writer.writerow([reject.row, reject.case_id, algorithm.render(reject.reason),
                             *(row.get(c, "") for c in columns)])

