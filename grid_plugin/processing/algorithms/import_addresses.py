"""gridplugin:importaddresses: standard addresses (door plates, buildings, points of interest,
streets and lanes) from any point layer into the store's gazetteer, with the codes of their grid."""

from __future__ import annotations

import hashlib

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from grid_plugin.core.addresses.addresses import AddressEntries, normalise, parse
from grid_plugin.core.errors import GridInputError
from grid_plugin.core.geodesy import beidou
from grid_plugin.core.output_files import check_output_file, place_spreadsheet_csv
from grid_plugin.processing.base import GridAlgorithm
from grid_plugin.processing.datum import (
    DATUM,
    add_datum_parameter,
    check_datum,
    datum_help,
    datum_of,
    polygons_contain,
    read_in_datum,
)
from grid_plugin.processing.parameters.store import StoreParameters, grid_codes_at
from grid_plugin.store.schema import STORE_SRID

KIND_DOOR, KIND_POI = "门牌", "兴趣点"


class ImportAddressesAlgorithm(StoreParameters, GridAlgorithm):
    INPUT = "INPUT"
    ADDRESS_FIELD = "ADDRESS_FIELD"
    CODE_FIELD = "CODE_FIELD"
    KIND_FIELD = "KIND_FIELD"
    NAME_FIELD = "NAME_FIELD"
    DISTRICT_NAME = "DISTRICT_NAME"
    REJECTS = "REJECTS"

    def name(self) -> str:
        return "importaddresses"

    def displayName(self) -> str:
        return self.tr("Import standard addresses")

    def groupId(self) -> str:
        return "addresses"

    def shortHelpString(self) -> str:
        return self.tr(
            "Standard addresses (标准地址: door plates, buildings, points of interest, streets and lanes) from any "
            "point layer into the store's gazetteer, which geocoding and reverse geocoding use. Each address is "
            "read into road, door number, building, street and community; it gets the codes of the unit grid it "
            "stands in and its BeiDou grid code (level 8). Addresses are upserted by their code: a re-import "
            "updates them and keeps the others. Without a code field, a stable code is made from the community "
            "code and the normalised address text. Rows without a position or an address, and repeated codes, "
            "go to the rejects file.") + datum_help()

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Standard addresses (points)"), [QgsProcessing.SourceType.TypeVectorPoint]))
        add_datum_parameter(self)
        self.addParameter(QgsProcessingParameterField(
            self.ADDRESS_FIELD, self.tr("Full address field"), defaultValue="full_address",
            parentLayerParameterName=self.INPUT))
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, self.tr("Address code field (empty: made from the community and the address)"),
            defaultValue="address_code", parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.KIND_FIELD, self.tr("Kind field (门牌, 楼栋, 兴趣点, 街巷…; optional)"), defaultValue="kind",
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.NAME_FIELD, self.tr("Place name field (points of interest; optional)"), defaultValue="name",
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DISTRICT_NAME, self.tr("District name, when the addresses do not start with it (e.g. 东城区)"),
            optional=True))
        self.add_store_parameters()
        self.add_grid_source_parameter(self.tr("Unit grids (saved into the store; empty: the store's grids)"))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REJECTS, self.tr("Rejected addresses"), self.tr("CSV files (*.csv)"), optional=True))
        for key, text in (("READ_COUNT", self.tr("Addresses read")), ("IMPORTED_COUNT", self.tr("Addresses stored")),
                          ("REJECTED_COUNT", self.tr("Addresses rejected")),
                          ("OUTSIDE_COUNT", self.tr("Addresses outside every unit grid"))):
            self.addOutput(QgsProcessingOutputNumber(key, text))
        self.addOutput(QgsProcessingOutputString("STORE_LABEL", self.tr("Store")))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        rejects_path = self.parameterAsFileOutput(parameters, self.REJECTS, context)
        if rejects_path:
            try:
                check_output_file(rejects_path, self.REJECTS)  # before anything is written, the store included
            except GridInputError as err:
                raise self.input_error(err) from err
        fields = {key: self.parameterAsString(parameters, key, context) for key in
                  (self.ADDRESS_FIELD, self.CODE_FIELD, self.KIND_FIELD, self.NAME_FIELD)}
        names = source.fields().names()
        missing = [f for key, f in fields.items() if f and f not in names and key == self.ADDRESS_FIELD]
        if missing:
            raise QgsProcessingException(self.tr("The layer has no field {}; its fields are: {}").format(
                missing[0], ", ".join(names)))
        wanted = [f for f in fields.values() if f and f in names]
        datum = datum_of(self, parameters, context)
        fids, geometries, rows = read_in_datum(source, QgsCoordinateReferenceSystem(f"EPSG:{STORE_SRID}"), context,
                                               wanted, datum, feedback)
        feedback.setProgress(30)

        def value(row, key):
            name = fields[key]
            return row[wanted.index(name)] if name in wanted else None

        district_default = (self.parameterAsString(parameters, self.DISTRICT_NAME, context) or "").strip()
        rejects, keep, seen = [], [], {}
        for i, (fid, geometry, row) in enumerate(zip(fids, geometries, rows, strict=True)):
            text, place = _text(value(row, self.ADDRESS_FIELD)), _text(value(row, self.NAME_FIELD))
            if geometry is None or geometry.is_empty:
                rejects.append((fid, self.tr("no position (the feature has no geometry)"), text))
            elif not text and not place:
                rejects.append((fid, self.tr("no address and no place name"), text))
            else:
                keep.append(i)
        store = self.open_case_store(parameters, context, create=True, feedback=feedback)
        staged = None
        try:
            with store.transaction():  # the addresses and the rejects file commit together
                grids = self.store_grids(store, parameters, context, feedback, write=True)
                lon = np.array([geometries[i].x for i in keep], dtype=float)
                lat = np.array([geometries[i].y for i in keep], dtype=float)
                located = grid_codes_at(grids, lon, lat)
                entries = AddressEntries.empty()
                chosen = []
                for k, i in enumerate(keep):
                    text = _text(value(rows[i], self.ADDRESS_FIELD))
                    place = _text(value(rows[i], self.NAME_FIELD))
                    parts = parse(text or place)
                    code = _text(value(rows[i], self.CODE_FIELD)) or _made_code(
                        located.community_codes[k], normalise(text or place)[0])
                    if code in seen:
                        rejects.append((fids[i], self.tr("address code {} repeats feature {}").format(
                            code, seen[code]), text))
                        continue
                    seen[code] = fids[i]
                    kind = _text(value(rows[i], self.KIND_FIELD)) or (KIND_DOOR if parts.number is not None
                                                                       else KIND_POI)
                    _append(entries, code, kind, place or (parts.rest if not parts.road else None), text,
                            parts.road or None, parts.number, parts.building or None,
                            parts.district or district_default or None,
                            parts.street or located.street_names[k], parts.community or located.community_names[k],
                            located.grid_codes[k], located.street_codes[k], located.community_codes[k])
                    chosen.append(k)
                entries.lon, entries.lat = lon[chosen], lat[chosen]
                try:
                    entries.beidou_codes = [str(c) for c in beidou.encode_many(entries.lon, entries.lat, 8)]
                except GridInputError as err:
                    raise self.input_error(err) from err
                feedback.setProgress(70)
                store.write_addresses(entries)
                if rejects_path:
                    staged = place_spreadsheet_csv(rejects_path, ["feature_id", "reason", "address"],
                                                   sorted(rejects, key=lambda r: r[0]))
            label = store.label
        except BaseException:
            if staged is not None:
                staged.undo()
            raise
        finally:
            store.close()
        if staged is not None:
            staged.keep()
        outside = sum(1 for code in entries.grid_codes if code is None)
        if outside:
            check_datum(feedback, entries.lon, entries.lat, polygons_contain(grids.geometries, None), datum,
                        self.tr("addresses"), DATUM)
        feedback.pushInfo(self.tr(
            "{} addresses read, {} stored in {}, {} rejected, {} outside every unit grid.").format(
            len(fids), len(entries), label, len(rejects), outside))
        return {"READ_COUNT": len(fids), "IMPORTED_COUNT": len(entries), "REJECTED_COUNT": len(rejects),
                "OUTSIDE_COUNT": outside, "STORE_LABEL": label, self.REJECTS: rejects_path}


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _made_code(community_code: str | None, normalised: str) -> str:
    """Community code (or 12 zeros outside the grids) + 9 digits from the normalised address:
    the same address always gets the same code, so a re-import updates instead of duplicating."""
    digest = int(hashlib.sha1(normalised.encode("utf-8")).hexdigest(), 16) % 10**9
    return f"{community_code or '0' * 12}{digest:09d}"


def _append(entries: AddressEntries, code, kind, name, full, road, number, building, district, street, community,
            grid, street_code, community_code) -> None:
    for column, item in ((entries.codes, code), (entries.kinds, kind), (entries.names, name),
                         (entries.full_addresses, full or None), (entries.roads, road), (entries.numbers, number),
                         (entries.buildings, building), (entries.districts, district),
                         (entries.street_names, street), (entries.community_names, community),
                         (entries.grid_codes, grid), (entries.street_codes, street_code),
                         (entries.community_codes, community_code), (entries.beidou_codes, None)):
        column.append(item)
