"""Archiving the old months of a store (gridplugin:archivecases): the cases reported before a month are
copied into an archive GeoPackage, itself a case store, and taken out of the store, all or nothing.

The months are months of the store's zone (store_meta 'month_zone', Asia/Shanghai unless set otherwise):
the PostGIS store's partitions. A PostGIS store detaches them (postgis_partitions.remove_before) and keeps
each as a plain table or drops it; a GeoPackage store deletes their rows (gpkg_archive.py), and cannot keep
them apart. Both backends give `read_case_records(end, after, limit)` (the cases reported before `end`,
after the case id `after`, in case-id order) and `remove_before(month, keep)`.

All or nothing: the source store's transaction holds the import turn from before the copy until its
commit, so no import adds a case to those months meanwhile; the archive is written to a new file beside
its target (from a copy of it when it exists), checked to hold every case, and moved into place before the
store commits; a failed commit puts the old archive back.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from grid_plugin.core.cases.months import Month
from grid_plugin.core.cases.records import CaseFilter, CaseRecords
from grid_plugin.core.cases.times import DEFAULT_TIME_ZONE
from grid_plugin.core.output_files import StagedFile
from grid_plugin.core.progress import Progress
from grid_plugin.store.base import CaseStore, ImportCounts, StoreError, import_cases
from grid_plugin.store.schema import CASE_COLUMNS, MONTH_ZONE_KEY

CHUNK = 50_000  # cases per read and per import into the archive


def month_zone(store: CaseStore) -> str:
    """The zone of the store's months (store_meta 'month_zone'; DEFAULT_TIME_ZONE when unset)."""
    rows = store.query(f"SELECT value FROM {store.table('store_meta')} WHERE key = {store.placeholder}",
                       (MONTH_ZONE_KEY,))
    return str(rows[0][0]) if rows and rows[0][0] else DEFAULT_TIME_ZONE


def chunk_query(store: CaseStore, positions: str, end: str, after: str | None,
                limit: int) -> tuple[str, list[object], list[str]]:
    """The SQL, parameters and column names of read_case_records: every written case column (times as UTC
    text) and the backend's `positions`, of the cases reported before `end` with an id after `after`."""
    names = [c for c in CASE_COLUMNS if c != "batch_id"]
    mark = store.placeholder
    where, params = f'"reported_at" < {mark}', [end]
    if after is not None:
        where += f' AND "case_id" > {mark}'
        params.append(after)
    select = ", ".join(store.text_of(c) for c in names)
    return (f'SELECT {select}, {positions} FROM {store.table("cases")} WHERE {where} ORDER BY "case_id" '
            f"LIMIT {int(limit)}", params, names)


def records_of(names: list[str], rows: list[tuple], lon: np.ndarray, lat: np.ndarray) -> CaseRecords:
    values = {name: [row[i] for row in rows] for i, name in enumerate(names)}
    return CaseRecords(values, np.asarray(lon, dtype=float), np.asarray(lat, dtype=float),
                       np.arange(1, len(rows) + 1, dtype=np.int64))


def cases_before(store: CaseStore, month: Month) -> int:
    return store.count_cases(CaseFilter(end=month.start(month_zone(store)), include_piles=True))


def copy_before(store: CaseStore, month: Month, archive: CaseStore, progress: Progress) -> int:
    """Upsert the cases reported before `month` into `archive`, CHUNK at a time; returns how many."""
    end = month.start(month_zone(store))
    total = cases_before(store, month)
    done, after = 0, None
    source = f"{store.label} < {month.label}"
    while True:
        progress.step(done, total)
        records = store.read_case_records(end, after, CHUNK)  # type: ignore[attr-defined]
        if not len(records):
            return done
        counts = import_cases(archive, records, ImportCounts(read=len(records)), source)
        if not counts.accounted():
            raise StoreError("The archive {archive} did not take every case; nothing was archived.",
                             archive=archive.label)
        done += len(records)
        after = records.case_ids[-1]


def check_archiving(store: CaseStore, keep: bool, target: str | Path | None) -> None:
    """StoreError, before anything is written, when the store cannot archive as asked."""
    if keep and not getattr(store, "keeps_months", False):
        raise StoreError("A GeoPackage store cannot keep old months apart; delete them instead, with an archive "
                         "GeoPackage to write them to first (its cases stay readable as a case store).")
    if not keep and not target:
        raise StoreError("Deleting old months needs an archive GeoPackage to write them to first; give one, or keep "
                         "the months in the database.")
    own = getattr(store, "path", None)
    if target and own is not None and Path(target).resolve() == Path(own).resolve():
        raise StoreError("The archive {path} is the store itself; give another file.", path=str(target))


def archive_before(store: CaseStore, month: Month, keep: bool, target: str | Path | None, open_archive,
                   progress: Progress) -> tuple[int, StagedFile | None]:
    """Take the cases reported before `month` out of `store`, written first into the archive GeoPackage
    `target` when given (`open_archive(path)` opens a path as a case store). Returns the cases taken out and
    the archive file, placed but not yet kept: the caller keeps it (StagedFile.keep) once this returned, or
    undoes it. Refused (StoreError) when the store cannot keep months apart and `keep` is asked."""
    check_archiving(store, keep, target)
    staged = StagedFile(target) if target else None
    try:
        with store.transaction():
            store.begin_import()  # the import turn: no import writes those months until this commits
            total = cases_before(store, month)
            if staged is not None:
                def fill(path: Path) -> None:
                    archive = open_archive(path)
                    try:
                        copied = copy_before(store, month, archive, progress)
                    finally:
                        archive.close()
                    if copied != total:
                        raise StoreError("{copied} of the {total} cases before {month} reached the archive; "
                                         "nothing was archived.", copied=copied, total=total, month=month.label)

                staged.write_file(fill, from_target=True)
            removed = store.remove_before(month, keep)  # type: ignore[attr-defined]
            if removed != total:
                raise StoreError("{removed} cases were found in the months before {month}, {total} before its "
                                 "start; nothing was archived.", removed=removed, month=month.label, total=total)
            if staged is not None:
                staged.put_in_place()
    except BaseException:
        if staged is not None:
            staged.undo()
        raise
    return total, staged
