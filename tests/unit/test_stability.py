import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, box

from grid_plugin.core.errors import GridInputError
from grid_plugin.core.grids.codes import CommunityCode
from grid_plugin.core.grids.containers import Container
from grid_plugin.core.grids.follow import AreaSettings, FollowLines, divide_following
from grid_plugin.core.grids.stability import (
    KEPT,
    NEW,
    PreviousGrid,
    StableCodes,
    assign_stable_codes,
    check_previous,
    match_previous,
)

SETTINGS = AreaSettings(target=10_000.0, minimum=3_000.0, maximum=25_000.0)
COMMUNITY = Container(1, box(0, 0, 400, 300), CommunityCode("110101", "001", "001"))


def road_segments():
    """Every block edge of a 100 m road grid over the 400 × 300 community, as its own line."""
    vertical = [((x, y), (x, y + 100)) for x in (100, 200, 300) for y in (0, 100, 200)]
    horizontal = [((x, y), (x + 100, y)) for y in (100, 200) for x in (0, 100, 200, 300)]
    return vertical + horizontal


def divide(segments, containers=(COMMUNITY,)):
    lines = FollowLines(np.array([LineString(s) for s in segments], dtype=object), np.full(len(segments), 2))
    return divide_following(list(containers), lines, SETTINGS)


def as_previous(division, containers=(COMMUNITY,), retired=()):
    codes = division.codes(list(containers))
    grids = [PreviousGrid(100 + k, code, g, "2025-01-01")
             for k, (code, g) in enumerate(zip(codes, division.geometries))]
    return grids + list(retired)


def stable(division, previous, containers=(COMMUNITY,), **kwargs) -> StableCodes:
    return assign_stable_codes(division.geometries, division.container_index, division.sequence, list(containers),
                               previous, **kwargs)


def index_at(geometries, x, y):
    found = [k for k, g in enumerate(geometries) if g.contains(Point(x, y))]
    assert len(found) == 1
    return found[0]


def test_rerun_on_the_same_division_keeps_every_code():
    division = divide(road_segments())
    previous = as_previous(division)
    result = stable(division, previous)
    assert list(result.sequence) == list(division.sequence)
    assert list(result.matched) == list(range(len(division)))
    assert result.status() == [KEPT] * len(division)
    assert len(result.retired) == 0 and len(result.already_retired) == 0


def test_rerun_in_another_grid_order_keeps_every_code():
    division = divide(road_segments())
    previous = as_previous(division)[::-1]
    result = stable(division, previous)
    assert list(result.sequence) == list(division.sequence)


def test_edited_lines_keep_untouched_codes_and_number_new_grids_above_every_used_number():
    before = divide(road_segments())
    # a grid retired in an earlier run, with number 20, lying exactly where the merged block will be
    old = PreviousGrid(99, "110101001001020", box(200, 0, 400, 100), "2020-01-01", "2024-01-01")
    previous = as_previous(before, retired=[old])
    segments = [s for s in road_segments() if s != ((300, 0), (300, 100))]  # south-east blocks merge
    segments.append(((50, 200), (50, 300)))  # the north-west block splits in two
    after = divide(segments)
    assert len(after) == 12
    result = stable(after, previous)

    geometries = after.geometries
    halves = [index_at(geometries, 25, 250), index_at(geometries, 75, 250)]
    merged = index_at(geometries, 300, 50)
    new = sorted([*halves, merged])
    assert sorted(np.flatnonzero(result.matched < 0)) == new
    assert [result.status()[k] for k in new] == [NEW] * 3
    # new grids: above 20 (the highest number ever used, a retired one), in numbering order
    assert [int(result.sequence[k]) for k in (*halves, merged)] == [21, 22, 23]

    old_codes = before.codes([COMMUNITY])
    for k, g in enumerate(geometries):
        if k in new:
            continue
        m = int(result.matched[k])
        assert previous[m].geometry.equals(g)
        assert result.sequence[k] == int(old_codes[m][12:])
    codes = [f"110101001001{s:03d}" for s in result.sequence]
    assert len(set(codes)) == len(codes)
    assert not {g.code for g in previous} & {codes[k] for k in new}

    gone = {index_at(before.geometries, 50, 250), index_at(before.geometries, 250, 50),
            index_at(before.geometries, 350, 50)}
    assert set(result.retired.tolist()) == gone
    assert list(result.already_retired) == [len(previous) - 1]


def test_new_numbers_start_after_the_highest_kept_number_when_nothing_was_retired():
    before = divide(road_segments())
    previous = as_previous(before)
    after = divide([*road_segments(), ((350, 0), (350, 100))])
    result = stable(after, previous)
    new = np.flatnonzero(result.matched < 0)
    assert len(new) == 2
    assert sorted(result.sequence[new]) == [13, 14]
    assert len(result.retired) == 1


@pytest.mark.parametrize("code", ["", "12345", "11010100100100a", "1101010010010011", "110101001001 01"])
def test_check_previous_names_features_with_malformed_codes(code):
    good = PreviousGrid(1, "110101001001001", box(0, 0, 1, 1))
    bad = PreviousGrid(57, code, box(1, 0, 2, 1))
    with pytest.raises(GridInputError) as raised:
        check_previous([good, bad])
    assert raised.value.feature_ids == (57,)
    assert "57" in str(raised.value)


@pytest.mark.parametrize("code", ["11010100100100\u00b2", "\uff11\uff11\uff10\uff11\uff10\uff11"
                                  "\uff10\uff10\uff11\uff10\uff10\uff11\uff10\uff12\uff10"])
