"""gridplugin:geocodeaddresses: Chinese addresses from a table to points, through the store's
gazetteer, with the grid, community and street codes and the BeiDou code of each match."""

from __future__ import annotations

import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from grid_plugin.core.addresses.addresses import AMBIGUOUS, MATCHED, Gazetteer, note_message
from grid_plugin.core.errors import Cancelled, GridInputError
from grid_plugin.core.geodesy import beidou
from grid_plugin.core.output_files import check_output_file, write_spreadsheet_csv
from grid_plugin.processing.base import GridAlgorithm, core_progress
from grid_plugin.processing.features import write_features
from grid_plugin.processing.parameters.store import StoreParameters, store_gazetteer
from grid_plugin.processing.parameters.tables import GEOMETRY_X, GEOMETRY_Y, add_table_parameters, table_from_parameters
from grid_plugin.toolbelt import field_types

MATCH_FIELDS = ("gc_status", "gc_score", "gc_level", "gc_address", "gc_code", "gc_notes", "grid_code",
                "street_code", "community_code", "beidou_code")


class GeocodeAddressesAlgorithm(StoreParameters, GridAlgorithm):
    INPUT = "INPUT"
    LAYER = "LAYER"
    ENCODING = "ENCODING"
    ADDRESS_FIELD = "ADDRESS_FIELD"
    MIN_CONFIDENCE = "MIN_CONFIDENCE"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def name(self) -> str:
        return "geocodeaddresses"

    def displayName(self) -> str:
        return self.tr("Geocode addresses")

    def groupId(self) -> str:
        return "addresses"

    def shortHelpString(self) -> str:
        return self.tr(
            "Places the addresses of a table (CSV, XLSX or any layer) on the map through the store's gazetteer "
            "of standard addresses. Addresses are normalised (full-width digits and letters, Chinese numerals, "
            "号/号院/号楼, 路/街/大街/胡同/巷 variants, traditional characters, missing district prefixes) and "
            "read into district, street, community, road, door number, building, unit and room. They are matched "
            "exactly, then by a similar road or place name, with a confidence from 0 to 1; a door number missing "
            "from the gazetteer takes the nearest plate on the same side at a lower confidence. Matched rows "
            "become points with the grid, community and street codes and the BeiDou code of the matched entry. "
            "Unmatched rows and ambiguous ones (several entries fit equally well) are listed in the report with "
            "their candidates.")

    def initAlgorithm(self, config=None):
        add_table_parameters(self, self.tr("Addresses file (CSV, XLSX, GeoPackage, Shapefile, ...)"))
        self.addParameter(QgsProcessingParameterString(
            self.ADDRESS_FIELD, self.tr("Address field"), defaultValue="address"))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_CONFIDENCE, self.tr("Lowest confidence accepted as a match (0–1)"),
            QgsProcessingParameterNumber.Type.Double, 0.6, minValue=0.0, maxValue=1.0))
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Geocoded addresses"), QgsProcessing.SourceType.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, self.tr("Unmatched and ambiguous addresses (CSV)"), self.tr("CSV files (*.csv)")))
        for key, text in (("MATCHED_COUNT", self.tr("Addresses matched")),
                          ("AMBIGUOUS_COUNT", self.tr("Addresses ambiguous")),
                          ("UNMATCHED_COUNT", self.tr("Addresses not matched"))):
            self.addOutput(QgsProcessingOutputNumber(key, text))

    def process(self, parameters, context, feedback):
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        try:
            check_output_file(report, self.REPORT)  # before the matching's work
        except GridInputError as err:
            raise self.input_error(err) from err
        table = table_from_parameters(self, parameters, context)
        address_field = self.parameterAsString(parameters, self.ADDRESS_FIELD, context)
        if address_field not in table.fields:
            raise QgsProcessingException(self.tr("The table has no field {}; its fields are: {}").format(
                address_field, ", ".join(table.fields)))
        input_fields = [f for f in table.fields if f not in (GEOMETRY_X, GEOMETRY_Y) and f not in MATCH_FIELDS]
        columns, numbers = table.load_columns(input_fields, [])
        store = self.open_case_store(parameters, context, create=False, feedback=feedback)
        try:
            entries = store_gazetteer(self, store)
            datum = store.datum()
        finally:
            store.close()
        gazetteer = Gazetteer(entries, self.parameterAsDouble(parameters, self.MIN_CONFIDENCE, context))
        feedback.setProgress(10)
        try:
            matches = gazetteer.match_many(columns[address_field], core_progress(feedback, 10, 80))
        except Cancelled:
            raise QgsProcessingException(self.tr("Cancelled.")) from None
        fields = QgsFields()
        for name in input_fields:
            fields.append(QgsField(name, field_types.STRING))
        for name in MATCH_FIELDS:
            fields.append(QgsField(name, field_types.DOUBLE if name == "gc_score" else field_types.STRING))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.Point,
                                          QgsCoordinateReferenceSystem(f"EPSG:{datum}"))
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        matched = [i for i, m in enumerate(matches) if m.status == MATCHED]
        at = [matches[i].entry for i in matched]
        points = shapely.points(entries.lon[at], entries.lat[at]) if matched else []
        codes = self.beidou_codes(entries)

        def rows(start: int, stop: int):
            out = []
            for i in matched[start:stop]:
                m, e = matches[i], matches[i].entry
                notes = "; ".join(self.render(note_message(n)) for n in m.notes)
                out.append([_text(columns[name][i]) for name in input_fields] + [
                    m.status, m.confidence, m.level, entries.full_addresses[e], entries.codes[e], notes,
                    entries.grid_codes[e], entries.street_codes[e], entries.community_codes[e], codes[e]])
            return out

        write_features(sink, points, rows, feedback)
        self.write_report(report, matches, columns[address_field], numbers, entries)
        counts = {status: sum(1 for m in matches if m.status == status) for status in (MATCHED, AMBIGUOUS)}
        unmatched = len(matches) - counts[MATCHED] - counts[AMBIGUOUS]
        feedback.pushInfo(self.tr("{} addresses: {} matched, {} ambiguous, {} not matched (see {}).").format(
            len(matches), counts[MATCHED], counts[AMBIGUOUS], unmatched, report))
        return {self.OUTPUT: dest, self.REPORT: report, "MATCHED_COUNT": counts[MATCHED],
                "AMBIGUOUS_COUNT": counts[AMBIGUOUS], "UNMATCHED_COUNT": unmatched}

    def beidou_codes(self, entries) -> list[str]:
        """The gazetteer's BeiDou codes (level 8), computed for entries stored without one."""
        if all(entries.beidou_codes):
            return list(entries.beidou_codes)
        try:
            return [str(c) for c in beidou.encode_many(entries.lon, entries.lat, 8)]
        except GridInputError as err:
            raise self.input_error(err) from err

    def write_report(self, path: str, matches, addresses, numbers, entries) -> None:
        status_names = {AMBIGUOUS: self.tr("ambiguous"), "unmatched": self.tr("not matched")}

        def rows():
            for number, address, m in zip(numbers, addresses, matches, strict=True):
                if m.status == MATCHED:
                    continue
                candidates = " | ".join(f"{entries.full_addresses[c]} ({entries.codes[c]})" for c in m.candidates[:5])
                yield [int(number), address, status_names.get(m.status, m.status), m.confidence,
                       "; ".join(self.render(note_message(n)) for n in m.notes), candidates]

        write_spreadsheet_csv(path, ["row", "address", "status", "confidence", "notes", "candidates"], rows())


def _text(value: object) -> str | None:
    return None if value is None else str(value)
