"""A case's lifecycle as imported, for the evaluation (综合评价): the counts of reworks and
postponements, the invalid flag, and the order of the workflow's times.

- Counts (rework_count 返工次数, postpone_count 延期次数): whole numbers from 0 to COUNT_MAX, written as
  text or as numbers (2, "2", 2.0, "２"); empty is unknown (None). Anything else rejects the row.
- The invalid flag (invalid 作废): 1 for 是, 1, true, T, Y, yes, 作废, 已作废, 无效; 0 for 否, 0, false, F, N, no,
  有效, 未作废 (any letter case, full-width letters and digits too); empty is unknown. Anything else
  rejects the row.
- Order (CJ/T 315 stages, standards digest §4.2): a case is reported (上报), filed (立案), dispatched
  (派遣), disposed of (处置) and closed (结案) in this order, so no stage's time may come before an
  earlier stage's; the deadline (处置时限) may not come before the report. Equal times are in order, and
  a missing time is not compared. A later time at exactly 00:00:00 local time on the same day as the
  earlier one is in order too: a date written without a time of day stands for the whole day (a
  deadline of 2025-03-01 for a case reported on 2025-03-01 at 10:00). A time out of order is a reason of
  the row's reject, naming both fields and both times (local time, as read); against the earliest stage
  it precedes, so that a wrong closing time is one reason, and a wrong report time one reason for each
  later time it follows.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from grid_plugin.core.cases.case_fields import CASE_LIFECYCLE_FIELDS
from grid_plugin.core.errors import Message, message

COUNT_MAX = 2_147_483_647  # a 32-bit integer: any store and spreadsheet holds it
INVALID, VALID = 1, 0
_FLAG_WORDS = {**dict.fromkeys(("是", "1", "true", "t", "y", "yes", "作废", "已作废", "无效"), INVALID),
               **dict.fromkeys(("否", "0", "false", "f", "n", "no", "有效", "未作废"), VALID)}

# the workflow's stages in their order, and the deadline, which follows the report
STAGES = ("reported_at", "filed_at", "dispatched_at", "disposed_at", "closed_at")
ORDER_RULES: tuple[tuple[str, str], ...] = (
    *((earlier, later) for k, later in enumerate(STAGES) for earlier in STAGES[:k]),
    ("reported_at", "deadline"),
)

AddReason = Callable[[int, Message], None]  # (index of the row, reason)
_BAD = object()
_NONE = np.asarray(None, dtype=object)


def _present(column: np.ndarray) -> np.ndarray:
    """Where an object array holds a value (not None), at C speed."""
    return ~np.equal(column, _NONE)


def _stage_names() -> dict[str, Message]:
    return {"reported_at": message("the report (上报)"), "filed_at": message("the filing (立案)"),
            "dispatched_at": message("the dispatch (派遣)"), "disposed_at": message("the disposal (处置)"),
            "closed_at": message("the closing (结案)"), "deadline": message("the deadline (处置时限)")}


# ---- counts and the flag ------------------------------------------------------------------------------
def _count(value: object) -> object:
    if value is None or isinstance(value, bool):
        return None if value is None else _BAD
    if isinstance(value, (int, float)):
        number: float | int = value
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        if not text:
            return None
        try:
            number = int(text)
        except ValueError:
            try:
                number = float(text)
            except ValueError:
                return _BAD
    if isinstance(number, float):
        if not number.is_integer():  # also NaN and infinities
            return _BAD
        number = int(number)
    return number if 0 <= number <= COUNT_MAX else _BAD


def _flag(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, (bool, int, float)) and not isinstance(value, str):
        return int(value) if value in (0, 1) else _BAD
    text = unicodedata.normalize("NFKC", str(value)).strip().casefold()
    if not text:
        return None
    return _FLAG_WORDS.get(text, _BAD)


def _by_value(values: Sequence[object], read: Callable[[object], object]) -> list[object]:
    """read() of every value, called once per distinct value (a million rows hold a handful)."""
    if bool in set(map(type, values)):  # True equals 1 as a key; a column of a sheet may hold both
        return [read(value) for value in values]
    try:
        found = {value: read(value) for value in dict.fromkeys(values)}
    except TypeError:  # an unhashable value
        return [read(value) for value in values]
    return list(map(found.__getitem__, values))


def parse_counts(values: Sequence[object], field_name: str, rows: np.ndarray, add: AddReason) -> list[int | None]:
    """A count column (see the module docstring); a value that is not a count rejects its row."""
    out = _by_value(values, _count)
    if _BAD in out:
        for i in [i for i, v in enumerate(out) if v is _BAD]:
            add(i, message("row {row}: {field} '{value}' is not a count; write a whole number from 0 to {most}, or "
                           "leave it empty (unknown)", row=int(rows[i]), field=field_name, value=values[i],
                           most=COUNT_MAX))
            out[i] = None
    return out  # type: ignore[return-value]  # ints and None only now


def parse_flags(values: Sequence[object], field_name: str, rows: np.ndarray, add: AddReason) -> list[int | None]:
    """The invalid flag column: 1 (invalid), 0 (valid) or None (unknown); anything else rejects its row."""
    out = _by_value(values, _flag)
    if _BAD in out:
        for i in [i for i, v in enumerate(out) if v is _BAD]:
            add(i, message("row {row}: {field} '{value}' is not a yes/no value; write 是 or 否 (also 1/0, true/false, "
                           "Y/N, 作废/有效), or leave it empty (unknown)", row=int(rows[i]), field=field_name,
                           value=values[i]))
            out[i] = None
    return out  # type: ignore[return-value]


# ---- the order of the times -----------------------------------------------------------------------------
def _local(text: str, zone: dt.tzinfo) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(zone)


def _whole_day_of(later: dt.datetime, earlier: dt.datetime) -> bool:
    """A later time at local midnight on the earlier one's day: a date without a time, that whole day."""
    return later.time() == dt.time(0) and later.date() == earlier.date()


