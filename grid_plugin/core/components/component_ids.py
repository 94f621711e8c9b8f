"""Component IDs (管理部件标识码) and their stable assignment.

An ID is district (6 digits, GB/T 2260) + class code + serial (6 digits, 000001-999999):

- GB/T 47678.5-2026 (scheme "gbt47678"): 6 + 5 + 6 = 17 digits, e.g. 11010101001000001;
- GB/T 30428.2-2013 (scheme "gbt30428"): 6 + 4 + 6 = 16 digits, e.g. 3205080101000001
  (320508 姑苏区 + 01 公用设施 + 01 上水井盖 + 000001).

IDs are text of ASCII digits. They are never rewritten silently: `assign_ids` keeps every valid
ID, numbers the components that have none, and reports the rest by feature id (see its doc).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from grid_plugin.core.components.classes import (
    ClassLookup,
    ClassTable,
    Scheme,
    get_scheme,
    is_ascii_digits,
    normalise_class_code,
    other_scheme,
)
from grid_plugin.core.errors import GridInputError, Message, message

DISTRICT_LENGTH = 6
SERIAL_LENGTH = 6
MAX_SERIAL = 999_999
_EXACT_FLOAT_LIMIT = 2**53  # integers above this are not exact in a float

# statuses of one ID, as found by check_component_id
VALID = "valid"
EMPTY = "empty"
MALFORMED = "malformed"
OTHER_SCHEME = "other_scheme"
OTHER_DISTRICT = "other_district"
UNKNOWN_CLASS = "unknown_class"


@dataclass(frozen=True, order=True)
class ComponentId:
    """A parsed component ID. str() gives the 16- or 17-digit text."""

    district: str
    class_code: str
    serial: int

    @property
    def scheme(self) -> Scheme:
        return _SCHEMES_BY_CODE_LENGTH[len(self.class_code)]

    @property
    def major_code(self) -> str:
        return self.class_code[:2]

    @property
    def minor_code(self) -> str:
        return self.class_code[2:]

    def __str__(self) -> str:
        return f"{self.district}{self.class_code}{self.serial:0{SERIAL_LENGTH}d}"

    @classmethod
    def parse(cls, value: object, scheme: ClassTable | str | Scheme, district: str | None = None) -> ComponentId:
        return parse_component_id(value, scheme, district)


def _scheme_of(scheme: ClassTable | str | Scheme) -> Scheme:
    return scheme.scheme if isinstance(scheme, ClassTable) else get_scheme(scheme)


_SCHEMES_BY_CODE_LENGTH = {s.code_length: s for s in (get_scheme("gbt47678"), get_scheme("gbt30428"))}


def normalise_id(value: object) -> str:
    """An ID value as text: trimmed; integers as digits; floats only when exact (< 2**53).

    Full-width or other non-ASCII digits are kept as they are (and then fail validation): an ID
    is an identifier, so it is reported rather than rewritten.
    """
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value != int(value) or abs(value) >= _EXACT_FLOAT_LIMIT:
            return repr(value)
        return str(int(value))
    return str(value).strip()


def check_district(district: object) -> str:
    """The district code as 6 ASCII digits (GB/T 2260: no leading zero); GridInputError otherwise."""
    text = normalise_id(district)
    if not _is_district(text):
        raise GridInputError(
            "district code '{district}' must be 6 ASCII digits of GB/T 2260 (for example 110101)",
            district=text,
        )
    return text


def _is_district(text: str) -> bool:
    return is_ascii_digits(text) and len(text) == DISTRICT_LENGTH and text[0] != "0"


def format_component_id(district: str, class_code: str, serial: int, scheme: ClassTable | str | Scheme) -> str:
    """district + class + serial as text, checked; GridInputError if a part is out of range."""
    this = _scheme_of(scheme)
    district = check_district(district)
    code = normalise_class_code(class_code, this)
    if not is_ascii_digits(code) or len(code) != this.code_length:
        raise GridInputError(
            "class code '{code}' must be {digits} ASCII digits: a 2-digit major and a {minor}-digit "
            "minor class, neither of them zero",
            code=code, digits=this.code_length, minor=this.minor_length,
        )
    if isinstance(scheme, ClassTable) and code not in scheme:
        raise GridInputError(
            "unknown class code '{code}': it is not in the {scheme} class table; add it with a user class file",
            code=code, scheme=this.title,
        )
    if not 1 <= serial <= MAX_SERIAL:
        raise GridInputError(
            "district {district}, class {code}: serial {serial} is outside 000001-999999",
            district=district, code=code, serial=serial,
        )
    return str(ComponentId(district, code, serial))


@dataclass(frozen=True)
class IdCheck:
    """The verdict on one ID value: status (VALID, EMPTY, MALFORMED, OTHER_SCHEME,
    OTHER_DISTRICT, UNKNOWN_CLASS), the parsed ID when its layout is right, and a message."""

    text: str
    status: str
    parsed: ComponentId | None = None
    message: Message | None = None


def split_component_id(text: str, scheme: ClassTable | str | Scheme) -> ComponentId | None:
    """The three parts of an ID of the scheme's length made of ASCII digits, unchecked otherwise."""
    this = _scheme_of(scheme)
    if not is_ascii_digits(text) or len(text) != this.id_length:
        return None
    end = DISTRICT_LENGTH + this.code_length
    return ComponentId(text[:DISTRICT_LENGTH], text[DISTRICT_LENGTH:end], int(text[end:]))


