"""The server store: a schema in a PostGIS database, for shared and large deployments.

The database is reached through a QGIS connection chosen by name (Browser > PostgreSQL): host,
database and user come from that connection and the password from it or from its authentication
configuration, so no credential is ever written into a project, a parameter or a log line.
psycopg2 carries the SQL, always with parameters, and COPY carries bulk data.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import contextmanager

import numpy as np
import psycopg2
import shapely
from psycopg2 import sql as pgsql

from grid_plugin.core.addresses import AddressEntries
from grid_plugin.core.cases import ALL_CASES, CaseFilter, CaseRecords
from grid_plugin.core.progress import Progress
from grid_plugin.store.base import (
    CaseStore,
    ImportCounts,
    StoredComponents,
    StoredGrids,
    StoreError,
    chunks,
    utc_now,
)
from grid_plugin.store.schema import (
    ADDRESSES,
    CASE_COLUMNS,
    CASE_INDEXES,
    COMPONENTS,
    MIGRATIONS,
    STORE_SRID,
    UNIT_GRIDS,
    Column,
    Index,
    Migration,
    Table,
)

_TYPES = {"text": "text", "datetime": "timestamptz", "date": "date", "real": "double precision",
          "integer": "bigint"}
_META = "store_meta"
_ISO_UTC = "YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\""  # the form of core.cases.UTC_FORMAT
DEFAULT_SCHEMA = "gridplugin"


def connection_parameters(name: str) -> tuple[dict[str, str], str]:
    """psycopg2 keyword arguments of a saved QGIS PostgreSQL connection, and the connection's
    URI without its password (for layers). Raises StoreError when there is no such connection."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsDataSourceUri, QgsProviderRegistry

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        connection = metadata.findConnection(name)
    except Exception:  # QgsProviderConnectionException when missing (raised, not returned, in 3.22)
        connection = None
    if connection is None:
        known = ", ".join(sorted(metadata.connections())) or "none"
        raise StoreError("There is no QGIS PostgreSQL connection named '{name}' (known: {known}); add it under "
                         "Browser > PostgreSQL > New Connection.", name=name, known=known)
    uri = QgsDataSourceUri(connection.uri())
    public = QgsDataSourceUri(connection.uri())
    public.setPassword("")
    user, password = uri.username(), uri.password()
    if uri.authConfigId():  # user and password from QGIS's encrypted authentication database
        config = QgsAuthMethodConfig()
        loaded = QgsApplication.authManager().loadAuthenticationConfig(uri.authConfigId(), config, True)
        loaded = loaded[0] if isinstance(loaded, tuple) else loaded
        if not loaded or config.method() != "Basic":
            raise StoreError("The authentication configuration {authcfg} of connection '{name}' cannot be used: "
                             "it must exist and be of type Basic (user name and password).",
                             authcfg=uri.authConfigId(), name=name)
        user, password = config.config("username") or user, config.config("password")
    parameters = {"host": uri.host(), "port": uri.port(), "dbname": uri.database(), "user": user,
                  "password": password, "service": uri.service()}
    return {key: value for key, value in parameters.items() if value}, public.uri(False)


