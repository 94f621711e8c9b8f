import csv
import subprocess
import sys
from pathlib import Path

import pytest

from grid_plugin.core.components.classes import (
    GEOMETRY_KINDS,
    ClassTable,
    geometry_kind,
    get_scheme,
    normalise_class_code,
    normalise_name,
)
from grid_plugin.core.errors import GridInputError

REPO = Path(__file__).resolve().parents[2]
CLASSES = REPO / "resources" / "classes"
REFERENCE = REPO.parent / "shared" / "reference"
TABLE_FILES = ("components_gbt47678.csv", "components_gbt30428.csv", "events_gbt47678.csv", "events_gbt30428.csv")


@pytest.fixture(scope="module")
def new() -> ClassTable:
    return ClassTable.load("gbt47678", CLASSES)


@pytest.fixture(scope="module")
def legacy() -> ClassTable:
    return ClassTable.load("gbt30428", CLASSES)


def fresh_new() -> ClassTable:
    return ClassTable.load("gbt47678", CLASSES)


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# ---- the generated tables ----------------------------------------------------------------------
def test_tables_have_the_expected_classes(new, legacy):
    assert (new.scheme.id, new.code_length, new.id_length) == ("gbt47678", 5, 17)
    assert (legacy.scheme.id, legacy.code_length, legacy.id_length) == ("gbt30428", 4, 16)
    assert len(new) == 153  # standards.md §2.5: 76 + 44 + 16 + 14 + 3
    assert [sum(1 for e in new if e.major_code == m) for m in ("01", "02", "03", "04", "05")] == [76, 44, 16, 14, 3]
    assert len(legacy) == 81  # 80 national-legacy rows + the 0110 gap fill
    assert len(ClassTable.load("gbt47678", CLASSES, kind="events")) == 250
    assert len(ClassTable.load("gbt30428", CLASSES, kind="events")) == 15
    assert "01016" not in new and "05001" not in new  # absent in the standard's table
    assert set(legacy.majors()) == {"01", "02", "03", "04", "05", "06"}  # no local extension major 21
    assert legacy.majors()["01"] == ("公用设施", "Public utilities")


def test_legacy_table_takes_the_national_rows_and_fills_0110(legacy):
    assert legacy.get("0101").name_zh == "上水井盖"
    assert legacy.get("0114").name_zh == "无主井盖"  # national name, not Chaoyang's 不明井盖
    assert legacy.get("0117").name_zh == "立杆"  # not Chaoyang's 电杆
    gap = legacy.get("0110")
    assert gap.name_zh == "热力井盖" and gap.major_name_zh == "公用设施"
    assert "gap fill" in gap.confidence


def test_every_component_anomaly_matter_shares_the_component_code(new):
    events = ClassTable.load("gbt47678", CLASSES, kind="events")
    anomalies = [e for e in events if e.major_code in {"01", "02", "03", "04", "05"}]
    assert {e.code for e in anomalies} == {e.code for e in new}
    assert events.get("01037").name_en == "Street lamp anomaly"
    assert events.get("09009").name_zh == "机动车乱停放"


@pytest.mark.parametrize("name", TABLE_FILES)
def test_table_files_are_well_formed(name):
    with (CLASSES / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames) == (
            "class_code", "major_code", "major_name_zh", "major_name_en", "name_zh", "name_en",
            "geometry_types", "confidence", "source",
        )
        rows = list(reader)
    length = get_scheme(name.split("_")[1][:-4]).code_length
    assert [r["class_code"] for r in rows] == sorted(r["class_code"] for r in rows)
    for row in rows:
        assert len(row["class_code"]) == length and row["class_code"].isascii() and row["class_code"].isdigit()
        assert row["class_code"].startswith(row["major_code"])
        assert row["name_zh"] and row["name_en"] and row["major_name_en"] and row["source"] and row["confidence"]
        assert set(row["geometry_types"].split("|")) <= set(GEOMETRY_KINDS)
    names = [normalise_name(r[k]) for r in rows for k in ("name_zh", "name_en")]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("供水井盖", ("point",)), ("路灯", ("point",)), ("电力立杆", ("point",)), ("消防设施", ("point",)),
        ("行道树", ("point",)), ("道路信息显示屏", ("point",)), ("交通护栏", ("line",)),
        ("防汛墙", ("line",)), ("露天燃气管道", ("line",)), ("跨河桥", ("line", "polygon")),
        ("停车场", ("polygon",)), ("绿地", ("polygon",)), ("公共厕所", ("point", "polygon")),
    ],
)
def test_geometry_defaults(new, name, kinds):
    assert new.resolve(name).geometry_types == kinds


