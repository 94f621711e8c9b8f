"""Reliability of the case import (issue 16), the parts without QGIS: CSV rows with too many values,
long values and unclosed quotes, title rows above the header, header names with invisible
characters, XLSX date-times with custom formats, the time window, NUL characters, spreadsheet-safe
CSV cells and output files replaced all at once.

New modules (core.xlsx, core.output_files, core.cases.times) are imported inside the tests, so that
each test fails by itself on a tree without them.
"""

from __future__ import annotations

import datetime as dt
import os

import numpy as np
import pytest

from grid_plugin.core.cases.records import CaseParser, resolve_field_map
from grid_plugin.core.cases.times import parse_time, parse_time_column, time_zone
from grid_plugin.core.components import tables as tables_module
from grid_plugin.core.components.tables import read_csv
from grid_plugin.core.errors import GridInputError
from tests.xlsx_writer import Formatted, serial, write_xlsx

SHANGHAI = time_zone("Asia/Shanghai")
HEADER = "case_id,source,kind,class_code,description,reported_at,lon,lat"  # 8 columns
GOOD = "A{n},12345热线,事件,0101,井盖破损,2025-03-01 08:0{n}:00,116.40,39.91"
NEXT_YEAR = dt.date.today().year + 1


def write(tmp_path, text, name="cases.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def parse(table, **options):
    """The table through the case parser, as importcases does (no class tables)."""
    mapping = resolve_field_map(table.fields, {})
    found = table.columns(list(dict.fromkeys(mapping.values())))
    return CaseParser(mapping, **options).parse_columns(found.columns, found.rows, row_problems=found.problems)


# ---- 5: rows with more values than the header -----------------------------------------------------------
def test_a_row_with_more_values_than_the_header_is_a_problem_naming_the_row(tmp_path):
    comma = "A2,12345热线,事件,0101,井盖破损,需处理,2025-03-01 08:02:00,116.40,39.91"  # 井盖破损, 需处理 unquoted
    text = "\n".join([HEADER, GOOD.format(n=1), comma, GOOD.format(n=3)]) + "\n"
    found = read_csv(write(tmp_path, text)).columns(["case_id", "description", "lat"])
    assert found.rows.tolist() == [1, 2, 3]
    assert set(found.problems) == {1}
    assert str(found.problems[1]) == "row 2 has 9 values but the header has 8: a comma inside a value needs quotes"


def test_the_parser_rejects_the_long_row_and_keeps_the_others(tmp_path):
    text = "\n".join([HEADER, GOOD.format(n=1), GOOD.format(n=2) + ",extra", GOOD.format(n=3)]) + "\n"
    parsed = parse(read_csv(write(tmp_path, text)))
    assert parsed.read == 3
    assert [(r.row, r.case_id) for r in parsed.rejects] == [(2, "A2")]
    assert "row 2 has 9 values but the header has 8" in str(parsed.rejects[0].reason)
    assert parsed.records.case_ids == ["A1", "A3"]


def test_empty_trailing_values_and_short_rows_are_no_problem(tmp_path):
    # decided: values missing at the end are empty (exports drop empty trailing cells); extra values
    # that are empty (a trailing delimiter) lose nothing; only non-empty extra values are a problem
    text = "a,b,c\n1,2,3,,\n4,5\n6,7,8, \n9,10,11,12\n"
    found = read_csv(write(tmp_path, text)).columns(["a", "c"])
    assert found.columns == {"a": ["1", "4", "6", "9"], "c": ["3", "", "8", "11"]}
    assert list(found.problems) == [3]
    assert str(found.problems[3]) == "row 4 has 4 values but the header has 3: a comma inside a value needs quotes"


@pytest.mark.parametrize(("delimiter", "name"), [(";", "semicolon"), ("\t", "tab")])
def test_the_problem_names_the_delimiter(tmp_path, delimiter, name):
    text = f"a{delimiter}b\n1{delimiter}2{delimiter}3\n"
    found = read_csv(write(tmp_path, text)).columns(["a", "b"])
    assert str(found.problems[0]) == f"row 1 has 3 values but the header has 2: a {name} inside a value needs quotes"


@pytest.mark.parametrize("chunk_rows", [1, 2, 100_000])
def test_problem_rows_point_at_their_records_across_chunks_and_blank_lines(tmp_path, monkeypatch, chunk_rows):
    monkeypatch.setattr(tables_module, "_CHUNK_ROWS", chunk_rows)
    text = "a,b\n1,2\n\n3,4,5\n6,7\n8,9,10\n"
    found = read_csv(write(tmp_path, text)).columns(["a", "b"])
    assert found.rows.tolist() == [1, 3, 4, 5]
    assert {found.columns["a"][i]: str(m).split(" has")[0] for i, m in found.problems.items()} == {
        "3": "row 3", "8": "row 5"}


# ---- 11: long values, unclosed quotes ---------------------------------------------------------------------
def test_a_description_longer_than_128_kib_is_read(tmp_path):
    long = "井盖破损" * 50_000  # 200,000 characters, 600 KB of UTF-8
    text = f'{HEADER}\n{GOOD.format(n=1)}\nA2,12345热线,事件,0101,"{long}",2025-03-01 08:02:00,116.40,39.91\n'
    found = read_csv(write(tmp_path, text)).columns(["case_id", "description"])
    assert found.columns["description"][1] == long


def test_a_value_beyond_the_limit_names_its_row(tmp_path):
    rows = [GOOD.format(n=n % 10) for n in range(1, 3)]
    rows.append('A3,12345热线,事件,0101,"井盖破损,2025-03-01 08:03:00,116.40,39.91')  # the quote never closes
    rows += [GOOD.format(n=n % 10) for n in range(4, 400_000)]  # 17 MB after it
    path = write(tmp_path, HEADER + "\n" + "\n".join(rows) + "\n")
    with pytest.raises(GridInputError) as caught:
        read_csv(path).columns(["case_id", "description"])
    assert caught.value.message.params["row"] == 3
    assert caught.value.message.params["line"] == 4
    assert "never closed" in str(caught.value)


def test_a_quote_left_open_at_the_end_of_a_small_file_is_named(tmp_path):
    # Python's csv module would read the rest of the file as one value: rows 3 and 4 would vanish
    text = "\n".join([HEADER, GOOD.format(n=1), 'A2,12345热线,事件,0101,"井盖破损,2025-03-01 08:02:00,116.40,39.91',
                      GOOD.format(n=3), GOOD.format(n=4)]) + "\n"
    with pytest.raises(GridInputError) as caught:
        read_csv(write(tmp_path, text)).columns(["case_id"])
    assert caught.value.message.params["row"] == 2
    assert "never closed" in str(caught.value)


def test_a_quoted_line_break_in_the_last_row_is_fine(tmp_path):
    text = f'{HEADER}\n{GOOD.format(n=1)}\nA2,12345热线,事件,0101,"第一行\n第二行",2025-03-01 08:02:00,116.40,39.91\n'
    found = read_csv(write(tmp_path, text)).columns(["description"])
    assert found.columns["description"] == ["井盖破损", "第一行\n第二行"]
    assert found.problems == {}


# ---- 15: title rows above the header; header names -----------------------------------------------------
def test_a_title_line_above_the_header_is_skipped_and_noted(tmp_path):
    text = "\n".join(["东城区12345工单导出 2026年3月,,,,,,,", "", HEADER, GOOD.format(n=1), GOOD.format(n=2)]) + "\n"
    table = read_csv(write(tmp_path, text))
    assert table.fields == HEADER.split(",")
    assert table.header_record == 3
    assert [str(note) for note in table.notes] == [
        "Row 1 ('东城区12345工单导出 2026年3月') is a title, not the header: the header is taken from row 3. "
        "Set HEADER_ROW to choose another row."]
    assert [number for number, _ in table.rows()] == [1, 2]  # numbered from the header
    assert parse(table).records.case_ids == ["A1", "A2"]


def test_a_tab_file_with_a_title_line_finds_its_delimiter(tmp_path):
    text = "东城区12345工单导出\n" + HEADER.replace(",", "\t") + "\n" + GOOD.format(n=1).replace(",", "\t") + "\n" + \
        GOOD.format(n=2).replace(",", "\t") + "\n"
    table = read_csv(write(tmp_path, text))
    assert table.delimiter == "\t"
    assert table.fields == HEADER.split(",")


def test_the_header_row_can_be_forced(tmp_path):
    text = "导出时间,2026-03-01\n" + HEADER + "\n" + GOOD.format(n=1) + "\n"
    table = read_csv(write(tmp_path, text), header_row=2)
    assert table.fields == HEADER.split(",")
    assert [number for number, _ in table.rows()] == [1]
    with pytest.raises(GridInputError, match="cannot be the header"):
        read_csv(write(tmp_path, text), header_row=7)


def test_below_a_title_the_header_is_the_row_that_names_the_cases(tmp_path):
    from grid_plugin.core.cases.case_fields import names_the_cases

    text = "东城区12345工单导出\n导出时间,2026-03-01\n" + HEADER + "\n" + GOOD.format(n=1) + "\n"
    table = read_csv(write(tmp_path, text), expect=lambda names: names_the_cases(names, {}))
    assert table.header_record == 3 and table.fields == HEADER.split(",")


def test_a_header_below_a_two_value_title_is_suggested(tmp_path):
    from grid_plugin.core.cases.case_fields import header_row_hint

    text = "导出时间,2026-03-01\n\n" + HEADER + "\n" + GOOD.format(n=1) + "\n"
    table = read_csv(write(tmp_path, text))
    assert table.fields == ["导出时间", "2026-03-01"]  # ambiguous: the first row has two values
    with pytest.raises(GridInputError, match="no field for case_id"):
        resolve_field_map(table.fields, {})
    assert header_row_hint(table.top, table.header_record, {}) == (3, HEADER.split(","))


def test_a_one_column_table_with_a_stray_comma_keeps_its_header(tmp_path):
    table = read_csv(write(tmp_path, "地址\n东城区东四北大街1号\n东城区东四, 北大街2号\n"))
    assert table.fields == ["地址"] and table.notes == []


def test_invisible_characters_in_header_names_are_removed_and_noted(tmp_path):
    header = "\ufeffcase_id,source,kind,class_code,description,reported_at\u200b,lon,\ufefflat"
    table = read_csv(write(tmp_path, header + "\n" + GOOD.format(n=1) + "\n", encoding="utf-8-sig"))
    assert table.fields == HEADER.split(",")
    assert len(table.notes) == 3 and "'reported_at'" in str(table.notes[1])
    assert parse(table).records.case_ids == ["A1"]


def test_field_names_with_invisible_characters_still_map():
    # e.g. the fields of an OGR layer made from a CSV with a double byte order mark
    mapping = resolve_field_map(["\ufeffcase_id", "reported_at", "lon", "lat\u200b"], {"x": "lon"})
    assert mapping["case_id"] == "\ufeffcase_id" and mapping["y"] == "lat\u200b"


def test_an_empty_header_name_gets_its_column_number(tmp_path):
    table = read_csv(write(tmp_path, "case_id,,reported_at,lon,lat,,\nA1,x,2025-03-01 08:00:00,116.4,39.9,,\n"))
    assert table.fields == ["case_id", "(column 2)", "reported_at", "lon", "lat"]  # trailing empty ones dropped
    assert [str(n) for n in table.notes] == ["Column 2 of the header (row 1) has no name; it is read as '(column 2)'."]
    assert table.columns(["(column 2)"]).columns == {"(column 2)": ["x"]}


# ---- 6, 8, 15: XLSX -----------------------------------------------------------------------------------------
FORMATS = ("yyyy/m/d h:mm", 'yyyy"年"m"月"d"日" h:mm', "m/d/yyyy h:mm AM/PM", "[$-804]yyyy/m/d h:mm:ss",
           "yyyy-mm-dd", "0.00")
MOMENT = dt.datetime(2025, 3, 1, 8, 5)


def test_xlsx_date_times_with_custom_formats_keep_their_time(tmp_path):
    from grid_plugin.core.xlsx import read_xlsx

    cells = [Formatted(serial(MOMENT), k) for k in range(5)]
    path = write_xlsx(tmp_path / "t.xlsx", [["id", "f0", "f1", "f2", "f3", "f4", "plain"],
                                            ["A1", *cells, Formatted(116.4, 5)]], formats=FORMATS)
    rows = list(read_xlsx(path).rows())
    assert rows == [(1, {"id": "A1", "f0": "2025-03-01 08:05:00", "f1": "2025-03-01 08:05:00",
                         "f2": "2025-03-01 08:05:00", "f3": "2025-03-01 08:05:00",
                         "f4": "2025-03-01 08:05:00", "plain": 116.4})]


@pytest.mark.parametrize(("code", "is_date"), [
    ("yyyy/m/d h:mm", True), ("h:mm", True), ("[h]:mm:ss", True), ('m"月"d"日"', True), ("[$-F800]dddd, mmmm dd", True),
    ("0.00", False), ("#,##0", False), ("General", False), ('0.0"万元"', False), ("[Red]0.00", False), ("@", False),
    ("0.00E+00", False)])
def test_which_number_formats_are_dates(code, is_date):
    from grid_plugin.core.xlsx import is_date_format

    assert is_date_format(code) is is_date


def test_an_xlsx_title_row_merged_across_the_header_is_skipped(tmp_path):
    from grid_plugin.core.xlsx import read_xlsx

    header = HEADER.split(",")
    data = [[f"A{n}", "12345热线", "事件", "0101", "井盖破损", Formatted(serial(MOMENT), 0), 116.4, 39.91]
            for n in (1, 2)]
    path = write_xlsx(tmp_path / "t.xlsx", [["东城区12345工单导出 2026年3月"], [], header, *data],
                      formats=FORMATS, merges=("A1:H1",), sheet="工单")
    sheet = read_xlsx(path, "工单")
    assert sheet.fields == header and sheet.header_record == 3
    assert "Row 1 ('东城区12345工单导出 2026年3月') is a title" in str(sheet.notes[0])
    found = sheet.columns(["case_id", "reported_at", "lon"])
    assert found.rows.tolist() == [1, 2]
    assert found.columns["reported_at"] == ["2025-03-01 08:05:00"] * 2
    assert found.columns["lon"] == [116.4, 116.4]
    assert sheet.raw_rows([2]) == {
        2: ["A2", "12345热线", "事件", "0101", "井盖破损", "2025-03-01 08:05:00", 116.4, 39.91]}


def test_an_xlsx_value_in_a_column_without_header_is_a_problem(tmp_path):
    from grid_plugin.core.xlsx import read_xlsx

    path = write_xlsx(tmp_path / "t.xlsx", [["case_id", "lon"], ["A1", 116.4], ["A2", 116.4, None, "备注"],
                                            [None, 116.5]])
    found = read_xlsx(path).columns(["case_id"])
    assert found.rows.tolist() == [1, 2, 3]  # row 3 has no id but a value: read (and rejected), not skipped
    assert str(found.problems[1]) == (
        "row 2 has a value in column D, which has no header; name the column or move the value")


def test_xlsx_sheets_and_broken_files_are_named(tmp_path):
    from grid_plugin.core.xlsx import read_xlsx

    path = write_xlsx(tmp_path / "t.xlsx", [["a", "b"], [1, 2]], sheet="案件")
    with pytest.raises(GridInputError, match="has no sheet '其他'; its sheets are: 案件"):
        read_xlsx(path, "其他")
    broken = tmp_path / "old.xlsx"
    broken.write_bytes(b"\xd0\xcf\x11\xe0 an old binary workbook")
    with pytest.raises(GridInputError, match="not an XLSX workbook"):
        read_xlsx(broken)


def test_xlsx_duplicate_header_names_raise_and_rich_text_reads_without_its_phonetic_guide(tmp_path):
    import zipfile

    from grid_plugin.core.xlsx import read_xlsx

    with pytest.raises(GridInputError, match="names the column.s. lon twice"):
        read_xlsx(write_xlsx(tmp_path / "d.xlsx", [["case_id", "lon", "lon"], ["A1", 1, 2]]))
    path = write_xlsx(tmp_path / "r.xlsx", [["case_id", "description"], ["A1", "placeholder"]])
    rich = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            "<si><t>case_id</t></si><si><t>description</t></si><si><t>A1</t></si>"
            "<si><r><rPr><b/></rPr><t>井盖</t></r><r><t>破损_x000D_</t></r>"
            '<rPh sb="0" eb="2"><t>jǐng gài</t></rPh></si>'
            "</sst>")
    rewritten = tmp_path / "rich.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(rewritten, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/sharedStrings.xml":  # B2 is string 3: rich text runs and a phonetic guide
                data = rich.encode()
            target.writestr(item, data)
    assert list(read_xlsx(rewritten).rows()) == [(1, {"case_id": "A1", "description": "井盖破损\r"})]