class PostgisStore(CaseStore):
    """A case store in schema `schema` of a PostGIS database (created and migrated on open)."""

    placeholder = "%s"

    def __init__(self, parameters: dict[str, str], schema: str = DEFAULT_SCHEMA, label: str = "",
                 layer_uri: str = ""):
        self.schema = schema or DEFAULT_SCHEMA
        self.label = label or f"PostGIS {parameters.get('dbname', '')}.{self.schema}"
        self._layer_uri = layer_uri
        self._user, self._password = parameters.get("user", ""), parameters.get("password", "")
        try:
            self.conn = psycopg2.connect(connect_timeout=10, application_name="grid_plugin", **parameters)
        except psycopg2.Error as err:
            # the driver's message names host and user, never the password
            raise StoreError("Cannot connect to {store}: {error}", store=self.label,
                             error=str(err).strip()) from err
        self._depth = 0
        with self.transaction():
            cursor = self.conn.cursor()
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")
            if cursor.fetchone() is None:
                raise StoreError("Database of {store} has no PostGIS; run CREATE EXTENSION postgis as its owner.",
                                 store=self.label)
            cursor.execute(pgsql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(pgsql.Identifier(self.schema)))
            cursor.execute(pgsql.SQL("CREATE TABLE IF NOT EXISTS {} (key text PRIMARY KEY, value text)").format(
                self._ident(_META)))
            # one migrator at a time, even when two QGIS instances open a new store together
            cursor.execute(pgsql.SQL("LOCK TABLE {} IN EXCLUSIVE MODE").format(self._ident(_META)))
            self.check_version()
            self._migrate()

    @classmethod
    def from_connection(cls, name: str, schema: str = DEFAULT_SCHEMA) -> PostgisStore:
        parameters, layer_uri = connection_parameters(name)
        return cls(parameters, schema, label=f"PostGIS '{name}' ({schema or DEFAULT_SCHEMA})", layer_uri=layer_uri)

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
        self._depth = 1
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()
        finally:
            self._depth = 0

    def _ident(self, table: str) -> pgsql.Composed:
        return pgsql.SQL("{}.{}").format(pgsql.Identifier(self.schema), pgsql.Identifier(table))

    def table(self, name: str) -> str:
        return self._ident(name).as_string(self.conn)

    def schema_version(self) -> int:
        rows = self.query(f"SELECT value FROM {self.table(_META)} WHERE key = 'schema_version'")
        return int(rows[0][0]) if rows else 0

    # ---- schema ------------------------------------------------------------------------------------------
    def _migrate(self) -> None:
        version = self.schema_version()
        cursor = self.conn.cursor()
        for migration in MIGRATIONS:
            if migration.version > version:
                self._apply(cursor, migration)
                cursor.execute(pgsql.SQL("INSERT INTO {} (key, value) VALUES ('schema_version', %s) "
                                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value").format(
                    self._ident(_META)), (str(migration.version),))

    def _apply(self, cursor, migration: Migration) -> None:
        for table in migration.create:
            self._create_table(cursor, table)
        for table_name, column in migration.add_columns:
            cursor.execute(pgsql.SQL("ALTER TABLE {} ADD COLUMN {}").format(
                self._ident(table_name), _column_ddl(column, allow_unique=False)))
        for table_name, columns in migration.byte_order:
            cursor.execute(pgsql.SQL("ALTER TABLE {} {}").format(self._ident(table_name), pgsql.SQL(", ").join(
                pgsql.SQL('ALTER COLUMN {} TYPE text COLLATE "C"').format(pgsql.Identifier(c)) for c in columns)))
        for index in migration.indexes:
            cursor.execute(pgsql.SQL("CREATE INDEX IF NOT EXISTS {} ON {} ({})").format(
                pgsql.Identifier(index.name), self._ident(index.table),
                pgsql.SQL(", ").join(pgsql.Identifier(c) for c in index.columns)))

    def _create_table(self, cursor, table: Table) -> None:
        columns = [pgsql.SQL("fid bigserial PRIMARY KEY")]
        if table.geometry_type:
            columns.append(pgsql.SQL(f"geom geometry({table.geometry_type}, {STORE_SRID})"))
        columns += [_column_ddl(column) for column in table.columns]
        cursor.execute(pgsql.SQL("CREATE TABLE {} ({})").format(self._ident(table.name),
                                                                pgsql.SQL(", ").join(columns)))
        if table.geometry_type:
            cursor.execute(pgsql.SQL("CREATE INDEX {} ON {} USING gist (geom)").format(
                pgsql.Identifier(f"{table.name}_geom_idx"), self._ident(table.name)))

    # ---- grids --------------------------------------------------------------------------------------------
    def write_grids(self, grids: StoredGrids) -> None:
        geometries = shapely.force_2d(grids.geometries)
        wkb = shapely.to_wkb(geometries, hex=True, byte_order=1)
        names = UNIT_GRIDS.column_names()
        with self.transaction():
            cursor = self.conn.cursor()
            cursor.execute(pgsql.SQL("DELETE FROM {}").format(self._ident("unit_grids")))
            statement = pgsql.SQL("INSERT INTO {} (geom, {}) VALUES (ST_Multi(ST_GeomFromWKB(decode(%s, 'hex'), "
                                  f"{STORE_SRID})), %s, %s, %s, %s, %s, %s)").format(
                self._ident("unit_grids"), pgsql.SQL(", ").join(map(pgsql.Identifier, names)))
            rows = zip(wkb, grids.grid_codes, grids.street_codes, grids.street_names, grids.community_codes,
                       grids.community_names, (float(a) for a in grids.area_m2), strict=True)
            cursor.executemany(statement, list(rows))

    def write_components(self, components: StoredComponents) -> None:
        wkb = shapely.to_wkb(shapely.force_2d(components.geometries), hex=True, byte_order=1)
        names = COMPONENTS.column_names()
        with self.transaction():
            cursor = self.conn.cursor()
            cursor.execute(pgsql.SQL("DELETE FROM {}").format(self._ident("components")))
            statement = pgsql.SQL(f"INSERT INTO {{}} (geom, {{}}) VALUES (ST_GeomFromWKB(decode(%s, 'hex'), "
                                  f"{STORE_SRID}), {', '.join(['%s'] * len(names))})").format(
                self._ident("components"), pgsql.SQL(", ").join(map(pgsql.Identifier, names)))
            cursor.executemany(statement, [(w, *row) for w, row in zip(wkb, components.rows(), strict=True)])

    def read_components(self) -> StoredComponents:
        names = COMPONENTS.column_names()
        rows = self.query(f"SELECT ST_AsBinary(geom), {', '.join(names)} FROM {self.table('components')} "
                          "ORDER BY component_id")
        lists = list(zip(*rows, strict=True)) if rows else [[] for _ in range(len(names) + 1)]
        geometries = shapely.from_wkb([bytes(b) for b in lists[0]]) if rows else np.empty(0, dtype=object)
        return StoredComponents(*(list(c) for c in lists[1:]), geometries)

    def write_addresses(self, entries: AddressEntries) -> None:
        names = ADDRESSES.column_names()
        with self.transaction():
            cursor = self.conn.cursor()
            cursor.execute(pgsql.SQL("CREATE TEMP TABLE IF NOT EXISTS address_staging (LIKE {} INCLUDING DEFAULTS) "
                                     "ON COMMIT DROP").format(self._ident("addresses")))
            cursor.execute("TRUNCATE address_staging")
            copy = pgsql.SQL("COPY address_staging ({}, geom) FROM STDIN WITH (FORMAT csv)").format(
                pgsql.SQL(", ").join(map(pgsql.Identifier, names))).as_string(self.conn)
            rows = entries.rows()
            for start, end in chunks(len(entries), 100_000):
                where = _hex_ewkb_points(entries.lon[start:end], entries.lat[start:end])
                cursor.copy_expert(copy, _csv_stream((*row, w) for row, w in zip(rows[start:end], where,
                                                                                   strict=True)))
            cursor.execute(pgsql.SQL("DELETE FROM {} a USING address_staging s "
                                     "WHERE a.address_code = s.address_code").format(self._ident("addresses")))
            cursor.execute(pgsql.SQL("INSERT INTO {} ({}, geom) SELECT {}, geom FROM address_staging").format(
                self._ident("addresses"), pgsql.SQL(", ").join(map(pgsql.Identifier, names)),
                pgsql.SQL(", ").join(map(pgsql.Identifier, names))))

    def read_addresses(self) -> AddressEntries:
        names = ADDRESSES.column_names()
        rows = self.query(f"SELECT {', '.join(names)}, ST_X(geom), ST_Y(geom) FROM {self.table('addresses')} "
                          "ORDER BY address_code")
        if not rows:
            return AddressEntries.empty()
        lists = list(zip(*rows, strict=True))
        return AddressEntries(*(list(c) for c in lists[:len(names)]), np.asarray(lists[-2], dtype=float),
                              np.asarray(lists[-1], dtype=float))

    def read_grids(self) -> StoredGrids:
        names = UNIT_GRIDS.column_names()
        rows = self.query(f"SELECT ST_AsBinary(geom), {', '.join(names)} FROM {self.table('unit_grids')} "
                          "ORDER BY grid_code")
        columns = list(zip(*rows, strict=True)) if rows else [[] for _ in range(len(names) + 1)]
        geometries = shapely.from_wkb([bytes(b) for b in columns[0]]) if rows else np.empty(0, dtype=object)
        return StoredGrids(list(columns[1]), list(columns[2]), list(columns[3]), list(columns[4]), list(columns[5]),
                           np.asarray(columns[6], dtype=float), geometries)

    # ---- cases ---------------------------------------------------------------------------------------------
    def begin_import(self) -> None:
        # Imports take turns (readers never wait): batch ids stay unique and two imports of the
        # same case ids cannot interleave their upserts.
        self.conn.cursor().execute(pgsql.SQL("LOCK TABLE {} IN SHARE ROW EXCLUSIVE MODE").format(
            self._ident("import_batches")))

    def existing_hashes(self, case_ids: Sequence[str]) -> dict[str, str]:
        if not case_ids or not self.query(f"SELECT EXISTS (SELECT 1 FROM {self.table('cases')})")[0][0]:
            return {}
        cursor = self.conn.cursor()
        cursor.execute("CREATE TEMP TABLE IF NOT EXISTS wanted_ids (case_id text) ON COMMIT DROP")
        cursor.execute("TRUNCATE wanted_ids")
        cursor.copy_expert("COPY wanted_ids FROM STDIN WITH (FORMAT csv)", _csv_stream([[i] for i in case_ids]))
        cursor.execute(pgsql.SQL("SELECT c.case_id, c.content_hash FROM {} c JOIN wanted_ids w USING (case_id)")
                       .format(self._ident("cases")))
        return dict(cursor.fetchall())

    def write_cases(self, new: CaseRecords, changed: CaseRecords, batch_id: int, progress: Progress) -> None:
        """New cases are COPied straight into the table (geometry as EWKB); changed ones go through a
        staging table and one UPDATE."""
        total = len(new) + len(changed)
        if not total:
            return
        names = [c for c in CASE_COLUMNS if c != "batch_id"]
        cursor = self.conn.cursor()
        identifiers = pgsql.SQL(", ").join(map(pgsql.Identifier, [*names, "batch_id"]))
        held = self.query(f"SELECT reltuples::bigint FROM pg_class WHERE oid = '{self.table('cases')}'::regclass")
        # A batch large against the table builds every index afresh (sorted builds) instead of
        # updating six of them row by row, which makes COPY five times slower; readers then wait
        # for this commit instead of reading the old rows.
        rebuild = len(new) >= max(20_000, int(held[0][0]) // 5 if held else 0)
        constraints = self._drop_case_indexes(cursor) if rebuild else []
        if len(new):
            copy = pgsql.SQL("COPY {} ({}, geom) FROM STDIN WITH (FORMAT csv)").format(
                self._ident("cases"), identifiers).as_string(self.conn)
            self._copy(cursor, copy, new, batch_id, progress, 0, total, point=True)
        if rebuild:
            self._build_case_indexes(cursor, constraints)
        if len(changed):
            cursor.execute(pgsql.SQL("CREATE TEMP TABLE IF NOT EXISTS case_staging "
                                     "(LIKE {} INCLUDING DEFAULTS, x double precision, y double precision) "
                                     "ON COMMIT DROP").format(self._ident("cases")))
            cursor.execute("TRUNCATE case_staging")
            copy = pgsql.SQL("COPY case_staging ({}, x, y) FROM STDIN WITH (FORMAT csv)").format(
                identifiers).as_string(self.conn)
            self._copy(cursor, copy, changed, batch_id, progress, len(new), total, point=False)
            updates = pgsql.SQL(", ").join(pgsql.SQL("{0} = s.{0}").format(pgsql.Identifier(c))
                                           for c in [*names[1:], "batch_id"])
            cursor.execute(pgsql.SQL(f"UPDATE {{}} c SET geom = ST_SetSRID(ST_MakePoint(s.x, s.y), {STORE_SRID}), "
                                     "{} FROM case_staging s WHERE c.case_id = s.case_id").format(
                self._ident("cases"), updates))
            cursor.execute("TRUNCATE case_staging")
        progress.step(total, total)

    def _drop_case_indexes(self, cursor) -> list[tuple[str, str]]:
        """Drop the cases table's query indexes and its key constraints (primary key, unique case
        id) inside the import's transaction; returns the constraints' (name, definition) to rebuild."""
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        cursor.execute("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                       "WHERE conrelid = %s::regclass AND contype IN ('p', 'u') ORDER BY conname",
                       (self.table("cases"),))
        constraints = cursor.fetchall()
        for name, _definition in constraints:
            cursor.execute(pgsql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(
                self._ident("cases"), pgsql.Identifier(name)))
        for index in _CASE_TABLE_INDEXES:
            cursor.execute(pgsql.SQL("DROP INDEX IF EXISTS {}").format(
                pgsql.SQL("{}.{}").format(pgsql.Identifier(self.schema), pgsql.Identifier(index.name))))
        return constraints

    def _build_case_indexes(self, cursor, constraints: list[tuple[str, str]]) -> None:
        # The definitions come from pg_get_constraintdef of this very table: "PRIMARY KEY (fid)",
        # "UNIQUE (case_id)"; a duplicate id would fail here and roll the whole import back.
        for name, definition in constraints:
            cursor.execute(pgsql.SQL("ALTER TABLE {} ADD CONSTRAINT {} ").format(
                self._ident("cases"), pgsql.Identifier(name)) + pgsql.SQL(definition))
        for index in _CASE_TABLE_INDEXES:
            using = pgsql.SQL("USING gist (geom)") if index.columns == ("geom",) else pgsql.SQL("({})").format(
                pgsql.SQL(", ").join(map(pgsql.Identifier, index.columns)))
            cursor.execute(pgsql.SQL("CREATE INDEX {} ON {} {}").format(
                pgsql.Identifier(index.name), self._ident("cases"), using))

    def _copy(self, cursor, copy: str, records: CaseRecords, batch_id: int, progress: Progress, done: int,
              total: int, point: bool) -> None:
        """COPY the records in chunks. The server ingests one chunk while this thread writes the
        next one's CSV, so the two overlap (1 M cases: 4.4 s instead of 6.7 s). Only the copying
        thread touches the connection until it is done."""
        names = [c for c in CASE_COLUMNS if c != "batch_id"]
        columns = [records.values[name] for name in names]
        lon, lat = records.lon.tolist(), records.lat.tolist()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="grid_plugin_copy") as copier:
            pending = None
            try:
                for start, end in chunks(len(records), _COPY_ROWS):
                    if point:
                        where = _hex_ewkb_points(records.lon[start:end], records.lat[start:end])
                        rows = zip(*(column[start:end] for column in columns), [batch_id] * (end - start), where,
                                   strict=True)
                    else:
                        rows = zip(*(column[start:end] for column in columns), [batch_id] * (end - start),
                                   lon[start:end], lat[start:end], strict=True)
                    stream = _csv_stream(rows)
                    if pending is not None:
                        pending.result()  # the server's error, if any, surfaces here
                    progress.step(done + start, total)  # a cancel raises here, between chunks
                    pending = copier.submit(cursor.copy_expert, copy, stream, _COPY_BLOCK)
                if pending is not None:
                    pending.result()
            finally:
                if pending is not None:
                    wait([pending])  # a cancel or failure waits for the chunk in flight before rolling back

    def next_batch_id(self) -> int:
        return int(self.query(f"SELECT COALESCE(MAX(batch_id), 0) + 1 FROM {self.table('import_batches')}")[0][0])

    def record_batch(self, source_name: str, counts: ImportCounts) -> int:
        batch_id = self.next_batch_id()
        self.conn.cursor().execute(
            pgsql.SQL("INSERT INTO {} (batch_id, source_name, started_at, read_count, imported_count, updated_count, "
                      "unchanged_count, rejected_count) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)").format(
                self._ident("import_batches")),
            (batch_id, source_name, utc_now(), counts.read, counts.imported, counts.updated, counts.unchanged,
             counts.rejected))
        return batch_id

    def query(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        cursor = self.conn.cursor()
        cursor.execute(sql, tuple(params))
        rows = cursor.fetchall()
        if not self._depth:
            self.conn.commit()  # end the read's transaction so concurrent writers never wait on it
        return rows

    def text_of(self, column: str) -> str:
        if column.endswith("_at") or column == "deadline":
            return f"to_char({column} AT TIME ZONE 'UTC', '{_ISO_UTC}')"
        return column

    def hour_of(self, column: str) -> str:
        return f"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24')"

    def case_points(self, case_filter: CaseFilter = ALL_CASES) -> tuple[np.ndarray, np.ndarray]:
        where, params = self.where(case_filter)
        rows = self.query(f"SELECT ST_X(geom), ST_Y(geom) FROM {self.table('cases')}{where}", params)
        if not rows:
            return np.empty(0), np.empty(0)
        array = np.asarray(rows, dtype=float)
        return array[:, 0].copy(), array[:, 1].copy()

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


# Every index of the cases table but the key constraints: the query indexes and the spatial one.
_CASE_TABLE_INDEXES = (*CASE_INDEXES, Index("cases", "cases_geom_idx", ("geom",)))
_COPY_ROWS = 100_000  # cases per COPY chunk
_COPY_BLOCK = 1 << 20  # bytes per read from the chunk's buffer (psycopg2's default is 8 KiB)

_EWKB_POINT = np.dtype([("order", "u1"), ("type", "<u4"), ("srid", "<u4"), ("x", "<f8"), ("y", "<f8")])


def _hex_ewkb_points(x: np.ndarray, y: np.ndarray) -> list[str]:
    """Hex EWKB of 2D points with the store's SRID (what PostGIS reads fastest in COPY)."""
    packed = np.empty(len(x), dtype=_EWKB_POINT)
    packed["order"], packed["type"], packed["srid"] = 1, 0x20000001, STORE_SRID
    packed["x"], packed["y"] = x, y
    text = packed.tobytes().hex()
    size = 2 * _EWKB_POINT.itemsize
    return [text[i:i + size] for i in range(0, len(text), size)]


def _column_ddl(column: Column, allow_unique: bool = True) -> pgsql.Composable:
    text = f"{_TYPES[column.kind]}"
    if column.not_null:
        text += " NOT NULL"
    if column.unique and allow_unique:
        text += " UNIQUE"
    return pgsql.SQL("{} " + text).format(pgsql.Identifier(column.name))


def _csv_stream(rows) -> io.StringIO:
    """The rows as CSV text for COPY. Written a few thousand rows per call: one call holds the GIL
    throughout, and a thread copying the previous chunk needs it now and then to go on."""
    buffer = io.StringIO()
    write = csv.writer(buffer, lineterminator="\n").writerows
    rows = iter(rows)
    while True:
        part = list(itertools.islice(rows, 2_000))
        if not part:
            break
        write(part)
    buffer.seek(0)
    return buffer
