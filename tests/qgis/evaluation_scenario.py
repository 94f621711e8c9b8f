"""Messy synthetic cases for the evaluation tests, and the evaluation's counts made of them in plain
Python, independently of the SQL: times as datetimes, one case at a time, straight from the definitions
of core.cases.evaluation's docstring."""

from __future__ import annotations

import datetime as dt
import random
import statistics
from dataclasses import dataclass, field

import numpy as np
import shapely

from grid_plugin.core.cases.evaluation import COUNT_FIELDS, LEVEL_COLUMNS, Period
from grid_plugin.core.cases.records import CaseRecords, content_hash
from grid_plugin.store.base import StoredGrids

CST = dt.timezone(dt.timedelta(hours=8))
UTC = dt.timezone.utc
STREETS = ("110101001", "110101002")
GRID_CODES = [f"{STREETS[k // 6]}{(k // 3) % 2 + 1:03d}{k % 3 + 1:03d}" for k in range(9)]
UNKNOWN_GRID = "110101009009009"  # a code the store's unit grids do not have
DEPARTMENTS = ("东城区城管委", '交通委 "道路" 科', "O'Brien 清洁公司")
SOURCES = ("12345热线", "监督员上报")
COLUMNS = ("case_id", "source", "kind", "class_code", "class_name", "description", "address", "status",
           "reported_at", "filed_at", "dispatched_at", "disposed_at", "closed_at", "deadline", "grid_code",
           "street_code", "community_code", "department", "rework_count", "postpone_count", "invalid")
TIMES = ("reported_at", "filed_at", "dispatched_at", "disposed_at", "closed_at", "deadline")


