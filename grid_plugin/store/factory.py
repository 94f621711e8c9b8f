"""Open the store a user chose: a GeoPackage file (default) or a QGIS PostgreSQL connection."""

from __future__ import annotations

from pathlib import Path

from grid_plugin.store.base import CaseStore, StoreError, StoreFeedback
from grid_plugin.store.gpkg import GpkgStore


def open_store(gpkg_path: str | Path | None = None, connection: str | None = None, schema: str = "",
               create: bool = True, feedback: StoreFeedback | None = None) -> CaseStore:
    """The PostGIS store of QGIS connection `connection` when given, else the GeoPackage store.
    `feedback` hears when the store waits for another import, and can cancel the wait."""
    if connection:
        from grid_plugin.store.postgis import DEFAULT_SCHEMA, PostgisStore

        return PostgisStore.from_connection(connection, schema or DEFAULT_SCHEMA, feedback=feedback)
    if not gpkg_path:
        raise StoreError("No store chosen: give a GeoPackage file (a new name creates one) or a PostgreSQL connection.")
    return GpkgStore(gpkg_path, create=create, feedback=feedback)
