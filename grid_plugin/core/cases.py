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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
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
    return moment.astimezone(dt.timezone.utc).strftime(UTC_FORMAT)


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
        return CaseRecords({name: [column[i] for i in index] for name, column in self.values.items()},
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


def content_hash(values: Iterable[object]) -> str:
    """Hash of a case's content: equal hashes mean a re-import changes nothing."""
    return hashlib.sha1("\x1f".join("" if v is None else str(v) for v in values).encode("utf-8")).hexdigest()


class CaseParser:
    """Turns input rows into `CaseRecords` plus rejects (see the module docstring)."""

    def __init__(self, mapping: Mapping[str, str], *, zone: str = "Asia/Shanghai", system: str = "wgs84",
                 epsg: str | None = None, events: ClassTable | None = None, components: ClassTable | None = None):
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

    def parse(self, rows: Iterable[tuple[int, Mapping[str, object]]], progress: Progress | None = None,
              total: int = 0) -> ParsedCases:
        progress = progress or Progress()
        kept: dict[str, list] = {name: [] for name in CASE_TEXT_FIELDS + CASE_TIME_FIELDS}
        xs: list[float] = []
        ys: list[float] = []
        numbers: list[int] = []
        rejects: list[Reject] = []
        read = 0
        mapping = self.mapping
        for number, row in rows:
            read += 1
            if read % 20000 == 0:
                progress.step(read, max(total, read))
            case_id = _text(row.get(mapping["case_id"]))
            problem, case = self._parse_row(row, case_id)
            if problem is not None:
                rejects.append(Reject(number, case_id or "", problem))
                continue
            assert case is not None
            for name in kept:
                kept[name].append(case[name])
            xs.append(case["x"])
            ys.append(case["y"])
            numbers.append(number)
        records = CaseRecords(kept, np.asarray(xs, dtype=float), np.asarray(ys, dtype=float),
                              np.asarray(numbers, dtype=np.int64))
        return self._locate(records, rejects, read)

    def _parse_row(self, row: Mapping[str, object], case_id: str | None) -> tuple[Message | None, dict | None]:
        mapping = self.mapping
        if not case_id:
            return message("no case id (field {field} is empty)", field=mapping["case_id"]), None
        case: dict[str, object] = {"case_id": case_id}
        for name in CASE_TEXT_FIELDS[1:]:
            case[name] = _text(row.get(mapping[name])) if name in mapping else None
        for name in CASE_TIME_FIELDS:
            raw = row.get(mapping[name]) if name in mapping else None
            try:
                case[name] = parse_time(raw, self.zone)
            except (ValueError, OverflowError):
                return message("{field} '{value}' is not a date and time; write it as 2025-03-01 08:05:00",
                               field=mapping[name], value=raw), None
        if case["reported_at"] is None:
            return message("no report time (field {field} is empty)", field=mapping["reported_at"]), None
        x, y = _number(row.get(mapping["x"])), _number(row.get(mapping["y"]))
        if x is None or y is None:
            raw = (row.get(mapping["x"]), row.get(mapping["y"]))
            if all(_text(v) is None for v in raw):
                return message("no coordinates (fields {x} and {y} are empty); geocode the address first",
                               x=mapping["x"], y=mapping["y"]), None
            return message("coordinates '{x}', '{y}' are not numbers", x=raw[0], y=raw[1]), None
        case["x"], case["y"] = x, y
        problem = self._classify(case)
        return problem, case

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

    def _locate(self, records: CaseRecords, rejects: list[Reject], read: int) -> ParsedCases:
        """Convert to CGCS2000 degrees and reject what lies outside China (noting swaps)."""
        lon, lat = self.to_cgcs2000(records.lon, records.lat)
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
        return ParsedCases(located, rejects, read, int(swapped.sum()))

    def to_cgcs2000(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if self._transformer is not None:
            lon, lat = self._transformer.transform(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
            return np.asarray(lon), np.asarray(lat)
        system = "wgs84" if self.system == "cgcs2000" else self.system
        lon, lat = to_wgs84(np.asarray(x, dtype=float), np.asarray(y, dtype=float), system)
        return np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)


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
    hashes = [content_hash([*(records.values[name][i] for name in names),
                            f"{records.lon[i]:.7f}", f"{records.lat[i]:.7f}"]) for i in range(len(records))]
    records.values["content_hash"] = hashes
    keep, duplicate_rejects = _drop_duplicates(records)
    rejects.extend(duplicate_rejects)
    rejects.sort(key=lambda r: r.row)
    return ParsedCases(records.take(keep), rejects, parsed.read, parsed.swapped)


def _drop_duplicates(records: CaseRecords) -> tuple[list[int], list[Reject]]:
    first: dict[str, int] = {}
    conflicting: set[str] = set()
    rejects: list[Reject] = []
    keep: list[int] = []
    ids, hashes, rows = records.case_ids, records.values["content_hash"], records.rows
    for i, case_id in enumerate(ids):
        j = first.setdefault(case_id, i)
        if j != i and hashes[j] != hashes[i]:
            conflicting.add(case_id)
    for i, case_id in enumerate(ids):
        j = first[case_id]
        if case_id in conflicting:
            others = [int(rows[k]) for k in range(len(ids)) if ids[k] == case_id and k != i][:5]
            rejects.append(Reject(int(rows[i]), case_id, message(
                "case id {case_id} appears again in rows {rows} with different content; none of them is "
                "imported: correct or remove the wrong rows", case_id=case_id, rows=", ".join(map(str, others)))))
        elif j != i:
            rejects.append(Reject(int(rows[i]), case_id, message(
                "identical duplicate of row {row}; imported once", row=int(rows[j]))))
        else:
            keep.append(i)
    return keep, rejects


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
