"""The numpy reader of case times in their many layouts (core.cases.time_formats chooses which).

Values are grouped by shape: the text with each digit replaced by '#', hashed in numpy (HASH, a
polynomial over the characters; values of one hash are compared exactly, so a collision splits
the group instead of mixing shapes). Each distinct shape is matched once against the layouts,
regular expressions over shapes whose named groups are the roles of the numbers: Y (4 digits) or
y (2), m, d, h (24 h, or 12 h with p), H (24 h), I (12 h), M, S, f (fraction, dropped), p (AM/PM),
n (an Excel serial's days). The digits of all values of one shape become numbers by one matrix
product per role, and the numbers datetime64 with numpy's calendar arithmetic.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

import numpy as np

MAX_WIDTH = 40  # longer texts are no time of any layout
CHUNK = 262_144  # values shaped at once (their characters take 4 bytes × width each)
_AMPM = r"(?P<p>[AaPp]\.?[Mm]\.?)"
_TIME = r"(?:(?:\s+|T)(?P<h>#{1,2}):(?P<M>##)(?::(?P<S>##)(?:[.,](?P<f>#{1,9}))?)?(?:\s*" + _AMPM + r")?)?"
_DAY_MONTH = r"(?P<{}>#{{1,2}})(?P<sep>[/.-])(?P<{}>#{{1,2}})(?P=sep)(?P<Y>####)"


def _layout(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern + r"\Z")


MDY = _layout(_DAY_MONTH.format("m", "d") + _TIME)
DMY = _layout(_DAY_MONTH.format("d", "m") + _TIME)
YMD_AMPM = _layout(r"(?P<Y>####)(?P<sep>[/.-])(?P<m>#{1,2})(?P=sep)(?P<d>#{1,2})(?:\s+|T)(?P<h>#{1,2}):(?P<M>##)"
                   r"(?::(?P<S>##)(?:[.,](?P<f>#{1,9}))?)?\s*" + _AMPM)
SERIAL = _layout(r"(?P<n>#{1,7})(?:\.(?P<f>#{1,15}))?")
SERIAL_AUTO = _layout(r"(?P<n>#####)(?:\.(?P<f>#{1,15}))?")  # 10000-99999: 1927-2173, no other form has it
EXCEL_EPOCH = np.datetime64("1899-12-30T00:00:00", "s")  # serial 1 = 1900-01-01 (after Excel's 1900-02-29)

# strftime directives numpy reads: (regex over the shape, role)
DIRECTIVES = {"Y": r"(?P<Y>####)", "y": r"(?P<y>##)", "m": r"(?P<m>#{1,2})", "d": r"(?P<d>#{1,2})",
              "H": r"(?P<H>#{1,2})", "I": r"(?P<I>#{1,2})", "M": r"(?P<M>#{1,2})", "S": r"(?P<S>#{1,2})",
              "f": r"(?P<f>#{1,6})", "p": r"(?P<p>[AaPp][Mm])", "%": "%"}


# ---- numpy: values grouped by shape ---------------------------------------------------------------
HASH = np.random.default_rng(20150113).integers(1, 2**62, size=MAX_WIDTH, dtype=np.int64).astype(np.uint64) | 1


def _shapes(texts: Sequence[str]) -> Iterator[tuple[str, np.ndarray, np.ndarray]]:
    """(shape, positions in `texts`, characters as uint32 codes) per distinct shape; texts at most
    MAX_WIDTH long."""
    for start in range(0, len(texts), CHUNK):
        chunk = texts[start:start + CHUNK]
        width = max(map(len, chunk), default=0)
        if not width:
            continue
        codes = np.array(chunk, dtype=f"U{width}").view(np.uint32).reshape(len(chunk), width)
        shape = np.where((codes >= 48) & (codes <= 57), np.uint32(35), codes)
        key = np.zeros(len(chunk), dtype=np.uint64)
        for j in range(width):  # wraps around 2**64, as a hash may
            key = key * HASH[j] + shape[:, j]
        _, inverse = np.unique(key, return_inverse=True)
        order = np.argsort(inverse.ravel(), kind="stable")
        for rows in np.split(order, np.cumsum(np.bincount(inverse.ravel()))[:-1]):
            same = shape[rows]
            if not (same == same[0]).all():  # two shapes with one hash: split them exactly
                _, exact = np.unique(same, axis=0, return_inverse=True)
                groups = [rows[exact.ravel() == k] for k in range(int(exact.max()) + 1)]
            else:
                groups = [rows]
            for group in groups:
                text = "".join(map(chr, shape[group[0]].tolist())).rstrip("\x00")
                yield text, group + start, codes[group]


def _number(codes: np.ndarray, span: tuple[int, int]) -> np.ndarray:
    start, end = span
    powers = 10 ** np.arange(end - start - 1, -1, -1, dtype=np.int64)
    return (codes[:, start:end].astype(np.int64) - 48) @ powers


@dataclass
class Read:
    """What numpy made of some texts: positions read and their local times, positions in a layout's
    shape that are no real time, and per layout the first position read."""

    positions: np.ndarray
    local: np.ndarray
    wrong: np.ndarray
    first: dict[str, int] = field(default_factory=dict)


def local_times(numbers: dict[str, np.ndarray], pm: bool | None, count: int) -> tuple[np.ndarray, np.ndarray]:
    """(datetime64[s], valid) from the numbers of a layout's roles: Y or y, m, d; h (24 h, or 1-12 with
    AM/PM), H (24 h), I (1-12); M, S. Fractions of seconds are dropped, as parse_time drops them."""
    zero = np.zeros(count, dtype=np.int64)
    if "n" in numbers:  # an Excel serial number
        seconds = np.rint(numbers.get("fraction", zero) * 86400).astype(np.int64)
        days = numbers["n"] + seconds // 86400
        local = EXCEL_EPOCH + (days * 86400 + seconds % 86400).astype("timedelta64[s]")
        return local, numbers["n"] >= 1
    year = numbers["Y"] if "Y" in numbers else numbers["y"] + np.where(numbers["y"] < 69, 2000, 1900)
    month, day = numbers["m"], numbers["d"]
    minute, second = numbers.get("M", zero), numbers.get("S", zero)
    ok = (year >= 1) & (month >= 1) & (month <= 12) & (day >= 1) & (minute <= 59) & (second <= 59)
    if "I" in numbers or ("h" in numbers and pm is not None):
        hour12 = numbers.get("I", numbers.get("h", zero))
        ok &= (hour12 >= 1) & (hour12 <= 12)
        hour = hour12 % 12 + (12 if pm else 0)
    else:
        hour = numbers.get("H", numbers.get("h", zero))
        ok &= hour <= 23
    months = np.where(ok, (year - 1970) * 12 + month - 1, 0).astype("datetime64[M]")
    starts = months.astype("datetime64[D]")
    ok &= day <= ((months + 1).astype("datetime64[D]") - starts).astype(np.int64)
    seconds = (day - 1) * 86400 + hour * 3600 + minute * 60 + second
    return starts.astype("datetime64[s]") + np.where(ok, seconds, 0).astype("timedelta64[s]"), ok


def _groups(texts: Sequence[str], layouts: Sequence[re.Pattern[str]]
            ) -> Iterator[tuple[re.Pattern[str], np.ndarray, dict[str, np.ndarray], bool | None]]:
    """(layout, positions, numbers per role, PM or AM or None) per shape that a layout reads. An Excel
    serial's fraction comes as the role 'fraction' (a float), the fraction of a second is dropped."""
    for shape, positions, codes in _shapes(texts):
        for layout in layouts:
            found = layout.match(shape)
            if found is None:
                continue
            roles = {role: value for role, value in found.groupdict().items() if value is not None}
            numbers = {role: _number(codes, found.span(role)) for role in roles if role not in ("p", "sep", "f")}
            if "n" in numbers and "f" in roles:
                numbers["fraction"] = _number(codes, found.span("f")) / 10.0 ** len(roles["f"])
            ampm = roles.get("p")
            yield layout, positions, numbers, None if ampm is None else ampm[0] in "Pp"
            break


