"""Evaluation of case handling (综合评价; GB/T 30428.4, standards digest §4.3): what is counted, over
which period, and the indicators made of the counts.

The population of a period is the cases filed (立案) in it: filed_at in [start, end). A case without a
filing time that was dispatched, disposed of or closed was evidently filed: it counts as filed at its
report time (`filed_from_report`). A case reported in the period without a filing time and without a
later stage was not filed (`unfiled`): it is reported, and in no denominator, since it is no 立案.
Each case of a period stands as unfiled, invalid (invalid = 1, 作废) or valid (0 or unknown).

Stages count when they happened before the period's cut-off: its end plus GRACE days (0 by default),
so that an evaluation run again later gives the same figures, and each period is judged alike (the
previous period's cut-off is its own end plus the same grace). Times are compared as stored (UTC);
a deadline written as a date is that date's 00:00 local time.

Counts of the valid cases of a period (the store computes them in SQL, store/evaluation_sql.py):

- due (应结案数 = 应处置数): the valid cases filed in the period (立案数 − 作废数);
- disposed (处置数): disposed of before the cut-off; a closed case without a disposal time counts as
  disposed when it was closed (`closed_no_disposed`); on time (按期处置) when that time is at or
  before the deadline; pending overdue (超期待处置): not disposed by the cut-off and its deadline
  before the cut-off;
- closed (结案数): closed before the cut-off; on time (按期结案) at or before the deadline, late
  (超期结案) after it; open overdue (超期未结案, the overdue open cases at the cut-off): not closed by
  the cut-off and the deadline before it;
- reworked (返工) and postponed (延期): a rework_count or postpone_count above 0 (cases, not events);
- handling time (结案时长): closed_at − filing time in hours, of the cases closed by the cut-off;
  a closing time before the filing time (`bad_order`: a date written without a time of day) keeps
  the case closed but leaves it out of the times.

A case that lacks a time an indicator needs is never dropped from the denominator: a valid case
without a deadline (`no_deadline`) stays in every denominator and is neither on time nor overdue;
each such count is reported (evaluation_grades.notes).

Rates are percentages. Two denominators are parameters because the sources disagree
(evaluation_indicators.csv): 返工率 over 应结案数 (Chengdu Jinniu; the default) or over 结案数 (then its
numerator is the reworked closed cases), and 按期/超期结案率 over 应结案数 (two implementations and a
government report; the default) or over 结案数 (one implementation's comment).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import shapely

from grid_plugin.core.cases.times import YEAR_RANGE, time_zone, written_time
from grid_plugin.core.errors import GridInputError, Message, message

LEVELS = ("grid", "community", "street", "department", "source")
AREA_LEVELS = ("grid", "community", "street")
LEVEL_COLUMNS = {"grid": "grid_code", "community": "community_code", "street": "street_code",
                 "department": "department", "source": "source"}

# how a case stands in a period (the store groups by it: SQL integers)
UNFILED, INVALID, VALID = 0, 1, 2

# what the store counts per level key and standing, in this order (store/evaluation_sql.py)
COUNT_FIELDS = ("cases", "disposed", "disposed_intime", "pending_overdue", "closed", "closed_intime",
                "closed_late", "open_overdue", "reworked", "reworked_closed", "postponed", "no_deadline",
                "closed_no_disposed", "filed_from_report", "bad_order", "handled", "handled_hours")
# counts about the data rather than the handling, kept per unit and reported
QUALITY_FIELDS = ("invalid", "unfiled", "filed_from_report", "no_deadline", "closed_no_disposed", "bad_order")

BASES = ("due", "closed")  # the denominators a parameter may choose: 应结案数 or 结案数


@dataclass(frozen=True)
class Indicator:
    """One indicator: its id (the reference file's where it has one), names, and what it divides."""

    id: str
    zh: str
    name: Message  # English, translatable
    kind: str  # "count", "rate" (percent) or "hours"
    lower_is_better: bool | None  # None: neither (how many cases there were)
    numerator: Message
    denominator: Message | None = None


_DUE = message("应结案数: valid cases filed in the period")
_DUE_OR_CLOSED = message("应结案数 or 结案数 (parameter)")

INDICATORS: tuple[Indicator, ...] = (
    Indicator("filed", "立案数", message("Cases filed"), "count", None,
              message("cases filed in the period, invalid ones included")),
    Indicator("due", "应结案数", message("Cases due"), "count", None,
              message("valid cases filed in the period (立案数 − 作废数)")),
    Indicator("accurate_inst_rate", "准确立案率", message("Accurate filing rate"), "rate", False,
              message("立案数 − 作废数"), message("立案数")),
    Indicator("dispose_rate", "处置率", message("Disposal rate"), "rate", False,
              message("disposed of before the cut-off"), _DUE),
    Indicator("intime_dispose_rate", "按期处置率", message("On-time disposal rate"), "rate", False,
              message("disposed of before the cut-off and at or before the deadline"), _DUE),
    Indicator("overtime_pending_rate", "超期待处置率", message("Overdue pending rate"), "rate", True,
              message("not disposed of by the cut-off, deadline before the cut-off"), _DUE),
    Indicator("close_rate", "结案率", message("Closing rate"), "rate", False,
              message("closed before the cut-off"), _DUE),
    Indicator("intime_close_rate", "按期结案率", message("On-time closing rate"), "rate", False,
              message("closed before the cut-off and at or before the deadline"), _DUE_OR_CLOSED),
    Indicator("overtime_close_rate", "超期结案率", message("Late closing rate"), "rate", True,
              message("closed before the cut-off and after the deadline"), _DUE_OR_CLOSED),
    Indicator("rework_rate", "返工率", message("Rework rate"), "rate", True,
              message("cases reworked at least once (rework_count > 0; of the closed ones over 结案数)"),
              _DUE_OR_CLOSED),
    Indicator("postpone_rate", "延期率", message("Postponement rate"), "rate", True,
              message("cases postponed at least once (postpone_count > 0)"), _DUE),
    Indicator("open_overdue", "超期未结案数", message("Overdue open cases"), "count", True,
              message("valid cases not closed by the cut-off whose deadline is before it")),
    Indicator("mean_hours", "平均结案时长", message("Mean handling time (h)"), "hours", True,
              message("mean of closing time − filing time, cases closed by the cut-off")),
    Indicator("median_hours", "结案时长中位数", message("Median handling time (h)"), "hours", True,
              message("median of closing time − filing time, cases closed by the cut-off")),
)
INDICATOR_IDS = tuple(indicator.id for indicator in INDICATORS)
RATE_IDS = tuple(indicator.id for indicator in INDICATORS if indicator.kind == "rate")
_BY_ID = {indicator.id: indicator for indicator in INDICATORS}


def indicator(indicator_id: str) -> Indicator:
    return _BY_ID[indicator_id]


# ---- periods -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Period:
    """[start, end) and the cut-off as UTC text (the store's form, times.UTC_FORMAT); label in local time."""

    start: str
    end: str
    cutoff: str
    label: str


def _utc_text(moment: dt.datetime) -> str:
    utc = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return utc.isoformat(timespec="seconds") + ".000Z"


def _local(value: str, zone: dt.tzinfo, what: Message) -> dt.datetime:
    try:
        moment = written_time(value)
    except ValueError:
        moment = None
    if moment is None:
        raise GridInputError("{what} '{value}' is not a date or time; write it as 2025-03-01 or 2025-03-01 08:00.",
                             what=what, value=value)
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


def _shift_months(moment: dt.datetime, months: int) -> dt.datetime:
    index = moment.year * 12 + moment.month - 1 + months
    return moment.replace(year=index // 12, month=index % 12 + 1)


def _months_between(start: dt.datetime, end: dt.datetime) -> int:
    """Whole calendar months from start to end when both are the first of a month at 00:00, else 0."""
    def first_of_month(moment: dt.datetime) -> bool:
        return moment.day == 1 and moment.time() == dt.time(0)

    if not (first_of_month(start) and first_of_month(end)):
        return 0
    return (end.year - start.year) * 12 + end.month - start.month


def _label(start: dt.datetime, end: dt.datetime) -> str:
    """'2025-03-01 – 2025-03-31' for whole days (the end shown inclusive), else with times."""
    if start.time() == dt.time(0) and end.time() == dt.time(0):
        return f"{start:%Y-%m-%d} – {end - dt.timedelta(days=1):%Y-%m-%d}"
    return f"{start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M}"


def evaluation_periods(start: str, end: str, zone_name: str = "Asia/Shanghai",
                       grace_days: float = 0.0) -> tuple[Period, Period]:
    """The period [start, end) (local dates or times, `end` exclusive) and the previous period of equal
    length: the same number of calendar months before when the period is whole months (February
    before March), else the same duration before. Each cut-off is its end plus `grace_days`."""
    zone = time_zone(zone_name)
    begin = _local(start, zone, message("The period's start"))
    finish = _local(end, zone, message("The period's end"))
    if finish <= begin:
        raise GridInputError("The period is empty: its end {end} is not after its start {start}; the end is exclusive "
                             "(March 2025 is 2025-03-01 to 2025-04-01).", start=start, end=end)
    if grace_days < 0:
        raise GridInputError("The grace after the period's end is {days} days; give 0 or more.", days=grace_days)
    months = _months_between(begin, finish)
    try:
        if months:
            before = _shift_months(begin, -months)
        else:  # the same duration in real time, whatever the zone's clock did in between
            before = (begin.astimezone(dt.timezone.utc) - (finish - begin)).astimezone(zone)
        grace = dt.timedelta(days=grace_days)
        cutoffs = (finish + grace, begin + grace)
        if not all(YEAR_RANGE[0] <= moment.year <= YEAR_RANGE[1] for moment in (before, *cutoffs)):
            raise OverflowError
    except (OverflowError, ValueError):
        raise GridInputError("The period {start} to {end} and the one before it of equal length do not fit the years "
                             "{first} to {last}; give a shorter period or a smaller grace.", start=start, end=end,
                             first=YEAR_RANGE[0], last=YEAR_RANGE[1]) from None
    current = Period(_utc_text(begin), _utc_text(finish), _utc_text(cutoffs[0]), _label(begin, finish))
    previous = Period(_utc_text(before), _utc_text(begin), _utc_text(cutoffs[1]), _label(before, begin))
    return current, previous


# ---- counts and indicators -----------------------------------------------------------------------------
@dataclass
class UnitCounts:
    """The counts of one level key in one period: its valid cases' COUNT_FIELDS, the numbers of
    invalid and unfiled cases, and the median handling time (None: no case closed in order)."""

    valid: dict[str, float] = field(default_factory=lambda: dict.fromkeys(COUNT_FIELDS, 0))
    invalid: int = 0
    unfiled: int = 0
    invalid_from_report: int = 0  # invalid cases filed at their report time (no filing time)
    median_hours: float | None = None

    @property
    def filed(self) -> int:
        return int(self.valid["cases"]) + self.invalid

    @property
    def due(self) -> int:
        return int(self.valid["cases"])

    def add(self, other: UnitCounts) -> None:
        """Sum in another unit's counts (the median cannot be summed: it becomes None)."""
        for name in COUNT_FIELDS:
            self.valid[name] += other.valid[name]
        self.invalid += other.invalid
        self.unfiled += other.unfiled
        self.invalid_from_report += other.invalid_from_report
        self.median_hours = None

    def quality(self) -> dict[str, int]:
        """The QUALITY_FIELDS of the unit."""
        out = {"invalid": self.invalid, "unfiled": self.unfiled,
               "filed_from_report": int(self.valid["filed_from_report"]) + self.invalid_from_report}
        out.update({name: int(self.valid[name]) for name in ("no_deadline", "closed_no_disposed", "bad_order")})
        return out


def unit_key(value: object) -> str:
    """A level key as evaluated: stripped text, as the import stores it; None and blanks are one key, ""
    (not assigned). Keys the store holds otherwise (written by another program) are merged here."""
    return "" if value is None else str(value).strip()


def unit_counts(rows: Iterable[tuple], medians: Iterable[tuple] = ()) -> dict[str, UnitCounts]:
    """Per level key, the counts from the store's rows (key, standing, *COUNT_FIELDS) and its median
    rows (key, median hours). Keys are merged by unit_key; the median of a merged key is unknown."""
    out: dict[str, UnitCounts] = {}
    merged: set[str] = set()
    seen: dict[str, object] = {}
    for key, standing, *values in rows:
        name = unit_key(key)
        if seen.setdefault(name, key) != key:
            merged.add(name)
        unit = out.setdefault(name, UnitCounts())
        numbers = [0 if v is None else v for v in values]
        if standing == VALID:
            for column, value in zip(COUNT_FIELDS, numbers, strict=True):
                unit.valid[column] += value
        elif standing == INVALID:
            unit.invalid += int(numbers[0])
            unit.invalid_from_report += int(numbers[COUNT_FIELDS.index("filed_from_report")])
        elif standing == UNFILED:
            unit.unfiled += int(numbers[0])
        else:
            raise ValueError(f"unknown standing {standing!r}")
    for key, median in medians:
        name = unit_key(key)
        if name in out and name not in merged and median is not None:
            out[name].median_hours = float(median)
    return out


@dataclass(frozen=True)
class EvaluationOptions:
    """The choices of an evaluation: the disputed denominators, the composite's weights (id, weight),
    and the fewest due cases a unit needs to be graded and ranked."""

    rework_base: str = "due"
    close_base: str = "due"
    weights: tuple[tuple[str, float], ...] = ()  # () for evaluation_grades.DEFAULT_WEIGHTS
    min_cases: int = 1

    def __post_init__(self) -> None:
        for value in (self.rework_base, self.close_base):
            if value not in BASES:
                raise GridInputError("The denominator '{value}' is unknown; use due (应结案数) or closed (结案数).",
                                     value=value)
        if self.min_cases < 1:
            raise GridInputError("The fewest cases a unit needs to be graded is {n}; give 1 or more.",
                                 n=self.min_cases)


def _percent(numerator: float, denominator: float) -> float | None:
    return 100.0 * numerator / denominator if denominator > 0 else None


def indicator_values(unit: UnitCounts | None, options: EvaluationOptions) -> dict[str, float | None]:
    """Every indicator of a unit (INDICATOR_IDS); a rate whose denominator is 0 is None, as are the
    times of a unit without a case closed in order. A unit absent from a period has zero counts."""
    unit = unit or UnitCounts()
    c = unit.valid
    due, closed = unit.due, c["closed"]
    close_base = due if options.close_base == "due" else closed
    rework = (_percent(c["reworked"], due) if options.rework_base == "due"
              else _percent(c["reworked_closed"], closed))
    return {
        "filed": unit.filed,
        "due": due,
        "accurate_inst_rate": _percent(due, unit.filed),
        "dispose_rate": _percent(c["disposed"], due),
        "intime_dispose_rate": _percent(c["disposed_intime"], due),
        "overtime_pending_rate": _percent(c["pending_overdue"], due),
        "close_rate": _percent(closed, due),
        "intime_close_rate": _percent(c["closed_intime"], close_base),
        "overtime_close_rate": _percent(c["closed_late"], close_base),
        "rework_rate": rework,
        "postpone_rate": _percent(c["postponed"], due),
        "open_overdue": int(c["open_overdue"]),
        "mean_hours": c["handled_hours"] / c["handled"] if c["handled"] > 0 else None,
        "median_hours": unit.median_hours,
    }


def change(current: float | None, previous: float | None) -> float | None:
    """current − previous (percentage points for rates); None when either is unknown."""
    if current is None or previous is None:
        return None
    return current - previous


def total_counts(units: Mapping[str, UnitCounts]) -> UnitCounts:
    """All units together (their median is unknown: a median is no sum)."""
    total = UnitCounts()
    for unit in units.values():
        total.add(unit)
    return total


def area_units(level: str, grid_codes: list[str], codes: Mapping[str, list], names: Mapping[str, list],
               geometries: np.ndarray) -> tuple[list[str], dict[str, str], dict[str, object]]:
    """The units of an area level made of the unit grids: keys in code order, names and polygons (the
    grids of a community or street merged). `codes` and `names` hold the grids' community and street
    codes and names by level; a grid's name is its community's."""
    if level == "grid":
        keys = [unit_key(code) for code in grid_codes]
        labels = [unit_key(name) for name in names["community"]]
    else:
        keys = [unit_key(code) for code in codes[level]]
        labels = [unit_key(name) for name in names[level]]
    members: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        if key:
            members.setdefault(key, []).append(index)
    polygons = {key: geometries[at[0]] if len(at) == 1 else shapely.union_all(geometries[at])
                for key, at in members.items()}
    titles = {key: next((labels[i] for i in at if labels[i]), "") for key, at in members.items()}
    return sorted(members), titles, polygons
