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

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter, methodcaller
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pyproj

from grid_plugin.core.classes import ClassTable, normalise_name
from grid_plugin.core.errors import GridInputError, Message, message
from grid_plugin.core.offsets import in_china, to_wgs84
from grid_plugin.core.progress import Progress

CASE_TEXT_FIELDS = ("case_id", "source", "kind", "class_code", "class_name", "description", "address", "status")
CASE_TIME_FIELDS = ("reported_at", "filed_at", "dispatched_at", "disposed_at", "closed_at", "deadline")
CASE_CODE_FIELDS = ("grid_code", "street_code", "community_code")
COORDINATE_FIELDS = ("x", "y")
REQUIRED_FIELDS = ("case_id", "reported_at", "x", "y")
MAPPABLE_FIELDS = CASE_TEXT_FIELDS + CASE_TIME_FIELDS + COORDINATE_FIELDS

# Names found in real exports (eGova, 12345 platforms, the sample), tried when FIELD_MAP is silent.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "case_id": ("case_id", "案件编号", "案卷编号", "案卷号", "任务号", "工单编号", "工单号", "编号", "id"),
    "source": ("source", "案件来源", "问题来源", "来源"),
    "kind": ("kind", "案件类型", "问题类型", "类型"),
    "class_code": ("class_code", "小类代码", "类别代码", "小类编码", "class"),
    "class_name": ("class_name", "小类名称", "小类", "类别名称"),
    "description": ("description", "问题描述", "描述", "内容"),
    "address": ("address", "地址", "位置描述", "事发位置", "发生地址"),
    "status": ("status", "状态", "案件状态", "办理状态"),
    "reported_at": ("reported_at", "上报时间", "report_time", "受理时间", "发现时间"),
    "filed_at": ("filed_at", "立案时间", "inst_time"),
    "dispatched_at": ("dispatched_at", "派遣时间", "dispatch_time"),
    "disposed_at": ("disposed_at", "处置时间", "处置完成时间", "dispose_time"),
    "closed_at": ("closed_at", "结案时间", "archive_time"),
    "deadline": ("deadline", "处置时限", "截止时间"),
    "x": ("lon", "x", "经度", "longitude", "lng", "X坐标", "横坐标"),
    "y": ("lat", "y", "纬度", "latitude", "Y坐标", "纵坐标"),
}

KIND_VALUES = {
    "部件": "部件", "部件问题": "部件", "部件类": "部件", "component": "部件", "components": "部件",
    "事件": "事件", "事件问题": "事件", "事件类": "事件", "event": "事件", "events": "事件",
}

# Coordinate systems of the input: plain datums, the two offset systems of Chinese web maps,
# or any CRS given by its EPSG code.
COORDINATE_SYSTEMS = ("wgs84", "cgcs2000", "gcj02", "bd09", "crs")
UTC_FORMAT = "%Y-%m-%dT%H:%M:%S.000Z"  # GeoPackage DATETIME; whole seconds


# ---- field mapping -------------------------------------------------------------------------------
def parse_field_map(text: str) -> dict[str, str]:
    """'case_id=编号; x=经度; y=纬度' -> {"case_id": "编号", ...}. Targets must be case fields."""
    mapping: dict[str, str] = {}
    for part in re.split(r"[;\n，,；]", text or ""):
        if not part.strip():
            continue
        target, sep, source = part.partition("=")
        target, source = target.strip(), source.strip()
        if target in ("lon", "longitude"):
            target = "x"
        elif target in ("lat", "latitude"):
            target = "y"
        if not sep or not source or target not in MAPPABLE_FIELDS:
            raise GridInputError(
                "FIELD_MAP entry '{entry}' is not 'case field=input field'; case fields are {fields}.",
                entry=part.strip(), fields=", ".join(MAPPABLE_FIELDS))
        mapping[target] = source
    return mapping


