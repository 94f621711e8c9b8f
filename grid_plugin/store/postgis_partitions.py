"""The PostGIS cases table partitioned by month of the report time (schema version 7).

PostgreSQL's declarative partitioning: `cases` is partitioned BY RANGE ("reported_at"), one partition per
calendar month of the zone in store_meta 'month_zone' (Asia/Shanghai unless set otherwise before the first
month exists), named cases_YYYY_MM. The report time is NOT NULL (the import refuses a case without one), so
every case has its month and there is no DEFAULT partition: a default partition would have to be scanned and
locked by every month attached later, and readers would wait for the import holding that lock.

- Keys: a partitioned table's unique keys must hold the partition key, so the table's keys are
  (fid, reported_at) and (case_id, reported_at). A case id stays unique across months through `case_keys`
  (case_id primary key → its report time and content hash), which also answers the import's "which of these
  ids are held, with which hash" in one index instead of one per month. Statement triggers with transition
  tables keep it right for every INSERT, UPDATE, DELETE and TRUNCATE through `cases` (the plugin's COPY,
  QGIS editing the layer); the months an import attaches get their keys when attached.
- An import never creates a partition with CREATE TABLE ... PARTITION OF, which locks the whole table
  against readers until the import commits. A month the store does not hold yet is COPied into a table of
  its own, indexed there, given a CHECK constraint of the month's bounds (so that ATTACH PARTITION need not
  scan it) and attached at the end of the import (end_cases), which locks `cases` in SHARE UPDATE
  EXCLUSIVE mode only: readers go on reading. Rows of months already held are COPied into `cases`.
- Archiving a month detaches it (ACCESS EXCLUSIVE on `cases` for the short archiving transaction) and keeps
  it as the plain table cases_YYYY_MM_archived, or drops it.
- Migration 6 → 7 copies the cases into the partitioned table inside the migration's transaction and
  refuses to commit unless the row count and a checksum of every row are equal; `unpartition` is the way
  back (7 → 6), checked the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from psycopg2 import sql as pgsql

from grid_plugin.core.cases.months import Month
from grid_plugin.io.names import check_pg_identifier
from grid_plugin.store.archive import month_zone
from grid_plugin.store.base import StoreError
from grid_plugin.store.schema import CASE_INDEXES, MONTH_ZONE_KEY

if TYPE_CHECKING:
    from grid_plugin.store.postgis import PostgisStore

PARENT = "cases"
KEYS = "case_keys"
_FLAT = "cases_unpartitioned"  # the unpartitioned table during a migration, either way
_ARCHIVED = "_archived"
_NAME = re.compile(r"^cases_(\d{4})_(\d{2})$")
# The cases table's keys and indexes at version 7, as (name suffix, definition): a table T gets T_<suffix>,
# so the parent's are the version 6 names and a month's indexes match the parent's and attach to them.
_KEY_CONSTRAINTS = (("pkey", "PRIMARY KEY (fid, reported_at)"), ("case_id_key", "UNIQUE (case_id, reported_at)"))
_INDEXES = (*((index.name[len("cases_"):], "({})".format(", ".join(f'"{c}"' for c in index.columns)))
              for index in CASE_INDEXES),
            ("geom_idx", "USING gist (geom)"),
            # the filing lag: its least and greatest value bound the report times of a filing period
            # (postgis_evaluation.py), read from one end of this index per month
            ("filing_lag", '(("filed_at" - "reported_at"))'))
# what a version 6 table had instead (unpartition)
_FLAT_KEYS = (("pkey", "PRIMARY KEY (fid)"), ("case_id_key", "UNIQUE (case_id)"))


def table_of(month: Month) -> str:
    """The name of a month's partition: cases_YYYY_MM."""
    return f"cases_{month.year:04d}_{month.month:02d}"


def is_partitioned(store: PostgisStore) -> bool:
    rows = store.query("SELECT relkind FROM pg_class WHERE oid = %s::regclass", (store._regclass(PARENT),))
    return bool(rows) and rows[0][0] == "p"


def held_months(store: PostgisStore) -> dict[int, str]:
    """The months attached to `cases` (Month.key → table name)."""
    rows = store.query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                       "WHERE i.inhparent = %s::regclass", (store._regclass(PARENT),))
    held = {}
    for (name,) in rows:
        found = _NAME.match(name)
        if found:
            held[Month.of(int(found[1]), int(found[2])).key] = name
    return held


def month_counts(store: PostgisStore, months: Sequence[Month]) -> list[tuple[Month, int]]:
    """The number of cases of each attached month given, in the months' order."""
    if not months:
        return []
    counts = store.query(pgsql.SQL(" UNION ALL ").join(
        pgsql.SQL("SELECT {}, COUNT(*) FROM {}").format(pgsql.Literal(m.key), store._ident(table_of(m)))
        for m in months).as_string(store.conn))
    found = {int(key): int(count) for key, count in counts}
    return [(m, found[m.key]) for m in months]