def read_layouts(texts: Sequence[str], layouts: Sequence[re.Pattern[str]]) -> Read:
    positions, local, wrong = [], [], []
    first: dict[str, int] = {}
    for layout, at, numbers, pm in _groups(texts, layouts):
        times, ok = local_times(numbers, pm, len(at))
        positions.append(at[ok])
        local.append(times[ok])
        wrong.append(at[~ok])
        if ok.any() and "n" in layout.groupindex:
            first["excel"] = min(first.get("excel", len(texts)), int(at[ok].min()))
    if not positions:
        return Read(np.empty(0, dtype=np.int64), np.empty(0, dtype="datetime64[s]"), np.empty(0, dtype=np.int64))
    return Read(np.concatenate(positions), np.concatenate(local), np.concatenate(wrong), first)


def text_values(values: Sequence[object], candidates: np.ndarray | None = None,
           numbers: bool = False) -> tuple[np.ndarray, list[str], list[int]]:
    """(positions, stripped texts, positions of texts too long) of the non-empty text values (and, with
    `numbers`, numbers written as text) among `candidates` (default: all); too long is over MAX_WIDTH."""
    if candidates is None:
        candidates = np.arange(len(values))
        picked = values
    else:
        picked = _pick(values, candidates)
    if not len(candidates):
        return candidates, [], []
    if set(map(type, picked)) <= {str}:
        texts = list(map(str.strip, picked))  # type: ignore[arg-type]
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        keep = (lengths > 0) & (lengths <= MAX_WIDTH)
        long = candidates[lengths > MAX_WIDTH].tolist()
        if keep.all():
            return candidates, texts, long
        return candidates[keep], _pick(texts, np.flatnonzero(keep)), long
    out_positions, out_texts, long = [], [], []
    for position, value in zip(candidates.tolist(), picked):
        if type(value) is str:
            text = value.strip()
        elif numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
            text = repr(value)
        else:
            continue
        if len(text) > MAX_WIDTH:
            long.append(position)
        elif text:
            out_positions.append(position)
            out_texts.append(text)
    return np.asarray(out_positions, dtype=np.int64), out_texts, long


