import random
from pathlib import Path

import pytest

from grid_plugin.core.components.classes import ClassTable
from grid_plugin.core.components.component_ids import (
    MALFORMED,
    OTHER_DISTRICT,
    OTHER_SCHEME,
    UNKNOWN_CLASS,
    VALID,
    ComponentId,
    assign_ids,
    check_component_id,
    detect_scheme,
    format_component_id,
    normalise_id,
    parse_component_id,
)
from grid_plugin.core.errors import GridInputError

CLASSES = Path(__file__).resolve().parents[2] / "resources" / "classes"
D = "110101"  # 东城区


@pytest.fixture(scope="module")
def new() -> ClassTable:
    return ClassTable.load("gbt47678", CLASSES)


@pytest.fixture(scope="module")
def legacy() -> ClassTable:
    return ClassTable.load("gbt30428", CLASSES)


def lamp(serial: int, district: str = D) -> str:
    return f"{district}01037{serial:06d}"


def cover(serial: int, district: str = D) -> str:
    return f"{district}01001{serial:06d}"


# ---- parse / format ----------------------------------------------------------------------------
def test_legacy_worked_example_parses(legacy):
    cid = parse_component_id("3205080101000001", legacy)
    assert cid == ComponentId("320508", "0101", 1)
    assert (cid.major_code, cid.minor_code, cid.scheme.id) == ("01", "01", "gbt30428")
    assert legacy.get(cid.class_code).name_zh == "上水井盖"
    assert str(cid) == "3205080101000001"
    assert ComponentId.parse(3205080101000001, "gbt30428") == cid  # a number is fine when exact


def test_new_scheme_id_parses_and_formats(new):
    cid = parse_component_id("11010101001000001", new, district=D)
    assert (cid.district, cid.class_code, cid.serial) == ("110101", "01001", 1)
    assert (cid.major_code, cid.minor_code, cid.scheme.id) == ("01", "001", "gbt47678")
    assert str(cid) == "11010101001000001"
    assert format_component_id(D, "01001", 1, new) == "11010101001000001"
    assert format_component_id(D, 1037, 999999, "gbt47678") == "11010101037999999"
    assert format_component_id("320508", "0101", 1, "gbt30428") == "3205080101000001"


@pytest.mark.parametrize(
    ("value", "status", "fragment"),
    [
        ("1101010100100000１", MALFORMED, "must be 17 ASCII digits"),  # a full-width digit
        ("11010101001000000", MALFORMED, "must be 17 ASCII digits"),  # serial 000000
        ("01010101001000001", MALFORMED, "must be 17 ASCII digits"),  # district with a leading zero
        ("11010100001000001", MALFORMED, "must be 17 ASCII digits"),  # major 00
        ("1101010100100001", OTHER_SCHEME, "has 16 digits and belongs to the GB/T 30428.2-2013 scheme"),
        ("110101010010000011", MALFORMED, "must be 17 ASCII digits"),
        ("1101010100a000001", MALFORMED, "must be 17 ASCII digits"),
        ("11010199999000001", UNKNOWN_CLASS, "class 99999 is not in the GB/T 47678.5-2026 class table"),
        ("11010201001000001", OTHER_DISTRICT, "starts with district 110102, not 110101"),
    ],
)
def test_invalid_ids_are_rejected_with_the_reason(new, value, status, fragment):
    assert check_component_id(value, new, district=D).status == status
    with pytest.raises(GridInputError, match=fragment):
        parse_component_id(value, new, district=D)


def test_without_a_table_only_the_layout_is_checked():
    assert check_component_id("11010199999000001", "gbt47678").status == VALID
    assert check_component_id(" 11010101001000001 ", "gbt47678").text == "11010101001000001"


def test_format_rejects_out_of_range_parts(new):
    for serial in (0, 1_000_000):
        with pytest.raises(GridInputError, match="outside 000001-999999"):
            format_component_id(D, "01001", serial, new)
    with pytest.raises(GridInputError, match="district code '11010'"):
        format_component_id("11010", "01001", 1, new)
    with pytest.raises(GridInputError, match="unknown class code '01016'"):
        format_component_id(D, "01016", 1, new)
    with pytest.raises(GridInputError, match="must be 5 ASCII digits"):
        format_component_id(D, "0101", 1, "gbt47678")


