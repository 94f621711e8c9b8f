"""core.addresses.addresses: normalising and parsing Chinese addresses, and matching more than 500 address
variants against the sample district's gazetteer, with precision and recall printed."""

from __future__ import annotations

import numpy as np
import pytest
from fiona import open as fiona_open

from grid_plugin.core.addresses.addresses import (
    AMBIGUOUS,
    MATCHED,
    UNMATCHED,
    AddressEntries,
    Gazetteer,
    NearestAddress,
    chinese_number,
    normalise,
    parse,
    similarity,
)
from tests.conftest import SAMPLE_GPKG

FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
CN_DIGITS = "零一二三四五六七八九"


@pytest.fixture(scope="module")
def sample_gazetteer() -> Gazetteer:
    with fiona_open(SAMPLE_GPKG, layer="addresses") as source:
        records = list(source)
    p = [r["properties"] for r in records]
    n = len(p)
    entries = AddressEntries(
        [x["address_code"] for x in p], [x["kind"] for x in p], [x["name"] or None for x in p],
        [x["full_address"] for x in p], [x["road"] or None for x in p], [x["number"] for x in p], [None] * n,
        ["示例区"] * n, [x["street_name"] for x in p], [x["community_name"] for x in p], [None] * n, [None] * n,
        [x["community_code"] for x in p], [None] * n,
        np.array([r["geometry"]["coordinates"][0] for r in records]),
        np.array([r["geometry"]["coordinates"][1] for r in records]))
    return Gazetteer(entries)


def test_normalising_full_width_traditional_numerals_and_remarks():
    assert normalise("示例区 安和大街１２號（槐荫菜市场附近）") == ("示例区安和大街12号", "槐荫菜市场")
    assert normalise("石碑衚衕三十号院")[0] == "石碑胡同30号院"
    assert chinese_number("一百零五") == 105 and chinese_number("二〇五") == 205 and chinese_number("十二") == 12


def test_parsing_the_parts_of_an_address():
    parts = parse("北京市东城区东华门街道多福巷社区东四十条甲12号院3号楼2单元301室")
    assert (parts.city, parts.district) == ("北京市", "东城区")
    assert (parts.street, parts.community) == ("东华门街道", "多福巷社区")
    assert (parts.road, parts.number_prefix, parts.number) == ("东四十条", "甲", 12)
    assert (parts.building, parts.unit, parts.room) == ("3", "2", "301")
    bare = parse("安和大街7号")
    assert (bare.district, bare.street, bare.road, bare.number) == ("", "", "安和大街", 7)
    assert parse("槐荫菜市场").road == "" and parse("槐荫菜市场").place == "槐荫菜市场"
    assert similarity("安和大街", "安和大接") == pytest.approx(2 / 3)


def variants(gazetteer: Gazetteer, count: int = 60, seed: int = 3) -> list[tuple[str, str | None, str]]:
    """(address, expected code or None, kind of variant): every kind of variation the issue names."""
    e = gazetteer.entries
    rng = np.random.default_rng(seed)
    doors = [i for i in range(len(e)) if e.numbers[i] is not None]
    pois = [i for i in range(len(e)) if e.names[i]]
    out: list[tuple[str, str | None, str]] = []
    for i in rng.choice(doors, count, replace=False).tolist():
        road, number, code = e.roads[i], int(e.numbers[i]), e.codes[i]
        street, community = e.street_names[i], e.community_names[i]
        full = e.full_addresses[i]
        out += [
            (full, code, "exact"),
            (full.translate(FULLWIDTH), code, "full-width digits"),
            (f"{road}{number}号", code, "road and number only"),
            (f"{street}{community}{road}{number}号", code, "no district"),
            (f"北京市示例区{road}{number}号", code, "city prefix"),
            (f"{road}{number}号院", code, "号院"),
            (f"{road}{number}号3号楼2单元301室", code, "building, unit, room"),
            (f" 示例区，{road} {number} 号 ", code, "spaces and punctuation"),
            (f"东城区{road}{number}号", code, "wrong district"),
        ]
        if number < 100:
            out.append((f"{road}{_chinese(number)}号", code, "Chinese numerals"))
        core = road[:-2] if road.endswith(("大街", "胡同")) else road[:-1]
        suffix = road[len(core):]
        swapped = {"大街": "街", "街": "大街", "路": "街", "胡同": "巷", "巷": "胡同"}.get(suffix)
        if swapped and core + swapped not in gazetteer.roads and len(gazetteer.by_core[core]) == 1:
            out.append((f"{core}{swapped}{number}号", code, "road suffix variant"))
        if len(core) >= 2:
            typo = core[:-1] + ("的" if core[-1] != "的" else "地") + suffix
            if typo not in gazetteer.roads:
                out.append((f"{street}{community}{typo}{number}号", code, "one character wrong"))
        largest = int(gazetteer.numbers_on_road[road].max())
        out.append((f"{road}{largest + 400}号", None, "non-existent number"))
    for i in pois:
        out += [(e.names[i], e.codes[i], "place name"), (f"（{e.names[i]}附近）", e.codes[i], "place name remark")]
    out += [("示例区不存在路8号", None, "unknown road"), ("", None, "empty"), ("火星大道1号", None, "unknown road")]
    return out