# ---- 9: the time window --------------------------------------------------------------------------------------
@pytest.mark.parametrize("others", [
    ["2025-03-01 08:00:00"] * 3,  # every value in the fast numpy form
    ["2025-03-01 08:00:00", "2025/3/1 8:00", "2025-03-01T08:00:00+08:00"],  # mixed forms
])
def test_year_one_is_refused_whatever_the_column_holds(others):
    from grid_plugin.core.cases.times import TimeWindow

    window = TimeWindow(1990, 2030)
    values = ["0001-01-01 00:00:00", *others, "2205-01-01T00:00:00Z"]
    out, bad = parse_time_column(values, SHANGHAI, window)
    assert bad == [0, len(values) - 1]
    assert out[0] is None and out[-1] is None and None not in out[1:-1]
    assert out[1:-1] == [parse_time(v, SHANGHAI) for v in others]


def test_parse_time_refuses_a_time_outside_the_window():
    from grid_plugin.core.cases.times import TimeOutsideWindow, TimeWindow

    window = TimeWindow(1990, 2030)
    for value in ("0001-01-01 00:00:00", dt.datetime(1989, 12, 31, 23, 59), "2031/1/1 0:00"):
        with pytest.raises(TimeOutsideWindow):
            parse_time(value, SHANGHAI, window)
    assert parse_time("1990-01-01 00:00:00", SHANGHAI, window) == "1989-12-31T16:00:00.000Z"  # as written: 1990


