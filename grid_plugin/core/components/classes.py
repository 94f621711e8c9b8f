"""Component and event class tables of the two coding schemes (部件/事件分类).

Two schemes are supported:

- ``gbt47678``: GB/T 47678.5-2026, 5-digit class code = 2-digit major + 3-digit minor; a component
  ID has 6 (district) + 5 + 6 (serial) = 17 digits.
- ``gbt30428``: legacy GB/T 30428.2-2013 / CJ/T 214-2007, 4-digit class code = 2 + 2; IDs have
  16 digits.

The plugin's tables are ``resources/classes/{components,events}_{scheme}.csv``, written by
``resources/classes/make_classes.py`` from the shared reference lists. Users add or override
classes with a CSV of the same columns (:meth:`ClassTable.load_user_csv`): local standards,
extension majors such as 21, corrected names or geometry kinds.

A class is named either by its code or by its name. Codes are normalised (NFKC, so full-width
digits become ASCII; numbers and "1001.0" spreadsheet values are zero-padded to the scheme's
length because a number cannot keep a leading zero). Names match exactly after normalisation
(NFKC, trimmed, runs of white space collapsed, case-folded), Chinese or English; nothing is
guessed: a value that is neither a known code nor a known name is reported as unknown.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from grid_plugin.core.errors import GridInputError, Message, message

GEOMETRY_KINDS = ("point", "line", "polygon")
COLUMNS = (
    "class_code", "major_code", "major_name_zh", "major_name_en", "name_zh", "name_en",
    "geometry_types", "confidence", "source",
)
MAJOR_LENGTH = 2

# Geometry type names of shapely, OGR/QGIS (display strings) and WKT, lower-cased.
_KIND_ALIASES = {
    "point": "point", "multipoint": "point",
    "line": "line", "linestring": "line", "multilinestring": "line", "linearring": "line",
    "multiline": "line", "curve": "line", "compoundcurve": "line", "circularstring": "line",
    "multicurve": "line",
    "polygon": "polygon", "multipolygon": "polygon", "curvepolygon": "polygon",
    "multisurface": "polygon", "surface": "polygon",
}
_NUMBER_TEXT = re.compile(r"^[0-9]+\.0*$")
_GEOMETRY_SPLIT = re.compile(r"[|;,/\s]+")


@dataclass(frozen=True)
class Scheme:
    """A class-coding scheme: how many digits a class code and a component ID have."""

    id: str
    title: str
    code_length: int
    id_length: int

    @property
    def minor_length(self) -> int:
        return self.code_length - MAJOR_LENGTH


SCHEMES: dict[str, Scheme] = {
    "gbt47678": Scheme("gbt47678", "GB/T 47678.5-2026", 5, 17),
    "gbt30428": Scheme("gbt30428", "GB/T 30428.2-2013", 4, 16),
}


def get_scheme(scheme: str | Scheme) -> Scheme:
    """The Scheme for a scheme id ("gbt47678", "gbt30428")."""
    if isinstance(scheme, Scheme):
        return scheme
    key = str(scheme).strip().lower().replace("_", "").replace("-", "")
    if key not in SCHEMES:
        raise GridInputError(
            "unknown coding scheme '{scheme}'; use {choices}",
            scheme=scheme, choices=" / ".join(SCHEMES),
        )
    return SCHEMES[key]


def other_scheme(scheme: str | Scheme) -> Scheme:
    this = get_scheme(scheme)
    return next(s for s in SCHEMES.values() if s.id != this.id)


def normalise_name(value: object) -> str:
    """NFKC (full-width → half-width), trimmed, inner white space collapsed, case-folded."""
    text = unicodedata.normalize("NFKC", "" if value is None else str(value))
    return " ".join(text.split()).casefold()


def normalise_class_code(value: object, scheme: str | Scheme) -> str:
    """A class code as text, without guessing.

    Numbers (1001, 1001.0, "1001.0") are zero-padded to the scheme's code length ("01001" in
    gbt47678); text is NFKC-normalised and trimmed, so "０１００１" gives "01001". Anything else
    is returned normalised but unchanged, for the caller to reject.
    """
    return _normalise_digits(value, get_scheme(scheme).code_length)


def _normalise_digits(value: object, length: int) -> str:
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value)
    if isinstance(value, int):
        return str(value).zfill(length) if value >= 0 else str(value)
    if isinstance(value, float):
        if value != value or value != int(value) or value < 0:  # NaN, fractional or negative
            return str(value)
        return str(int(value)).zfill(length)
    text = " ".join(unicodedata.normalize("NFKC", str(value)).split())
    if _NUMBER_TEXT.match(text):
        return text.split(".")[0].zfill(length)
    return text


def is_ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def geometry_kind(value: str) -> str:
    """'point', 'line' or 'polygon' for a geometry type name (Point, MultiLineString, Polygon…)."""
    key = str(value).strip().lower().replace(" ", "").replace("_", "")
    for suffix in ("zm", "z", "m", "25d"):
        if key not in _KIND_ALIASES and key.endswith(suffix):
            key = key[: -len(suffix)]
    if key not in _KIND_ALIASES:
        raise ValueError(f"not a geometry kind: {value!r}")
    return _KIND_ALIASES[key]


def parse_geometry_types(value: object) -> tuple[str, ...] | None:
    """'point|polygon' (also ; , / or spaces) → ('point', 'polygon'); None if a part is unknown."""
    parts = [p for p in _GEOMETRY_SPLIT.split(normalise_name(value)) if p]
    if not parts or any(p not in GEOMETRY_KINDS for p in parts):
        return None
    return tuple(kind for kind in GEOMETRY_KINDS if kind in parts)


@dataclass(frozen=True)
class ClassEntry:
    """One class (部件小类 / 事项小类) of a table."""

    code: str
    major_code: str
    major_name_zh: str
    major_name_en: str
    name_zh: str
    name_en: str
    geometry_types: tuple[str, ...]
    confidence: str = ""
    source: str = ""

    @property
    def minor_code(self) -> str:
        return self.code[MAJOR_LENGTH:]

    @property
    def name(self) -> str:
        return self.name_zh or self.name_en

    def allows(self, kind: str) -> bool:
        """Whether a geometry of this kind (point/line/polygon or a type name) suits the class."""
        return geometry_kind(kind) in self.geometry_types

    def as_row(self) -> dict[str, str]:
        return {
            "class_code": self.code, "major_code": self.major_code,
            "major_name_zh": self.major_name_zh, "major_name_en": self.major_name_en,
            "name_zh": self.name_zh, "name_en": self.name_en,
            "geometry_types": "|".join(self.geometry_types),
            "confidence": self.confidence, "source": self.source,
        }


@dataclass(frozen=True)
class ClassLookup:
    """The outcome of looking a value up: an entry, or a problem with its message.

    problem is "" (found), "empty", "unknown_code", "unknown_name" or "other_scheme".
    """

    value: str
    entry: ClassEntry | None
    problem: str = ""
    message: Message | None = None

    @property
    def found(self) -> bool:
        return self.entry is not None


class ClassTable:
    """The classes of one scheme (components or events), addressable by code or by name."""

    def __init__(self, scheme: str | Scheme, entries: Iterable[ClassEntry] = (), kind: str = "components"):
        self.scheme = get_scheme(scheme)
        self.kind = kind
        self._entries: dict[str, ClassEntry] = {}
        self._names: dict[str, str] = {}
        for entry in entries:
            self._entries[entry.code] = entry
        self._reindex()

    # ---- loading -------------------------------------------------------------------------
    @classmethod
    def from_csv(cls, path: str | Path, scheme: str | Scheme, kind: str = "components") -> ClassTable:
        """A table from a class CSV (the plugin's own or a complete user table)."""
        table = cls(scheme, kind=kind)
        table.load_user_csv(path)
        return table

    @classmethod
    def load(cls, scheme: str | Scheme, classes_dir: str | Path, kind: str = "components") -> ClassTable:
        """The plugin's table ``{classes_dir}/{kind}_{scheme}.csv`` (classes_dir: resources/classes)."""
        this = get_scheme(scheme)
        return cls.from_csv(Path(classes_dir) / f"{kind}_{this.id}.csv", this, kind)

    def load_user_csv(self, path: str | Path) -> list[ClassEntry]:
        """Add or override classes from a CSV file; see :meth:`extend` for the rules.

        The header names the columns (class_code plus any of the table columns); comma,
        semicolon or tab separated; UTF-8 (with or without BOM) or GB18030 as saved by Chinese
        Excel.
        """
        path = Path(path)
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030")
        first = text.split("\n", 1)[0]
        delimiter = max((",", ";", "\t"), key=first.count)
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        fields = [normalise_name(f) for f in (reader.fieldnames or [])]
        if "class_code" not in fields:
            raise GridInputError(
                "{origin}, line {line}: {problem}", origin=path.name, line=1,
                problem=message("the header has no class_code column; name the columns class_code, "
                                "name_zh or name_en, and optionally geometry_types, major_name_zh"),
            )
        rows: list[tuple[int, Mapping[str, object]]] = []
        for row in reader:
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue  # blank line
            rows.append((reader.line_num, row))
        return self._extend_numbered(rows, path.name)

    def extend(self, rows: Iterable[Mapping[str, object]], origin: str = "user classes") -> list[ClassEntry]:
        """Add classes, or override existing ones, from rows keyed by the table's column names.

        - class_code is required: the scheme's number of digits, 2-digit major first. A code from
          the other scheme is refused. Any major is accepted (extension majors such as 21).
        - A row whose code exists overrides that class; its empty cells keep the existing values
          (a row with only class_code and geometry_types changes the geometry kinds).
        - A new class needs name_zh or name_en. Empty geometry_types means any kind; empty major
          names are taken from another class of the same major.
        - Names (Chinese and English together, after normalisation) must stay unique, or names
          could not be matched. The same code twice in one batch is refused.
        Rows are checked before anything changes: a malformed row raises GridInputError naming
        its line (row number from 1 for rows given in memory) and the fix.
        """
        return self._extend_numbered(list(enumerate(rows, start=1)), origin)

    def _extend_numbered(self, rows: list[tuple[int, Mapping[str, object]]], origin: str) -> list[ClassEntry]:
        staged: dict[str, ClassEntry] = dict(self._entries)
        lines: dict[str, int] = {}
        changed: list[ClassEntry] = []
        for line, raw in rows:
            row = {normalise_name(k): ("" if v is None else str(v)).strip() for k, v in raw.items() if k is not None}
            codes = {normalise_name(k): v for k, v in raw.items() if k is not None}
            entry = self._entry_from_row(row, codes, staged, origin, line)
            if entry.code in lines:
                raise GridInputError(
                    "{origin}, line {line}: {problem}", origin=origin, line=line,
                    problem=message("class code {code} is also on line {first}; keep one of the two rows",
                                    code=entry.code, first=lines[entry.code]),
                )
            lines[entry.code] = line
            staged[entry.code] = entry
            changed.append(entry)
        names = self._name_index(staged.values(), origin, lines)
        self._entries = staged
        self._names = names
        return changed

    def _entry_from_row(self, row: dict[str, str], raw: Mapping[str, object], staged: Mapping[str, ClassEntry],
                        origin: str, line: int) -> ClassEntry:
        def fail(problem: Message) -> GridInputError:
            return GridInputError("{origin}, line {line}: {problem}", origin=origin, line=line, problem=problem)

        scheme = self.scheme
        code = normalise_class_code(raw.get("class_code"), scheme)  # raw: numbers are zero-padded
        if not code:
            raise fail(message("the class_code cell is empty; give the {digits}-digit class code",
                               digits=scheme.code_length))
        problem = self._code_problem(code)
        if problem is not None:
            raise fail(problem)
        major = _normalise_digits(raw.get("major_code"), MAJOR_LENGTH)
        if major and major != code[:MAJOR_LENGTH]:
            raise fail(message("major_code '{major}' differs from the first two digits of class code {code}; "
                               "correct one of them", major=row.get("major_code", ""), code=code))
        geometry_text = row.get("geometry_types", "")
        geometry = parse_geometry_types(geometry_text) if geometry_text else None
        if geometry_text and geometry is None:
            raise fail(message("geometry_types '{value}' is not a list of point, line and polygon; "
                               "write for example point|polygon", value=geometry_text))
        old = staged.get(code)
        if old is None:
            if not (row.get("name_zh") or row.get("name_en")):
                raise fail(message("class {code} is new and has no name; fill name_zh or name_en", code=code))
            same_major = next((e for e in staged.values() if e.major_code == code[:MAJOR_LENGTH]), None)
            old = ClassEntry(
                code=code, major_code=code[:MAJOR_LENGTH],
                major_name_zh=same_major.major_name_zh if same_major else "",
                major_name_en=same_major.major_name_en if same_major else "",
                name_zh="", name_en="", geometry_types=GEOMETRY_KINDS, confidence="", source=origin,
            )
        updates: dict[str, object] = {
            key: row[column] for key, column in (
                ("major_name_zh", "major_name_zh"), ("major_name_en", "major_name_en"),
                ("name_zh", "name_zh"), ("name_en", "name_en"),
                ("confidence", "confidence"), ("source", "source"),
            ) if row.get(column)
        }
        if geometry is not None:
            updates["geometry_types"] = geometry
        return replace(old, **updates)  # type: ignore[arg-type]

    def _code_problem(self, code: str) -> Message | None:
        scheme = self.scheme
        other = other_scheme(scheme)
        if is_ascii_digits(code) and len(code) == other.code_length:
            return message(
                "class code '{code}' has {found} digits and belongs to the {other} scheme, not {scheme}",
                code=code, found=len(code), other=other.title, scheme=scheme.title,
            )
        if (not is_ascii_digits(code) or len(code) != scheme.code_length
                or not code[:MAJOR_LENGTH].strip("0") or not code[MAJOR_LENGTH:].strip("0")):
            return message(
                "class code '{code}' must be {digits} ASCII digits: a 2-digit major and a {minor}-digit "
                "minor class, neither of them zero",
                code=code, digits=scheme.code_length, minor=scheme.minor_length,
            )
        return None

    @staticmethod
    def _name_index(entries: Iterable[ClassEntry], origin: str, lines: Mapping[str, int]) -> dict[str, str]:
        index: dict[str, str] = {}
        for entry in sorted(entries, key=lambda e: (e.code not in lines, e.code)):
            for name in {normalise_name(entry.name_zh), normalise_name(entry.name_en)} - {""}:
                holder = index.setdefault(name, entry.code)
                if holder != entry.code:
                    # report on the row being added (entries from `lines` come first)
                    first, second = (entry.code, holder) if entry.code in lines else (holder, entry.code)
                    raise GridInputError(
                        "{origin}, line {line}: {problem}", origin=origin, line=lines.get(first, lines.get(second, 0)),
                        problem=message("class name '{name}' is also the name of class {other}; "
                                        "give each class its own name", name=name, other=second),
                    )
        return index

    def _reindex(self) -> None:
        self._names = self._name_index(self._entries.values(), "class table", {})

    # ---- access --------------------------------------------------------------------------
    @property
    def code_length(self) -> int:
        return self.scheme.code_length

    @property
    def id_length(self) -> int:
        return self.scheme.id_length

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[ClassEntry]:
        return iter(sorted(self._entries.values(), key=lambda e: e.code))

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._entries

    def get(self, code: str) -> ClassEntry | None:
        return self._entries.get(code)

    def majors(self) -> dict[str, tuple[str, str]]:
        """Major code → (Chinese name, English name), in code order."""
        out: dict[str, tuple[str, str]] = {}
        for entry in self:
            out.setdefault(entry.major_code, (entry.major_name_zh, entry.major_name_en))
        return out

    def rows(self) -> list[dict[str, str]]:
        return [entry.as_row() for entry in self]

    # ---- resolving -----------------------------------------------------------------------
    def lookup(self, value: object) -> ClassLookup:
        """Find the class a value names (code or exact name); never guesses."""
        scheme = self.scheme
        code = normalise_class_code(value, scheme)
        if not code:
            return ClassLookup("", None, "empty", message(
                "no class given; fill in a class code or a class name"))
        if is_ascii_digits(code):
            entry = self._entries.get(code)
            if entry is not None:
                return ClassLookup(code, entry)
            other = other_scheme(scheme)
            if len(code) == other.code_length:
                return ClassLookup(code, None, "other_scheme", self._code_problem(code))
            return ClassLookup(code, None, "unknown_code", message(
                "unknown class code '{code}': it is not in the {scheme} class table; "
                "add it with a user class file", code=code, scheme=scheme.title))
        held = self._names.get(normalise_name(code))
        if held is not None:
            return ClassLookup(code, self._entries[held])
        return ClassLookup(code, None, "unknown_name", message(
            "unknown class '{value}': no class of {scheme} has this code or exact name; "
            "use the class code or the name as written in the class table", value=code, scheme=scheme.title))

    def resolve(self, value: object) -> ClassEntry:
        """The class a value names; GridInputError (unknown / other scheme / empty) otherwise."""
        found = self.lookup(value)
        if found.entry is None:
            assert found.message is not None
            raise GridInputError(found.message.template, **found.message.params)
        return found.entry

    def allows(self, entry: ClassEntry | object, geometry_kind: str) -> bool:
        """Whether a class (entry, code or name) admits a geometry kind (point/line/polygon)."""
        target = entry if isinstance(entry, ClassEntry) else self.resolve(entry)
        return target.allows(geometry_kind)
