"""XLSX sheets read without QGIS: the workbook's XML streamed through expat, cell by cell.

Why not OGR: GDAL's XLSX driver takes a custom number format such as 'yyyy/m/d h:mm' for a date
(it looks for 'HH', not 'h') and drops the time of every such cell, so each case landed at local
midnight; it also cannot skip title rows above the header. Here a number cell with a date or time
format becomes 'YYYY-MM-DD HH:MM:SS' text, the time the sheet shows (to the second), which the case
import parses as local time like any other; other numbers stay numbers (whole ones as int), text
stays text. The header and the row numbers follow core/tables.py: the first row after the header
is row 1, and so on by the sheet's row numbers.
"""

from __future__ import annotations

import datetime as dt
import itertools
import posixpath
import re
import zipfile
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree
from xml.parsers import expat

import numpy as np

from grid_plugin.core.components.tables import (
    HEADER_SEARCH,
    Expect,
    TableChunk,
    TableColumns,
    choose_header,
    chunk_rows,
)
from grid_plugin.core.errors import GridInputError, Message, message

# number formats 14-22, 27-36, 45-47 and 50-58 are dates or times (ECMA-376 and its East Asian ids)
_DATE_FORMAT_IDS = frozenset([*range(14, 23), *range(27, 37), 45, 46, 47, *range(50, 59)])
_ELAPSED = re.compile(r"\[(h+|m+|s+)\]", re.IGNORECASE)
_NOT_FORMAT = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|[_*].')  # quoted text, escapes, [Red]/[$-804], padding
_DATE_CODES = re.compile(r"[ymdhs]", re.IGNORECASE)
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")  # how OOXML writes control characters in text
_DIMENSION = re.compile(r'<(?:\w+:)?dimension\s+ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"')
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_SECONDS_PER_DAY = 86400


def is_date_format(code: str) -> bool:
    """Whether an Excel number format shows a date or a time ('yyyy/m/d h:mm', '[h]:mm', 'm月d日')."""
    if _ELAPSED.search(code):
        return True
    return bool(_DATE_CODES.search(_NOT_FORMAT.sub("", code.split(";")[0])))