def resolve_field_map(input_fields: Sequence[str], given: Mapping[str, str]) -> dict[str, str]:
    """Case field -> input field: the given mapping, else an input field with a known alias.

    Raises when a given input field does not exist or a required case field has no input field.
    """
    available = {name.strip().lower(): name for name in input_fields}
    mapping: dict[str, str] = {}
    for target, source in given.items():
        if source.strip().lower() not in available:
            raise GridInputError(
                "FIELD_MAP maps {target} to '{source}', but the input has no such field; its fields are {fields}.",
                target=target, source=source, fields=", ".join(input_fields))
        mapping[target] = available[source.strip().lower()]
    for target in MAPPABLE_FIELDS:
        if target in mapping:
            continue
        for alias in FIELD_ALIASES.get(target, (target,)):
            if alias.lower() in available:
                mapping[target] = available[alias.lower()]
                break
    missing = [target for target in REQUIRED_FIELDS if target not in mapping]
    if missing:
        raise GridInputError(
            "The input has no field for {missing}; map it in FIELD_MAP, e.g. '{example}'. Input fields: {fields}.",
            missing=", ".join(missing), example="; ".join(f"{m}=…" for m in missing), fields=", ".join(input_fields))
    return mapping


# ---- times -----------------------------------------------------------------------------------------
def time_zone(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name or "Asia/Shanghai")
    except (ZoneInfoNotFoundError, ValueError) as err:
        raise GridInputError(
            "Time zone '{zone}' is unknown; use an IANA name such as Asia/Shanghai or UTC.", zone=name) from err


_CHINESE_DATE = re.compile(
    r"^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[:：时](\d{1,2})(?:分|[:：])?(?:(\d{1,2})秒?)?)?$")
_SLASHED = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?$")


