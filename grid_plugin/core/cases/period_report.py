"""Top-N unit grids and case classes per period, with the change against the period before.

Why this shape: a supervision centre reviews its cases (案件) monthly or weekly and asks "where
and what were most cases, and is it getting worse". So for every period the report ranks grids
and classes by case count and gives each row its count in the previous period, the change and
its share of the period's cases.

Periods are keys in local time (the working day of a Chinese city is Asia/Shanghai, while case
systems store UTC): "2025-03-01" (day), "2025-W09" (ISO week), "2025-03" (month), "2025-Q1"
(quarter), "2025" (year). Keys of one kind sort chronologically as plain strings.

The previous period of a key is its calendar predecessor (March for April, 2025-W01 for
2025-W02, ...). When that lies inside the data (between the first and the last period) but has
no cases, the previous count is 0; when it lies before the first period, the data say nothing
about it and the previous count, change and change percent are None. Keys of another form fall
back to the key before them in sorted order.
"""

from __future__ import annotations

import html
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from grid_plugin.core.cases.times import DEFAULT_TIME_ZONE
from grid_plugin.core.errors import GridInputError, Message, message
from grid_plugin.core.output_files import write_spreadsheet_csv
from grid_plugin.core.progress import Progress
from grid_plugin.core.report_style import BASE_STYLE

PERIODS = ("day", "week", "month", "quarter", "year")
DIMENSIONS = ("grid", "class")
DEFAULT_TOP_N = 10

# Used only when the system has no time-zone database (Windows Python without the tzdata
# package): zones of China without daylight saving since 1991.
_FIXED_ZONES = {
    "Asia/Shanghai": 8, "Asia/Chongqing": 8, "Asia/Chungking": 8, "Asia/Harbin": 8, "PRC": 8,
    "Asia/Hong_Kong": 8, "Asia/Macau": 8, "Asia/Taipei": 8, "Asia/Urumqi": 6, "Asia/Kashgar": 6,
}
_OFFSET = re.compile(r"^(?:UTC)?([+-])(\d{2}):?(\d{2})$")
# A UTC time whose local period depends only on its hour (cached per hour), e.g. 2025-03-01T04:00:00Z.
_UTC_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2}[T ]\d{2})(?::[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?)?(?:Z|[+-]00:?00)?$")
_PROGRESS_EVERY = 1 << 16

_KEY_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day", re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")),
    ("week", re.compile(r"^(\d{4})-W(\d{2})$")),
    ("month", re.compile(r"^(\d{4})-(\d{2})$")),
    ("quarter", re.compile(r"^(\d{4})-Q([1-4])$")),
    ("year", re.compile(r"^(\d{4})$")),
)

_PERIOD = message("Period")
_DIMENSION = message("Dimension")
_RANK = message("Rank")
_CODE = message("Code")
_NAME = message("Name")
_COUNT = message("Count")
_SHARE = message("Share of period (%)")
_PREVIOUS = message("Previous period")
_CHANGE = message("Change")
_CHANGE_PERCENT = message("Change (%)")
_GRID = message("Unit grid")
_CLASS = message("Case class")
_NO_CODE = message("(not assigned)")
_NEW = message("new")
_TOP_GRIDS = message("Top {n} unit grids")
_TOP_CLASSES = message("Top {n} case classes")
_PERIOD_HEADING = message("{period}: {count} cases")
_COMPARED = message("Compared with {previous}: {count} cases")
_NOT_COMPARED = message("The data have no period before this one to compare with.")

DIMENSION_LABELS: dict[str, Message] = {"grid": _GRID, "class": _CLASS}
CSV_COLUMNS: tuple[Message, ...] = (
    _PERIOD, _DIMENSION, _RANK, _CODE, _NAME, _COUNT, _SHARE, _PREVIOUS, _CHANGE, _CHANGE_PERCENT,
)


# --- period keys ----------------------------------------------------------------------------


def _zone(tz: str) -> tzinfo:
    """The zone named by an IANA name, "UTC" or an offset such as "+08:00"."""
    if tz.upper() in ("UTC", "Z", "GMT"):
        return timezone.utc
    offset = _OFFSET.match(tz)
    if offset:
        sign = -1 if offset.group(1) == "-" else 1
        return timezone(sign * timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3))))
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        if tz in _FIXED_ZONES:
            return timezone(timedelta(hours=_FIXED_ZONES[tz]))
        # the template of core.cases.records, so that both share one translation
        raise GridInputError("Time zone '{zone}' is unknown; use an IANA name such as Asia/Shanghai or UTC.",
                             zone=tz) from None