def column_letters(index: int) -> str:
    """0 -> 'A', 27 -> 'AB'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_COLUMNS: dict[str, int] = {}


def _column_index(reference: str) -> int:
    letters = reference.rstrip("0123456789")
    index = _COLUMNS.get(letters)
    if index is None:
        index = 0
        for char in letters.upper():
            index = index * 26 + ord(char) - 64
        index = _COLUMNS[letters] = index - 1
    return index


def _unescape(text: str) -> str:
    return _ESCAPED.sub(lambda found: chr(int(found.group(1), 16)), text) if "_x" in text else text


@dataclass
class XlsxTable:
    path: Path
    sheet: str
    fields: list[str]
    header_record: int  # the sheet row of the header
    notes: list[Message] = field(default_factory=list)
    top: list[tuple[int, list[object]]] = field(default_factory=list)  # the first rows, numbered as in the sheet
    _part: str = ""  # the sheet's XML in the archive
    _strings: list[str] = field(default_factory=list)
    _dates: frozenset[int] = frozenset()  # cell styles that show a date or time
    _epoch: dt.datetime = dt.datetime(1899, 12, 30)

    def _sheet_rows(self, keep: Collection[int] | None = None,
                    size: int = 0) -> Iterator[tuple[int, dict[int, object]]]:
        """(sheet row, {column index: value}) of every row in the sheet, streamed. With `keep`, only
        those columns and any beyond the first `size` are converted."""
        reader = _SheetReader(self._strings, self._dates, self._epoch, keep, size)
        parser = expat.ParserCreate(namespace_separator="}")
        parser.buffer_text = True
        parser.StartElementHandler = reader.start
        parser.EndElementHandler = reader.end
        parser.CharacterDataHandler = reader.characters
        try:
            with zipfile.ZipFile(self.path) as archive, archive.open(self._part) as stream:
                for block in iter(lambda: stream.read(1 << 20), b""):
                    parser.Parse(block, False)
                    if reader.done:
                        yield from reader.done
                        reader.done = []
                parser.Parse(b"", True)
        except (expat.ExpatError, zipfile.BadZipFile, OSError, IndexError, ValueError) as err:  # a cell it cannot be
            raise GridInputError("Sheet '{sheet}' of {path} cannot be read ({error}); open it in Excel or WPS and "
                                 "save it again.", sheet=self.sheet, path=str(self.path), error=str(err)) from err
        yield from reader.done

    def records(self, keep: Collection[int] | None = None) -> Iterator[tuple[int, dict[int, object]]]:
        """(data row number, {column index: value}) of the non-empty rows below the header."""
        start = self.header_record
        for number, values in self._sheet_rows(keep, len(self.fields)):
            if number > start and any(v is not None and v != "" for v in values.values()):
                yield number - start, values

    def rows(self) -> Iterator[tuple[int, dict[str, object]]]:
        """(data row number, {field: value}) as CsvTable.rows() gives them."""
        fields = self.fields
        for number, values in self.records():
            yield number, {name: values.get(k) for k, name in enumerate(fields)}

    def row_count(self) -> int | None:
        """The rows below the header as the sheet's dimension says (an upper bound: blank rows count), None
        without one; read from the start of the sheet, not from its rows."""
        try:
            with zipfile.ZipFile(self.path) as archive, archive.open(self._part) as stream:
                head = stream.read(1 << 16).decode("utf-8", errors="replace")
        except (zipfile.BadZipFile, OSError, KeyError):
            return None
        found = _DIMENSION.search(head.split("<sheetData", 1)[0])
        return max(0, int(found.group(1)) - self.header_record) if found and found.group(1) else None

    def raw_rows(self, numbers: Collection[int]) -> dict[int, list[object]]:
        """The rows with these data row numbers, every value as read (beyond the header too)."""
        wanted = set(numbers)
        out = {}
        if wanted:
            for number, values in self.records():
                if number in wanted:
                    out[number] = [values.get(k) for k in range(max(values) + 1)]
        return out

    def columns(self, wanted: Sequence[str], shared: Collection[str] = ()) -> TableColumns:
        """The wanted columns as lists (None for an empty cell), with data row numbers; a row with
        a value in a column beyond the header is a problem."""
        chunk = next(self._chunks(wanted, shared, 0, keep=False), None)
        if chunk is None:
            return TableColumns({name: [] for name in wanted}, np.empty(0, dtype=np.int64), {})
        return TableColumns(chunk.columns, chunk.rows, chunk.problems)

    def chunks(self, wanted: Sequence[str], shared: Collection[str] = (), size: int = 0) -> Iterator[TableChunk]:
        """columns() a chunk of `size` rows at a time (default: chunk_rows of the header's width), each
        keeping its rows, every value converted, for raw_rows()."""
        return self._chunks(wanted, shared, size or chunk_rows(len(self.fields)), keep=True)

    def _chunks(self, wanted: Sequence[str], shared: Collection[str], size: int, keep: bool) -> Iterator[TableChunk]:
        """Chunks of `size` rows (0: all in one)."""
        positions = [self.fields.index(name) for name in wanted]
        width = len(self.fields)
        one: list[dict | None] = [{} if name in shared else None for name in wanted]

        def chunk_of(part: list[tuple[int, dict[int, object]]]) -> TableChunk:
            problems: dict[int, Message] = {}
            for k, (number, values) in enumerate(part):
                beyond = [c for c in values if c >= width and values[c] is not None and values[c] != ""]
                if beyond:
                    problems[k] = message(
                        "row {row} has a value in column {column}, which has no header; name the column or move "
                        "the value", row=number, column=column_letters(min(beyond)))
            columns = {}
            for name, at, same in zip(wanted, positions, one):
                got = [values.get(at) for _, values in part]
                columns[name] = got if same is None else [
                    value if not isinstance(value, str) else same.setdefault(value, value) for value in got]
            return TableChunk(columns, np.fromiter((n for n, _ in part), dtype=np.int64, count=len(part)), problems,
                              False, [values for _, values in part] if keep else (), _listed)

        rows = self.records(None if keep else set(positions))
        while True:
            part = list(itertools.islice(rows, size or None))
            if not part:
                return
            yield chunk_of(part)
            if not size:
                return


_SKIPPED = object()  # stands for a value in a column that was not asked for


class _SheetReader:
    """expat handlers collecting a sheet's rows (a state machine over <row>, <c>, <v>, <is><t>)."""

    def __init__(self, strings: list[str], dates: frozenset[int], epoch: dt.datetime,
                 keep: Collection[int] | None, size: int):
        self.strings, self.dates, self.epoch = strings, dates, epoch
        self.keep, self.size = keep, size
        self.done: list[tuple[int, dict[int, object]]] = []
        self.row = 0
        self.values: dict[int, object] = {}
        self.column = -1
        self.kind = "n"
        self.style = 0
        self.text: list[str] = []
        self.collect = False
        self.phonetic = False
        self.tags: dict[str, str] = {}

    def tag(self, name: str) -> str:
        local = self.tags.get(name)
        if local is None:
            local = self.tags[name] = name.rpartition("}")[2]
        return local

    def start(self, name: str, attributes: dict[str, str]) -> None:
        tag = self.tags.get(name) or self.tag(name)
        if tag == "c":
            reference = attributes.get("r")
            self.column = _column_index(reference) if reference else self.column + 1
            self.kind = attributes.get("t", "n")
            self.style = int(attributes.get("s", 0))
            self.text = []
        elif tag == "v" or (tag == "t" and not self.phonetic):
            self.collect = True
        elif tag == "rPh":
            self.phonetic = True
        elif tag == "row":
            number = attributes.get("r")
            self.row = int(number) if number else self.row + 1
            self.values = {}
            self.column = -1

    def characters(self, data: str) -> None:
        if self.collect:
            self.text.append(data)

    def end(self, name: str) -> None:
        tag = self.tags.get(name) or self.tag(name)
        if tag == "c":
            column = self.column
            if self.keep is None or column in self.keep or column >= self.size:
                self.values[column] = self.value("".join(self.text))
            elif self.text:
                self.values[column] = _SKIPPED  # a value, not read: the row is not blank
        elif tag in ("v", "t"):
            self.collect = False
        elif tag == "rPh":
            self.phonetic = False
        elif tag == "row":
            self.done.append((self.row, self.values))

    def value(self, text: str) -> object:
        kind = self.kind
        if kind == "s":
            return self.strings[int(text)] if text else None
        if kind in ("inlineStr", "str", "e", "d"):
            return _unescape(text) if kind != "d" else text.replace("T", " ")
        if kind == "b":
            return text in ("1", "true")
        if not text:
            return None
        if self.style in self.dates:
            return _serial_time(float(text), self.epoch)
        if "." in text or "E" in text or "e" in text:
            number = float(text)
            return int(number) if number.is_integer() and abs(number) < 2 ** 53 else number
        return int(text)


def _listed(rows: list[dict[int, object]]) -> list[list[object]]:
    """Sheet rows ({column index: value}) as their values by position."""
    return [[values.get(k) for k in range(max(values) + 1)] if values else [] for values in rows]


def _serial_time(serial: float, epoch: dt.datetime) -> object:
    """An Excel serial date-time as 'YYYY-MM-DD HH:MM:SS' (to the nearest second); the number itself
    when it is no date. Serials below 61 of the 1900 system skip Excel's 29 February 1900."""
    if epoch.year == 1899 and serial < 61:
        serial += 1
    try:
        return (epoch + dt.timedelta(seconds=round(serial * _SECONDS_PER_DAY))).isoformat(sep=" ")
    except (OverflowError, ValueError):
        return serial


def read_xlsx(path: str | Path, sheet: str | None = None, header_row: int | None = None,
              expect: Expect | None = None) -> XlsxTable:
    """A sheet of an XLSX workbook (`sheet` by name; empty: the first), its header chosen as for a CSV
    (core/tables.py: `header_row` forces the sheet row)."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            book_part = _office_document(archive, names)
            book = _xml(archive, book_part)
            relations = _relations(archive, names, book_part)
            sheets = _sheets(book, relations)
            strings = _shared_strings(archive, relations.get("sharedStrings", []))
            dates = _date_styles(archive, relations.get("styles", []))
    except zipfile.BadZipFile as err:
        raise GridInputError("{path} is not an XLSX workbook; save it from Excel or WPS as .xlsx (without a "
                             "password), or as CSV.", path=str(path)) from err
    except (KeyError, ElementTree.ParseError, ValueError) as err:
        raise GridInputError("{path} is not an XLSX workbook Excel would open ({error}); save it from Excel or WPS "
                             "again.", path=str(path), error=str(err)) from err
    if not sheets:
        raise GridInputError("{path} has no sheets.", path=str(path))
    wanted = (sheet or "").strip()
    if wanted:
        found = [(name, part) for name, part in sheets if name == wanted]
        if not found:
            raise GridInputError("{path} has no sheet '{sheet}'; its sheets are: {sheets}.", path=str(path),
                                 sheet=wanted, sheets=", ".join(name for name, _ in sheets))
        name, part = found[0]
    else:
        name, part = sheets[0]
    date1904 = any(_local(e.tag) == "workbookPr" and e.get("date1904") in ("1", "true") for e in book.iter())
    epoch = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)
    table = XlsxTable(path, name, [], 0, _part=part, _strings=strings, _dates=dates, _epoch=epoch)
    top: list[tuple[int, list[object]]] = []
    for number, values in table._sheet_rows():
        if values and any(v is not None and v != "" for v in values.values()):
            top.append((number, [values.get(k) for k in range(max(values) + 1)]))
        if len(top) >= HEADER_SEARCH and number >= (header_row or 0):
            break
    table.top = top
    header = choose_header(top, header_row, path, column_letters, expect)
    table.fields, table.header_record, table.notes = header.fields, header.record, header.notes
    return table


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _xml(archive: zipfile.ZipFile, part: str) -> ElementTree.Element:
    with archive.open(part) as stream:
        return ElementTree.parse(stream).getroot()


def _office_document(archive: zipfile.ZipFile, names: set[str]) -> str:
    if "_rels/.rels" in names:
        for relation in _xml(archive, "_rels/.rels"):
            if relation.get("Type", "").endswith("/officeDocument"):
                return relation.get("Target", "").lstrip("/")
    return "xl/workbook.xml"


def _relations(archive: zipfile.ZipFile, names: set[str], part: str) -> dict[str, list[tuple[str, str]]]:
    """Relationship type (last word) -> [(id, part)] of a part."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    out: dict[str, list[tuple[str, str]]] = {}
    if rels in names:
        for relation in _xml(archive, rels):
            target = relation.get("Target", "")
            if target.startswith("/"):
                target = target.lstrip("/")
            else:
                target = posixpath.normpath(posixpath.join(folder, target))
            kind = relation.get("Type", "").rpartition("/")[2]
            out.setdefault(kind, []).append((relation.get("Id", ""), target))
    return out


def _sheets(book: ElementTree.Element, relations: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """(name, part) of the workbook's worksheets in order (chart sheets have no rows)."""
    parts = {rid: target for rid, target in relations.get("worksheet", [])}
    out = []
    for element in book.iter():
        if _local(element.tag) == "sheet":
            rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
            if rid in parts:
                out.append((element.get("name", ""), parts[rid]))
    return out


def _shared_strings(archive: zipfile.ZipFile, parts: list[tuple[str, str]]) -> list[str]:
    strings: list[str] = []
    if not parts:
        return strings
    state = {"text": [], "collect": False, "phonetic": False}
    text: list[str] = state["text"]  # type: ignore[assignment]

    def start(name: str, attributes: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "t" and not state["phonetic"]:
            state["collect"] = True
        elif tag == "rPh":
            state["phonetic"] = True
        elif tag == "si":
            text.clear()

    def end(name: str) -> None:
        tag = _local(name)
        if tag == "t":
            state["collect"] = False
        elif tag == "rPh":
            state["phonetic"] = False
        elif tag == "si":
            strings.append(_unescape("".join(text)))

    def characters(data: str) -> None:
        if state["collect"]:
            text.append(data)

    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, characters
    with archive.open(parts[0][1]) as stream:
        parser.ParseFile(stream)
    return strings


def _date_styles(archive: zipfile.ZipFile, parts: list[tuple[str, str]]) -> frozenset[int]:
    """The cell style indices (the 's' of a cell) whose number format shows a date or time."""
    if not parts:
        return frozenset()
    styles = _xml(archive, parts[0][1])
    custom = {int(e.get("numFmtId", -1)): e.get("formatCode", "") for e in styles.iter()
              if _local(e.tag) == "numFmt"}
    cell_formats = next((e for e in styles if _local(e.tag) == "cellXfs"), None)
    if cell_formats is None:
        return frozenset()
    out = set()
    for index, xf in enumerate(e for e in cell_formats if _local(e.tag) == "xf"):
        format_id = int(xf.get("numFmtId", 0))
        if format_id in custom:
            if is_date_format(custom[format_id]):
                out.add(index)
        elif format_id in _DATE_FORMAT_IDS:
            out.add(index)
    return frozenset(out)