def _chinese(number: int) -> str:
    tens, ones = divmod(number, 10)
    return (("" if tens == 1 else CN_DIGITS[tens]) + "十" if tens else "") + (CN_DIGITS[ones] if ones else "") \
        if number >= 10 else CN_DIGITS[number]


def test_more_than_500_variants_match_with_high_precision_and_recall(sample_gazetteer, capsys):
    cases = variants(sample_gazetteer)
    assert len(cases) >= 500
    e = sample_gazetteer.entries
    true_positive = false_positive = false_negative = 0
    by_kind: dict[str, list[int]] = {}
    for text, expected, kind in cases:
        found = sample_gazetteer.match(text)
        got = e.codes[found.entry] if found.status == MATCHED else None
        if got is not None and got == expected:
            true_positive += 1
        elif got is not None:
            false_positive += 1
        if expected is not None and got != expected:
            false_negative += 1
        if expected is None:
            assert found.status in (UNMATCHED, AMBIGUOUS), (text, found)
            unknown = ("", "示例区不存在路8号", "火星大道1号")
            assert text in unknown or found.candidates, text  # reported with its candidates
        tally = by_kind.setdefault(kind, [0, 0])
        tally[0] += got == expected
        tally[1] += 1
    precision = true_positive / max(1, true_positive + false_positive)
    recall = true_positive / max(1, true_positive + false_negative)
    with capsys.disabled():
        print(f"\ngeocoding {len(cases)} variants: precision {precision:.3f}, recall {recall:.3f}")
        for kind, (right, total) in sorted(by_kind.items()):
            print(f"  {kind:24s} {right:4d} / {total:4d}")
    assert precision >= 0.99 and recall >= 0.95


def test_wrong_district_and_nearest_plate_are_noted_with_lower_confidence(sample_gazetteer):
    e = sample_gazetteer.entries
    i = next(k for k in range(len(e)) if e.numbers[k] == 5)
    road = e.roads[i]
    wrong = sample_gazetteer.match(f"东城区{road}5号")
    assert wrong.status == MATCHED and wrong.confidence < 1 and "district differs" in wrong.notes
    largest = int(sample_gazetteer.numbers_on_road[road].max())
    near = sample_gazetteer.match(f"{road}{largest + 2}号")
    assert near.status == MATCHED and e.numbers[near.entry] == largest and near.confidence < 0.8
    assert "door number not in the gazetteer; nearest plate" in near.notes
    road_only = sample_gazetteer.match(road)
    assert road_only.status == UNMATCHED and road_only.candidates and "no door number" in road_only.notes


def test_ambiguous_when_two_places_fit_equally():
    entries = AddressEntries(["A", "B"], ["门牌", "门牌"], [None, None], ["甲区和平路1号", "乙区和平路1号"],
                             ["和平路", "和平路"], [1, 1], [None, None], ["甲区", "乙区"], [None, None],
                             [None, None], [None, None], [None, None], [None, None], [None, None],
                             np.array([116.40, 116.45]), np.array([39.90, 39.90]))
    gazetteer = Gazetteer(entries)
    found = gazetteer.match("和平路1号")
    assert found.status == AMBIGUOUS and sorted(found.candidates) == [0, 1]
    assert gazetteer.match("乙区和平路1号").entry == 1  # the district decides


def test_nearest_address_and_its_ground_distance(sample_gazetteer):
    e = sample_gazetteer.entries
    nearest = NearestAddress(e)
    index, metres = nearest.nearest(e.lon[:50] + 0.0001, e.lat[:50])  # ~8.5 m east of each entry
    assert (metres < 20).all()
    own, zero = nearest.nearest(e.lon[:50], e.lat[:50])
    assert np.allclose(zero, 0, atol=1e-6)
    assert (e.lon[own] == e.lon[:50]).all()


def test_shops_and_housing_estates_are_places_not_cities_or_districts():
    assert parse("聚兴超市").city == "" and parse("聚兴超市").place == "聚兴超市"
    assert parse("锦绣小区").district == "" and parse("北京市浦东新区").district == "浦东新区"
    entries = AddressEntries(["P1", "P2"], ["兴趣点"] * 2, ["华逸社区卫生服务站", "聚兴超市"], [None, None],
                             [None, None], [None, None], [None, None], [None, None], [None, None], [None, None],
                             [None, None], [None, None], [None, None], [None, None],
                             np.array([116.40, 116.41]), np.array([39.90, 39.90]))
    gazetteer = Gazetteer(entries)
    assert gazetteer.match("华逸社区卫生服务站").entry == 0  # not community 华逸社区 + 卫生服务站
    assert gazetteer.match("聚兴超市").entry == 1
    assert chinese_number("一千二百零五") == 1205 and normalise("安和大街一千零一号")[0] == "安和大街1001号"
