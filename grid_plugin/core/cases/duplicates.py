"""Duplicate case ids in one import: the rule, and how an import read in chunks keeps it.

Among the rows that can be imported, the first row of an id is kept and its identical repeats are
rejected as such; when the repeats differ, every row of that id is rejected, naming the others (at
most five). `drop_duplicates` applies the rule to one set of records.

An import read in chunks writes each chunk before it reads the next, so `DuplicateTracker` judges a
chunk's ids against everything before it without holding the ids themselves: it keeps of every kept id a
64-bit hash, its first row and 32 bits of its content hash (`SeenIds`, 16 bytes an id: 160 MB for 10 M
cases). An identical repeat of an earlier chunk's id is rejected at once, as above. A repeat with other
content in a later chunk makes the earlier rows, already written, rejects too: the tracker then says so
(`rerun`) with every row of every such id, and the caller rolls the import back and reads the file
again, rejecting those rows from the start (`known`), so that counts, store and rejects file are the
whole file's. The hashes stand for the ids and contents: two different ids with the same 64-bit hash (a
chance of about one in 400,000 for 10 M ids) would be taken for one, and a repeat with other content
whose 32 bits match (one in 4 billion) for an identical one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from grid_plugin.core.cases.records import CaseRecords, Reject
from grid_plugin.core.errors import message

_BUCKET_SHIFT = np.uint64(56)  # the top 8 bits of a key choose one of 256 sorted arrays
_BUCKETS = 256


def id_keys(case_ids: Sequence[str]) -> np.ndarray:
    """64-bit hashes of the ids (Python's string hash: the same for equal ids within one process)."""
    return np.fromiter(map(hash, case_ids), dtype=np.int64, count=len(case_ids)).view(np.uint64)


class SeenIds:
    """A set of id keys, each with the row it was first kept from and a mark of its content, 16 bytes an id.
    The keys are sorted in 256 arrays by their top byte, made once for the ids to expect (memory is taken
    as they fill) and merged into in place, so that memory is what they hold, not old copies; the last
    chunks' keys wait in one sorted array of their own until they are worth merging in."""

    _ENTRY = np.dtype([("row", "<u4"), ("mark", "<u4")])

    def __init__(self, expected: int = 0):
        capacity = int(expected * 1.1) // _BUCKETS + 1024
        self._keys = [np.empty(capacity, dtype=np.uint64) for _ in range(_BUCKETS)]
        self._values = [np.empty(capacity, dtype=self._ENTRY) for _ in range(_BUCKETS)]
        self._sizes = [0] * _BUCKETS
        self._pending_keys = np.empty(0, dtype=np.uint64)
        self._pending_values = np.empty(0, dtype=self._ENTRY)

    def __len__(self) -> int:
        return sum(self._sizes) + len(self._pending_keys)

    def find(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(the first row of each key, -1 for keys not in the set; the mark of its content)."""
        rows = np.full(len(keys), -1, dtype=np.int64)
        marks = np.zeros(len(keys), dtype=np.uint32)
        order = np.argsort(keys)  # sorted keys find their places with fewer cache misses
        ordered = keys[order]
        _look_up(self._pending_keys, self._pending_values, order, ordered, rows, marks)
        if any(self._sizes):
            bounds = np.searchsorted(ordered >> _BUCKET_SHIFT, np.arange(_BUCKETS + 1, dtype=np.uint64))
            for bucket in np.flatnonzero(np.diff(bounds)).tolist():
                lo, hi, size = int(bounds[bucket]), int(bounds[bucket + 1]), self._sizes[bucket]
                _look_up(self._keys[bucket][:size], self._values[bucket][:size], order[lo:hi], ordered[lo:hi], rows,
                         marks)
        return rows, marks

    def add(self, keys: np.ndarray, rows: np.ndarray, marks: np.ndarray) -> None:
        """Add keys not in the set yet, with their rows and content marks."""
        order = np.argsort(keys, kind="stable")
        values = np.empty(len(keys), dtype=self._ENTRY)
        values["row"], values["mark"] = np.asarray(rows)[order], np.asarray(marks)[order]
        self._pending_keys, self._pending_values = _merged(self._pending_keys, self._pending_values, keys[order],
                                                           values)
        if len(self._pending_keys) >= _PENDING_KEYS:
            self._merge()

    def _merge(self) -> None:
        keys, values = self._pending_keys, self._pending_values
        buckets = (keys >> _BUCKET_SHIFT).astype(np.int64)  # sorted keys: each bucket's are a run
        bounds = np.searchsorted(buckets, np.arange(_BUCKETS + 1))
        for bucket in np.unique(buckets).tolist():
            lo, hi = int(bounds[bucket]), int(bounds[bucket + 1])
            size, count = self._sizes[bucket], hi - lo
            if size + count > len(self._keys[bucket]):  # more ids than expected: a larger array
                grown = (size + count) * 3 // 2
                for arrays in (self._keys, self._values):
                    bigger = np.empty(grown, dtype=arrays[bucket].dtype)
                    bigger[:size] = arrays[bucket][:size]
                    arrays[bucket] = bigger
            _merge_into(self._keys[bucket], self._values[bucket], size, keys[lo:hi], values[lo:hi])
            self._sizes[bucket] = size + count
        self._pending_keys, self._pending_values = keys[:0], values[:0]


_PENDING_KEYS = 200_000  # keys waiting before they are merged into the sorted arrays


def _merged(keys: np.ndarray, values: np.ndarray, more: np.ndarray, more_values: np.ndarray
            ) -> tuple[np.ndarray, np.ndarray]:
    """Two sorted key arrays (with their entries) as one."""
    out_keys = np.empty(len(keys) + len(more), dtype=keys.dtype)
    out_values = np.empty(len(out_keys), dtype=values.dtype)
    out_keys[:len(keys)], out_values[:len(keys)] = keys, values
    _merge_into(out_keys, out_values, len(keys), more, more_values)
    return out_keys, out_values


def _merge_into(keys: np.ndarray, values: np.ndarray, size: int, more: np.ndarray, more_values: np.ndarray) -> None:
    """Merge the sorted `more` into the sorted keys[:size] in place (the arrays have room): the new keys'
    places are found by binary search, the old ones move up into the places left, in order."""
    count = len(more)
    if not count:
        return
    new_at = np.searchsorted(keys[:size], more, side="right") + np.arange(count)
    taken = np.zeros(size + count, dtype=bool)
    taken[new_at] = True
    old_at = np.flatnonzero(~taken)
    if size:
        values[old_at] = values[:size].copy()
        keys[old_at] = keys[:size].copy()
    keys[new_at] = more
    values[new_at] = more_values


def _look_up(held: np.ndarray, values: np.ndarray, where: np.ndarray, part: np.ndarray, rows: np.ndarray,
             marks: np.ndarray) -> None:
    """rows and marks at `where` from the sorted `held` keys, for the keys of `part` found there."""
    if not len(held):
        return
    at = np.minimum(np.searchsorted(held, part), len(held) - 1)
    hit = held[at] == part
    found = values[at[hit]]
    rows[where[hit]] = found["row"]
    marks[where[hit]] = found["mark"]


def content_marks(hashes: Sequence[str]) -> np.ndarray:
    """The first 32 bits of each hex content hash."""
    return np.frombuffer(bytes.fromhex("".join(h[:8] for h in hashes)), dtype=">u4").astype(np.uint32)


def identical(row: int, first: int, case_id: str) -> Reject:
    return Reject(row, case_id, message("identical duplicate of row {row}; imported once", row=first))


def conflicting(row: int, members: Sequence[int], case_id: str) -> Reject:
    others = [m for m in members if m != row][:5]
    return Reject(row, case_id, message(
        "case id {case_id} appears again in rows {rows} with different content; none of them is imported: "
        "correct or remove the wrong rows", case_id=case_id, rows=", ".join(map(str, others))))


def drop_duplicates(records: CaseRecords) -> tuple[list[int], list[Reject]]:
    """Keep the first of each id; identical repeats are rejected as such, and every row of an id
    whose repeats differ is rejected, naming the other rows."""
    keep, rejects, _ = _judge(records.case_ids, records.values["content_hash"], records.rows)
    return keep, rejects


def _judge(ids: Sequence[str], hashes: Sequence[str], rows: np.ndarray
           ) -> tuple[list[int], list[Reject], dict[str, list[int]]]:
    """drop_duplicates of rows in row order: (kept indices, rejects, rows of each id whose rows differ)."""
    if len(set(ids)) == len(ids):
        return list(range(len(ids))), [], {}
    first: dict[str, int] = {}
    repeats: dict[str, list[int]] = {}
    for i, case_id in enumerate(ids):
        j = first.setdefault(case_id, i)
        if j != i:
            repeats.setdefault(case_id, [j]).append(i)
    rejects: list[Reject] = []
    dropped: set[int] = set()
    conflicts: dict[str, list[int]] = {}
    for case_id, members in repeats.items():
        member_rows = [int(rows[k]) for k in members]
        if len({hashes[k] for k in members}) > 1:
            conflicts[case_id] = member_rows
            rejects += [conflicting(row, member_rows, case_id) for row in member_rows]
            dropped.update(members)
        else:
            rejects += [identical(row, member_rows[0], case_id) for row in member_rows[1:]]
            dropped.update(members[1:])
    return [i for i in range(len(ids)) if i not in dropped], rejects, conflicts


class DuplicateTracker:
    """drop_duplicates across the chunks of one import (see the module docstring)."""

    def __init__(self, known: Mapping[int, Sequence[int]] | None = None, expected: int = 0):
        self.seen = SeenIds(expected)
        self.known = {key: sorted(rows) for key, rows in (known or {}).items()}  # key -> rows, all rejected
        self._known_keys = np.fromiter(self.known, dtype=np.uint64, count=len(self.known))
        self.conflicts: dict[int, list[int]] = {}  # key -> rows with other content, found in this reading
        self.rerun = False  # a conflict reaches back into an earlier chunk
        self._repeat_keys: list[np.ndarray] = []  # identical repeats of earlier chunks' ids
        self._repeat_rows: list[np.ndarray] = []

    def judge(self, records: CaseRecords) -> tuple[np.ndarray, list[Reject]]:
        """(indices of the records to keep, rejects in row order) of the next chunk (records in row order)."""
        ids, hashes, rows = records.case_ids, records.values["content_hash"], records.rows
        keys = id_keys(ids)
        marks = content_marks(hashes)
        rejects: list[Reject] = []
        drop = np.zeros(len(ids), dtype=bool)
        if len(self._known_keys):
            for i in np.flatnonzero(np.isin(keys, self._known_keys)).tolist():
                rejects.append(conflicting(int(rows[i]), self.known[int(keys[i])], ids[i]))
                drop[i] = True
        first, first_marks = self.seen.find(keys)
        earlier = (first >= 0) & ~drop
        same = earlier & (first_marks == marks)
        for i in np.flatnonzero(same).tolist():
            rejects.append(identical(int(rows[i]), int(first[i]), ids[i]))
        if same.any():
            self._repeat_keys.append(keys[same])
            self._repeat_rows.append(rows[same].astype(np.uint32))
        for i in np.flatnonzero(earlier & ~same).tolist():
            self._conflict(int(keys[i]), [int(first[i]), int(rows[i])])
            rejects.append(conflicting(int(rows[i]), [int(first[i])], ids[i]))
        drop |= earlier
        if self.conflicts:
            again = np.isin(keys, np.fromiter(self.conflicts, dtype=np.uint64, count=len(self.conflicts)))
            for i in np.flatnonzero(again & ~drop).tolist():
                self._conflict(int(keys[i]), [int(rows[i])])
                rejects.append(conflicting(int(rows[i]), self.conflicts[int(keys[i])], ids[i]))
                drop[i] = True
        rest = np.flatnonzero(~drop)
        keep, within, conflicts = _judge([ids[i] for i in rest.tolist()], [hashes[i] for i in rest.tolist()],
                                         rows[rest])
        rejects += within
        for case_id, member_rows in conflicts.items():
            self.conflicts[int(id_keys([case_id])[0])] = member_rows
        kept = rest[np.asarray(keep, dtype=np.int64)]
        self.seen.add(keys[kept], rows[kept], marks[kept])
        rejects.sort(key=lambda r: r.row)
        return kept, rejects

    def _conflict(self, key: int, rows: list[int]) -> None:
        """Rows of an id with other content than a row of an earlier chunk."""
        self.rerun = True
        self.conflicts.setdefault(key, []).extend(rows)

    def rerun_known(self) -> dict[int, list[int]]:
        """For the second reading: every row of every id whose rows differ, identical repeats included."""
        known = {key: set(rows) for key, rows in self.known.items()}
        for key, rows in self.conflicts.items():
            known.setdefault(key, set()).update(rows)
        if self._repeat_keys:
            repeat_keys, repeat_rows = np.concatenate(self._repeat_keys), np.concatenate(self._repeat_rows)
            inside = np.isin(repeat_keys, np.fromiter(known, dtype=np.uint64, count=len(known)))
            for key, row in zip(repeat_keys[inside].tolist(), repeat_rows[inside].tolist()):
                known[key].add(row)
        return {key: sorted(rows) for key, rows in known.items()}

    def close(self) -> None:
        """Free the keys (the chunks are done); a rerun keeps what rerun_known needs."""
        self.seen = SeenIds()
        if not self.rerun:
            self._repeat_keys, self._repeat_rows = [], []

