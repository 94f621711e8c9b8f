"""The unit-grid table a division writes: code order, attributes, stable codes, retired grids and the
change report (core.grids.grid_table)."""

import csv
import dataclasses

import numpy as np
import pytest
import shapely
from shapely.geometry import box

from grid_plugin.core.grids.codes import CommunityCode
from grid_plugin.core.grids.containers import Container
from grid_plugin.core.grids.grid_table import CHANGE_REPORT_HEADER, GridTable
from grid_plugin.core.grids.lattice import Division
from grid_plugin.core.grids.stability import KEPT, NEW, RETIRED, PreviousGrid, assign_stable_codes
from grid_plugin.core.schema import UNIT_GRID_FIELDS

NAMES = [spec.name for spec in UNIT_GRID_FIELDS]
TODAY = "2026-07-01"

# two communities, the second given first; names as people type them (quotes, a comma)
EAST = Container(7, box(100, 0, 200, 100), CommunityCode("110101", "002", "003"), "东华门街道",
                 '"丽都"社区, 东区')
WEST = Container(3, box(0, 0, 100, 100), CommunityCode("110101", "001", "001"), "景山街道", "景山社区")
CONTAINERS = [EAST, WEST]


def halves(x0: float) -> list:
    return [box(x0, 0, x0 + 100, 50), box(x0, 50, x0 + 100, 100)]


def division() -> Division:
    """Grids of both communities, out of code order: east's second grid first."""
    east_low, east_high = halves(100)
    west_low, west_high = halves(0)
    return Division(np.array([east_high, west_low, east_low, west_high], dtype=object),
                    np.array([0, 1, 0, 1]), np.array([2, 1, 1, 2]))


def record(table: GridTable, k: int) -> dict:
    return dict(zip(NAMES, table.rows(0, len(table))[k], strict=True))


def test_new_grids_are_sorted_by_community_then_sequence_and_start_on_the_effective_date():
    table = GridTable.build(division(), CONTAINERS, TODAY)
    assert table.codes == ["110101002003001", "110101002003002", "110101001001001", "110101001001002"]
    assert table.changes == [NEW] * 4
    assert table.init_dates == [TODAY] * 4 and table.end_dates == [""] * 4
    assert shapely.equals(table.geometries[0], box(100, 0, 200, 50))  # each geometry stays with its code
    assert shapely.equals(table.geometries[1], box(100, 50, 200, 100))
    assert table.change_counts() == {KEPT: 0, NEW: 4, RETIRED: 0}


def test_rows_hold_every_unit_grid_field_and_default_the_responsible_party_to_the_community():
    table = GridTable.build(division(), CONTAINERS, TODAY)
    east = record(table, 1)
    assert east == {
        "grid_code": "110101002003002", "district_code": "110101", "street_code": "110101002",
        "community_code": "110101002003", "street_name": "东华门街道", "community_name": '"丽都"社区, 东区',
        "seq": 2, "area_m2": 5000.0, "perimeter_m": 300.0, "land_use": None, "mgmt_level": None,
        "responsible": '"丽都"社区, 东区', "init_date": TODAY, "end_date": None, "change": NEW,
    }
    assert record(table, 2)["responsible"] == "景山社区"
    nameless = GridTable.build(division(), [EAST, dataclasses.replace(WEST, community_name="")], TODAY)
    assert record(nameless, 2)["responsible"] is None  # a community without a name gives no party


def test_rows_of_a_batch_are_the_same_rows_as_of_the_whole_table():
    table = GridTable.build(division(), CONTAINERS, TODAY)
    assert table.rows(1, 3) == table.rows(0, 4)[1:3]


def test_dates_are_made_once_per_distinct_date():
    table = GridTable.build(division(), CONTAINERS, TODAY)
    made = []

    def date(text):
        made.append(text)
        return ("date", text)

    rows = table.rows(0, 4, date)
    assert sorted(made) == ["", TODAY]
    assert all(row[NAMES.index("init_date")] is rows[0][NAMES.index("init_date")] for row in rows)
    assert rows[0][NAMES.index("end_date")] == ("date", "")