# ---- keys and indexes -----------------------------------------------------------------------------------------
def _index_table(store: PostgisStore, table: str, keys: Iterable[tuple[str, str]] = _KEY_CONSTRAINTS,
                 indexes: Iterable[tuple[str, str]] = _INDEXES) -> None:
    """Give `table` the cases table's keys and indexes; on the parent, each month's own index (same
    definition) is attached instead of built again."""
    for suffix, definition in keys:
        store._run(pgsql.SQL("ALTER TABLE {} ADD CONSTRAINT {} " + definition).format(
            store._ident(table), store._name(check_pg_identifier(f"{table}_{suffix}"))))
    for suffix, definition in indexes:
        store._run(pgsql.SQL("CREATE INDEX {} ON {} " + definition).format(
            store._name(check_pg_identifier(f"{table}_{suffix}")), store._ident(table)))


_TRIGGERS = {  # (event, transition table, body run with the store's schema as %1$I)
    "case_keys_added": ("INSERT", "REFERENCING NEW TABLE AS added",
                        "INSERT INTO %1$I.case_keys (case_id, reported_at, content_hash) "
                        "SELECT case_id, reported_at, content_hash FROM added"),
    "case_keys_removed": ("DELETE", "REFERENCING OLD TABLE AS removed",
                          "DELETE FROM %1$I.case_keys k USING removed r WHERE k.case_id = r.case_id"),
    "case_keys_changed": ("UPDATE", "REFERENCING OLD TABLE AS before NEW TABLE AS after",
                          "DELETE FROM %1$I.case_keys k USING before b WHERE k.case_id = b.case_id AND NOT EXISTS "
                          "(SELECT 1 FROM after a WHERE a.case_id = b.case_id); "
                          "INSERT INTO %1$I.case_keys (case_id, reported_at, content_hash) SELECT a.case_id, "
                          "a.reported_at, a.content_hash FROM after a WHERE NOT EXISTS (SELECT 1 FROM before b "
                          "WHERE b.case_id = a.case_id); "
                          "UPDATE %1$I.case_keys k SET reported_at = a.reported_at, content_hash = a.content_hash "
                          "FROM after a WHERE k.case_id = a.case_id AND (k.reported_at, k.content_hash) IS "
                          "DISTINCT FROM (a.reported_at, a.content_hash)"),
    "case_keys_emptied": ("TRUNCATE", "", "TRUNCATE %1$I.case_keys"),
}


def _create_keys(store: PostgisStore) -> None:
    """case_keys filled from `cases`, and the triggers that keep it right."""
    store._run(pgsql.SQL('CREATE TABLE {} (case_id text COLLATE "C" PRIMARY KEY, reported_at timestamptz NOT NULL, '
                        "content_hash text NOT NULL)").format(store._ident(KEYS)))
    store._run(pgsql.SQL("INSERT INTO {} (case_id, reported_at, content_hash) SELECT case_id, reported_at, "
                        "content_hash FROM {}").format(store._ident(KEYS), store._ident(PARENT)))
    for function, (event, transition, body) in _TRIGGERS.items():
        statements = "; ".join(f"EXECUTE format('{part.strip()}', TG_TABLE_SCHEMA)" for part in body.split("; "))
        store._run(pgsql.SQL("CREATE FUNCTION {}() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN "
                            + statements.replace("%", "%%") + "; RETURN NULL; END $body$").format(
            store._ident(function)))
        store._run(pgsql.SQL(f"CREATE TRIGGER {{}} AFTER {event} ON {{}} {transition} FOR EACH STATEMENT "
                            "EXECUTE FUNCTION {}()").format(store._name(function), store._ident(PARENT),
                                                            store._ident(function)))


def _drop_keys(store: PostgisStore) -> None:
    store._run(pgsql.SQL("DROP TABLE {}").format(store._ident(KEYS)))
    for function in _TRIGGERS:
        store._run(pgsql.SQL("DROP FUNCTION {}()").format(store._ident(function)))


# ---- migration both ways ----------------------------------------------------------------------------------------
def checksum(store: PostgisStore, table: str) -> tuple[int, int]:
    """The rows of a table and the sum of a 64-bit hash of each row's text (every column, in order)."""
    row = store._run(pgsql.SQL("SELECT COUNT(*), COALESCE(SUM(hashtextextended(t::text, 0)), 0) FROM {} t").format(
        store._ident(table))).fetchone()
    return int(row[0]), int(row[1])


def _check_same(store: PostgisStore, before: tuple[int, int], after: tuple[int, int], version: int) -> None:
    if before != after:
        raise StoreError("Changing {store} to schema version {version} was refused: the cases copied ({copied}) "
                         "differ from the cases held ({held}); nothing was changed. Please report this.",
                         store=store.label, version=version, copied=after[0], held=before[0])