def test_the_parser_rejects_year_one_naming_row_value_and_window(tmp_path):
    for mixed in (False, True):
        second = "2025/3/1 8:02" if mixed else "2025-03-01 08:02:00"
        text = "\n".join([HEADER, GOOD.format(n=1), GOOD.format(n=2).replace("2025-03-01 08:02:00", second),
                          GOOD.format(n=3).replace("2025-03-01 08:03:00", "0001-01-01 00:00:00")]) + "\n"
        parsed = parse(read_csv(write(tmp_path, text)))
        assert [(r.row, r.case_id) for r in parsed.rejects] == [(3, "A3")], mixed
        assert str(parsed.rejects[0].reason) == (
            f"row 3: reported_at '0001-01-01 00:00:00' is outside the years 1990–{NEXT_YEAR} accepted for case "
            "times; correct it, or widen the window (EARLIEST_YEAR, LATEST_YEAR)")


def test_a_wider_window_takes_older_cases_and_an_empty_one_is_refused(tmp_path):
    from grid_plugin.core.cases.times import TimeWindow

    text = HEADER + "\n" + GOOD.format(n=1).replace("2025-03-01", "1985-03-01") + "\n"
    assert parse(read_csv(write(tmp_path, text)), window=TimeWindow(1980, 2030)).records.case_ids == ["A1"]
    assert len(parse(read_csv(write(tmp_path, text))).rejects) == 1
    with pytest.raises(GridInputError, match="no time window"):
        TimeWindow(2030, 2020)


