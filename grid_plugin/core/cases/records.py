"""Cases (案件) as read from a hotline or inspection export: field mapping, parsing and checks.

A row becomes a case only if everything in it can be used: an id, a report time, coordinates
inside China, a known class. Anything else is a `Reject` with the row number and the reason, so
that the rejects file plus the imported cases always account for every row read.

Times are stored in UTC as ISO 8601 text in the GeoPackage DATETIME form
("2025-03-01T04:00:00.000Z", so text order is time order); a time without a zone is
local time in the import's zone (Asia/Shanghai by default). Coordinates are converted to CGCS2000
longitude/latitude (EPSG:4490, equal to WGS84 at the metre level for this purpose).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter, methodcaller
from typing import Any

import numpy as np
import pyproj

from grid_plugin.core.cases.case_classes import KIND_VALUES as KIND_VALUES
from grid_plugin.core.cases.case_classes import classify_columns

# field mapping lives in case_fields; its names stay importable here
from grid_plugin.core.cases.case_fields import CASE_CODE_FIELDS as CASE_CODE_FIELDS
from grid_plugin.core.cases.case_fields import CASE_LIFECYCLE_FIELDS as CASE_LIFECYCLE_FIELDS
from grid_plugin.core.cases.case_fields import CASE_TEXT_FIELDS as CASE_TEXT_FIELDS
from grid_plugin.core.cases.case_fields import CASE_TIME_FIELDS as CASE_TIME_FIELDS
from grid_plugin.core.cases.case_fields import COORDINATE_FIELDS as COORDINATE_FIELDS
from grid_plugin.core.cases.case_fields import FIELD_ALIASES as FIELD_ALIASES
from grid_plugin.core.cases.case_fields import MAPPABLE_FIELDS as MAPPABLE_FIELDS
from grid_plugin.core.cases.case_fields import REQUIRED_FIELDS as REQUIRED_FIELDS
from grid_plugin.core.cases.case_fields import parse_field_map as parse_field_map
from grid_plugin.core.cases.case_fields import resolve_field_map as resolve_field_map
from grid_plugin.core.cases.lifecycle import check_order, parse_counts, parse_flags, with_lifecycle
from grid_plugin.core.cases.piles import EXACT, GEOCODED
from grid_plugin.core.cases.time_formats import AUTO, DateFormat, TimeColumns
from grid_plugin.core.cases.times import DEFAULT_TIME_ZONE, TimeWindow, time_zone
from grid_plugin.core.components.classes import ClassTable, normalise_name
from grid_plugin.core.errors import GridInputError, Message, message
from grid_plugin.core.geodesy.offsets import to_wgs84
from grid_plugin.core.grids.grid_extent import GridExtent, far_away, plausible
from grid_plugin.core.progress import Progress

# Coordinate systems of the input: plain datums, the two offset systems of Chinese web maps,
# or any CRS given by its EPSG code.
COORDINATE_SYSTEMS = ("wgs84", "cgcs2000", "gcj02", "bd09", "crs")


# ---- parsed cases -----------------------------------------------------------------------------------
@dataclass
class Reject:
    row: int  # 1-based data row number in the input (the header is row 0)
    case_id: str
    reason: Message  # the first reason
    also: tuple[Message, ...] = ()  # the row's other reasons

    @property
    def reasons(self) -> tuple[Message, ...]:
        return (self.reason, *self.also)


@dataclass
class CaseRecords:
    """Cases in columns: every case field as a list of text (None when empty), coordinates in
    CGCS2000 degrees, the input row numbers and a hash of the content (for idempotent upserts)."""

    values: dict[str, list]
    lon: np.ndarray
    lat: np.ndarray
    rows: np.ndarray

    @classmethod
    def empty(cls) -> CaseRecords:
        names = CASE_TEXT_FIELDS + CASE_TIME_FIELDS + CASE_LIFECYCLE_FIELDS + CASE_CODE_FIELDS + ("content_hash",)
        return cls({name: [] for name in names}, np.empty(0), np.empty(0), np.empty(0, dtype=np.int64))

    def __len__(self) -> int:
        return len(self.rows)

    def take(self, index: Sequence[int] | np.ndarray) -> CaseRecords:
        index = np.asarray(index, dtype=np.int64)
        if len(index) == len(self) and (len(index) == 0 or (index == np.arange(len(index))).all()):
            return CaseRecords(dict(self.values), self.lon, self.lat, self.rows)  # all of them: no copy
        return CaseRecords({name: _take(column, index) for name, column in self.values.items()},
                           self.lon[index], self.lat[index], self.rows[index])

    @property
    def case_ids(self) -> list[str]:
        return self.values["case_id"]


@dataclass
class ParsedCases:
    records: CaseRecords
    rejects: list[Reject] = field(default_factory=list)
    read: int = 0
    swapped: int = 0  # rows whose coordinates look like latitude/longitude swapped
    geocoded: int = 0  # rows without coordinates placed by their address
    unknown_classes: dict[str, int] = field(default_factory=dict)  # rows per unknown class value, first met first
    notes: list[Message] = field(default_factory=list)  # for the log: how the times were read


# address -> (longitude, latitude) in CGCS2000, or a message saying why it could not be placed
Geocoder = Callable[[str], "tuple[float, float] | Message"]


def content_hash(values: Iterable[object]) -> str:
    """Hash of a case's content: equal hashes mean a re-import changes nothing."""
    return hashlib.sha1("\x1f".join("" if v is None else str(v) for v in values).encode("utf-8")).hexdigest()


