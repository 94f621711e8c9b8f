"""Cases read, checked and coded a chunk at a time, so that an import of any size holds one chunk.

`CaseStream` is one reading of a table (its `Chunks`: the chunks of core.components.tables or of any
other reader): each chunk is parsed (core.cases.records.CaseParser), placed in the grids (`Locate`, the
grids read once by the caller), hashed and freed of duplicate ids (core.cases.duplicates, across
chunks), and handed out with its rejects in row order and the rows as read, for the caller to write
before it reads the next one. The counts, notes and rejects of the chunks add up to those of the whole
file read at once:

- the day/month order of auto dates is the whole file's (core.cases.time_formats.TimeColumns): a chunk
  with dates that read both ways, before any value decided the order, looks further into the file for
  the value that does (the time columns only), and values of both orders stop the import with the
  whole file's counts;
- an id repeated in a later chunk with other content means a second reading (`rerun`, see
  core.cases.duplicates);
- unknown classes, reasons and the other counts are summed in file order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from grid_plugin.core.cases.case_fields import CASE_TIME_FIELDS
from grid_plugin.core.cases.case_rejects import ReasonTally
from grid_plugin.core.cases.duplicates import DuplicateTracker
from grid_plugin.core.cases.records import (
    FEW_VALUE_FIELDS,
    CaseParser,
    CaseRecords,
    Reject,
    attach_codes,
    in_id_order,
)
from grid_plugin.core.cases.time_formats import TimeColumns
from grid_plugin.core.components.tables import TableChunk
from grid_plugin.core.errors import Message

# A new reading of the table: the chunks of these input columns (those of the second list with few distinct
# values, stored once each), in file order
Chunks = Callable[[Sequence[str], Sequence[str]], Iterator[TableChunk]]
# the store's content hash of each of these ids that it holds
StoredHashes = Callable[[list[str]], Mapping[str, str]]
# CGCS2000 longitudes and latitudes -> the grid, street and community code of each point (None outside)
Locate = Callable[[np.ndarray, np.ndarray], "tuple[Sequence[str | None], Sequence[str | None], Sequence[str | None]]"]


@dataclass
class StreamChunk:
    records: CaseRecords  # the chunk's cases to store, in case-id order, with codes and content hashes
    rejects: list[Reject]  # the chunk's rejected rows, in row order
    table: TableChunk  # the chunk as read: table.raw_rows gives the rejected rows' values
    stored: dict[str, str]  # content hash per id of `records` the store held before the import


class CaseStream:
    """One reading of a table in chunks (see the module docstring). Iterate it once; then `rerun` says
    whether it must be read again with `known` = `rerun_known()`, and the totals are the file's."""

    def __init__(self, parser: CaseParser, chunks: Chunks, locate: Locate, stored: StoredHashes,
                 store_empty: bool = False, known: Mapping[int, Sequence[int]] | None = None,
                 rows_read: Callable[[int], None] | None = None, expected: int = 0):
        """`expected`: the rows to expect (an upper bound, 0: unknown), for the memory of the ids kept."""
        self.parser = parser
        self.chunks = chunks
        self.locate = locate
        self.stored = stored
        self.store_empty = store_empty  # the store held no case: no id of the file is in it but those written
        self.duplicates = DuplicateTracker(known, expected)
        self.rows_read = rows_read or (lambda _rows: None)
        self.times: TimeColumns = parser.time_columns()
        self.read = 0
        self.kept = 0  # cases handed out to store
        self.swapped = 0
        self.geocoded = 0
        self.unclassified = 0
        self.unknown_classes: Counter[str] = Counter()
        self.reasons = ReasonTally()

    @property
    def rejected(self) -> int:
        return self.reasons.rows

    @property
    def notes(self) -> list[Message]:
        return self.times.notes

    @property
    def rerun(self) -> bool:
        return self.duplicates.rerun

    def rerun_known(self) -> dict[int, list[int]]:
        return self.duplicates.rerun_known()

    def __iter__(self) -> Iterator[StreamChunk]:
        mapping = self.parser.mapping
        wanted = list(dict.fromkeys(mapping.values()))
        shared = [mapping[name] for name in FEW_VALUE_FIELDS if name in mapping]
        chunks = self.chunks(wanted, shared)
        for chunk in chunks:
            self.times.observe(self.parser.time_survey(chunk.columns, chunk.rows))
            if self.times.mixed:  # the import stops: count the rest for the message
                for rest in chunks:
                    self.times.observe(self.parser.time_survey(rest.columns, rest.rows))
                self.times.decide()
            if self.times.undecided:
                self._look_ahead(int(chunk.rows[-1]))
            yield self._chunk(chunk)
        self.times.decide()
        self.duplicates.close()

    def _chunk(self, chunk: TableChunk) -> StreamChunk:
        parsed = self.parser.parse_columns(chunk.columns, chunk.rows, consume=True, row_problems=chunk.problems,
                                           nul_free=chunk.nul_free, times=self.times)
        grid_codes, street_codes, community_codes = self.locate(parsed.records.lon, parsed.records.lat)
        parsed = attach_codes(parsed, grid_codes, street_codes, community_codes)
        keep, duplicates = self.duplicates.judge(parsed.records)
        records = in_id_order(parsed.records, keep)
        stored = {} if self.store_empty or not len(records) else dict(self.stored(records.case_ids))
        rejects = sorted([*parsed.rejects, *duplicates], key=lambda r: r.row)
        self.read += parsed.read
        self.kept += len(records)
        self.swapped += parsed.swapped
        self.geocoded += parsed.geocoded
        self.unclassified += records.values["class_code"].count(None)
        self.unknown_classes.update(parsed.unknown_classes)
        self.reasons.add(rejects)
        self.rows_read(self.read)
        return StreamChunk(records, rejects, chunk, stored)

    def _look_ahead(self, after: int) -> None:
        """Dates that read both ways, and none yet that decides: the first value further on that does
        decides; with none to the end, decide() says why the import stops."""
        ahead = self.parser.time_columns()
        names = [self.parser.mapping[name] for name in CASE_TIME_FIELDS if name in self.parser.mapping]
        for chunk in self.chunks(list(dict.fromkeys(names)), []):
            later = np.flatnonzero(chunk.rows > after)
            if not len(later):
                continue
            rows = chunk.rows[later]
            picked = later.tolist()
            ahead.observe([(name, [chunk.columns[name][k] for k in picked], rows) for name in names])
            if ahead.order is not None:
                self.times.order = ahead.order
                return
        self.times.evidence.merge(ahead.evidence)
        self.times.decide()