def parse_time(value: object, zone: dt.tzinfo) -> str | None:
    """A time as UTC ISO text, None when empty; ValueError when it is not a time.

    Accepts datetime/date objects, ISO 8601 (with 'T' or a space, with or without a zone), slashed
    dates ('2025/3/1 8:05'), Chinese dates ('2025年3月1日 08:05:00') and compact digits
    ('20250301080500'). A time without a zone is in `zone`.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime(value.year, value.month, value.day)
    else:
        text = str(value).strip()
        if not text:
            return None
        moment = _parse_time_text(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    # isoformat, not strftime: glibc's %Y writes year 999 as '999', which sorts and parses wrongly
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds") + ".000Z"


def _parse_time_text(text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    for pattern in (_SLASHED, _CHINESE_DATE, _COMPACT):
        found = pattern.match(text)
        if found:
            parts = [int(p) if p else 0 for p in found.groups()]
            return dt.datetime(*parts)  # type: ignore[arg-type, misc]
    raise ValueError(text)


# ---- parsed cases -----------------------------------------------------------------------------------
@dataclass
class Reject:
    row: int  # 1-based data row number in the input (the header is row 0)
    case_id: str
    reason: Message


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
        names = CASE_TEXT_FIELDS + CASE_TIME_FIELDS + CASE_CODE_FIELDS + ("content_hash",)
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

    def __init__(self, mapping: Mapping[str, str], *, zone: str = "Asia/Shanghai", system: str = "wgs84",
                 epsg: str | None = None, events: ClassTable | None = None, components: ClassTable | None = None,
                 geocoder: Geocoder | None = None):
        if system not in COORDINATE_SYSTEMS:
            raise ValueError(f"unknown coordinate system {system!r}")
        if system == "crs" and not epsg:
            raise GridInputError("Coordinates in 'another CRS' need that CRS; give it, e.g. EPSG:4548.")
        self.mapping = dict(mapping)
        self.zone = time_zone(zone)
        self.system = system
        self._transformer = (pyproj.Transformer.from_crs(epsg, "EPSG:4490", always_xy=True)
                             if system == "crs" else None)
        self.events = events
        self.components = components
        self.geocoder = geocoder  # places rows that have an address but no coordinates

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
                      progress: Progress | None = None, consume: bool = False) -> ParsedCases:
        """Cases from input columns (input field -> values) with their row numbers. With `consume`
        each input column is dropped from `columns` once parsed, so a million rows' raw text does
        not stay in memory next to the parsed values.

        Column at a time: times are parsed by numpy when they have one of the common ISO forms,
        classes and kinds are looked up once per distinct value, so a million rows take seconds.
        Each rejected row gets the reason of the first check it fails, in the order: id, times,
        report time, coordinates, kind and class.
        """
        progress = progress or Progress()
        mapping = self.mapping
        n = len(rows)
        problems: dict[int, Message] = {}

        def column(target: str) -> Sequence[object]:
            return columns[mapping[target]] if target in mapping else [None] * n

        def done(*targets: str) -> None:
            if consume:
                for target in targets:
                    if target in mapping and list(mapping.values()).count(mapping[target]) == 1:
                        columns.pop(mapping[target], None)

        values: dict[str, list] = {}
        for name in CASE_TEXT_FIELDS:
            values[name] = _text_column(column(name), shared=name in FEW_VALUE_FIELDS)
            done(name)
        for i in _indices_of_none(values["case_id"]):
            problems.setdefault(i, message("no case id (field {field} is empty)", field=mapping["case_id"]))
        progress.step(1, 10)
        for name in CASE_TIME_FIELDS:
            raw = column(name)
            values[name], bad = parse_time_column(raw, self.zone)
            for i in bad:
                problems.setdefault(i, message(
                    "{field} '{value}' is not a date and time; write it as 2025-03-01 08:05:00",
                    field=mapping[name], value=raw[i]))
            del raw
            done(name)
            progress.step(2 + CASE_TIME_FIELDS.index(name), 10)
        for i in _indices_of_none(values["reported_at"]):
            problems.setdefault(i, message("no report time (field {field} is empty)", field=mapping["reported_at"]))
        x, x_empty = _number_column(column("x"))
        y, y_empty = _number_column(column("y"))
        geocoded = np.zeros(n, dtype=bool)
        for i in np.flatnonzero(~np.isfinite(x) | ~np.isfinite(y)).tolist():
            if x_empty[i] and y_empty[i] and self.geocoder is not None and values["address"][i] and i not in problems:
                found = self.geocoder(values["address"][i])
                if isinstance(found, Message):
                    problems[i] = message("no coordinates, and the address could not be placed: {reason}",
                                          reason=found)
                else:
                    x[i], y[i] = found
                    geocoded[i] = True
            elif x_empty[i] and y_empty[i]:
                problems.setdefault(i, message(
                    "no coordinates (fields {x} and {y} are empty); geocode the address first",
                    x=mapping.get("x", "x"), y=mapping.get("y", "y")))
            else:
                problems.setdefault(i, message("coordinates '{x}', '{y}' are not numbers",
                                               x=column("x")[i], y=column("y")[i]))
        done("x", "y")
        self._classify_columns(values, problems)
        progress.step(9, 10)
        rejects = [Reject(int(rows[i]), values["case_id"][i] or "", reason) for i, reason in problems.items()]
        keep = np.setdiff1d(np.arange(n), np.fromiter(problems, dtype=np.int64, count=len(problems)),
                            assume_unique=True)
        records = CaseRecords({name: _take(values[name], keep) for name in values}, x[keep], y[keep], rows[keep])
        return self._locate(records, rejects, n, geocoded[keep])

    def _classify_columns(self, values: dict[str, list], problems: dict[int, Message]) -> None:
        """Normalise kind and class per distinct value; unknown ones are rejected, never guessed."""
        outcome: dict[tuple, tuple[Message | None, str | None, str | None, str | None]] = {}
        kinds, codes, names = values["kind"], values["class_code"], values["class_name"]
        for i, key in enumerate(zip(kinds, codes, names)):
            found = outcome.get(key)
            if found is None:
                case = {"kind": key[0], "class_code": key[1], "class_name": key[2]}
                problem = self._classify(case)
                found = outcome[key] = (problem, case["kind"], case["class_code"], case["class_name"])
            if found[0] is not None:
                problems.setdefault(i, found[0])
            kinds[i], codes[i], names[i] = found[1], found[2], found[3]

    def _classify(self, case: dict) -> Message | None:
        """Normalise kind and class; unknown ones are rejected, never guessed."""
        raw_kind = case["kind"]
        kind = KIND_VALUES.get(normalise_name(raw_kind).lower()) if raw_kind else None
        if raw_kind and kind is None:
            return message("kind '{value}' is neither 部件 (component) nor 事件 (event)", value=raw_kind)
        if self.events is None:
            case["kind"] = kind
            return None
        value = case["class_code"] or case["class_name"]
        if not value:
            return message("no class (class code and class name are empty)")
        found = self.events.lookup(value)
        entry = found.entry
        if entry is None and kind != "事件" and self.components is not None:
            entry = self.components.lookup(value).entry
            if entry is not None and kind is None:
                kind = "部件"
        if entry is None:
            return found.message
        case["class_code"] = entry.code
        case["class_name"] = case["class_name"] or entry.name
        if kind is None:
            kind = "事件"
        case["kind"] = kind
        return None

    def _locate(self, records: CaseRecords, rejects: list[Reject], read: int,
                geocoded: np.ndarray | None = None) -> ParsedCases:
        """Convert to CGCS2000 degrees and reject what lies outside China (noting swaps); rows placed
        by their address are CGCS2000 already."""
        geocoded = np.zeros(len(records), dtype=bool) if geocoded is None else geocoded
        lon, lat = self.to_cgcs2000(records.lon, records.lat)
        lon[geocoded], lat[geocoded] = records.lon[geocoded], records.lat[geocoded]
        inside = in_china(lon, lat) & np.isfinite(lon) & np.isfinite(lat)
        swapped = np.zeros(len(records), dtype=bool)
        if not inside.all():
            outside = np.flatnonzero(~inside)
            lon_s, lat_s = self.to_cgcs2000(records.lat[outside], records.lon[outside])
            swapped[outside] = in_china(lon_s, lat_s)
        for i in np.flatnonzero(~inside):
            reason = (message("longitude and latitude look swapped ({x}, {y}); check the x/y field mapping",
                              x=records.lon[i], y=records.lat[i]) if swapped[i]
                      else message("coordinates ({x}, {y}) are outside China; check the coordinate system",
                                   x=records.lon[i], y=records.lat[i]))
            rejects.append(Reject(int(records.rows[i]), records.case_ids[i], reason))
        keep = np.flatnonzero(inside)
        located = records.take(keep)
        located.lon, located.lat = lon[keep], lat[keep]
        rejects.sort(key=lambda r: r.row)
        return ParsedCases(located, rejects, read, int(swapped.sum()), int(geocoded.sum()))

    def to_cgcs2000(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if self._transformer is not None:
            lon, lat = self._transformer.transform(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
            return np.asarray(lon), np.asarray(lat)
        system = "wgs84" if self.system == "cgcs2000" else self.system
        lon, lat = to_wgs84(np.asarray(x, dtype=float), np.asarray(y, dtype=float), system)
        return np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)


def parse_time_column(values: Sequence[object], zone: dt.tzinfo) -> tuple[list[str | None], list[int]]:
    """parse_time over a column: (UTC texts, indices of values that are not times).

    'YYYY-MM-DD HH:MM:SS' (or with 'T') is recognised and parsed by numpy for the whole column at
    once; the ISO forms with 'Z' or '±HH:MM' are picked out one by one and parsed by numpy too; the
    local-time offset is looked up once per distinct hour (exact across DST changes, fold=0 as in
    parse_time). Everything else takes parse_time one by one.
    """
    n = len(values)
    bad: list[int] = []
    if values.count(None) == n if isinstance(values, list) else all(v is None for v in values):
        return [None] * n, bad  # a field the input does not have
    fast, local, empty = _local_iso_times(values)
    local_count = len(fast)
    offsets: list[int | None] = []  # of the other ISO forms: minutes east of UTC, None for local time
    slow: list[int] = []
    if len(fast) + int(empty.sum()) < n:  # some values in other forms: look at those one by one
        others = np.ones(n, dtype=bool)
        others[fast] = False
        others &= ~empty
        extra: list[int] = []
        texts: list[str] = []
        for i in np.flatnonzero(others).tolist():
            value = values[i]
            if value is None:
                continue
            if type(value) is str:
                offset = _iso_offset(value)
                if offset != -1:
                    extra.append(i)
                    texts.append(value[:10] + "T" + value[11:19])
                    offsets.append(offset)
                    continue
                if not value.strip():
                    continue
            slow.append(i)
        if extra:
            try:
                more = np.array(texts, dtype="datetime64[s]")
            except ValueError:  # one of them is not a real date: leave them to the careful path
                slow.extend(extra)
                offsets = []
            else:
                fast = np.concatenate([fast, np.asarray(extra, dtype=np.int64)])
                local = np.concatenate([local, more])
    result = np.full(n, None, dtype=object)
    if len(fast):
        shift = np.zeros(len(fast), dtype="timedelta64[s]")
        given = np.zeros(len(fast), dtype=bool)
        given[local_count:] = [o is not None for o in offsets]
        if given.any():
            shift[given] = np.array([o for o in offsets if o is not None], dtype=np.int64) * 60
        if (~given).any():
            hours = local[~given].astype("datetime64[h]")
            distinct, inverse = np.unique(hours, return_inverse=True)
            seconds = np.array([int(zone.utcoffset(h.astype(dt.datetime)).total_seconds())  # type: ignore[union-attr]
                                for h in distinct], dtype=np.int64)
            shift[~given] = seconds[inverse].astype("timedelta64[s]")
        result[fast] = _utc_texts(local - shift)
    out: list[str | None] = result.tolist()
    for i in slow:
        try:
            out[i] = parse_time(values[i], zone)
        except (ValueError, OverflowError):
            bad.append(i)
    bad.sort()
    return out, bad


_ISO_DIGITS = np.array([0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18])


def _local_iso_times(values: Sequence[object]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(indices, datetime64[s], empty): the values written exactly 'YYYY-MM-DD HH:MM:SS' or with a
    'T', found and parsed for the whole column at once; `empty` marks None and "". Nothing is found
    when the column holds other types (datetime objects from a spreadsheet) or an impossible date
    (the careful path then names it)."""
    n = len(values)
    nothing = (np.empty(0, dtype=np.int64), np.empty(0, dtype="datetime64[s]"))
    kinds = set(map(type, values))
    if not kinds <= {str, type(None)}:
        return (*nothing, np.array([v is None for v in values], dtype=bool))
    texts = values if type(None) not in kinds else ["" if v is None else v for v in values]
    # 20 wide: a longer value keeps a 20th character and so fails the length test below
    chars = np.array(texts, dtype="U20").view(np.uint32).reshape(n, 20)
    empty = chars[:, 0] == 0
    digits = chars[:, _ISO_DIGITS]
    found = ((digits >= 48) & (digits <= 57)).all(axis=1)
    found &= (chars[:, 4] == 45) & (chars[:, 7] == 45) & (chars[:, 13] == 58) & (chars[:, 16] == 58)
    found &= ((chars[:, 10] == 32) | (chars[:, 10] == 84)) & (chars[:, 19] == 0)
    index = np.flatnonzero(found)
    if not len(index):
        return (*nothing, empty)
    iso = chars[index, :19].copy()
    iso[:, 10] = 84  # 'T'
    try:
        return index, iso.view("U19").ravel().astype("datetime64[s]"), empty
    except ValueError:  # e.g. 2025-02-30: the careful path names each such value
        return (*nothing, empty)


