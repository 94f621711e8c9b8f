"""The embedded store: one GeoPackage file, written through sqlite3.

sqlite3 rather than OGR because the import needs what OGR's feature API does not give: an upsert
on the case id, one transaction around a whole batch and set-based aggregation. The file stays
a standard GeoPackage (application id, gpkg_contents, gpkg_geometry_columns, R-tree extension),
so QGIS, GDAL and any GIS open its layers.

The R-tree triggers of the GeoPackage spec call ST_IsEmpty/ST_MinX/...; GDAL defines them in its
own connections, and this module defines them in its own, so writes from either side keep the
spatial index right.
"""

from __future__ import annotations

import sqlite3
import struct
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pyproj
import shapely

from grid_plugin.core.addresses import AddressEntries
from grid_plugin.core.cases import ALL_CASES, CaseFilter, CaseRecords
from grid_plugin.core.piles import PositionCounts
from grid_plugin.core.progress import Progress
from grid_plugin.store import gpkg_piles
from grid_plugin.store.base import (
    CaseStore,
    ImportCounts,
    StoredComponents,
    StoredGrids,
    StoreError,
    StoreFeedback,
    chunks,
    grids_datum,
    refuse_nul_in_addresses,
    refuse_nul_in_components,
    refuse_nul_in_grids,
    refuse_nul_in_values,
    utc_now,
)
from grid_plugin.store.gpkg_access import busy_writing, is_busy, wait_while_busy
from grid_plugin.store.gpkg_rtree import bulk_load_rtree
from grid_plugin.store.names import quote_sqlite as q
from grid_plugin.store.names import sqlite_names
from grid_plugin.store.schema import (
    ADDRESSES,
    CASE_COLUMNS,
    CASE_INDEXES,
    COMPONENTS,
    DATUM_KEY,
    MIGRATIONS,
    SCHEMA_VERSION,
    STORE_SRID,
    UNIT_GRIDS,
    Column,
    Migration,
    Table,
)

_APPLICATION_ID = 0x47504B47  # "GPKG"
_USER_VERSION = 10300  # GeoPackage 1.3
_TYPES = {"text": "TEXT", "datetime": "DATETIME", "date": "DATE", "real": "REAL", "integer": "INTEGER"}
_META = "store_meta"
_POINT_BLOB = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs_id", "<i4"),
                        ("byte_order", "u1"), ("wkb_type", "<u4"), ("x", "<f8"), ("y", "<f8")])
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
BUSY_TIMEOUT_S = 60.0  # how long a write waits for another writer of the file (gpkg_access.py)

_CORE_DDL = (
    """CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
        organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
        description TEXT)""",
    """CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
        identifier TEXT UNIQUE, description TEXT DEFAULT '',
        last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
        CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""",
    """CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
        geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
        CONSTRAINT uk_gc_table_name UNIQUE (table_name),
        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
        CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""",
    """CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,
        definition TEXT NOT NULL, scope TEXT NOT NULL,
        CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))""",
)


