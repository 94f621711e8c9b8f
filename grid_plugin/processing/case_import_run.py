"""importcases' pass over its table in chunks (core.cases.case_stream): each chunk parsed, placed in the
grids, written into the store (store.case_import.CaseUpsert) and its rejected rows into the rejects file
before the next chunk is read, so that memory holds one chunk whatever the file's size. The whole pass
is inside the caller's transaction.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

import numpy as np

from grid_plugin.core.cases.case_stream import CaseStream
from grid_plugin.core.cases.records import CaseParser, Reject
from grid_plugin.core.components.tables import TableChunk
from grid_plugin.core.errors import Message
from grid_plugin.core.geodesy.datum import DatumGuess, combine_guesses
from grid_plugin.core.output_files import StagedFile, spreadsheet_row
from grid_plugin.core.progress import Progress
from grid_plugin.processing.datum import Contains, datum_guess
from grid_plugin.processing.parameters.store import GridCodeLocator
from grid_plugin.processing.parameters.tables import InputTable
from grid_plugin.store.base import CaseStore
from grid_plugin.store.case_import import CaseUpsert

EXTRA_VALUES = "(extra values)"


class RejectsWriter:
    """The rejected rows, as they come, chunk by chunk: row number, case id, reasons (in the user's
    language) and the row as read, values beyond the header in one last column; every cell safe to open
    in Excel. That last column is there when a rejected row has such values: the rows written before
    the first of them get it too, when `finish` writes the file once more."""

    def __init__(self, handle: TextIO, fields: Sequence[str], delimiter: str, render: Callable[[Message], str]):
        self.handle = handle
        self.writer = csv.writer(handle)
        self.size = len(fields)
        self.delimiter = delimiter
        self.render = render
        self.extra = False  # a rejected row has more values than the header
        self.writer.writerow(spreadsheet_row(["row", "case_id", "reason", *fields]))

    def write(self, rejects: Sequence[Reject], chunk: TableChunk) -> None:
        if not rejects:
            return
        raw = chunk.raw_rows({reject.row for reject in rejects})
        size = self.size
        rows = []
        for reject in rejects:
            values = [_cell_text(v) for v in raw.get(reject.row, [])]
            long = len(values) > size
            self.extra = self.extra or long
            values += [""] * (size - len(values))
            tail = [self.delimiter.join(values[size:])] if self.extra else []
            reasons = "; ".join(self.render(reason) for reason in reject.reasons)
            rows.append(spreadsheet_row([reject.row, reject.case_id, reasons, *values[:size], *tail]))
        self.writer.writerows(rows)
        self.handle.flush()  # on disk as the chunk is done, not held to the end

    def finish(self, staged: StagedFile) -> None:
        """Give every row the last column when some rejected row needed it (the file written again)."""
        if not self.extra or staged.temp is None:
            return
        written, staged.temp = staged.temp, None
        width = 3 + self.size
        with open(written, encoding="utf-8-sig", newline="") as source, staged.writing() as target:
            reader, writer = csv.reader(source), csv.writer(target)
            writer.writerow([*next(reader), *spreadsheet_row([EXTRA_VALUES])])
            for row in reader:
                writer.writerow(row if len(row) > width else [*row, ""])
        written.unlink()


def _cell_text(value: object) -> object:
    """A value as read, for the rejects file: numbers stay numbers, times become ISO text."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return value


@dataclass
class DatumTally:
    """check_datum over the chunks: the counts of each, and whether any case lay outside every grid."""

    contains: Contains
    chosen: str
    guesses: list[DatumGuess] = field(default_factory=list)
    outside: bool = False

    def add(self, lon: np.ndarray, lat: np.ndarray, grid_codes: Sequence[str | None]) -> None:
        if len(lon):
            self.guesses.append(datum_guess(lon, lat, self.contains, self.chosen))
            self.outside = self.outside or None in grid_codes

    def guess(self) -> DatumGuess:
        return combine_guesses(self.guesses)


class Rerun(Exception):
    """Ids repeated with other content in distant chunks: the pass rolls back, and the next one rejects
    their rows from the start."""

    def __init__(self, known: dict[int, list[int]]):
        super().__init__("read again")
        self.known = known


class AllRejected(Exception):
    """Every row was rejected: the import stops (the store rolls back) and says why."""

    def __init__(self, stream: CaseStream):
        super().__init__("every row rejected")
        self.stream = stream


@dataclass
class ChunkedImport:
    """One pass of importcases over its table, inside the caller's transaction (see the module docstring)."""

    store: CaseStore
    table: InputTable
    parser: CaseParser
    locator: GridCodeLocator  # the grids, read once
    datum: DatumTally
    progress: Progress
    known: dict[int, list[int]] | None = None  # ids to reject from the start (from a first pass)

    def run(self, rejects: StagedFile, render: Callable[[Message], str]) -> tuple[CaseStream, CaseUpsert]:
        """Write every chunk's cases and rejected rows; Rerun or AllRejected (both roll back) as they say."""
        expected = self.table.row_count()
        upsert = CaseUpsert(self.store, expected or 0, self.progress)

        def locate(lon: np.ndarray, lat: np.ndarray):
            codes = self.locator(lon, lat)
            self.datum.add(lon, lat, codes.grid_codes)
            return codes.grid_codes, codes.street_codes, codes.community_codes

        def rows_read(read: int) -> None:
            self.progress.step(read, max(read, expected or 0) or 1)  # a cancel raises here, between chunks

        stream = CaseStream(self.parser, self.table.chunks, locate, self.store.existing_hashes,
                            store_empty=upsert.empty, known=self.known, rows_read=rows_read, expected=expected or 0)
        with rejects.writing() as handle:
            writer = RejectsWriter(handle, self.table.fields, getattr(self.table, "delimiter", ";"), render)
            for piece in stream:
                upsert.add(piece.records, piece.stored)
                writer.write(piece.rejects, piece.table)
        if stream.rerun:
            raise Rerun(stream.rerun_known())
        writer.finish(rejects)
        if stream.read and not stream.kept:
            raise AllRejected(stream)
        return stream, upsert