def test_check_previous_rejects_digits_other_than_ascii(code):
    # a superscript two or full-width digits typed with a Chinese input method are not code digits:
    # they must be reported like any malformed code, not crash later or dodge the used numbers
    bad = PreviousGrid(61, code, box(500, 500, 600, 600), end_date="2024-01-01")
    with pytest.raises(GridInputError) as raised:
        check_previous([bad])
    assert raised.value.feature_ids == (61,)
    with pytest.raises(GridInputError):
        assign_stable_codes(np.array([box(0, 0, 100, 100)], dtype=object), np.array([0]), np.array([1]),
                            [COMMUNITY], [bad])


def test_check_previous_names_features_with_duplicate_codes():
    grids = [PreviousGrid(3, "110101001001001", box(0, 0, 1, 1)),
             PreviousGrid(5, "110101001001002", box(1, 0, 2, 1)),
             PreviousGrid(8, "110101001001001", box(2, 0, 3, 1))]
    with pytest.raises(GridInputError) as raised:
        check_previous(grids)
    text = str(raised.value)
    assert "110101001001001" in text and "#3" in text and "#8" in text and "#5" not in text
    with pytest.raises(GridInputError):
        assign_stable_codes(np.array([box(0, 0, 1, 1)], dtype=object), np.array([0]), np.array([1]),
                            [COMMUNITY], grids)


def test_check_previous_accepts_good_codes():
    check_previous([PreviousGrid(1, "110101001001001", box(0, 0, 1, 1)),
                    PreviousGrid(2, "110101001001999", box(1, 0, 2, 1), end_date="2024-01-01")])


@pytest.mark.parametrize("min_overlap", [0.5, 0.2, 0.0, 1.01, -1.0])
def test_min_overlap_outside_the_half_open_range_raises(min_overlap):
    division = divide(road_segments())
    with pytest.raises(GridInputError):
        stable(division, as_previous(division), min_overlap=min_overlap)


@pytest.mark.parametrize("min_overlap", [0.51, 0.9, 1.0])
def test_min_overlap_inside_the_range_is_accepted(min_overlap):
    division = divide(road_segments())
    result = stable(division, as_previous(division), min_overlap=min_overlap)
    assert (result.matched >= 0).all()


def test_matching_needs_the_mutual_overlap():
    grids = np.array([box(0, 0, 100, 100)], dtype=object)
    owner_codes = ["110101001001"]
    shifted = [PreviousGrid(1, "110101001001001", box(5, 0, 105, 100))]  # 95 % both ways
    assert list(match_previous(grids, owner_codes, shifted, 0.9)) == [0]
    assert list(match_previous(grids, owner_codes, shifted, 0.96)) == [-1]
    larger = [PreviousGrid(1, "110101001001001", box(0, 0, 100, 150))]  # covers the grid, 67 % of itself
    assert list(match_previous(grids, owner_codes, larger, 0.9)) == [-1]


def test_matching_requires_the_same_community():
    a = Container(1, box(0, 0, 100, 100), CommunityCode("110101", "001", "001"))
    grids = np.array([box(0, 0, 100, 100)], dtype=object)
    # an old grid in the same place, coded for community 002
    previous = [PreviousGrid(7, "110101001002005", box(0, 0, 100, 100))]
    result = assign_stable_codes(grids, np.array([0]), np.array([1]), [a], previous)
    assert list(result.matched) == [-1]
    assert list(result.sequence) == [1]  # community 001 never used a number
    assert list(result.retired) == [0]


def test_retired_grids_are_never_matched():
    grids = np.array([box(0, 0, 100, 100)], dtype=object)
    previous = [PreviousGrid(7, "110101001001005", box(0, 0, 100, 100), end_date="2024-01-01")]
    result = assign_stable_codes(grids, np.array([0]), np.array([1]), [COMMUNITY], previous)
    assert list(result.matched) == [-1] and list(result.sequence) == [6]
    assert list(result.already_retired) == [0] and len(result.retired) == 0


def test_a_community_that_used_every_number_raises():
    previous = [PreviousGrid(4, "110101001001999", box(1000, 1000, 1001, 1001), end_date="2024-01-01")]
    grids = np.array([box(0, 0, 100, 100)], dtype=object)
    with pytest.raises(GridInputError) as raised:
        assign_stable_codes(grids, np.array([0]), np.array([1]), [COMMUNITY], previous)
    assert raised.value.feature_ids == (COMMUNITY.fid,)
    assert "110101001001" in str(raised.value)


def test_a_community_with_numbers_left_does_not_raise_at_the_limit():
    previous = [PreviousGrid(4, "110101001001998", box(1000, 1000, 1001, 1001), end_date="2024-01-01")]
    grids = np.array([box(0, 0, 100, 100)], dtype=object)
    result = assign_stable_codes(grids, np.array([0]), np.array([1]), [COMMUNITY], previous)
    assert list(result.sequence) == [999]


def test_numbering_of_one_community_does_not_touch_another():
    a = Container(1, box(0, 0, 100, 100), CommunityCode("110101", "001", "001"))
    b = Container(2, box(100, 0, 200, 100), CommunityCode("110101", "001", "002"))
    grids = np.array([box(0, 0, 100, 100), box(100, 0, 200, 100)], dtype=object)
    previous = [PreviousGrid(9, "110101001002040", box(500, 500, 600, 600), end_date="2024-01-01")]
    result = assign_stable_codes(grids, np.array([0, 1]), np.array([1, 1]), [a, b], previous)
    assert list(result.sequence) == [1, 41]


def test_no_previous_grids_number_like_a_fresh_division():
    division = divide(road_segments())
    result = stable(division, [])
    assert list(result.sequence) == list(division.sequence)
    assert (result.matched == -1).all()
    assert shapely.area(division.geometries).sum() == pytest.approx(COMMUNITY.geometry.area)
