"""CSV input without QGIS: grid_plugin.core.components.tables (UTF-8 with/without BOM, GBK/GB18030, delimiters).

Row numbers, as observed: `rows()` numbers the CSV *records* after the header from 1. A blank line is
skipped but still takes its number, so without quoted line breaks a row's number is its line number
minus one (the rejects file then points at the right line). A quoted field with line breaks is one record
and takes one number, so after it numbers are records, no longer lines.
"""

from pathlib import Path

import pytest

from grid_plugin.core.cases.records import CaseParser, resolve_field_map
from grid_plugin.core.components import tables as tables_module
from grid_plugin.core.components.tables import ENCODINGS, read_csv
from grid_plugin.core.errors import GridInputError

REPO = Path(__file__).resolve().parents[2]
SAMPLE_CSV = REPO / "resources" / "sample" / "sample_cases.csv"

HEADER = "案件编号,问题描述,地址,上报时间,经度,纬度"
CHINESE_ROWS = [
    ["AJ001", "井盖破损，需处理", "示例区翠渠街道文昌一巷30号", "2025/3/1 8:05", "116.4081693", "39.9109734"],
    ["AJ002", "共享单车乱停放；影响通行", "示例区明湖街道槐荫大街333号", "2025年3月2日 09:30:00",
     "116.4099109", "39.9211175"],
    ["AJ003", "䶮𠀀 GB18030 四字节字", "示例区荷风社区", "20250303101500", "116.3785448", "39.9252324"],
]


