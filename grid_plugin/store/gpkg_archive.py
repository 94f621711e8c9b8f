"""Archiving old months of a GeoPackage store (store/archive.py): their cases are read in case-id order
and, once the archive holds them, deleted inside the archiving transaction; the spatial index follows by
the GeoPackage's own triggers. The file keeps its size (SQLite reuses the freed pages for later imports).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from grid_plugin.core.cases.months import Month
from grid_plugin.core.cases.records import CaseRecords
from grid_plugin.io.geopackage import decode_points
from grid_plugin.store import archive

if TYPE_CHECKING:
    from grid_plugin.store.gpkg import GpkgStore


def read_case_records(store: GpkgStore, end: str, after: str | None, limit: int) -> CaseRecords:
    sql, params, names = archive.chunk_query(store, '"geom"', end, after, limit)
    rows = store.query(sql, params)
    lon, lat = decode_points([row[-1] for row in rows])
    return archive.records_of(names, rows, lon, lat)


def remove_before(store: GpkgStore, month: Month, keep: bool) -> int:
    """Delete the cases reported before `month` (inside the caller's transaction); returns how many."""
    if keep:
        raise ValueError("a GeoPackage store cannot keep months apart")  # archive_before refuses it first
    end = month.start(archive.month_zone(store))
    removed = store.conn.execute('DELETE FROM "cases" WHERE "reported_at" < ?', (end,)).rowcount
    bounds = store.conn.execute('SELECT MIN(minx), MIN(miny), MAX(maxx), MAX(maxy) FROM "rtree_cases_geom"')
    store._update_extent("cases", np.array(bounds.fetchone(), dtype=float))
    return int(removed)
