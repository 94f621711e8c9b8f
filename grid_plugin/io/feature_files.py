"""A whole feature table written into a new GeoPackage file, fast.

Writing a million features through QGIS's writer costs QgsFeature objects one by one, and GDAL
then builds the R-tree row by row when the file is closed (about 22 s for 1 M points with 22
fields). Here the rows go in with sqlite3 in batches and the R-tree is bulk-loaded
(store/gpkg.py), about 7 s. The file is written under a temporary name beside the target and
renamed at the end, so a failed or cancelled run leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

from grid_plugin.core.errors import GridInputError
from grid_plugin.core.progress import Progress
from grid_plugin.io.geopackage import (
    add_rtree_triggers,
    chunks,
    create_geopackage,
    create_table,
    encode_geometries,
    register_functions,
)
from grid_plugin.io.gpkg_rtree import bulk_load_rtree
from grid_plugin.io.names import quote_sqlite as q
from grid_plugin.io.names import sqlite_names

_BATCH = 20_000
_TYPES = {kind: kind for kind in ("TEXT", "INTEGER", "REAL", "DATE", "DATETIME", "BOOLEAN", "BLOB")}


@dataclass(frozen=True)
class SpatialReference:
    srs_id: int  # the EPSG code when there is one
    organization: str  # "EPSG" or "NONE"
    name: str
    wkt: str  # WKT1 as GDAL writes it into gpkg_spatial_ref_sys


Rows = Callable[[int, int], Sequence[Sequence[object]]]

_RESERVED_PREFIXES = ("gpkg_", "sqlite_")  # the GeoPackage's own tables; SQLite's (which it refuses to create)


def name_problem(path: str | Path, layer: str, columns: Sequence[str]) -> GridInputError | None:
    """Why a GeoPackage output cannot have these table and column names, or None. Any text is a
    name (every name is quoted), but not a table name that GeoPackage or SQLite reserve, nor a
    column that SQLite takes for another one: it folds ASCII upper and lower case, and fid and
    geom are the table's own columns. QGIS's writer fails on them too (or writes a broken file),
    so the algorithms refuse them before writing, for any GeoPackage output."""
    def folded(name: str) -> str:
        return "".join(c.lower() if c.isascii() else c for c in name)

    if folded(layer).startswith(_RESERVED_PREFIXES):
        return GridInputError("The output file {path} would hold a table named '{layer}', but GeoPackage and SQLite "
                              "reserve names beginning with gpkg_ and sqlite_; rename the file.", path=str(path),
                              layer=layer)
    seen: dict[str, str] = {}
    for name in columns:
        key = folded(name)
        if key in ("fid", "geom"):
            return GridInputError("The output field '{field}' has the name of the GeoPackage's own column {column}; "
                                  "rename the field in the input layer.", field=name, column=key)
        if key in seen:
            return GridInputError("The output fields '{first}' and '{second}' differ only in upper and lower case, "
                                  "which a GeoPackage takes as one column; rename one of them in the input layer.",
                                  first=seen[key], second=name)
        seen[key] = name
    return None


def write_feature_file(path: str | Path, layer: str, geometry_type: str, srs: SpatialReference,
                       columns: Sequence[tuple[str, str]], geometries: np.ndarray, rows: Rows,
                       progress: Progress | None = None, fid_column: int | None = None) -> None:
    """Write geometries (shapely, 2D, None for none) and their attribute rows as table `layer` of a
    new GeoPackage at `path`. `columns` are (name, GeoPackage type) pairs; `rows(start, stop)` gives
    the attribute rows of geometries[start:stop] as plain Python values (text for dates).

    `fid_column`: the position in each row of the input's feature id, which becomes the output's
    fid (as QGIS's writer keeps a GeoPackage's fid); it is not a column of its own. Empty ones
    get the next number, as SQLite's AUTOINCREMENT would give."""
    path = Path(path)
    progress = progress or Progress()
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    temporary.unlink(missing_ok=True)
    try:
        conn = sqlite3.connect(str(temporary), isolation_level=None)
        try:
            _write(conn, layer, geometry_type, srs, columns, geometries, rows, progress, fid_column)
        finally:
            conn.close()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _write(conn: sqlite3.Connection, layer: str, geometry_type: str, srs: SpatialReference,
           columns: Sequence[tuple[str, str]], geometries: np.ndarray, rows: Rows, progress: Progress,
           fid_column: int | None) -> None:
    register_functions(conn)
    conn.execute("PRAGMA journal_mode = OFF")  # a new file renamed only when complete needs no journal
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    create_geopackage(conn)
    conn.execute("INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
                 (srs.name, srs.srs_id, srs.organization, srs.srs_id, srs.wkt, srs.name))
    create_table(conn, layer, geometry_type, srs.srs_id, [f"{q(name)} {_TYPES[kind]}" for name, kind in columns],
                 triggers=False)
    names = sqlite_names(["fid", "geom", *(name for name, _ in columns)])
    insert = f"INSERT INTO {q(layer)} ({names}) VALUES ({', '.join('?' * (len(columns) + 2))})"
    geometries = np.asarray(geometries, dtype=object)
    present = ~shapely.is_missing(geometries) & ~shapely.is_empty(geometries)
    total = len(geometries)
    fids = np.empty(total, dtype=np.int64)
    bounds = np.full((total, 4), np.nan)  # filled batch by batch: no second array of all geometries
    last = 0
    for start, stop in chunks(total, _BATCH):
        progress.step(start, total + total // 10)
        part = geometries[start:stop]
        blobs: list[bytes | None] = [None] * (stop - start)
        where = np.flatnonzero(present[start:stop])
        for k, blob in zip(where.tolist(), encode_geometries(part[where], srs.srs_id, geometry_type)):
            blobs[k] = blob
        bounds[start + where] = shapely.bounds(part[where])
        if fid_column is None:  # fids count on: no per-row bookkeeping
            numbers = range(last + 1, last + 1 + stop - start)
            fids[start:stop] = numbers
            last += stop - start
            batch = [(fid, blob, *row) for fid, blob, row in zip(numbers, blobs, rows(start, stop), strict=True)]
        else:
            batch = []
            for k, (blob, row) in enumerate(zip(blobs, rows(start, stop), strict=True)):
                values = list(row)
                given = values.pop(fid_column)
                fid = last + 1 if given is None else int(given)
                last = max(last, fid)
                fids[start + k] = fid
                batch.append((fid, blob, *values))
        conn.executemany(insert, batch)
    if not present.all():  # (no copies in the usual case where every feature has a geometry)
        kept = np.flatnonzero(present)
        bounds, fids = bounds[kept], fids[kept]
    del present
    bulk_load_rtree(conn, f"rtree_{layer}_geom", fids, bounds[:, 0], bounds[:, 2], bounds[:, 1], bounds[:, 3])
    add_rtree_triggers(conn, layer)
    if len(bounds):
        minx, miny = bounds[:, 0].min(), bounds[:, 1].min()
        maxx, maxy = bounds[:, 2].max(), bounds[:, 3].max()
        conn.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?",
                     (float(minx), float(miny), float(maxx), float(maxy), layer))
    conn.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE table_name = ?", (total, layer))
    conn.execute("COMMIT")
    progress.step(1, 1)