def test_numbers_and_scheme_detection():
    assert normalise_id(3205080101000001.0) == "3205080101000001"  # below 2**53: exact
    assert normalise_id(1.1010101001000001e16) != "11010101001000001"  # 17 digits do not survive a float
    assert check_component_id(1.1010101001000001e16, "gbt47678").status == MALFORMED
    assert detect_scheme("11010101001000001").id == "gbt47678"
    assert detect_scheme("3205080101000001").id == "gbt30428"
    assert detect_scheme("123") is None and detect_scheme("１１０１０１０１００１０００００１") is None


# ---- assignment --------------------------------------------------------------------------------
def test_new_ids_are_numbered_per_class(new):
    ids, report = assign_ids(D, ["路灯", "01001", "Street lamp", 1037], [None, "", None, None], new)
    assert ids == [lamp(1), cover(1), lamp(2), lamp(3)]
    assert report.new == [0, 1, 2, 3] and not report.kept and not report.problems


def test_next_serial_is_above_the_highest_used_and_gaps_stay_free(new):
    ids, report = assign_ids(D, ["路灯"] * 3, [lamp(5), None, lamp(2)], new)
    assert ids == [lamp(5), lamp(6), lamp(2)]
    assert report.kept == [0, 2] and report.new == [1]


def test_ids_are_stable_across_runs_with_features_added_removed_and_reordered(new):
    fids = [10, 11, 12, 13, 14]
    classes = ["路灯", "供水井盖", "路灯", "停车场", "路灯"]
    first, _ = assign_ids(D, classes, [None] * 5, new, feature_ids=fids)
    by_fid = dict(zip(fids, first))
    assert by_fid == {10: lamp(1), 11: cover(1), 12: lamp(2), 13: f"{D}02001000001", 14: lamp(3)}

    # run 2: feature 12 deleted, 20 and 15 added, the layer handed over in another order
    kept = [14, 11, 10, 13]
    fids2 = [*kept, 20, 15]
    classes2 = ["路灯", "供水井盖", "路灯", "停车场", "路灯", "供水井盖"]
    second, report = assign_ids(D, classes2, [by_fid[f] for f in kept] + [None, None], new, feature_ids=fids2)
    by_fid2 = dict(zip(fids2, second))
    assert all(by_fid2[f] == by_fid[f] for f in kept)
    assert by_fid2[20] == lamp(4) and by_fid2[15] == cover(2)
    assert lamp(2) not in second  # the deleted feature's serial is below the highest: never reused
    assert report.kept == [10, 11, 13, 14] and report.new == [15, 20]

    # run 3 on the same input in a shuffled order gives the same IDs per feature
    order = list(range(6))
    random.Random(4).shuffle(order)
    third, _ = assign_ids(D, [classes2[i] for i in order], [[*[by_fid[f] for f in kept], None, None][i] for i in order],
                          new, feature_ids=[fids2[i] for i in order])
    assert dict(zip([fids2[i] for i in order], third)) == by_fid2


def test_reserved_ids_keep_retired_serials_out_of_use(new):
    # lamp 3 was the highest and its feature was deleted; the store still knows the ID
    ids, _ = assign_ids(D, ["路灯", "路灯"], [lamp(1), None], new)
    assert ids[1] == lamp(2)
    ids, _ = assign_ids(D, ["路灯", "路灯"], [lamp(1), None], new, reserved_ids=[lamp(3)])
    assert ids[1] == lamp(4)


