"""Tabular input files read without QGIS: CSV in UTF-8 or the GBK family Chinese Excel writes.

A hotline export of a million cases is some 300 MB: the file is streamed, never held as one
string, and `columns()` keeps only the columns the import maps, as plain lists (no dict per row).
"""

from __future__ import annotations

import codecs
import csv
import itertools
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

import numpy as np

from grid_plugin.core.errors import GridInputError

ENCODINGS = ("auto", "utf-8", "gb18030")
_CHUNK_ROWS = 100_000
_CHUNK_BYTES = 1 << 22


@dataclass
class CsvColumns:
    """Selected columns of a CSV: field -> values (text), and each record's data row number."""

    columns: dict[str, list[str]]
    rows: np.ndarray  # 1-based data row numbers (the header is row 0)

    def __len__(self) -> int:
        return len(self.rows)


@dataclass
class CsvTable:
    path: Path
    fields: list[str]
    encoding: str  # what was used: utf-8 or gb18030
    delimiter: str

    @property
    def text(self) -> str:
        """The whole decoded text (for small files and tests; imports stream instead)."""
        return self.path.read_text(encoding=self._codec())

    def _codec(self) -> str:
        return "utf-8-sig" if self.encoding == "utf-8" else "gb18030"

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        with open(self.path, encoding=self._codec(), newline="") as handle:
            reader = csv.reader(handle, delimiter=self.delimiter)
            next(reader, None)
            for number, values in enumerate(reader, start=1):
                if values:
                    yield number, values

    def rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        """(data row number, {field: value}); row 1 is the first record after the header. A blank
        line is skipped but keeps its number."""
        fields = self.fields
        for number, values in self._records():
            yield number, dict(zip(fields, values))

    def columns(self, wanted: Sequence[str], shared: Collection[str] = ()) -> CsvColumns:
        """The wanted columns as lists (missing trailing cells are empty), read in chunks of records
        so that only the kept text stays in memory. Row numbers as in rows(). In the `shared`
        columns (a handful of distinct values, such as a status) equal values become one object."""
        positions = [self.fields.index(name) for name in wanted]
        width = max(positions, default=-1) + 1
        getter = itemgetter(*positions)
        pick = getter if len(positions) > 1 else (lambda values: (getter(values),))
        kept: list[list[str]] = [[] for _ in wanted]
        one: list[dict[str, str] | None] = [{} if name in shared else None for name in wanted]
        numbers: list[np.ndarray] = []
        done = 0
        with open(self.path, encoding=self._codec(), newline="") as handle:
            reader = csv.reader(handle, delimiter=self.delimiter)
            next(reader, None)
            while True:
                chunk = list(itertools.islice(reader, _CHUNK_ROWS))
                if not chunk:
                    break
                number = np.arange(done + 1, done + 1 + len(chunk), dtype=np.int64)
                done += len(chunk)
                lengths = set(map(len, chunk))
                if len(lengths) == 1 and min(lengths) >= width:  # the usual case: transpose at C speed
                    every = list(zip(*chunk))
                    picked_columns = [every[at] for at in positions]
                else:  # blank lines or short records: the careful path for this chunk
                    present = [i for i, values in enumerate(chunk) if values]
                    number = number[present]
                    picked = [pick(chunk[i] + [""] * (width - len(chunk[i]))) for i in present]
                    picked_columns = list(zip(*picked)) if picked else [() for _ in positions]
                numbers.append(number)
                for column, values, same in zip(kept, picked_columns, one):
                    column.extend(values if same is None else map(same.setdefault, values, values))
        rows = np.concatenate(numbers) if numbers else np.empty(0, dtype=np.int64)
        return CsvColumns(dict(zip(wanted, kept)), rows)

    def row_count(self) -> int:
        """Lines after the header: the row count for progress (blank lines and line breaks inside
        quoted fields make it an upper bound; the import's own counts are exact)."""
        lines = 0
        last = b"\n"
        with open(self.path, "rb") as handle:
            for block in iter(lambda: handle.read(_CHUNK_BYTES), b""):
                lines += block.count(b"\n")
                last = block[-1:]
        return max(0, lines + (0 if last == b"\n" else 1) - 1)


def read_csv(path: str | Path, encoding: str = "auto") -> CsvTable:
    """A CSV table. `auto` takes UTF-8 (with or without BOM) when the bytes are valid UTF-8, else
    GB18030 (a superset of GBK and GB2312). The delimiter (comma, semicolon, tab) is detected."""
    path = Path(path)
    if encoding not in ENCODINGS:
        raise GridInputError("Encoding '{encoding}' is not supported; use {choices}.", encoding=encoding,
                             choices=", ".join(ENCODINGS))
    used = encoding
    if encoding in ("auto", "utf-8"):
        bad_at = _first_invalid_utf8(path)
        if bad_at is None:
            used = "utf-8"
        elif encoding == "utf-8":
            raise GridInputError("{path} is not UTF-8 (byte {at}); choose the GBK/GB18030 encoding.",
                                 path=str(path), at=bad_at)
        else:
            used = "gb18030"
    if used == "gb18030":
        _check_gb(path)
    table = CsvTable(path, [], used, ",")
    with open(path, encoding=table._codec(), newline="") as handle:
        first = handle.readline().rstrip("\r\n")
    table.delimiter = max((",", ";", "\t"), key=first.count)
    header = next(csv.reader([first], delimiter=table.delimiter), [])
    table.fields = [name.strip() for name in header]
    if not table.fields or not any(table.fields):
        raise GridInputError("{path} has no header row; the first line must name the columns.", path=str(path))
    duplicates = sorted({name for name in table.fields if table.fields.count(name) > 1})
    if duplicates:
        raise GridInputError("{path} names the column(s) {names} twice; rename them.", path=str(path),
                             names=", ".join(duplicates))
    return table


def _first_invalid_utf8(path: Path) -> int | None:
    """Offset of the first byte that is not UTF-8, None when the whole file is (read in blocks)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(_CHUNK_BYTES), b""):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as err:
                return offset + err.start
            offset += len(block)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as err:
            return offset + err.start
    return None


def _check_gb(path: Path) -> None:
    decoder = codecs.getincrementaldecoder("gb18030")()
    offset = 0
    with open(path, "rb") as handle:
        try:
            for block in iter(lambda: handle.read(_CHUNK_BYTES), b""):
                decoder.decode(block)
                offset += len(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as err:
            raise GridInputError("{path} is neither UTF-8 nor GBK/GB18030 text (byte {at}); save it as UTF-8 CSV.",
                                 path=str(path), at=offset + err.start) from err
