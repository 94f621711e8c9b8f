"""The evaluation's SQL (core.cases.evaluation says what is counted), written once for both stores.

One aggregate over one or more periods that follow each other (the previous period ends where the
evaluated one starts): the cases whose filing time (the report time for a case without one) lies in
them, grouped by period, the level's key and the case's standing (unfiled,
invalid, valid); each count is a COUNT(*) FILTER (WHERE ...) (SQLite 3.30 and PostgreSQL alike) against
the cut-off of the case's period, the handling hours a SUM. Values travel as parameters, names are
quoted. What differs per backend is given by a `Dialect`: the parameter marker of a time (a GeoPackage
compares its ISO UTC text as text, PostGIS casts the text to timestamptz) and the hours between two
times. The medians are each backend's own (gpkg_evaluation.py, postgis_evaluation.py), over
`handled_cases`. A backend may bound the report times too (`Reported`): PostGIS does, so that the query
reads only the months its partitions hold for those report times (postgis_evaluation.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from grid_plugin.core.cases.evaluation import COUNT_FIELDS, INVALID, LEVEL_COLUMNS, UNFILED, VALID, Period
from grid_plugin.io.names import quote_sqlite as q


@dataclass(frozen=True)
class Reported:
    """Report times [start, end) (UTC text) that hold every case of the periods: a bound the filing
    time's condition implies, written out on the report time."""

    start: str
    end: str


@dataclass(frozen=True)
class Dialect:
    time: str  # the parameter marker of a time value
    hours: Callable[[str, str], str]  # SQL of the hours from the first time to the second


FILED = 'COALESCE("filed_at", "reported_at")'  # when the case counts as filed (see core.cases.evaluation)
_DONE = 'COALESCE("disposed_at", "closed_at")'  # disposed of: a closed case without a disposal time, when closed
_STANDING = (f'CASE WHEN "filed_at" IS NULL AND "dispatched_at" IS NULL AND "disposed_at" IS NULL AND "closed_at" '
             f'IS NULL THEN {UNFILED} WHEN "invalid" = 1 THEN {INVALID} ELSE {VALID} END')
_CUTOFF = '"cutoff"'  # the column of the case's period's cut-off (_cases)
_HANDLED = f'"closed_at" < {_CUTOFF} AND "closed_at" >= {FILED}'  # closed by the cut-off, after the filing
_CONDITIONS = {  # COUNT_FIELDS but the first ("cases", all rows) and the hours, in their order
    "disposed": f"{_DONE} < {_CUTOFF}",
    "disposed_intime": f'{_DONE} < {_CUTOFF} AND {_DONE} <= "deadline"',
    "pending_overdue": f'({_DONE} IS NULL OR {_DONE} >= {_CUTOFF}) AND "deadline" < {_CUTOFF}',
    "closed": f'"closed_at" < {_CUTOFF}',
    "closed_intime": f'"closed_at" < {_CUTOFF} AND "closed_at" <= "deadline"',
    "closed_late": f'"closed_at" < {_CUTOFF} AND "closed_at" > "deadline"',
    "open_overdue": f'("closed_at" IS NULL OR "closed_at" >= {_CUTOFF}) AND "deadline" < {_CUTOFF}',
    "reworked": '"rework_count" > 0',
    "reworked_closed": f'"closed_at" < {_CUTOFF} AND "rework_count" > 0',
    "postponed": '"postpone_count" > 0',
    "no_deadline": '"deadline" IS NULL',
    "closed_no_disposed": f'"disposed_at" IS NULL AND "closed_at" < {_CUTOFF}',
    "filed_from_report": '"filed_at" IS NULL',
    "bad_order": f'"closed_at" < {_CUTOFF} AND "closed_at" < {FILED}',
    "handled": _HANDLED,
}
assert ("cases", *_CONDITIONS, "handled_hours") == COUNT_FIELDS
_COLUMNS = ("reported_at", "filed_at", "dispatched_at", "disposed_at", "closed_at", "deadline", "invalid",
            "rework_count", "postpone_count")
_MARK = re.compile(r"\{(start|end|cutoff)(\d+)\}|\{reported_(start|end)\}")


