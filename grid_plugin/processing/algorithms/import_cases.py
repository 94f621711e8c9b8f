"""gridplugin:importcases: cases from a CSV, XLSX or any OGR layer into the case store."""

from __future__ import annotations

import gc
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
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

from grid_plugin.core.addresses.addresses import Gazetteer
from grid_plugin.core.cases.case_classes import unknown_classes_warning
from grid_plugin.core.cases.case_fields import header_row_hint, names_the_cases
from grid_plugin.core.cases.case_rejects import all_rejected, rejected_summary
from grid_plugin.core.cases.case_stream import CaseStream
from grid_plugin.core.cases.records import COORDINATE_SYSTEMS, CaseParser, parse_field_map, resolve_field_map
from grid_plugin.core.cases.time_formats import date_format
from grid_plugin.core.cases.times import EARLIEST_YEAR, YEAR_RANGE, TimeWindow
from grid_plugin.core.components.classes import ClassTable
from grid_plugin.core.errors import Cancelled, GridInputError
from grid_plugin.core.geodesy.offsets import BD09, GCJ02, OFFSET_SYSTEMS, WGS84
from grid_plugin.core.output_files import StagedFile, check_output_file
from grid_plugin.processing.base import GridAlgorithm, core_progress
from grid_plugin.processing.case_import_run import AllRejected, ChunkedImport, DatumTally, Rerun
from grid_plugin.processing.case_styles import style_case_points
from grid_plugin.processing.datum import warn_datum
from grid_plugin.processing.parameters.components import SCHEMES
from grid_plugin.processing.parameters.piles import PileParameters
from grid_plugin.processing.parameters.store import GridCodeLocator, StoreParameters
from grid_plugin.processing.parameters.tables import GEOMETRY_X, InputTable, add_table_parameters, table_from_parameters
from grid_plugin.store.base import ImportCounts
from grid_plugin.store.schema import STORE_SRID
from grid_plugin.toolbelt.paths import resource


