"""The evaluation's counts in a PostGIS store (store/evaluation_sql.py), and the medians.

Times are timestamptz: the periods' bounds are cast from their ISO UTC text, and hours are
date_part('epoch', ...) / 3600 (double precision). The periods are counted in one scan of the table
(each case against its own period's cut-off), which the server runs in parallel workers; each unit's
median handling time is percentile_cont(0.5), an ordered-set aggregate that sorts the handled cases.
JIT compilation is off for them: it took a second of the counts' plan on a million cases and saved
nothing. (More work_mem, keeping the sorts in memory, was slower on 1 M cases per period.)
"""

from __future__ import annotations

from collections.abc import Sequence

from grid_plugin.core.cases.evaluation import Period, UnitCounts, unit_counts
from grid_plugin.store.evaluation_sql import Dialect, bind, counts_query, handled_cases

POSTGIS = Dialect(time="CAST(%s AS timestamptz)",
                  hours=lambda first, then: f"date_part('epoch', {then} - {first}) / 3600.0")


def median_query(table: str, level: str, periods: Sequence[Period]) -> tuple[str, list[object]]:
    """Rows (period index, key, median hours) of the periods' handled cases."""
    template = (f"SELECT period, unit, percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) FROM "
                f"({handled_cases(table, level, periods, POSTGIS)}) AS handled GROUP BY 1, 2")
    return bind(template, periods, POSTGIS)


def evaluation_counts(store, level: str, periods: Sequence[Period]) -> list[dict[str, UnitCounts]]:
    """Per period, the counts of each unit of the level (core.cases.evaluation.unit_counts)."""
    table = store.table("cases")
    with store.transaction():  # reads only; the setting ends with it
        store.query("SELECT set_config('jit', 'off', true)")
        rows = store.query(*counts_query(table, level, periods, POSTGIS))
        medians = store.query(*median_query(table, level, periods))
    return [unit_counts([row[1:] for row in rows if row[0] == k], [row[1:] for row in medians if row[0] == k])
            for k in range(len(periods))]
