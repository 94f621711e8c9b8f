"""Tabular input files read without QGIS: CSV in UTF-8 or the GBK family Chinese Excel writes."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from grid_plugin.core.errors import GridInputError

ENCODINGS = ("auto", "utf-8", "gb18030")


@dataclass
class CsvTable:
    fields: list[str]
    encoding: str  # what was used: utf-8 or gb18030
    text: str
    delimiter: str

    def rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        """(data row number, {field: value}); row 1 is the first line after the header."""
        reader = csv.reader(io.StringIO(self.text, newline=""), delimiter=self.delimiter)
        next(reader, None)
        fields = self.fields
        for number, values in enumerate(reader, start=1):
            if not values:
                continue
            yield number, dict(zip(fields, values))

    def row_count(self) -> int:
        """Lines after the header: the row count for progress (blank lines and line breaks inside
        quoted fields make it an upper bound; the import's own counts are exact)."""
        lines = self.text.count("\n") + (0 if self.text.endswith("\n") or not self.text else 1)
        return max(0, lines - 1)


def read_csv(path: str | Path, encoding: str = "auto") -> CsvTable:
    """A CSV table. `auto` takes UTF-8 (with or without BOM) when the bytes are valid UTF-8, else
    GB18030 (a superset of GBK and GB2312). The delimiter (comma, semicolon, tab) is detected."""
    raw = Path(path).read_bytes()
    if encoding not in ENCODINGS:
        raise GridInputError("Encoding '{encoding}' is not supported; use {choices}.", encoding=encoding,
                             choices=", ".join(ENCODINGS))
    used = encoding
    if encoding in ("auto", "utf-8"):
        try:
            text = raw.decode("utf-8-sig")
            used = "utf-8"
        except UnicodeDecodeError as err:
            if encoding == "utf-8":
                raise GridInputError("{path} is not UTF-8 (byte {at}); choose the GBK/GB18030 encoding.",
                                     path=str(path), at=err.start) from err
            text, used = _decode_gb(raw, path), "gb18030"
    else:
        text = _decode_gb(raw, path)
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    header = next(csv.reader([first], delimiter=delimiter), [])
    fields = [name.strip() for name in header]
    if not fields or not any(fields):
        raise GridInputError("{path} has no header row; the first line must name the columns.", path=str(path))
    duplicates = sorted({name for name in fields if fields.count(name) > 1})
    if duplicates:
        raise GridInputError("{path} names the column(s) {names} twice; rename them.", path=str(path),
                             names=", ".join(duplicates))
    return CsvTable(fields, used, text, delimiter)


def _decode_gb(raw: bytes, path: str | Path) -> str:
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError as err:
        raise GridInputError("{path} is neither UTF-8 nor GBK/GB18030 text (byte {at}); save it as UTF-8 CSV.",
                             path=str(path), at=err.start) from err