def _free_names(store: PostgisStore, flat: str) -> None:
    """Rename the cases table to `flat` and drop its keys and indexes (their names are needed again)."""
    if store.query("SELECT to_regclass(%s)", (store._regclass(flat),))[0][0] is not None:
        raise StoreError("Schema {schema} of {store} holds a table {table}, which the change of the cases table "
                         "needs; rename or drop it and open the store again.", schema=store.schema,
                         store=store.label, table=flat)
    for name, _definition in store._run("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid "
                                       "= %s::regclass AND contype IN ('p', 'u')",
                                       (store._regclass(PARENT),)).fetchall():
        store._run(pgsql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(store._ident(PARENT), store._name(name)))
    for suffix, _definition in _INDEXES:
        store._run(pgsql.SQL("DROP INDEX IF EXISTS {}").format(store._ident(f"{PARENT}_{suffix}")))
    store._run(pgsql.SQL("ALTER TABLE {} RENAME TO {}").format(store._ident(PARENT), store._name(flat)))


def _move_sequence(store: PostgisStore, source: str, target: str) -> None:
    """The fid sequence, owned by `source`.fid, is given to `target`.fid (dropping a table drops its own)."""
    sequence = store._run("SELECT pg_get_serial_sequence(%s, 'fid')", (store._regclass(source),)).fetchone()[0]
    store._run(pgsql.SQL("ALTER SEQUENCE " + sequence.replace("%", "%%") + " OWNED BY {}.fid").format(
        store._ident(target)))


def partition(store: PostgisStore) -> None:
    """Migration 6 → 7, inside the store's opening transaction (store_meta locked, nobody else writes)."""
    zone = month_zone(store)
    store._run(pgsql.SQL("INSERT INTO {} (key, value) VALUES (%s, %s) ON CONFLICT (key) DO NOTHING").format(
        store._ident("store_meta")), (MONTH_ZONE_KEY, zone))
    store._run("SET LOCAL maintenance_work_mem = '256MB'")
    before = checksum(store, PARENT)
    _free_names(store, _FLAT)
    store._run(pgsql.SQL("CREATE TABLE {} (LIKE {} INCLUDING DEFAULTS) PARTITION BY RANGE (reported_at)").format(
        store._ident(PARENT), store._ident(_FLAT)))
    _move_sequence(store, _FLAT, PARENT)
    rows = store._run(pgsql.SQL("SELECT DISTINCT to_char(reported_at AT TIME ZONE %s, 'YYYY-MM') FROM {}").format(
        store._ident(_FLAT)), (zone,)).fetchall()
    months = sorted(Month.of(int(text[:4]), int(text[5:7])) for (text,) in rows)
    for month in months:
        store._run(pgsql.SQL("CREATE TABLE {} PARTITION OF {} FOR VALUES FROM (%s) TO (%s)").format(
            store._ident(table_of(month)), store._ident(PARENT)), (month.start(zone), month.end(zone)))
    store._run(pgsql.SQL("INSERT INTO {} SELECT * FROM {}").format(store._ident(PARENT), store._ident(_FLAT)))
    for month in months:
        _index_table(store, table_of(month))
    _index_table(store, PARENT)
    _create_keys(store)
    _check_same(store, before, checksum(store, PARENT), 7)
    store._run(pgsql.SQL("DROP TABLE {}").format(store._ident(_FLAT)))


def downgrade(store: PostgisStore, version: int) -> None:
    """7 → 6 in one transaction, after any import under way; refused unless every case comes back."""
    found = store.schema_version()
    if (found, version) != (7, 6):
        raise StoreError("{store} has schema version {found}; only version 7 can be taken back, to version 6.",
                         store=store.label, found=found)
    with store.transaction():
        store._run(pgsql.SQL("LOCK TABLE {} IN EXCLUSIVE MODE").format(store._ident("store_meta")))
        store.begin_import()
        unpartition(store)
        store._run(pgsql.SQL("UPDATE {} SET value = %s WHERE key = 'schema_version'").format(
            store._ident("store_meta")), (str(version),))