def _iso_offset(value: str) -> int | None:
    """Minutes east of UTC of an ISO time with 'Z' or '±HH:MM' (None: local, 19 characters), or -1
    when the value has another form."""
    length = len(value)
    if length < 19 or value[4] != "-" or value[7] != "-" or value[10] not in " T" or value[13] != ":":
        return -1
    if length == 19:
        return None
    if length == 20 and value[19] == "Z":
        return 0
    if length == 25 and value[19] in "+-" and value[22] == ":" and value[20:22].isdigit() and value[23:25].isdigit():
        minutes = int(value[20:22]) * 60 + int(value[23:25])
        return minutes if value[19] == "+" else -minutes
    return -1


def _utc_texts(moments: np.ndarray) -> np.ndarray:
    """datetime64[s] (years 1-9999) -> UTC_FORMAT texts ('2025-03-01T04:00:00.000Z') as a numpy
    string array, written digit by digit (numpy's datetime_as_string takes five times longer)."""
    months = moments.astype("datetime64[M]")
    days = moments.astype("datetime64[D]")
    seconds = (moments - days).astype(np.int64)
    fields = (months.astype(np.int64) // 12 + 1970, months.astype(np.int64) % 12 + 1,
              (days - months.astype("datetime64[D]")).astype(np.int64) + 1,
              seconds // 3600, seconds // 60 % 60, seconds % 60)
    chars = np.empty((len(moments), 24), dtype=np.uint32)
    chars[:] = _UTC_TEMPLATE
    for (at, width), value in zip(_UTC_FIELD_PLACES, fields):
        for k in range(width):
            chars[:, at + width - 1 - k] = 48 + value // 10 ** k % 10
    return chars.view("U24").ravel()


_UTC_TEMPLATE = np.array([ord(c) for c in "0000-00-00T00:00:00.000Z"], dtype=np.uint32)
_UTC_FIELD_PLACES = ((0, 4), (5, 2), (8, 2), (11, 2), (14, 2), (17, 2))  # (first character, width)


FEW_VALUE_FIELDS = ("source", "kind", "class_code", "class_name", "status")  # a handful of distinct values


def _text_column(values: Sequence[object], shared: bool = False) -> list[str | None]:
    """Stripped text, None for empty. `shared`: equal values become one object (a million copies
    of "已结案" cost 84 MB; one costs nothing)."""
    plain = set(map(type, values)) <= {str}
    texts = [v.strip() or None for v in values] if plain else [_text(v) for v in values]  # type: ignore[attr-defined]
    if shared:
        one: dict[str | None, str | None] = {}
        texts = list(map(one.setdefault, texts, texts))
    return texts


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
    records.values["content_hash"] = content_hashes([records.values[name] for name in names] + coordinates)
    keep, duplicate_rejects = _drop_duplicates(records)
    rejects.extend(duplicate_rejects)
    rejects.sort(key=lambda r: r.row)
    # in case-id order: the stores insert in that order, and need no copy of their own to sort
    kept = np.asarray(keep, dtype=np.int64)
    kept = kept[np.argsort(np.asarray(records.case_ids, dtype=object)[kept], kind="stable")]
    return ParsedCases(records.take(kept), rejects, parsed.read, parsed.swapped, parsed.geocoded)


def _drop_duplicates(records: CaseRecords) -> tuple[list[int], list[Reject]]:
    """Keep the first of each id; identical repeats are rejected as such, and every row of an id
    whose repeats differ is rejected, naming the other rows."""
    first: dict[str, int] = {}
    repeats: dict[str, list[int]] = {}
    ids, hashes, rows = records.case_ids, records.values["content_hash"], records.rows
    if len(set(ids)) == len(ids):
        return list(range(len(ids))), []
    for i, case_id in enumerate(ids):
        j = first.setdefault(case_id, i)
        if j != i:
            repeats.setdefault(case_id, [j]).append(i)
    if not repeats:
        return list(range(len(ids))), []
    rejects: list[Reject] = []
    dropped: set[int] = set()
    for case_id, members in repeats.items():
        if len({hashes[k] for k in members}) > 1:
            for k in members:
                others = [int(rows[m]) for m in members if m != k][:5]
                rejects.append(Reject(int(rows[k]), case_id, message(
                    "case id {case_id} appears again in rows {rows} with different content; none of them is "
                    "imported: correct or remove the wrong rows", case_id=case_id, rows=", ".join(map(str, others)))))
            dropped.update(members)
        else:
            for k in members[1:]:
                rejects.append(Reject(int(rows[k]), case_id, message(
                    "identical duplicate of row {row}; imported once", row=int(rows[members[0]]))))
            dropped.update(members[1:])
    return [i for i in range(len(ids)) if i not in dropped], rejects


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
    text with `start` inclusive and `end` exclusive."""

    start: str | None = None
    end: str | None = None
    kinds: tuple[str, ...] = ()
    class_codes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()

    def describe(self) -> str:
        parts = [f"{self.start or '…'} – {self.end or '…'}"]
        for label, values in (("kind", self.kinds), ("class", self.class_codes), ("source", self.sources),
                              ("status", self.statuses)):
            if values:
                parts.append(f"{label} = {', '.join(values)}")
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