_NO_ID = IdCheck("", EMPTY, None, message("no component ID given"))


def check_component_id(value: object, scheme: ClassTable | str | Scheme, district: str | None = None) -> IdCheck:
    """Check an ID: ASCII digits, the scheme's length, a GB/T 2260 district (equal to `district`
    when given), a class code of the table (when a ClassTable is given), serial 000001-999999."""
    this = _scheme_of(scheme)
    text = normalise_id(value)
    if not text:
        return _NO_ID  # the common case on a first coding: one shared verdict, not a million
    other = other_scheme(this)
    if is_ascii_digits(text) and len(text) == other.id_length:
        return IdCheck(text, OTHER_SCHEME, split_component_id(text, other), message(
            "component ID '{value}' has {found} digits and belongs to the {other} scheme, not {scheme}",
            value=text, found=len(text), other=other.title, scheme=this.title))
    parsed = split_component_id(text, this)
    layout = message(
        "component ID '{value}' must be {digits} ASCII digits: district (6), class ({classdigits}) "
        "and serial (6, from 000001)",
        value=text, digits=this.id_length, classdigits=this.code_length)
    if parsed is None or not _is_district(parsed.district) or parsed.serial == 0:
        return IdCheck(text, MALFORMED, parsed, layout)
    code = parsed.class_code
    if not code[:2].strip("0") or not code[2:].strip("0"):
        return IdCheck(text, MALFORMED, parsed, layout)
    if isinstance(scheme, ClassTable) and code not in scheme:
        return IdCheck(text, UNKNOWN_CLASS, parsed, message(
            "component ID '{value}': class {code} is not in the {scheme} class table",
            value=text, code=code, scheme=this.title))
    if district is not None and parsed.district != district:
        return IdCheck(text, OTHER_DISTRICT, parsed, message(
            "component ID '{value}' starts with district {found}, not {district}",
            value=text, found=parsed.district, district=district))
    return IdCheck(text, VALID, parsed)


def parse_component_id(value: object, scheme: ClassTable | str | Scheme, district: str | None = None) -> ComponentId:
    """A checked ComponentId (see check_component_id); GridInputError with the reason otherwise."""
    checked = check_component_id(value, scheme, district)
    if checked.status != VALID or checked.parsed is None:
        assert checked.message is not None
        raise GridInputError(checked.message.template, **checked.message.params)
    return checked.parsed


