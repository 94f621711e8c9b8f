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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

from grid_plugin.core.addresses.addresses import AddressEntries
from grid_plugin.core.cases.evaluation import Period, UnitCounts
from grid_plugin.core.cases.months import Month
from grid_plugin.core.cases.piles import PositionCounts
from grid_plugin.core.cases.records import ALL_CASES, CaseFilter, CaseRecords
from grid_plugin.core.progress import Progress
from grid_plugin.io.geopackage import (
    APPLICATION_ID,
    chunks,
    create_geopackage,
    create_table,
    decode_geometries,
    decode_points,
    encode_geometries,
    encode_points,
    register_functions,
    rtree_triggers,
)
from grid_plugin.io.gpkg_rtree import PointBoxes, bulk_load_points
from grid_plugin.io.names import quote_sqlite as q
from grid_plugin.io.names import sqlite_names
from grid_plugin.store import gpkg_archive, gpkg_evaluation, gpkg_piles
from grid_plugin.store.base import (
    CaseStore,
    ImportCounts,
    StoredComponents,
    StoredGrids,
    StoreError,
    StoreFeedback,
    grids_datum,
    refuse_nul_in_addresses,
    refuse_nul_in_components,
    refuse_nul_in_grids,
    refuse_nul_in_values,
    utc_now,
)
from grid_plugin.store.gpkg_access import busy_writing, is_busy, wait_while_busy
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