def check_order(values: Mapping[str, list], mapping: Mapping[str, str], rows: np.ndarray, zone: dt.tzinfo,
                add: AddReason) -> None:
    """A time out of order (ORDER_RULES) is a reason of its row, once per time (times: UTC ISO text,
    None when missing or unreadable; text order is time order)."""
    stages = _stage_names()
    named: dict[str, set[int]] = {}  # rows whose time is out of order already
    times = {name: np.asarray(values[name], dtype=object) for name in {n for rule in ORDER_RULES for n in rule}
             if name in mapping}
    given = {name: _present(column) for name, column in times.items()}
    for earlier, later in ORDER_RULES:
        if earlier not in times or later not in times:
            continue
        first, then = times[earlier], times[later]
        both = np.flatnonzero(given[earlier] & given[later])
        if not len(both):
            continue
        for i in both[then[both] < first[both]].tolist():
            was, came = _local(first[i], zone), _local(then[i], zone)
            if _whole_day_of(came, was) or i in named.setdefault(later, set()):
                continue
            named[later].add(i)
            case_id = values["case_id"][i]
            who = (message("row {row}, case {case_id}", row=int(rows[i]), case_id=case_id) if case_id
                   else message("row {row}", row=int(rows[i])))
            # `row` is in `who`; given again for the log, which counts reasons by template and field
            add(i, message("{who}: {field} '{later_time}' is before {earlier} '{earlier_time}', but {later_stage} "
                           "cannot come before {earlier_stage}; correct the wrong time", who=who, row=int(rows[i]),
                           field=mapping[later], later_time=came.strftime("%Y-%m-%d %H:%M:%S"),
                           earlier=mapping[earlier], earlier_time=was.strftime("%Y-%m-%d %H:%M:%S"),
                           later_stage=stages[later], earlier_stage=stages[earlier]))


# ---- the content hash -----------------------------------------------------------------------------------
def with_lifecycle(hashes: list[str], values: Mapping[str, list],
                   hash_rows: Callable[[Sequence[Sequence[object]]], list[str]]) -> list[str]:
    """The content hashes with the lifecycle values of the rows that have any, hashed again by
    `hash_rows` (records.content_hashes); a row without them keeps its hash, so the cases a store
    holds, re-imported from the same file, stay unchanged."""
    columns = [np.asarray(values[name], dtype=object) for name in CASE_LIFECYCLE_FIELDS if name in values]
    if not columns or not len(hashes):
        return hashes
    some = np.zeros(len(hashes), dtype=bool)
    for column in columns:
        some |= _present(column)
    index = np.flatnonzero(some)
    if not len(index):
        return hashes
    again = hash_rows([np.asarray(hashes, dtype=object)[index].tolist(),
                            *(column[index].tolist() for column in columns)])
    out = list(hashes)
    for i, digest in zip(index.tolist(), again, strict=True):
        out[i] = digest
    return out
