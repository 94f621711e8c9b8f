"""Default-location piles in a PostGIS store (core.cases.piles): the server rounds and counts the positions and
sends back only how many positions hold 1, 2, 3, ... cases and the positions that may be piles; a pile's
token is its rounded key. Flagging finds a pile's cases through the spatial index; both UPDATEs run inside
the import's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from psycopg2 import sql as pgsql

from grid_plugin.core.cases.piles import EXACT, PILE, POSITION_DECIMALS, PositionCounts
from grid_plugin.store.postgis_copy import csv_stream
from grid_plugin.store.schema import STORE_SRID

if TYPE_CHECKING:
    from grid_plugin.store.postgis import PostgisStore

# a case's position rounded to core.cases.piles.POSITION_DECIMALS, as an integer-valued double (c: the cases table)
_SCALE = f"{10 ** POSITION_DECIMALS}.0::float8"
_KEY_X, _KEY_Y = f"round(ST_X(c.geom) * {_SCALE})", f"round(ST_Y(c.geom) * {_SCALE})"


def position_counts(store: PostgisStore, min_cases: int) -> PositionCounts:
    store._run("SET LOCAL work_mem = '256MB'")  # a million positions are grouped in memory, not on disk
    rows = store.query(
        f"WITH p AS (SELECT {_KEY_X} AS kx, {_KEY_Y} AS ky, COUNT(*) AS n FROM {store.table('cases')} c "
        "WHERE c.geom IS NOT NULL GROUP BY 1, 2) SELECT n, COUNT(*), array_agg(kx) FILTER (WHERE n >= %s), "
        "array_agg(ky) FILTER (WHERE n >= %s) FROM p GROUP BY n ORDER BY n", (min_cases, min_cases))
    keys = [(kx, ky, n) for n, _, xs, ys in rows if xs for kx, ky in zip(xs, ys, strict=True)]
    scale = 10.0 ** POSITION_DECIMALS
    return PositionCounts(np.array([row[0] for row in rows], dtype=np.int64),
                          np.array([row[1] for row in rows], dtype=np.int64),
                          np.array([k[0] / scale for k in keys]), np.array([k[1] / scale for k in keys]),
                          np.array([k[2] for k in keys], dtype=np.int64), [[(k[0], k[1])] for k in keys])


def flag_piles(store: PostgisStore, tokens: Sequence[Sequence[tuple[float, float]]]) -> int:
    store._run("CREATE TEMP TABLE IF NOT EXISTS pile_positions (kx double precision, ky double precision) "
               "ON COMMIT DROP")
    cursor = store._run("TRUNCATE pile_positions")
    cursor.copy_expert("COPY pile_positions FROM STDIN WITH (FORMAT csv)",
                       csv_stream((repr(float(kx)), repr(float(ky))) for pile in tokens for kx, ky in pile))
    store._run("ANALYZE pile_positions")
    cases = store._ident("cases")
    store._run(pgsql.SQL(f"UPDATE {{}} c SET location_quality = %s WHERE location_quality = %s AND NOT EXISTS "
                         f"(SELECT 1 FROM pile_positions p WHERE p.kx = {_KEY_X} AND p.ky = {_KEY_Y})")
               .format(cases), (EXACT, PILE))
    store._run(pgsql.SQL(
        f"UPDATE {{}} c SET location_quality = %s FROM pile_positions p WHERE c.location_quality = %s AND "
        f"c.geom && ST_MakeEnvelope((p.kx - 10) / {_SCALE}, (p.ky - 10) / {_SCALE}, (p.kx + 10) / {_SCALE}, "
        f"(p.ky + 10) / {_SCALE}, {STORE_SRID}) AND {_KEY_X} = p.kx AND {_KEY_Y} = p.ky").format(cases),
        (PILE, EXACT))
    return int(store._run(pgsql.SQL("SELECT COUNT(*) FROM {} WHERE location_quality = %s").format(cases),
                          (PILE,)).fetchone()[0])