# ---- 10: NUL characters ------------------------------------------------------------------------------------
def test_a_nul_character_in_a_text_rejects_the_row_naming_row_and_column(tmp_path):
    text = "\n".join([HEADER, GOOD.format(n=1), GOOD.format(n=2).replace("井盖破损", "井盖\x00破损"),
                      GOOD.format(n=3)]) + "\n"
    table = read_csv(write(tmp_path, text))
    parsed = parse(table)
    assert [r.row for r in parsed.rejects] == [2]
    assert str(parsed.rejects[0].reason) == "row 2, column 'description' contains a NUL character (\\x00); remove it"
    assert parsed.records.case_ids == ["A1", "A3"]
    # the CSV's bytes were scanned anyway: a file without a NUL byte spares the parser its look
    assert table.columns(["case_id"]).nul_free is False
    clean = read_csv(write(tmp_path, text.replace("\x00", ""), name="clean.csv"))
    assert clean.columns(["case_id"]).nul_free is True


# ---- 4: cells safe to open in a spreadsheet --------------------------------------------------------------------
@pytest.mark.parametrize(("value", "written"), [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"), ("+86 10 6512 3456", "'+86 10 6512 3456"),
    ("-1+2", "'-1+2"), ("@SUM(A1:A9)", "'@SUM(A1:A9)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("--", "'--"),
    ("-73.9856", "-73.9856"), ("+3", "+3"), ("-1.5e3", "-1.5e3"), ("116.40", "116.40"), ("a=b", "a=b"), ("", ""),
    (-73.9856, -73.9856), (12, 12), (None, None), ("井盖\x00破损", "井盖\\x00破损")])
def test_spreadsheet_cells(value, written):
    from grid_plugin.core.output_files import spreadsheet_cell

    assert spreadsheet_cell(value) == written


# ---- 7: output files checked first, replaced at once -------------------------------------------------------
def test_output_files_are_checked_before_anything_is_written(tmp_path):
    from grid_plugin.core.output_files import check_output_file

    with pytest.raises(GridInputError, match="is the folder"):
        check_output_file(str(tmp_path), "REJECTS")
    with pytest.raises(GridInputError, match="must be a .csv file"):
        check_output_file(str(tmp_path / "rejects.xlsx"), "REJECTS")
    (tmp_path / "a_file").write_text("x")
    with pytest.raises(GridInputError, match="cannot take a new file"):
        check_output_file(str(tmp_path / "a_file" / "rejects.csv"), "REJECTS")
    made = check_output_file(str(tmp_path / "new" / "folder" / "rejects.csv"), "REJECTS")
    assert made.parent.is_dir() and not made.exists() and list(made.parent.iterdir()) == []


def test_a_staged_file_replaces_its_target_or_leaves_it(tmp_path, monkeypatch):
    from grid_plugin.core import output_files
    from grid_plugin.core.output_files import StagedFile

    target = tmp_path / "rejects.csv"
    target.write_text("old")
    staged = StagedFile(target)
    staged.write(lambda handle: handle.write("new"), encoding="utf-8")
    staged.put_in_place()
    assert target.read_text() == "new"
    staged.undo()  # the commit failed
    assert target.read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["rejects.csv"]

    staged = StagedFile(target)
    staged.write(lambda handle: handle.write("new"), encoding="utf-8")
    staged.put_in_place()
    staged.keep()
    assert target.read_text() == "new" and sorted(p.name for p in tmp_path.iterdir()) == ["rejects.csv"]

    calls = []

    def failing_replace(source, destination):
        calls.append(destination)
        if len(calls) == 2:
            raise PermissionError("locked")
        os.rename(source, destination)

    monkeypatch.setattr(output_files.os, "replace", failing_replace)
    staged = StagedFile(target)
    staged.write(lambda handle: handle.write("newer"), encoding="utf-8")
    with pytest.raises(PermissionError):
        staged.put_in_place()
    staged.undo()
    assert target.read_text() == "new" and sorted(p.name for p in tmp_path.iterdir()) == ["rejects.csv"]


def test_times_parsed_vectorised_keep_their_answers_with_the_window():
    """The window check is on the numpy times: a column of a million fast values stays one array pass
    (here: the answers agree with parse_time, row by row, on a year of hours)."""
    from grid_plugin.core.cases.times import TimeWindow

    hours = np.arange(np.datetime64("2024-01-01T00"), np.datetime64("2025-01-01T00"))
    values = [str(h).replace("T", " ") + ":00:00" for h in hours]
    out, bad = parse_time_column(values, SHANGHAI, TimeWindow(1990, 2030))
    assert bad == [] and out == [parse_time(v, SHANGHAI) for v in values]