def _pick(values: Sequence, index: np.ndarray) -> list:
    """values[index] as a list, at C speed."""
    if len(index) == 0:
        return []
    if len(index) == 1:
        return [values[int(index[0])]]
    return list(itemgetter(*index.tolist())(values))


_HEAD = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)")
_HEAD_WIDTH = 11  # '12/31/2015' and the character after it


def date_heads(values: Sequence[object]) -> Iterator[tuple[tuple[int, int, int], int, int]]:
    """((first number, second number, year), first index, count) per distinct day/month/year date that
    starts a text value. The first 11 characters of each text are packed exactly into an integer
    (4 bits a character: digit, '/', '.', '-', other, end), so equal dates are found by numpy."""
    kinds = set(map(type, values))
    positions: np.ndarray | None = None
    texts: Sequence[object]
    if str not in kinds:  # date cells of a sheet, date fields of a layer: no order to find
        return
    if not kinds <= {str, type(None)}:  # such cells or fields among texts
        positions, texts, _ = text_values(values)
    else:
        texts = values if type(None) not in kinds else ["" if v is None else v for v in values]
    if not texts:
        return
    codes = np.array(texts, dtype=f"U{_HEAD_WIDTH}").view(np.uint32).reshape(len(texts), _HEAD_WIDTH)
    for k in np.flatnonzero((codes[:, 0] == 32) | (codes[:, 0] == 9) | (codes[:, 0] == 0x3000)).tolist():
        codes[k] = np.array([str(texts[k]).strip()], dtype=f"U{_HEAD_WIDTH}").view(np.uint32)
    digit = (codes >= 48) & (codes <= 57)
    maybe = np.flatnonzero(digit[:, 0] & (~digit[:, 1] | ~digit[:, 2]))  # '1/' or '12/', not '2015-'
    if not len(maybe):
        return
    codes, digit = codes[maybe], digit[maybe]
    small = np.where(digit, codes - 48, 13)  # 13: any other character
    for char, value in ((47, 10), (46, 11), (45, 12), (0, 14)):  # '/', '.', '-', the end
        small[codes == char] = value
    key = np.zeros(len(maybe), dtype=np.int64)
    for j in range(_HEAD_WIDTH):
        key |= small[:, j].astype(np.int64) << (4 * j)
    _, first, counts = np.unique(key, return_index=True, return_counts=True)
    letters = "0123456789/.-x"
    for k, count in zip(first.tolist(), counts.tolist()):
        found = _HEAD.match("".join(letters[c] for c in small[k].tolist() if c != 14))
        if found:
            index = int(maybe[k]) if positions is None else int(positions[maybe[k]])
            yield (int(found.group(1)), int(found.group(3)), int(found.group(4))), index, count


def is_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True