def test_make_classes_is_reproducible(tmp_path):
    subprocess.run(
        [sys.executable, str(CLASSES / "make_classes.py"), str(REFERENCE), "--out", str(tmp_path)],
        check=True, capture_output=True,
    )
    for name in TABLE_FILES:
        assert (tmp_path / name).read_bytes() == (CLASSES / name).read_bytes(), name


# ---- resolving codes ---------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["01037", " 01037 ", 1037, 1037.0, "1037.0", "０１０３７", "\u300001037"])
def test_codes_are_normalised(new, value):
    assert new.resolve(value).name_zh == "路灯"


def test_numbers_are_padded_to_the_scheme_length(new, legacy):
    assert normalise_class_code(101, "gbt30428") == "0101"
    assert normalise_class_code(101, "gbt47678") == "00101"
    assert legacy.resolve(101).name_zh == "上水井盖"
    assert new.resolve(1001).name_zh == "供水井盖"
    assert new.lookup(1037.5).problem == "unknown_name"


def test_codes_of_the_other_scheme_are_named_as_such(new, legacy):
    found = new.lookup("0101")
    assert found.problem == "other_scheme" and found.entry is None
    assert "GB/T 30428.2-2013" in str(found.message)
    assert legacy.lookup("01001").problem == "other_scheme"
    with pytest.raises(GridInputError, match="belongs to the GB/T 47678.5-2026 scheme"):
        legacy.resolve("01001")


def test_unknown_codes_and_empty_values(new):
    assert new.lookup("99999").problem == "unknown_code"
    assert new.lookup("01016").problem == "unknown_code"
    assert new.lookup(None).problem == "empty"
    assert new.lookup("  ").problem == "empty"
    with pytest.raises(GridInputError, match="unknown class code '99999'"):
        new.resolve("99999")


# ---- resolving names ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("路灯", "01037"), (" 路灯 ", "01037"), ("Street lamp", "01037"), ("  street   LAMP ", "01037"),
        ("ＳＴＲＥＥＴ ＬＡＭＰ", "01037"),  # full-width letters and space
        ("输油（气）井盖", "01021"), ("输油(气)井盖", "01021"),  # full-width and ASCII brackets
        ("紧急报警点ＳＯＳ", "01066"), ("Emergency call point (SOS)", "01066"),
        ("停车场", "02001"), ("parking lot", "02001"),
    ],
)
def test_names_match_after_normalisation(new, value, code):
    assert new.resolve(value).code == code


@pytest.mark.parametrize("value", ["路灯杆", "井盖", "街灯", "Street lamps", "streetlamp", "路 灯", "Parking"])
def test_unknown_names_are_not_guessed(new, value):
    found = new.lookup(value)
    assert found.entry is None and found.problem == "unknown_name"
    assert found.message.params == {"value": value, "scheme": "GB/T 47678.5-2026"}  # nothing suggested
    with pytest.raises(GridInputError, match="unknown class"):
        new.resolve(value)


def test_legacy_names_with_ascii_brackets_match_full_width_input(legacy):
    assert legacy.resolve("变压器（箱）").code == "0134"
    assert legacy.resolve("Transformer (box)").code == "0134"


# ---- geometry kinds ----------------------------------------------------------------------------
def test_allows_geometry_kinds(new):
    lamp = new.resolve("路灯")
    assert new.allows(lamp, "point") and new.allows(lamp, "MultiPoint") and lamp.allows("PointZ")
    assert not new.allows(lamp, "Polygon")
    assert new.allows("停车场", "MultiPolygon") and not new.allows("停车场", "point")
    assert new.allows("02017", "LineString") and not new.allows("02017", "point")
    assert geometry_kind("Line") == "line"
    with pytest.raises(ValueError, match="not a geometry kind"):
        new.allows(lamp, "raster")