# ---------------------------------------------------------------------------------------------
# Stable assignment
# ---------------------------------------------------------------------------------------------
@dataclass
class IdReport:
    """What assign_ids did, as lists of feature ids (sorted).

    Every feature is in exactly one of kept, new, renumbered, unassigned. The problem lists
    (duplicate, malformed, other_district, other_scheme, class_mismatch, unknown_class) say why a
    feature is renumbered or unassigned. `values` holds the original ID text of problem features.
    """

    kept: list[int] = field(default_factory=list)
    new: list[int] = field(default_factory=list)
    renumbered: list[int] = field(default_factory=list)
    unassigned: list[int] = field(default_factory=list)
    duplicate: list[int] = field(default_factory=list)
    malformed: list[int] = field(default_factory=list)
    other_district: list[int] = field(default_factory=list)
    other_scheme: list[int] = field(default_factory=list)
    class_mismatch: list[int] = field(default_factory=list)
    unknown_class: list[int] = field(default_factory=list)
    values: dict[int, str] = field(default_factory=dict)
    # the first feature holding each duplicated ID: duplicate fid -> keeper fid
    duplicate_of: dict[int, int] = field(default_factory=dict)
    renumber_duplicates: bool = False
    renumber_invalid: bool = False

    PROBLEMS = ("duplicate", "malformed", "other_district", "other_scheme", "class_mismatch", "unknown_class")

    @property
    def problems(self) -> dict[str, list[int]]:
        return {name: getattr(self, name) for name in self.PROBLEMS if getattr(self, name)}

    def messages(self, district: str = "", limit: int = 20) -> list[Message]:
        """One summary line, then one line per problem, for processing to translate and show."""
        out = [message(
            "component IDs: {kept} kept, {new} new, {renumbered} replaced, {unassigned} left empty",
            kept=len(self.kept), new=len(self.new), renumbered=len(self.renumbered),
            unassigned=len(self.unassigned))]
        reasons = {
            "duplicate": message("their ID is already held by a feature with a lower feature id, which keeps it"),
            "malformed": message("their ID is not district + class + serial in ASCII digits of the right length"),
            "other_district": message("their ID starts with another district code than {district}",
                                      district=district or "-"),
            "other_scheme": message("their ID has the length of the other coding scheme"),
            "class_mismatch": message("the class part of their ID differs from the feature's class"),
            "unknown_class": message("their class is empty or not in the class table, so no ID can be checked "
                                     "or given"),
        }
        flags = {"duplicate": self.renumber_duplicates}
        for name, fids in self.problems.items():
            if name == "unknown_class":
                outcome = message("they were left without an ID; fix the class and run again")
            elif flags.get(name, self.renumber_invalid):
                outcome = message("they got new IDs")
            elif name == "duplicate":
                outcome = message(
                    "they were left without an ID; turn on renumbering of duplicates to give them new IDs")
            else:
                outcome = message("they were left without an ID; correct the ID or turn on renumbering of invalid IDs")
            shown = ", ".join(str(f) for f in fids[:limit]) + (" …" if len(fids) > limit else "")
            out.append(message("features {fids}: {reason}; {outcome}", fids=shown, reason=reasons[name],
                               outcome=outcome))
        return out