def content_hashes(columns: Sequence[Sequence[object]]) -> list[str]:
    """content_hash of every row of these columns: each column made text once (None as ""), then
    join, encode and hash run row by row inside map, without a Python loop."""
    texts = [_as_text(column) for column in columns]
    digests = map(hashlib.sha1, map(str.encode, map("\x1f".join, zip(*texts))))
    return list(map(methodcaller("hexdigest"), digests))


def _as_text(column: Sequence[object]) -> Sequence[str]:
    kinds = set(map(type, column))
    if kinds <= {str}:
        return column  # type: ignore[return-value]
    if kinds <= {str, type(None)}:
        return ["" if v is None else v for v in column]  # type: ignore[misc]  # v is a str here
    if type(None) not in kinds:
        return list(map(str, column))
    return ["" if v is None else str(v) for v in column]


class CaseParser:
    """Turns input rows into `CaseRecords` plus rejects (see the module docstring)."""

    def __init__(self, mapping: Mapping[str, str], *, zone: str = DEFAULT_TIME_ZONE, system: str = "wgs84",
                 epsg: str | None = None, events: ClassTable | None = None, components: ClassTable | None = None,
                 geocoder: Geocoder | None = None, window: TimeWindow | None = None,
                 date_format: DateFormat = AUTO):
        if system not in COORDINATE_SYSTEMS:
            raise ValueError(f"unknown coordinate system {system!r}")
        if system == "crs" and not epsg:
            raise GridInputError("Coordinates in 'another CRS' need that CRS; give it, e.g. EPSG:4548.")
        self.mapping = dict(mapping)
        self.zone = time_zone(zone)
        self.window = window or TimeWindow()  # the years a case time may have (default 1990 to next year)
        self.date_format = date_format  # how the texts of the time columns are written (DATE_FORMAT)
        self.system = system
        self._transformer = (pyproj.Transformer.from_crs(epsg, "EPSG:4490", always_xy=True)
                             if system == "crs" else None)
        self.events = events
        self.components = components
        self.geocoder = geocoder  # places rows that have an address but no coordinates
        # with coordinates in an explicit CRS, cases are checked against the grids' extent, not China
        self.extent: GridExtent | None = None

    def parse(self, rows: Iterable[tuple[int, Mapping[str, object]]], progress: Progress | None = None,
              total: int = 0) -> ParsedCases:
        """Rows as (row number, {input field: value}) pairs, e.g. from an OGR layer: gathered into
        columns and parsed by `parse_columns`."""
        del total
        names = list(dict.fromkeys(self.mapping.values()))
        columns: dict[str, list] = {name: [] for name in names}
        numbers: list[int] = []
        for number, row in rows:
            numbers.append(number)
            for name in names:
                columns[name].append(row.get(name))
        return self.parse_columns(columns, np.asarray(numbers, dtype=np.int64), progress)

    def parse_columns(self, columns: MutableMapping[str, Any], rows: np.ndarray,
                      progress: Progress | None = None, consume: bool = False,
                      row_problems: Mapping[int, Message] | None = None, nul_free: bool = False,
                      times: TimeColumns | None = None) -> ParsedCases:
        """Cases from input columns (input field -> values) with their row numbers. With `consume`
        each input column is dropped from `columns` once parsed, so a million rows' raw text does
        not stay in memory next to the parsed values. `row_problems` (index -> reason) are rows the
        table reader could not read whole, such as a row with more values than the header; `nul_free`
        says the reader saw no NUL character (a CSV without a NUL byte), so the texts need no look.
        `times`: the time columns of an import read in chunks, observed by the caller (see
        core.cases.time_formats.TimeColumns); without it, these columns are surveyed here.

        Column at a time: times are parsed by numpy (the ISO forms, and the forms of DATE_FORMAT, see
        core.cases.time_formats), classes and kinds are looked up once per distinct value, so a million rows
        take seconds. A rejected row gets every reason found here, in the order: a NUL character in a
        text, id, times (not a time, or outside the time window), report time, counts and the invalid flag,
        times out of the workflow's order (core.cases.lifecycle), coordinates, kind and
        class; a row the reader could not read whole gets that reason only (its values are not where the
        header says). The location checks that follow (_locate, finish_records) look at the other rows.
        A row without any class is a case without a class (class code NULL), not a reject.
        """
        progress = progress or Progress()
        mapping = self.mapping
        n = len(rows)
        problems: dict[int, list[Message]] = {i: [reason] for i, reason in (row_problems or {}).items()}
        partial = set(problems)

        def add(i: int, reason: Message) -> None:
            if i not in partial:
                problems.setdefault(i, []).append(reason)

        def column(target: str) -> Sequence[object]:
            return columns[mapping[target]] if target in mapping else [None] * n

        def done(*targets: str) -> None:
            if consume:
                for target in targets:
                    if target in mapping and list(mapping.values()).count(mapping[target]) == 1:
                        columns.pop(mapping[target], None)

        values: dict[str, list] = {}
        for name in (*CASE_TEXT_FIELDS, "department"):
            values[name] = _text_column(column(name), shared=name in FEW_VALUE_FIELDS)
            for i in [] if nul_free else _indices_with_nul(values[name]):  # PostgreSQL text cannot hold one
                add(i, message("row {row}, column '{field}' contains a NUL character (\\x00); remove it",
                               row=int(rows[i]), field=mapping[name]))
            done(name)
        for i in _indices_of_none(values["case_id"]):
            add(i, message("no case id (field {field} is empty)", field=mapping["case_id"]))
        progress.step(1, 10)
        if times is None:
            times = self.time_columns()
            times.survey(self.time_survey(columns, rows))
        unreadable: set[int] = set()
        for name in CASE_TIME_FIELDS:
            values[name], bad = times.parse(mapping.get(name, name), column(name), rows)
            for i, reason in bad:
                add(i, reason)
            if name == "reported_at":
                unreadable = {i for i, _ in bad}
            done(name)
            progress.step(2 + CASE_TIME_FIELDS.index(name), 10)
        for i in _indices_of_none(values["reported_at"]):
            if i not in unreadable:
                add(i, message("no report time (field {field} is empty)", field=mapping["reported_at"]))
        for name, read in (("rework_count", parse_counts), ("postpone_count", parse_counts), ("invalid", parse_flags)):
            values[name] = read(column(name), mapping.get(name, name), rows, add)
            done(name)
        check_order(values, mapping, rows, self.zone, add)
        x, x_empty = _number_column(column("x"))
        y, y_empty = _number_column(column("y"))
        geocoded = np.zeros(n, dtype=bool)
        for i in np.flatnonzero(~np.isfinite(x) | ~np.isfinite(y)).tolist():
            if x_empty[i] and y_empty[i] and self.geocoder is not None and values["address"][i] and i not in partial:
                found = self.geocoder(values["address"][i])
                if isinstance(found, Message):
                    add(i, message("no coordinates, and the address could not be placed: {reason}", reason=found))
                else:
                    x[i], y[i] = found
                    geocoded[i] = True
            elif x_empty[i] and y_empty[i]:
                add(i, message("no coordinates (fields {x} and {y} are empty); geocode the address first",
                               x=mapping.get("x", "x"), y=mapping.get("y", "y")))
            else:
                add(i, message("coordinates '{x}', '{y}' are not numbers", x=column("x")[i], y=column("y")[i]))
        done("x", "y")
        unknown = classify_columns(values, self.events, self.components, add)
        progress.step(9, 10)
        rejects = [Reject(int(rows[i]), values["case_id"][i] or "", reasons[0], tuple(reasons[1:]))
                   for i, reasons in problems.items()]
        keep = np.setdiff1d(np.arange(n), np.fromiter(problems, dtype=np.int64, count=len(problems)),
                            assume_unique=True)
        records = CaseRecords({name: _take(values[name], keep) for name in values}, x[keep], y[keep], rows[keep])
        parsed = self._locate(records, rejects, n, geocoded[keep])
        parsed.unknown_classes, parsed.notes = unknown, times.notes
        return parsed

    def time_columns(self) -> TimeColumns:
        """The time columns of one import, in its date format, zone and window."""
        return TimeColumns(self.date_format, self.zone, self.window)

    def time_survey(self, columns: Mapping[str, Any], rows: np.ndarray) -> list[tuple[str, Any, np.ndarray]]:
        """(input field, values, row numbers) of every mapped time column, as TimeColumns surveys them."""
        return [(self.mapping[name], columns[self.mapping[name]], rows) for name in CASE_TIME_FIELDS
                if name in self.mapping]

    def _locate(self, records: CaseRecords, rejects: list[Reject], read: int,
                geocoded: np.ndarray | None = None) -> ParsedCases:
        """Convert to CGCS2000 degrees and reject what lies outside China (noting swaps); rows placed
        by their address are CGCS2000 already."""
        geocoded = np.zeros(len(records), dtype=bool) if geocoded is None else geocoded
        lon, lat = self.to_cgcs2000(records.lon, records.lat)
        lon[geocoded], lat[geocoded] = records.lon[geocoded], records.lat[geocoded]
        extent = self.extent if self.system == "crs" else None  # a given CRS: near the grids, else in China
        inside = plausible(lon, lat, extent) & np.isfinite(lon) & np.isfinite(lat)
        swapped = np.zeros(len(records), dtype=bool)
        if not inside.all():
            outside = np.flatnonzero(~inside)
            lon_s, lat_s = self.to_cgcs2000(records.lat[outside], records.lon[outside])
            swapped[outside] = plausible(lon_s, lat_s, extent)
        for i in np.flatnonzero(~inside):
            reason = (message("longitude and latitude look swapped ({x}, {y}); check the x/y field mapping",
                              x=records.lon[i], y=records.lat[i]) if swapped[i]
                      else far_away(records.lon[i], records.lat[i], extent))
            rejects.append(Reject(int(records.rows[i]), records.case_ids[i], reason))
        keep = np.flatnonzero(inside)
        located = records.take(keep)
        located.lon, located.lat = lon[keep], lat[keep]
        located.values["location_quality"] = [GEOCODED if g else EXACT for g in geocoded[keep].tolist()]
        rejects.sort(key=lambda r: r.row)
        return ParsedCases(located, rejects, read, int(swapped.sum()), int(geocoded.sum()))

    def to_cgcs2000(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if self._transformer is not None:
            lon, lat = self._transformer.transform(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
            return np.asarray(lon), np.asarray(lat)
        system = "wgs84" if self.system == "cgcs2000" else self.system
        lon, lat = to_wgs84(np.asarray(x, dtype=float), np.asarray(y, dtype=float), system)
        return np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)


FEW_VALUE_FIELDS = ("source", "kind", "class_code", "class_name", "status", "department")  # a handful of values


def _text_column(values: Sequence[object], shared: bool = False) -> list[str | None]:
    """Stripped text, None for empty. `shared`: equal values become one object (a million copies
    of "已结案" cost 84 MB; one costs nothing)."""
    plain = set(map(type, values)) <= {str}
    texts = [v.strip() or None for v in values] if plain else [_text(v) for v in values]  # type: ignore[attr-defined]
    if shared:
        one: dict[str | None, str | None] = {}
        texts = list(map(one.setdefault, texts, texts))
    return texts


def _indices_with_nul(texts: list[str | None]) -> list[int]:
    """Indices of the texts holding a NUL character: one pass at C speed, a loop only when found."""
    if not any(map(_HOLDS_NUL, filter(None, texts))):
        return []
    return [i for i, text in enumerate(texts) if text and "\x00" in text]


_HOLDS_NUL = methodcaller("__contains__", "\x00")


def _indices_of_none(values: list) -> list[int]:
    return [i for i, v in enumerate(values) if v is None]


def _number_column(values: Sequence[object]) -> tuple[np.ndarray, np.ndarray]:
    """(numbers, empty): NaN where a value is empty or not a number; `empty` marks empty ones."""
    try:
        numbers = np.asarray(values, dtype=float)
        if numbers.shape == (len(values),) and None not in values:
            return numbers, np.zeros(len(values), dtype=bool)
    except (ValueError, TypeError):
        pass
    parsed = [_number(v) for v in values]
    numbers = np.array([np.nan if v is None else v for v in parsed], dtype=float)
    empty = np.array([_text(v) is None for v in values], dtype=bool)
    return numbers, empty


def _take(values: Sequence, index: np.ndarray) -> list:
    """values[index] for a list, at C speed."""
    if len(index) == 0:
        return []
    if len(index) == 1:
        return [values[int(index[0])]]
    return list(itemgetter(*index.tolist())(values))


def finish_records(parsed: ParsedCases, grid_codes: Sequence[str | None], street_codes: Sequence[str | None],
                   community_codes: Sequence[str | None]) -> ParsedCases:
    """Attach the codes of the grid each case lies in; cases in no grid are rejected; then drop
    duplicate ids (identical: one kept; conflicting: all rejected) and hash every case."""
    from grid_plugin.core.cases.duplicates import drop_duplicates  # it builds on this module's records

    parsed = attach_codes(parsed, grid_codes, street_codes, community_codes)
    keep, duplicate_rejects = drop_duplicates(parsed.records)
    rejects = sorted([*parsed.rejects, *duplicate_rejects], key=lambda r: r.row)
    return replace(parsed, records=in_id_order(parsed.records, keep), rejects=rejects)


def attach_codes(parsed: ParsedCases, grid_codes: Sequence[str | None], street_codes: Sequence[str | None],
                 community_codes: Sequence[str | None]) -> ParsedCases:
    """The codes of the grid each case lies in, and every case's content hash; a case in no grid is rejected."""
    records = parsed.records
    rejects = list(parsed.rejects)
    in_grid = np.array([code is not None for code in grid_codes], dtype=bool)
    for i in np.flatnonzero(~in_grid):
        rejects.append(Reject(int(records.rows[i]), records.case_ids[i], message(
            "location ({lon:.6f}, {lat:.6f}) is outside every unit grid of the district",
            lon=records.lon[i], lat=records.lat[i])))
    records.values["grid_code"] = list(grid_codes)
    records.values["street_code"] = list(street_codes)
    records.values["community_code"] = list(community_codes)
    records = records.take(np.flatnonzero(in_grid))
    # the codes belong to the content: a case whose grid was redrawn is updated on re-import
    names = CASE_TEXT_FIELDS + CASE_TIME_FIELDS + CASE_CODE_FIELDS
    coordinates = [np.round(records.lon, 7).tolist(), np.round(records.lat, 7).tolist()]
    hashes = content_hashes([records.values[name] for name in names] + coordinates)
    records.values["content_hash"] = with_lifecycle(hashes, records.values, content_hashes)
    rejects.sort(key=lambda r: r.row)
    return replace(parsed, records=records, rejects=rejects)


def in_id_order(records: CaseRecords, keep: Sequence[int] | np.ndarray) -> CaseRecords:
    """The kept records in case-id order: the stores insert in that order, and need no copy of their own
    to sort."""
    kept = np.asarray(keep, dtype=np.int64)
    kept = kept[np.argsort(np.asarray(records.case_ids, dtype=object)[kept], kind="stable")]
    return records.take(kept)


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _number(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip().replace("，", ".")
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return None
    return number if np.isfinite(number) else None


# ---- filters ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CaseFilter:
    """Which cases a heat layer or report looks at. Empty tuples mean 'all'; times are UTC ISO
    text with `start` inclusive and `end` exclusive. Cases on default-location piles (core.cases.piles)
    are left out unless `include_piles`."""

    start: str | None = None
    end: str | None = None
    kinds: tuple[str, ...] = ()
    class_codes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    include_piles: bool = False

    def describe(self) -> str:
        parts = [f"{self.start or '…'} – {self.end or '…'}"]
        for label, values in (("kind", self.kinds), ("class", self.class_codes), ("source", self.sources),
                              ("status", self.statuses)):
            if values:
                parts.append(f"{label} = {', '.join(values)}")
        if self.include_piles:
            parts.append("piles included")
        return "; ".join(parts)


ALL_CASES = CaseFilter()


def split_list(text: str | None) -> tuple[str, ...]:
    """'a, b；c' -> ('a', 'b', 'c'), for filter parameters typed by hand."""
    return tuple(part.strip() for part in re.split(r"[,;，；、\n]", text or "") if part.strip())


def filter_kinds(values: Iterable[str]) -> tuple[str, ...]:
    kinds = []
    for value in values:
        kind = KIND_VALUES.get(normalise_name(value).lower())
        if kind is None:
            raise GridInputError("Kind '{value}' is neither 部件 (component) nor 事件 (event).", value=value)
        kinds.append(kind)
    return tuple(dict.fromkeys(kinds))


Translate = Callable[[str], str]
