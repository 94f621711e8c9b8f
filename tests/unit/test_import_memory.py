"""The pieces that keep a large import's memory bounded give what their whole-in-memory forms give: the
R-tree of the new points bulk-loaded from files (io.gpkg_rtree.bulk_load_points) and the cases per position
counted in parts (core.cases.piles.PositionTally)."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from grid_plugin.core.cases.piles import PositionTally, count_positions
from grid_plugin.io.gpkg_rtree import PointBoxes, bulk_load_points, bulk_load_rtree


def rtree(name: str) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE {name} USING rtree(id, minx, maxx, miny, maxy)")
    return conn


def leaf_area(conn: sqlite3.Connection, name: str) -> float:
    """The summed area of the leaves' boxes: what a small window query pays for a loosely packed tree."""
    leaves = {row[0] for row in conn.execute(f"SELECT DISTINCT nodeno FROM {name}_rowid")}
    cell = np.dtype([("id", ">i8"), ("minx", ">f4"), ("maxx", ">f4"), ("miny", ">f4"), ("maxy", ">f4")])
    total = 0.0
    for number, blob in conn.execute(f"SELECT nodeno, data FROM {name}_node"):
        if number in leaves:
            cells = np.frombuffer(blob[4:4 + 24 * int.from_bytes(blob[2:4], "big")], dtype=cell)
            total += (cells["maxx"].max() - cells["minx"].min()) * (cells["maxy"].max() - cells["miny"].min())
    return float(total)


@pytest.mark.parametrize("count", [1, 51, 52, 2_700, 40_000])
def test_points_bulk_loaded_from_files_make_a_tree_as_tight_as_bulk_load_rtree(count):
    rng = np.random.default_rng(count)
    x, y = rng.uniform(116.3, 116.5, count), rng.uniform(39.8, 40.0, count)
    x[: count // 10], y[: count // 10] = 116.41, 39.92  # a tenth of them on one point, as on a pile
    reference = rtree("r")
    bulk_load_rtree(reference, "r", np.arange(101, 101 + count), x, x, y, y)
    streamed = rtree("r")
    points = PointBoxes(first_new=101)
    for start in range(0, count, 777):  # added chunk by chunk, as an import writes them
        points.add(x[start:start + 777], y[start:start + 777])
    bulk_load_points(streamed, "r", points)
    assert streamed.execute("SELECT rtreecheck('r')").fetchone()[0] == "ok"
    query = "SELECT id, minx, maxx, miny, maxy FROM r ORDER BY id"
    assert streamed.execute(query).fetchall() == reference.execute(query).fetchall()  # every box, as SQLite keeps it
    for window in rng.uniform([116.3, 39.8], [116.5, 40.0], (20, 2)).tolist():
        where = f"WHERE minx <= {window[0] + 0.01} AND maxx >= {window[0]} AND miny <= {window[1] + 0.01} " \
                f"AND maxy >= {window[1]}"
        assert streamed.execute(f"SELECT id FROM r {where} ORDER BY id").fetchall() == \
            reference.execute(f"SELECT id FROM r {where} ORDER BY id").fetchall()
    assert leaf_area(streamed, "r") <= 1.25 * leaf_area(reference, "r") + 1e-12


def test_held_points_after_the_new_ones_keep_their_ids_and_every_box_is_found():
    rng = np.random.default_rng(7)
    x, y = np.round(rng.uniform(116.3, 116.5, 5_000), 7), np.round(rng.uniform(39.8, 40.0, 5_000), 7)
    x[100:300] = 116.41  # ties, as a default-location pile makes them
    y[100:300] = 39.92
    conn = rtree("r")
    points = PointBoxes(first_new=3_001)
    points.add(x[3_000:], y[3_000:])  # new rows get fids 3001 ...
    points.add_held(np.arange(1, 3_001), x[:3_000], y[:3_000])  # ... the rows held before keep 1 ... 3000
    bulk_load_points(conn, "r", points)
    assert conn.execute("SELECT rtreecheck('r')").fetchone()[0] == "ok"
    boxes = conn.execute("SELECT id, minx, maxx, miny, maxy FROM r ORDER BY id").fetchall()
    assert [b[0] for b in boxes] == list(range(1, 5_001))
    box = np.array([b[1:] for b in boxes])
    assert (box[:, 0] <= x).all() and (box[:, 1] >= x).all() and (box[:, 2] <= y).all() and (box[:, 3] >= y).all()
    assert conn.execute("SELECT COUNT(*) FROM r WHERE minx <= 116.4101 AND maxx >= 116.4099 AND miny <= 39.9201 "
                        "AND maxy >= 39.9199").fetchone()[0] == 200


def test_positions_counted_in_parts_are_counted_as_at_once():
    rng = np.random.default_rng(3)
    lon = np.round(rng.uniform(116.3, 116.5, 30_000), 7)
    lat = np.round(rng.uniform(39.8, 40.0, 30_000), 7)
    lon[::97], lat[::97] = 116.4, 39.9  # a pile of 310 cases
    lon[5::501], lat[5::501] = 116.45, 39.95  # and 60 more on another point
    lon[7], lat[7] = np.nan, 39.9  # no position
    ids = np.arange(1, 30_001)
    expected, candidate_of = count_positions(lon, lat, 50)
    tally = PositionTally(parts=4)
    for start in range(0, 30_000, 4_096):
        tally.add(lon[start:start + 4_096], lat[start:start + 4_096], ids[start:start + 4_096])
    counts, members = tally.counts(50)
    assert counts.sizes.tolist() == expected.sizes.tolist()
    assert counts.positions.tolist() == expected.positions.tolist()
    order = np.lexsort((counts.lat, counts.lon))
    assert counts.lon[order].tolist() == expected.lon.tolist() and counts.lat[order].tolist() == expected.lat.tolist()
    assert counts.cases[order].tolist() == expected.cases.tolist()
    assert sorted(expected.cases.tolist()) == [60, 309]  # one row of the first pile was moved to the second
    assert [sorted(members[k].tolist()) for k in order] == [
        sorted(ids[candidate_of == k].tolist()) for k in range(len(expected.cases))]
