"""Administrative and unit-grid codes (GB/T 2260, GB/T 10114, GB/T 30428.1).

A unit-grid code has 15 digits: DDDDDD SSS CCC NNN = district (GB/T 2260) + street + community +
sequence of the grid within its community. The first 12 digits are the community code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from grid_plugin.core.errors import GridInputError, message

GRID_CODE_LENGTH = 15
MAX_SEQUENCE = 999
GRID_CODE_PATTERN = re.compile(r"^\d{15}$")


def normalise_code(value: object) -> str:
    """Return a code as a digit string; spreadsheets often hand codes over as numbers.

    110101001001.0 -> '110101001001'; ' 001 ' -> '001'; None -> ''.
    """
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value or value != int(value):  # NaN or fractional: not a code
            return str(value)
        return str(int(value))
    return str(value).strip()


@dataclass(frozen=True, order=True)
class CommunityCode:
    """The 12-digit code of a community: 6-digit district + 3-digit street + 3-digit community."""

    district: str
    street: str
    community: str

    @property
    def code12(self) -> str:
        return self.district + self.street + self.community

    @property
    def street_code9(self) -> str:
        return self.district + self.street

    def grid_code(self, sequence: int) -> str:
        if not 1 <= sequence <= MAX_SEQUENCE:
            raise GridInputError(
                "community {code}: grid sequence {sequence} is outside 001-999; "
                "use a larger cell or split the community",
                code=self.code12, sequence=sequence,
            )
        return f"{self.code12}{sequence:03d}"


_WHAT = {
    "district": message("district code"),
    "street": message("street code"),
    "community": message("community code"),
}


def _digits(value: str, lengths: tuple[int, ...], what: str, where: object, field: str) -> str:
    if not value.isdigit() or len(value) not in lengths:
        raise GridInputError(
            "{where}: {what} '{value}' in field '{field}' must be {digits} digits",
            where=where, what=_WHAT[what], value=value, field=field or "-",
            digits="/".join(str(n) for n in lengths),
        )
    return value


def parse_community_code(value: object, where: object = "", field: str = "") -> CommunityCode:
    """Split a full 12-digit community code (district + street + community)."""
    code = _digits(normalise_code(value), (12,), "community", where, field)
    return CommunityCode(code[:6], code[6:9], code[9:12])


def community_code_from_parts(
    district: object, street: object, community: object, where: object = "",
    fields: tuple[str, str, str] = ("", "", ""),
) -> CommunityCode:
    """Build a community code from separate fields.

    The street may be given as its 3 own digits or as the 9-digit code that starts with the
    district; the community as 3 digits or as the full 12-digit code. Longer forms must agree
    with the shorter parts they contain.
    """
    d = _digits(normalise_code(district), (6,), "district", where, fields[0])
    s = _digits(normalise_code(street), (3, 9), "street", where, fields[1])
    c = _digits(normalise_code(community), (3, 12), "community", where, fields[2])
    if len(s) == 9:
        if s[:6] != d:
            raise GridInputError(
                "{where}: street code {street} does not start with district code {district}",
                where=where, street=s, district=d,
            )
        s = s[6:]
    if len(c) == 12:
        if c[:9] != d + s:
            raise GridInputError(
                "{where}: community code {community} does not start with street code {street}",
                where=where, community=c, street=d + s,
            )
        c = c[9:]
    return CommunityCode(d, s, c)


def split_grid_code(code: str) -> tuple[CommunityCode, int]:
    """Inverse of CommunityCode.grid_code."""
    if not GRID_CODE_PATTERN.match(code):
        raise GridInputError("grid code '{code}' must be 15 digits", code=code)
    return CommunityCode(code[:6], code[6:9], code[9:12]), int(code[12:])
