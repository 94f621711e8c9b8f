"""The evaluation's counts in a PostGIS store (store/evaluation_sql.py), and the medians.

Times are timestamptz: the periods' bounds are cast from their ISO UTC text, and hours are
date_part('epoch', ...) / 3600 (double precision). The periods are counted in one scan of their cases
(each case against its own period's cut-off), which the server runs in parallel workers; each unit's
median handling time is percentile_cont(0.5), an ordered-set aggregate that sorts the handled cases.
JIT compilation is off for them: it took a second of the counts' plan on a million cases and saved
nothing. (More work_mem, keeping the sorts in memory, was slower on 1 M cases per period.)

The periods are periods of the filing time, and the cases table is partitioned by month of the report
time (postgis_partitions.py). The least and greatest filing lag (filed_at - reported_at) held, read from
one end of each month's index on it, bound the report times of the periods' cases; written out as a
condition on reported_at, that bound lets PostgreSQL read only those months. The bound and the counts
are read in one REPEATABLE READ snapshot, so a case committed meanwhile cannot fall outside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from psycopg2.extensions import TRANSACTION_STATUS_IDLE

from grid_plugin.core.cases.evaluation import Period, UnitCounts, unit_counts
from grid_plugin.core.cases.times import UTC_FORMAT
from grid_plugin.store.evaluation_sql import Dialect, Reported, bind, counts_query, handled_cases

POSTGIS = Dialect(time="CAST(%s AS timestamptz)",
                  hours=lambda first, then: f"date_part('epoch', {then} - {first}) / 3600.0")


def median_query(table: str, level: str, periods: Sequence[Period],
                 reported: Reported | None = None) -> tuple[str, list[object]]:
    """Rows (period index, key, median hours) of the periods' handled cases."""
    template = (f"SELECT period, unit, percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) FROM "
                f"({handled_cases(table, level, periods, POSTGIS, reported)}) AS handled GROUP BY 1, 2")
    return bind(template, periods, POSTGIS, reported)


def reported_bounds(store, periods: Sequence[Period]) -> Reported:
    """The report times of every case of the periods: [first start - greatest lag, last end - least lag),
    widened to the periods themselves (a case without a filing time is counted at its report time)."""
    lags = store.query(f'SELECT MIN("filed_at" - "reported_at"), MAX("filed_at" - "reported_at") FROM '
                       f'{store.table("cases")}')[0]
    least = min(lags[0] or dt.timedelta(0), dt.timedelta(0))
    greatest = max(lags[1] or dt.timedelta(0), dt.timedelta(0))
    return Reported(_shifted(periods[-1].start, -greatest), _shifted(periods[0].end, -least))


def _shifted(text: str, by: dt.timedelta) -> str:
    moment = dt.datetime.strptime(text[:19], "%Y-%m-%dT%H:%M:%S")
    try:
        return (moment + by).strftime(UTC_FORMAT)
    except OverflowError:  # a lag of centuries (a typo in a filing time): no bound on that side
        return "0001-01-01T00:00:00.000Z" if by < dt.timedelta(0) else "9999-12-31T23:59:59.000Z"


def evaluation_counts(store, level: str, periods: Sequence[Period]) -> list[dict[str, UnitCounts]]:
    """Per period, the counts of each unit of the level (core.cases.evaluation.unit_counts)."""
    table = store.table("cases")
    fresh = store.conn.get_transaction_status() == TRANSACTION_STATUS_IDLE
    with store.transaction():  # reads only; the settings end with it
        if fresh:  # (inside a caller's transaction, its snapshot rules)
            store._run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        store.query("SELECT set_config('jit', 'off', true)")
        reported = reported_bounds(store, periods)
        rows = store.query(*counts_query(table, level, periods, POSTGIS, reported))
        medians = store.query(*median_query(table, level, periods, reported))
    return [unit_counts([row[1:] for row in rows if row[0] == k], [row[1:] for row in medians if row[0] == k])
            for k in range(len(periods))]