def write_text(tmp_path, text, encoding="utf-8", name="cases.csv"):
    """A file with exactly this text (no newline translation) in the encoding."""
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def write_bytes(tmp_path, data, name="cases.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def chinese_csv(delimiter=",", newline="\n", rows=CHINESE_ROWS):
    lines = [HEADER.replace(",", delimiter)] + [delimiter.join(row) for row in rows]
    return newline.join(lines) + newline


def read_rows(path, encoding="auto"):
    return list(read_csv(path, encoding).rows())


def error_of(path, encoding="auto"):
    with pytest.raises(GridInputError) as caught:
        read_csv(path, encoding)
    return caught.value


# ---- encodings --------------------------------------------------------------------------------------
def test_gbk_is_detected_as_gb18030_and_read_intact(tmp_path):
    rows = CHINESE_ROWS[:2]  # GBK has no four-byte characters
    path = write_text(tmp_path, chinese_csv(rows=rows), "gbk")
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the test file really is not UTF-8
    table = read_csv(path)
    assert table.encoding == "gb18030"
    assert table.delimiter == ","
    assert table.fields == HEADER.split(",")
    assert [values for _, values in table.rows()] == [dict(zip(table.fields, row)) for row in rows]
    assert [number for number, _ in table.rows()] == [1, 2]


def test_gb18030_four_byte_characters(tmp_path):
    path = write_text(tmp_path, chinese_csv(), "gb18030")
    table = read_csv(path)
    assert table.encoding == "gb18030"
    assert [values["问题描述"] for _, values in table.rows()] == [row[1] for row in CHINESE_ROWS]


def test_explicit_gb18030(tmp_path):
    path = write_text(tmp_path, chinese_csv(), "gb18030")
    table = read_csv(path, "gb18030")
    assert table.encoding == "gb18030"
    assert table.fields == HEADER.split(",")


def test_utf8_on_gbk_bytes_raises(tmp_path):
    path = write_text(tmp_path, chinese_csv(rows=CHINESE_ROWS[:2]), "gbk")
    err = error_of(path, "utf-8")
    assert err.message.params["path"] == str(path)
    assert err.message.params["at"] == 0  # the header's first character is already GBK
    assert "not UTF-8" in err.message.template
    assert "GBK" in err.message.template


def test_utf8_error_names_the_first_bad_byte(tmp_path):
    data = "case_id,经度\n".encode() + "A1,井盖".encode("gbk") + b"\n"
    path = write_bytes(tmp_path, data)
    err = error_of(path, "utf-8")
    assert err.message.params["at"] == len("case_id,经度\nA1,".encode())


@pytest.mark.parametrize("encoding", ["auto", "utf-8"])
def test_utf8(tmp_path, encoding):
    path = write_text(tmp_path, chinese_csv(), "utf-8")
    table = read_csv(path, encoding)
    assert table.encoding == "utf-8"
    assert [values["问题描述"] for _, values in table.rows()] == [row[1] for row in CHINESE_ROWS]


@pytest.mark.parametrize("encoding", ["auto", "utf-8"])
def test_utf8_with_bom_has_a_clean_first_field(tmp_path, encoding):
    path = write_text(tmp_path, chinese_csv(), "utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    table = read_csv(path, encoding)
    assert table.encoding == "utf-8"
    assert table.fields[0] == "案件编号"
    assert not table.text.startswith("\ufeff")
    assert [values["案件编号"] for _, values in table.rows()] == ["AJ001", "AJ002", "AJ003"]
    assert resolve_field_map(table.fields, {})["case_id"] == "案件编号"


def test_neither_utf8_nor_gb18030(tmp_path):
    path = write_bytes(tmp_path, b"a,b\n\xff\xfe\x00\x81\n")
    err = error_of(path)
    assert "neither UTF-8 nor GBK/GB18030" in err.message.template
    assert err.message.params["path"] == str(path)


@pytest.mark.parametrize("encoding", ["gbk", "latin-1", "utf-16"])
def test_unsupported_encoding(tmp_path, encoding):
    path = write_text(tmp_path, "a,b\n1,2\n")
    err = error_of(path, encoding)
    assert err.message.params["encoding"] == encoding
    assert err.message.params["choices"] == ", ".join(ENCODINGS)


# ---- delimiters and quoting -----------------------------------------------------------------------
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiter_is_detected(tmp_path, delimiter):
    path = write_text(tmp_path, chinese_csv(delimiter))
    table = read_csv(path)
    assert table.delimiter == delimiter
    assert table.fields == HEADER.split(",")
    # the other delimiters inside values stay text (AJ001 has '，', AJ002 '；', both full-width)
    assert [values for _, values in table.rows()] == [dict(zip(table.fields, row)) for row in CHINESE_ROWS]


def test_semicolon_file_keeps_decimal_commas_in_values(tmp_path):
    path = write_text(tmp_path, "编号;经度;纬度;备注\nA1;116,4;39,9;a, b, c\n")
    table = read_csv(path)
    assert table.delimiter == ";"
    assert read_rows(path) == [(1, {"编号": "A1", "经度": "116,4", "纬度": "39,9", "备注": "a, b, c"})]


def test_tab_file_with_commas_in_values(tmp_path):
    path = write_text(tmp_path, "编号\t描述\nA1\t井盖,破损,严重\n")
    assert read_csv(path).delimiter == "\t"
    assert read_rows(path) == [(1, {"编号": "A1", "描述": "井盖,破损,严重"})]


def test_quoted_fields_with_commas_quotes_and_newlines(tmp_path):
    text = ('case_id,description,address\n'
            'A1,"井盖破损, 需处理","文昌一巷30号"\n'
            'A2,"第一行\n第二行\n第三行","说 ""大铁匠"" 胡同"\n'
            'A3,plain,"a,b"\n')
    path = write_text(tmp_path, text)
    rows = read_rows(path)
    assert rows == [
        (1, {"case_id": "A1", "description": "井盖破损, 需处理", "address": "文昌一巷30号"}),
        (2, {"case_id": "A2", "description": "第一行\n第二行\n第三行", "address": '说 "大铁匠" 胡同'}),
        (3, {"case_id": "A3", "description": "plain", "address": "a,b"}),  # a record number, not a line number
    ]


def test_crlf_line_ends(tmp_path):
    path = write_text(tmp_path, chinese_csv(newline="\r\n"))
    table = read_csv(path)
    assert table.fields == HEADER.split(",")  # no '\r' left on the last field name
    rows = list(table.rows())
    assert [number for number, _ in rows] == [1, 2, 3]
    assert rows[0][1]["纬度"] == "39.9109734"
    assert table.row_count() == 3


def test_quoted_crlf_inside_a_field(tmp_path):
    path = write_text(tmp_path, 'a,b\r\n1,"x\r\ny"\r\n2,z\r\n')
    assert read_rows(path) == [(1, {"a": "1", "b": "x\r\ny"}), (2, {"a": "2", "b": "z"})]


# ---- header ---------------------------------------------------------------------------------------------
def test_header_names_are_trimmed(tmp_path):
    path = write_text(tmp_path, " 案件编号 , 经度,纬度 \nA1,116.4,39.9\n")
    table = read_csv(path)
    assert table.fields == ["案件编号", "经度", "纬度"]
    assert read_rows(path) == [(1, {"案件编号": "A1", "经度": "116.4", "纬度": "39.9"})]


@pytest.mark.parametrize(("header", "names"), [
    ("a,b,a", "a"),
    ("经度,纬度,经度,纬度", "纬度, 经度"),  # sorted (by code point)
    ("a, b,b ", "b"),  # equal after trimming
    ("a;b;a", "a"),
])
def test_duplicate_header_names_raise(tmp_path, header, names):
    path = write_text(tmp_path, header + "\n1,2,3,4\n")
    err = error_of(path)
    assert err.message.params["names"] == names
    assert err.message.params["path"] == str(path)
    assert "twice" in err.message.template


@pytest.mark.parametrize("data", [b"", b"\n", b"\r\n", b"\xef\xbb\xbf", b"\n1,2\n", b",,\n1,2,3\n", b" ; \n"])
def test_empty_file_or_header_raises(tmp_path, data):
    path = write_bytes(tmp_path, data)
    err = error_of(path)
    assert "no header row" in err.message.template
    assert err.message.params["path"] == str(path)


def test_header_only(tmp_path):
    path = write_text(tmp_path, "case_id,lon,lat\n")
    table = read_csv(path)
    assert table.fields == ["case_id", "lon", "lat"]
    assert list(table.rows()) == []
    assert table.row_count() == 0


def test_single_column(tmp_path):
    path = write_text(tmp_path, "编号\nA1\nA2\n")
    table = read_csv(path)
    assert table.fields == ["编号"]
    assert read_rows(path) == [(1, {"编号": "A1"}), (2, {"编号": "A2"})]


# ---- rows and their numbers ---------------------------------------------------------------------------
def test_row_numbers_start_at_one_and_skip_nothing(tmp_path):
    path = write_text(tmp_path, "n\n" + "".join(f"r{i}\n" for i in range(1, 101)))
    rows = read_rows(path)
    assert [number for number, _ in rows] == list(range(1, 101))
    assert [values["n"] for _, values in rows] == [f"r{i}" for i in range(1, 101)]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_blank_line_is_skipped_but_keeps_its_number(tmp_path, newline):
    text = newline.join(["a,b", "1,x", "2,y", "", "3,z", "", "", "4,w"]) + newline
    rows = read_rows(write_text(tmp_path, text))
    assert [values["a"] for _, values in rows] == ["1", "2", "3", "4"]
    # numbers follow the lines: line n of the file (header = line 1) is row n - 1
    assert [number for number, _ in rows] == [1, 2, 4, 7]
    lines = text.split(newline)
    for number, values in rows:
        assert lines[number] == f"{values['a']},{values['b']}"


def test_row_of_empty_values_is_kept(tmp_path):
    # only a truly empty line is blank; a line of delimiters is a row of empty values (rejected later)
    rows = read_rows(write_text(tmp_path, "a,b\n,\n1,2\n"))
    assert rows == [(1, {"a": "", "b": ""}), (2, {"a": "1", "b": "2"})]


def test_short_and_long_rows(tmp_path):
    rows = read_rows(write_text(tmp_path, "a,b,c\n1,2\n1,2,3,4\n"))
    assert rows == [(1, {"a": "1", "b": "2"}), (2, {"a": "1", "b": "2", "c": "3"})]


def columns_by_rows(table, wanted):
    """columns() as rows() gives them: the reference (missing cells are empty)."""
    rows = list(table.rows())
    return {name: [values.get(name, "") for _, values in rows] for name in wanted}, [n for n, _ in rows]


@pytest.mark.parametrize("chunk_rows", [1, 3, 100_000])
@pytest.mark.parametrize("text", [
    "a,b,c\n1,2,3\n4,5,6\n7,8,9\n10,11,12\n",  # even rows: the transposing path
    "a,b,c\n1,2,3\n\n4,5,6\n1,2\n7,8,9,10\n,,\n11,12,13\n",  # blank, short and long rows
    "a,b,c\n1,2\n3\n",  # every row short
])
def test_columns_agree_with_rows(tmp_path, monkeypatch, chunk_rows, text):
    monkeypatch.setattr(tables_module, "_CHUNK_ROWS", chunk_rows)
    table = read_csv(write_text(tmp_path, text))
    for wanted in (["a", "b", "c"], ["c", "a"], ["b"]):
        found = table.columns(wanted)
        expected, numbers = columns_by_rows(table, wanted)
        assert {name: list(values) for name, values in found.columns.items()} == expected
        assert found.rows.tolist() == numbers


def test_columns_share_repeated_values(tmp_path):
    text = "id,status\n" + "".join(f"{i},已结案\n" for i in range(50))
    found = read_csv(write_text(tmp_path, text)).columns(["id", "status"], shared=["status"])
    statuses = found.columns["status"]
    assert statuses == ["已结案"] * 50 and len({id(v) for v in statuses}) == 1  # one object, not fifty
    assert len({id(v) for v in found.columns["id"]}) == 50


def test_last_row_without_newline(tmp_path):
    rows = read_rows(write_text(tmp_path, "a,b\n1,2\n3,4"))
    assert rows == [(1, {"a": "1", "b": "2"}), (2, {"a": "3", "b": "4"})]


def test_rows_can_be_read_twice(tmp_path):
    table = read_csv(write_text(tmp_path, chinese_csv()))
    assert list(table.rows()) == list(table.rows())


def test_row_count_with_final_newline(tmp_path):
    assert read_csv(write_text(tmp_path, chinese_csv())).row_count() == 3
    assert read_csv(write_text(tmp_path, chinese_csv(newline="\r\n"))).row_count() == 3


def test_row_count_without_final_newline(tmp_path):
    """The import reports 'N rows in file' from row_count(); a last line without a line break is a row too."""
    table = read_csv(write_text(tmp_path, "a,b\n1,2\n3,4"))
    assert len(list(table.rows())) == 2
    assert table.row_count() == 2


# ---- the sample and the parser ---------------------------------------------------------------------
def test_sample_csv():
    table = read_csv(SAMPLE_CSV)
    assert table.encoding == "utf-8"
    assert table.delimiter == ","
    assert table.fields[:2] == ["case_id", "source"]
    rows = list(table.rows())
    assert len(rows) == 5358
    assert table.row_count() == 5358
    assert rows[0] == (1, dict(zip(table.fields, [
        "AJ2025000001", "公众举报", "事件", "09011", "共享单车乱象", "文昌一巷共享单车乱停放",
        "示例区翠渠街道枫林社区文昌一巷30号", "2025-01-01T21:23:35+08:00", "已结案", "2025-01-01T22:06:09+08:00",
        "2025-01-01T22:36:11+08:00", "2025-01-02T00:46:12+08:00", "2025-01-02T02:35:13+08:00",
        "2025-01-04T22:06:09+08:00", "交通", "0", "0", "否", "116.4081693", "39.9109734"], strict=True)))
    # the full-width comma inside a description is text, not a delimiter
    assert rows[3][1]["description"] == "大西瓜胡同机动车乱停放，影响通行"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
def test_sample_reencoded_reads_the_same(tmp_path, encoding):
    original = read_csv(SAMPLE_CSV)
    path = write_text(tmp_path, original.text, encoding)
    again = read_csv(path)
    assert again.encoding == ("gb18030" if encoding == "gbk" else "utf-8")
    assert again.fields == original.fields
    assert list(again.rows()) == list(original.rows())


def test_gbk_file_through_the_parser(tmp_path):
    path = write_text(tmp_path, chinese_csv(rows=CHINESE_ROWS[:2]) + "AJ004,无坐标,某地,2025/3/4 10:00,,\n", "gbk")
    table = read_csv(path)
    parser = CaseParser(resolve_field_map(table.fields, {}))
    parsed = parser.parse(table.rows(), total=table.row_count())
    assert parsed.read == 3
    assert parsed.records.case_ids == ["AJ001", "AJ002"]
    assert parsed.records.values["description"] == ["井盖破损，需处理", "共享单车乱停放；影响通行"]
    assert parsed.records.values["address"][0] == "示例区翠渠街道文昌一巷30号"
    assert [(r.row, r.case_id) for r in parsed.rejects] == [(3, "AJ004")]
    assert "no coordinates" in parsed.rejects[0].reason.template


def test_reject_row_numbers_point_at_lines_after_a_blank_line(tmp_path):
    text = ("case_id,reported_at,lon,lat\n"
            "A1,2025-03-01 08:00,116.40,39.91\n"
            "\n"
            "A3,,116.40,39.91\n"
            "A4,2025-03-01 08:00,116.40,39.91\n")
    path = write_text(tmp_path, text)
    table = read_csv(path)
    parsed = CaseParser(resolve_field_map(table.fields, {})).parse(table.rows())
    assert parsed.read == 3  # the blank line is not a row read
    assert [(r.row, r.case_id) for r in parsed.rejects] == [(3, "A3")]
    assert text.splitlines()[3].startswith("A3,")
    assert parsed.records.rows.tolist() == [1, 4]
