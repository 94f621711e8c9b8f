"""One import batch written a chunk at a time, inside the caller's transaction.

`CaseUpsert` is the upsert of store.base.import_cases spread over chunks: the import takes its turn
(begin_import), gets its batch id and tells the store how many cases to expect (begin_cases: a large
batch sets the store's indexes aside once, not once per chunk); each chunk is split into new, changed and
unchanged cases by the content hashes the store holds and written; `finish` gives the store its indexes
back (end_cases), flags the default-location piles of the whole store and records the batch. Everything
commits or rolls back with the caller's transaction, so a failure or cancel in any chunk leaves the
store as it was.
"""

from __future__ import annotations

from collections.abc import Mapping

from grid_plugin.core.cases.piles import EXACT, PileRule
from grid_plugin.core.cases.records import CaseRecords
from grid_plugin.core.progress import Progress
from grid_plugin.store.base import CaseStore, ImportCounts, flag_piles, refuse_nul_in_cases
from grid_plugin.store.schema import LIFECYCLE_COLUMNS, LOCATION_QUALITY


def store_is_empty(store: CaseStore) -> bool:
    """Whether the store holds no case (one row looked at, whatever the table's size)."""
    return not store.query(f"SELECT 1 FROM {store.table('cases')} LIMIT 1")


class CaseUpsert:
    """The cases of one batch, chunk after chunk (see the module docstring)."""

    def __init__(self, store: CaseStore, expected: int, progress: Progress | None = None):
        """Inside the caller's transaction; `expected`: the cases to expect at most (for progress and the
        store's bulk loading)."""
        self.store = store
        self.progress = progress or Progress()
        self.expected = max(1, expected)
        store.begin_import()
        self.empty = store_is_empty(store)  # no id of the import is in the store but those it writes
        self.batch_id = store.next_batch_id()
        store.begin_cases(expected)
        self.imported = self.updated = self.unchanged = 0

    @property
    def written(self) -> int:
        return self.imported + self.updated + self.unchanged

    def add(self, records: CaseRecords, stored: Mapping[str, str] | None = None) -> None:
        """Upsert one chunk (ids unique in the whole batch). `stored`: the content hashes the store holds
        for these ids, when the caller asked already (None: asked here)."""
        refuse_nul_in_cases(records)  # before this chunk's first write; earlier chunks roll back with it
        n = len(records)
        records.values.setdefault(LOCATION_QUALITY.name, [EXACT] * n)
        for column in LIFECYCLE_COLUMNS:
            records.values.setdefault(column.name, [None] * n)
        if stored is None:
            stored = {} if self.empty or not n else self.store.existing_hashes(records.case_ids)
        hashes = records.values["content_hash"]
        new, changed = [], []
        for i, case_id in enumerate(records.case_ids):
            held = stored.get(case_id)
            if held is None:
                new.append(i)
            elif held != hashes[i]:
                changed.append(i)
        done, outer = self.written, self.progress
        scale = self.expected

        def report(percent: float) -> None:
            outer.report(100.0 * min(1.0, (done + n * percent / 100.0) / scale))

        self.store.write_cases(records.take(new), records.take(changed), self.batch_id,
                               Progress(report=report, is_cancelled=outer.is_cancelled))
        self.imported += len(new)
        self.updated += len(changed)
        self.unchanged += n - len(new) - len(changed)

    def finish(self, counts: ImportCounts, source_name: str, piles: PileRule | None = None) -> ImportCounts:
        """The store's indexes back, the piles flagged (with `piles`) and the batch recorded; `counts` arrives
        with read and rejected set and leaves with the rest."""
        self.store.end_cases()
        counts.imported, counts.updated, counts.unchanged = self.imported, self.updated, self.unchanged
        if piles is not None:
            counts.piles, counts.piled = flag_piles(self.store, piles)
        counts.batch_id = self.store.record_batch(source_name, counts)
        return counts
