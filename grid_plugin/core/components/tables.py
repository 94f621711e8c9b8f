"""Tabular input files read without QGIS: CSV in UTF-8 or the GBK family Chinese Excel writes
(XLSX sheets are read by core/xlsx.py, with the header rules of this module).

A hotline export of a million cases is some 300 MB: the file is streamed, never held as one
string, and `columns()` keeps only the columns the import maps, as plain lists (no dict per row).

The header is the first record, unless that one holds a single value (a title such as
"东城区12345工单导出 2026年3月") and a later one of the first ten looks like the header: then that
one, with a note saying so. `header_row` forces the record. Rows are numbered from the header: the
first record after it is row 1, and a blank line keeps its number.

Nothing is dropped silently: a record with more (non-empty) values than the header is a row
problem the import rejects; a record with fewer values has its missing trailing values empty; a
value longer than FIELD_LIMIT, or a quote that is never closed, stops the read naming the row.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np

from grid_plugin.core.errors import GridInputError, Message, message

ENCODINGS = ("auto", "utf-8", "gb18030")
FIELD_LIMIT = 16 * 1024 * 1024  # characters in one value; Python's csv module stops at 128 Ki
HEADER_SEARCH = 10  # records looked at for a header below a title
_CHUNK_ROWS = 100_000
# An import reads its table in chunks of whole records (`chunk_rows`): at most CHUNK_ROWS, fewer for wide
# tables, so that a chunk holds at most CHUNK_CELLS values (a 300-column export: 3,333 records a chunk). A
# chunk of 20,000 hotline cases takes some 50 MB while it is parsed and written; larger chunks are no faster.
CHUNK_ROWS = 20_000
CHUNK_CELLS = 1_000_000
_CHUNK_BYTES = 1 << 22
# byte order marks and zero-width characters: invisible in a header name, yet they make it differ
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"))

# Header names -> whether they are the header the caller expects (e.g. they name the case fields)
Expect = Callable[[list[str]], bool]


@dataclass
class TableColumns:
    """Selected columns of a table: field -> values, each record's data row number, and the rows
    that cannot be used whole (index into the columns -> reason)."""

    columns: dict[str, list]
    rows: np.ndarray  # data row numbers (the header is row 0)
    problems: dict[int, Message] = field(default_factory=dict)
    nul_free: bool = False  # known to hold no NUL character (the parser need not look)

    def __len__(self) -> int:
        return len(self.rows)


CsvColumns = TableColumns  # its former name


@dataclass
class TableChunk(TableColumns):
    """A run of consecutive records of a table (TableColumns, `problems` indexed within the chunk) that
    keeps its records as read, for the rows an import rejects: `raw_rows`."""

    records: Sequence = ()  # one per row, aligned with `rows`
    as_read: Callable[[list[Any]], list[list[Any]]] = lambda records: [list(r) for r in records]  # -> values

    def raw_rows(self, numbers: Collection[int]) -> dict[int, list[object]]:
        """The records with these data row numbers (all of this chunk's), every value as read."""
        wanted = sorted(set(numbers))
        at = np.searchsorted(self.rows, wanted).tolist()
        return dict(zip(wanted, self.as_read([self.records[k] for k in at]))) if wanted else {}


def _picker(positions: list[int]) -> Callable[[list[str]], tuple]:
    """The values at these positions of a record, as a tuple."""
    if len(positions) > 1:
        return itemgetter(*positions)
    if positions:
        at = positions[0]
        return lambda values: (values[at],)
    return lambda _values: ()


def chunk_rows(fields: int) -> int:
    """Records per chunk of an import reading a table of `fields` columns (CHUNK_ROWS, CHUNK_CELLS)."""
    return max(1, min(CHUNK_ROWS, CHUNK_CELLS // max(1, fields)))


@dataclass
class Header:
    fields: list[str]
    record: int  # 1-based record of the file (CSV) or row of the sheet (XLSX) holding the header
    notes: list[Message]  # for the log: a title skipped, a column without a name, ...


def filled(values: Sequence[object]) -> int:
    """How many of the values are not empty."""
    return sum(1 for v in values if v is not None and str(v).strip())


def choose_header(records: Sequence[tuple[int, Sequence[object]]], header_row: int | None, path: Path,
                  column_name: Callable[[int], str], expect: Expect | None = None) -> Header:
    """The header among the first records ((record or sheet row, values), blank ones included).

    Forced by `header_row`; else the first record, unless it holds a single value (a title) and a
    later one is the header: the first that `expect` accepts, or without `expect` the first with
    several values that is followed by a record with several values too (so that a one-column
    table with a stray comma keeps its header).
    """
    if header_row:
        found = [(number, values) for number, values in records if number == header_row]
        if not found or not filled(found[0][1]):
            raise GridInputError("Row {row} of {path} is empty or missing, so it cannot be the header (HEADER_ROW); "
                                 "give the row that names the columns.", row=header_row, path=str(path))
        number, values = found[0]
        return header_names(values, number, path, column_name, [])
    if not records or not filled(records[0][1]):
        raise GridInputError("{path} has no header row; the first line must name the columns.", path=str(path))
    number, values = records[0]
    notes: list[Message] = []
    if filled(values) == 1:
        later = [(n, v) for n, v in records[1:] if filled(v)]
        chosen = None
        for k, (n, v) in enumerate(later):
            if filled(v) < 2:
                continue
            if expect is not None:
                looks = expect(_clean_names(v))
            else:  # a header has data rows of several values below it
                looks = k + 1 < len(later) and filled(later[k + 1][1]) >= 2
            if looks:
                chosen = (n, v)
                break
        if chosen is not None and not (expect is not None and expect(_clean_names(values))):
            title = next(str(v).strip() for v in values if v is not None and str(v).strip())
            notes.append(message(
                "Row {title_row} ('{title}') is a title, not the header: the header is taken from row {row}. "
                "Set HEADER_ROW to choose another row.", title_row=number, title=title[:60], row=chosen[0]))
            number, values = chosen
    return header_names(values, number, path, column_name, notes)


def clean_name(name: str) -> str:
    """A column name trimmed and without invisible characters (byte order marks, zero-width spaces)."""
    return name.translate(_INVISIBLE).strip()


def _clean_names(values: Sequence[object]) -> list[str]:
    return ["" if v is None else clean_name(str(v)) for v in values]


def header_names(values: Sequence[object], number: int, path: Path, column_name: Callable[[int], str],
                 notes: list[Message]) -> Header:
    """Clean header names: trimmed, invisible characters removed (noted), trailing empty ones
    dropped, an empty one in between named after its column (noted); duplicates raise."""
    raw = ["" if v is None else str(v).strip() for v in values]
    names = _clean_names(values)
    for before, after in zip(raw, names):
        if before != after and after:
            notes.append(message("Invisible characters (a byte order mark or a zero-width space) were removed from "
                                 "the header name '{name}'.", name=after))
    while names and not names[-1]:
        names.pop()
    if not names:
        raise GridInputError("{path} has no header row; the first line must name the columns.", path=str(path))
    for k, name in enumerate(names):
        if not name:
            names[k] = f"(column {column_name(k)})"
            notes.append(message("Column {column} of the header (row {row}) has no name; it is read as '{name}'.",
                                 column=column_name(k), row=number, name=names[k]))
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise GridInputError("{path} names the column(s) {names} twice; rename them.", path=str(path),
                             names=", ".join(duplicates))
    return Header(names, number, notes)


def too_many_values(row: int, count: int, fields: int, delimiter: str) -> Message:
    return message("row {row} has {count} values but the header has {fields}: a {delimiter} inside a value "
                   "needs quotes", row=row, count=count, fields=fields,
                   delimiter=_delimiter_name(delimiter))


def _delimiter_name(delimiter: str) -> Message:
    if delimiter == ";":
        return message("semicolon")
    return message("tab") if delimiter == "\t" else message("comma")


@dataclass
class CsvTable:
    path: Path
    fields: list[str]
    encoding: str  # what was used: utf-8 or gb18030
    delimiter: str
    header_record: int = 1  # the 1-based record holding the header; the records above it are titles
    notes: list[Message] = field(default_factory=list)
    top: list[tuple[int, list[str]]] = field(default_factory=list)  # the first records of the file
    nul_free: bool = False  # no NUL byte anywhere in the file (so no value holds a NUL character)

    @property
    def text(self) -> str:
        """The whole decoded text (for small files and tests; imports stream instead)."""
        return self.path.read_text(encoding=self._codec())

    def _codec(self) -> str:
        return "utf-8-sig" if self.encoding == "utf-8" else "gb18030"

    def _open(self):
        return open(self.path, encoding=self._codec(), newline="")

    def _reader(self, handle):
        if csv.field_size_limit() < FIELD_LIMIT:
            csv.field_size_limit(FIELD_LIMIT)
        return csv.reader(handle, delimiter=self.delimiter)

    def _data(self, handle):
        """A reader past the header."""
        reader = self._reader(handle)
        try:
            for _ in range(self.header_record):
                next(reader, None)
        except csv.Error as err:
            raise GridInputError("{path} cannot be read as CSV above its data ({error}).", path=str(self.path),
                                 error=str(err)) from err
        return reader

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """(data row number, values as read) of every non-blank record after the header."""
        with self._open() as handle:
            reader = self._data(handle)
            try:
                for number, values in enumerate(reader, start=1):
                    if values:
                        yield number, values
            except csv.Error as err:
                raise self._read_error(err) from err

    def rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        """(data row number, {field: value}); row 1 is the first record after the header. A blank
        line is skipped but keeps its number. Values beyond the header are left out here (columns()
        reports them)."""
        fields = self.fields
        for number, values in self.records():
            yield number, dict(zip(fields, values))

    def raw_rows(self, numbers: Collection[int]) -> dict[int, list[str]]:
        """The records with these data row numbers, all their values as read."""
        wanted = set(numbers)
        return {number: values for number, values in self.records() if number in wanted} if wanted else {}

    def columns(self, wanted: Sequence[str], shared: Collection[str] = ()) -> TableColumns:
        """The wanted columns as lists (missing trailing cells are empty), read in chunks of records
        so that only the kept text stays in memory. Row numbers as in rows(). In the `shared`
        columns (a handful of distinct values, such as a status) equal values become one object.
        A record with non-empty values beyond the header is a problem (see too_many_values)."""
        kept: list[list[str]] = [[] for _ in wanted]
        numbers: list[np.ndarray] = []
        problems: dict[int, Message] = {}
        done = 0
        for chunk in self._chunks(wanted, shared, _CHUNK_ROWS, keep=False):
            for column, name in zip(kept, wanted):
                column.extend(chunk.columns[name])
            numbers.append(chunk.rows)
            problems.update((done + k, reason) for k, reason in chunk.problems.items())
            done += len(chunk)
        rows = np.concatenate(numbers) if numbers else np.empty(0, dtype=np.int64)
        return TableColumns(dict(zip(wanted, kept)), rows, problems, self.nul_free)

    def chunks(self, wanted: Sequence[str], shared: Collection[str] = (), size: int = 0) -> Iterator[TableChunk]:
        """columns() a chunk of `size` records at a time (default: chunk_rows of the header's width),
        each keeping its records for raw_rows(); the one-object sharing of `shared` spans the chunks."""
        return self._chunks(wanted, shared, size or chunk_rows(len(self.fields)), keep=True)

    def _chunks(self, wanted: Sequence[str], shared: Collection[str], size: int, keep: bool) -> Iterator[TableChunk]:
        positions = [self.fields.index(name) for name in wanted]
        width = max(positions, default=-1) + 1
        fields = len(self.fields)
        pick = _picker(positions)
        one: list[dict[str, str] | None] = [{} if name in shared else None for name in wanted]
        last: list[str] = []
        done = 0
        with self._open() as handle:
            reader = self._data(handle)
            while True:
                try:
                    chunk = list(itertools.islice(reader, size))
                except csv.Error as err:
                    raise self._read_error(err) from err
                if not chunk:
                    break
                number = np.arange(done + 1, done + 1 + len(chunk), dtype=np.int64)
                lengths = np.fromiter(map(len, chunk), dtype=np.int64, count=len(chunk))
                long_rows: list[tuple[int, int]] = []  # (data row, values)
                if lengths.max() > fields:
                    for k in np.flatnonzero(lengths > fields).tolist():
                        if any(v.strip() for v in chunk[k][fields:]):
                            long_rows.append((done + 1 + k, len(chunk[k])))
                done += len(chunk)
                last = chunk[-1]
                if lengths.min() >= width:  # the usual case: at C speed
                    records = chunk
                    if 2 * len(positions) < fields:  # a few columns of a wide table: pick them, row by row
                        picked_columns = list(zip(*map(pick, chunk))) or [() for _ in positions]
                    else:  # transpose the whole chunk
                        every = list(zip(*chunk))
                        picked_columns = [every[at] for at in positions]
                else:  # blank lines or short records: the careful path for this chunk
                    present = np.flatnonzero(lengths).tolist()
                    number = number[present]
                    records = [chunk[i] for i in present]
                    picked = [pick(values + [""] * (width - len(values))) for values in records]
                    picked_columns = list(zip(*picked)) if picked else [() for _ in positions]
                columns = {name: (list(values) if same is None else list(map(same.setdefault, values, values)))
                           for name, values, same in zip(wanted, picked_columns, one)}
                problems = {int(np.searchsorted(number, row)): too_many_values(row, count, fields, self.delimiter)
                            for row, count in long_rows}
                del chunk
                yield TableChunk(columns, number, problems, self.nul_free, records if keep else ())
        if any("\n" in v or "\r" in v for v in last):
            self._check_closed_quotes()

    def _failing_record(self) -> tuple[int, int]:
        """(data row, first line) of the record the csv module cannot read, found by reading again."""
        with self._open() as handle:
            reader = self._data(handle)
            number = 0
            while True:
                line = reader.line_num + 1
                number += 1
                try:
                    if next(reader, None) is None:
                        return number, line
                except csv.Error:
                    return number, line

    def _read_error(self, err: csv.Error) -> GridInputError:
        row, line = self._failing_record()
        if "field larger than field limit" in str(err):
            return GridInputError(
                "Row {row} of {path} (from line {line}) holds a value longer than {limit} characters: most likely "
                "a quote (\") opened there is never closed. Close the quote, or shorten the value.",
                row=row, path=str(self.path), line=line, limit=FIELD_LIMIT)
        return GridInputError("Row {row} of {path} (from line {line}) cannot be read as CSV ({error}).",
                              row=row, path=str(self.path), line=line, error=str(err))

    def _check_closed_quotes(self) -> None:
        """The last record spans lines: raise if that is because its quote is never closed (the csv
        module then reads the rest of the file as one value, and the rows in it would be lost)."""
        with self._open() as handle:
            reader = self._data(handle)
            number, start = 0, reader.line_num + 1
            while True:
                before = reader.line_num
                if next(reader, None) is None:
                    break
                number, start = number + 1, before + 1
        with self._open() as handle:
            tail = "".join(itertools.islice(handle, start - 1, None))
        try:
            list(csv.reader(io.StringIO(tail, newline=""), delimiter=self.delimiter, strict=True))
        except csv.Error as err:
            if "unexpected end of data" in str(err):
                raise GridInputError(
                    "Row {row} of {path} (line {line}) opens a quote (\") that is never closed, so the rest of the "
                    "file would be read as one value; close the quote or remove it.",
                    row=number, path=str(self.path), line=start) from err

    def row_count(self) -> int:
        """Lines after the header: the row count for progress (blank lines and line breaks inside
        quoted fields make it an upper bound; the import's own counts are exact)."""
        lines = 0
        last = b"\n"
        with open(self.path, "rb") as handle:
            for block in iter(lambda: handle.read(_CHUNK_BYTES), b""):
                lines += block.count(b"\n")
                last = block[-1:]
        return max(0, lines + (0 if last == b"\n" else 1) - self.header_record)


def read_csv(path: str | Path, encoding: str = "auto", header_row: int | None = None,
             expect: Expect | None = None) -> CsvTable:
    """A CSV table. `auto` takes UTF-8 (with or without BOM) when the bytes are valid UTF-8, else
    GB18030 (a superset of GBK and GB2312). The delimiter (comma, semicolon, tab) is detected on the
    first line that has one. The header: see the module docstring (`header_row` 1-based, None: find
    it; `expect` tells the header the caller wants)."""
    path = Path(path)
    if encoding not in ENCODINGS:
        raise GridInputError("Encoding '{encoding}' is not supported; use {choices}.", encoding=encoding,
                             choices=", ".join(ENCODINGS))
    used = encoding
    nul = True
    if encoding in ("auto", "utf-8"):
        bad_at, nul = _first_invalid_utf8(path)
        if bad_at is None:
            used = "utf-8"
        elif encoding == "utf-8":
            raise GridInputError("{path} is not UTF-8 (byte {at}); choose the GBK/GB18030 encoding.",
                                 path=str(path), at=bad_at)
        else:
            used = "gb18030"
    if used == "gb18030":
        nul = _check_gb(path)
    table = CsvTable(path, [], used, ",", nul_free=not nul)
    search = max(HEADER_SEARCH, header_row or 0)
    with table._open() as handle:
        lines = [line.rstrip("\r\n") for line in itertools.islice(handle, search)]
    table.delimiter = _delimiter(lines, header_row)
    if "\x00" in "".join(lines[:1]):
        raise GridInputError("The first line of {path} contains NUL characters (\\x00): the file is probably UTF-16 "
                             "text; save it as UTF-8 CSV.", path=str(path))
    with table._open() as handle, contextlib.suppress(csv.Error):  # reading the data names a bad row
        for record in enumerate(table._reader(handle), start=1):
            table.top.append(record)
            if len(table.top) >= search:
                break
    header = choose_header(table.top, header_row, path, lambda k: str(k + 1), expect)
    table.fields, table.header_record, table.notes = header.fields, header.record, header.notes
    return table


def _delimiter(lines: list[str], header_row: int | None) -> str:
    """The delimiter with the most occurrences on the header line (when forced), else the first
    line that has any (a title line above the header may have none)."""
    order = ([lines[header_row - 1]] if header_row and header_row <= len(lines) else []) + lines
    for line in order:
        best = max((",", ";", "\t"), key=line.count)
        if line.count(best):
            return best
    return ","


def _first_invalid_utf8(path: Path) -> tuple[int | None, bool]:
    """(offset of the first byte that is not UTF-8, None when the whole file is; whether a NUL byte
    comes before it), read in blocks."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    nul = False
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(_CHUNK_BYTES), b""):
            nul = nul or b"\x00" in block
            try:
                decoder.decode(block)
            except UnicodeDecodeError as err:
                return offset + err.start, nul
            offset += len(block)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as err:
            return offset + err.start, nul
    return None, nul


def _check_gb(path: Path) -> bool:
    """Raise unless the file is GB18030 text; whether it holds a NUL byte."""
    decoder = codecs.getincrementaldecoder("gb18030")()
    offset = 0
    nul = False
    with open(path, "rb") as handle:
        try:
            for block in iter(lambda: handle.read(_CHUNK_BYTES), b""):
                nul = nul or b"\x00" in block
                decoder.decode(block)
                offset += len(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as err:
            raise GridInputError("{path} is neither UTF-8 nor GBK/GB18030 text (byte {at}); save it as UTF-8 CSV.",
                                 path=str(path), at=offset + err.start) from err
    return nul
