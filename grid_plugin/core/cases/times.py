"""Times of cases as the hotline exports write them, parsed to UTC ISO text.

A time without a zone is local time in the import's zone (Asia/Shanghai by default). The stored
form is the GeoPackage DATETIME text ("2025-03-01T04:00:00.000Z", so text order is time order).
`parse_time` takes one value; `parse_time_column` a whole column, with numpy for the common
ISO forms. Both refuse a time outside the `TimeWindow` they are given (years as written, before
any zone conversion), so a typo such as year 0001 is named instead of stored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np

from grid_plugin.core.errors import GridInputError

UTC_FORMAT = "%Y-%m-%dT%H:%M:%S.000Z"  # GeoPackage DATETIME; whole seconds
# The zone of times given without one, unless the user says otherwise: the working day of a Chinese city.
DEFAULT_TIME_ZONE = "Asia/Shanghai"
EARLIEST_YEAR = 1990  # the default window: no digital city management case is older
LATEST_YEARS_AHEAD = 1  # ... and none is reported (or due) later than next year
# the widest window: any time in it stays a four-digit year in UTC, whatever its zone
YEAR_RANGE = (1000, 9998)


def _next_year() -> int:
    return dt.date.today().year + LATEST_YEARS_AHEAD


@dataclass(frozen=True)
class TimeWindow:
    """The years a case time may have, both inclusive, compared as written (before any zone
    conversion). The default is EARLIEST_YEAR to next year: a year 0001 or 2205 is a typo or an
    export's placeholder, and would be stored as a time no tool can use."""

    earliest: int = EARLIEST_YEAR
    latest: int = field(default_factory=_next_year)

    def __post_init__(self) -> None:
        if not YEAR_RANGE[0] <= self.earliest <= self.latest <= YEAR_RANGE[1]:
            raise GridInputError(
                "The years {earliest}–{latest} are no time window; give an earliest year before or equal to the "
                "latest one, both between {first} and {last}.", earliest=self.earliest, latest=self.latest,
                first=YEAR_RANGE[0], last=YEAR_RANGE[1])

    def holds(self, moment: dt.datetime) -> bool:
        return self.earliest <= moment.year <= self.latest

    def holds_all(self, moments: np.ndarray) -> np.ndarray:
        """holds() for datetime64 values, for a whole column at once."""
        years = moments.astype("datetime64[Y]").astype(np.int64) + 1970
        return (years >= self.earliest) & (years <= self.latest)

    def __str__(self) -> str:
        return f"{self.earliest}–{self.latest}"


class TimeOutsideWindow(ValueError):
    """A real time, but outside the TimeWindow asked for."""


def time_zone(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name or DEFAULT_TIME_ZONE)
    except (ZoneInfoNotFoundError, ValueError) as err:
        raise GridInputError(
            "Time zone '{zone}' is unknown; use an IANA name such as Asia/Shanghai or UTC.", zone=name) from err


_CHINESE_DATE = re.compile(
    r"^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[:：时](\d{1,2})(?:分|[:：])?(?:(\d{1,2})秒?)?)?$")
_SLASHED = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?$")


def parse_time(value: object, zone: dt.tzinfo, window: TimeWindow | None = None) -> str | None:
    """A time as UTC ISO text, None when empty; ValueError when it is not a time, TimeOutsideWindow
    (a ValueError) when it is one outside `window`.

    Accepts datetime/date objects, ISO 8601 (with 'T' or a space, with or without a zone), slashed
    dates ('2025/3/1 8:05'), Chinese dates ('2025年3月1日 08:05:00') and compact digits
    ('20250301080500'). A time without a zone is in `zone`.
    """
    moment = written_time(value)
    if moment is None:
        return None
    if window is not None and not window.holds(moment):
        raise TimeOutsideWindow(str(value))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    # isoformat, not strftime: glibc's %Y writes year 999 as '999', which sorts and parses wrongly
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds") + ".000Z"


