"""The server store: a schema in a PostGIS database, for shared and large deployments.

The database is reached through a QGIS connection chosen by name (postgis_connection.py), and no
credential is ever written into a project, a parameter or a log line. psycopg2 carries the SQL,
always with parameters and every name quoted, and COPY carries bulk data.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import contextmanager

import numpy as np
import psycopg2
import psycopg2.errors
import shapely
from psycopg2 import sql as pgsql

from grid_plugin.core.addresses.addresses import AddressEntries
from grid_plugin.core.cases.evaluation import Period, UnitCounts
from grid_plugin.core.cases.months import Month
from grid_plugin.core.cases.piles import PositionCounts
from grid_plugin.core.cases.records import ALL_CASES, CaseFilter, CaseRecords
from grid_plugin.core.errors import message
from grid_plugin.core.progress import Progress
from grid_plugin.io.geopackage import chunks
from grid_plugin.io.names import check_pg_identifier, check_schema_name
from grid_plugin.store import postgis_cases, postgis_evaluation, postgis_piles
from grid_plugin.store import postgis_partitions as partitions
from grid_plugin.store.archive import month_zone
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
from grid_plugin.store.choice import DEFAULT_SCHEMA
from grid_plugin.store.postgis_connection import connection_lost, connection_parameters, is_lost, refused
from grid_plugin.store.postgis_copy import csv_stream, hex_ewkb_points
from grid_plugin.store.schema import (
    ADDRESSES,
    CASE_COLUMNS,
    COMPONENTS,
    DATUM_KEY,
    MIGRATIONS,
    STORE_SRID,
    UNIT_GRIDS,
    Column,
    Migration,
    Table,
)

_TYPES = {"text": "text", "datetime": "timestamptz", "date": "date", "real": "double precision",
          "integer": "bigint"}
_META = "store_meta"
_ISO_UTC = "YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\""  # the form of core.cases.times.UTC_FORMAT


class _Name(pgsql.Identifier):
    """An identifier in a statement run with parameters. psycopg2 reads every % of such a statement
    as a parameter marker, its own Identifier included, so a % in a name (a schema 'cases_100%')
    is doubled here; every statement of the store runs with parameters (an empty tuple at least),
    so psycopg2 always turns %% back into %. COPY statements are not interpolated: they use
    pgsql.Identifier (_copy_target)."""

    def as_string(self, context) -> str:
        return super().as_string(context).replace("%", "%%")


class PostgisStore(CaseStore):
    """A case store in schema `schema` of a PostGIS database (created and migrated on open).

    Names: the schema is checked (names.check_schema_name) and every name is quoted by psycopg2;
    values always travel as parameters. Errors: a psycopg2 error inside a transaction becomes a
    StoreError saying what was lost (postgis_connection.py): nothing, since the transaction is rolled
    back, or everything when the connection itself was lost."""

    placeholder = "%s"

    def __init__(self, parameters: dict[str, str], schema: str = DEFAULT_SCHEMA, label: str = "",
                 layer_uri: str = "", feedback: StoreFeedback | None = None):
        self.schema = check_schema_name(DEFAULT_SCHEMA if schema is None or schema == "" else schema)
        self.label = label or f"PostGIS {parameters.get('dbname', '')}.{self.schema}"
        self.feedback = feedback or StoreFeedback()
        self._layer_uri = layer_uri
        self._user, self._password = parameters.get("user", ""), parameters.get("password", "")
        try:
            self.conn = psycopg2.connect(connect_timeout=10, application_name="grid_plugin", **parameters)
        except psycopg2.Error as err:
            # the driver's message names host and user, never the password
            raise StoreError("Cannot connect to {store}: {error}", store=self.label,
                             error=str(err).strip()) from err
        self._depth = 0
        self._importing = False
        self._staged: dict[int, str] = {}  # months this import COPied into tables of their own (end_cases)
        try:
            with self.transaction():
                cursor = self._run("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")
                if cursor.fetchone() is None:
                    raise StoreError("Database of {store} has no PostGIS; run CREATE EXTENSION postgis as its owner.",
                                     store=self.label)
                self._run(pgsql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(_Name(self.schema)))
                self._run(pgsql.SQL("CREATE TABLE IF NOT EXISTS {} (key text PRIMARY KEY, value text)").format(
                    self._ident(_META)))
                # one migrator at a time, even when two QGIS instances open a new store together
                self._run(pgsql.SQL("LOCK TABLE {} IN EXCLUSIVE MODE").format(self._ident(_META)))
                self.check_version()
                self._migrate()
                self._partitioned = partitions.is_partitioned(self)  # False: a version < 7 (tests make them)
                self._zone = month_zone(self)
        except BaseException:
            self.close()
            raise

    @classmethod
    def from_connection(cls, name: str, schema: str = DEFAULT_SCHEMA,
                        feedback: StoreFeedback | None = None) -> PostgisStore:
        parameters, layer_uri = connection_parameters(name)
        return cls(parameters, schema, label=f"PostGIS '{name}' ({schema or DEFAULT_SCHEMA})", layer_uri=layer_uri,
                   feedback=feedback)

    # ---- lifecycle -----------------------------------------------------------------------------------
    def close(self) -> None:
        if getattr(self, "conn", None) is not None:
            self.conn.close()
            self.conn = None  # type: ignore[assignment]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth, self._importing = 1, False
        try:
            yield
            self.end_cases()  # months staged by an import that did not attach them: never left behind
            self.conn.commit()
        except psycopg2.Error as error:
            lost = self._rollback() or is_lost(self.conn, error)
            raise (connection_lost(self.label, error, self._importing) if lost
                   else refused(self.label, error, self._importing)) from error
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0
            self._staged.clear()  # a rollback dropped them; a commit attached them

    def _rollback(self) -> bool:
        """Roll back; True when the connection is gone (the server has dropped the transaction)."""
        if self.conn.closed:
            return True
        try:
            self.conn.rollback()
        except psycopg2.Error:
            return True
        return False

    def _run(self, statement: str | pgsql.Composable, params: Sequence[object] = ()):
        """Execute with parameters, always (see _Name); returns the cursor."""
        cursor = self.conn.cursor()
        cursor.execute(statement, tuple(params))
        return cursor

    def _ident(self, table: str) -> pgsql.Composed:
        """The qualified name of a store table (or index) for statements run with _run or query."""
        return pgsql.SQL("{}.{}").format(_Name(self.schema), _Name(check_pg_identifier(table)))

    def _name(self, name: str) -> pgsql.Composable:
        """An unqualified name (a constraint, a table renamed in place) for statements run with _run."""
        return _Name(check_pg_identifier(name))

    def _copy_target(self, table: str) -> pgsql.Identifier:
        """The qualified name for COPY, which psycopg2 sends as it is (no %% to undo)."""
        return pgsql.Identifier(self.schema, check_pg_identifier(table))

    def _regclass(self, table: str) -> str:
        """The quoted, qualified name as a value for %s::regclass."""
        return pgsql.Identifier(self.schema, table).as_string(self.conn)

    def table(self, name: str) -> str:
        """The quoted, qualified name for SQL run through query() (which always interpolates)."""
        return self._ident(name).as_string(self.conn)

    def schema_version(self) -> int:
        rows = self.query(f"SELECT value FROM {self.table(_META)} WHERE key = 'schema_version'")
        return int(rows[0][0]) if rows else 0

    def write_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self._run(pgsql.SQL("INSERT INTO {} (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET "
                                "value = excluded.value").format(self._ident(_META)), (key, value))

    def downgrade(self, version: int) -> None:
        """Take a version 7 store back to `version` 6, for a plugin of that version (postgis_partitions.py);
        opening it with this plugin again partitions it again."""
        partitions.downgrade(self, version)
        self._partitioned = False

    # ---- schema ------------------------------------------------------------------------------------------
    def _migrate(self) -> None:
        version = self.schema_version()
        if version == 0:  # a schema the store has never written: its table names must be free
            names = [*(table.name for migration in MIGRATIONS for table in migration.create), partitions.KEYS]
            taken = [row[0] for row in self.query(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = %s AND c.relname = ANY(%s) ORDER BY c.relname", (self.schema, names))]
            if taken:
                raise StoreError("Schema {schema} of {store} already holds the table(s) {tables}, not made by the case "
                                 "store; choose another schema for the store.", schema=self.schema, store=self.label,
                                 tables=", ".join(taken))
        for migration in MIGRATIONS:
            if migration.version > version:
                self._apply(migration)
                self._run(pgsql.SQL("INSERT INTO {} (key, value) VALUES ('schema_version', %s) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value").format(
                    self._ident(_META)), (str(migration.version),))

    def _apply(self, migration: Migration) -> None:
        if migration.partition_cases:
            partitions.partition(self)
        for table in migration.create:
            self._create_table(table)
        for table_name, column in migration.add_columns:
            self._run(pgsql.SQL("ALTER TABLE {} ADD COLUMN {}").format(
                self._ident(table_name), _column_ddl(column, allow_unique=False)))
        for table_name, columns in migration.byte_order:
            self._run(pgsql.SQL("ALTER TABLE {} {}").format(self._ident(table_name), pgsql.SQL(", ").join(
                pgsql.SQL('ALTER COLUMN {} TYPE text COLLATE "C"').format(pgsql.Identifier(c)) for c in columns)))
        for name in migration.drop_indexes:
            self._run(pgsql.SQL("DROP INDEX IF EXISTS {}").format(self._ident(name)))
        for index in migration.indexes:
            self._run(pgsql.SQL("CREATE INDEX IF NOT EXISTS {} ON {} ({})").format(
                pgsql.Identifier(check_pg_identifier(index.name)), self._ident(index.table), _names(index.columns)))

    def _create_table(self, table: Table) -> None:
        columns = [pgsql.SQL("fid bigserial PRIMARY KEY")]
        if table.geometry_type:
            columns.append(pgsql.SQL(f"geom geometry({table.geometry_type}, {STORE_SRID})"))
        columns += [_column_ddl(column) for column in table.columns]
        self._run(pgsql.SQL("CREATE TABLE {} ({})").format(self._ident(table.name), pgsql.SQL(", ").join(columns)))
        if table.geometry_type:
            self._run(pgsql.SQL("CREATE INDEX {} ON {} USING gist (geom)").format(
                pgsql.Identifier(check_pg_identifier(f"{table.name}_geom_idx")), self._ident(table.name)))

    # ---- grids --------------------------------------------------------------------------------------------
    def write_grids(self, grids: StoredGrids) -> None:
        refuse_nul_in_grids(grids)
        geometries = shapely.force_2d(grids.geometries)
        wkb = shapely.to_wkb(geometries, hex=True, byte_order=1)
        names = UNIT_GRIDS.column_names()
        with self.transaction():
            self._run(pgsql.SQL("DELETE FROM {}").format(self._ident("unit_grids")))
            statement = pgsql.SQL("INSERT INTO {} (geom, {}) VALUES (ST_Multi(ST_GeomFromWKB(decode(%s, 'hex'), "
                                  f"{STORE_SRID})), %s, %s, %s, %s, %s, %s)").format(
                self._ident("unit_grids"), _names(names))
            rows = zip(wkb, grids.grid_codes, grids.street_codes, grids.street_names, grids.community_codes,
                       grids.community_names, (float(a) for a in grids.area_m2), strict=True)
            self.conn.cursor().executemany(statement, list(rows))
            self.write_meta(DATUM_KEY, f"EPSG:{grids_datum(grids)}")

    def write_components(self, components: StoredComponents) -> None:
        refuse_nul_in_components(components)
        wkb = shapely.to_wkb(shapely.force_2d(components.geometries), hex=True, byte_order=1)
        names = COMPONENTS.column_names()
        with self.transaction():
            self._run(pgsql.SQL("DELETE FROM {}").format(self._ident("components")))
            statement = pgsql.SQL(f"INSERT INTO {{}} (geom, {{}}) VALUES (ST_GeomFromWKB(decode(%s, 'hex'), "
                                  f"{STORE_SRID}), {', '.join(['%s'] * len(names))})").format(
                self._ident("components"), _names(names))
            self.conn.cursor().executemany(statement, [(w, *row) for w, row in zip(wkb, components.rows(),
                                                                                   strict=True)])

    def read_components(self) -> StoredComponents:
        names = COMPONENTS.column_names()
        rows = self.query(pgsql.SQL("SELECT ST_AsBinary(geom), {} FROM {} ORDER BY component_id").format(
            _names(names), self._ident("components")).as_string(self.conn))
        lists = list(zip(*rows, strict=True)) if rows else [[] for _ in range(len(names) + 1)]
        geometries = shapely.from_wkb([bytes(b) for b in lists[0]]) if rows else np.empty(0, dtype=object)
        return StoredComponents(*(list(c) for c in lists[1:]), geometries)

    def write_addresses(self, entries: AddressEntries) -> None:
        refuse_nul_in_addresses(entries)
        names = ADDRESSES.column_names()
        with self.transaction():
            self._run(pgsql.SQL("CREATE TEMP TABLE IF NOT EXISTS address_staging (LIKE {} INCLUDING DEFAULTS) "
                                "ON COMMIT DROP").format(self._ident("addresses")))
            cursor = self._run("TRUNCATE address_staging")
            copy = pgsql.SQL("COPY address_staging ({}, geom) FROM STDIN WITH (FORMAT csv)").format(
                _names(names)).as_string(self.conn)
            rows = entries.rows()
            for start, end in chunks(len(entries), 100_000):
                where = hex_ewkb_points(entries.lon[start:end], entries.lat[start:end])
                cursor.copy_expert(copy, csv_stream((*row, w) for row, w in zip(rows[start:end], where,
                                                                                   strict=True)))
            self._run(pgsql.SQL("DELETE FROM {} a USING address_staging s "
                                "WHERE a.address_code = s.address_code").format(self._ident("addresses")))
            self._run(pgsql.SQL("INSERT INTO {} ({}, geom) SELECT {}, geom FROM address_staging").format(
                self._ident("addresses"), _names(names), _names(names)))

    def read_addresses(self) -> AddressEntries:
        names = ADDRESSES.column_names()
        rows = self.query(pgsql.SQL("SELECT {}, ST_X(geom), ST_Y(geom) FROM {} ORDER BY address_code").format(
            _names(names), self._ident("addresses")).as_string(self.conn))
        if not rows:
            return AddressEntries.empty()
        lists = list(zip(*rows, strict=True))
        return AddressEntries(*(list(c) for c in lists[:len(names)]), np.asarray(lists[-2], dtype=float),
                              np.asarray(lists[-1], dtype=float))

    def read_grids(self) -> StoredGrids:
        names = UNIT_GRIDS.column_names()
        rows = self.query(pgsql.SQL("SELECT ST_AsBinary(geom), {} FROM {} ORDER BY grid_code").format(
            _names(names), self._ident("unit_grids")).as_string(self.conn))
        columns = list(zip(*rows, strict=True)) if rows else [[] for _ in range(len(names) + 1)]
        geometries = shapely.from_wkb([bytes(b) for b in columns[0]]) if rows else np.empty(0, dtype=object)
        return StoredGrids(list(columns[1]), list(columns[2]), list(columns[3]), list(columns[4]), list(columns[5]),
                           np.asarray(columns[6], dtype=float), geometries)

    # ---- cases ---------------------------------------------------------------------------------------------
    def begin_import(self) -> None:
        # Imports take turns (readers never wait): batch ids stay unique and two imports of the
        # same case ids cannot interleave their upserts. A turn that has to wait says so first.
        self._importing = True
        lock = pgsql.SQL("LOCK TABLE {} IN SHARE ROW EXCLUSIVE MODE").format(self._ident("import_batches"))
        self._run("SAVEPOINT grid_plugin_turn")
        try:
            self._run(lock + pgsql.SQL(" NOWAIT"))
        except psycopg2.errors.LockNotAvailable:
            self._run("ROLLBACK TO SAVEPOINT grid_plugin_turn")
            self.feedback.notify(message("Waiting for another import into {store} to finish...", store=self.label))
            self._run(lock)
        self._run("RELEASE SAVEPOINT grid_plugin_turn")

    def existing_hashes(self, case_ids: Sequence[str]) -> dict[str, str]:
        return postgis_cases.existing_hashes(self, case_ids)

    def write_cases(self, new: CaseRecords, changed: CaseRecords, batch_id: int, progress: Progress) -> None:
        postgis_cases.write_cases(self, new, changed, batch_id, progress)

    def end_cases(self) -> None:
        """Attach the months the import staged (begin_cases is the base's: no index is set aside, so that
        readers never wait for an import)."""
        postgis_cases.end_cases(self)

    # ---- archiving old months (store/archive.py) ------------------------------------------------------------
    keeps_months = True  # a month taken out can stay as a table of its own

    def read_case_records(self, end: str, after: str | None, limit: int) -> CaseRecords:
        return postgis_cases.read_case_records(self, end, after, limit)

    def remove_before(self, month: Month, keep: bool) -> int:
        return partitions.remove_before(self, month, keep)

    @staticmethod
    def written() -> tuple[str, ...]:
        """The case columns an import writes, in the order it sends them (batch_id last)."""
        return (*(c for c in CASE_COLUMNS if c != "batch_id"), "batch_id")

    def _copy(self, copy: str, records: CaseRecords, batch_id: int, progress: Progress, done: int, total: int,
              point: bool) -> None:
        """COPY the records (columns self.written()) in chunks. The server ingests one chunk
        while this thread writes the next one's CSV, so the two overlap (1 M cases: 4.4 s instead of
        6.7 s). Only the copying thread touches the connection until it is done."""
        cursor = self.conn.cursor()
        columns = [records.values[name] for name in self.written()[:-1]]
        lon, lat = records.lon.tolist(), records.lat.tolist()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="grid_plugin_copy") as copier:
            pending = None
            try:
                for start, end in chunks(len(records), _COPY_ROWS):
                    if point:
                        where = hex_ewkb_points(records.lon[start:end], records.lat[start:end])
                        rows = zip(*(column[start:end] for column in columns), [batch_id] * (end - start), where,
                                   strict=True)
                    else:
                        rows = zip(*(column[start:end] for column in columns), [batch_id] * (end - start),
                                   lon[start:end], lat[start:end], strict=True)
                    stream = csv_stream(rows)
                    if pending is not None:
                        pending.result()  # the server's error, if any, surfaces here
                    progress.step(done + start, total)  # a cancel raises here, between chunks
                    pending = copier.submit(cursor.copy_expert, copy, stream, _COPY_BLOCK)
                if pending is not None:
                    pending.result()
            finally:
                if pending is not None:
                    wait([pending])  # a cancel or failure waits for the chunk in flight before rolling back

    def position_counts(self, min_cases: int) -> PositionCounts:
        return postgis_piles.position_counts(self, min_cases)

    def flag_piles(self, tokens: Sequence[Sequence]) -> int:
        return postgis_piles.flag_piles(self, tokens)

    def next_batch_id(self) -> int:
        return int(self.query(f"SELECT COALESCE(MAX(batch_id), 0) + 1 FROM {self.table('import_batches')}")[0][0])

    def record_batch(self, source_name: str, counts: ImportCounts) -> int:
        refuse_nul_in_values([source_name])
        batch_id = self.next_batch_id()
        self._run(
            pgsql.SQL("INSERT INTO {} (batch_id, source_name, started_at, read_count, imported_count, updated_count, "
                      "unchanged_count, rejected_count) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)").format(
                self._ident("import_batches")),
            (batch_id, source_name, utc_now(), counts.read, counts.imported, counts.updated, counts.unchanged,
             counts.rejected))
        return batch_id

    def query(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        refuse_nul_in_values(params)
        try:
            rows = self._run(sql, params).fetchall()
            if not self._depth:
                self.conn.commit()  # end the read's transaction so concurrent writers never wait on it
        except psycopg2.Error as error:
            if self._depth:
                raise  # transaction() rolls back and says what was lost
            lost = self._rollback() or is_lost(self.conn, error)
            if lost:
                raise connection_lost(self.label, error, None) from error
            raise
        return rows

    def text_of(self, column: str) -> str:
        if column.endswith("_at") or column == "deadline":
            return f"to_char(\"{column}\" AT TIME ZONE 'UTC', '{_ISO_UTC}')"
        return f'"{column}"'

    def hour_of(self, column: str) -> str:
        return f"to_char(\"{column}\" AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24')"

    def case_points(self, case_filter: CaseFilter = ALL_CASES) -> tuple[np.ndarray, np.ndarray]:
        where, params = self.where(case_filter)
        rows = self.query(f'SELECT ST_X("geom"), ST_Y("geom") FROM {self.table("cases")}{where}', params)
        if not rows:
            return np.empty(0), np.empty(0)
        array = np.asarray(rows, dtype=float)
        return array[:, 0].copy(), array[:, 1].copy()

    def evaluation_counts(self, level: str, periods: Sequence[Period]) -> list[dict[str, UnitCounts]]:
        return postgis_evaluation.evaluation_counts(self, level, periods)

    def layer_source(self, table: str) -> tuple[str, str]:
        """The layer URI carries no password: an authcfg connection keeps its authcfg, and for a
        connection with a stored password the password goes into QGIS's in-memory credential
        cache for this connection (what QGIS itself asks the user for), never into the URI."""
        from qgis.core import QgsCredentials, QgsDataSourceUri

        uri = QgsDataSourceUri(self._layer_uri)
        if not self._layer_uri:
            info = self.conn.get_dsn_parameters()
            uri.setConnection(info.get("host", ""), info.get("port", ""), info.get("dbname", ""), self._user, "")
        uri.setPassword("")
        if not uri.username() and self._user:
            uri.setUsername(self._user)
        uri.setDataSource(self.schema, table, "geom" if table != "import_batches" else "", "", "fid")
        uri.setSrid(str(STORE_SRID))
        if self._password and not uri.authConfigId():
            QgsCredentials.instance().put(uri.connectionInfo(False), uri.username(), self._password)
        return uri.uri(False), "postgres"



_COPY_ROWS = 100_000  # cases per COPY chunk
_COPY_BLOCK = 1 << 20  # bytes per read from the chunk's buffer (psycopg2's default is 8 KiB)

def _names(names: Sequence[str]) -> pgsql.Composed:
    return pgsql.SQL(", ").join(pgsql.Identifier(check_pg_identifier(name)) for name in names)


def _column_ddl(column: Column, allow_unique: bool = True) -> pgsql.Composable:
    text = f"{_TYPES[column.kind]}"
    if column.not_null:
        text += " NOT NULL"
    if column.unique and allow_unique:
        text += " UNIQUE"
    ddl = pgsql.SQL("{} " + text).format(pgsql.Identifier(column.name))
    if column.default is not None:
        ddl = ddl + pgsql.SQL(" DEFAULT {}").format(pgsql.Literal(column.default))
    return ddl
