"""Writing cases into a PostGIS store: the upsert's lookup of held ids and its writes, month by month.

Version 7 (postgis_partitions.py): the held ids and their hashes come from case_keys; new cases of the
months the store holds are COPied into `cases`, whose routing puts each in its month; new cases of other
months are COPied into a table per month (staged for the import, across its write_cases calls) that
end_cases() indexes and attaches. Changed cases go through a temporary staging table and one UPDATE
that finds each case in its month through its key. A store below version 7 (one table, as the tests of
older versions make them) gets the same writes into its one table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from psycopg2 import sql as pgsql

from grid_plugin.core.cases.months import Month, month_keys
from grid_plugin.core.cases.records import CaseRecords
from grid_plugin.core.progress import Progress
from grid_plugin.store import archive
from grid_plugin.store import postgis_partitions as partitions
from grid_plugin.store.base import StoreError
from grid_plugin.store.postgis_copy import csv_stream
from grid_plugin.store.schema import STORE_SRID

if TYPE_CHECKING:
    from grid_plugin.store.postgis import PostgisStore


def existing_hashes(store: PostgisStore, case_ids: Sequence[str]) -> dict[str, str]:
    held = store.table(partitions.KEYS if store._partitioned else "cases")  # case_keys: one index, all months
    if not case_ids or not store.query(f"SELECT EXISTS (SELECT 1 FROM {held})")[0][0]:
        return {}
    store._run("CREATE TEMP TABLE IF NOT EXISTS wanted_ids (case_id text) ON COMMIT DROP")
    cursor = store._run("TRUNCATE wanted_ids")
    cursor.copy_expert("COPY wanted_ids FROM STDIN WITH (FORMAT csv)", csv_stream([[i] for i in case_ids]))
    cursor = store._run(f"SELECT c.case_id, c.content_hash FROM {held} c JOIN wanted_ids w USING (case_id)")
    return dict(cursor.fetchall())


def write_cases(store: PostgisStore, new: CaseRecords, changed: CaseRecords, batch_id: int,
                progress: Progress) -> None:
    """New cases of the months the store holds are COPied into `cases` (geometry as EWKB), those of
    other months into a table per month that end_cases() attaches (postgis_partitions.py). Changed
    ones go through a staging table and one UPDATE; a changed case whose report time moved it to a
    month the store does not hold yet is taken out and written like a new one."""
    total = len(new) + len(changed)
    if not total:
        return
    held = partitions.held_months(store) if store._partitioned else {}
    if len(changed) and store._partitioned:
        months = month_keys(changed.values["reported_at"], store._zone)
        away = np.array([key not in held for key in months.tolist()], dtype=bool)
        if away.any():
            moving = changed.take(np.flatnonzero(away))
            _remove(store, moving.case_ids)
            _insert(store, moving, held, batch_id, progress, len(new), total)
            changed = changed.take(np.flatnonzero(~away))
    _insert(store, new, held, batch_id, progress, 0, total)
    if len(changed):
        _update(store, changed, batch_id, progress, total - len(changed), total)
    progress.step(total, total)


def _insert(store: PostgisStore, records: CaseRecords, held: dict[int, str], batch_id: int, progress: Progress,
            done: int, total: int) -> None:
    if not len(records):
        return
    target = "COPY {} (" + ", ".join(f'"{c}"' for c in store.written()) + ", geom) FROM STDIN WITH (FORMAT csv)"
    if not store._partitioned:
        store._copy(pgsql.SQL(target).format(store._copy_target("cases")).as_string(store.conn), records,
                    batch_id, progress, done, total, point=True)
        return
    months = month_keys(records.values["reported_at"], store._zone)
    # a missing report time goes to `cases`, whose NOT NULL refuses it with the server's message
    into_cases = np.array([key in held or key < 0 for key in months.tolist()], dtype=bool)
    parts = [("cases", np.flatnonzero(into_cases))]
    for key in sorted(set(months[~into_cases].tolist())):
        month = Month(key)
        if key not in store._staged:
            store._staged[key] = partitions.stage(store, month)
        parts.append((partitions.table_of(month), np.flatnonzero(months == key)))
    for table, index in parts:
        if len(index):
            store._copy(pgsql.SQL(target).format(store._copy_target(table)).as_string(store.conn),
                        records.take(index), batch_id, progress, done, total, point=True)
            done += len(index)


def _remove(store: PostgisStore, case_ids: Sequence[str]) -> None:
    """Delete the cases of these ids from their months (their keys go with them, by trigger)."""
    store._run("CREATE TEMP TABLE IF NOT EXISTS moved_ids (case_id text COLLATE \"C\") ON COMMIT DROP")
    cursor = store._run("TRUNCATE moved_ids")
    cursor.copy_expert("COPY moved_ids FROM STDIN WITH (FORMAT csv)", csv_stream([[i] for i in case_ids]))
    store._run(pgsql.SQL("DELETE FROM {} c USING moved_ids m JOIN {} k USING (case_id) WHERE c.case_id = "
                         "k.case_id AND c.reported_at = k.reported_at").format(
        store._ident("cases"), store._ident(partitions.KEYS)))


def _update(store: PostgisStore, changed: CaseRecords, batch_id: int, progress: Progress, done: int,
            total: int) -> None:
    store._run(pgsql.SQL("CREATE TEMP TABLE IF NOT EXISTS case_staging "
                         "(LIKE {} INCLUDING DEFAULTS, x double precision, y double precision) "
                         "ON COMMIT DROP").format(store._ident("cases")))
    store._run("TRUNCATE case_staging")
    copy = pgsql.SQL("COPY case_staging ({}, x, y) FROM STDIN WITH (FORMAT csv)").format(
        pgsql.SQL(", ").join(map(pgsql.Identifier, store.written()))).as_string(store.conn)
    store._copy(copy, changed, batch_id, progress, done, total, point=False)
    updates = pgsql.SQL(", ").join(pgsql.SQL("{0} = s.{0}").format(pgsql.Identifier(c)) for c in store.written()[1:])
    where = pgsql.SQL("c.case_id = s.case_id")
    if store._partitioned:  # the case's month, from its key: the UPDATE reads that month only
        where = pgsql.SQL("JOIN {} k USING (case_id) WHERE c.case_id = s.case_id AND c.reported_at = "
                          "k.reported_at").format(store._ident(partitions.KEYS))
    else:
        where = pgsql.SQL("WHERE ") + where
    cursor = store._run(pgsql.SQL(f"UPDATE {{}} c SET geom = ST_SetSRID(ST_MakePoint(s.x, s.y), {STORE_SRID}), "
                                  "{} FROM case_staging s {}").format(store._ident("cases"), updates, where))
    if cursor.rowcount != len(changed):
        raise StoreError("{store}: {missing} of the {changed} changed cases of this import were not found to be "
                         "updated (a case id written twice in one import); nothing was imported.",
                         store=store.label, missing=len(changed) - cursor.rowcount, changed=len(changed))
    store._run("TRUNCATE case_staging")


def end_cases(store: PostgisStore) -> None:
    """Index the months this import staged, key their cases and attach them (postgis_partitions.py)."""
    if not store._staged:
        return
    store._run("SET LOCAL maintenance_work_mem = '256MB'")  # sorted index builds in memory
    for key in sorted(store._staged):
        partitions.attach(store, Month(key), store._zone)
    store._staged.clear()


def read_case_records(store: PostgisStore, end: str, after: str | None, limit: int) -> CaseRecords:
    """The cases reported before `end` with a case id after `after`, `limit` of them in case-id order."""
    sql, params, names = archive.chunk_query(store, 'ST_X("geom"), ST_Y("geom")', end, after, limit)
    rows = store.query(sql, params)
    return archive.records_of(names, rows, [row[-2] for row in rows], [row[-1] for row in rows])