def _format(local: datetime, period: str) -> str:
    if period == "day":
        return f"{local.year:04d}-{local.month:02d}-{local.day:02d}"
    if period == "week":
        year, week, _ = local.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if period == "month":
        return f"{local.year:04d}-{local.month:02d}"
    if period == "quarter":
        return f"{local.year:04d}-Q{(local.month - 1) // 3 + 1}"
    return f"{local.year:04d}"


def _hour_key(hour: str, zone: tzinfo, period: str) -> str | None:
    """The key of every instant in this UTC hour, or None when the hour straddles two keys
    (zones with a half-hour offset, or a daylight-saving change inside the hour)."""
    start = datetime(int(hour[0:4]), int(hour[5:7]), int(hour[8:10]), int(hour[11:13]), tzinfo=timezone.utc)
    first = start.astimezone(zone)
    last = (start + timedelta(minutes=59, seconds=59, microseconds=999_999)).astimezone(zone)
    if first.utcoffset() != last.utcoffset():
        return None
    key = _format(first, period)
    return key if key == _format(last, period) else None


def _parse(value: Any, index: int) -> datetime:
    """An aware datetime from an ISO 8601 text or a datetime; no offset means UTC."""
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise GridInputError("case {index}: time '{value}' is not an ISO 8601 time such as "
                                 "2025-03-01T04:00:00Z; correct or remove it",
                                 feature_ids=(index,), index=index, value=value) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def period_key(
    iso_utc_times: Iterable[str | datetime], period: str, tz: str = DEFAULT_TIME_ZONE,
    progress: Progress | None = None,
) -> list[str]:
    """The local period key of every time (see the module doc for the forms).

    Times are ISO 8601 texts in UTC ("2025-03-01T04:00:00Z"); texts without an offset are taken
    as UTC, texts with another offset are converted correctly. Keys are cached per UTC hour
    (and per distinct text otherwise), so a million times take about a second: case times
    repeat hours far more than a time-zone conversion per case would cost.
    """
    if period not in PERIODS:
        raise GridInputError("period must be one of day, week, month, quarter, year; got '{period}'", period=period)
    zone = _zone(tz)
    by_hour: dict[str, str | None] = {}
    by_text: dict[Any, str] = {}
    keys: list[str] = []
    times = iso_utc_times if isinstance(iso_utc_times, Sequence) else list(iso_utc_times)
    total = len(times)
    for index, value in enumerate(times):
        if progress is not None and index % _PROGRESS_EVERY == 0:
            progress.step(index, total)
        key = by_text.get(value)
        if key is None:
            match = _UTC_TIME.match(value) if isinstance(value, str) else None
            hour = match.group(1) if match else None
            if hour is not None:
                if hour not in by_hour:
                    by_hour[hour] = _hour_key(hour, zone, period) if _valid_hour(hour) else None
                key = by_hour[hour]
            if key is None:  # not cached per hour: parse it (and report it when it is no time)
                key = by_text[value] = _format(_parse(value, index).astimezone(zone), period)
        keys.append(key)
    if progress is not None:
        progress.step(total, total)
    return keys


def _valid_hour(hour: str) -> bool:
    """The hour prefix names a real date and hour (the pattern only checks for digits)."""
    try:
        datetime.fromisoformat(hour.replace(" ", "T") + ":00")
    except ValueError:
        return False
    return True


def previous_period(key: str) -> str | None:
    """The calendar period before a key of one of the forms of period_key, else None."""
    for form, pattern in _KEY_FORMS:
        match = pattern.match(key)
        if not match:
            continue
        numbers = [int(g) for g in match.groups()]
        try:
            if form == "day":
                return (date(*numbers) - timedelta(days=1)).isoformat()
            if form == "week":
                year, week, _ = (date.fromisocalendar(numbers[0], numbers[1], 1) - timedelta(days=7)).isocalendar()
                return f"{year:04d}-W{week:02d}"
        except ValueError:
            return None
        if form == "month":
            year, month = numbers
            return f"{year - 1:04d}-12" if month == 1 else f"{year:04d}-{month - 1:02d}"
        if form == "quarter":
            year, quarter = numbers
            return f"{year - 1:04d}-Q4" if quarter == 1 else f"{year:04d}-Q{quarter - 1}"
        return f"{numbers[0] - 1:04d}"
    return None