class ImportCasesAlgorithm(PileParameters, StoreParameters, GridAlgorithm):
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
    HEADER_ROW = "HEADER_ROW"
    EARLIEST_YEAR = "EARLIEST_YEAR"
    LATEST_YEAR = "LATEST_YEAR"
    DATE_FORMAT = "DATE_FORMAT"
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
            "without it. HEADER_ROW is the row of a CSV or sheet that names the columns; with 0 (default) it is "
            "the first row, or, below a title (a first row with a single value, such as a merged title cell), "
            "the first row that names the case fields, as the log says. Coordinates may be WGS84, CGCS2000, "
            "GCJ-02 (Amap, Tencent), BD-09 (Baidu) or any CRS; they are stored in CGCS2000. Times without a zone "
            "are local time in the chosen zone; XLSX date cells keep their time whatever their number format. "
            "Every case time must lie in the years EARLIEST_YEAR (default 1990) to LATEST_YEAR (empty: next "
            "year), as written. DATE_FORMAT says how the times are written: auto (default) reads the ISO forms "
            "(2025-03-01 08:05:00, 2025/3/1 8:05, 2025年3月1日 8时5分), month/day/year or day/month/year dates (such "
            "as 01/13/2015 12:20:09 PM; which of the two, the values decide, and the log names the row that did) "
            "and Excel serial numbers; or give iso, us (MM/DD/YYYY, 12 h with AM/PM or 24 h), dmy (DD/MM/YYYY), "
            "excel, or a strftime pattern such as %d.%m.%Y %H:%M. When every such date reads both ways (day and "
            "month up to 12), the import stops and asks for DATE_FORMAT. Rows without a class are imported without "
            "one (UNCLASSIFIED_COUNT); a class that is not in the class table rejects the row, and the log lists "
            "those classes with their row counts.\n\n"
            "Each case gets the codes of its unit grid, street and community. A re-import is idempotent: "
            "new case ids are added, changed ones updated, identical ones left alone. The whole file is "
            "one transaction: a failure or cancel writes nothing. Rows that cannot be used go to the "
            "rejects CSV with their row number (the first row below the header is row 1), every reason found and "
            "the values: among them rows with more values than the header (a comma inside a value needs quotes), a "
            "text with a NUL character and a time outside the years. The counts of rows read, imported, updated, "
            "unchanged and rejected always add up; the log names the commonest reasons. An import that rejects "
            "every row fails with those reasons: the store stays as it was, the rejects file is written. REJECTS "
            "is checked before anything is written and replaced together with the store's commit; a text cell "
            "starting with =, +, -, @, a tab or a carriage return gets a leading ' there, so that Excel shows it "
            "instead of running it as a formula (plain numbers such as -12.5 stay numbers).") + " " + self.tr(
            "The file is read, checked and written in chunks of at most 20,000 rows (fewer when it has many "
            "columns), all inside that one transaction, so that a file of any size imports in bounded memory; the "
            "rejects are written as they are found. Case ids that come again with other content far apart in the "
            "file make the import read the file a second time.") + "\n\n" + self.tr(
            "The case's lifecycle, for the evaluation, each field optional (FIELD_MAP, or found by these names): "
            "filed_at (立案时间), dispatched_at (派遣时间), disposed_at (处置时间), closed_at (结案时间), deadline "
            "(处置时限); department (处置部门, 责任部门, dept), kept as written; rework_count (返工次数) and "
            "postpone_count (延期次数), whole numbers from 0; invalid (作废, 是否作废, cancelled): 是/否, 1/0, "
            "true/false, Y/N or 作废/有效. An empty value is unknown. A count or flag that cannot be read rejects "
            "its row, naming the field and the value. The times follow the workflow: filed, dispatched, disposed "
            "of and closed in this order, none before the report, and the deadline not before the report; a row "
            "with a time out of that order is rejected, naming both fields and both times (a date without a time "
            "of day counts as that whole day). Department names are not checked: cases without one are a group "
            "of their own in the evaluation.") + "\n\n" + \
            self.pile_help() + "\n\n" + self.tr(
            "Plausible places: coordinates in WGS84 or CGCS2000 degrees without a named CRS, and GCJ-02 and BD-09 "
            "ones, must lie in China. With 'Another CRS' and SOURCE_CRS (or a layer with its own CRS) the "
            "coordinates may lie anywhere, but not more than 50 km outside the unit grids' extent (such a row is "
            "rejected as outside the district's grids). SOURCE_CRS is used only with 'Another CRS'. For unit grids "
            "outside China the store's degrees are WGS 84 ones, and its layers and the outputs of the case "
            "algorithms are tagged EPSG:4326.")

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
        self.addParameter(QgsProcessingParameterString(
            self.DATE_FORMAT, self.tr("Date format of the times (auto, iso, us, dmy, excel or e.g. %d.%m.%Y %H:%M)"),
            defaultValue="auto", optional=True))
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
        self.add_pile_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            self.EARLIEST_YEAR, self.tr("Earliest year of a case time"),
            QgsProcessingParameterNumber.Type.Integer, EARLIEST_YEAR, minValue=YEAR_RANGE[0], maxValue=YEAR_RANGE[1]))
        self.addParameter(QgsProcessingParameterNumber(
            self.LATEST_YEAR, self.tr("Latest year of a case time (empty: next year)"),
            QgsProcessingParameterNumber.Type.Integer, None, optional=True, minValue=YEAR_RANGE[0],
            maxValue=YEAR_RANGE[1]))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REJECTS, self.tr("Rejected rows"), self.tr("CSV files (*.csv)")))
        for key, text in (("READ_COUNT", self.tr("Rows read")), ("IMPORTED_COUNT", self.tr("Cases imported")),
                          ("UPDATED_COUNT", self.tr("Cases updated")),
                          ("UNCHANGED_COUNT", self.tr("Cases unchanged")),
                          ("REJECTED_COUNT", self.tr("Rows rejected")),
                          ("GEOCODED_COUNT", self.tr("Rows placed by their address")),
                          ("UNCLASSIFIED_COUNT", self.tr("Cases without a class"))):
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
        try:
            check_output_file(rejects_path, self.REJECTS)  # before anything is written, the store included
            pile_rule = self.pile_rule(parameters, context)
            given = parse_field_map(self.parameterAsString(parameters, self.FIELD_MAP, context))
        except GridInputError as err:
            raise self.input_error(err) from err
        table = table_from_parameters(self, parameters, context, expect=lambda names: names_the_cases(names, given))
        self._layer_crs = table.layer_crs
        feedback.pushInfo(self.tr("Reading {} ({}).").format(path, table.kind))
        for note in table.notes:
            feedback.pushWarning(self.render(note))
        mapping = self.field_mapping(table, given)
        try:
            parser = self.parser(parameters, context, mapping, feedback)
        except GridInputError as err:
            raise self.input_error(err) from err
        feedback.pushInfo(self.tr("Field mapping: {}").format(
            "; ".join(f"{target}={source}" for target, source in mapping.items())))
        store = self.open_case_store(parameters, context, create=True, feedback=feedback)
        known: dict[int, list[int]] | None = None
        try:
            while True:  # a second pass only for ids repeated with other content in distant chunks
                rejects = StagedFile(rejects_path)
                try:
                    # grids, cases, the batch record and the rejects file commit together
                    stream, counts, grids, datum = self.import_pass(parameters, context, feedback, store, table,
                                                                    parser, mapping, rejects, pile_rule, known)
                except Rerun as again:
                    rejects.undo()
                    known = again.known
                    feedback.pushInfo(self.tr(
                        "{:,} case ids appear again with other content far apart in the file: none of their rows "
                        "can be imported, so the file is read a second time (the first reading was rolled "
                        "back).").format(len(known)))
                    continue
                except AllRejected:
                    raise  # the rejects file stays: it says what to fix
                except BaseException:
                    rejects.undo()  # the old rejects file is back when the commit (or anything before) failed
                    raise
                rejects.keep()
                break
            layer_source = store.layer_source("cases")
            store_datum = store.datum()
            label = store.label
        except Cancelled:
            raise QgsProcessingException(self.tr("Cancelled; nothing was written to the store.")) from None
        except GridInputError as err:
            raise self.input_error(err) from err
        except AllRejected as stop:  # the rejects file is written all the same: it says what to fix
            self.report_parse(stop.stream, feedback)
            try:
                rejects.put_in_place()
            except OSError as err:
                rejects.undo()
                raise self.rejects_error(rejects, err) from err
            rejects.keep()
            raise QgsProcessingException(self.render(all_rejected(stop.stream.read, stop.stream.reasons,
                                                                  rejects_path))) from None
        finally:
            store.close()
        if datum.outside:  # cases outside every grid: is the coordinate system wrong? (processing.datum)
            labels = (self.tr("WGS84 (GPS)"), self.tr("GCJ-02 (Amap, Tencent)"), self.tr("BD-09 (Baidu)"))
            warn_datum(feedback, datum.guess(), self.tr("cases"), self.COORDINATES,
                       dict(zip((WGS84, GCJ02, BD09), labels)))
        self.report_parse(stream, feedback)
        unclassified = stream.unclassified
        if unclassified:
            feedback.pushInfo(self.tr(
                "{:,} cases have no class and were imported without one (class code empty, kind as given or "
                "unknown): filters by class leave them out, period reports count them as not assigned.").format(
                    unclassified))
        if stream.geocoded:
            feedback.pushInfo(self.tr("{} rows without coordinates were placed by their address.").format(
                stream.geocoded))
        if stream.swapped:
            feedback.pushWarning(self.tr(
                "{} rows look like latitude and longitude swapped; check the x/y field mapping.").format(
                    stream.swapped))
        feedback.pushInfo(self.tr("Read {}, imported {}, updated {}, unchanged {}, rejected {} (see {}).").format(
            counts.read, counts.imported, counts.updated, counts.unchanged, counts.rejected, rejects_path))
        piles = self.report_piles(counts, grids, pile_rule, feedback)
        layer_id = self.load_cases_layer(context, layer_source, store_datum)
        return {"READ_COUNT": counts.read, "IMPORTED_COUNT": counts.imported, "UPDATED_COUNT": counts.updated,
                "UNCHANGED_COUNT": counts.unchanged, "REJECTED_COUNT": counts.rejected,
                "GEOCODED_COUNT": stream.geocoded, "UNCLASSIFIED_COUNT": unclassified, **piles,
                self.REJECTS: rejects_path, "STORE_LABEL": label, self.CASES: layer_id}

    def import_pass(self, parameters, context, feedback, store, table, parser, mapping, rejects, pile_rule, known):
        """One transaction: the grids, every chunk's cases and rejected rows, the piles and the batch record;
        the rejects file swapped in before the commit (if that fails, the store rolls back)."""
        with store.transaction():
            grids = self.store_grids(store, parameters, context, feedback, write=True)
            parser.extent = self.grids_extent(grids)  # checked for coordinates in a given CRS
            if self.parameterAsBoolean(parameters, self.GEOCODE, context) and "address" in mapping:
                entries = store.read_addresses()
                if len(entries):  # rows without coordinates are placed by their address
                    parser.geocoder = Gazetteer(entries).geocoder(
                        self.parameterAsDouble(parameters, self.GEOCODE_CONFIDENCE, context))
            feedback.setProgress(20)
            locator = GridCodeLocator(grids)
            datum = DatumTally(locator.contains, self._offset)
            run = ChunkedImport(store, table, parser, locator, datum, core_progress(feedback, 20, 95), known)
            stream, upsert = run.run(rejects, self.render)
            counts = upsert.finish(ImportCounts(read=stream.read, rejected=stream.rejected),
                                   Path(self.parameterAsFile(parameters, self.INPUT, context)).name, piles=pile_rule)
            try:
                rejects.put_in_place()
            except OSError as err:
                raise self.rejects_error(rejects, err) from err
        return stream, counts, grids, datum

    def rejects_error(self, rejects: StagedFile, err: OSError) -> QgsProcessingException:
        return QgsProcessingException(self.tr(
            "The rejects file {} cannot be written ({}); nothing was imported. Close it or choose another "
            "name, and run again.").format(rejects.target, err))

    def report_parse(self, stream: CaseStream, feedback) -> None:
        """How the times were read, the unknown classes and the common reasons of the rejects, for the log."""
        for note in stream.notes:
            feedback.pushInfo(self.render(note))
        warning = unknown_classes_warning(dict(stream.unknown_classes), self._scheme_title)
        if warning is not None:
            feedback.pushWarning(self.render(warning))
        if stream.rejected:
            feedback.pushInfo(self.render(rejected_summary(stream.reasons)))

    def field_mapping(self, table: InputTable, given: dict[str, str]) -> dict[str, str]:
        """Case field -> input column; when required ones are missing and another row near the top
        names them, the error says to take that row as the header."""
        try:
            return resolve_field_map(table.fields, given)
        except GridInputError as err:
            header = getattr(getattr(table, "table", None), "header_record", 0)
            hint = header_row_hint(table.top, header, given)
            if hint is None:
                raise self.input_error(err) from err
            raise QgsProcessingException(self.render(err.message) + " " + self.tr(
                "Row {} of the file looks like the header ({}); set HEADER_ROW to {}.").format(
                    hint[0], ", ".join(hint[1]), hint[0])) from err

    def time_window(self, parameters, context) -> TimeWindow:
        """EARLIEST_YEAR to LATEST_YEAR (empty: next year), the years a case time may have."""
        earliest = self.parameterAsInt(parameters, self.EARLIEST_YEAR, context)
        latest = self.parameterAsInt(parameters, self.LATEST_YEAR, context)  # 0 when empty
        return TimeWindow(earliest, latest) if latest else TimeWindow(earliest)

    def parser(self, parameters, context, mapping, feedback) -> CaseParser:
        system = COORDINATE_SYSTEMS[self.parameterAsEnum(parameters, self.COORDINATES, context)]
        epsg = None
        if system != "crs" and self.parameterAsCrs(parameters, self.SOURCE_CRS, context).isValid():
            feedback.pushWarning(self.tr(
                "SOURCE_CRS is used only when the coordinates are in 'Another CRS' (COORDINATES 4); it is ignored "
                "now."))
        if system == "crs":
            crs = self.parameterAsCrs(parameters, self.SOURCE_CRS, context)
            if not crs.isValid():
                raise QgsProcessingException(self.tr("Coordinates in 'another CRS' need that CRS (SOURCE_CRS)."))
            epsg = crs.authid() or crs.toWkt()
        elif mapping.get("x") == GEOMETRY_X and self._layer_crs is not None:
            if system not in OFFSET_SYSTEMS:  # GCJ-02 and BD-09 points are tagged EPSG:4326: their degrees are used
                system, epsg = "crs", self._layer_crs
            elif not QgsCoordinateReferenceSystem(self._layer_crs).isGeographic():
                raise QgsProcessingException(self.tr(
                    "The layer's coordinates are projected ({}), while GCJ-02 and BD-09 are longitudes and latitudes: "
                    "convert the layer with Convert coordinates (gridplugin:convertcoordinates) first.").format(
                        self._layer_crs))
        self._offset = system if system in OFFSET_SYSTEMS else WGS84  # for the datum check of locate()
        scheme = SCHEMES[self.parameterAsEnum(parameters, self.SCHEME, context)]
        chosen = date_format(self.parameterAsString(parameters, self.DATE_FORMAT, context))
        events = ClassTable.load(scheme, resource("classes"), kind="events")
        self._scheme_title = events.scheme.title
        components = ClassTable.load(scheme, resource("classes"), kind="components")
        user_csv = self.parameterAsFile(parameters, self.USER_CLASSES, context)
        if user_csv:
            added = events.load_user_csv(user_csv)
            feedback.pushInfo(self.tr("{} classes added or overridden from {}.").format(len(added), user_csv))
        return CaseParser(mapping, zone=self.zone_name(parameters, context), system=system, epsg=epsg,
                          events=events, components=components, window=self.time_window(parameters, context),
                          date_format=chosen)

    def load_cases_layer(self, context: QgsProcessingContext, layer_source: tuple[str, str], datum: int) -> str:
        uri, provider = layer_source
        layer = QgsVectorLayer(uri, self.tr("Cases"), provider)
        if not layer.isValid():
            return ""
        if datum != STORE_SRID:  # WGS 84 degrees in a store outside China (store/schema.py)
            layer.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{datum}"))
        style_case_points(layer)
        context.temporaryLayerStore().addMapLayer(layer)
        context.addLayerToLoadOnCompletion(layer.id(), QgsProcessingContext.LayerDetails(
            self.tr("Cases"), context.project(), self.CASES))
        return layer.id()