def grids() -> StoredGrids:
    """Nine 0.002° squares, two streets, four communities; names with quotes."""
    boxes = [shapely.box(116.40 + 0.002 * (k % 3), 39.90 + 0.002 * (k // 3), 116.402 + 0.002 * (k % 3),
                         39.902 + 0.002 * (k // 3)) for k in range(9)]
    return StoredGrids(list(GRID_CODES), [code[:9] for code in GRID_CODES],
                       ['东华门"街道"' if code.startswith(STREETS[0]) else "景山街道" for code in GRID_CODES],
                       [code[:12] for code in GRID_CODES], [f"O'Brien 社区 {code[9:12]}" for code in GRID_CODES],
                       np.full(9, 49_000.0), np.array(boxes, dtype=object))


def utc_text(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def local(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=CST)


def make_case(rng: random.Random, number: int) -> dict:
    """One case filed in January to April 2025 (local time), with the flaws real exports have."""
    month = rng.choice((1, 2, 2, 3, 3, 3, 4))
    filed = local(2025, month, 1) + dt.timedelta(seconds=rng.randrange(28 * 86400))
    reported = filed - dt.timedelta(minutes=rng.randrange(1, 120))
    case = {"case_id": f"AJ{number:06d}", "reported_at": reported, "filed_at": filed}
    dispatched = filed + dt.timedelta(minutes=rng.randrange(5, 60)) if rng.random() > 0.1 else None
    disposed = filed + dt.timedelta(hours=rng.expovariate(1 / 20)) if rng.random() > 0.15 else None
    closed = disposed + dt.timedelta(minutes=rng.randrange(10, 240)) if disposed else None
    if closed and rng.random() < 0.05:  # closed, but the export lost the disposal time
        disposed = None
    if closed and filed.hour >= 1 and rng.random() < 0.04:  # closing written as a date: that day's 00:00
        closed = filed.replace(hour=0, minute=0, second=0)
    deadline = filed + dt.timedelta(hours=rng.choice((4, 24, 72))) if rng.random() > 0.08 else None
    if closed and rng.random() < 0.03:
        deadline = closed  # closed exactly at the deadline: on time
    flaw = rng.random()
    if flaw < 0.04:
        case["filed_at"] = None  # no filing time, but later stages: filed at its report time
    elif flaw < 0.08:
        case["filed_at"] = dispatched = disposed = closed = None  # a report never filed
    grid = rng.choice([*GRID_CODES, UNKNOWN_GRID, None] if rng.random() < 0.08 else GRID_CODES)
    case.update(dispatched_at=dispatched, disposed_at=disposed, closed_at=closed, deadline=deadline,
                grid_code=grid, street_code=grid[:9] if grid else None,
                community_code=grid[:12] if grid and grid != UNKNOWN_GRID else None,
                department=rng.choice(DEPARTMENTS) if rng.random() > 0.1 else None,
                source=rng.choice(SOURCES) if rng.random() > 0.05 else None,
                rework_count=rng.choice((None, 0, 0, 1, 2)), postpone_count=rng.choice((None, 0, 0, 0, 1)),
                invalid=rng.choice((None, 0, 0, 0, 0, 0, 1)))
    return case


def boundary_cases() -> list[dict]:
    """Cases on the edges of March 2025: filed at its first instant (in it) and at the first instant of
    April (not in it), closed exactly at March's cut-off (not closed by it), one filed and closed at once."""
    base = {"dispatched_at": None, "disposed_at": None, "deadline": None, "grid_code": GRID_CODES[0],
            "street_code": GRID_CODES[0][:9], "community_code": GRID_CODES[0][:12], "department": DEPARTMENTS[0],
            "source": SOURCES[0], "rework_count": 1, "postpone_count": 0, "invalid": 0}
    march, april = local(2025, 3, 1), local(2025, 4, 1)
    return [
        {**base, "case_id": "EDGE1", "reported_at": march - dt.timedelta(hours=1), "filed_at": march,
         "closed_at": march + dt.timedelta(hours=5), "deadline": march + dt.timedelta(hours=5)},
        {**base, "case_id": "EDGE2", "reported_at": april - dt.timedelta(hours=1), "filed_at": april,
         "closed_at": april + dt.timedelta(hours=1)},
        {**base, "case_id": "EDGE3", "reported_at": march, "filed_at": march + dt.timedelta(days=3),
         "closed_at": april, "deadline": march + dt.timedelta(days=4)},
        {**base, "case_id": "EDGE4", "reported_at": march + dt.timedelta(days=9),
         "filed_at": march + dt.timedelta(days=9), "closed_at": march + dt.timedelta(days=9)},
    ]


def scenario(n: int = 400, seed: int = 19) -> list[dict]:
    """n random cases and the boundary ones, times in whole seconds as the store keeps them."""
    rng = random.Random(seed)
    cases = [make_case(rng, k) for k in range(n)] + boundary_cases()
    return [{name: value.replace(microsecond=0) if name in TIMES and value else value for name, value in case.items()}
            for case in cases]


def records(cases: list[dict]) -> CaseRecords:
    """The cases as the importer hands them to the store (times as UTC text)."""
    values = {name: [] for name in COLUMNS}
    for case in cases:
        full = {"kind": "事件", "class_code": "01001", "class_name": "暴露垃圾", "description": None,
                "address": None, "status": None, **case}
        for name in COLUMNS:
            values[name].append(utc_text(full[name]) if name in TIMES else full[name])
    values["content_hash"] = [content_hash([case_id]) for case_id in values["case_id"]]
    rng = np.random.default_rng(1)
    n = len(cases)
    return CaseRecords(values, rng.uniform(116.401, 116.405, n), rng.uniform(39.901, 39.905, n),
                       np.arange(1, n + 1))


# ---- the plain-Python evaluation --------------------------------------------------------------------------
@dataclass
class Expected:
    valid: dict[str, float] = field(default_factory=lambda: dict.fromkeys(COUNT_FIELDS, 0))
    invalid: int = 0
    unfiled: int = 0
    invalid_from_report: int = 0
    hours: list[float] = field(default_factory=list)

    @property
    def median(self) -> float | None:
        return statistics.median(self.hours) if self.hours else None


def _when(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.000Z").replace(tzinfo=UTC)


def expected_counts(cases: list[dict], level: str, period: Period) -> dict[str, Expected]:
    start, end, cutoff = _when(period.start), _when(period.end), _when(period.cutoff)
    out: dict[str, Expected] = {}
    for case in cases:
        later = [case[name] for name in ("dispatched_at", "disposed_at", "closed_at") if case[name] is not None]
        filed = case["filed_at"] or case["reported_at"]
        if not start <= filed < end:
            continue
        key = (case[LEVEL_COLUMNS[level]] or "").strip()
        unit = out.setdefault(key, Expected())
        if case["filed_at"] is None and not later:
            unit.unfiled += 1
            continue
        if case["invalid"] == 1:
            unit.invalid += 1
            unit.invalid_from_report += case["filed_at"] is None
            continue
        closed, deadline = case["closed_at"], case["deadline"]
        done = case["disposed_at"] or closed
        closed_by = closed is not None and closed < cutoff
        done_by = done is not None and done < cutoff
        counts = unit.valid
        counts["cases"] += 1
        counts["disposed"] += done_by
        counts["disposed_intime"] += done_by and deadline is not None and done <= deadline
        counts["pending_overdue"] += not done_by and deadline is not None and deadline < cutoff
        counts["closed"] += closed_by
        counts["closed_intime"] += closed_by and deadline is not None and closed <= deadline
        counts["closed_late"] += closed_by and deadline is not None and closed > deadline
        counts["open_overdue"] += not closed_by and deadline is not None and deadline < cutoff
        counts["reworked"] += (case["rework_count"] or 0) > 0
        counts["reworked_closed"] += closed_by and (case["rework_count"] or 0) > 0
        counts["postponed"] += (case["postpone_count"] or 0) > 0
        counts["no_deadline"] += deadline is None
        counts["closed_no_disposed"] += closed_by and case["disposed_at"] is None
        counts["filed_from_report"] += case["filed_at"] is None
        counts["bad_order"] += closed_by and closed < filed
        if closed_by and closed >= filed:
            counts["handled"] += 1
            hours = (closed - filed).total_seconds() / 3600
            counts["handled_hours"] += hours
            unit.hours.append(hours)
    return out
