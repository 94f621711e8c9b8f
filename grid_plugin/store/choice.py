"""The store a user chose, as one value: a GeoPackage file (the default) or a QGIS PostgreSQL
connection with a schema. It opens the store, turns into the STORE / CONNECTION / DB_SCHEMA
parameters of the case algorithms and back, and names itself for messages; the dock, the store
picker, the settings and the algorithms all go through it, so each default lives here once.

Never a password: a PostGIS store is chosen by the name of a QGIS connection, whose credentials stay
in QGIS (or its authentication configuration).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from grid_plugin.store.base import CaseStore, StoreError, StoreFeedback

GPKG, POSTGIS = "gpkg", "postgis"
KINDS = (GPKG, POSTGIS)
DEFAULT_SCHEMA = "gridplugin"
# the parameters of the case algorithms that hold the choice
STORE, CONNECTION, DB_SCHEMA = "STORE", "CONNECTION", "DB_SCHEMA"


@dataclass(frozen=True)
class StoreChoice:
    """Where the cases live. `schema` empty or blank means DEFAULT_SCHEMA; the path and the connection
    of the kind not chosen are kept (a picker switching kinds keeps both), but only the chosen one
    counts."""

    kind: str = GPKG
    path: str = ""
    connection: str = ""
    schema: str = DEFAULT_SCHEMA

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise StoreError("Unknown store kind '{kind}'; choose gpkg (a GeoPackage file) or postgis.", kind=self.kind)
        object.__setattr__(self, "path", str(self.path or ""))
        object.__setattr__(self, "connection", (self.connection or "").strip())
        object.__setattr__(self, "schema", (self.schema or "").strip() or DEFAULT_SCHEMA)

    @classmethod
    def geopackage(cls, path: str | Path) -> StoreChoice:
        return cls(GPKG, path=str(path))

    @classmethod
    def postgis(cls, connection: str, schema: str = "") -> StoreChoice:
        return cls(POSTGIS, connection=connection, schema=schema)

    @classmethod
    def from_parameters(cls, values: Mapping[str, object]) -> StoreChoice:
        """From STORE / CONNECTION / DB_SCHEMA values: a connection chooses PostGIS (as the algorithms
        read them), else the GeoPackage file."""
        connection = str(values.get(CONNECTION) or "").strip()
        path = str(values.get(STORE) or "")
        schema = str(values.get(DB_SCHEMA) or "")
        return cls(POSTGIS if connection else GPKG, path=path, connection=connection, schema=schema)

    def parameters(self) -> dict[str, str]:
        """The STORE / CONNECTION / DB_SCHEMA parameters of the case algorithms."""
        if self.kind == POSTGIS:
            return {CONNECTION: self.connection, DB_SCHEMA: self.schema}
        return {STORE: self.path}

    def is_set(self) -> bool:
        return bool(self.connection if self.kind == POSTGIS else self.path)

    def label(self) -> str:
        """How messages name the store: the file, or 'connection / schema'."""
        return f"{self.connection} / {self.schema}" if self.kind == POSTGIS else self.path

    def open(self, create: bool = True, feedback: StoreFeedback | None = None) -> CaseStore:
        """The store (a GeoPackage file is created when `create` is on and it does not exist yet).
        `feedback` hears when the store waits for another import, and can cancel the wait. Raises
        StoreError with a message for the user."""
        if self.kind == POSTGIS:
            if not self.connection:
                raise StoreError("No PostgreSQL connection chosen for the PostGIS store; choose one of QGIS's "
                                 "PostgreSQL connections.")
            from grid_plugin.store.postgis import PostgisStore

            return PostgisStore.from_connection(self.connection, self.schema, feedback=feedback)
        if not self.path:
            raise StoreError("No store chosen: give a GeoPackage file (a new name creates one) or a PostgreSQL "
                             "connection.")
        from grid_plugin.store.gpkg import GpkgStore

        return GpkgStore(self.path, create=create, feedback=feedback)