# --- the report -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportRow:
    """One ranked grid or class of one period.

    share is count / the period's cases (0..1); change_percent is 100 × change / previous_count
    and None when the previous count is 0 (growth from nothing has no percentage) or unknown.
    """

    period: str
    dimension: str  # "grid" or "class"
    rank: int
    code: str  # "" for cases without a grid or class
    name: str
    count: int
    share: float
    previous_count: int | None  # None: the previous period lies before the data
    change: int | None
    change_percent: float | None


@dataclass(frozen=True)
class PeriodReport:
    rows: tuple[ReportRow, ...]
    periods: tuple[str, ...]  # chronological
    totals: dict[str, int]  # cases per period
    previous: dict[str, str | None]  # the period each period is compared with
    n: int | None  # top-N asked for; None for full rankings

    def table(self, period: str, dimension: str) -> list[ReportRow]:
        """The ranked rows of one period and dimension."""
        return [row for row in self.rows if row.period == period and row.dimension == dimension]


def _code(value: Any) -> str:
    """Codes as trimmed text; None and NaN (empty spreadsheet cells) become ""."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _names(
    names: Mapping[Any, Any] | Sequence[Any] | None, codes: list[str], cases: int, what: str,
) -> dict[str, str]:
    """Code → name from a mapping, or from per-case names (the first non-empty name of a code)."""
    if names is None:
        return {}
    if isinstance(names, Mapping):
        return {_code(code): _code(name) for code, name in names.items()}
    if len(names) != cases and what == "grid":
        raise GridInputError("got {names} grid names for {cases} cases; give one name per case or a "
                             "mapping from grid code to name", names=len(names), cases=cases)
    if len(names) != cases:
        raise GridInputError("got {names} class names for {cases} cases; give one name per case or a "
                             "mapping from class code to name", names=len(names), cases=cases)
    out: dict[str, str] = {}
    for code, name in zip(codes, names):
        if code not in out or not out[code]:
            out[code] = _code(name)
    return out


def _previous_periods(periods: list[str]) -> dict[str, str | None]:
    """Each sorted period's calendar predecessor when it lies within the data, else None;
    the preceding key for keys of no known form."""
    out: dict[str, str | None] = {}
    for k, key in enumerate(periods):
        if not any(pattern.match(key) for _, pattern in _KEY_FORMS):
            out[key] = periods[k - 1] if k else None
            continue
        before = previous_period(key)
        out[key] = before if before is not None and before >= periods[0] else None
    return out


def top_n_report(
    periods: Sequence[Any],
    grid_codes: Sequence[Any],
    class_codes: Sequence[Any],
    n: int | None = DEFAULT_TOP_N,
    grid_names: Mapping[Any, Any] | Sequence[Any] | None = None,
    class_names: Mapping[Any, Any] | Sequence[Any] | None = None,
) -> PeriodReport:
    """Per period, the n grids and n classes with most cases (n=None: all), ties by code.

    One entry per case in each of periods, grid_codes and class_codes. Cases without a grid or
    class code are ranked under code "", so a full ranking always adds up to the period's cases.
    Names are a mapping code → name or one name per case.
    """
    cases = len(periods)
    if len(grid_codes) != cases or len(class_codes) != cases:
        raise GridInputError("got {periods} periods, {grids} grid codes and {classes} class codes; give one of "
                             "each per case", periods=cases, grids=len(grid_codes), classes=len(class_codes))
    if n is not None and n < 1:
        raise GridInputError("the number of top grids and classes must be at least 1, got {n}", n=n)
    keys = [_code(p) for p in periods]
    empty = [k for k, key in enumerate(keys) if not key]
    if empty:
        raise GridInputError("case {index} has no period; give every case a report time",
                             feature_ids=empty, index=empty[0])
    totals = Counter(keys)
    order = sorted(totals)
    previous = _previous_periods(order)
    rows: list[ReportRow] = []
    for dimension, raw_codes, raw_names in (("grid", grid_codes, grid_names), ("class", class_codes, class_names)):
        codes = [_code(c) for c in raw_codes]
        names = _names(raw_names, codes, cases, dimension)
        per_period: dict[str, Counter[str]] = {key: Counter() for key in order}
        for (key, code), count in Counter(zip(keys, codes)).items():
            per_period[key][code] = count
        for key in order:
            ranking = sorted(per_period[key].items(), key=lambda item: (-item[1], item[0]))
            before = previous[key]
            before_counts = per_period.get(before, Counter()) if before is not None else None
            for rank, (code, count) in enumerate(ranking[:n] if n is not None else ranking, start=1):
                previous_count = before_counts.get(code, 0) if before_counts is not None else None
                change = count - previous_count if previous_count is not None else None
                percent = 100.0 * change / previous_count if previous_count and change is not None else None
                rows.append(ReportRow(key, dimension, rank, code, names.get(code, ""), count,
                                      count / totals[key], previous_count, change, percent))
    position = {key: k for k, key in enumerate(order)}
    rows.sort(key=lambda row: (position[row.period], DIMENSIONS.index(row.dimension), row.rank))
    return PeriodReport(tuple(rows), tuple(order), dict(totals), previous, n)


# --- CSV and HTML ---------------------------------------------------------------------------


def _number(value: float | None, digits: int, signed: bool = False) -> str:
    if value is None:
        return ""
    return f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"


def write_csv(report: PeriodReport, path: str | Path, translate: Callable[[str], str] = lambda s: s) -> None:
    """All rows in one CSV for Excel (see output_files.write_spreadsheet_csv)."""
    write_spreadsheet_csv(path, [column.render(translate) for column in CSV_COLUMNS], (
        [row.period, DIMENSION_LABELS[row.dimension].render(translate), row.rank, row.code,
         row.name if row.code else _NO_CODE.render(translate), row.count, _number(100.0 * row.share, 2),
         "" if row.previous_count is None else row.previous_count,
         "" if row.change is None else row.change, _number(row.change_percent, 1)]
        for row in report.rows))


_STYLE = BASE_STYLE + """
td.up { color: #c00; font-weight: bold; background: #fdecea; }
td.down { color: #1a7f37; }
"""


def _change_cells(row: ReportRow, translate: Callable[[str], str]) -> str:
    """Previous count, change and change % cells; increases (more cases) are highlighted."""
    if row.previous_count is None or row.change is None:
        return '<td class="number">—</td>' * 3
    css = "up" if row.change > 0 else "down" if row.change < 0 else ""
    attr = f' class="number {css}"' if css else ' class="number"'
    percent = f"{row.change_percent:+.1f}%" if row.change_percent is not None else _NEW.render(translate)
    return (f'<td class="number">{row.previous_count}</td><td{attr}>{row.change:+d}</td>'
            f"<td{attr}>{html.escape(percent)}</td>")


def report_html(report: PeriodReport, title: str, translate: Callable[[str], str] = lambda s: s) -> str:
    """The report as one self-contained HTML page: per period, a table of grids and one of classes."""

    def t(label: Message) -> str:
        return html.escape(label.render(translate))

    header = "<tr>" + "".join(
        f"<th>{t(label)}</th>" for label in (_RANK, _CODE, _NAME, _COUNT, _SHARE, _PREVIOUS, _CHANGE, _CHANGE_PERCENT)
    ) + "</tr>"
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
    ]
    for period in reversed(report.periods):  # the latest period is what the reader came for
        parts.append(f"<h2>{t(message(_PERIOD_HEADING.template, period=period, count=report.totals[period]))}</h2>")
        before = report.previous[period]
        if before is None:
            parts.append(f"<p>{t(_NOT_COMPARED)}</p>")
        else:
            note = message(_COMPARED.template, previous=before, count=report.totals.get(before, 0))
            parts.append(f"<p>{t(note)}</p>")
        for dimension, heading in (("grid", _TOP_GRIDS), ("class", _TOP_CLASSES)):
            rows = report.table(period, dimension)
            parts += [f"<h3>{t(message(heading.template, n=len(rows)))}</h3>", "<table>", header]
            for row in rows:
                name = html.escape(row.name) if row.code else t(_NO_CODE)
                parts.append(
                    f'<tr><td class="number">{row.rank}</td><td>{html.escape(row.code)}</td><td>{name}</td>'
                    f'<td class="number">{row.count}</td><td class="number">{100.0 * row.share:.1f}</td>'
                    + _change_cells(row, translate) + "</tr>"
                )
            parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def write_html(
    report: PeriodReport, path: str | Path, title: str, translate: Callable[[str], str] = lambda s: s,
) -> None:
    """report_html written as UTF-8."""
    Path(path).write_text(report_html(report, title, translate), encoding="utf-8")