def previous_layer() -> list[PreviousGrid]:
    """East's grids as the last division left them (one of them with carried attributes), a west grid
    this run no longer has, and a grid of a community that is gone, retired two years ago."""
    east_low, east_high = halves(100)
    return [
        PreviousGrid(11, "110101002003001", east_low, "2020-03-15",
                     extra={"land_use": "R1", "mgmt_level": "2", "responsible": "物业公司"}),
        PreviousGrid(12, "110101002003002", east_high, ""),
        PreviousGrid(13, "110101001001005", box(0, 0, 100, 100), "2021-05-01"),
        PreviousGrid(14, "110101009009001", box(500, 0, 600, 100), "2019-01-01", "2024-06-30"),
    ]


def table_with_previous() -> GridTable:
    grids, previous = division(), previous_layer()
    stable = assign_stable_codes(grids.geometries, grids.container_index, grids.sequence, CONTAINERS, previous)
    return GridTable.build(grids, CONTAINERS, TODAY, previous, stable)


def test_a_kept_grid_keeps_its_code_attributes_and_initial_date():
    table = table_with_previous()
    kept = record(table, table.codes.index("110101002003001"))
    assert kept["change"] == KEPT and kept["init_date"] == "2020-03-15"
    assert (kept["land_use"], kept["mgmt_level"], kept["responsible"]) == ("R1", "2", "物业公司")
    without_date = record(table, table.codes.index("110101002003002"))
    assert without_date["change"] == KEPT and without_date["init_date"] == TODAY


def test_new_grids_take_numbers_above_every_number_their_community_used():
    table = table_with_previous()
    assert table.codes[:4] == ["110101002003001", "110101002003002", "110101001001006", "110101001001007"]
    assert table.changes[:4] == [KEPT, KEPT, NEW, NEW]


def test_retired_grids_follow_with_their_end_dates_and_no_default_party():
    table = table_with_previous()
    assert table.codes[4:] == ["110101001001005", "110101009009001"]
    retired_now, retired_before = record(table, 4), record(table, 5)
    assert retired_now["change"] == RETIRED and retired_now["end_date"] == TODAY
    assert retired_now["init_date"] == "2021-05-01"
    assert (retired_now["street_name"], retired_now["community_name"]) == ("景山街道", "景山社区")
    assert retired_now["responsible"] is None  # a retired grid gets no default party
    assert retired_before["end_date"] == "2024-06-30"
    assert retired_before["street_name"] == "" and retired_before["community_name"] == ""
    assert shapely.equals(table.geometries[5], box(500, 0, 600, 100))
    assert table.change_counts() == {KEPT: 2, NEW: 2, RETIRED: 2}


def test_without_stable_codes_the_previous_grids_are_ignored():
    table = GridTable.build(division(), CONTAINERS, TODAY, previous_layer(), None)
    assert len(table) == 4 and table.changes == [NEW] * 4


def test_change_report_lists_every_code_for_a_spreadsheet(tmp_path):
    path = tmp_path / "changes.csv"
    table_with_previous().write_change_report(str(path))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel and WPS read the Chinese names right
    with open(path, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert tuple(lines[0]) == CHANGE_REPORT_HEADER
    assert lines[1] == ["110101002003001", KEPT, "110101002003", '"丽都"社区, 东区', "5000.00", "2020-03-15", ""]
    assert lines[5] == ["110101001001005", RETIRED, "110101001001", "景山社区", "10000.00", "2021-05-01", TODAY]
    assert len(lines) == 7


@pytest.mark.parametrize("start, stop", [(0, 0), (5, 6)])
def test_rows_of_an_empty_or_last_batch(start, stop):
    table = table_with_previous()
    assert len(table.rows(start, stop)) == stop - start
