"""Default-location piles in a GeoPackage store (core.cases.piles): cases counted per position, pile cases flagged.

SQLite cannot read the coordinates inside a geometry blob, so the positions are read (in blocks, a million
in about 1 s with the counting) and counted in numpy; a pile's token is the list of its point blobs (equal
coordinates make equal blobs, store.gpkg.encode_points). Flagging finds a pile's cases through the R-tree
and compares the blobs; both UPDATEs run inside the import's transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

import numpy as np

from grid_plugin.core.cases.piles import EXACT, PILE, PositionCounts, PositionTally
from grid_plugin.io.names import quote_sqlite as q
from grid_plugin.store.schema import LOCATION_QUALITY

Decode = Callable[[Sequence[bytes]], "tuple[np.ndarray, np.ndarray]"]
_MARGIN = 1e-5  # degrees: the R-tree keeps 32-bit floats, rounded outwards
_BLOCK = 200_000  # cases read at a time


def position_counts(conn: sqlite3.Connection, min_cases: int, decode: Decode) -> PositionCounts:
    """Read in blocks and counted in parts (core.cases.piles.PositionTally), whatever the store's size; a
    candidate's token is the list of the distinct blobs of its cases, read again by fid."""
    tally = PositionTally()
    cursor = conn.execute('SELECT "fid", "geom" FROM "cases" WHERE "geom" IS NOT NULL')
    while rows := cursor.fetchmany(_BLOCK):
        tally.add(*decode([row[1] for row in rows]), np.fromiter((row[0] for row in rows), np.int64, len(rows)))
    counts, ids = tally.counts(min_cases)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS pile_fids (fid INTEGER PRIMARY KEY)")
    for fids in ids:
        conn.execute("DELETE FROM pile_fids")
        conn.executemany("INSERT INTO pile_fids VALUES (?)", ((fid,) for fid in fids.tolist()))
        blobs = conn.execute('SELECT "geom" FROM "cases" WHERE "fid" IN (SELECT fid FROM pile_fids) ORDER BY "fid"')
        counts.tokens.append(list(dict.fromkeys(row[0] for row in blobs)))
    conn.execute("DELETE FROM pile_fids")
    return counts


def flag_piles(conn: sqlite3.Connection, tokens: Sequence[Sequence[bytes]], decode: Decode) -> int:
    blobs = [blob for pile in tokens for blob in pile]
    quality = q(LOCATION_QUALITY.name)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS pile_positions (geom BLOB PRIMARY KEY) WITHOUT ROWID")
    conn.execute("DELETE FROM pile_positions")
    conn.executemany("INSERT OR IGNORE INTO pile_positions VALUES (?)", ((b,) for b in blobs))
    conn.execute(f'UPDATE "cases" SET {quality} = ? WHERE {quality} = ? AND "geom" NOT IN '
                 "(SELECT geom FROM pile_positions)", (EXACT, PILE))
    x, y = decode(blobs)
    conn.executemany(
        f'UPDATE "cases" SET {quality} = ? WHERE {quality} = ? AND "geom" = ? AND "fid" IN (SELECT id FROM '
        '"rtree_cases_geom" WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?)',
        [(PILE, EXACT, blob, bx + _MARGIN, bx - _MARGIN, by + _MARGIN, by - _MARGIN)
         for blob, bx, by in zip(blobs, x.tolist(), y.tolist(), strict=True)])
    conn.execute("DELETE FROM pile_positions")
    return int(conn.execute(f'SELECT COUNT(*) FROM "cases" WHERE {quality} = ?', (PILE,)).fetchone()[0])