# ---- user classes ------------------------------------------------------------------------------
def test_user_csv_overrides_and_adds_extension_major_21(tmp_path):
    table = fresh_new()
    path = write_csv(tmp_path / "local.csv", (
        "class_code,major_name_zh,major_name_en,name_zh,name_en,geometry_types\n"
        "02001,,,,,point|polygon\n"                     # only the geometry kinds change
        "01037,,,路灯（市管）,,\n"                       # a local name for a national class
        "21001,扩展部件,Local extension,主干道,Main road,line|polygon\n"
        "21002,,,地铁出入口,,\n"                          # major names come from 21001
        "\n"
    ))
    changed = table.load_user_csv(path)
    assert [e.code for e in changed] == ["02001", "01037", "21001", "21002"]
    parking = table.resolve("02001")
    assert parking.geometry_types == ("point", "polygon")
    assert parking.name_zh == "停车场" and parking.confidence.startswith("single-source")
    assert table.resolve("路灯(市管)").code == "01037"
    assert table.lookup("路灯").problem == "unknown_name"  # the old name is gone with the override
    assert table.resolve("Street lamp").code == "01037"
    road = table.resolve("main road")
    assert (road.code, road.major_code, road.major_name_zh) == ("21001", "21", "扩展部件")
    entrance = table.resolve("地铁出入口")
    assert entrance.major_name_en == "Local extension"
    assert entrance.geometry_types == GEOMETRY_KINDS and entrance.source == "local.csv"
    assert table.majors()["21"] == ("扩展部件", "Local extension")
    assert len(table) == 155


def test_extend_with_rows_in_memory_for_the_legacy_scheme(legacy):
    table = ClassTable.load("gbt30428", CLASSES)
    table.extend([
        {"class_code": 2101, "major_code": 21, "major_name_zh": "扩展部件(地方)", "name_zh": "防蚊闸"},
        {"class_code": "2137", "name_zh": "线状花架花钵", "name_en": "Linear planter", "geometry_types": "line"},
    ])
    assert table.resolve(2101).name_zh == "防蚊闸"
    assert table.resolve("linear planter").geometry_types == ("line",)
    assert table.resolve("2137").major_name_zh == "扩展部件(地方)"
    assert len(table) == len(legacy) + 2


def test_user_csv_in_gb18030_with_semicolons(tmp_path):
    table = fresh_new()
    path = write_csv(tmp_path / "excel.csv", "class_code;name_zh\r\n21003;口岸\r\n", encoding="gb18030")
    table.load_user_csv(path)
    assert table.resolve("口岸").code == "21003"


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        ("class_code,name_zh\n21001,甲\n2101,乙\n", 3, "has 4 digits and belongs to the GB/T 30428.2-2013 scheme"),
        ("class_code,name_zh\n21A01,甲\n", 2, "must be 5 ASCII digits"),
        ("class_code,name_zh\n21000,甲\n", 2, "neither of them zero"),
        ("class_code,name_zh\n,甲\n", 2, "the class_code cell is empty"),
        ("class_code,name_zh\n21001,\n", 2, "is new and has no name; fill name_zh or name_en"),
        ("class_code,name_zh,geometry_types\n21001,甲,area\n", 2, "geometry_types 'area' is not a list"),
        ("class_code,major_code,name_zh\n21001,22,甲\n", 2, "major_code '22' differs"),
        ("class_code,name_zh\n21001,甲\n21001,乙\n", 3, "also on line 2"),
        ("class_code,name_zh\n21001,路灯\n", 2, "class name '路灯' is also the name of class 01037"),
        ("code,name\n21001,甲\n", 1, "the header has no class_code column"),
    ],
)
def test_malformed_user_rows_name_the_line_and_the_fix(tmp_path, body, line, fragment):
    table = fresh_new()
    path = write_csv(tmp_path / "bad.csv", body)
    with pytest.raises(GridInputError) as caught:
        table.load_user_csv(path)
    text = str(caught.value)
    assert text.startswith(f"bad.csv, line {line}: "), text
    assert fragment in text
    assert len(table) == 153 and table.resolve("路灯").code == "01037"  # nothing applied


def test_extend_numbers_rows_in_memory_from_one(new):
    table = fresh_new()
    with pytest.raises(GridInputError, match=r"^user classes, line 2: class code '0101'"):
        table.extend([{"class_code": "21001", "name_zh": "甲"}, {"class_code": "0101", "name_zh": "乙"}])
    assert "21001" not in table