def test_duplicates_stay_on_the_lowest_feature_id(new):
    existing = [lamp(1), lamp(1), lamp(1), None]
    ids, report = assign_ids(D, ["路灯"] * 4, existing, new, feature_ids=[7, 3, 5, 9])
    assert ids == [None, lamp(1), None, lamp(2)]
    assert report.kept == [3] and report.duplicate == [5, 7] and report.unassigned == [5, 7]
    assert report.duplicate_of == {5: 3, 7: 3} and report.new == [9]

    ids, report = assign_ids(D, ["路灯"] * 4, existing, new, feature_ids=[7, 3, 5, 9], renumber_duplicates=True)
    assert ids == [lamp(3), lamp(1), lamp(2), lamp(4)]  # new serials in feature-id order: 5, 7, 9
    assert report.renumbered == [5, 7] and report.new == [9] and report.duplicate == [5, 7]
    assert not report.unassigned


def test_malformed_ids_are_reported_not_rewritten(new):
    existing = ["abc", "1101010103700000１", "110101010370000000", lamp(0), lamp(4)]
    ids, report = assign_ids(D, ["路灯"] * 5, existing, new)
    assert ids == [None, None, None, None, lamp(4)]
    assert report.malformed == [0, 1, 2, 3] and report.unassigned == [0, 1, 2, 3]
    assert report.values[1] == "1101010103700000１"

    ids, report = assign_ids(D, ["路灯"] * 5, existing, new, renumber_invalid=True)
    assert ids == [lamp(5), lamp(6), lamp(7), lamp(8), lamp(4)]
    assert report.renumbered == [0, 1, 2, 3] and report.malformed == [0, 1, 2, 3]


def test_other_district_and_other_scheme_are_reported_by_feature_id(new, legacy):
    existing = [lamp(7, "110102"), "1101010137000001", lamp(1)]
    ids, report = assign_ids(D, ["路灯"] * 3, existing, new, feature_ids=[30, 31, 32])
    assert ids == [None, None, lamp(1)]
    assert report.other_district == [30] and report.other_scheme == [31] and report.kept == [32]
    # another district's serial 7 does not push this district's numbering
    ids, _ = assign_ids(D, ["路灯"] * 3, existing, new, feature_ids=[30, 31, 32], renumber_invalid=True)
    assert ids == [lamp(2), lamp(3), lamp(1)]

    # the other way round: a legacy layer holding new-scheme IDs
    ids, report = assign_ids(D, ["上水井盖", "0101"], ["11010101001000001", None], legacy)
    assert report.other_scheme == [0] and ids == [None, "1101010101000001"]


def test_class_part_must_match_the_feature_class(new):
    existing = [cover(9), None, "11010199999000001"]
    ids, report = assign_ids(D, ["路灯", "供水井盖", "路灯"], existing, new)
    assert report.class_mismatch == [0, 2] and ids[0] is None and ids[2] is None
    assert ids[1] == cover(10)  # serial 9 of class 01001 is in use on feature 0


def test_features_of_unknown_class_get_no_id(new):
    ids, report = assign_ids(D, ["路灯杆", None, "路灯"], [lamp(3), None, None], new, renumber_invalid=True)
    assert ids == [None, None, lamp(4)]  # lamp 3 is still in use on feature 0
    assert report.unknown_class == [0, 1] and report.unassigned == [0, 1]


def test_serial_overflow_raises_with_the_features(new):
    with pytest.raises(GridInputError, match="no serial left") as caught:
        assign_ids(D, ["路灯", "路灯", "供水井盖"], [lamp(999999), None, None], new, feature_ids=[1, 2, 3])
    assert caught.value.feature_ids == (2,)


def test_scheme_id_instead_of_a_table():
    ids, report = assign_ids("320508", ["0101", 101, "0102"], ["3205080101000004", None, None], "gbt30428")
    assert ids == ["3205080101000004", "3205080101000005", "3205080102000001"]
    _, report = assign_ids("320508", ["上水井盖"], [None], "gbt30428")
    assert report.unknown_class == [0]  # names need a table


def test_bad_district_and_mismatched_lists_are_refused(new):
    with pytest.raises(GridInputError, match="district code '１１０１０１'"):
        assign_ids("１１０１０１", ["路灯"], [None], new)
    with pytest.raises(ValueError, match="same length"):
        assign_ids(D, ["路灯"], [], new)
    with pytest.raises(ValueError, match="unique"):
        assign_ids(D, ["路灯", "路灯"], [None, None], new, feature_ids=[1, 1])


