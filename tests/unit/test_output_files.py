"""CSV files for people to open are written whole or not at all (core.output_files)."""

from __future__ import annotations

import pytest

from grid_plugin.core.output_files import write_spreadsheet_csv


def test_a_failure_while_writing_keeps_the_old_file_and_leaves_nothing_beside_it(tmp_path):
    target = tmp_path / "report.csv"
    target.write_text("old\n", encoding="utf-8")

    def rows():
        yield ["a", 1]
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        write_spreadsheet_csv(target, ["name", "count"], rows())
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


def test_cells_are_neutralised_and_the_file_replaced(tmp_path):
    target = tmp_path / "report.csv"
    target.write_text("old\n", encoding="utf-8")
    write_spreadsheet_csv(target, ["name", "x"], [["@SUM(A1)", -12.5], ["-3", "+1e5"], ["东四", "-x"]])
    assert target.read_text(encoding="utf-8-sig").splitlines() == [
        "name,x", "'@SUM(A1),-12.5", "-3,+1e5", "东四,'-x"]
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]
