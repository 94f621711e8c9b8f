"""Date formats of case times (importcases' DATE_FORMAT): presets, strftime patterns, and the
day/month order of slashed dates, found from the data.

Exports write times their own way: a US 311 export '01/13/2015 12:20:09 PM', a European one
'13.01.2015 12:20', a sheet saved as CSV the Excel serial number '42017.51'. `DateFormat` is the
choice of the user:

- auto (default): the forms core.cases.times reads (ISO 8601, 2015/1/2 15:04, 2015年1月2日 15时04分,
  20150102150400, spreadsheet date cells), and also day/month/year dates ('01/13/2015 12:20:09 PM',
  '13.01.2015 12:20'), year-first times with AM/PM and Excel serial numbers of five digits. Whether
  a slashed date is month or day first is decided once for all the time columns of an import, from
  every value (`TimeColumns.survey`): values that only one order reads (13 first: day first; 13
  second: month first) decide; values of both kinds, or only values that read both ways, stop the
  import and ask for DATE_FORMAT, naming a row and its readings.
- iso: year first only (the forms above that start with the year), AM/PM allowed.
- us / dmy: MM/DD/YYYY or DD/MM/YYYY ('/', '.' or '-'), then nothing, HH:MM or HH:MM:SS, 24 h or
  12 h with AM/PM.
- excel: serial day numbers (1900 system: 1 = 1900-01-01, the fraction is the time of day).
- a strftime pattern such as '%m/%d/%Y %I:%M:%S %p' (read as datetime.strptime reads it).

With us, dmy, excel or a pattern every text must have that format; a date cell of a sheet or a
date field of a layer is a time whatever the format.

Speed: values are grouped by shape (the text with each digit replaced by '#'; a numpy hash per
value); each distinct shape is matched against the format's layouts once, and the digits of all
values of one shape become numbers and datetime64 in numpy at once: a million US times take no
Python call per value. (Patterns numpy cannot read, such as month names, take datetime.strptime
once per distinct value.)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

import numpy as np

from grid_plugin.core.cases.time_layouts import (
    DIRECTIVES,
    DMY,
    EXCEL_EPOCH,
    MDY,
    SERIAL,
    SERIAL_AUTO,
    YMD_AMPM,
    Read,
    date_heads,
    is_date,
    read_layouts,
    text_values,
)
from grid_plugin.core.cases.times import TimeOutsideWindow, TimeWindow, parse_column, parse_time, utc_texts
from grid_plugin.core.errors import GridInputError, Message, message

PRESETS = ("auto", "iso", "us", "dmy", "excel")
_NAMES = {"auto": "auto", "": "auto", "iso": "iso", "ymd": "iso", "chinese": "iso", "yyyy-mm-dd": "iso",
          "us": "us", "mdy": "us", "mm/dd/yyyy": "us", "month first": "us",
          "dmy": "dmy", "dd/mm/yyyy": "dmy", "day first": "dmy", "excel": "excel"}


@dataclass(frozen=True)
class DateFormat:
    """How the texts of the time columns are written: a preset name (PRESETS) or 'pattern'."""

    name: str = "auto"
    pattern: str = ""

    @property
    def strict(self) -> bool:
        """Every text must have this format (auto and iso also read the other ISO forms)."""
        return self.name not in ("auto", "iso")

    def describe(self) -> Message:
        if self.name == "pattern":
            return message("the pattern '{pattern}'", pattern=self.pattern)
        return {"auto": message("auto"), "iso": message("ISO (year first, e.g. 2015-01-13 15:04:05)"),
                "us": message("US (MM/DD/YYYY hh:mm:ss AM/PM, or 24 h)"),
                "dmy": message("DMY (DD/MM/YYYY HH:MM)"),
                "excel": message("Excel serial numbers (e.g. 42017.5)")}[self.name]

    def layouts(self, order: str | None = None) -> list[re.Pattern[str]]:
        """The layouts (regular expressions over a value's shape) that numpy reads; `order` ('us' or
        'dmy') is the day/month order auto uses."""
        if self.name == "pattern":
            compiled = _pattern_layout(self.pattern)
            return [] if compiled is None else [compiled]
        if self.name == "auto":
            return [*([MDY if order == "us" else DMY] if order else []), YMD_AMPM, SERIAL_AUTO]
        return {"iso": [YMD_AMPM], "us": [MDY], "dmy": [DMY], "excel": [SERIAL]}[self.name]


AUTO = DateFormat()


def date_format(text: str | None) -> DateFormat:
    """The DATE_FORMAT parameter: a preset (auto, iso, us, dmy, excel; also 'MM/DD/YYYY',
    'DD/MM/YYYY', 'YYYY-MM-DD', any letter case) or a strftime pattern with a year, month and day."""
    value = (text or "").strip()
    name = _NAMES.get(value.lower())
    if name is None:
        name = next((n for spelled, n in _NAMES.items() if "/" in spelled or "-" in spelled
                     if value.lower().startswith(spelled)), None)
    if name is not None:
        return DateFormat(name)
    if "%" not in value:
        raise GridInputError(
            "DATE_FORMAT '{value}' is neither a preset ({presets}) nor a strftime pattern such as "
            "%m/%d/%Y %I:%M:%S %p.", value=value, presets=", ".join(PRESETS))
    sample = dt.datetime(2015, 1, 13, 15, 4, 5)
    try:
        read = dt.datetime.strptime(sample.strftime(value), value)
    except (ValueError, TypeError) as err:
        raise GridInputError("DATE_FORMAT '{value}' is not a pattern datetime.strptime reads ({reason}); "
                             "write it as %m/%d/%Y %I:%M:%S %p or %d.%m.%Y %H:%M.", value=value,
                             reason=str(err)) from err
    if read.date() != sample.date():
        raise GridInputError("DATE_FORMAT '{value}' has no full date; a pattern needs the year, month and day, "
                             "e.g. %m/%d/%Y %I:%M:%S %p.", value=value)
    return DateFormat("pattern", value)


def _pattern_layout(pattern: str) -> re.Pattern[str] | None:
    """A strftime pattern as a layout over shapes, None when numpy cannot read it (month names, %j,
    %z, a digit written in the pattern, a directive twice)."""
    parts: list[str] = []
    k = 0
    while k < len(pattern):
        char = pattern[k]
        if char == "%":
            directive = pattern[k + 1:k + 2]
            if directive not in DIRECTIVES:
                return None
            parts.append(DIRECTIVES[directive])
            k += 2
            continue
        if char.isdigit():
            return None
        parts.append(r"\s+" if char.isspace() else re.escape(char))
        k += 1
    try:
        return re.compile("".join(parts) + r"\Z", re.IGNORECASE)
    except re.error:
        return None


# ---- the time columns of an import --------------------------------------------------------------------
@dataclass
class _Example:
    count: int = 0
    field: str = ""
    value: str = ""
    row: int = 0
    readings: tuple[str, str] = ("", "")  # month first, day first


class _Evidence:
    """What the slashed dates seen so far say about the day/month order: per kind (month first only, day
    first only, both ways), the values counted and per field the first such value, whichever part of the
    file was seen first."""

    def __init__(self) -> None:
        self.fields: list[str] = []  # in the order the time columns come
        self.kinds: dict[str, dict[str, _Example]] = {"us": {}, "dmy": {}, "both": {}}

    def add(self, columns: Sequence[tuple[str, Sequence[object], np.ndarray]]) -> None:
        for field_name, values, rows in columns:
            if field_name not in self.fields:
                self.fields.append(field_name)
            for head, at, count in date_heads(values):
                a, b, year = head
                us_ok, dmy_ok = is_date(year, a, b), is_date(year, b, a)
                kind = ("us" if us_ok and not dmy_ok else "dmy" if dmy_ok and not us_ok
                        else "both" if us_ok and a != b else None)
                if kind is None:
                    continue
                example = self.kinds[kind].setdefault(field_name, _Example())
                example.count += count
                row = int(rows[at])
                if not example.value or row < example.row:
                    example.field, example.value, example.row = field_name, str(values[at]), row
                    example.readings = (f"{year:04d}-{a:02d}-{b:02d}", f"{year:04d}-{b:02d}-{a:02d}")

    def merge(self, other: _Evidence) -> None:
        """Add what `other` saw in a later part of the same columns."""
        for name in other.fields:
            if name not in self.fields:
                self.fields.append(name)
        for kind, examples in other.kinds.items():
            for name, seen in examples.items():
                mine = self.kinds[kind].get(name)
                if mine is None:
                    self.kinds[kind][name] = _Example(seen.count, seen.field, seen.value, seen.row, seen.readings)
                else:
                    mine.count += seen.count

    def count(self, kind: str) -> int:
        return sum(example.count for example in self.kinds[kind].values())

    def example(self, kind: str) -> _Example:
        """The first value of this kind in the first time column that has one, with the kind's count."""
        examples = self.kinds[kind]
        first = next(examples[name] for name in self.fields if name in examples)
        return _Example(self.count(kind), first.field, first.value, first.row, first.readings)


