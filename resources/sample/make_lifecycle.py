"""The handling of the sample district's cases (案件办理), as a city's export lists it (FICTIONAL data).

make_sample.py calls `case_lifecycles` with all its cases before it writes them. Everything random here
comes from its own generator (LIFECYCLE_SEED), so the draws that place and time the cases stay as they
were. The report time (reported_at), the status (状态) and the closing time of a closed case come from
make_sample; this module adds the stages between them and the counts, in the columns (Chinese headers,
as exports name them) of LIFECYCLE_COLUMNS:

  立案时间 filed        minutes to hours after the report (the hotline's call-backs take longer)
  派遣时间 dispatched   minutes after the filing
  处置时间 disposed     the department's work done; the inspector's check (核查) takes hours before
  结案时间 closed       the closing, as make_sample drew it
  处置时限 deadline     the filing time plus the hours of the case's class (DEADLINE_HOURS), extended
                        once for a postponed case
  处置部门 department   by class (DEPARTMENT_OF_CLASS); the street's own office for street-office classes
  返工次数 reworks      1 or 2 for a case whose disposal failed the check, more often for long cases
  延期次数 postponements 1 for some cases that ran past their deadline
  是否作废 invalid      是 for cases cancelled after filing (duplicates, not the district's business),
                        more often among the public's reports; their status is 已作废

Open cases (处置中) are dispatched and some disposed of, awaiting the check; cases awaiting dispatch (待派遣)
are filed only and have no department yet. Traps of real exports (TRAP_*): a department with a trailing
space, a variant name of a department, empty lifecycle cells (no filing time for cases an inspector
handled on the spot, no disposal time, no deadline), and a closing time a month before the report time,
which an import must reject.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta

import numpy as np

LIFECYCLE_SEED = 20240219
FILED, DISPATCHED, DISPOSED, CLOSED = "立案时间", "派遣时间", "处置时间", "结案时间"
DEADLINE, DEPARTMENT, REWORKS, POSTPONEMENTS, INVALID = "处置时限", "处置部门", "返工次数", "延期次数", "是否作废"
LIFECYCLE_COLUMNS = (FILED, DISPATCHED, DISPOSED, CLOSED, DEADLINE, DEPARTMENT, REWORKS, POSTPONEMENTS, INVALID)
INVALID_STATUS = "已作废"
STREET_OFFICE = "街道办事处"  # stands for the office of the case's own street, e.g. 槐荫街道办事处

# Who handles a class (部件: the owner; 事件: the competent department).
DEPARTMENT_OF_CLASS = {
    "01001": "水务", "01002": "水务", "01003": "水务", "01004": "水务", "01005": "供电公司", "01006": "市政管理",
    "01007": "通信公司", "01010": "热力公司", "01011": "燃气公司", "01013": "消防救援站", "01030": "供电公司",
    "01037": "市政管理", "01048": "供电公司", "01060": "市政管理", "02004": "交通", "02012": "市政管理",
    "02014": "交通", "02025": "交通", "03001": "环卫", "03005": "环卫", "03008": STREET_OFFICE, "04001": "园林绿化",
    "04002": "园林绿化",
    "06001": "城管执法局", "06007": STREET_OFFICE, "06010": "环卫", "06012": "环卫", "06013": "市政管理",
    "06014": "环卫", "06016": "交通", "06017": "园林绿化", "06020": "城管执法局", "06021": "园林绿化",
    "06027": "城管执法局", "06028": STREET_OFFICE, "06029": "城管执法局", "06034": "交通", "06035": "环卫",
    "06036": STREET_OFFICE, "06040": "房管", "06041": "环卫", "06042": "环卫", "06050": "市政管理",
    "06051": "市政管理", "07001": "城管执法局", "07002": "城管执法局", "07003": "城管执法局", "07006": "城管执法局",
    "08001": "住建", "08002": "城管执法局", "08004": "住建", "08005": "住建", "08006": "住建", "08007": "住建",
    "08012": "城管执法局", "09001": "城管执法局", "09002": STREET_OFFICE, "09004": STREET_OFFICE,
    "09005": "城管执法局", "09006": "城管执法局", "09009": "交通", "09010": STREET_OFFICE, "09011": "交通",
    "09012": "房管", "09020": "市场监管", "10001": "环卫", "10002": "通信公司",
}
# 处置时限 in hours from the filing: the department's usual hours, then the classes that differ.
DEPARTMENT_HOURS = {"城管执法局": 72, "市政管理": 120, "园林绿化": 120, "环卫": 48, STREET_OFFICE: 72, "水务": 72,
                    "交通": 72, "房管": 120, "住建": 72, "市场监管": 72, "供电公司": 72, "通信公司": 120,
                    "燃气公司": 48, "热力公司": 72, "消防救援站": 72}
CLASS_HOURS = {"06001": 168, "07001": 48, "07003": 168, "07006": 168, "06013": 120, "06021": 168, "02014": 48,
               "03001": 48, "03005": 72, "06034": 168, "06035": 72, "09009": 24, "09006": 48, "09005": 48,
               "10001": 24, "10002": 48}

# minutes from report to filing (median per source), filing to dispatch, and hours of the check
FILING_MINUTES = {"监督员上报": 15.0, "12345热线": 60.0, "视频发现": 20.0, "公众举报": 45.0}
DISPATCH_MINUTES = 20.0
CHECK_HOURS = 1.5
INVALID_SHARE = {"监督员上报": 0.005, "12345热线": 0.03, "视频发现": 0.01, "公众举报": 0.04}
POSTPONE_SHARE = 0.3  # of the cases that would run past their deadline
REWORK_SHARE, REWORK_SHARE_LATE = 0.015, 0.15  # of all closed cases, of those past their deadline
OPEN_DISPOSED_SHARE = 0.2  # open cases disposed of, awaiting the check

# Traps: shares or counts of rows.
TRAP_ON_THE_SPOT = (2.0, 0.3)  # 30 % of inspectors' events closed within 2 h: handled on the spot, no
# filing or dispatch time
TRAP_NO_DISPOSAL_SHARE = 0.01  # closed without a disposal time
TRAP_NO_DEADLINE_SHARE = 0.005
TRAP_TRAILING_SPACE = ("环卫", 0.05)  # '环卫 ' in 5 % of its rows
TRAP_VARIANT = ("城管执法局", "区城管执法局", 0.03)  # written the other way in 3 % of its rows
TRAP_CLOSED_BEFORE_REPORT = 3  # closing time a month before the report: a slip of the month


def iso(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""


def department_of(code: str, address: str, address_prefix: str, streets: Sequence[str]) -> str:
    """The department of a class; a street office is the one of the street in the address."""
    department = DEPARTMENT_OF_CLASS[code]
    if department != STREET_OFFICE:
        return department
    street = next(s for s in streets if address.startswith(address_prefix + s))
    return street + "办事处"


def deadline_hours(code: str, department: str) -> int:
    return CLASS_HOURS.get(code, DEPARTMENT_HOURS[STREET_OFFICE if department.endswith("办事处") else department])


def lognormal(rng: np.random.Generator, median: float, sigma: float) -> float:
    return float(rng.lognormal(math.log(median), sigma))


def seconds(value: float) -> timedelta:
    return timedelta(seconds=round(value))


def case_lifecycles(cases: Sequence, snapshot: datetime, address_prefix: str,
                    streets: Sequence[str]) -> tuple[list[dict[str, object]], list[str]]:
    """The lifecycle columns of every case (values by LIFECYCLE_COLUMNS; counts as int or None) and each
    case's status (make_sample's, or INVALID_STATUS), in the order of `cases` (make_sample's Case objects)."""
    rng = np.random.default_rng(LIFECYCLE_SEED)
    rows, statuses = [], []
    for case in cases:
        row, status = lifecycle(rng, case, snapshot, address_prefix, streets)
        rows.append(row)
        statuses.append(status)
    plant_traps(rng, cases, rows, statuses)
    return rows, statuses


def lifecycle(rng: np.random.Generator, case, snapshot: datetime, address_prefix: str,
              streets: Sequence[str]) -> tuple[dict[str, object], str]:
    """One case's stages, deadline, department and counts (status: make_sample's, or INVALID_STATUS)."""
    draws = rng.random(6)
    filing = lognormal(rng, FILING_MINUTES[case.source] * 60, 0.8)
    dispatch = lognormal(rng, DISPATCH_MINUTES * 60, 0.8)
    check = lognormal(rng, CHECK_HOURS * 3600, 0.9)
    department = department_of(case.class_code, case.address, address_prefix, streets)
    hours = deadline_hours(case.class_code, department)
    reported, closed = case.reported_at, case.closed_at
    if closed is not None:  # fit the stages into the case's time: at most 90 % of it before the check
        span = (closed - reported).total_seconds()
        scale = min(1.0, 0.9 * span / (filing + dispatch + check))
        filing, dispatch, check = filing * scale, dispatch * scale, check * scale
    filed = reported + seconds(filing)
    dispatched = filed + seconds(dispatch)
    deadline = filed + timedelta(hours=hours)
    invalid = closed is not None and draws[0] < INVALID_SHARE[case.source]
    reworks = postponements = 0
    row: dict[str, object] = dict.fromkeys(LIFECYCLE_COLUMNS, "")
    if invalid:  # cancelled: filed, perhaps dispatched and sent back; archived at the closing time
        row.update({FILED: iso(filed), CLOSED: iso(closed), DEADLINE: iso(deadline), INVALID: "是"})
        if draws[1] < 0.5:
            row.update({DISPATCHED: iso(dispatched), DEPARTMENT: department})
        row.update({REWORKS: 0, POSTPONEMENTS: 0})
        return row, INVALID_STATUS
    if case.status == "待派遣":  # filed, not dispatched: no department and no counts yet
        row.update({FILED: iso(filed), DEADLINE: iso(deadline), INVALID: "否", REWORKS: None, POSTPONEMENTS: None})
        return row, case.status
    disposed = None
    if closed is not None:
        disposed = closed - seconds(check)
        late = closed > deadline
        if late and draws[2] < POSTPONE_SHARE:  # postponed once, by the class's hours again
            postponements = 1
            deadline += timedelta(hours=hours)
        if draws[3] < (REWORK_SHARE_LATE if late else REWORK_SHARE):
            reworks = 1 if draws[4] < 0.8 else 2
    else:  # still open at the snapshot: some disposed of, awaiting the check
        work = lognormal(rng, hours * 3600 / 2, 1.0)
        if draws[5] < OPEN_DISPOSED_SHARE and dispatched + seconds(work) < snapshot:
            disposed = dispatched + seconds(work)
    row.update({FILED: iso(filed), DISPATCHED: iso(dispatched), DISPOSED: iso(disposed), CLOSED: iso(closed),
                DEADLINE: iso(deadline), DEPARTMENT: department, REWORKS: reworks, POSTPONEMENTS: postponements,
                INVALID: "否"})
    return row, case.status


def plant_traps(rng: np.random.Generator, cases: Sequence, rows: list[dict[str, object]],
                statuses: list[str]) -> None:
    """The traps of real exports (module docstring), on rows chosen at random among those they fit."""
    closed = [k for k, s in enumerate(statuses) if s == "已结案"]
    for k in closed:
        case = cases[k]
        quick = case.closed_at - case.reported_at < timedelta(hours=TRAP_ON_THE_SPOT[0])
        if case.source == "监督员上报" and case.kind == "事件" and quick and rng.random() < TRAP_ON_THE_SPOT[1]:
            rows[k].update({FILED: "", DISPATCHED: ""})
        elif rng.random() < TRAP_NO_DISPOSAL_SHARE:
            rows[k][DISPOSED] = ""
    for k in range(len(rows)):
        if rng.random() < TRAP_NO_DEADLINE_SHARE:
            rows[k][DEADLINE] = ""
        name = rows[k][DEPARTMENT]
        if name == TRAP_TRAILING_SPACE[0] and rng.random() < TRAP_TRAILING_SPACE[1]:
            rows[k][DEPARTMENT] = name + " "
        elif name == TRAP_VARIANT[0] and rng.random() < TRAP_VARIANT[2]:
            rows[k][DEPARTMENT] = TRAP_VARIANT[1]
    # a month slipped in the closing time: cases of March to November closed within days, after the
    # first thousand rows
    candidates = [k for k in closed if 3 <= cases[k].reported_at.month <= 11 and k >= 1000
                  and cases[k].closed_at - cases[k].reported_at < timedelta(days=20)]
    for k in sorted(int(i) for i in rng.choice(candidates, TRAP_CLOSED_BEFORE_REPORT, replace=False)):
        at = cases[k].closed_at
        slipped = at.replace(month=at.month - 1, day=min(at.day, 28))
        assert slipped < cases[k].reported_at
        rows[k][CLOSED] = iso(slipped)