def assign_ids(
    district: str,
    classes_of_features: Sequence[object],
    existing_ids: Sequence[object],
    scheme: ClassTable | str | Scheme,
    *,
    feature_ids: Sequence[int] | None = None,
    renumber_duplicates: bool = False,
    renumber_invalid: bool = False,
    reserved_ids: Iterable[object] = (),
) -> tuple[list[str | None], IdReport]:
    """Stable component IDs for the features of one district.

    Feature i has class `classes_of_features[i]` (a class code, or with a ClassTable also a
    class name) and current ID `existing_ids[i]` (None/"" when it has none); its feature id is
    `feature_ids[i]` (default i). Returns the ID of each feature (None when it gets none) and a
    report.

    - An existing ID is kept when it is valid (ASCII digits, the scheme's length, district equal
      to `district`, serial 000001-999999, class known to the table), its class part equals the
      feature's class, and no feature with a lower feature id holds the same ID.
    - Features without an ID get the next serial of their (district, class): one above the highest
      serial in use. "In use" is every serial that appears in the layer with that district and
      class, whatever the state of the ID that carries it (duplicates, IDs on a feature of another
      class, IDs with an unknown class), plus `reserved_ids` (e.g. IDs of retired components from
      the store). Gaps are never filled, so a serial is never handed out twice while it is known.
    - Duplicates (same ID on several features): the lowest feature id keeps it; the others are
      reported and get new IDs only if `renumber_duplicates`, otherwise None.
    - Malformed IDs, IDs of another district, IDs of the other scheme (mixed schemes in one layer)
      and IDs whose class part differs from the feature's class are reported; they get new IDs only
      if `renumber_invalid`, otherwise None. Nothing is rewritten silently.
    - Features whose class is empty or unknown are reported (unknown_class) and get None.
    New serials are handed out in feature-id order, so the result does not depend on the order of
    the input lists. A serial above 999999 raises GridInputError naming the features.
    """
    table = scheme if isinstance(scheme, ClassTable) else None
    this = _scheme_of(scheme)
    district = check_district(district)
    count = len(classes_of_features)
    if len(existing_ids) != count:
        raise ValueError("classes_of_features and existing_ids must have the same length")
    fids = list(range(count)) if feature_ids is None else [int(f) for f in feature_ids]
    if len(fids) != count or len(set(fids)) != count:
        raise ValueError("feature_ids must be unique and one per feature")

    report = IdReport(renumber_duplicates=renumber_duplicates, renumber_invalid=renumber_invalid)
    known: dict[object, str | None] = {}  # a layer has a few hundred distinct class values at most
    classes = [known[value] if value in known else known.setdefault(value, _feature_class(value, table, this))
               for value in classes_of_features]
    used: dict[tuple[str, str], set[int]] = defaultdict(set)
    checks = [check_component_id(value, scheme, district) for value in existing_ids]
    for checked in checks:
        if checked.status != OTHER_SCHEME and checked.parsed is not None:
            used[(checked.parsed.district, checked.parsed.class_code)].add(checked.parsed.serial)
    for value in reserved_ids:
        parsed = split_component_id(normalise_id(value), this)
        if parsed is not None:
            used[(parsed.district, parsed.class_code)].add(parsed.serial)

    result: list[str | None] = [None] * count
    holders: dict[str, int] = {}
    wanted: list[int] = []  # positions that get a new ID
    order = sorted(range(count), key=lambda i: fids[i])
    for i in order:
        fid, checked, code = fids[i], checks[i], classes[i]
        problem = ""
        if code is None:
            problem = "unknown_class"
        elif checked.status == EMPTY:
            wanted.append(i)
            continue
        elif checked.status == MALFORMED:
            problem = "malformed"
        elif checked.status == OTHER_SCHEME:
            problem = "other_scheme"
        elif checked.status == OTHER_DISTRICT:
            problem = "other_district"
        elif checked.status == UNKNOWN_CLASS or (checked.parsed and checked.parsed.class_code != code):
            problem = "class_mismatch"
        elif checked.text in holders:
            problem = "duplicate"
            report.duplicate_of[fid] = holders[checked.text]
        else:
            holders[checked.text] = fid
            result[i] = checked.text
            report.kept.append(fid)
            continue
        getattr(report, problem).append(fid)
        if checked.text:
            report.values[fid] = checked.text
        renumber = renumber_duplicates if problem == "duplicate" else renumber_invalid
        if problem != "unknown_class" and renumber:
            wanted.append(i)
        else:
            report.unassigned.append(fid)

    next_serial: dict[tuple[str, str], int] = {}
    overflow: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in sorted(wanted, key=lambda i: fids[i]):
        code = classes[i]
        assert code is not None
        key = (district, code)
        serial = next_serial.get(key, max(used[key], default=0) + 1)
        if serial > MAX_SERIAL:
            overflow[key].append(fids[i])
            continue
        next_serial[key] = serial + 1
        result[i] = str(ComponentId(district, code, serial))
        (report.new if checks[i].status == EMPTY else report.renumbered).append(fids[i])
    if overflow:
        key, stuck = min(overflow.items())
        raise GridInputError(
            "district {district}, class {code}: no serial left for {count} features; the 6-digit serial "
            "ends at 999999, so give these components another class or district",
            stuck, district=key[0], code=key[1], count=len(stuck),
        )
    for name in ("kept", "new", "renumbered", "unassigned", *IdReport.PROBLEMS):
        getattr(report, name).sort()
    return result, report