def level_key(level: str) -> str:
    """The level's key: its column as stored (the import strips text and stores blanks as NULL; keys
    written otherwise are merged by core.cases.evaluation.unit_key). A plain column, so that
    PostgreSQL estimates the groups from its statistics and aggregates by hash instead of sorting."""
    if level not in LEVEL_COLUMNS:
        raise ValueError(f"unknown evaluation level {level!r}")
    return q(LEVEL_COLUMNS[level])


def bind(template: str, periods: Sequence[Period], dialect: Dialect,
         reported: Reported | None = None) -> tuple[str, list[object]]:
    """The SQL with every {startN}, {endN} and {cutoffN} (of periods[N]), {reported_start} and
    {reported_end} a time marker, and their values in order."""
    params: list[object] = []

    def marker(found: re.Match) -> str:
        if found[3]:
            assert reported is not None
            params.append(reported.start if found[3] == "start" else reported.end)
            return dialect.time
        period = periods[int(found[2])]
        params.append({"start": period.start, "end": period.end, "cutoff": period.cutoff}[found[1]])
        return dialect.time

    return _MARK.sub(marker, template), params


def _cases(table: str, level: str, periods: Sequence[Period], reported: Reported | None = None) -> str:
    """The cases of the periods with their period's index ("period") and cut-off ("cutoff"), unit and
    standing. periods[k + 1] must end where periods[k] starts. The filing time's range is written out per
    column (not on COALESCE), so that PostgreSQL estimates the rows from its statistics and aggregates by
    hash instead of sorting. With `reported`, the report times are bounded too (markers {reported_start},
    {reported_end})."""
    for later, earlier in zip(periods, periods[1:]):
        if earlier.end != later.start:
            raise ValueError("the periods of one query must follow each other")
    last = len(periods) - 1
    index, cutoff = f"{last}", f"{{cutoff{last}}}"
    for k in range(last - 1, -1, -1):
        index = f"CASE WHEN {FILED} >= {{start{k}}} THEN {k} ELSE {index} END"
        cutoff = f"CASE WHEN {FILED} >= {{start{k}}} THEN {{cutoff{k}}} ELSE {cutoff} END"
    columns = ", ".join(q(name) for name in _COLUMNS)
    where = (f'("filed_at" >= {{start{last}}} AND "filed_at" < {{end0}}) OR '
             f'("filed_at" IS NULL AND "reported_at" >= {{start{last}}} AND "reported_at" < {{end0}})')
    if reported is not None:
        where = f'({where}) AND "reported_at" >= {{reported_start}} AND "reported_at" < {{reported_end}}'
    return (f"SELECT {index} AS period, {level_key(level)} AS unit, {_STANDING} AS standing, {cutoff} AS cutoff, "
            f"{columns} FROM {table} WHERE {where}")


def counts_query(table: str, level: str, periods: Sequence[Period], dialect: Dialect,
                 reported: Reported | None = None) -> tuple[str, list[object]]:
    """Rows (period index, key, standing, *COUNT_FIELDS) (core.cases.evaluation.unit_counts reads them)."""
    hours = dialect.hours(FILED, '"closed_at"')
    counts = ", ".join(f"COUNT(*) FILTER (WHERE {condition})" for condition in _CONDITIONS.values())
    template = (f"SELECT period, unit, standing, COUNT(*), {counts}, SUM({hours}) FILTER (WHERE {_HANDLED}) "
                f"FROM ({_cases(table, level, periods, reported)}) AS period_cases GROUP BY 1, 2, 3")
    return bind(template, periods, dialect, reported)


def handled_cases(table: str, level: str, periods: Sequence[Period], dialect: Dialect,
                  reported: Reported | None = None) -> str:
    """A template (for bind) of the rows (period, unit, hours) of the valid cases of the periods closed by
    their cut-off after their filing: what the handling times are of."""
    hours = dialect.hours(FILED, '"closed_at"')
    return (f"SELECT period, unit, {hours} AS hours FROM ({_cases(table, level, periods, reported)}) AS "
            f'period_cases WHERE standing = {VALID} AND {_HANDLED}')
