import pytest

from grid_plugin.core.errors import GridInputError
from grid_plugin.core.grids.codes import (
    CommunityCode,
    community_code_from_parts,
    normalise_code,
    parse_community_code,
    split_grid_code,
)


def test_full_code_splits_into_district_street_community():
    code = parse_community_code("110101001002")
    assert code == CommunityCode("110101", "001", "002")
    assert code.street_code9 == "110101001"
    assert code.grid_code(7) == "110101001002007"


def test_codes_from_spreadsheet_numbers_are_normalised():
    assert normalise_code(110101001002.0) == "110101001002"
    assert normalise_code(" 001 ") == "001"
    assert normalise_code(None) == ""
    assert parse_community_code(110101001002.0).code12 == "110101001002"


@pytest.mark.parametrize(
    ("district", "street", "community"),
    [("110101", "001", "002"), ("110101", "110101001", "002"), ("110101", "001", "110101001002")],
)
def test_parts_accept_short_and_long_forms(district, street, community):
    assert community_code_from_parts(district, street, community).code12 == "110101001002"


@pytest.mark.parametrize(
    ("parts", "fragment"),
    [
        (("11010", "001", "002"), "district code '11010'"),
        (("110101", "01", "002"), "street code '01'"),
        (("110101", "001", None), "community code ''"),
        (("110101", "110102001", "002"), "does not start with district code"),
        (("110101", "001", "110101002002"), "does not start with street code"),
    ],
)
def test_bad_parts_name_the_feature_field_and_value(parts, fragment):
    with pytest.raises(GridInputError) as err:
        community_code_from_parts(*parts, where="feature 7", fields=("qx", "jd", "sq"))
    assert fragment in str(err.value)
    assert str(err.value).startswith("feature 7")


def test_full_code_error_names_the_field():
    with pytest.raises(GridInputError, match="field 'code' must be 12 digits"):
        parse_community_code("1101010010", "feature 3", "code")


def test_grid_code_roundtrip_and_sequence_limits():
    code = CommunityCode("110101", "017", "123")
    assert split_grid_code(code.grid_code(999)) == (code, 999)
    for bad in (0, 1000):
        with pytest.raises(GridInputError):
            code.grid_code(bad)
    with pytest.raises(GridInputError):
        split_grid_code("11010101712399")
