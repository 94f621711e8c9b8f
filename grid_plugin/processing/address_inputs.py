"""What the address algorithms share: the store's gazetteer and grids, and the codes of the unit
grid each point stands in (importaddresses, geocodeaddresses, reversegeocode)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from qgis.core import QgsProcessingException

from grid_plugin.core.addresses.addresses import AddressEntries
from grid_plugin.core.cases.point_location import PointLocator
from grid_plugin.store.base import CaseStore, StoredGrids


@dataclass
class GridCodes:
    """Codes and names of the grid each point stands in (None outside every grid)."""

    grid_codes: list[str | None]
    street_codes: list[str | None]
    street_names: list[str | None]
    community_codes: list[str | None]
    community_names: list[str | None]

    def district_codes(self) -> list[str | None]:
        return [code[:6] if code else None for code in self.grid_codes]


def grid_codes_at(grids: StoredGrids, lon: np.ndarray, lat: np.ndarray) -> GridCodes:
    """Point in polygon through the raster locator, EPSG:4490 on both sides; ties go to the lowest code."""
    if not len(grids) or not len(lon):
        empty = [None] * len(lon)
        return GridCodes(empty, empty, empty, empty, empty)
    codes = np.asarray(grids.grid_codes, dtype=object)
    priority = np.argsort(np.argsort(codes.astype(str), kind="stable"))
    index = PointLocator(grids.geometries, priority).locate(np.asarray(lon, float), np.asarray(lat, float)).tolist()

    def pick(values):
        padded = [*values, None]
        return [padded[g] for g in index]

    return GridCodes(pick(grids.grid_codes), pick(grids.street_codes), pick(grids.street_names),
                     pick(grids.community_codes), pick(grids.community_names))


def store_gazetteer(algorithm, store: CaseStore) -> AddressEntries:
    entries = store.read_addresses()
    if not len(entries):
        raise QgsProcessingException(algorithm.tr(
            "The store {} has no standard addresses yet; import them first with Import standard addresses "
            "(importaddresses).").format(store.label))
    return entries