def _feature_class(value: object, table: ClassTable | None, scheme: Scheme) -> str | None:
    """The class code of a feature, or None when it is empty or unknown."""
    if table is not None:
        found = table.lookup(value)
        return found.entry.code if found.entry is not None else None
    code = normalise_class_code(value, scheme)
    if is_ascii_digits(code) and len(code) == scheme.code_length and code[:2].strip("0") and code[2:].strip("0"):
        return code
    return None


def detect_scheme(value: object) -> Scheme | None:
    """The scheme whose ID length a value has (16 → gbt30428, 17 → gbt47678), if any."""
    text = normalise_id(value)
    if not is_ascii_digits(text):
        return None
    return next((s for s in _SCHEMES_BY_CODE_LENGTH.values() if s.id_length == len(text)), None)


# ---------------------------------------------------------------------------------------------
# Class problems, for the log of codecomponents
# ---------------------------------------------------------------------------------------------
def class_problems(fids: Sequence[int], lookups: Sequence[ClassLookup], scheme: Scheme, class_field: str,
                   limit: int = 20, values_listed: int = 10) -> list[Message]:
    """One message per kind of class problem (empty, unknown name, unknown code, the other scheme's
    code): the features (the first `limit`), the values as written with their feature counts (most
    first), and the fix. Such features get no ID."""
    features: dict[str, list[int]] = defaultdict(list)
    values: dict[str, Counter[str]] = defaultdict(Counter)
    for fid, found in zip(fids, lookups):
        if not found.found:
            features[found.problem].append(fid)
            values[found.problem][found.value] += 1
    out: list[Message] = []
    for problem in ("empty", "unknown_name", "unknown_code", "other_scheme"):
        if problem not in features:
            continue
        fids_shown = _fid_listing(features[problem], limit)
        counted = values[problem].most_common()
        shown = ", ".join(f"'{value}' × {count:,}" for value, count in counted[:values_listed])
        listing: Message | str = shown if len(counted) <= values_listed else message(
            "{listed} and {count:,} more", listed=shown, count=len(counted) - values_listed)
        if problem == "empty":
            out.append(message("Features {fids}: empty class; they get no ID. Fill in the class field {field}.",
                               fids=fids_shown, field=class_field))
        elif problem == "unknown_name":
            out.append(message(
                "Features {fids}: unknown class name: {values}; they get no ID. Write the class code or the name "
                "exactly as in the class table of {scheme}, or add these classes in a CSV of your own classes "
                "(USER_CLASSES).", fids=fids_shown, values=listing, scheme=scheme.title))
        elif problem == "unknown_code":
            out.append(message(
                "Features {fids}: unknown class code: {values}; they get no ID. Correct the class field, or add "
                "these classes in a CSV of your own classes (USER_CLASSES).", fids=fids_shown, values=listing))
        else:
            out.append(message(
                "Features {fids}: class code of the other coding scheme: {values}; they get no ID. Choose the "
                "scheme of these codes (SCHEME), or give codes of {scheme}.", fids=fids_shown, values=listing,
                scheme=scheme.title))
    return out


def _fid_listing(fids: list[int], limit: int) -> str:
    ordered = sorted(fids)
    return ", ".join(map(str, ordered[:limit])) + (" …" if len(ordered) > limit else "")