_TYPES = {"text": "TEXT", "datetime": "DATETIME", "date": "DATE", "real": "REAL", "integer": "INTEGER"}
_META = "store_meta"
BUSY_TIMEOUT_S = 60.0  # how long a write waits for another writer of the file (gpkg_access.py)
CACHE_KIB = 262_144  # SQLite's page cache: 256 MiB for reads
# ... and for an import (begin_cases to its commit), whose memory stays bounded: its index builds spill to
# temporary files, and at 1 M cases it takes as long with 32 MiB as with 256 MiB
IMPORT_CACHE_KIB = 32_768
# the R-tree of a large import is bulk-loaded (io.gpkg_rtree: the points in files, 4 bytes a point and 8 a row
# held before in memory) up to this many points in the table; beyond, each chunk's boxes go into it one by one
BULK_RTREE_POINTS = 12_000_000

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
        self._bulk: _CaseBulk | None = None  # an import between begin_cases and end_cases
        self._import_cache = False  # the page cache is an import's until its transaction ends
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
            if self.conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise StoreError("{path} is not a GeoPackage; choose a .gpkg file (a new name creates a store).",
                                 path=str(self.path))
            if not self._has_table("gpkg_contents") or self.schema_version() < SCHEMA_VERSION:
                return False
            self.check_version()
            return True

        try:
            self.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
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
            self._bulk = None
            if self._import_cache:  # the cache of an import in chunks (begin_cases) lasts to its end
                self._import_cache = False
                self.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")

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

    def begin_cases(self, expected: int) -> None:
        """The R-tree triggers are dropped (each trigger row calls back into Python four times) and the
        boxes written once at the end; an import large against the table also drops the query indexes and
        bulk-loads the whole R-tree at the end (end_cases), rather than updating them row by row. All
        inside the caller's transaction, so a failure restores them with everything else."""
        self.conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
        self._import_cache = True
        held = self.conn.execute('SELECT COUNT(*) FROM "cases"').fetchone()[0]
        rebuild = expected >= max(20_000, held // 5)
        bulk_rtree = rebuild and held + expected <= BULK_RTREE_POINTS
        triggers = [(name, sql) for name, sql in rtree_triggers("cases", "rtree_cases_geom")
                    if name.endswith(("_insert", "_update1", "_update3"))]
        for name, _sql in triggers:
            self.conn.execute(f"DROP TRIGGER {q(name)}")
        if rebuild:
            for index in CASE_INDEXES:
                self.conn.execute(f"DROP INDEX IF EXISTS {q(index.name)}")
        # AUTOINCREMENT numbers the new rows on from the sequence
        boxes = PointBoxes(self._sequence() + 1) if bulk_rtree else None
        self._bulk = _CaseBulk(triggers, rebuild, boxes)

    def write_cases(self, new: CaseRecords, changed: CaseRecords, batch_id: int, progress: Progress) -> None:
        """Insert new cases in case-id order and update changed ones (within begin_cases/end_cases, or
        as a batch of its own)."""
        alone = self._bulk is None
        if alone:
            self.begin_cases(len(new) + len(changed))
        bulk = self._bulk
        total = len(new) + len(changed)
        if total:
            first_new_fid = self._sequence() + 1
            new = new.take(np.argsort(np.asarray(new.case_ids, dtype=object), kind="stable"))
            changed = changed.take(np.argsort(np.asarray(changed.case_ids, dtype=object), kind="stable"))
            self._write_rows(new, changed, batch_id, progress, total)
            if self._sequence() != first_new_fid + len(new) - 1:
                raise StoreError("The case table of {path} changed during the import; run it again.",
                                 path=str(self.path))
            if bulk.boxes is not None:
                bulk.boxes.add(new.lon, new.lat)
            else:
                self._add_to_rtree(new, changed, first_new_fid)
        if alone:
            self.end_cases()
        progress.step(total, total)

    def end_cases(self) -> None:
        bulk, self._bulk = self._bulk, None
        if bulk is None:
            return
        if bulk.boxes is not None:
            self._rebuild_rtree(bulk.boxes)
        if bulk.indexes:
            for index in CASE_INDEXES:
                self.conn.execute(f'CREATE INDEX IF NOT EXISTS {q(index.name)} ON "cases" '
                                  f"({sqlite_names(index.columns)})")
        for _name, sql in bulk.triggers:
            self.conn.execute(sql)
        bounds = self.conn.execute('SELECT MIN(minx), MIN(miny), MAX(maxx), MAX(maxy) FROM "rtree_cases_geom"')
        self._update_extent("cases", np.array(bounds.fetchone(), dtype=float))

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

    def _rebuild_rtree(self, boxes: PointBoxes) -> None:
        """Bulk-load the whole R-tree: this batch's new points are known, the rows held before (changed
        ones included) are read back in blocks."""
        cursor = self.conn.execute('SELECT "fid", "geom" FROM "cases" WHERE "fid" < ? ORDER BY "fid"',
                                   (boxes.first_new,))
        while rows := cursor.fetchmany(100_000):
            boxes.add_held(np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows)),
                           *decode_points([row[1] for row in rows]))
        bulk_load_points(self.conn, "rtree_cases_geom", boxes)

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

    def evaluation_counts(self, level: str, periods: Sequence[Period]) -> list[dict[str, UnitCounts]]:
        return gpkg_evaluation.evaluation_counts(self, level, periods)

    def read_case_records(self, end: str, after: str | None, limit: int) -> CaseRecords:
        return gpkg_archive.read_case_records(self, end, after, limit)  # store/archive.py

    def remove_before(self, month: Month, keep: bool) -> int:
        return gpkg_archive.remove_before(self, month, keep)

    def layer_source(self, table: str) -> tuple[str, str]:
        return f"{self.path}|layername={table}", "ogr"


@dataclass
class _CaseBulk:
    """What begin_cases set aside for end_cases: the R-tree triggers (SQL to make them again), whether the
    query indexes were dropped, and the new points of a bulk-loaded R-tree (None: boxes written per chunk)."""

    triggers: list[tuple[str, str]]
    indexes: bool
    boxes: PointBoxes | None


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


def _column_ddl(column: Column, allow_unique: bool = True) -> str:
    text = f"{q(column.name)} {_TYPES[column.kind]}"
    if column.not_null:
        text += " NOT NULL"
    if column.unique and allow_unique:
        text += " UNIQUE"
    if column.default is not None:
        text += " DEFAULT '" + column.default.replace("'", "''") + "'"
    return text