class TimeColumns:
    """The time columns of one import, read in one DateFormat: `survey` all of them first (auto
    decides the day/month order there, for every column alike), then `parse` each. `notes` says
    for the log how auto read them.

    An import that reads its table in chunks `observe`s the time columns of each chunk before parsing it,
    and `decide`s at the end: the order, the notes and the errors are those of the whole file. While no
    value has decided the order, a chunk without dates that read both ways parses alike in either
    order; one with such dates needs the order found further on (`undecided`)."""

    def __init__(self, date_format: DateFormat, zone: dt.tzinfo, window: TimeWindow):
        self.format = date_format
        self.zone = zone
        self.window = window
        self.order: str | None = {"us": "us", "dmy": "dmy"}.get(date_format.name)
        self.surveyed = date_format.name != "auto"
        self.evidence = _Evidence()
        self._order_note: list[Message] = []
        self._excel_notes: dict[str, Message | None] = {}  # per field, decided by its first Excel number
        # strptime of patterns numpy cannot read, once per distinct text
        self._fallback: dict[str, str | None | Exception] = {}

    @property
    def notes(self) -> list[Message]:
        """For the log: how the day/month order was decided, then the columns read as Excel numbers."""
        fields = self.evidence.fields
        excel = sorted(self._excel_notes.items(), key=lambda item: fields.index(item[0]) if item[0] in fields
                       else len(fields))
        return [*self._order_note, *(note for _, note in excel if note is not None)]

    def survey(self, columns: Sequence[tuple[str, Sequence[object], np.ndarray]]) -> None:
        """Decide the day/month order of auto from (field, values, row numbers) of every time column;
        GridInputError when the values leave it open or contradict each other. Looks at the distinct
        dates that start the values (a few hundred a year, found in numpy), not at every value."""
        self.observe(columns)
        self.decide()

    def observe(self, columns: Sequence[tuple[str, Sequence[object], np.ndarray]]) -> None:
        """Take in the time columns of a part of the file (chunks in file order); the order follows the
        first value that only one order reads (`decide` checks the whole file at the end)."""
        self.surveyed = True
        if self.format.name != "auto":
            return
        self.evidence.add(columns)
        if self.order is None:
            self.order = "us" if self.evidence.count("us") else "dmy" if self.evidence.count("dmy") else None

    @property
    def mixed(self) -> bool:
        """Values of both orders seen: the import stops (decide, once every value is seen, says why)."""
        return bool(self.evidence.count("us") and self.evidence.count("dmy"))

    @property
    def undecided(self) -> bool:
        """Dates that read both ways seen, and no value yet that decides the order."""
        return self.order is None and bool(self.evidence.count("both"))

    def decide(self) -> None:
        """The order of auto and its note from everything observed; GridInputError as `survey` says."""
        self.surveyed = True
        if self.format.name != "auto":
            return
        evidence = self.evidence
        month_first = evidence.example("us") if evidence.count("us") else _Example()
        day_first = evidence.example("dmy") if evidence.count("dmy") else _Example()
        if month_first.count and day_first.count:
            raise GridInputError(
                "The dates mix both orders: row {row} has {field} '{value}', which only month/day/year reads "
                "({count} values read only so), and row {row2} has {field2} '{value2}', which only "
                "day/month/year reads ({count2} values); set DATE_FORMAT to US or DMY (the values of the other "
                "order are then rejected).", row=month_first.row, field=month_first.field, value=month_first.value,
                count=month_first.count, row2=day_first.row, field2=day_first.field, value2=day_first.value,
                count2=day_first.count)
        decided = month_first if month_first.count else day_first
        self._order_note = []
        if decided.count:
            self.order = "us" if decided is month_first else "dmy"
            self._order_note.append(message(
                "Dates read as month/day/year: row {row} has {field} '{value}', which only month first reads; "
                "set DATE_FORMAT to change it.", row=decided.row, field=decided.field, value=decided.value)
                if self.order == "us" else message(
                "Dates read as day/month/year: row {row} has {field} '{value}', which only day first reads; "
                "set DATE_FORMAT to change it.", row=decided.row, field=decided.field, value=decided.value))
        elif evidence.count("both"):
            both = evidence.example("both")
            raise GridInputError(
                "Every day/month/year date reads both ways, so the order is unknown: row {row} has {field} "
                "'{value}', which is {month_first} read month first (DATE_FORMAT=US) and {day_first} read day "
                "first (DATE_FORMAT=DMY); set DATE_FORMAT.", row=both.row, field=both.field, value=both.value,
                month_first=both.readings[0], day_first=both.readings[1])
        else:
            self.order = "us"  # day equals month wherever the order matters, if anywhere: both read alike

    def provisional(self) -> str:
        """The order to parse a chunk with while undecided: any, since it holds no date that reads both ways."""
        return self.order or "us"

    def parse(self, field_name: str, values: Sequence[object], rows: np.ndarray
              ) -> tuple[list[str | None], list[tuple[int, Message]]]:
        """(UTC texts, (index, reason) of the values rejected) of one time column."""
        if not self.surveyed:
            self.survey([(field_name, values, rows)])
        read: list[Read] = []
        if self.format.strict:
            out, bad, outside = self._parse_strict(values)
        else:
            layouts = self.format.layouts(self.provisional() if self.format.name == "auto" else self.order)

            def reader(column: Sequence[object], candidates: np.ndarray):
                positions, texts, _ = text_values(column, candidates, numbers=self.format.name == "auto")
                found = read_layouts(texts, layouts)
                read.append(found)
                found.first = {name: int(positions[k]) for name, k in found.first.items()}
                return positions[found.positions], found.local, positions[found.wrong].tolist()

            out, bad, outside = parse_column(values, self.zone, self.window, reader)
        if read and "excel" in read[0].first and field_name not in self._excel_notes:
            k = read[0].first["excel"]  # the column's first Excel number says whether it gets a note
            self._excel_notes[field_name] = None if out[k] is None else message(
                "{field}: numbers read as Excel serial dates, e.g. row {row} '{value}' = {time} local time; "
                "set DATE_FORMAT if they are something else.", field=field_name, row=int(rows[k]),
                value=values[k], time=_excel_shown(values[k]))
        problems = [(i, self.not_a_time(field_name, values[i])) for i in bad]
        problems += [(i, message(
            "row {row}: {field} '{value}' is outside the years {window} accepted for case times; correct it, or "
            "widen the window (EARLIEST_YEAR, LATEST_YEAR)", row=int(rows[i]), field=field_name, value=values[i],
            window=str(self.window))) for i in outside]
        problems.sort(key=itemgetter(0))
        return out, problems

    def not_a_time(self, field_name: str, value: object) -> Message:
        if self.format.strict:
            return message("{field} '{value}' is not a date and time in the format {format}; correct it, or set "
                           "DATE_FORMAT to the format of the file", field=field_name, value=value,
                           format=self.format.describe())
        return message("{field} '{value}' is not a date and time; write it as 2025-03-01 08:05:00, or set "
                       "DATE_FORMAT to the format of the file (e.g. %d.%m.%Y %H:%M)", field=field_name, value=value)

    def _parse_strict(self, values: Sequence[object]) -> tuple[list[str | None], list[int], list[int]]:
        """Every text (with excel, also every number) must have the format; time objects are times."""
        n = len(values)
        out: list[str | None] = [None] * n
        bad: list[int] = []
        outside: list[int] = []
        excel = self.format.name == "excel"
        if not set(map(type, values)) <= {str, type(None)}:  # spreadsheet cells, layer fields
            for i, value in enumerate(values):
                if isinstance(value, dt.date):
                    try:
                        out[i] = parse_time(value, self.zone, self.window)
                    except TimeOutsideWindow:
                        outside.append(i)
                    except (ValueError, OverflowError):
                        bad.append(i)
                elif value is not None and type(value) is not str and not (
                        excel and isinstance(value, (int, float)) and not isinstance(value, bool)):
                    bad.append(i)
        positions, texts, long = text_values(values, numbers=excel)
        bad += long
        layouts = self.format.layouts(self.order)
        if layouts:
            found = read_layouts(texts, layouts)
            known = np.zeros(len(texts), dtype=bool)
            known[found.positions] = True
            inside = self.window.holds_all(found.local)
            at = positions[found.positions]
            for i, text in zip(at[inside].tolist(), utc_texts(found.local[inside], self.zone).tolist()):
                out[i] = text
            outside += at[~inside].tolist()
            bad += positions[~known].tolist()
        else:
            for i, text in zip(positions.tolist(), texts):
                result = self._strptime(text)
                if isinstance(result, TimeOutsideWindow):
                    outside.append(i)
                elif isinstance(result, Exception):
                    bad.append(i)
                else:
                    out[i] = result
        return out, sorted(bad), sorted(outside)

    def _strptime(self, text: str) -> str | None | Exception:
        """parse_time of strptime(text, pattern), or the exception; once per distinct text."""
        if text not in self._fallback:
            try:
                self._fallback[text] = parse_time(dt.datetime.strptime(text, self.format.pattern), self.zone,
                                                  self.window)
            except (ValueError, OverflowError) as err:
                self._fallback[text] = err
        return self._fallback[text]


def _shown(moment: np.datetime64) -> str:
    return str(moment.astype("datetime64[s]")).replace("T", " ")


def _excel_shown(value: object) -> str:
    try:
        serial = float(str(value).strip())
    except ValueError:
        return "?"
    seconds = int(round(serial * 86400))
    return _shown(EXCEL_EPOCH + np.timedelta64(seconds, "s"))