def unpartition(store: PostgisStore) -> None:
    """7 → 6 (PostgisStore.downgrade): the cases back in one table with version 6's keys and indexes.
    Months archived as tables of their own stay as they are."""
    store._run("SET LOCAL maintenance_work_mem = '256MB'")
    before = checksum(store, PARENT)
    if store.query("SELECT to_regclass(%s)", (store._regclass(_FLAT),))[0][0] is not None:
        raise StoreError("Schema {schema} of {store} holds a table {table}, which the change of the cases table "
                         "needs; rename or drop it and try again.", schema=store.schema, store=store.label,
                         table=_FLAT)
    store._run(pgsql.SQL("CREATE TABLE {} (LIKE {} INCLUDING DEFAULTS)").format(store._ident(_FLAT),
                                                                                store._ident(PARENT)))
    store._run(pgsql.SQL("INSERT INTO {} SELECT * FROM {} ORDER BY fid").format(store._ident(_FLAT),
                                                                               store._ident(PARENT)))
    _move_sequence(store, PARENT, _FLAT)
    store._run(pgsql.SQL("DROP TABLE {}").format(store._ident(PARENT)))  # its months and triggers with it
    _drop_keys(store)
    store._run(pgsql.SQL("ALTER TABLE {} RENAME TO {}").format(store._ident(_FLAT), store._name(PARENT)))
    _index_table(store, PARENT, _FLAT_KEYS, [index for index in _INDEXES if index[0] != "filing_lag"])
    _check_same(store, before, checksum(store, PARENT), 6)
    store._run(pgsql.SQL("DELETE FROM {} WHERE key = %s").format(store._ident("store_meta")), (MONTH_ZONE_KEY,))


# ---- months an import brings -----------------------------------------------------------------------------------
def stage(store: PostgisStore, month: Month) -> str:
    """A table of the month's own, shaped like `cases`, to COPY the month's new cases into."""
    store._run(pgsql.SQL("CREATE TABLE {} (LIKE {} INCLUDING DEFAULTS)").format(store._ident(table_of(month)),
                                                                                store._ident(PARENT)))
    return table_of(month)


def attach(store: PostgisStore, month: Month, zone: str) -> None:
    """Index a staged month, key its cases and attach it to `cases` (inside the import's transaction)."""
    table, start, end = table_of(month), month.start(zone), month.end(zone)
    bounds = check_pg_identifier(f"{table}_bounds")
    # a constraint of exactly the partition's bounds: ATTACH PARTITION finds it and does not scan the month
    store._run(pgsql.SQL("ALTER TABLE {} ADD CONSTRAINT {} CHECK (reported_at >= %s AND reported_at < %s)").format(
        store._ident(table), store._name(bounds)), (start, end))
    _index_table(store, table)
    store._run(pgsql.SQL("INSERT INTO {} (case_id, reported_at, content_hash) SELECT case_id, reported_at, "
                        "content_hash FROM {}").format(store._ident(KEYS), store._ident(table)))
    store._run(pgsql.SQL("ANALYZE {}").format(store._ident(table)))
    store._run(pgsql.SQL("ALTER TABLE {} ATTACH PARTITION {} FOR VALUES FROM (%s) TO (%s)").format(
        store._ident(PARENT), store._ident(table)), (start, end))
    store._run(pgsql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(store._ident(table), store._name(bounds)))


# ---- archiving ------------------------------------------------------------------------------------------------
def remove_before(store: PostgisStore, month: Month, keep: bool) -> int:
    """Take the months before `month` out of `cases` (inside the caller's transaction, which holds the
    import turn): each month's keys are removed and the month detached, then kept as the plain table
    cases_YYYY_MM_archived or dropped. Returns the cases taken out. DETACH locks `cases` against readers
    until the commit; it waits at most a minute for readers to finish (lock_timeout)."""
    months = [Month(key) for key in sorted(held_months(store)) if key < month.key]
    counts = month_counts(store, months)
    store._run("SET LOCAL lock_timeout = '60s'")
    for old in months:
        table = table_of(old)
        archived = check_pg_identifier(table + _ARCHIVED)
        if not keep:
            archived = ""
        elif store.query("SELECT to_regclass(%s)", (store._regclass(archived),))[0][0] is not None:
            raise StoreError("Schema {schema} of {store} already holds the archived month {table}; rename or drop "
                             "it, or delete the months instead of keeping them.", schema=store.schema,
                             store=store.label, table=archived)
        store._run(pgsql.SQL("DELETE FROM {} k USING {} m WHERE k.case_id = m.case_id").format(
            store._ident(KEYS), store._ident(table)))
        store._run(pgsql.SQL("ALTER TABLE {} DETACH PARTITION {}").format(store._ident(PARENT), store._ident(table)))
        if archived:  # its indexes too: the month's names are free for the month if it is imported again
            for (index,) in store._run("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                                       "WHERE i.indrelid = %s::regclass", (store._regclass(table),)).fetchall():
                store._run(pgsql.SQL("ALTER INDEX {} RENAME TO {}").format(
                    store._ident(index), store._name(archived + index[len(table):])))
            store._run(pgsql.SQL("ALTER TABLE {} RENAME TO {}").format(store._ident(table), store._name(archived)))
        else:
            store._run(pgsql.SQL("DROP TABLE {}").format(store._ident(table)))
    return sum(count for _month, count in counts)