def written_time(value: object) -> dt.datetime | None:
    """The time as written (naive, or aware when it names its zone), None when empty; ValueError
    when it is not a time."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    text = str(value).strip()
    if not text:
        return None
    return _parse_time_text(text)


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


def parse_time_column(values: Sequence[object], zone: dt.tzinfo,
                      window: TimeWindow | None = None) -> tuple[list[str | None], list[int]]:
    """parse_time over a column: (UTC texts, indices of values that are not times or, with a
    `window`, are times outside it; their texts are None).

    'YYYY-MM-DD HH:MM:SS' (or with 'T') is recognised and parsed by numpy for the whole column at
    once; the ISO forms with 'Z' or '±HH:MM' are picked out one by one and parsed by numpy too; the
    local-time offset is looked up once per distinct hour (exact across DST changes, fold=0 as in
    parse_time). Everything else takes parse_time one by one. The window is checked on the numpy
    times at once, as parse_time checks it on each other value: the same answer whatever else the
    column holds.
    """
    out, not_times, outside = parse_column(values, zone, window)
    return out, sorted(not_times + outside)


# Reads the values at `candidates` (indices into the column) that it knows: (indices read, their local
# times as datetime64[s], indices of values in its forms that are no real time). core.cases.time_formats has them.
ColumnReader = Callable[[Sequence[object], np.ndarray], "tuple[np.ndarray, np.ndarray, list[int]]"]


def parse_column(values: Sequence[object], zone: dt.tzinfo, window: TimeWindow | None = None,
                 reader: ColumnReader | None = None) -> tuple[list[str | None], list[int], list[int]]:
    """parse_time_column with the reasons apart: (UTC texts, indices of values that are not times,
    indices of times outside `window`). `reader` first reads the values that are not in an ISO form
    (see ColumnReader); what it leaves takes parse_time one by one."""
    n = len(values)
    bad: list[int] = []
    outside: list[int] = []
    if values.count(None) == n if isinstance(values, list) else all(v is None for v in values):
        return [None] * n, bad, outside  # a field the input does not have
    fast, local, empty = _local_iso_times(values)
    local_count = len(fast)
    offsets: list[int | None] = []  # of the other ISO forms: minutes east of UTC, None for local time
    slow: list[int] = []
    if len(fast) + int(empty.sum()) < n:  # some values in other forms: look at those one by one
        others = np.ones(n, dtype=bool)
        others[fast] = False
        others &= ~empty
        candidates = np.flatnonzero(others)
        read = np.empty(0, dtype=np.int64)
        read_local = np.empty(0, dtype="datetime64[s]")
        if reader is not None:
            read, read_local, wrong = reader(values, candidates)
            bad.extend(wrong)
            others[read] = False
            others[wrong] = False
            candidates = np.flatnonzero(others)
        extra: list[int] = []
        texts: list[str] = []
        for i in candidates.tolist():
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
        if len(read):  # local times, as the values without a zone
            offsets += [None] * len(read)
            fast = np.concatenate([fast, read])
            local = np.concatenate([local, read_local])
    if window is not None and len(fast):
        inside = window.holds_all(local)
        if not inside.all():
            outside.extend(fast[~inside].tolist())
            offsets = [o for o, keep in zip(offsets, inside[local_count:].tolist()) if keep]
            local_count = int(inside[:local_count].sum())
            fast, local = fast[inside], local[inside]
    result = np.full(n, None, dtype=object)
    if len(fast):
        shift = np.zeros(len(fast), dtype="timedelta64[s]")
        given = np.zeros(len(fast), dtype=bool)
        given[local_count:] = [o is not None for o in offsets]
        if given.any():
            shift[given] = np.array([o for o in offsets if o is not None], dtype=np.int64) * 60
        if (~given).any():
            shift[~given] = zone_offsets(local[~given], zone)
        result[fast] = _utc_texts(local - shift)
    out: list[str | None] = result.tolist()
    for i in slow:
        try:
            out[i] = parse_time(values[i], zone, window)
        except TimeOutsideWindow:
            outside.append(i)
        except (ValueError, OverflowError):
            bad.append(i)
    bad.sort()
    outside.sort()
    return out, bad, outside


def zone_offsets(local: np.ndarray, zone: dt.tzinfo) -> np.ndarray:
    """How far local times (datetime64[s]) in `zone` are ahead of UTC, as timedelta64[s]: looked up once
    per distinct hour (exact across DST changes; fold=0 as in parse_time)."""
    hours = local.astype("datetime64[h]")
    distinct, inverse = np.unique(hours, return_inverse=True)
    seconds = np.array([int(zone.utcoffset(h.astype(dt.datetime)).total_seconds())  # type: ignore[union-attr]
                        for h in distinct], dtype=np.int64)
    return seconds[inverse.ravel()].astype("timedelta64[s]")


def utc_texts(local: np.ndarray, zone: dt.tzinfo) -> np.ndarray:
    """Local times (datetime64[s]) in `zone` as UTC_FORMAT texts (a numpy string array)."""
    if not len(local):
        return np.empty(0, dtype="U24")
    return _utc_texts(local - zone_offsets(local, zone))


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