class GpkgStore(CaseStore):
    """A case store in a GeoPackage file; created (with the current schema) when missing."""

    placeholder = "?"

    def __init__(self, path: str | Path, create: bool = True, feedback: StoreFeedback | None = None):
        """Open (or create) the store. Opening reads only: the write lock is taken when the file
        is new or needs migrating, so opening does not wait for an import (gpkg_access.py)."""
        self.path = Path(path)
        self.label = str(self.path)
        self.feedback = feedback or StoreFeedback()
        self.timeout = BUSY_TIMEOUT_S
        existed = self.path.exists() and self.path.stat().st_size > 0
        if not existed and not create:
            raise StoreError("GeoPackage store {path} does not exist; run the case import first.", path=str(path))
        self._depth = 0
        try:
            self.conn = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False,
                                        timeout=self.timeout)
        except sqlite3.DatabaseError as err:
            raise StoreError("{path} cannot be opened as a GeoPackage: {error}", path=str(path),
                             error=str(err)) from err
        try:
            self._open(existed)
        except BaseException:
            self.conn.close()
            self.conn = None  # type: ignore[assignment]
            raise

    def _open(self, existed: bool) -> None:
        def up_to_date() -> bool:
            if not existed:
                return False
            if self.conn.execute("PRAGMA application_id").fetchone()[0] != _APPLICATION_ID:
                raise StoreError("{path} is not a GeoPackage; choose a .gpkg file (a new name creates a store).",
                                 path=str(self.path))
            if not self._has_table("gpkg_contents") or self.schema_version() < SCHEMA_VERSION:
                return False
            self.check_version()
            return True

        try:
            self.conn.execute("PRAGMA cache_size = -262144")  # 256 MiB: index builds of a 1 M batch stay in memory
            register_functions(self.conn)
            if wait_while_busy(self.conn, up_to_date, self.label, self.timeout, self.feedback, writing=False):
                return
        except sqlite3.DatabaseError as err:
            raise StoreError("{path} cannot be opened as a GeoPackage: {error}", path=str(self.path),
                             error=str(err)) from err
        with self.transaction():
            if not self._has_table("gpkg_contents"):
                self._create_geopackage()
            self.check_version()
            self._migrate()

    # ---- lifecycle ------------------------------------------------------------------------------------
    def close(self) -> None:
        if getattr(self, "conn", None) is not None:
            self.conn.close()
            self.conn = None  # type: ignore[assignment]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        # Nested use joins the outer transaction. BEGIN IMMEDIATE takes the write lock at once, so a
        # concurrent writer waits at the start (gpkg_access.py) instead of failing halfway.
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        wait_while_busy(self.conn, lambda: self.conn.execute("BEGIN IMMEDIATE"), self.label, self.timeout,
                        self.feedback, writing=True)
        self._depth = 1
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException as error:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if is_busy(error):  # a lock this write needed on the way (to spill its cache or commit)
                raise busy_writing(self.label, self.timeout) from error
            raise
        finally:
            self._depth = 0

    def schema_version(self) -> int:
        if not self._has_table(_META):
            return 0
        row = self.conn.execute(f"SELECT value FROM {q(_META)} WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def write_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute(f"INSERT OR REPLACE INTO {q(_META)} (key, value) VALUES (?, ?)", (key, value))

    # ---- schema -----------------------------------------------------------------------------------------
    def _has_table(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                 (name,)).fetchone() is not None

    def _create_geopackage(self) -> None:
        create_geopackage(self.conn)
        self._create_table(Table(_META, "", (Column("key", "text", not_null=True, unique=True),
                                             Column("value", "text"))))

    def _migrate(self) -> None:
        version = self.schema_version()
        if version == 0:
            taken = [t.name for m in MIGRATIONS for t in m.create if self._has_table(t.name)]
            if taken:
                raise StoreError("{path} already holds the table(s) {tables}, not made by the case store; choose a "
                                 "new file for the store.", path=str(self.path), tables=", ".join(taken))
        for migration in MIGRATIONS:
            if migration.version > version:
                self._apply(migration)
                self.conn.execute(f"INSERT OR REPLACE INTO {q(_META)} (key, value) VALUES ('schema_version', ?)",
                                  (str(migration.version),))

    def _apply(self, migration: Migration) -> None:
        for table in migration.create:
            self._create_table(table)
        for table_name, column in migration.add_columns:
            self.conn.execute(f"ALTER TABLE {q(table_name)} ADD COLUMN {_column_ddl(column, allow_unique=False)}")
        # migration.byte_order needs nothing here: SQLite's default collation (BINARY) is byte order
        for name in migration.drop_indexes:
            self.conn.execute(f"DROP INDEX IF EXISTS {q(name)}")
        for index in migration.indexes:
            self.conn.execute(f"CREATE INDEX IF NOT EXISTS {q(index.name)} ON {q(index.table)} "
                              f"({sqlite_names(index.columns)})")

    def _create_table(self, table: Table) -> None:
        create_table(self.conn, table.name, table.geometry_type, STORE_SRID,
                     [_column_ddl(column) for column in table.columns])

    # ---- grids ----------------------------------------------------------------------------------------------
    def write_grids(self, grids: StoredGrids) -> None:
        refuse_nul_in_grids(grids)
        geometries = shapely.force_2d(grids.geometries)
        multi = np.array([g if g.geom_type == "MultiPolygon" else shapely.multipolygons([g]) for g in geometries],
                         dtype=object)
        blobs = encode_geometries(multi)
        rows = zip(blobs, grids.grid_codes, grids.street_codes, grids.street_names, grids.community_codes,
                   grids.community_names, (float(a) for a in grids.area_m2), strict=True)
        with self.transaction():
            self.conn.execute('DELETE FROM "unit_grids"')
            names = sqlite_names(UNIT_GRIDS.column_names())
            self.conn.executemany(f'INSERT INTO "unit_grids" ("geom", {names}) VALUES (?, ?, ?, ?, ?, ?, ?)', rows)
            self._update_extent("unit_grids", shapely.total_bounds(multi) if len(multi) else None)
            self.write_meta(DATUM_KEY, f"EPSG:{grids_datum(grids)}")

    def read_grids(self) -> StoredGrids:
        names = UNIT_GRIDS.column_names()
        rows = self.query(f'SELECT "geom", {sqlite_names(names)} FROM "unit_grids" ORDER BY "grid_code"')
        columns = list(zip(*rows, strict=True)) if rows else [[] for _ in range(len(names) + 1)]
        return StoredGrids(list(columns[1]), list(columns[2]), list(columns[3]), list(columns[4]), list(columns[5]),
                           np.asarray(columns[6], dtype=float), decode_geometries(columns[0]))

    def write_components(self, components: StoredComponents) -> None:
        refuse_nul_in_components(components)
        geometries = shapely.force_2d(components.geometries)
        names = COMPONENTS.column_names()
        with self.transaction():
            self.conn.execute('DELETE FROM "components"')
            self.conn.executemany(
                f'INSERT INTO "components" ("geom", {sqlite_names(names)}) '
                f'VALUES ({", ".join("?" * (len(names) + 1))})',
                [(blob, *row) for blob, row in zip(encode_geometries(geometries), components.rows(), strict=True)])
            self._update_extent("components", shapely.total_bounds(geometries) if len(geometries) else None)

    def read_components(self) -> StoredComponents:
        names = COMPONENTS.column_names()
        rows = self.query(f'SELECT "geom", {sqlite_names(names)} FROM "components" ORDER BY "component_id"')
        return _components(rows, len(names), decode_geometries)

    def write_addresses(self, entries: AddressEntries) -> None:
        names = ADDRESSES.column_names()
        refuse_nul_in_addresses(entries)
        with self.transaction():
            self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS new_codes (code TEXT PRIMARY KEY) WITHOUT ROWID")
            self.conn.execute("DELETE FROM new_codes")
            self.conn.executemany("INSERT OR IGNORE INTO new_codes VALUES (?)", ((c,) for c in entries.codes))
            self.conn.execute('DELETE FROM "addresses" WHERE "address_code" IN (SELECT code FROM new_codes)')
            self.conn.execute("DELETE FROM new_codes")
            self.conn.executemany(
                f'INSERT INTO "addresses" ("geom", {sqlite_names(names)}) VALUES ({", ".join("?" * (len(names) + 1))})',
                [(blob, *row) for blob, row in zip(encode_points(entries.lon, entries.lat), entries.rows(),
                                                   strict=True)])
            bounds = self.conn.execute('SELECT MIN(minx), MIN(miny), MAX(maxx), MAX(maxy) '
                                       'FROM "rtree_addresses_geom"').fetchone()
            self._update_extent("addresses", np.array(bounds, dtype=float) if bounds[0] is not None else None)

    def read_addresses(self) -> AddressEntries:
        names = ADDRESSES.column_names()
        rows = self.query(f'SELECT "geom", {sqlite_names(names)} FROM "addresses" ORDER BY "address_code"')
        return _addresses(rows, len(names), decode_points)

    def _update_extent(self, table: str, bounds: np.ndarray | None) -> None:
        """Refresh what readers cache about a table: GDAL's feature count and the layer extent."""
        self.conn.execute(f"UPDATE gpkg_ogr_contents SET feature_count = (SELECT COUNT(*) FROM {q(table)}) "
                          "WHERE table_name = ?", (table,))
        if bounds is None or not np.isfinite(bounds).all():
            return
        self.conn.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
                          "last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = ?",
                          (*map(float, bounds), table))

    # ---- cases ----------------------------------------------------------------------------------------------
    def existing_hashes(self, case_ids: Sequence[str]) -> dict[str, str]:
        if not case_ids:
            return {}
        if self.conn.execute('SELECT NOT EXISTS (SELECT 1 FROM "cases")').fetchone()[0]:
            return {}
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted_ids (case_id TEXT PRIMARY KEY) WITHOUT ROWID")
        self.conn.execute("DELETE FROM wanted_ids")
        self.conn.executemany("INSERT OR IGNORE INTO wanted_ids VALUES (?)", ((i,) for i in case_ids))
        rows = self.conn.execute('SELECT c."case_id", c."content_hash" FROM "cases" c JOIN wanted_ids w '
                                 'ON c."case_id" = w.case_id').fetchall()
        self.conn.execute("DELETE FROM wanted_ids")
        return dict(rows)

    def write_cases(self, new: CaseRecords, changed: CaseRecords, batch_id: int, progress: Progress) -> None:
        """Insert new cases in case-id order and update changed ones.

        The R-tree is filled in one pass afterwards instead of by the per-row triggers (each
        trigger row calls back into Python four times), and a batch that is large against the
        table rebuilds the query indexes instead of updating them row by row. The triggers and
        indexes are dropped and made again inside the caller's transaction, so a failure restores
        them with everything else."""
        total = len(new) + len(changed)
        if not total:
            return
        held = self.conn.execute('SELECT COUNT(*) FROM "cases"').fetchone()[0]
        rebuild = total >= max(20_000, held // 5)
        triggers = [(name, sql) for name, sql in _rtree_triggers("cases", "rtree_cases_geom")
                    if name.endswith(("_insert", "_update1", "_update3"))]
        for name, _sql in triggers:
            self.conn.execute(f"DROP TRIGGER {q(name)}")
        if rebuild:
            for index in CASE_INDEXES:
                self.conn.execute(f"DROP INDEX IF EXISTS {q(index.name)}")
        # AUTOINCREMENT numbers the inserted rows on from the sequence, in insertion order
        first_new_fid = self._sequence() + 1
        new = new.take(np.argsort(np.asarray(new.case_ids, dtype=object), kind="stable"))
        changed = changed.take(np.argsort(np.asarray(changed.case_ids, dtype=object), kind="stable"))
        steps = total + total // 4
        self._write_rows(new, changed, batch_id, progress, steps)
        if self._sequence() != first_new_fid + len(new) - 1:
            raise StoreError("The case table of {path} changed during the import; run it again.", path=str(self.path))
        if rebuild:
            self._rebuild_rtree(new, first_new_fid)
        else:
            self._add_to_rtree(new, changed, first_new_fid)
        for _name, sql in triggers:
            self.conn.execute(sql)
        if rebuild:
            progress.step(total, steps)
            for index in CASE_INDEXES:
                self.conn.execute(f'CREATE INDEX {q(index.name)} ON "cases" ({sqlite_names(index.columns)})')
        bounds = self.conn.execute('SELECT MIN(minx), MIN(miny), MAX(maxx), MAX(maxy) FROM "rtree_cases_geom"')
        self._update_extent("cases", np.array(bounds.fetchone(), dtype=float))
        progress.step(steps, steps)

    def _write_rows(self, new: CaseRecords, changed: CaseRecords, batch_id: int, progress: Progress,
                    steps: int) -> None:
        names = [c for c in CASE_COLUMNS if c != "batch_id"]
        insert = (f'INSERT INTO "cases" ("geom", {sqlite_names(names)}, "batch_id") '
                  f"VALUES ({', '.join('?' * (len(names) + 2))})")
        update = (f'UPDATE "cases" SET "geom" = ?, {", ".join(f"{q(c)} = ?" for c in names[1:])}, "batch_id" = ? '
                  'WHERE "case_id" = ?')
        done = 0
        for records, sql in ((new, insert), (changed, update)):
            blobs = encode_points(records.lon, records.lat)
            columns = [records.values[name] for name in names]
            for start, end in chunks(len(records), 50_000):
                progress.step(done + start, steps)
                values = [column[start:end] for column in columns]
                batch = [batch_id] * (end - start)
                if sql is update:  # case_id goes last, into the WHERE
                    rows = zip(blobs[start:end], *values[1:], batch, values[0], strict=True)
                else:
                    rows = zip(blobs[start:end], *values, batch, strict=True)
                self.conn.executemany(sql, rows)
            done += len(records)

    def _rebuild_rtree(self, new: CaseRecords, first_new_fid: int) -> None:
        """Bulk-load the whole R-tree: the rows held before are read back, this batch's are known."""
        held_rows = self.conn.execute('SELECT "fid", "geom" FROM "cases" WHERE "fid" < ? ORDER BY "fid"',
                                      (first_new_fid,)).fetchall()
        held_x, held_y = decode_points([row[1] for row in held_rows])
        fids = np.r_[np.array([row[0] for row in held_rows], dtype=np.int64),
                     np.arange(first_new_fid, first_new_fid + len(new), dtype=np.int64)]
        del held_rows
        x, y = np.r_[held_x, new.lon], np.r_[held_y, new.lat]
        bulk_load_rtree(self.conn, "rtree_cases_geom", fids, x, x, y, y)

    def _add_to_rtree(self, new: CaseRecords, changed: CaseRecords, first_new_fid: int) -> None:
        lon, lat = new.lon.tolist(), new.lat.tolist()
        boxes = [(first_new_fid + i, lon[i], lon[i], lat[i], lat[i]) for i in range(len(new))]
        lon, lat = changed.lon.tolist(), changed.lat.tolist()
        for i, case_id in enumerate(changed.case_ids):
            fid = self.conn.execute('SELECT "fid" FROM "cases" WHERE "case_id" = ?', (case_id,)).fetchone()[0]
            boxes.append((fid, lon[i], lon[i], lat[i], lat[i]))
        self.conn.executemany('INSERT OR REPLACE INTO "rtree_cases_geom" VALUES (?, ?, ?, ?, ?)', boxes)

    def _sequence(self) -> int:
        """The last fid AUTOINCREMENT gave out in the case table (0 before the first)."""
        row = self.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'cases'").fetchone()
        return int(row[0]) if row else 0

    def position_counts(self, min_cases: int) -> PositionCounts:
        return gpkg_piles.position_counts(self.conn, min_cases, decode_points)

    def flag_piles(self, tokens: Sequence[Sequence]) -> int:
        return gpkg_piles.flag_piles(self.conn, tokens, decode_points)

    def next_batch_id(self) -> int:
        return int(self.conn.execute('SELECT COALESCE(MAX("batch_id"), 0) + 1 FROM "import_batches"').fetchone()[0])

    def record_batch(self, source_name: str, counts: ImportCounts) -> int:
        refuse_nul_in_values([source_name])
        batch_id = self.next_batch_id()
        self.conn.execute(
            'INSERT INTO "import_batches" ("batch_id", "source_name", "started_at", "read_count", "imported_count", '
            '"updated_count", "unchanged_count", "rejected_count") VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            (batch_id, source_name, utc_now(), counts.read, counts.imported, counts.updated, counts.unchanged,
             counts.rejected))
        return batch_id

    def query(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        """A read; outside a transaction it waits while another import holds the file (gpkg_access.py)."""
        refuse_nul_in_values(params)
        if self._depth:  # this store holds the write lock: nothing to wait for
            return self.conn.execute(sql, tuple(params)).fetchall()
        return wait_while_busy(self.conn, lambda: self.conn.execute(sql, tuple(params)).fetchall(), self.label,
                               self.timeout, self.feedback, writing=False)

    def case_points(self, case_filter: CaseFilter = ALL_CASES) -> tuple[np.ndarray, np.ndarray]:
        where, params = self.where(case_filter)
        blobs = [row[0] for row in self.query(f'SELECT "geom" FROM "cases"{where}', params)]
        return decode_points(blobs)

    def layer_source(self, table: str) -> tuple[str, str]:
        return f"{self.path}|layername={table}", "ogr"


def _addresses(rows: list[tuple], columns: int, decode_points) -> AddressEntries:
    if not rows:
        return AddressEntries.empty()
    lists = list(zip(*rows, strict=True))
    lon, lat = decode_points(list(lists[0]))
    return AddressEntries(*(list(c) for c in lists[1:columns + 1]), np.asarray(lon, dtype=float),
                          np.asarray(lat, dtype=float))


def _components(rows: list[tuple], columns: int, decode) -> StoredComponents:
    lists = list(zip(*rows, strict=True)) if rows else [[] for _ in range(columns + 1)]
    return StoredComponents(*(list(c) for c in lists[1:]), decode(list(lists[0])))


# ---- GeoPackage structure (shared with store/gpkg_files.py) --------------------------------------------------
def create_geopackage(conn: sqlite3.Connection) -> None:
    """The GeoPackage core tables with the required and the usual SRSs, in an empty database."""
    conn.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {_USER_VERSION}")
    for ddl in _CORE_DDL:
        conn.execute(ddl)
    srs = [
        ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
        ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
        ("WGS 84 geodetic", 4326, "EPSG", 4326, pyproj.CRS.from_epsg(4326).to_wkt("WKT1_GDAL"),
         "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
        ("China Geodetic Coordinate System 2000", STORE_SRID, "EPSG", STORE_SRID,
         pyproj.CRS.from_epsg(STORE_SRID).to_wkt("WKT1_GDAL"), "CGCS2000"),
    ]
    conn.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", srs)
    # GDAL's feature-count cache; without it GDAL 3.6 counts a filtered layer wrongly
    conn.execute("CREATE TABLE gpkg_ogr_contents (table_name TEXT NOT NULL PRIMARY KEY, "
                 "feature_count INTEGER DEFAULT NULL)")


def create_table(conn: sqlite3.Connection, name: str, geometry_type: str, srs_id: int, columns: list[str],
                 triggers: bool = True) -> None:
    """A feature table (or an attribute table when geometry_type is empty) registered in the
    GeoPackage, with its R-tree and, unless `triggers` is off (bulk writers add them after
    loading the R-tree themselves), the spec's R-tree triggers."""
    if geometry_type and not (geometry_type.isascii() and geometry_type.isalpha()):
        raise ValueError(f"not a GeoPackage geometry type: {geometry_type!r}")
    ddl = ['"fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL']
    if geometry_type:
        ddl.append(f'"geom" {geometry_type}')
    conn.execute(f"CREATE TABLE {q(name)} ({', '.join(ddl + columns)})")
    conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES (?, ?, ?, ?)",
                 (name, "features" if geometry_type else "attributes", name, srs_id if geometry_type else None))
    conn.execute("INSERT INTO gpkg_ogr_contents (table_name, feature_count) VALUES (?, 0)", (name,))
    if not geometry_type:
        return
    conn.execute("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)", (name, geometry_type, srs_id))
    conn.execute(f"CREATE VIRTUAL TABLE {q(f'rtree_{name}_geom')} USING rtree(id, minx, maxx, miny, maxy)")
    if triggers:
        add_rtree_triggers(conn, name)
    conn.execute("INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', "
                 "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')", (name,))


def add_rtree_triggers(conn: sqlite3.Connection, name: str) -> None:
    for _trigger, sql in _rtree_triggers(name, f"rtree_{name}_geom"):
        conn.execute(sql)


# ---- GeoPackage geometry blobs -----------------------------------------------------------------------------
def encode_points(x: np.ndarray, y: np.ndarray, srs_id: int = STORE_SRID) -> list[bytes]:
    """GeoPackage blobs of 2D points (little endian, no envelope, as GDAL writes points)."""
    packed = np.empty(len(x), dtype=_POINT_BLOB)
    packed["magic"], packed["version"], packed["flags"], packed["srs_id"] = b"GP", 0, 1, srs_id
    packed["byte_order"], packed["wkb_type"], packed["x"], packed["y"] = 1, 1, x, y
    raw, size = packed.tobytes(), _POINT_BLOB.itemsize
    return [raw[i:i + size] for i in range(0, len(raw), size)]


def decode_points(blobs: Sequence[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """x and y of GeoPackage point blobs; a vectorised path for the plain 29-byte form."""
    if not blobs:
        return np.empty(0), np.empty(0)
    if all(len(b) == _POINT_BLOB.itemsize for b in blobs):
        packed = np.frombuffer(b"".join(blobs), dtype=_POINT_BLOB)
        if (packed["byte_order"] == 1).all() and (packed["wkb_type"] == 1).all():
            return packed["x"].astype(float), packed["y"].astype(float)
    geometries = decode_geometries(blobs)
    return shapely.get_x(geometries), shapely.get_y(geometries)


def encode_geometries(geometries: np.ndarray, srs_id: int = STORE_SRID, declared: str = "") -> list[bytes]:
    """GeoPackage blobs with an xy envelope (what readers use to skip geometries cheaply).

    With `declared` MULTIPOLYGON, MULTILINESTRING or MULTIPOINT, single parts are written as
    one-part multi-geometries, as the column declares: their WKB with the multi header in front,
    which costs nothing next to making shapely multi-geometries first."""
    wkb = shapely.to_wkb(geometries, byte_order=1, output_dimension=2)
    if declared in _MULTI_HEADERS:
        single, prefix = _MULTI_HEADERS[declared]
        lone = np.flatnonzero(shapely.get_type_id(geometries) == single)
        wkb[lone] = [prefix + w for w in wkb[lone]]
    bounds = shapely.bounds(geometries)
    header = np.zeros(len(wkb), dtype=_GPKG_HEADER)  # all headers at once, then one slice each
    header["magic"], header["flags"], header["srs_id"] = b"GP", 3, srs_id
    header["envelope"] = bounds[:, [0, 2, 1, 3]]  # minx, maxx, miny, maxy
    raw, size = header.tobytes(), _GPKG_HEADER.itemsize
    return [raw[at:at + size] + w for at, w in zip(range(0, len(raw), size), wkb, strict=True)]


# multi type -> (type id of its single part, little-endian WKB header of a one-part multi-geometry)
_MULTI_HEADERS = {name: (single, b"\x01" + multi.to_bytes(4, "little") + (1).to_bytes(4, "little"))
                  for name, single, multi in (("MULTIPOINT", 0, 4), ("MULTILINESTRING", 1, 5), ("MULTIPOLYGON", 3, 6))}

# "GP", version 0, flags: little-endian with an xy envelope (3), SRS id, envelope
_GPKG_HEADER = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs_id", "<i4"),
                         ("envelope", "<f8", (4,))])


def decode_geometries(blobs: Sequence[bytes]) -> np.ndarray:
    wkb = [blob[8 + _ENVELOPE_BYTES[(blob[3] >> 1) & 7]:] for blob in blobs]
    return shapely.from_wkb(wkb) if wkb else np.empty(0, dtype=object)


def _envelope(blob: bytes | None) -> tuple[float, float, float, float] | None:
    """(minx, maxx, miny, maxy) of a blob, None when empty or missing."""
    if blob is None or len(blob) < 8:
        return None
    flags = blob[3]
    if flags & 0x10:  # the empty-geometry flag
        return None
    envelope = (flags >> 1) & 7
    order = "<" if flags & 1 else ">"
    if envelope:
        return struct.unpack_from(order + "4d", blob, 8)
    start = 8
    wkb_order = "<" if blob[start] == 1 else ">"
    if struct.unpack_from(wkb_order + "I", blob, start + 1)[0] == 1:
        x, y = struct.unpack_from(wkb_order + "2d", blob, start + 5)
        return x, x, y, y
    minx, miny, maxx, maxy = shapely.from_wkb(blob[start:]).bounds
    return minx, maxx, miny, maxy


def register_functions(conn: sqlite3.Connection) -> None:
    """ST_IsEmpty, ST_MinX, ... for the R-tree triggers, in this connection."""
    last: list = [None, None]

    def envelope(blob: bytes | None):  # the triggers call four functions on the same blob in a row
        if blob != last[0]:
            last[0], last[1] = blob, _envelope(blob)
        return last[1]

    def part(index: int):
        def value(blob: bytes | None) -> float | None:
            found = envelope(blob)
            return None if found is None else found[index]
        return value

    conn.create_function("ST_IsEmpty", 1, lambda blob: int(envelope(blob) is None), deterministic=True)
    for index, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
        conn.create_function(name, 1, part(index), deterministic=True)


def _column_ddl(column: Column, allow_unique: bool = True) -> str:
    text = f"{q(column.name)} {_TYPES[column.kind]}"
    if column.not_null:
        text += " NOT NULL"
    if column.unique and allow_unique:
        text += " UNIQUE"
    if column.default is not None:
        text += " DEFAULT '" + column.default.replace("'", "''") + "'"
    return text


def _rtree_triggers(table: str, rtree: str) -> list[tuple[str, str]]:
    """(name, CREATE TRIGGER statement) of the R-tree triggers of the GeoPackage 1.3 spec (extension F.3)."""
    values = '(NEW."fid", ST_MinX(NEW."geom"), ST_MaxX(NEW."geom"), ST_MinY(NEW."geom"), ST_MaxY(NEW."geom"))'
    t, r = q(table), q(rtree)
    bodies = {
        "insert": f'AFTER INSERT ON {t} WHEN (new."geom" NOT NULL AND NOT ST_IsEmpty(NEW."geom")) '
                  f"BEGIN INSERT OR REPLACE INTO {r} VALUES {values}; END",
        "update1": f'AFTER UPDATE OF "geom" ON {t} WHEN OLD."fid" = NEW."fid" AND '
                   f'(NEW."geom" NOTNULL AND NOT ST_IsEmpty(NEW."geom")) BEGIN INSERT OR REPLACE INTO {r} VALUES '
                   f"{values}; END",
        "update2": f'AFTER UPDATE OF "geom" ON {t} WHEN OLD."fid" = NEW."fid" AND '
                   f'(NEW."geom" ISNULL OR ST_IsEmpty(NEW."geom")) BEGIN DELETE FROM {r} WHERE id = OLD."fid"; END',
        "update3": f'AFTER UPDATE ON {t} WHEN OLD."fid" != NEW."fid" AND '
                   f'(NEW."geom" NOTNULL AND NOT ST_IsEmpty(NEW."geom")) BEGIN DELETE FROM {r} WHERE id = OLD."fid"; '
                   f"INSERT OR REPLACE INTO {r} VALUES {values}; END",
        "update4": f'AFTER UPDATE ON {t} WHEN OLD."fid" != NEW."fid" AND '
                   f'(NEW."geom" ISNULL OR ST_IsEmpty(NEW."geom")) BEGIN DELETE FROM {r} WHERE id IN (OLD."fid", '
                   'NEW."fid"); END',
        "delete": f'AFTER DELETE ON {t} WHEN old."geom" NOT NULL BEGIN DELETE FROM {r} WHERE id = OLD."fid"; END',
    }
    return [(f"{rtree}_{event}", f"CREATE TRIGGER {q(f'{rtree}_{event}')} {body}") for event, body in bodies.items()]
