"""The evaluation's counts in a GeoPackage store (store/evaluation_sql.py), and the medians.

SQLite compares the stored ISO UTC text as text (text order is time order) and measures hours with
julianday(). It has no median aggregate: each unit's median handling time is taken with window
functions, the period's handled cases numbered in hour order within their unit (ROW_NUMBER) and
counted (COUNT over the same window), keeping the mean of the middle one or two, which is
percentile_cont(0.5) as PostGIS gives it. That sorts the period's handled cases once.

SQLite runs a query on one core. The periods are counted at once, each on a read-only connection of
its own in a thread of its own (sqlite3 lets go of Python's lock while SQLite works), so that two
periods take the time of one on a machine with two cores. Each connection waits like the store's own
while another import holds the file (gpkg_access.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from grid_plugin.core.cases.evaluation import Period, UnitCounts, unit_counts
from grid_plugin.store.evaluation_sql import Dialect, bind, counts_query, handled_cases
from grid_plugin.store.gpkg_access import wait_while_busy

GPKG = Dialect(time="?", hours=lambda first, then: f"(julianday({then}) - julianday({first})) * 24.0")
_TABLE = '"cases"'
# Each reader's page cache, which also bounds the memory of its sorts before they go to temporary files: 16 MiB.
# Measured on 1 M cases per period: 256 MiB (the store's own connection's) peaked at 946 MiB and was not faster.
_CACHE_KIB = 16_384


def median_query(level: str, periods: Sequence[Period]) -> tuple[str, list[object]]:
    """Rows (period index, key, median hours) of the periods' handled cases."""
    window = "PARTITION BY period, unit ORDER BY hours ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING"
    template = (f"SELECT period, unit, AVG(hours) FROM (SELECT period, unit, hours, ROW_NUMBER() OVER w AS i, "
                f"COUNT(*) OVER w AS n FROM ({handled_cases(_TABLE, level, periods, GPKG)}) WINDOW w AS ({window})) "
                "WHERE i IN ((n + 1) / 2, (n + 2) / 2) GROUP BY period, unit")
    return bind(template, periods, GPKG)


def _period_counts(store, level: str, period: Period) -> dict[str, UnitCounts]:
    conn = sqlite3.connect(f"{store.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False,
                           timeout=store.timeout)
    try:
        conn.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")

        def read(sql: str, params: list[object]) -> list[tuple]:
            return wait_while_busy(conn, lambda: conn.execute(sql, params).fetchall(), store.label, store.timeout,
                                   store.feedback, writing=False)

        rows = read(*counts_query(_TABLE, level, [period], GPKG))
        medians = read(*median_query(level, [period]))
    finally:
        conn.close()
    return unit_counts([row[1:] for row in rows], [row[1:] for row in medians])


def evaluation_counts(store, level: str, periods: Sequence[Period]) -> list[dict[str, UnitCounts]]:
    """Per period, the counts of each unit of the level (core.cases.evaluation.unit_counts)."""
    with ThreadPoolExecutor(max_workers=max(1, len(periods)), thread_name_prefix="grid_plugin_evaluation") as pool:
        return list(pool.map(lambda period: _period_counts(store, level, period), periods))
