"""gridplugin:reversegeocode: points to their district, street, community and unit-grid codes and
the nearest standard address of the store's gazetteer, with its distance."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsWkbTypes,
)

from grid_plugin.core.addresses.addresses import NearestAddress
from grid_plugin.core.errors import GridInputError
from grid_plugin.core.geodesy import beidou
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
from grid_plugin.processing.features import write_features
from grid_plugin.processing.parameters.store import StoreParameters, grid_codes_at, store_gazetteer
from grid_plugin.store.schema import STORE_SRID
from grid_plugin.toolbelt import field_types

ADDED_FIELDS = (("district_code", field_types.STRING), ("street_code", field_types.STRING),
                ("street_name", field_types.STRING), ("community_code", field_types.STRING),
                ("community_name", field_types.STRING), ("grid_code", field_types.STRING),
                ("beidou_code", field_types.STRING), ("nearest_address", field_types.STRING),
                ("address_code", field_types.STRING), ("distance_m", field_types.DOUBLE))


class ReverseGeocodeAlgorithm(StoreParameters, GridAlgorithm):
    INPUT = "INPUT"
    MAX_DISTANCE = "MAX_DISTANCE"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "reversegeocode"

    def displayName(self) -> str:
        return self.tr("Reverse geocode points")

    def groupId(self) -> str:
        return "addresses"

    def shortHelpString(self) -> str:
        return self.tr(
            "Adds to each point the district, street, community and unit-grid codes of the grid it stands in, its "
            "BeiDou grid code (level 8) and the nearest standard address of the store's gazetteer with the ground "
            "distance to it. Addresses farther than the maximum distance are not given. Grids come from the given "
            "unit-grid layer, else from the store. The output points are in the grids' datum (CGCS2000, EPSG:4490, "
            "in China; WGS 84 elsewhere), converted from GCJ-02 or BD-09 when DATUM says so.") + datum_help()

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Points"), [QgsProcessing.SourceType.TypeVectorPoint]))
        add_datum_parameter(self)
        self.add_store_parameters()
        self.add_grid_source_parameter(self.tr("Unit grids (empty: the store's grids)"))
        self.addParameter(QgsProcessingParameterDistance(
            self.MAX_DISTANCE, self.tr("Farthest nearest address (m)"), 100.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Reverse geocoded points"), QgsProcessing.SourceType.TypeVectorPoint))
        self.addOutput(QgsProcessingOutputNumber("IN_GRID_COUNT", self.tr("Points in a unit grid")))
        self.addOutput(QgsProcessingOutputNumber("WITH_ADDRESS_COUNT", self.tr("Points with a nearest address")))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        names = source.fields().names()
        datum = datum_of(self, parameters, context)
        _fids, geometries, rows = read_in_datum(source, QgsCoordinateReferenceSystem(f"EPSG:{STORE_SRID}"), context,
                                                names, datum, feedback)
        store = self.open_case_store(parameters, context, create=False, feedback=feedback)
        try:
            entries = store_gazetteer(self, store)
            grids = self.store_grids(store, parameters, context, feedback, write=False)
        finally:
            store.close()
        present = np.array([g is not None and not g.is_empty for g in geometries], dtype=bool)
        lon = np.array([g.x if ok else np.nan for g, ok in zip(geometries, present, strict=True)], dtype=float)
        lat = np.array([g.y if ok else np.nan for g, ok in zip(geometries, present, strict=True)], dtype=float)
        feedback.setProgress(30)
        where = np.flatnonzero(present)
        located = grid_codes_at(grids, lon[where], lat[where])
        nearest, metres = NearestAddress(entries).nearest(lon[where], lat[where])
        try:
            codes = [str(c) for c in beidou.encode_many(lon[where], lat[where], 8)] if len(where) else []
        except GridInputError as err:
            raise self.input_error(err) from err
        limit = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context)
        feedback.setProgress(60)
        added = [[None] * len(ADDED_FIELDS) for _ in geometries]
        districts = located.district_codes()
        for k, i in enumerate(where.tolist()):
            close = nearest[k] >= 0 and metres[k] <= limit
            e = int(nearest[k])
            added[i] = [districts[k], located.street_codes[k], located.street_names[k], located.community_codes[k],
                        located.community_names[k], located.grid_codes[k], codes[k],
                        entries.full_addresses[e] if close else None, entries.codes[e] if close else None,
                        round(float(metres[k]), 2) if close else None]
        fields = QgsFields(source.fields())
        for name, kind in ADDED_FIELDS:
            if fields.indexOf(name) < 0:
                fields.append(QgsField(name, kind))
        positions = [fields.indexOf(name) for name, _ in ADDED_FIELDS]
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.Point,
                                          self.output_crs(grids))
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        def out_rows(start: int, stop: int):
            out = []
            for i in range(start, stop):
                row = list(rows[i]) + [None] * (fields.count() - len(names))
                for at, value in zip(positions, added[i], strict=True):
                    row[at] = value
                out.append(row)
            return out

        write_features(sink, geometries, out_rows, feedback)
        in_grid = sum(1 for code in located.grid_codes if code)
        if in_grid < len(where):
            check_datum(feedback, lon[where], lat[where], polygons_contain(grids.geometries, None), datum,
                        self.tr("points"), DATUM)
        with_address = int(np.count_nonzero((nearest >= 0) & (metres <= limit)))
        feedback.pushInfo(self.tr("{} points: {} in a unit grid, {} with an address within {} m.").format(
            len(geometries), in_grid, with_address, limit))
        return {self.OUTPUT: dest, "IN_GRID_COUNT": in_grid, "WITH_ADDRESS_COUNT": with_address}