def test_report_messages_render(new):
    existing = [lamp(1), lamp(1), "x", lamp(1, "110102"), "1101010137000001", cover(1), None]
    classes = ["路灯", "路灯", "路灯", "路灯", "路灯", "路灯", "井盖"]
    _, report = assign_ids(D, classes, existing, new)
    texts = [str(m) for m in report.messages(district=D)]
    assert texts[0] == "component IDs: 1 kept, 0 new, 0 replaced, 6 left empty"
    assert set(report.problems) == {"duplicate", "malformed", "other_district", "other_scheme",
                                    "class_mismatch", "unknown_class"}
    assert texts[1].startswith("features 1: their ID is already held by a feature with a lower feature id")
    assert any("features 3: their ID starts with another district code than 110101" in t for t in texts)
    assert all("{" not in t for t in texts)
    translated = [m.render(lambda s: f"<{s}>") for m in report.messages(district=D)]
    assert translated[1].startswith("<features 1: <their ID is already held")  # nested messages translated too


def test_component_validation_finds_each_kind_by_feature_id():
    from grid_plugin.core.components.component_validation import validate_components

    table = ClassTable.load("gbt47678", CLASSES)
    ids = ["11010101001000001", "11010101001000001", "1101010100100000X", "1101010101000001",
           "11010201001000002", "11010101001000003", None, "11010101001000004"]
    classes = ["01001", "01001", "01001", "01001", "01001", "01002", "01001", "不存在的类"]
    recorded = ["110101001001001"] * 8
    located = ["110101001001001"] * 6 + [None, "110101001001002"]
    result = validate_components(list(range(1, 9)), ids, classes, recorded, located, table, "110101")
    found = {(p.kind, p.fid) for p in result.problems}
    assert found == {("duplicate_id", 1), ("duplicate_id", 2), ("malformed_id", 3), ("other_scheme", 4),
                     ("other_district", 5), ("class_mismatch", 6), ("missing_id", 7), ("outside_grids", 7),
                     ("unknown_class", 8), ("grid_mismatch", 8)}
    assert not result.passed and result.counts["duplicate_id"] == 2
    assert validate_components([1], ["11010101001000001"], ["01001"], ["110101001001001"],
                               ["110101001001001"], table, "110101").passed


# ---- class problems, as codecomponents logs them -------------------------------------------------------------
def test_class_problems_name_the_values_with_their_counts_and_the_fix(new):
    from grid_plugin.core.components.component_ids import class_problems

    values = ["供水井盖", "井盖子", "井盖子", "", None, "0101", "99999", "灯杆X", "井盖子", "01001"]
    fids = list(range(1, len(values) + 1))
    texts = [str(m) for m in class_problems(fids, [new.lookup(v) for v in values], new.scheme, "cls")]
    assert texts == [
        "Features 4, 5: empty class; they get no ID. Fill in the class field cls.",
        "Features 2, 3, 8, 9: unknown class name: '井盖子' × 3, '灯杆X' × 1; they get no ID. Write the class code or "
        "the name exactly as in the class table of GB/T 47678.5-2026, or add these classes in a CSV of your own "
        "classes (USER_CLASSES).",
        "Features 7: unknown class code: '99999' × 1; they get no ID. Correct the class field, or add these classes "
        "in a CSV of your own classes (USER_CLASSES).",
        "Features 6: class code of the other coding scheme: '0101' × 1; they get no ID. Choose the scheme of these "
        "codes (SCHEME), or give codes of GB/T 47678.5-2026.",
    ]
    many = [f"名称{k}" for k in range(12) for _ in range(12 - k)]
    text = str(class_problems(list(range(len(many))), [new.lookup(v) for v in many], new.scheme, "cls", limit=3)[0])
    assert text.startswith("Features 0, 1, 2 …: unknown class name: '名称0' × 12, '名称1' × 11,")
    assert "'名称9' × 3 and 2 more;" in text and "名称10" not in text
